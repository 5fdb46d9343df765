"""One way to show dates and times to people, on every screen and paper.

Indian style: a date is `05-12-2026` (day-month-year, dashes), a moment is `05-12-2026 14:34`
in 24-hour local time. The database, sync records, `--json` output and CSV/XLSX data columns
keep ISO 8601 (`2026-12-05`, UTC RFC 3339 stamps): those are for machines. Anything a trainer
reads goes through here, so the style can never drift apart again.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

DATE_FORMAT = "%d-%m-%Y"
TIME_FORMAT = "%H:%M"
DATETIME_FORMAT = f"{DATE_FORMAT} {TIME_FORMAT}"
QT_DATE_FORMAT = "dd-MM-yyyy"  # the same for QDateEdit.setDisplayFormat
MONTH_FORMAT = "%m-%Y"
QT_MONTH_FORMAT = "MM-yyyy"


def _moment(value: str | datetime) -> datetime:
    """A stored stamp (`…Z`, `+00:00`, or naive = UTC as the store writes it) as local time."""
    if isinstance(value, str):
        text = value.strip().replace(" ", "T", 1)
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone()


def _is_day(text: str) -> bool:
    return len(text) == 10 and text[4] == "-" and text[7] == "-"


def format_date(value: str | date | datetime | None) -> str:
    """`05-12-2026`. A calendar date (`2026-12-05`) is shown as it is; a stamp with a time
    is shown as the local day it fell on. Empty for None or ''; text that is not a date is
    returned unchanged rather than lost."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return _moment(value).strftime(DATE_FORMAT)
    if isinstance(value, date):
        return value.strftime(DATE_FORMAT)
    text = value.strip()
    try:
        if _is_day(text):
            return date.fromisoformat(text).strftime(DATE_FORMAT)
        return _moment(text).strftime(DATE_FORMAT)
    except ValueError:
        return value


def format_datetime(value: str | datetime | None) -> str:
    """`05-12-2026 14:34` in local time, from a stored UTC stamp or an aware datetime."""
    if value is None or value == "":
        return ""
    try:
        return _moment(value).strftime(DATETIME_FORMAT)
    except ValueError:
        return str(value)


def format_time(value: str | datetime | None) -> str:
    """`14:34`, local time of a stored stamp."""
    if value is None or value == "":
        return ""
    try:
        return _moment(value).strftime(TIME_FORMAT)
    except ValueError:
        return str(value)


def format_month(value: str | date | None) -> str:
    """`12-2026` for a month (`2026-12`, or any date in it)."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return value.strftime(MONTH_FORMAT)
    text = value.strip()
    try:
        return date.fromisoformat(text[:7] + "-01").strftime(MONTH_FORMAT)
    except ValueError:
        return value


def format_range(
    start: str | date | None, end: str | date | None, *, short: bool = False
) -> str:
    """`05-12-2026 – 07-12-2026`, or one date when both are the same day. `short` (a table
    cell) leaves the year out of the first date when both are in the same year:
    `30-11 – 01-12-2026`."""
    first, last = format_date(start), format_date(end)
    if not last or last == first:
        return first
    if not first:
        return last
    if short and first[-4:] == last[-4:] and len(first) == 10:
        first = first[:5]
    return f"{first} – {last}"


def parse_date(text: str | None) -> str:
    """A date a person typed, as ISO `2026-12-05`: the one style (`05-12-2026`, also with
    `.` or `/`) or ISO itself. Anything else comes back unchanged, for the validator to name."""
    value = (text or "").strip()
    parts = value.replace(".", "-").replace("/", "-").split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        if len(parts[0]) == 4:
            year, month, day = parts
        elif len(parts[2]) == 4:
            day, month, year = parts
        else:
            return value
        try:
            return date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            return value
    return value


def now_local() -> str:
    """This moment in the one style (for 'generated on' lines of papers)."""
    return datetime.now().astimezone().strftime(DATETIME_FORMAT)


def local_day(value: str | datetime) -> str:
    """The ISO day (`2026-12-05`) a stored stamp fell on here; a bare day stays as it is. For
    comparing a moment with a calendar day ("issued by the last day of the month")."""
    if isinstance(value, str) and _is_day(value.strip()):
        return value.strip()
    return _moment(value).date().isoformat()
