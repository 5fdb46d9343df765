"""What the state's view shows: the monthly review's funnel and tables, over the portal.

Who counts as registered, enrolled, attended, completed and certified is decided by the desk's
review core (`desktop.core.review`: `_workshops`, `_facts`, `_rows`, `_total`), run over the
portal's projection (`ReviewSource`); nothing here restates a definition. To answer a filter
change at state scale in well under a second, the core's facts for a period are read once,
unfiltered, with each participant's department, district and group (`Facts`); a filter then
keeps the (participant, workshop) pairs whose participant and workshop match it — exactly
what the core's own filters do in SQL (participant fields narrow every step, institute and mode
the steps from enrolled on), which `tests/portal/state` checks against `build_review` itself.

Each month's facts are read once and serve that month, its row in the trend of the eleven
months after it, and so on; they are kept while the portal's data version (`version_log`) is
unchanged, or for `MAX_AGE` seconds while desks keep syncing. The page says when its
figures were read."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from desktop.core import lookups
from desktop.core import review as core
from desktop.core.reports import month_bounds
from desktop.portal.state import kept
from desktop.portal.state.parts import Facts, Reference, data_version, months_between
from desktop.portal.state.source import ReviewSource
from desktop.protocol.ids import format_ts

MAX_AGE = 300.0  # seconds a period's facts serve while desks keep syncing
TREND_MONTHS = 12
NONE_LABEL = ("(not given)", "(अनुल्लिखित)")
log = logging.getLogger(__name__)
TABLES = ("funnel", "by_department", "by_district", "by_institute", "by_month")


@dataclass
class Snapshot:
    """What a page for one period needs: its facts, each of its months' and the roster."""

    first: str
    last: str
    reference: Reference
    period: Facts
    months: list[tuple[str, Facts]]

    @property
    def read_at(self) -> float:
        """When the oldest part was read (what the page says)."""
        return min([self.reference.read_at, self.period.read_at,
                    *(f.read_at for _, f in self.months)])


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
    return months_between(month, to_month)


def read_reference(conn: Any, version: int) -> Reference:
    """The roster counted by the participant fields the filters use, and the names."""
    where, args = core._who(core.Filters(), "p")
    roster: dict[tuple[str, str, str], int] = {}
    for dept, district, group, count in conn.execute(
        "SELECT p.department, p.district_code, p.service_group, count(*) FROM participant p "
        f"WHERE {where} GROUP BY p.department, p.district_code, p.service_group",
        args,
    ):
        key = (dept or core.UNKNOWN, district or core.UNKNOWN, core._group(group))
        roster[key] = roster.get(key, 0) + count
    store = ReviewSource(conn)
    return Reference(
        version=version,
        read_at=time.time(),
        roster=roster,
        departments_hi=lookups.department_names_hi(store),
        districts=lookups.district_names(store),
        institutes={
            r[0]: (r[1] or r[0], r[2] or r[1] or r[0])
            for r in conn.execute("SELECT code, name_en, name_hi FROM institute")
        },
    )


def read_facts(conn: Any, first: str, last: str, version: int,
               completions: dict[str, set[str]]) -> Facts:
    """Run the review core over the projection for one period, with no filter.
    `completions` carries each workshop's eligible participants across periods."""
    store = ReviewSource(conn)
    everything = core.Filters()
    people: core.People = {}
    workshops = {w["id"]: w for w in core._workshops(store, first, last, everything)}
    facts = core._facts(
        store, everything, people, list(workshops.values()), first, last, completions
    )
    return Facts(version, time.time(), facts, people, workshops)


def _narrow(facts: core._Facts, f: core.Filters, people: core.People,
            workshops: dict[str, dict]) -> core._Facts:
    """The (participant, workshop) pairs the filters keep, as the core's SQL keeps them:
    the participant's department, district and group, the workshop's institute and mode.
    Sets of the kept participants and workshops first, then one membership test per pair
    (a million pairs in about a tenth of a second)."""
    pids = wids = None
    if f.department is not None or f.district_code is not None or f.service_group is not None:
        pids = {
            pid for pid, (dept, district, group) in people.items()
            if (f.department is None or dept == f.department)
            and (f.district_code is None or district == f.district_code)
            and (f.service_group is None or group == f.service_group)
        }
    if f.institute_code is not None or f.mode is not None:
        wids = {
            wid for wid, w in workshops.items()
            if (f.institute_code is None or (w["institute_code"] or "") == f.institute_code)
            and (f.mode is None or w["mode"] == f.mode)
        }
    if pids is None and wids is None:
        return facts

    def keep(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
        if wids is None:
            return {(p, w) for p, w in pairs if p in pids}
        if pids is None:
            return {(p, w) for p, w in pairs if w in wids}
        return {(p, w) for p, w in pairs if p in pids and w in wids}

    return core._Facts(*(keep(getattr(facts, step)) for step in core.STEPS[1:]))


def _registered(ref: Reference, f: core.Filters) -> tuple[int, list[dict[str, int]]]:
    total, by = 0, [{}, {}]
    for (dept, district, group), count in ref.roster.items():
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
    ref, period = snapshot.reference, snapshot.period
    facts = _narrow(period.facts, f, period.people, period.workshops)
    registered, (by_dept, by_district) = _registered(ref, f)
    out = View(month, to_month or month, f, snapshot.read_at,
               core._total(registered, facts, ("Total", "कुल"), ""))
    people = period.people

    def dept_label(key: str) -> tuple[str, str]:
        return (key, ref.departments_hi.get(key, key)) if key else NONE_LABEL

    def district_label(key: str) -> tuple[str, str]:
        return ref.districts.get(key, (key, key)) if key else NONE_LABEL

    def institute_label(key: str) -> tuple[str, str]:
        return ref.institutes.get(key, (key, key)) if key else NONE_LABEL

    out.by_department = core._sorted(
        core._rows(facts, lambda p, w: people[p][0], by_dept, dept_label))
    districts = core._rows(facts, lambda p, w: people[p][1], by_district, district_label)
    for code in ref.districts:  # every district has a row, as in the desk's review
        if f.district_code is None or code == f.district_code:
            districts.setdefault(code, core.FunnelRow(code, *ref.districts[code]))
    out.by_district = core._sorted(districts)
    out.by_institute = core._sorted(core._rows(
        facts, lambda p, w: period.workshops[w]["institute_code"] or core.UNKNOWN, None,
        institute_label))
    for m, month_facts in snapshot.months:
        narrowed = _narrow(month_facts.facts, f, month_facts.people, month_facts.workshops)
        out.by_month.append(core._total(registered, narrowed, (m, m), m))
    return out


class Figures:
    """The periods' facts, shared by the page's requests: each month's are read once and
    serve as a month of its own, a row of other months' trend and a part of ranges."""

    def __init__(self, reading: Callable[[], Any], max_age: float = MAX_AGE,
                 keep: int = 64, writing: Callable[[], Any] | None = None) -> None:
        self._reading = reading  # PortalDB.reading: a read transaction
        self._writing = writing  # PortalDB.transaction: with it, facts are kept in the db
        self._max_age = max_age
        self._keep = keep
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, ...], Any] = OrderedDict()
        self._completions: tuple[int, dict[str, set[str]]] = (-1, {})
        self._to_keep: list[tuple[str, str, Any]] = []

    def view(self, month: str, to_month: str | None, f: core.Filters) -> View:
        return view(self.snapshot(month, to_month), month, to_month, f)

    def snapshot(self, month: str, to_month: str | None) -> Snapshot:
        first, last = core._period(month, to_month)
        with self._lock, self._reading() as conn:  # one reading at a time; others reuse it
            version = data_version(conn)
            if self._completions[0] != version:
                self._completions = (version, {})
            completions = self._completions[1]
            reference = self._get(("reference",), version,
                                  lambda: self._kept_or(conn, kept.REFERENCE, version,
                                                        lambda: read_reference(conn, version)))
            period = self._facts(conn, first, last, version, completions)
            months = []
            for m in trend_months(month, to_month):
                months.append((m, self._facts(conn, *month_bounds(m), version, completions)))
            to_keep, self._to_keep = self._to_keep, []
        if to_keep and self._writing is not None:  # after the reading, in a short write
            with self._writing() as conn:
                for first_day, last_day, facts in to_keep:
                    kept.store(conn, first_day, last_day, facts)
        return Snapshot(first, last, reference, period, months)

    def _usable(self, held: Any, version: int) -> bool:
        return held is not None and (
            held.version == version or time.time() - held.read_at < self._max_age)

    def _facts(self, conn: Any, first: str, last: str, version: int,
               completions: dict[str, set[str]]) -> Facts:
        """A period's facts: held in memory, else kept in the database (`kept`), else read
        by the review core (and then kept)."""
        return self._get((first, last), version, lambda: self._kept_or(
            conn, (first, last), version,
            lambda: read_facts(conn, first, last, version, completions)))

    def _kept_or(self, conn: Any, key: tuple[str, str], version: int,
                 read: Callable[[], Any]) -> Any:
        """What the database keeps under `key` while usable, else `read()` (then kept)."""
        if self._writing is not None:
            stored = kept.load(conn, *key)
            if self._usable(stored, version):
                return stored
        fresh = read()
        self._to_keep.append((*key, fresh))
        return fresh

    def _get(self, key: tuple[str, ...], version: int, read: Callable[[], Any]) -> Any:
        """The held part while the data is unchanged or it is younger than `max_age`."""
        held = self._cache.get(key)
        if self._usable(held, version):
            self._cache.move_to_end(key)
            return held
        fresh = self._cache[key] = read()
        self._cache.move_to_end(key)
        while len(self._cache) > self._keep:
            self._cache.popitem(last=False)
        return fresh

    def warm(self, month: str) -> threading.Thread:
        """Read a month and its trend on a background thread (the page's first view)."""

        def run() -> None:
            try:
                self.snapshot(month, None)
            except Exception as exc:  # a portal closed meanwhile: nothing to warm
                log.warning("state view: reading %s ahead failed: %r", month, exc)

        thread = threading.Thread(target=run, name="state-view-warm", daemon=True)
        thread.start()
        return thread


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
