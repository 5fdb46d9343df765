"""The state's figures kept in the database, so the first view of a month is not a reading.

The review core reads a month at state scale in about a second (its enrolments, marks and
certificates); a page with a 12-month trend reads 13. Instead, each period's facts — what
`figures.read_facts` gets from the core, unchanged — and the roster's counts by department,
district and group (a scan of the whole roster) are kept in `state_facts`, tagged with
the data version (`version_log`'s highest seq) they were read at, compactly encoded (ids
once, pairs as indexes, zlib). A page then decodes them (milliseconds) instead of reading.

A `Keeper` thread per portal process keeps them current, off the write path: every few seconds
it compares the data version with the one each period was read at and reads again, newest
first, the periods that changed (every month with workshops, the calendar quarters and every
range a page asked for), each in its own read snapshot, then stores it in a short transaction
of its own — never inside a batch's. Several workers share one lease (`meta`
'state.keeper'), so one process does the reading. A page still reads a period itself when
nothing usable is kept (older than the data and than `figures.MAX_AGE`)."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import zlib
from collections.abc import Callable
from typing import Any

from desktop.core import review as core
from desktop.portal.state.parts import Facts, Reference, data_version, months_between

log = logging.getLogger(__name__)

#: The tables (SQLite; PostgreSQL's are migration `0003_state_facts` of `desktop.portal.pg`).
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS state_facts (first_day TEXT NOT NULL, last_day TEXT NOT NULL, "
    "version INTEGER NOT NULL, read_at REAL NOT NULL, body BLOB NOT NULL, "
    "PRIMARY KEY (first_day, last_day))",
)
LEASE_KEY = "state.keeper"
LEASE_SECONDS = 120.0
POLL_SECONDS = 5.0
#: a period read less than this long ago waits for the next round (desks syncing all day
#: would otherwise keep one core reading)
MIN_GAP = 60.0
KEEP_MONTHS = 36  # months back from the newest workshop that are kept ahead


def ensure(conn: Any) -> None:
    for statement in SCHEMA:
        conn.execute(statement)


def encode(facts: Any) -> bytes:
    """A period's `figures.Facts` as compact bytes: each id once, pairs as indexes."""
    pids = list(facts.people)
    pindex = {p: i for i, p in enumerate(pids)}
    keys: dict[tuple[str, str, str], int] = {}
    person = [keys.setdefault(facts.people[p], len(keys)) for p in pids]
    workshops = list(facts.workshops.values())
    windex = {w["id"]: i for i, w in enumerate(workshops)}
    steps = {}
    for step in core.STEPS[1:]:
        flat: list[int] = []
        for pid, wid in getattr(facts.facts, step):
            flat += (pindex[pid], windex[wid])
        steps[step] = flat
    body = {"pids": "\n".join(pids), "keys": list(keys), "person": person,
            "workshops": workshops, "steps": steps}
    return zlib.compress(json.dumps(body, separators=(",", ":")).encode("utf-8"), 1)


def decode(blob: bytes, version: int, read_at: float) -> Facts:
    body = json.loads(zlib.decompress(bytes(blob)))
    pids = body["pids"].split("\n") if body["pids"] else []
    keys = [tuple(k) for k in body["keys"]]
    people = {p: keys[k] for p, k in zip(pids, body["person"], strict=True)}
    workshops = {w["id"]: w for w in body["workshops"]}
    wids = list(workshops)
    facts = core._Facts(*(
        set(zip(map(pids.__getitem__, flat[0::2]), map(wids.__getitem__, flat[1::2]),
                strict=True))
        for flat in (body["steps"][step] for step in core.STEPS[1:])
    ))
    return Facts(version, read_at, facts, people, workshops)


#: the row keeping the roster's counts and the names (`figures.Reference`), not a period
REFERENCE = ("reference", "")


def encode_reference(ref: Any) -> bytes:
    body = {"roster": [[*key, count] for key, count in ref.roster.items()],
            "departments_hi": ref.departments_hi,
            "districts": ref.districts, "institutes": ref.institutes}
    return zlib.compress(json.dumps(body, separators=(",", ":")).encode("utf-8"), 1)


def decode_reference(blob: bytes, version: int, read_at: float) -> Reference:
    body = json.loads(zlib.decompress(bytes(blob)))
    return Reference(
        version, read_at, {(d, z, g): n for d, z, g, n in body["roster"]},
        body["departments_hi"], {k: tuple(v) for k, v in body["districts"].items()},
        {k: tuple(v) for k, v in body["institutes"].items()})


def load(conn: Any, first: str, last: str) -> Any | None:
    """The kept facts of a period, whatever their version (the caller judges), or None."""
    row = conn.execute(
        "SELECT version, read_at, body FROM state_facts WHERE first_day = ? AND last_day = ?",
        (first, last),
    ).fetchone()
    if row is None:
        return None
    what = decode_reference if (first, last) == REFERENCE else decode
    return what(row[2], int(row[0]), float(row[1]))


def store(conn: Any, first: str, last: str, facts: Any) -> None:
    """Keep a period's facts (or, under `REFERENCE`, the roster's counts and the names),
    unless newer ones are kept already."""
    body = encode_reference(facts) if (first, last) == REFERENCE else encode(facts)
    conn.execute(
        "INSERT INTO state_facts VALUES (?, ?, ?, ?, ?) ON CONFLICT (first_day, last_day) "
        "DO UPDATE SET version = excluded.version, read_at = excluded.read_at, "
        "body = excluded.body WHERE excluded.version >= state_facts.version",
        (first, last, facts.version, facts.read_at, body),
    )


def periods(conn: Any) -> list[tuple[str, str]]:
    """What is kept ahead: the roster's counts (`REFERENCE`), then newest first every month
    with a workshop (the last `KEEP_MONTHS`), the calendar quarters among them, and every
    period kept already (the ranges pages asked for)."""
    from desktop.core.reports import month_bounds

    row = conn.execute(
        "SELECT min(start_date), max(coalesce(nullif(end_date, ''), start_date)) "
        "FROM workshop WHERE deleted = 0"
    ).fetchone()
    wanted: list[tuple[str, str]] = []
    if row is not None and row[0] and row[1]:
        months = months_between(row[0][:7], row[1][:7])[-KEEP_MONTHS:]
        quarters = sorted({m[:5] + f"{(int(m[5:7]) - 1) // 3 * 3 + 1:02d}" for m in months})
        for month in reversed(months):
            wanted.append(month_bounds(month))
        for start in reversed(quarters):
            stop = start[:5] + f"{int(start[5:7]) + 2:02d}"
            wanted.append((month_bounds(start)[0], month_bounds(stop)[1]))
    held = [(r[0], r[1]) for r in conn.execute(
        "SELECT first_day, last_day FROM state_facts ORDER BY last_day DESC, first_day DESC")]
    return list(dict.fromkeys([REFERENCE, *wanted, *held]))


class Keeper:
    """Reads changed periods ahead and keeps them (one thread per portal process; one
    process at a time does the work, by the lease)."""

    def __init__(self, db: Any, read: Callable[[Any, str, str, int, dict], Facts],
                 read_reference: Callable[[Any, int], Reference],
                 poll: float = POLL_SECONDS, min_gap: float = MIN_GAP) -> None:
        self.db = db
        self._read = read  # figures.read_facts
        self._read_reference = read_reference  # figures.read_reference
        self._poll = poll
        self._min_gap = min_gap
        self._owner = f"{os.getpid()}-{id(self):x}"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> Keeper:
        self._thread = threading.Thread(target=self._run, name="state-keeper", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self._lease():
                    self.refresh()
            except Exception as exc:  # the portal stopped, or the database went away
                if getattr(self.db, "_closed", False):
                    return
                log.warning("state view: keeping figures ahead failed: %r", exc)
            self._stop.wait(self._poll)

    def _lease(self) -> bool:
        """Hold (or take over an expired) lease on the reading-ahead."""
        now = time.time()
        with self.db.transaction() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (LEASE_KEY,)).fetchone()
            if row is not None:
                owner, _, until = row[0].partition(" ")
                if owner != self._owner and float(until or 0) > now:
                    return False
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (LEASE_KEY, f"{self._owner} {now + LEASE_SECONDS}"),
            )
        return True

    def refresh(self) -> int:
        """Read again and keep every period whose kept facts are older than the data (and
        than `min_gap`); returns how many."""
        with self.db.reading() as conn:
            version = data_version(conn)
            wanted = periods(conn)
            held = {(r[0], r[1]): (int(r[2]), float(r[3])) for r in conn.execute(
                "SELECT first_day, last_day, version, read_at FROM state_facts")}
        now = time.time()
        todo = [p for p in wanted if p not in held or (
            held[p][0] != version and now - held[p][1] >= self._min_gap)]
        completions: dict[str, set[str]] = {}
        done = 0
        for first, last in todo:
            if self._stop.is_set() or not self._lease():  # renewed while reading
                break
            with self.db.reading() as conn:
                seen = data_version(conn)
                if seen != version:  # new data meanwhile: evaluations start afresh
                    version, completions = seen, {}
                if (first, last) == REFERENCE:
                    facts = self._read_reference(conn, version)
                else:
                    facts = self._read(conn, first, last, version, completions)
            with self.db.transaction() as conn:
                store(conn, first, last, facts)
            done += 1
        return done
