"""Forwarding attended marks to learners' iGOT progress (SYNC-PROTOCOL.md §10).

A run plans, freezes, then sends. Planning finds attended marks (present, late) of linked
workshops that were never forwarded to their current target; freezing groups them per
learner (one request holds a learner's several sessions, as the `contents` array allows)
and stores each request's exact bytes before its first attempt, in one transaction with the
marks it carries; sending PATCHes the frozen bytes, retrying on no answer, 5xx and 429/503
(honouring Retry-After) with the portal sync's back-off, and stopping at 401/403. iGOT
answers OK even when it refused a write, so the per-content result map decides: SUCCESS, or
a refusal kept with iGOT's own words. A mark once forwarded is never sent again; progress
only rises on iGOT, so a mark corrected to absent or excused afterwards needs a person to act
there (see `status`)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from desktop.core.igot.client import IgotAuthError, IgotClient, IgotRefused, encode
from desktop.core.progress import Progress
from desktop.core.sync.client import Backoff, Transient
from desktop.core.users import Permission, require
from desktop.protocol.ids import new_id, now_ts, parse_ts, wall_now
from desktop.store import Store
from desktop.text.said import said, said_of

ATTENDED = ("present", "late")
MAX_CONTENTS = 50  # sessions per request: a learner's whole workshop fits in one
FLUSH_EVERY = 200  # answers kept in memory before they are committed (resending is safe)
SUCCESS = "SUCCESS"
BATCH_REFUSALS = ("NOT_A_ON_GOING_BATCH", "BATCH_NOT_EXISTS")
NO_RESULT = "NO_RESULT"
NO_USER_ID = "no iGOT user id"


def igot_time(moment: datetime) -> str:
    """`yyyy-MM-dd HH:mm:ss:SSSZ` (Java's Z: +0000), the format of this API."""
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S:") + f"{moment.microsecond // 1000:03d}+0000"


def _mark_time(marked_at: str | None) -> str:
    try:
        return igot_time(parse_ts(marked_at or ""))
    except ValueError:
        return igot_time(wall_now())


@dataclass
class Plan:
    new: list[dict[str, Any]] = field(default_factory=list)
    already: int = 0
    pending: int = 0
    skipped: dict[str, str] = field(default_factory=dict)  # participant id -> reason
    unlinked_sessions: dict[str, int] = field(default_factory=dict)  # session id -> marks


@dataclass
class ForwardResult:
    forwarded: int = 0
    already: int = 0
    pending: int = 0
    would_send: int = 0
    requests_sent: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    unlinked_sessions: list[dict[str, Any]] = field(default_factory=list)
    needs_action: int = 0
    stopped: str | None = None  # why the run stopped early (token refused, no network …)
    auth_failed: bool = False

    @property
    def complete(self) -> bool:
        return self.pending == 0 and not self.rejected and self.stopped is None

    def as_json(self) -> dict[str, Any]:
        return {
            "forwarded": self.forwarded,
            "already": self.already,
            "pending": self.pending,
            "rejected": self.rejected,
            "skipped": self.skipped,
            "unlinked_sessions": self.unlinked_sessions,
            "needs_action": self.needs_action,
            "would_send": self.would_send,
            "stopped": self.stopped,
        }


_PLAN_SQL = """
SELECT a.session_id, a.participant_id, a.status, a.marked_at, s.workshop_id,
       s.igot_session_id, s.date, s.start_time, w.igot_course_id, w.igot_batch_id,
       p.igot_user_id, m.state AS m_state, m.igot_user_id AS m_user, m.course_id AS m_course,
       m.batch_id AS m_batch, m.content_id AS m_content
FROM attendance a
JOIN session s ON s.id = a.session_id AND s.deleted = 0
JOIN workshop w ON w.id = s.workshop_id AND w.deleted = 0
LEFT JOIN participant p ON p.id = a.participant_id AND p.deleted = 0
LEFT JOIN igot_mark m ON m.session_id = a.session_id AND m.participant_id = a.participant_id
WHERE a.deleted = 0 AND a.status IN ('present', 'late')
  AND coalesce(w.igot_batch_id, '') <> '' AND coalesce(w.igot_course_id, '') <> ''
"""


def plan(store: Store, workshop_id: str | None = None) -> Plan:
    """Sort every attended mark of linked workshops: new, already forwarded, waiting in a
    frozen request, skipped (no iGOT user id) or in a session without its iGOT id."""
    sql, params = _PLAN_SQL, ()
    if workshop_id is not None:
        sql, params = sql + " AND w.id = ?", (workshop_id,)
    out = Plan()
    for r in store.conn.execute(sql + " ORDER BY s.date, s.start_time, a.session_id", params):
        if r["m_state"] == "pending":
            out.pending += 1
            continue
        target = (r["igot_user_id"], r["igot_course_id"], r["igot_batch_id"], r["igot_session_id"])
        if r["m_state"] is not None and target == (
            r["m_user"], r["m_course"], r["m_batch"], r["m_content"]
        ):
            if r["m_state"] == "forwarded":
                out.already += 1
            continue  # rejected: stays listed until its link changes
        if not r["igot_session_id"]:
            out.unlinked_sessions[r["session_id"]] = out.unlinked_sessions.get(
                r["session_id"], 0) + 1
            continue
        if not r["igot_user_id"]:
            out.skipped.setdefault(r["participant_id"], NO_USER_ID)
            continue
        out.new.append(dict(r))
    return out


def freeze(store: Store, marks: Iterable[dict[str, Any]]) -> int:
    """Group new marks per learner into requests and store each one's bytes with the marks
    it carries, in one transaction, before anything is sent. Returns the requests made."""
    by_user: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in marks:
        by_user[m["igot_user_id"]].append(m)
    created = now_ts()
    requests: list[tuple[str, str, bytes, str]] = []
    rows: list[tuple[Any, ...]] = []
    for user, items in by_user.items():
        for start in range(0, len(items), MAX_CONTENTS):
            chunk = items[start:start + MAX_CONTENTS]
            request_id = new_id()
            contents = [
                {"contentId": m["igot_session_id"], "batchId": m["igot_batch_id"],
                 "courseId": m["igot_course_id"], "status": 2, "completionPercentage": 100,
                 "lastAccessTime": _mark_time(m["marked_at"])}
                for m in chunk
            ]
            body = encode({"request": {"userId": user, "contents": contents}})
            requests.append((request_id, user, body, created))
            rows.extend(
                (m["session_id"], m["participant_id"], m["workshop_id"], user,
                 m["igot_course_id"], m["igot_batch_id"], m["igot_session_id"], m["status"],
                 request_id)
                for m in chunk
            )
    if not requests:
        return 0
    with store.transaction():
        store.conn.executemany(
            "INSERT INTO igot_request (id, igot_user_id, body, created_at) VALUES (?, ?, ?, ?)",
            requests,
        )
        store.conn.executemany(
            "INSERT INTO igot_mark (session_id, participant_id, workshop_id, igot_user_id, "
            "course_id, batch_id, content_id, status_sent, state, request_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?) "
            "ON CONFLICT(session_id, participant_id) DO UPDATE SET "
            "workshop_id = excluded.workshop_id, igot_user_id = excluded.igot_user_id, "
            "course_id = excluded.course_id, batch_id = excluded.batch_id, "
            "content_id = excluded.content_id, status_sent = excluded.status_sent, "
            "state = 'pending', request_id = excluded.request_id, reason = NULL, "
            "forwarded_at = NULL",
            rows,
        )
    return len(requests)


def _listed(value: Any, batch_id: str) -> bool:
    if isinstance(value, list):
        return batch_id in value
    return value == batch_id


def outcome(result: dict[str, Any], content_id: str, batch_id: str) -> str:
    """SUCCESS, or the refusal iGOT wrote for this content (its own words)."""
    value = result.get(content_id)
    if value == SUCCESS:
        return SUCCESS
    for code in BATCH_REFUSALS:
        if _listed(result.get(code), batch_id):
            return code
    if isinstance(value, str) and value.strip():
        return value.strip()[:200]
    return NO_RESULT


class _Writer:
    """Answers committed in groups: a crash loses at most a group, whose requests are then
    resent unchanged, which is harmless (progress only rises; status 2 again is status 2)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.done: list[tuple[str, str]] = []
        self.failed: list[tuple[str, str]] = []
        self.attempts: list[tuple[str, str]] = []
        self.marks: list[tuple[str, str | None, str | None, str, str]] = []
        self.forwarded = 0

    def answer(self, request_id: str, contents: list[tuple[str, str]],
               marks: list[tuple[str, str, str, str]], result: dict[str, Any]) -> None:
        at = now_ts()
        verdicts = {(c, b): outcome(result, c, b) for c, b in contents}
        for session_id, participant_id, content_id, batch_id in marks:
            verdict = verdicts.get((content_id, batch_id), NO_RESULT)
            if verdict == SUCCESS:
                self.forwarded += 1
                self.marks.append(("forwarded", None, at, session_id, participant_id))
            else:
                self.marks.append(("rejected", verdict, None, session_id, participant_id))
        self.done.append((at, request_id))

    def refused(self, request_id: str, marks: list[tuple[str, str, str, str]],
                reason: str) -> None:
        self.failed.append((reason, request_id))
        self.marks.extend(("rejected", reason, None, s, p) for s, p, _c, _b in marks)

    def tried(self, request_id: str, error: str) -> None:
        self.attempts.append((error, request_id))

    def flush(self) -> None:
        if not (self.done or self.failed or self.attempts):
            return
        with self.store.transaction():
            c = self.store.conn
            c.executemany("UPDATE igot_request SET attempts = attempts + 1, last_error = ? "
                          "WHERE id = ?", self.attempts)
            c.executemany("UPDATE igot_request SET state = 'done', attempts = attempts + 1, "
                          "answered_at = ?, last_error = NULL WHERE id = ?", self.done)
            c.executemany("UPDATE igot_request SET state = 'failed', attempts = attempts + 1, "
                          "last_error = ? WHERE id = ?", self.failed)
            c.executemany("UPDATE igot_mark SET state = ?, reason = ?, forwarded_at = ? "
                          "WHERE session_id = ? AND participant_id = ?", self.marks)
        self.done, self.failed, self.attempts, self.marks = [], [], [], []


def send_queued(
    store: Store,
    client: IgotClient,
    backoff: Backoff | None = None,
    progress: Progress | None = None,
) -> tuple[int, int, str | None, bool]:
    """Send every frozen request not yet answered, oldest first.
    Returns (marks forwarded, requests answered, why it stopped or None, token refused)."""
    backoff = backoff or Backoff()
    queued = store.conn.execute(
        "SELECT id, body FROM igot_request WHERE state = 'queued' ORDER BY created_at, id"
    ).fetchall()
    marks_of: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    if queued:
        for r in store.conn.execute(
            "SELECT m.request_id, m.session_id, m.participant_id, m.content_id, m.batch_id "
            "FROM igot_mark m JOIN igot_request q ON q.id = m.request_id "
            "WHERE q.state = 'queued' AND m.state = 'pending'"
        ):
            marks_of[r[0]].append((r[1], r[2], r[3], r[4]))
    writer = _Writer(store)
    answered = 0
    stopped: str | None = None
    auth = False
    try:
        for n, (request_id, body) in enumerate(queued, start=1):
            body = bytes(body)
            contents = [(c["contentId"], c["batchId"])
                        for c in json.loads(body)["request"]["contents"]]
            attempt = 0
            while True:
                attempt += 1
                try:
                    result = client.update_state(body)
                except Transient as exc:
                    writer.tried(request_id, str(exc))
                    if not backoff.wait(attempt, exc.retry_after):
                        stopped = said(
                            "{error} The rest waits for the next run.",
                            error=said_of(exc) or str(exc),
                        )
                        return writer.forwarded, answered, stopped, auth
                    continue
                except IgotAuthError as exc:
                    stopped, auth = said_of(exc) or str(exc), True
                    return writer.forwarded, answered, stopped, auth
                except IgotRefused as exc:
                    writer.refused(request_id, marks_of[request_id], exc.code)
                    break
                writer.answer(request_id, contents, marks_of[request_id], result)
                break
            answered += 1
            if n % FLUSH_EVERY == 0:
                writer.flush()
            if progress is not None:
                progress(n, len(queued), f"{n} of {len(queued)} iGOT requests answered")
    finally:
        writer.flush()
    return writer.forwarded, answered, stopped, auth


def summary_lists(store: Store, workshop_id: str | None = None) -> dict[str, Any]:
    """Pending count, refusals, and marks that need action on iGOT, from the bookkeeping."""
    where, params = ("WHERE m.workshop_id = ?", (workshop_id,)) if workshop_id else ("", ())
    counts = dict(store.conn.execute(
        f"SELECT m.state, count(*) FROM igot_mark m {where} GROUP BY m.state", params
    ).fetchall())
    rejected = [
        {"participant_id": r[0], "session_id": r[1], "reason": r[2]}
        for r in store.conn.execute(
            f"SELECT m.participant_id, m.session_id, m.reason FROM igot_mark m {where}"
            f"{' AND' if where else ' WHERE'} m.state = 'rejected' "
            "ORDER BY m.session_id, m.participant_id", params)
    ]
    needs = [
        {"participant_id": r[0], "session_id": r[1], "status": r[2] or "deleted",
         "forwarded_at": r[3]}
        for r in store.conn.execute(
            "SELECT m.participant_id, m.session_id, "
            "CASE WHEN a.deleted = 0 THEN a.status END, m.forwarded_at FROM igot_mark m "
            "LEFT JOIN attendance a ON a.session_id = m.session_id "
            "AND a.participant_id = m.participant_id "
            f"{where}{' AND' if where else ' WHERE'} m.state = 'forwarded' "
            "AND (a.id IS NULL OR a.deleted = 1 OR a.status NOT IN ('present', 'late')) "
            "ORDER BY m.session_id, m.participant_id", params)
    ]
    return {"forwarded": counts.get("forwarded", 0), "pending": counts.get("pending", 0),
            "rejected": rejected, "needs_action": needs}


def forward(
    store: Store,
    client: IgotClient | None,
    *,
    workshop_id: str | None = None,
    dry_run: bool = False,
    backoff: Backoff | None = None,
    progress: Progress | None = None,
    automatic: bool = False,
) -> ForwardResult:
    """Plan, freeze and send (or, with `dry_run`, only say what would be sent).
    `automatic`: the GUI's run after a sync, the desk's own work (no role needed)."""
    automatic or require(store, Permission.IGOT)
    if workshop_id is not None:
        store.require("workshop", workshop_id)
    if dry_run:
        found = plan(store, workshop_id)
    else:
        # plan and freeze as one write: a second run at the same moment (the GUI's automatic
        # one and a CLI run) waits, then finds the marks already frozen
        with store.transaction():
            found = plan(store, workshop_id)
            freeze(store, found.new)
    result = ForwardResult(already=found.already)
    result.skipped = [{"participant_id": pid, "reason": why}
                      for pid, why in sorted(found.skipped.items())]
    result.unlinked_sessions = [{"session_id": sid, "marks": n}
                                for sid, n in sorted(found.unlinked_sessions.items())]
    if dry_run:
        result.would_send = len(found.new)
    elif client is not None:
        has_queue = store.conn.execute(
            "SELECT 1 FROM igot_request WHERE state = 'queued' LIMIT 1").fetchone()
        if has_queue:
            sent = send_queued(store, client, backoff, progress)
            result.forwarded, result.requests_sent, result.stopped, result.auth_failed = sent
    lists = summary_lists(store, workshop_id)
    result.pending = lists["pending"] + result.would_send
    result.rejected = lists["rejected"]
    result.needs_action = len(lists["needs_action"])
    return result
