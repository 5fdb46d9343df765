"""Who completed a workshop: the programme's rule applied to the attendance marks.

Rule: attended sessions ÷ counted sessions ≥ the programme's `min_attendance_pct`, where
excused sessions are left out of the count and a late mark counts as attended unless the
centre configured otherwise (`programme_rule`). A session with no mark counts as absent.
Integer arithmetic (attended·100 ≥ pct·counted) keeps the boundary exact.

Part-way through a workshop, `standings` tells a trainer where each person stands: the rule
applied to the sessions held so far, how many are still to come, and how many of those the
person must attend to complete (the same rule over all sessions: the decision is unchanged)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.core.users import Permission, require
from desktop.store import RecordNotFound, Store


@dataclass(frozen=True)
class Rule:
    min_attendance_pct: int
    late_counts_present: bool = True
    excused_excluded: bool = True


@dataclass(frozen=True)
class CompletionResult:
    participant_id: str
    eligible: bool
    attended: int  # sessions that count as attended
    counted: int  # sessions in the denominator
    excused: int
    late: int
    absent: int  # absent or unmarked
    pct: float  # attended / counted × 100 (0 when nothing counts)
    reason: str  # why not eligible, in English; empty when eligible
    reason_code: str  # 'ok', 'below_minimum', 'no_sessions', 'all_excused'


def rule_for_programme(store: Store, programme_id: str) -> Rule:
    programme = store.get("programme", programme_id)
    if programme is None:
        raise RecordNotFound(f"No programme with id {programme_id}.")
    row = store.conn.execute(
        "SELECT late_counts_present, excused_excluded FROM programme_rule WHERE programme_id = ?",
        (programme_id,),
    ).fetchone()
    pct = int(
        programme["min_attendance_pct"] if programme["min_attendance_pct"] is not None else 100
    )
    if row is None:
        return Rule(pct)
    return Rule(pct, bool(row[0]), bool(row[1]))


def set_rule(
    store: Store, programme_id: str, *, late_counts_present: bool, excused_excluded: bool
) -> None:
    require(store, Permission.COMPLETION_RULES)
    with store.transaction():
        store.conn.execute(
            "INSERT INTO programme_rule(programme_id, late_counts_present, excused_excluded) "
            "VALUES (?, ?, ?) ON CONFLICT(programme_id) DO UPDATE SET "
            "late_counts_present = excluded.late_counts_present, "
            "excused_excluded = excluded.excused_excluded",
            (programme_id, int(late_counts_present), int(excused_excluded)),
        )


def evaluate(statuses: list[str | None], rule: Rule, participant_id: str = "") -> CompletionResult:
    """Apply `rule` to one participant's marks, one entry per session (None = unmarked)."""
    excused = sum(1 for s in statuses if s == "excused")
    late = sum(1 for s in statuses if s == "late")
    present = sum(1 for s in statuses if s == "present")
    absent = sum(1 for s in statuses if s in (None, "absent"))
    attended = present + (late if rule.late_counts_present else 0)
    counted = len(statuses) - (excused if rule.excused_excluded else 0)
    pct = round(attended * 100 / counted, 1) if counted else 0.0
    if not statuses:
        code, reason = "no_sessions", "the workshop has no sessions"
    elif counted == 0:
        code, reason = "all_excused", "excused from every session"
    elif attended * 100 >= rule.min_attendance_pct * counted:
        code, reason = "ok", ""
    else:
        code = "below_minimum"
        reason = (
            f"attended {attended} of {counted} sessions ({pct:g}%), "
            f"below the minimum of {rule.min_attendance_pct}%"
        )
    return CompletionResult(
        participant_id, code == "ok", attended, counted, excused, late, absent, pct, reason, code
    )


def _workshop_marks(
    store: Store, workshop_id: str
) -> tuple[Rule, list[tuple[str, str, str]], list[str], dict[tuple[str, str], str]]:
    """The rule, the sessions (id, date, start time) in order, the enrolled participants and
    their marks keyed by (session id, participant id)."""
    workshop = store.require("workshop", workshop_id)
    rule = rule_for_programme(store, workshop["programme_id"])
    sessions = [
        (r[0], r[1] or "", r[2] or "")
        for r in store.conn.execute(
            "SELECT id, date, start_time FROM session WHERE workshop_id = ? AND deleted = 0 "
            "ORDER BY date, start_time",
            (workshop_id,),
        )
    ]
    participants = [
        r[0]
        for r in store.conn.execute(
            "SELECT DISTINCT participant_id FROM enrolment WHERE workshop_id = ? "
            "AND deleted = 0 AND status = 'enrolled' ORDER BY participant_id",
            (workshop_id,),
        )
    ]
    marks: dict[tuple[str, str], str] = {}
    if sessions:
        marks_sql = (
            "SELECT session_id, participant_id, status FROM attendance WHERE deleted = 0 "
            f"AND session_id IN ({', '.join('?' for _ in sessions)})"
        )
        for session_id, participant_id, status in store.conn.execute(
            marks_sql, [s[0] for s in sessions]
        ):
            marks[(session_id, participant_id)] = status
    return rule, sessions, participants, marks


def evaluate_workshop(store: Store, workshop_id: str) -> list[CompletionResult]:
    """Every enrolled (not withdrawn) participant of the workshop with their result."""
    rule, sessions, participants, marks = _workshop_marks(store, workshop_id)
    return [evaluate([marks.get((s[0], p)) for s in sessions], rule, p) for p in participants]


@dataclass(frozen=True)
class Standing:
    """One participant part-way through a workshop."""

    participant_id: str
    so_far: CompletionResult  # the rule over the sessions held so far (unmarked = absent)
    held: int  # sessions held so far
    remaining: int  # sessions still to come
    #: how many of the remaining sessions the person must attend to complete: 0 when the
    #: minimum is reached whatever happens next, None when it can no longer be reached
    needed: int | None

    @property
    def can_complete(self) -> bool:
        return self.needed is not None


def needed_to_complete(held: list[str | None], remaining: int, rule: Rule) -> int | None:
    """The fewest of `remaining` sessions still to come that must be attended so that the
    final decision (`evaluate` over all sessions) is eligible; None if none suffice."""
    for k in range(remaining + 1):
        if evaluate(held + ["present"] * k + [None] * (remaining - k), rule).eligible:
            return k
    return None


def _held(session: tuple[str, str, str], now: datetime, marked: set[str]) -> bool:
    """A session is held once it has started, or as soon as anyone is marked at it (the
    desk opens before the start); an excused mark alone can be given ahead of time."""
    _id, day, start = session
    return f"{day} {start or '00:00'}" <= now.strftime("%Y-%m-%d %H:%M") or _id in marked


def standings(store: Store, workshop_id: str, now: datetime) -> list[Standing]:
    """Every enrolled participant's standing at `now`: sessions that have not been held are
    still to come, not absences."""
    rule, sessions, participants, marks = _workshop_marks(store, workshop_id)
    marked = {sid for (sid, _p), status in marks.items() if status != "excused"}
    held = [s for s in sessions if _held(s, now, marked)]
    to_come = [s for s in sessions if not _held(s, now, marked)]
    out = []
    for p in participants:
        statuses = [marks.get((s[0], p)) for s in held]
        # Excused ahead of time: left out of what is to come, as the rule leaves it out.
        ahead = [marks.get((s[0], p)) for s in to_come]
        excused_ahead = sum(1 for m in ahead if m == "excused")
        remaining = len(to_come) - excused_ahead
        full = statuses + ["excused"] * excused_ahead
        out.append(
            Standing(
                p,
                evaluate(statuses, rule, p),
                len(held),
                remaining,
                needed_to_complete(full, remaining, rule),
            )
        )
    return out


def eligible_participants(store: Store, workshop_id: str) -> list[str]:
    return [r.participant_id for r in evaluate_workshop(store, workshop_id) if r.eligible]
