"""Months as the reports take them: `YYYY-MM` and its first and last day.

(The monthly review itself is `desktop.core.review`.)"""

from __future__ import annotations

import calendar
import re
from datetime import date

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def month_bounds(month: str) -> tuple[str, str]:
    match = _MONTH.match(month or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"month {month!r}: expected YYYY-MM, e.g. 2026-11")
    year, mon = int(match.group(1)), int(match.group(2))
    last = calendar.monthrange(year, mon)[1]
    return date(year, mon, 1).isoformat(), date(year, mon, last).isoformat()
