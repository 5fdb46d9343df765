"""Identifiers and timestamps in the forms SYNC-PROTOCOL.md §1 and §4 require."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import uuid_utils

_clock_lock = threading.Lock()
_last_stamp: datetime | None = None


def new_id() -> str:
    """A UUIDv7: time-ordered, so new rows append to the primary-key b-tree instead of
    scattering writes across it."""
    return str(uuid_utils.uuid7())


def format_ts(moment: datetime) -> str:
    """RFC 3339 UTC with milliseconds, e.g. `2026-11-22T10:15:30.123Z`."""
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_ts(text: str) -> datetime:
    """Inverse of `format_ts`; also accepts `+00:00` offsets."""
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)


def _system_clock() -> datetime:
    return datetime.now(timezone.utc)


_wall_clock: Callable[[], datetime] = _system_clock


def set_wall_clock(clock: Callable[[], datetime] | None) -> Callable[[], datetime]:
    """Replace the wall clock (tests run desks whose clocks are frozen, behind or ahead);
    `None` restores the system clock. Returns the clock that was in use."""
    global _wall_clock, _last_stamp
    previous = _wall_clock
    _wall_clock = clock or _system_clock
    with _clock_lock:
        _last_stamp = None  # moments follow the new clock (as in a new process)
    return previous


def wall_now() -> datetime:
    """This machine's clock, in UTC, to the millisecond. It may be wrong by years."""
    wall = _wall_clock().astimezone(timezone.utc)
    return wall.replace(microsecond=wall.microsecond // 1000 * 1000)


def now_ts() -> str:
    """A moment stamp (when something happened here) that never repeats or goes backwards
    within this process. Record *versions* must come from `Store.next_version`, which also
    stays above every version the database holds, across processes and wrong clocks."""
    return format_ts(_after_process_floor(wall_now()))


def _after_process_floor(moment: datetime) -> datetime:
    global _last_stamp
    with _clock_lock:
        if _last_stamp is not None and moment <= _last_stamp:
            moment = _last_stamp + _ONE_MS
        _last_stamp = moment
        return moment


_ONE_MS = timedelta(milliseconds=1)


def stamp_after(*floors: str | None) -> str:
    """The next version stamp of a hybrid logical clock: the wall clock, unless a floor
    (the highest version the database has seen, the version being replaced) is at or above
    it; then one millisecond past the highest floor. Versions are ordered by
    (updated_at, origin) (SYNC-PROTOCOL §4), so the millisecond is the logical counter:
    a burst of writes runs ahead of the wall clock and the next writer, in any process,
    continues from there instead of going back."""
    moment = wall_now()
    for floor in floors:
        if floor:
            floor_moment = parse_ts(floor)
            if floor_moment >= moment:
                moment = floor_moment + _ONE_MS
    return format_ts(moment)


def ts_seconds_between(later: str, earlier: str) -> float:
    """`later - earlier` in seconds, for two stamps."""
    return (parse_ts(later) - parse_ts(earlier)).total_seconds()
