"""What the state's view shows: the monthly review's funnel and tables, over the portal.

Who counts as registered, enrolled, attended, completed and certified is decided by the desk's
review core (`desktop.core.review`: `_workshops`, `_facts`, `_rows`, `_total`), run over the
portal's projection (`ReviewSource`); nothing here restates a definition. To answer a filter
change at state scale in well under a second, the core's facts for a period are read once,
unfiltered, with each participant's department, district and group (`Snapshot`); a filter then
keeps the (participant, workshop) pairs whose participant and workshop match it — exactly
what the core's own filters do in SQL (participant fields narrow every step, institute and mode
the steps from enrolled on), which `tests/portal/state` checks against `build_review` itself.

A snapshot is kept while the portal's data version (`version_log`) is unchanged, or for
`MAX_AGE` seconds while desks keep syncing; the page says when its figures were read."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from desktop.core import lookups
from desktop.core import review as core
from desktop.core.reports import month_bounds
from desktop.portal.state.source import ReviewSource
from desktop.protocol.ids import format_ts

MAX_AGE = 60.0  # seconds a snapshot serves while the data keeps changing
TREND_MONTHS = 12
NONE_LABEL = ("(not given)", "(अनुल्लिखित)")
TABLES = ("funnel", "by_department", "by_district", "by_institute", "by_month")


@dataclass
class Snapshot:
    """The review core's facts for one period and its months, unfiltered."""

    version: int
    read_at: float
    first: str
    last: str
    roster: dict[tuple[str, str, str], int]
    people: core.People
    workshops: dict[str, dict]
    facts: core._Facts
    months: list[tuple[str, core._Facts, dict[str, dict]]]
    departments_hi: dict[str, str]
    districts: dict[str, tuple[str, str]]
    institutes: dict[str, tuple[str, str]]


@dataclass
class View:
    """The page's tables for one period and filter."""

    month: str
    to_month: str
    filters: core.Filters
    read_at: float
    funnel: core.FunnelRow
    by_department: list[core.FunnelRow] = field(default_factory=list)
    by_district: list[core.FunnelRow] = field(default_factory=list)
    by_institute: list[core.FunnelRow] = field(default_factory=list)
    by_month: list[core.FunnelRow] = field(default_factory=list)


def trend_months(month: str, to_month: str | None) -> list[str]:
    """The "by month" rows: every month of a range, or the 12 months ending with `month`."""
    if not to_month or to_month == month:
        return core.months_back(month, TREND_MONTHS)
    months = []
    year, mon = int(month[:4]), int(month[5:7])
    while f"{year:04d}-{mon:02d}" <= to_month:
        months.append(f"{year:04d}-{mon:02d}")
        year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return months


def data_version(conn: Any) -> int:
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM version_log").fetchone()[0])


def read_snapshot(conn: Any, month: str, to_month: str | None) -> Snapshot:
    """Run the review core over the projection for the period and each of its months."""
    first, last = core._period(month, to_month)
    store = ReviewSource(conn)
    everything = core.Filters()
    where, args = core._who(everything, "p")
    roster: dict[tuple[str, str, str], int] = {}
    for dept, district, group, count in conn.execute(
        "SELECT p.department, p.district_code, p.service_group, count(*) FROM participant p "
        f"WHERE {where} GROUP BY p.department, p.district_code, p.service_group",
        args,
    ):
        key = (dept or core.UNKNOWN, district or core.UNKNOWN, core._group(group))
        roster[key] = roster.get(key, 0) + count
    people: core.People = {}
    completions: dict[str, set[str]] = {}
    workshops = {w["id"]: w for w in core._workshops(store, first, last, everything)}
    facts = core._facts(
        store, everything, people, list(workshops.values()), first, last, completions
    )
    months = []
    for m in trend_months(month, to_month):
        m_first, m_last = month_bounds(m)
        m_workshops = core._workshops(store, m_first, m_last, everything)
        m_facts = core._facts(store, everything, people, m_workshops, m_first, m_last,
                              completions)
        months.append((m, m_facts, {w["id"]: w for w in m_workshops}))
    return Snapshot(
        version=data_version(conn),
        read_at=time.time(),
        first=first,
        last=last,
        roster=roster,
        people=people,
        workshops=workshops,
        facts=facts,
        months=months,
        departments_hi=lookups.department_names_hi(store),
        districts=lookups.district_names(store),
        institutes={
            r[0]: (r[1] or r[0], r[2] or r[1] or r[0])
            for r in conn.execute("SELECT code, name_en, name_hi FROM institute")
        },
    )


def _matcher(f: core.Filters, people: core.People,
             workshops: dict[str, dict]) -> Callable[[tuple[str, str]], bool]:
    """A (participant, workshop) pair kept by the filters, as the core's SQL keeps it."""

    def keep(pair: tuple[str, str]) -> bool:
        dept, district, group = people[pair[0]]
        w = workshops[pair[1]]
        return (
            (f.department is None or dept == f.department)
            and (f.district_code is None or district == f.district_code)
            and (f.service_group is None or group == f.service_group)
            and (f.institute_code is None or (w["institute_code"] or "") == f.institute_code)
            and (f.mode is None or w["mode"] == f.mode)
        )

    return keep


def _narrow(facts: core._Facts, keep: Callable[[tuple[str, str]], bool]) -> core._Facts:
    return core._Facts(*(
        {pair for pair in getattr(facts, step) if keep(pair)} for step in core.STEPS[1:]
    ))


def _registered(snapshot: Snapshot, f: core.Filters) -> tuple[int, list[dict[str, int]]]:
    total, by = 0, [{}, {}]
    for (dept, district, group), count in snapshot.roster.items():
        if (f.department is not None and dept != f.department) or (
            f.district_code is not None and district != f.district_code) or (
            f.service_group is not None and group != f.service_group):
            continue
        total += count
        for index, key in enumerate((dept, district)):
            by[index][key] = by[index].get(key, 0) + count
    return total, by


def view(snapshot: Snapshot, month: str, to_month: str | None, f: core.Filters) -> View:
    """The page's tables for the filters, from a snapshot of the period."""
    facts = _narrow(snapshot.facts, _matcher(f, snapshot.people, snapshot.workshops))
    registered, (by_dept, by_district) = _registered(snapshot, f)
    out = View(month, to_month or month, f, snapshot.read_at,
               core._total(registered, facts, ("Total", "कुल"), ""))
    people = snapshot.people

    def dept_label(key: str) -> tuple[str, str]:
        return (key, snapshot.departments_hi.get(key, key)) if key else NONE_LABEL

    def district_label(key: str) -> tuple[str, str]:
        return snapshot.districts.get(key, (key, key)) if key else NONE_LABEL

    def institute_label(key: str) -> tuple[str, str]:
        return snapshot.institutes.get(key, (key, key)) if key else NONE_LABEL

    out.by_department = core._sorted(
        core._rows(facts, lambda p, w: people[p][0], by_dept, dept_label))
    districts = core._rows(facts, lambda p, w: people[p][1], by_district, district_label)
    for code in snapshot.districts:  # every district has a row, as in the desk's review
        if f.district_code is None or code == f.district_code:
            districts.setdefault(code, core.FunnelRow(code, *snapshot.districts[code]))
    out.by_district = core._sorted(districts)
    out.by_institute = core._sorted(core._rows(
        facts, lambda p, w: snapshot.workshops[w]["institute_code"] or core.UNKNOWN, None,
        institute_label))
    for m, m_facts, m_workshops in snapshot.months:
        narrowed = _narrow(m_facts, _matcher(f, people, m_workshops))
        out.by_month.append(core._total(registered, narrowed, (m, m), m))
    return out


class Figures:
    """Snapshots of the portal's figures, shared by the page's requests."""

    def __init__(self, reading: Callable[[], Any], max_age: float = MAX_AGE) -> None:
        self._reading = reading  # PortalDB.reading: a read transaction
        self._max_age = max_age
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, str | None], Snapshot] = {}

    def view(self, month: str, to_month: str | None, f: core.Filters) -> View:
        return view(self.snapshot(month, to_month), month, to_month, f)

    def snapshot(self, month: str, to_month: str | None) -> Snapshot:
        key = (month, to_month if to_month != month else None)
        with self._lock:  # one reading at a time: a second request waits and reuses it
            with self._reading() as conn:
                held = self._cache.get(key)
                if held is not None and (
                    time.time() - held.read_at < self._max_age or held.version == data_version(conn)
                ):
                    return held
                snapshot = read_snapshot(conn, *key)
            self._cache.pop(key, None)
            self._cache[key] = snapshot
            while len(self._cache) > 8:
                self._cache.pop(next(iter(self._cache)))
            return snapshot


@dataclass(frozen=True)
class QuietDesk:
    device_id: str
    device_name: str
    institute_code: str
    institute_en: str
    institute_hi: str
    enrolled_at: str
    last_batch_at: str | None
    days: int  # whole days since the last batch (or since enrolment when none came)


def quiet_desks(conn: Any, days: int, now: datetime | None = None) -> list[QuietDesk]:
    """Desks (not revoked) whose last batch, or enrolment if they never sent one, is more
    than `days` days old; longest silent first."""
    now = now or datetime.now(timezone.utc)
    cutoff = format_ts(now - timedelta(days=days))
    rows = conn.execute(
        "SELECT d.device_id, d.device_name, d.institute_code, i.name_en, i.name_hi, "
        "d.enrolled_at, max(b.received_at) FROM device d "
        "LEFT JOIN institute i ON i.code = d.institute_code "
        "LEFT JOIN batch b ON b.sender = d.device_id "
        "WHERE d.revoked_at IS NULL "
        "GROUP BY d.device_id, d.device_name, d.institute_code, i.name_en, i.name_hi, "
        "d.enrolled_at "
        "HAVING coalesce(max(b.received_at), d.enrolled_at) < ?",
        (cutoff,),
    ).fetchall()
    out = []
    for r in rows:
        since = datetime.fromisoformat((r[6] or r[5]).replace("Z", "+00:00"))
        out.append(QuietDesk(r[0], r[1], r[2], r[3] or r[2], r[4] or r[3] or r[2], r[5], r[6],
                             (now - since).days))
    return sorted(out, key=lambda d: (d.last_batch_at or d.enrolled_at, d.device_name))
