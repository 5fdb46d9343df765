"""The parts a state page is made of, shared by `figures` (which reads and shows them) and
`kept` (which keeps them in the database): a period's facts, the roster's counts and names,
and the data version they were read at."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core import review as core


@dataclass
class Facts:
    """The review core's facts for one period, unfiltered, with the people and workshops
    they name."""

    version: int
    read_at: float
    facts: core._Facts
    people: core.People
    workshops: dict[str, dict]


@dataclass
class Reference:
    """The roster's counts by (department, district, group) and the names tables show."""

    version: int
    read_at: float
    roster: dict[tuple[str, str, str], int]
    departments_hi: dict[str, str]
    districts: dict[str, tuple[str, str]]
    institutes: dict[str, tuple[str, str]]


def data_version(conn: Any) -> int:
    """The portal's data version: the highest seq of its version log."""
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM version_log").fetchone()[0])


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` ("YYYY-MM"), both included."""
    months = []
    year, mon = int(first[:4]), int(first[5:7])
    while f"{year:04d}-{mon:02d}" <= last:
        months.append(f"{year:04d}-{mon:02d}")
        year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return months
