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
from enrolled on."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from desktop.core import lookups
from desktop.core.completion import evaluate_workshop
from desktop.core.dates import local_day
from desktop.core.reports import month_bounds
from desktop.store import Store

STEPS = ("registered", "enrolled", "attended", "completed", "certified")
#: service_group → the review's two groups (officers A/B, staff C/D).
GROUPS = {"A": "A/B", "B": "A/B", "C": "C/D", "D": "C/D"}
GROUP_LABELS = {"A/B": ("Officers (A/B)", "अधिकारी (A/B)"), "C/D": ("Staff (C/D)", "कर्मचारी (C/D)")}
UNKNOWN = ""  # a participant or workshop with the field left empty
MODES = ("institute", "field")


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


# participant id -> (department, district_code, group)
People = dict[str, tuple[str, str, str]]


def _people(store: Store, f: Filters) -> People:
    where, args = ["deleted = 0"], []
    if f.department is not None:
        where.append("coalesce(department, '') = ?")
        args.append(f.department)
    if f.district_code is not None:
        where.append("coalesce(district_code, '') = ?")
        args.append(f.district_code)
    people: People = {}
    for pid, dept, district, group in store.conn.execute(
        f"SELECT id, department, district_code, service_group FROM participant "
        f"WHERE {' AND '.join(where)}",
        args,
    ):
        g = GROUPS.get((group or "").strip().upper(), UNKNOWN)
        if f.service_group is not None and g != f.service_group:
            continue
        people[pid] = (dept or UNKNOWN, district or UNKNOWN, g)
    return people


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


def _facts(store: Store, people: People, workshops: list[dict], first: str, last: str) -> _Facts:
    facts = _Facts()
    ids = [w["id"] for w in workshops]
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        for pid, wid in store.conn.execute(
            f"SELECT participant_id, workshop_id FROM enrolment WHERE deleted = 0 "
            f"AND status = 'enrolled' AND workshop_id IN ({marks})",
            chunk,
        ):
            if pid in people:
                facts.enrolled.add((pid, wid))
        for pid, wid in store.conn.execute(
            "SELECT a.participant_id, s.workshop_id FROM session s "
            "JOIN attendance a ON a.session_id = s.id "
            f"WHERE s.workshop_id IN ({marks}) AND s.deleted = 0 AND s.date BETWEEN ? AND ? "
            "AND a.deleted = 0 AND a.status IN ('present', 'late')",
            [*chunk, first, last],
        ):
            if (pid, wid) in facts.enrolled:
                facts.attended.add((pid, wid))
        superseded = "SELECT 1 FROM certificate n WHERE n.deleted = 0 AND n.supersedes = c.id"
        for pid, wid, issued in store.conn.execute(
            "SELECT c.participant_id, c.workshop_id, c.issued_at FROM certificate c "
            f"WHERE c.deleted = 0 AND c.workshop_id IN ({marks}) "
            "AND coalesce(c.revoked_at, '') = '' "
            f"AND NOT EXISTS ({superseded})",
            chunk,
        ):
            if pid in people and issued and local_day(issued) <= last:
                facts.certified.add((pid, wid))
    for w in workshops:
        if w["end_date"] <= last:
            for result in evaluate_workshop(store, w["id"]):
                pair = (result.participant_id, w["id"])
                if result.eligible and pair in facts.enrolled:
                    facts.completed.add(pair)
    return facts


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


def _total(people: People, facts: _Facts, label: tuple[str, str], key: str) -> FunnelRow:
    row = FunnelRow(key, *label, registered=len(people))
    for step in STEPS[1:]:
        setattr(row, step, len({pid for pid, _ in getattr(facts, step)}))
    return row


def _count_by(people: People, index: int) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for values in people.values():
        out[values[index]] += 1
    return dict(out)


def _sorted(rows: dict[str, FunnelRow]) -> list[FunnelRow]:
    """Named rows in English alphabetical order, the empty key ("not given") last."""
    return sorted(rows.values(), key=lambda r: (r.key == UNKNOWN, r.label_en.lower()))


def funnel(
    store: Store, month: str, to_month: str | None = None, filters: Filters | None = None
) -> FunnelRow:
    """The five steps for a month (or range), nothing more: what the dashboard refreshes."""
    f = filters or Filters()
    first, last = _period(month, to_month)
    people = _people(store, f)
    facts = _facts(store, people, _workshops(store, first, last, f), first, last)
    return _total(people, facts, ("Total", "कुल"), to_month or month)


def build_review(
    store: Store,
    month: str,
    to_month: str | None = None,
    filters: Filters | None = None,
    trend_months: int = 12,
) -> Review:
    """Everything the monthly report shows: funnel, breakdowns, trend, workshops."""
    f = filters or Filters()
    first, last = _period(month, to_month)
    people = _people(store, f)
    workshops = _workshops(store, first, last, f)
    facts = _facts(store, people, workshops, first, last)
    review = Review(
        month, to_month or month, first, last, f, _total(people, facts, ("Total", "कुल"), "")
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

    review.by_department = _sorted(
        _rows(facts, lambda p, w: people[p][0], _count_by(people, 0), dept_label)
    )
    # every one of the 75 districts has a row, in English alphabetical order
    district_rows = _rows(facts, lambda p, w: people[p][1], _count_by(people, 1), district_label)
    for code in districts:
        if f.district_code is None or code == f.district_code:
            district_rows.setdefault(code, FunnelRow(code, *districts[code]))
    review.by_district = _sorted(district_rows)
    review.by_group = _sorted(
        _rows(facts, lambda p, w: people[p][2], _count_by(people, 2), group_label)
    )
    review.by_institute = _sorted(
        _rows(
            facts,
            lambda p, w: by_workshop[w]["institute_code"] or UNKNOWN,
            None,
            lambda k: institutes.get(k, (k, k)) if k else none,
        )
    )
    review.by_programme = _sorted(
        _rows(
            facts,
            lambda p, w: by_workshop[w]["programme_id"] or UNKNOWN,
            None,
            lambda k: programmes.get(k, (k, k)) if k else none,
        )
    )
    end_month = to_month or month
    for m in months_back(end_month, trend_months):
        m_first, m_last = month_bounds(m)
        m_facts = _facts(store, people, _workshops(store, m_first, m_last, f), m_first, m_last)
        review.trend.append(_total(people, m_facts, (m, m), m))

    for w in workshops:
        wid = w["id"]
        ended = w["end_date"] <= last
        review.workshops.append(
            WorkshopLine(
                wid,
                w["title_en"] or "",
                w["title_hi"],
                w["mode"] or "",
                w["institute_code"] or "",
                w["start_date"] or "",
                w["end_date"] or "",
                len({p for p, x in facts.enrolled if x == wid}),
                len({p for p, x in facts.attended if x == wid}),
                len({p for p, x in facts.completed if x == wid}) if ended else None,
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
