"""The monthly review's numbers: the funnel, its breakdowns and its 12-month trend.

Definitions (`../shared/CLI.md`, `report monthly`), for a period P (one month, or a range of
months taken as one span from the first day of the first to the last day of the last):
"in P" = `start_date ≤ last day` and `end_date ≥ first day`; deleted rows never count.

- registered: participants on the roster (the roster has no registration date);
- enrolled: distinct participants with an enrolment, not withdrawn, in a workshop in P;
- attended: of those, distinct participants with a `present` or `late` mark in a session of
  such a workshop dated in P;
- completed: distinct participants the completion rule finds eligible in a workshop in P that
  ended by the last day of P;
- certified: distinct participants holding a certificate issued (local day) by the last day
  of P, not revoked and not superseded, for a workshop in P.

A participant counts once per row whatever the number of workshops. Department, district and
service group are the participant's own fields; institute and programme are the workshop's,
so those rows have no `registered` (None): the roster belongs to no workshop. The filters on
participant fields narrow every step; the workshop filters (institute, mode) narrow the steps
from enrolled on.

About 800 lines on purpose: these definitions are one set of queries shared by the desk's
review, the dashboard, the report files and the portal's state view; split into parts, the
period and filter rules would have to be repeated in each."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from desktop.core import lookups
from desktop.core.completion import Rule, evaluate, rule_for_programme
from desktop.core.dates import local_day
from desktop.core.nodal import NodalOfficer, officers
from desktop.core.reports import month_bounds
from desktop.store import RecordNotFound, Store

STEPS = ("registered", "enrolled", "attended", "completed", "certified")
#: service_group → the review's two groups (officers A/B, staff C/D).
GROUPS = {"A": "A/B", "B": "A/B", "C": "C/D", "D": "C/D"}
GROUP_LABELS = {"A/B": ("Officers (A/B)", "अधिकारी (A/B)"), "C/D": ("Staff (C/D)", "कर्मचारी (C/D)")}
UNKNOWN = ""  # a participant or workshop with the field left empty
MODES = ("institute", "field")
#: the review's breakdown tables, as `Review` attributes
BREAKDOWNS = ("by_department", "by_district", "by_group", "by_institute", "by_programme")


@dataclass(frozen=True)
class Filters:
    """What the review is narrowed to; None = everything."""

    department: str | None = None
    district_code: str | None = None
    institute_code: str | None = None
    mode: str | None = None
    service_group: str | None = None  # 'A/B' or 'C/D'

    def __post_init__(self) -> None:
        if self.mode is not None and self.mode not in MODES:
            raise ValueError(f"mode {self.mode!r}: expected one of {', '.join(MODES)}")
        if self.service_group is not None and self.service_group not in GROUP_LABELS:
            raise ValueError(f"service group {self.service_group!r}: expected A/B or C/D")


@dataclass
class FunnelRow:
    """One row of a table: its key, labels, and the five steps."""

    key: str
    label_en: str
    label_hi: str
    registered: int | None = 0
    enrolled: int = 0
    attended: int = 0
    completed: int = 0
    certified: int = 0

    def counts(self) -> dict[str, int | None]:
        return {step: getattr(self, step) for step in STEPS}

    def shares(self) -> dict[str, float | None]:
        """Each step as a % of the step before (None for the first, or when the one before
        is 0 or unknown), one decimal."""
        out: dict[str, float | None] = {STEPS[0]: None}
        for before, step in zip(STEPS, STEPS[1:], strict=False):
            base = getattr(self, before)
            value = getattr(self, step)
            out[step] = round(value * 100 / base, 1) if base else None
        return out


@dataclass
class WorkshopLine:
    id: str
    title_en: str
    title_hi: str | None
    mode: str
    institute_code: str
    start_date: str
    end_date: str
    enrolled: int
    attended: int
    completed: int | None  # None while the workshop is still running at the period's end


@dataclass
class Review:
    month: str
    to_month: str
    first_day: str
    last_day: str
    filters: Filters
    funnel: FunnelRow
    by_department: list[FunnelRow] = field(default_factory=list)
    by_district: list[FunnelRow] = field(default_factory=list)
    by_institute: list[FunnelRow] = field(default_factory=list)
    by_group: list[FunnelRow] = field(default_factory=list)
    by_programme: list[FunnelRow] = field(default_factory=list)
    trend: list[FunnelRow] = field(default_factory=list)
    workshops: list[WorkshopLine] = field(default_factory=list)
    #: the department's nodal officer(s); every department's when the review is for all
    nodal_officers: list[NodalOfficer] = field(default_factory=list)



def _join(store: Store) -> str:
    """How the review joins participants to enrolments and certificates. On SQLite, `CROSS
    JOIN` keeps the planner from starting at the roster (1.88 M rows) when a filter on the
    person is given; other databases (the portal's PostgreSQL) plan it themselves and spell
    it `JOIN`. Everything else the review writes is ANSI SQL with `?` parameters."""
    return "CROSS JOIN" if isinstance(store.conn, sqlite3.Connection) else "JOIN"


def _count_of(status: str) -> str:
    """The number of marks with this status in a group, in ANSI SQL (not SQLite's sum of a
    boolean, which PostgreSQL refuses)."""
    return f"sum(CASE WHEN a.status = '{status}' THEN 1 ELSE 0 END)"


def months_back(month: str, count: int) -> list[str]:
    """`count` months ending with `month`, oldest first."""
    year, mon = int(month[:4]), int(month[5:7])
    out = []
    for _ in range(count):
        out.append(f"{year:04d}-{mon:02d}")
        year, mon = (year - 1, 12) if mon == 1 else (year, mon - 1)
    return out[::-1]


def _period(month: str, to_month: str | None) -> tuple[str, str]:
    first, last = month_bounds(month)
    if to_month:
        last = month_bounds(to_month)[1]
        if last < first:
            raise ValueError(f"--to {to_month} is before --month {month}")
    return first, last


# participant id -> (department, district_code, group), filled as the steps read them
People = dict[str, tuple[str, str, str]]
_GROUP_CODES = {g: [c for c, v in GROUPS.items() if v == g] for g in GROUP_LABELS}


def _group(code: str | None) -> str:
    return GROUPS.get((code or "").strip().upper(), UNKNOWN)


def _who(f: Filters, alias: str) -> tuple[str, list[str]]:
    """SQL narrowing participants (`alias`) to the filters, with its arguments. Plain
    comparisons, so the `participant_review` index serves them."""
    where, args = [f"{alias}.deleted = 0"], []
    for column, value in (("department", f.department), ("district_code", f.district_code)):
        if value is None:
            continue
        if value == UNKNOWN:
            where.append(f"({alias}.{column} IS NULL OR {alias}.{column} = '')")
        else:
            where.append(f"{alias}.{column} = ?")
            args.append(value)
    if f.service_group is not None:
        codes = _GROUP_CODES[f.service_group]
        where.append(f"{alias}.service_group IN ({', '.join('?' for _ in codes)})")
        args.extend(codes)
    return " AND ".join(where), args


@dataclass
class _Roster:
    """Registered counts: the roster has no date, so one read serves every month."""

    total: int = 0
    by: tuple[dict[str, int], dict[str, int], dict[str, int]] = field(
        default_factory=lambda: ({}, {}, {})
    )


def _roster(store: Store, f: Filters) -> _Roster:
    """Registered counts under `f`, from the roster's counts per (department, district,
    group) — one grouped read per state of the data, kept, so a filter change reads nothing."""

    def read() -> list[tuple[str, str, str, int]]:
        return [
            (dept or UNKNOWN, district or UNKNOWN, _group(group), count)
            for dept, district, group, count in store.conn.execute(
                "SELECT department, district_code, service_group, count(*) FROM participant "
                "WHERE deleted = 0 GROUP BY 1, 2, 3"
            )
        ]

    roster = _Roster()
    for dept, district, group, count in _cached(store, ("roster",), read):
        if not _keeps(f, (dept, district, group)):
            continue
        roster.total += count
        for index, key in enumerate((dept, district, group)):
            roster.by[index][key] = roster.by[index].get(key, 0) + count
    return roster


def _keeps(f: Filters, person: tuple[str, str, str]) -> bool:
    """Whether a participant's (department, district, group) passes the filters."""
    dept, district, group = person
    return (
        (f.department is None or dept == f.department)
        and (f.district_code is None or district == f.district_code)
        and (f.service_group is None or group == f.service_group)
    )


# -- what is kept between reads ----------------------------------------------------------
#: (database file, data state, what) -> a result; a few, newest last. The data state is the
#: version clock, which every record write raises, plus the local completion rules (the
#: one input that is not a versioned record): any change makes a new key.
_CACHE: OrderedDict[tuple, Any] = OrderedDict()
CACHE_SIZE = 6
_CACHE_LOCK = threading.Lock()


def _state(store: Store) -> tuple | None:
    """What the numbers depend on; None for an in-memory database (nothing is kept)."""
    if store.path is None:
        return None
    rules = store.conn.execute(
        "SELECT group_concat(programme_id || ':' || late_counts_present || ':' || "
        "excused_excluded) FROM programme_rule"
    ).fetchone()[0]
    return (str(store.path), store.highest_version(), rules)


def _cached(store: Store, what: tuple, read: Callable[[], Any]) -> Any:
    """`read()`, or what it gave for the same data before. The state is read first, so a
    write landing during `read()` can only make the kept answer newer than its key (the
    next call then reads again), never older."""
    state = _state(store)
    if state is None:
        return read()
    key = (state, what)
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    value = read()
    with _CACHE_LOCK:
        _CACHE[key] = value
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return value


def clear_cache() -> None:
    """Forget every kept answer (a benchmark measuring a cold start; tests)."""
    with _CACHE_LOCK:
        _CACHE.clear()


@dataclass
class _Facts:
    """Who reached each step, as (participant, workshop) pairs, for one period."""

    enrolled: set[tuple[str, str]] = field(default_factory=set)
    attended: set[tuple[str, str]] = field(default_factory=set)
    completed: set[tuple[str, str]] = field(default_factory=set)
    certified: set[tuple[str, str]] = field(default_factory=set)


def _workshops(store: Store, first: str, last: str, f: Filters) -> list[dict]:
    where = [
        "deleted = 0",
        "start_date <= ?",
        "coalesce(nullif(end_date, ''), start_date) >= ?",
    ]
    args: list[str] = [last, first]
    if f.institute_code is not None:
        where.append("coalesce(institute_code, '') = ?")
        args.append(f.institute_code)
    if f.mode is not None:
        where.append("mode = ?")
        args.append(f.mode)
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT id, programme_id, institute_code, title_en, title_hi, mode, start_date, "
            "coalesce(nullif(end_date, ''), start_date) AS end_date FROM workshop "
            f"WHERE {' AND '.join(where)} ORDER BY start_date, title_en, id",
            args,
        )
    ]


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _deleted(store: Store) -> set[str]:
    """Ids of deleted participants (a small partial index holds exactly these)."""
    return {r[0] for r in store.conn.execute("SELECT id FROM participant WHERE deleted = 1")}


def _facts(
    store: Store,
    f: Filters,
    people: People | None,
    workshops: list[dict],
    first: str,
    last: str,
    completions: dict[str, set[str]],
) -> _Facts:
    """Who reached each step. `completions` keeps each workshop's eligible participants
    across calls (a workshop's result does not depend on the month asked about)."""
    facts = _Facts()
    who, who_args = _who(f, "p")
    # The trend needs no one's department: without participant filters the enrolments are
    # read alone (no lookup of each participant), leaving out the deleted ones.
    bare = people is None and who == "p.deleted = 0"
    deleted = _deleted(store) if bare else set()
    ids = [w["id"] for w in workshops]
    ended = {w["id"] for w in workshops if w["end_date"] <= last}
    rules = {w["id"]: w["programme_id"] for w in workshops}
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        if bare:
            for pid, wid in store.conn.execute(
                "SELECT participant_id, workshop_id FROM enrolment WHERE deleted = 0 "
                f"AND status = 'enrolled' AND workshop_id IN ({marks})",
                chunk,
            ):
                if pid not in deleted:
                    facts.enrolled.add((pid, wid))
        else:
            for pid, wid, dept, district, group in store.conn.execute(
                "SELECT e.participant_id, e.workshop_id, p.department, p.district_code, "
                "p.service_group FROM enrolment e "
                f"{_join(store)} participant p ON p.id = e.participant_id "
                f"WHERE e.deleted = 0 AND e.status = 'enrolled' AND e.workshop_id IN ({marks}) "
                f"AND {who}",
                [*chunk, *who_args],
            ):
                if people is not None:
                    people[pid] = (dept or UNKNOWN, district or UNKNOWN, _group(group))
                facts.enrolled.add((pid, wid))
        _marks(store, chunk, facts, first, last, ended, completions, rules)
        superseded = "SELECT 1 FROM certificate n WHERE n.deleted = 0 AND n.supersedes = c.id"
        for pid, wid, issued, dept, district, group in store.conn.execute(
            "SELECT c.participant_id, c.workshop_id, c.issued_at, p.department, "
            "p.district_code, p.service_group FROM certificate c "
            f"{_join(store)} participant p ON p.id = c.participant_id "
            f"WHERE c.deleted = 0 AND c.workshop_id IN ({marks}) "
            "AND coalesce(c.revoked_at, '') = '' "
            f"AND NOT EXISTS ({superseded}) AND {who}",
            [*chunk, *who_args],
        ):
            if issued and local_day(issued) <= last:
                if people is not None:
                    people[pid] = (dept or UNKNOWN, district or UNKNOWN, _group(group))
                facts.certified.add((pid, wid))
    for wid in ended:
        for pid in completions.get(wid, ()):
            facts.completed.add((pid, wid))
    return facts


def _eligible(
    memo: dict[tuple, bool], rule: Rule, sessions: int, present: int, late: int, excused: int
) -> bool:
    """`completion.evaluate` on a participant's counts (no mark = absent). The rule depends
    only on the counts, and a month's workshops give few distinct ones: each is evaluated
    once (`memo`), not once per participant."""
    key = (rule, sessions, present, late, excused)
    if key not in memo:
        absent = sessions - present - late - excused
        statuses = ["present"] * present + ["late"] * late + ["excused"] * excused
        memo[key] = evaluate(statuses + [None] * absent, rule).eligible
    return memo[key]


def _marks(
    store: Store,
    chunk: list[str],
    facts: _Facts,
    first: str,
    last: str,
    ended: set[str],
    completions: dict[str, set[str]],
    programmes: dict[str, str],
) -> None:
    """One grouped read of the workshops' marks gives, per enrolled participant, whether they
    attended in the period and their counts for the completion rule (`completion.evaluate`
    over every session of the workshop; no mark = absent), for workshops that have ended
    and were not evaluated yet."""
    marks = ", ".join("?" for _ in chunk)
    n_sessions = dict(
        store.conn.execute(
            f"SELECT workshop_id, count(*) FROM session WHERE workshop_id IN ({marks}) "
            "AND deleted = 0 GROUP BY workshop_id",
            chunk,
        ).fetchall()
    )
    todo = {wid for wid in chunk if wid in ended and wid not in completions}
    for wid in todo:
        completions[wid] = set()
    rules: dict[str, Rule] = {}
    memo: dict[tuple, bool] = {}
    enrolled, attended = facts.enrolled, facts.attended
    for wid, pid, present, late, excused, in_period in store.conn.execute(
        "SELECT s.workshop_id, a.participant_id, "
        f"{_count_of('present')}, {_count_of('late')}, {_count_of('excused')}, "
        "max(CASE WHEN a.status IN ('present', 'late') AND s.date BETWEEN ? AND ? "
        "THEN 1 ELSE 0 END) "
        "FROM session s JOIN attendance a ON a.session_id = s.id "
        f"WHERE s.workshop_id IN ({marks}) AND s.deleted = 0 AND a.deleted = 0 "
        "AND a.status IN ('present', 'late', 'excused') GROUP BY 1, 2",
        [first, last, *chunk],
    ):
        if (pid, wid) not in enrolled:
            continue
        if in_period:
            attended.add((pid, wid))
        if wid in todo:
            programme = programmes[wid]
            if programme not in rules:
                try:
                    rules[programme] = rule_for_programme(store, programme)
                except RecordNotFound:
                    rules[programme] = Rule(100)
            if _eligible(memo, rules[programme], n_sessions.get(wid, 0), present, late,
                         excused):
                completions[wid].add(pid)


def _rows(
    facts: _Facts,
    key_of: Callable[[str, str], str],
    registered: dict[str, int] | None,
    label_of: Callable[[str], tuple[str, str]],
) -> dict[str, FunnelRow]:
    rows: dict[str, FunnelRow] = {}

    def row(key: str) -> FunnelRow:
        if key not in rows:
            en, hi = label_of(key)
            rows[key] = FunnelRow(key, en, hi, registered=0 if registered is not None else None)
        return rows[key]

    for key, count in (registered or {}).items():
        row(key).registered = count
    for step in STEPS[1:]:
        seen: dict[str, set[str]] = defaultdict(set)
        for pid, wid in getattr(facts, step):
            seen[key_of(pid, wid)].add(pid)
        for key, pids in seen.items():
            setattr(row(key), step, len(pids))
    return rows


def _person_rows(
    facts: _Facts,
    people: People,
    index: int,
    registered: dict[str, int],
    label_of: Callable[[str], tuple[str, str]],
) -> dict[str, FunnelRow]:
    """`_rows` for a key of the person (department, district or group: `people[p][index]`):
    each step's distinct participants counted once per key, without a set per key."""
    rows: dict[str, FunnelRow] = {}
    for key, count in registered.items():
        rows[key] = FunnelRow(key, *label_of(key), registered=count)
    for step in STEPS[1:]:
        counted: dict[str, int] = defaultdict(int)
        for pid in {pid for pid, _ in getattr(facts, step)}:
            counted[people[pid][index]] += 1
        for key, count in counted.items():
            if key not in rows:
                rows[key] = FunnelRow(key, *label_of(key), registered=0)
            setattr(rows[key], step, count)
    return rows


def _total(registered: int, facts: _Facts, label: tuple[str, str], key: str) -> FunnelRow:
    row = FunnelRow(key, *label, registered=registered)
    for step in STEPS[1:]:
        setattr(row, step, len({pid for pid, _ in getattr(facts, step)}))
    return row


def _sorted(rows: dict[str, FunnelRow]) -> list[FunnelRow]:
    """Named rows in English alphabetical order, the empty key ("not given") last."""
    return sorted(rows.values(), key=lambda r: (r.key == UNKNOWN, r.label_en.lower()))


def _period_facts(
    store: Store, first: str, last: str, f: Filters
) -> tuple[list[dict], _Facts, People]:
    """The period's workshops and who reached each step under `f`. Everyone's facts for the
    period are read once (and kept): a filter is then applied in Python, so changing the
    dashboard's department, district, group or mode reads nothing again."""

    def read() -> tuple[list[dict], _Facts, People]:
        people: People = {}
        workshops = _workshops(store, first, last, Filters())
        return workshops, _facts(store, Filters(), people, workshops, first, last, {}), people

    workshops, facts, people = _cached(store, ("facts", first, last), read)
    if f == Filters():
        return workshops, facts, people
    workshops = [
        w for w in workshops
        if (f.institute_code is None or (w["institute_code"] or "") == f.institute_code)
        and (f.mode is None or w["mode"] == f.mode)
    ]
    ids = {w["id"] for w in workshops}
    steps = [getattr(facts, step) for step in STEPS[1:]]
    if f.department is None and f.district_code is None and f.service_group is None:
        narrowed = _Facts(*({(p, w) for p, w in pairs if w in ids} for pairs in steps))
    else:
        allowed = {p for p, person in people.items() if _keeps(f, person)}
        if f.institute_code is None and f.mode is None:
            narrowed = _Facts(*({(p, w) for p, w in pairs if p in allowed} for pairs in steps))
        else:
            narrowed = _Facts(*(
                {(p, w) for p, w in pairs if p in allowed and w in ids} for pairs in steps
            ))
    return workshops, narrowed, people


def funnel(
    store: Store, month: str, to_month: str | None = None, filters: Filters | None = None
) -> FunnelRow:
    """The five steps for a month (or range), nothing more: what the dashboard refreshes."""
    f = filters or Filters()
    first, last = _period(month, to_month)
    _workshops_, facts, _people = _period_facts(store, first, last, f)
    return _total(_roster(store, f).total, facts, ("Total", "कुल"), to_month or month)


def _trend(
    store: Store,
    f: Filters,
    month: str,
    count: int,
    registered: int,
) -> list[FunnelRow]:
    """The funnel of each of `count` months ending with `month`, in ONE pass over the span:
    its workshops, enrolments, marks (grouped by the month of the session) and certificates
    are read once, and each month takes its part in Python — a workshop's completion is
    evaluated once, its marks never re-read for the next month (the same numbers as
    `funnel` month by month; tests compare them)."""
    months = months_back(month, count)
    if not months:
        return []
    bounds = [month_bounds(m) for m in months]
    workshops = _workshops(store, bounds[0][0], bounds[-1][1], f)
    who, who_args = _who(f, "p")
    bare = who == "p.deleted = 0"
    deleted = _deleted(store) if bare else set()
    #: workshop -> indexes of the months it overlaps; and its end
    spans: dict[str, list[int]] = {}
    end_of: dict[str, str] = {}
    for w in workshops:
        end_of[w["id"]] = w["end_date"]
        spans[w["id"]] = [
            i for i, (first, last) in enumerate(bounds)
            if w["start_date"] <= last and w["end_date"] >= first
        ]
    enrolled: list[set[str]] = [set() for _ in months]
    attended: list[set[str]] = [set() for _ in months]
    completed: list[set[str]] = [set() for _ in months]
    certified: list[set[str]] = [set() for _ in months]
    index_of = {m: i for i, m in enumerate(months)}
    last_ends = bounds[-1][1]
    rules = {w["id"]: w["programme_id"] for w in workshops}
    cache: dict[str, Rule] = {}
    memo: dict[tuple, bool] = {}
    for chunk in _chunks(list(spans)):
        marks = ", ".join("?" for _ in chunk)
        pairs: set[tuple[str, str]] = set()
        if bare:
            sql = ("SELECT participant_id, workshop_id FROM enrolment WHERE deleted = 0 "
                   f"AND status = 'enrolled' AND workshop_id IN ({marks})")
            rows = store.conn.execute(sql, chunk)
        else:
            sql = ("SELECT e.participant_id, e.workshop_id FROM enrolment e "
                   f"{_join(store)} participant p ON p.id = e.participant_id "
                   "WHERE e.deleted = 0 AND e.status = 'enrolled' "
                   f"AND e.workshop_id IN ({marks}) AND {who}")
            rows = store.conn.execute(sql, [*chunk, *who_args])
        for pid, wid in rows:
            if pid in deleted:
                continue
            pairs.add((pid, wid))
            for i in spans[wid]:
                enrolled[i].add(pid)
        n_sessions = dict(store.conn.execute(
            f"SELECT workshop_id, count(*) FROM session WHERE workshop_id IN ({marks}) "
            "AND deleted = 0 GROUP BY workshop_id", chunk).fetchall())
        totals: dict[tuple[str, str], list[int]] = {}
        for wid, pid, day_month, present, late, excused in store.conn.execute(
            "SELECT s.workshop_id, a.participant_id, substr(s.date, 1, 7), "
            f"{_count_of('present')}, {_count_of('late')}, {_count_of('excused')} "
            "FROM session s JOIN attendance a ON a.session_id = s.id "
            f"WHERE s.workshop_id IN ({marks}) AND s.deleted = 0 AND a.deleted = 0 "
            "AND a.status IN ('present', 'late', 'excused') GROUP BY 1, 2, 3",
            chunk,
        ):
            if (pid, wid) not in pairs:
                continue
            i = index_of.get(day_month)
            if (present or late) and i is not None and i in spans[wid]:
                attended[i].add(pid)
            if end_of[wid] <= last_ends:
                total = totals.setdefault((pid, wid), [0, 0, 0])
                total[0] += present
                total[1] += late
                total[2] += excused
        for (pid, wid), (present, late, excused) in totals.items():
            programme = rules[wid]
            if programme not in cache:
                try:
                    cache[programme] = rule_for_programme(store, programme)
                except RecordNotFound:
                    cache[programme] = Rule(100)
            if _eligible(memo, cache[programme], n_sessions.get(wid, 0), present, late,
                         excused):
                for i in spans[wid]:
                    if end_of[wid] <= bounds[i][1]:
                        completed[i].add(pid)
        superseded = "SELECT 1 FROM certificate n WHERE n.deleted = 0 AND n.supersedes = c.id"
        for pid, wid, issued in store.conn.execute(
            "SELECT c.participant_id, c.workshop_id, c.issued_at FROM certificate c "
            f"{_join(store)} participant p ON p.id = c.participant_id "
            f"WHERE c.deleted = 0 AND c.workshop_id IN ({marks}) "
            "AND coalesce(c.revoked_at, '') = '' "
            f"AND NOT EXISTS ({superseded}) AND {who}",
            [*chunk, *who_args],
        ):
            if not issued:
                continue
            day = local_day(issued)
            for i in spans[wid]:
                if day <= bounds[i][1]:
                    certified[i].add(pid)
    return [
        FunnelRow(m, m, m, registered, len(enrolled[i]), len(attended[i]), len(completed[i]),
                  len(certified[i]))
        for i, m in enumerate(months)
    ]


def trend(
    store: Store, month: str, filters: Filters | None = None, count: int = 12
) -> list[FunnelRow]:
    """The funnel month by month, `count` months ending with `month` (oldest first): what
    the dashboard reads after it has shown the month itself."""
    f = filters or Filters()
    month_bounds(month)  # a bad month is refused before any reading
    return _kept_trend(store, f, month, count, _roster(store, f).total)


def _kept_trend(store: Store, f: Filters, month: str, count: int, registered: int
                ) -> list[FunnelRow]:
    """The trend, kept per filter: the dashboard's and then the report's for the same month
    and filters read it once. Copies, so a caller's change never reaches the kept rows."""
    rows = _cached(store, ("trend", month, count, f),
                   lambda: _trend(store, f, month, count, registered))
    return [replace(r) for r in rows]


def build_review(
    store: Store,
    month: str,
    to_month: str | None = None,
    filters: Filters | None = None,
    trend_months: int = 12,
    breakdowns: Iterable[str] = BREAKDOWNS,
    workshop_lines: bool = True,
) -> Review:
    """Everything the monthly report shows: funnel, breakdowns, trend, workshops (the
    dashboard, which shows no workshop lines, asks `workshop_lines=False`)."""
    f = filters or Filters()
    first, last = _period(month, to_month)
    roster = _roster(store, f)
    workshops, facts, people = _period_facts(store, first, last, f)
    review = Review(
        month, to_month or month, first, last, f, _total(roster.total, facts, ("Total", "कुल"), "")
    )

    departments_hi = lookups.department_names_hi(store)
    districts = lookups.district_names(store)
    programmes = {
        r[0]: (r[1] or r[0], r[2] or r[1] or r[0])
        for r in store.conn.execute("SELECT id, title_en, title_hi FROM programme")
    }
    institutes = {
        r[0]: (r[1] or r[0], r[2] or r[1] or r[0])
        for r in store.conn.execute("SELECT code, name_en, name_hi FROM institute")
    }
    by_workshop = {w["id"]: w for w in workshops}
    none = ("(not given)", "(अनुल्लिखित)")

    def dept_label(key: str) -> tuple[str, str]:
        return (key, departments_hi.get(key, key)) if key else none

    def district_label(key: str) -> tuple[str, str]:
        return districts.get(key, (key, key)) if key else none

    def group_label(key: str) -> tuple[str, str]:
        return GROUP_LABELS.get(key, none)

    wanted = set(breakdowns)
    if "by_department" in wanted:
        review.by_department = _sorted(
            _person_rows(facts, people, 0, roster.by[0], dept_label)
        )
    if "by_district" in wanted:
        # every one of the 75 districts has a row, in English alphabetical order
        district_rows = _person_rows(facts, people, 1, roster.by[1], district_label)
        for code in districts:
            if f.district_code is None or code == f.district_code:
                district_rows.setdefault(code, FunnelRow(code, *districts[code]))
        review.by_district = _sorted(district_rows)
    if "by_group" in wanted:
        review.by_group = _sorted(
            _person_rows(facts, people, 2, roster.by[2], group_label)
        )
    if "by_institute" in wanted:
        review.by_institute = _sorted(
            _rows(
                facts,
                lambda p, w: by_workshop[w]["institute_code"] or UNKNOWN,
                None,
                lambda k: institutes.get(k, (k, k)) if k else none,
            )
        )
    if "by_programme" in wanted:
        review.by_programme = _sorted(
            _rows(
                facts,
                lambda p, w: by_workshop[w]["programme_id"] or UNKNOWN,
                None,
                lambda k: programmes.get(k, (k, k)) if k else none,
            )
        )
    review.trend = _kept_trend(store, f, to_month or month, trend_months, roster.total)
    review.nodal_officers = officers(store, f.department)

    if not workshop_lines:
        return review
    per_workshop: dict[str, list[set[str]]] = defaultdict(lambda: [set(), set(), set()])
    for index, step in enumerate(("enrolled", "attended", "completed")):
        for pid, wid in getattr(facts, step):
            per_workshop[wid][index].add(pid)
    for w in workshops:
        enrolled, attended, completed = per_workshop[w["id"]]
        review.workshops.append(
            WorkshopLine(
                w["id"],
                w["title_en"] or "",
                w["title_hi"],
                w["mode"] or "",
                w["institute_code"] or "",
                w["start_date"] or "",
                w["end_date"] or "",
                len(enrolled),
                len(attended),
                len(completed) if w["end_date"] <= last else None,
            )
        )
    return review


def _counts(row: FunnelRow) -> dict[str, int | None]:
    return row.counts()


def as_json(review: Review) -> dict:
    """The review as `report monthly --json` prints it (CLI.md): an empty key is null."""

    def table(rows: list[FunnelRow], name: str) -> list[dict]:
        return [{name: r.key or None, **_counts(r)} for r in rows]

    return {
        "month": review.month,
        "funnel": _counts(review.funnel),
        "by_department": table(review.by_department, "department"),
        "by_district": table(review.by_district, "district_code"),
        "by_group": table(review.by_group, "service_group"),
        "trend": table(review.trend, "month"),
    }
