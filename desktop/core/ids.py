"""Identifiers and timestamps in the forms SYNC-PROTOCOL.md §1 and §4 require."""

from __future__ import annotations

import threading
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


def now_ts() -> str:
    """A version stamp that never repeats or goes backwards within this process.

    Versions are ordered by (updated_at, origin); two edits in the same millisecond on one
    device must still be ordered, so the clock steps one millisecond past the last stamp."""
    global _last_stamp
    with _clock_lock:
        wall = datetime.now(timezone.utc)
        now = wall.replace(microsecond=wall.microsecond // 1000 * 1000)
        if _last_stamp is not None and now <= _last_stamp:
            now = _last_stamp + timedelta(milliseconds=1)
        _last_stamp = now
        return format_ts(now)
