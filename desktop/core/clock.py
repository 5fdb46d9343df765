"""Is this laptop's clock right? (issue 11, clock sanity)

Field laptops often have wrong clocks: a flat CMOS battery puts them back years, a hand-set
clock is off by hours. Versions stay ordered whatever the clock says (Store.next_version), but
a wrong clock still stamps marks on the wrong day and certificates with the wrong date. So the
desk compares its clock with every other clock it meets — the portal's `Date` on each answer,
the creation time of a bundle or receipt from another desk — and with the newest stamp in its
own database, and says so in words before it does harm. Nothing is ever rewritten; marks and
certificates made while the clock is known to be wrong carry a note in their history."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone

from desktop.core.dates import format_datetime
from desktop.protocol.ids import format_ts, parse_ts, wall_now
from desktop.store import Store

#: a difference under this is network delay or an ordinary drift, not a wrong clock
SKEW_LIMIT = timedelta(minutes=5)

_OBSERVED_KEY = "clock.observed"  # the last comparison with another clock (JSON)

SOURCES = {
    "portal": "the portal",
    "bundle": "a bundle from another desk",
    "receipt": "a receipt from another desk",
    "hub": "the venue hub",
}


@dataclass(frozen=True)
class ClockWarning:
    """One reason to believe this laptop's clock is wrong.

    `kind` is 'skew' (another clock differs by more than SKEW_LIMIT) or 'behind_database'
    (this database holds a stamp later than the clock: the clock went back). `seconds` is how
    far this laptop's clock is off: negative when it is behind. `source` names the other clock
    ('portal', 'bundle', 'receipt', 'hub' or 'database'); `reference` is that clock's reading
    and `local` this laptop's at the same moment (stamps)."""

    kind: str
    seconds: float
    source: str
    reference: str
    local: str

    def message(self) -> str:
        """The warning in plain English (the GUI translates it from the fields)."""
        amount = describe_duration(abs(self.seconds))
        local = _readable(self.local)
        reference = _readable(self.reference)
        if self.kind == "behind_database":
            return (
                f"This laptop's clock says {local}, but this desk already holds a record made "
                f"at {reference}, {amount} later. The clock was set back (or another desk's "
                "clock runs ahead). Set the date and time in the computer's settings; marks "
                "and certificates made meanwhile are flagged."
            )
        direction = "behind" if self.seconds < 0 else "ahead of"
        return (
            f"This laptop's clock seems to be {amount} {direction} {SOURCES[self.source]} "
            f"(this laptop: {local}; {SOURCES[self.source]}: {reference}). Check the date and "
            "time in the computer's settings; marks and certificates made meanwhile are "
            "flagged."
        )

    def as_dict(self) -> dict:
        return {**asdict(self), "message": self.message()}


def describe_duration(seconds: float) -> str:
    """'3 minutes', '5 hours', '2 days', '3 years' — how a person says it."""
    for unit, size in (("year", 365 * 86400), ("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = int(seconds // size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{int(seconds)} seconds"


def _readable(stamp: str) -> str:
    return format_datetime(stamp)


def observe(
    store: Store, source: str, reference: datetime | str, local: datetime | None = None
) -> ClockWarning | None:
    """Compare another clock's reading (`reference`, taken when this laptop's clock read
    `local`) with ours and remember the result; returns the warning when they differ by more
    than SKEW_LIMIT. A later comparison that agrees clears the warning."""
    if source not in SOURCES:
        raise ValueError(f"unknown clock source {source!r}")
    ref = parse_ts(reference) if isinstance(reference, str) else reference.astimezone(timezone.utc)
    here = (local or wall_now()).astimezone(timezone.utc)
    seconds = (here - ref).total_seconds()
    warning = None
    if abs(seconds) > SKEW_LIMIT.total_seconds():
        warning = ClockWarning("skew", seconds, source, format_ts(ref), format_ts(here))
    store.meta_set(
        _OBSERVED_KEY,
        json.dumps({"source": source, "reference": format_ts(ref), "local": format_ts(here),
                    "seconds": seconds}),
    )
    return warning


def observe_creation(store: Store, source: str, created_at: str) -> ClockWarning | None:
    """A bundle's or receipt's creation time: made on another desk's clock some time ago. Only
    a time *later* than our clock says anything (a file cannot come from the future), so an
    older file leaves the last comparison as it was."""
    try:
        made = parse_ts(created_at)
    except (TypeError, ValueError):
        return None
    if made - wall_now() > SKEW_LIMIT:
        return observe(store, source, made)
    return None


def check(store: Store) -> list[ClockWarning]:
    """Every reason, now, to believe this laptop's clock is wrong (empty when none)."""
    warnings: list[ClockWarning] = []
    now = wall_now()
    highest = store.highest_version()
    if highest is not None:
        ahead = (parse_ts(highest) - now).total_seconds()
        if ahead > SKEW_LIMIT.total_seconds():
            warnings.append(
                ClockWarning("behind_database", -ahead, "database", highest, format_ts(now))
            )
    text = store.meta_get(_OBSERVED_KEY)
    if text:
        seen = json.loads(text)
        if abs(seen["seconds"]) > SKEW_LIMIT.total_seconds():
            warnings.append(
                ClockWarning("skew", seen["seconds"], seen["source"], seen["reference"],
                             seen["local"])
            )
    return warnings


def history_note(store: Store) -> str | None:
    """What to write beside a mark or certificate made now: None while the clock is believed
    right, else the warnings' reasons (kept in the local history; nothing is rewritten)."""
    warnings = check(store)
    if not warnings:
        return None
    return "; ".join(
        f"clock {w.kind} by {describe_duration(abs(w.seconds))} ({w.source})" for w in warnings
    )
