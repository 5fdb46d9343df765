"""Benchmark of the portal's state's view at state scale: 1,880,000 participants and
5,000,000 attendance rows held by the portal.

    python tests/perf/bench_state.py [--data /tmp/kd-bench-state] [--fresh]

The dataset is bench_reports.py's desk database (generated once, cached), copied straight
into a portal store: every row becomes a §4 record in `record` (JSON data, a version in
`version_log`) and a row of the desk-shaped projection, with the workshops spread over 14
institutes, a certificate for every third enrolment, 75 desks and 7,000 batches. Then a real
portal serves the page on loopback and a logged-in client measures, through HTTP: the first
view of a month (every month of its trend read), the same again, filter changes, the next
month, a range and downloads. Target (issue 17): the state page in ≤ 1 s."""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402
from bench_reports import BENCH_VERSION as DESK_VERSION  # noqa: E402
from bench_reports import MONTH, spread  # noqa: E402

from desktop.portal.db import SCHEMA, PortalDB  # noqa: E402
from desktop.portal.server import start_portal  # noqa: E402
from desktop.portal.state import accounts, projection  # noqa: E402
from desktop.protocol.records import JSON_FIELDS, KIND_FIELDS  # noqa: E402

BENCH_VERSION = "state-1"
INSTITUTES = 14
DESKS = 75
BATCHES = 7_000
INDEX_NAME = re.compile(r"EXISTS (\w+)")
ADMIN, PASSWORD = "bench.admin", "bench password 1"


def desk_db(path: Path) -> None:
    """bench_reports.py's database, generated when missing or outdated."""
    if path.exists():
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'bench.version'").fetchone()
        if row is not None and row[0] == DESK_VERSION:
            return
    from bench_attendance import generate

    print(f"generating the desk database {path} …", flush=True)
    generate(path)
    spread(path)


def build(data: Path, desk: Path) -> None:
    """Copy the desk's rows into a fresh portal store, as records and projection rows."""
    if data.exists():
        subprocess.run(["rm", "-rf", str(data)], check=True)
    PortalDB(data).close()  # schema, reference data, an empty projection
    t0 = time.perf_counter()
    conn = sqlite3.connect(data / "portal.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("ATTACH ? AS d", (str(desk),))
    indexes = [s.strip() for s in SCHEMA.split(";") if "INDEX" in s and " record " in s]
    indexes += [i for i in projection.INDEXES if i.startswith("CREATE")]  # made after the load
    conn.execute("BEGIN")
    for statement in indexes:
        conn.execute("DROP INDEX IF EXISTS " + INDEX_NAME.search(statement).group(1))
    codes = [f"I{n:02d}" for n in range(INSTITUTES)]
    conn.executemany("INSERT INTO institute VALUES (?, ?, ?)",
                     [(c, f"Institute {c}", f"संस्थान {c}") for c in codes])
    cases = " ".join(f"WHEN {i} THEN '{c}'" for i, c in enumerate(codes))
    institute_of = f"CASE abs(w.rowid) % {INSTITUTES} {cases} END"
    seq = 0
    for kind, columns in projection.COLUMNS.items():
        fields = KIND_FIELDS[kind]
        if kind == "certificate":
            source = (
                "(SELECT e.id || '-c' AS id, e.updated_at, e.origin, 0 AS deleted, "
                "'C-' || e.rowid AS number, e.participant_id, e.workshop_id, "
                "w.end_date || 'T12:00:00.000Z' AS issued_at, NULL AS pdf_sha256, "
                "NULL AS qr, NULL AS revoked_at, NULL AS revocation_reason, "
                "NULL AS supersedes, e.rowid AS rowid FROM d.enrolment e "
                "JOIN d.workshop w ON w.id = e.workshop_id WHERE e.rowid % 3 = 0)"
            )
        elif kind == "workshop":
            others = ", ".join(f"w.{f}" for f in fields if f != "institute_code")
            source = (f"(SELECT w.id, w.updated_at, w.origin, w.deleted, {others}, "
                      f"{institute_of} AS institute_code, w.rowid AS rowid FROM d.workshop w)")
        else:
            source = f"(SELECT *, rowid AS rowid FROM d.{kind})"
        data_json = "json_object(" + ", ".join(
            f"'{f}', " + (f"json(coalesce(s.{f}, 'null'))" if (kind, f) in JSON_FIELDS
                          else f"s.{f}") for f in fields) + ")"
        links = {
            "workshop_id": "s.workshop_id" if kind in ("enrolment", "certificate") else "NULL",
            "participant_id": "s.participant_id" if kind in ("enrolment", "certificate")
            else "NULL",
            "institute_code": "s.institute_code" if kind == "workshop" else "NULL",
            "number": "s.number" if kind == "certificate" else "NULL",
        }
        conn.execute(
            "INSERT INTO record SELECT s.id, ?, s.updated_at, s.origin, s.deleted, "
            f"{data_json}, ? + s.rowid, 'BENCH', NULL, {links['workshop_id']}, "
            f"{links['participant_id']}, {links['institute_code']}, {links['number']}, 0 "
            f"FROM {source} s",
            (kind, seq),
        )
        conn.execute(
            f"INSERT INTO {kind} (id, updated_at, deleted, {', '.join(columns)}) "
            f"SELECT s.id, s.updated_at, s.deleted, {', '.join('s.' + c for c in columns)} "
            f"FROM {source} s"
        )
        seq = conn.execute("SELECT coalesce(max(seq), 0) FROM record").fetchone()[0]
        print(f"  {kind}: up to seq {seq:,} ({time.perf_counter() - t0:.0f} s)", flush=True)
    conn.execute("INSERT INTO version_log SELECT seq, id, kind, updated_at, origin, NULL, "
                 "updated_at FROM record")
    for statement in indexes:
        conn.execute(statement)
    devices = [f"00000000-0000-4000-8000-{n:012d}" for n in range(DESKS)]
    conn.executemany(
        "INSERT INTO device VALUES (?, ?, ?, ?, ?, '2025-01-01T00:00:00.000Z', NULL)",
        [(d, f"Desk {n}", codes[n % INSTITUTES], "A" * 43, f"{n:064d}")
         for n, d in enumerate(devices)])
    # desks 0-59 synced within the last days, 60-74 went quiet 10-40 days ago
    conn.executemany(
        "INSERT INTO batch VALUES (?, 'x', ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?), ?)",
        [(f"b{n}", codes[(n % DESKS) % INSTITUTES], devices[n % DESKS],
          f"-{(n % DESKS) - 50 if n % DESKS >= 60 else n % 3} days", b"{}")
         for n in range(BATCHES)])
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('bench.version', ?)", (BENCH_VERSION,))
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    db = PortalDB(data)
    with db.transaction() as c:
        accounts.add_admin(c, ADMIN, PASSWORD)
    db.close()
    print(f"portal store built in {time.perf_counter() - t0:.0f} s", flush=True)


def pg_copy(data: Path, url: str | None) -> str:
    """The SQLite bench store's state's view copied into PostgreSQL (the projection, the
    reference lists, institutes, devices, batches, admins and the version log's head): what
    the page reads. The `record` table itself is not copied (the page never reads it)."""
    import psycopg

    from desktop.portal import pg

    if url is None:
        from pg_cluster import PgCluster

        cluster = PgCluster(durable=True)
        import atexit

        atexit.register(cluster.stop)
        url = cluster.new_database()
    t0 = time.perf_counter()
    pg.PgPortalDB(url).close()  # migrations
    indexes = [s.strip() for s in (pg._STATE_VIEW + pg._STATE_FACTS).split(";")
               if s.strip().startswith("CREATE INDEX")]
    src = sqlite3.connect(f"file:{data / 'portal.db'}?mode=ro", uri=True)
    tables = [*projection.COLUMNS, "department", "district", "institute", "device", "batch",
              "portal_admin"]
    with psycopg.connect(url) as conn:
        for statement in indexes:
            conn.execute("DROP INDEX IF EXISTS " + statement.split()[2])
        for table in tables:
            conn.execute(f"DELETE FROM {table}")
            columns = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
            with conn.cursor().copy(
                    f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in src.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                    copy.write_row(row)
            print(f"  copied {table} ({time.perf_counter() - t0:.0f} s)", flush=True)
        seq = src.execute("SELECT max(seq) FROM version_log").fetchone()[0]
        conn.execute("INSERT INTO version_log VALUES (%s, 'bench', 'bench', '', '', NULL, '')",
                     (seq,))
        for statement in indexes:
            conn.execute(statement)
        conn.execute("INSERT INTO meta VALUES ('state.projection', %s) ON CONFLICT (key) DO "
                     "UPDATE SET value = excluded.value", (projection.VERSION,))
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    print(f"PostgreSQL store filled in {time.perf_counter() - t0:.0f} s", flush=True)
    return url


def wait_for_keeper(db, timeout: float = 3600) -> int:
    """Until every period the keeper keeps ahead is kept at the current data version."""
    from desktop.portal.state import figures, kept

    deadline = time.time() + timeout
    while time.time() < deadline:
        with db.reading() as conn:
            version = figures.data_version(conn)
            wanted = kept.periods(conn)
            held = {(r[0], r[1]): r[2] for r in conn.execute(
                "SELECT first_day, last_day, version FROM state_facts")}
        if wanted and all(held.get(p) == version for p in wanted):
            return len(wanted)
        time.sleep(1)
    raise TimeoutError("the keeper did not finish")


def timed(client: httpx.Client, label: str, path: str, params: dict) -> tuple[str, float]:
    t0 = time.perf_counter()
    answer = client.get(path, params=params)
    took = time.perf_counter() - t0
    answer.raise_for_status()
    print(f"  {label}: {took:.3f} s ({len(answer.content):,} bytes)", flush=True)
    return label, took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.path.join(tempfile.gettempdir(), "kd-bench-state"))
    parser.add_argument("--desk-db",
                        default=os.path.join(tempfile.gettempdir(), "kd-bench-reports.db"))
    parser.add_argument("--fresh", action="store_true", help="rebuild the portal store")
    parser.add_argument("--build-only", action="store_true", help="build the store, measure nothing")
    parser.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite",
                        help="serve from the SQLite store, or copy its state's view into "
                        "PostgreSQL and serve from there")
    parser.add_argument("--database", help="postgresql://… for --store postgresql (default: "
                        "a throw-away cluster, tests/pg_cluster.py, with fsync on)")
    args = parser.parse_args()
    data, desk = Path(args.data), Path(args.desk_db)
    cached = False
    if (data / "portal.db").exists() and not args.fresh:
        with sqlite3.connect(data / "portal.db") as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'bench.version'").fetchone()
            cached = row is not None and row[0] == BENCH_VERSION
    if not cached:
        desk_db(desk)
        build(data, desk)
    if args.build_only:
        return 0
    with sqlite3.connect(data / "portal.db") as conn:
        people = conn.execute("SELECT count(*) FROM participant").fetchone()[0]
        marks = conn.execute("SELECT count(*) FROM attendance").fetchone()[0]
        records = conn.execute("SELECT count(*) FROM record").fetchone()[0]
    print(f"portal: {people:,} participants, {marks:,} attendance rows, {records:,} records")
    with sqlite3.connect(data / "portal.db") as conn:  # the keeper starts from nothing
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'state_facts'").fetchone():
            conn.execute("DELETE FROM state_facts")
    target: str | Path = data
    if args.store == "postgresql":
        target = pg_copy(data, args.database)
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    portal = start_portal(target)
    print(f"portal started in {time.perf_counter() - t0:.1f} s (indexes made when missing)",
          flush=True)
    rows = []
    try:
        with httpx.Client(base_url=portal.url, timeout=600) as client:
            client.get("/state/login")  # the page's app starts: its keeper reads ahead
            t0 = time.perf_counter()
            ahead = wait_for_keeper(portal.db)
            print(f"keeper: {ahead} periods read ahead and kept in "
                  f"{time.perf_counter() - t0:.1f} s (background)", flush=True)
            assert client.post("/state/login", data={"name": ADMIN, "password": PASSWORD}
                               ).status_code == 303
            later = "2025-04"
            first = timed(client, f"first view of {MONTH} (13 months kept, none in memory)",
                          "/state", {"month": MONTH})
            warm = [
                timed(client, f"{MONTH} again", "/state", {"month": MONTH}),
                timed(client, "filter: department Revenue", "/state",
                      {"month": MONTH, "department": "Revenue"}),
                timed(client, "filter: district LKO", "/state",
                      {"month": MONTH, "district": "LKO"}),
                timed(client, "filter: group A/B", "/state", {"month": MONTH, "group": "A/B"}),
                timed(client, "filter: institute I03", "/state",
                      {"month": MONTH, "institute": "I03"}),
                timed(client, "filter: Revenue, LKO, institute mode", "/state",
                      {"month": MONTH, "department": "Revenue", "district": "LKO",
                       "mode": "institute"}),
                timed(client, f"next month {later} (kept, not in memory)", "/state",
                      {"month": later}),
                timed(client, "download by_district.xlsx", "/state/download/by_district.xlsx",
                      {"month": MONTH}),
                timed(client, "download by_department.csv", "/state/download/by_department.csv",
                      {"month": MONTH, "group": "C/D"}),
            ]
            ranged = timed(client, "range 2025-01 to 2025-03 (a quarter: kept)", "/state",
                           {"month": "2025-01", "to": "2025-03"})
            odd = timed(client, "range 2025-02 to 2025-04 (never asked: read by the core)",
                        "/state", {"month": "2025-02", "to": "2025-04"})
            rows = [first, *warm, ranged, odd]
    finally:
        portal.stop()
    print()
    print(f"store: {args.store}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
          f"CPU seconds of this process (server and keeper): {time.process_time() - cpu0:.0f}")
    print(f"uptime: {os.popen('uptime').read().strip()}")
    print()
    print("| the state page, through HTTP | seconds | target |")
    print("| --- | --- | --- |")
    for label, took in rows:
        print(f"| {label} | {took:.3f} | ≤ 1 s |")
    return 0 if max(t for _, t in warm) <= 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
