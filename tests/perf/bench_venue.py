"""Benchmark of a venue on loopback: a hub and two joined desks, each marking 1 scan/s.

    python tests/perf/bench_venue.py [--people 300] [--rate 1.0]

Measures (targets from the issue): how long a mark made at one desk takes to be visible at
each other desk (p95 ≤ 2 s), and that 300 participants marked across three desks end with
300 marks everywhere — none lost, none doubled — and each desk's batches at the hub once.
Joined desks exchange through `link.Follower` (its own connection, long-poll at the hub);
each desk marks on another connection, as the GUI would; a watcher per desk polls its own
database every 50 ms to see when a mark arrives."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.core.attendance.desk import Desk  # noqa: E402
from desktop.core.venue import link  # noqa: E402
from desktop.store import open_store  # noqa: E402
from tests.venue.helpers import Venue, versions  # noqa: E402


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--rate", type=float, default=1.0, help="scans per second per desk")
    parser.add_argument("--quick", action="store_true", help="60 people at 3 scans/s")
    args = parser.parse_args()
    if args.quick:
        args.people, args.rate = 60, 3.0
    folder = Path(tempfile.mkdtemp(prefix="kd-bench-venue-"))
    venue = Venue(folder, n=2, people=args.people)
    venue.settle(2)
    paths = [venue.hub_path, *(folder / f"desk{i + 2}.db" for i in range(2))]
    followers = [link.Follower(p, wait=1.0).start() for p in paths[1:]]
    marked_at: dict[str, tuple[int, float]] = {}  # attendance id -> (desk, monotonic time)
    seen: list[dict[str, float]] = [{}, {}, {}]
    stop = threading.Event()
    lock = threading.Lock()

    def watch(k: int) -> None:
        store = open_store(paths[k], create=False, migrate=False)
        try:
            while not stop.is_set():
                now = time.monotonic()
                for (att,) in store.conn.execute("SELECT id FROM attendance WHERE deleted = 0"):
                    seen[k].setdefault(att, now)
                time.sleep(0.05)
        finally:
            store.close()

    def marker(k: int) -> None:
        store = open_store(paths[k], create=False, migrate=False)
        desk = Desk(store, venue.session)
        try:
            for person in venue.people[k::3]:
                t0 = time.monotonic()
                result = desk.mark(person, check_window=False)
                with lock:
                    marked_at[result.attendance_id] = (k, time.monotonic())
                time.sleep(max(0.0, 1.0 / args.rate - (time.monotonic() - t0)))
        finally:
            store.close()

    watchers = [threading.Thread(target=watch, args=(k,), daemon=True) for k in range(3)]
    markers = [threading.Thread(target=marker, args=(k,)) for k in range(3)]
    started = time.monotonic()
    for t in watchers + markers:
        t.start()
    for t in markers:
        t.join()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not all(
            set(marked_at) <= set(seen[k]) for k in range(3)):
        time.sleep(0.1)
    run_seconds = time.monotonic() - started
    stop.set()
    for t in watchers:
        t.join()
    for f in followers:
        f.stop()

    rows = []
    all_latencies: list[float] = []
    for src in range(3):
        for dst in range(3):
            if src == dst:
                continue
            lat = [seen[dst][a] - t for a, (k, t) in marked_at.items()
                   if k == src and a in seen[dst]]
            missing = sum(1 for a, (k, _) in marked_at.items() if k == src and a not in seen[dst])
            all_latencies += lat
            rows.append((f"desk {src + 1} → desk {dst + 1}", len(lat), missing,
                         statistics.median(lat) if lat else float("nan"),
                         _percentile(lat, 95) if lat else float("nan"),
                         max(lat) if lat else float("nan")))

    venue.settle(2)
    stores = venue.all
    counts = [tuple(s.conn.execute("SELECT count(*), count(DISTINCT session_id || participant_id) "
                             "FROM attendance WHERE deleted = 0").fetchone()) for s in stores]
    same = all(versions(s) == versions(venue.hub_store) for s in stores)
    relayed = venue.hub_store.conn.execute(
        "SELECT count(*), count(DISTINCT record_id) FROM sync_batch_record r JOIN sync_batch b "
        "ON b.batch_id = r.batch_id WHERE b.relayed = 1 AND r.kind = 'attendance'").fetchone()

    print(f"Venue on loopback: hub + 2 desks, {args.people} participants, {args.rate:g} "
          f"scan/s per desk; {run_seconds:.0f} s")
    print(f"{'mark made → seen at':<22}{'marks':>7}{'missing':>9}{'p50 s':>8}{'p95 s':>8}"
          f"{'max s':>8}")
    for name, n, missing, p50, p95, top in rows:
        print(f"{name:<22}{n:>7}{missing:>9}{p50:>8.2f}{p95:>8.2f}{top:>8.2f}")
    p95_all = _percentile(all_latencies, 95)
    print(f"{'all pairs':<22}{len(all_latencies):>7}{'':>9}"
          f"{statistics.median(all_latencies):>8.2f}{p95_all:>8.2f}{max(all_latencies):>8.2f}"
          f"   target p95 ≤ 2 s: {'met' if p95_all <= 2.0 else 'NOT met'}")
    print(f"marks per desk (rows, distinct pairs): {counts}; expected {args.people} each")
    print(f"all desks hold the same versions: {same}")
    print(f"attendance relayed at the hub for the portal (records, distinct): {tuple(relayed)}; "
          f"expected {sum(1 for k, _ in marked_at.values() if k)} each")
    from_desks = sum(1 for k, _ in marked_at.values() if k)
    ok = all(c == (args.people, args.people) for c in counts) and same and (
        tuple(relayed) == (from_desks, from_desks))
    print("no lost or doubled mark:", "yes" if ok else "NO")
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    venue.close()
    return 0 if ok and p95_all <= 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
