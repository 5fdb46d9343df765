"""Roster benchmark: import 100,000 and 1,880,000 rows, search at 1,880,000 participants.

    python tests/perf/bench_roster.py            # the issue's sizes
    python tests/perf/bench_roster.py --quick    # 20,000 / 100,000 rows, for a smoke run
    python tests/perf/bench_roster.py --sizes 1880000 --hindi-only --import-only
        # a list with Hindi names only (every English name written from the Hindi),
        # the import alone (no re-import, no search: spares a shared machine)
    python tests/perf/bench_roster.py --sizes 1880000 --varied-names --import-only
        # many distinct names (~1.1 million of 1.88 million), as a real list has more of
        # them than the demo's 1,100 given-name x surname pairs

Input files are generated (bilingual names, codes, mobiles, districts, in our "kd" layout) and
imported by the real CLI in a child process, so wall time and peak RSS are the command's own.
Search runs as-you-type queries (both scripts, Latin spelling, codes, mobiles) against the
biggest database. Targets (issue 2): 100k ≤ 5 s; 1.88M ≤ 60 s and ≤ 500 MB; search p95 ≤ 50 ms;
exact employee code ≤ 5 ms."""

from __future__ import annotations

import argparse
import bisect
import csv
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.core.centre import init_centre  # noqa: E402
from desktop.core.demo.p10_roster import participant_rows  # noqa: E402
from desktop.core.roster.fields import KD_COLUMNS  # noqa: E402
from desktop.core.roster.search import exact_code, search  # noqa: E402
from desktop.store import open_store  # noqa: E402

QUERIES = [
    "r",
    "ra",
    "ram",
    "rame",
    "ramesh",
    "ramesh k",
    "ramesh kumar",
    "sun",
    "sunita",
    "sunita v",
    "verma",
    "shar",
    "sharma",
    "yadav",
    "pr",
    "prad",
    "pradeep singh",
    "sing",
    "र",
    "रा",
    "राम",
    "रमे",
    "रमेश",
    "रमेश कु",
    "सुनी",
    "सुनीता वर्मा",
    "यादव",
    "सिंह",
    "UP",
    "UPLKO",
    "UPLKO00",
    "UPLKO0001",
    "98",
    "9876",
    "987654",
    "6001007922",
]


def _districts() -> list[str]:
    with (ROOT / "resources" / "data" / "up-districts.csv").open(encoding="utf-8") as handle:
        return [row["code"] for row in csv.DictReader(handle)]


def write_roster(
    path: Path, rows: int, seed: int = 7, hindi_only: bool = False, varied: bool = False
) -> None:
    departments = ["Revenue", "Basic Education", "Panchayati Raj", "Finance", "Home (Police)"]
    columns = [(h, f) for h, f in KD_COLUMNS if not (hindi_only and f == "name_en")]
    names = _varied_people(random.Random(seed + 1)) if varied else None
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([h for h, _ in columns])
        for row in participant_rows(random.Random(seed), rows, _districts(), departments):
            if names is not None:
                row["name_hi"], row["name_en"] = next(names)
            writer.writerow([row.get(f) or "" for _, f in columns])


def _varied_people(rng: random.Random) -> Any:
    """(Hindi, English) full names, most of them distinct: synthetic words of two or three
    Devanagari syllables with a Roman spelling, given names and surnames drawn Zipf-like
    from 6,000 and 1,500 words, a middle name half the time. Whole-name caches (the derived
    English name, the search key) then miss for most rows, as they would on a real list."""
    consonants = [("क", "k"), ("ख", "kh"), ("ग", "g"), ("घ", "gh"), ("च", "ch"), ("ज", "j"),
                  ("झ", "jh"), ("ट", "t"), ("ड", "d"), ("त", "t"), ("द", "d"), ("ध", "dh"),
                  ("न", "n"), ("प", "p"), ("ब", "b"), ("भ", "bh"), ("म", "m"), ("य", "y"),
                  ("र", "r"), ("ल", "l"), ("व", "v"), ("श", "sh"), ("स", "s"), ("ह", "h")]
    vowels = [("", "a"), ("ा", "aa"), ("ि", "i"), ("ी", "ee"), ("ु", "u"), ("ू", "oo"),
              ("े", "e"), ("ो", "o")]

    def words(count: int) -> list[tuple[str, str]]:
        made: dict[str, str] = {}
        while len(made) < count:
            hindi = english = ""
            for _ in range(rng.choice((2, 2, 3))):
                (c_hi, c_en), (v_hi, v_en) = rng.choice(consonants), rng.choice(vowels)
                hindi, english = hindi + c_hi + v_hi, english + c_en + v_en
            made.setdefault(hindi, english.capitalize())
        return list(made.items())

    def zipf(items: list[tuple[str, str]]) -> Any:
        weights = list(itertools.accumulate(1 / (i + 1) for i in range(len(items))))
        return lambda: items[bisect.bisect(weights, rng.random() * weights[-1])]

    given, surname = zipf(words(6000)), zipf(words(1500))
    while True:
        parts = [given()] + ([given()] if rng.random() < 0.5 else []) + [surname()]
        yield " ".join(p[0] for p in parts), " ".join(p[1] for p in parts)


def fresh_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    with open_store(path) as store:
        init_centre(store, "BEN", "Bench Centre", "बेंच केंद्र")


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (Linux /proc), in MB."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as handle:
                    todo.extend(int(child) for child in handle.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total / 1024


def run_import(db: Path, source: Path) -> tuple[float, float, float, dict]:
    """(wall s, cpu s, peak RSS MB, result) of `roster import` in a child process.

    CPU counts the import's reader process too; peak RSS is the largest *sum* over the
    import and its reader process, sampled every 50 ms."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [
        sys.executable,
        "-m",
        "desktop",
        "--db",
        str(db),
        "--json",
        "roster",
        "import",
        str(source),
    ]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], _tree_rss_mb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = proc.stdout.read() if proc.stdout else b""
    done.set()
    sampler.join()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"import failed with exit code {proc.returncode}")
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, max(peak[0], usage.ru_maxrss / 1024), json.loads(out)


def bench_search(db: Path) -> dict[str, float]:
    with open_store(db, create=False) as store:
        conn = store.conn
        for query in QUERIES:  # warm the page cache the way a running app has it
            search(conn, query)
        times: list[float] = []
        for _ in range(5):
            for query in QUERIES:
                t = time.perf_counter()
                search(conn, query, 20)
                times.append((time.perf_counter() - t) * 1000)
        codes = [
            r[0]
            for r in conn.execute(
                "SELECT employee_code FROM participant WHERE seq % 997 = 0 LIMIT 1000"
            )
        ]
        exact: list[float] = []
        for code in codes:
            t = time.perf_counter()
            found = exact_code(conn, code)
            exact.append((time.perf_counter() - t) * 1000)
            assert found is not None and found["employee_code"] == code
        count = conn.execute("SELECT count(*) FROM participant").fetchone()[0]
    times.sort()
    exact.sort()
    return {
        "participants": count,
        "p50": statistics.median(times),
        "p95": times[int(len(times) * 0.95) - 1],
        "max": times[-1],
        "exact_p50": statistics.median(exact),
        "exact_max": exact[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000 and 100,000 rows")
    parser.add_argument("--sizes", help="comma-separated row counts (overrides the defaults)")
    parser.add_argument("--keep", help="folder to keep the files in (default: a temp folder)")
    parser.add_argument(
        "--hindi-only", action="store_true", help="lists without the English name column"
    )
    parser.add_argument(
        "--import-only", action="store_true", help="only the imports (no re-import, no search)"
    )
    parser.add_argument(
        "--varied-names", action="store_true",
        help="mostly distinct names (synthetic), instead of the demo's 1,100 pairs",
    )
    args = parser.parse_args()
    sizes = [20_000, 100_000] if args.quick else [100_000, 1_880_000]
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench_roster_"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"Roster import and search ({os.cpu_count()} CPUs; files in {work})")
    print()
    print("| what | rows | wall s | CPU s | rows/s | peak RSS MB (all processes) | result |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    db = work / "bench.db"
    stem = ("roster_hi" if args.hindi_only else "roster") + ("_varied" if args.varied_names else "")
    for rows in sizes:
        source = work / f"{stem}_{rows}.csv"
        if not source.exists():
            write_roster(source, rows, hindi_only=args.hindi_only, varied=args.varied_names)
        fresh_db(db)
        wall, cpu, rss, result = run_import(db, source)
        summary = f"{result['created']} created, {result['rejected']} rejected"
        if result.get("derived_names"):
            summary += f", {result['derived_names']} English names written from the Hindi"
        print(
            f"| import into empty DB | {rows:,} | {wall:.1f} | {cpu:.1f} | {rows / wall:,.0f} "
            f"| {rss:.0f} | {summary} |",
            flush=True,
        )
    if args.import_only:
        return
    # Re-import the first (smaller) file into the big database: every row matches someone.
    small = work / f"{stem}_{sizes[0]}.csv"
    wall, cpu, rss, result = run_import(db, small)
    summary = f"{result['unchanged']} unchanged, {result['updated']} updated"
    print(
        f"| re-import into the {sizes[-1]:,} DB | {sizes[0]:,} | {wall:.1f} | {cpu:.1f} "
        f"| {sizes[0] / wall:,.0f} | {rss:.0f} | {summary} |",
        flush=True,
    )
    stats = bench_search(db)
    print()
    print(
        f"Search over {stats['participants']:,} participants "
        f"({len(QUERIES)} as-you-type queries × 5, limit 20):"
    )
    print()
    print("| search | p50 ms | p95 ms | max ms |")
    print("| --- | ---: | ---: | ---: |")
    print(
        f"| as you type (names both scripts, Latin, codes, mobiles) | {stats['p50']:.2f} "
        f"| {stats['p95']:.2f} | {stats['max']:.2f} |"
    )
    print(
        f"| exact employee code (1,000 codes) | {stats['exact_p50']:.3f} | – "
        f"| {stats['exact_max']:.3f} |"
    )


if __name__ == "__main__":
    main()
