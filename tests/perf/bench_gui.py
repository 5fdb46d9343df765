"""Benchmark: GUI start to a usable main window on a 1,880,000-participant database, and the
roster screen's search and scrolling on it (all on the GUI thread, which must never block
long). Run: `python tests/perf/bench_gui.py [--participants N] [--db PATH]`.

The database is built once with the demo generator (a few minutes for 1.88M) and reused.
Each start runs in a fresh process, as a user's start does, and is timed from the process's
first line to the window shown with the roster's first page painted."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TARGET_START_S = 2.0
SEARCHES = (
    "ram",
    "ramesh",
    "kumar",
    "शर्मा",
    "रमेश कु",
    "UPLKO00",
    "98",
    "sita ve",
    "अनि",
    # worst cases: two common words that (almost) never meet in one name
    "sharma mishra",
    "kumar devi",
)

_CHILD = r"""
import time
t0 = time.perf_counter()
import os, sys, json
sys.path.insert(0, {root!r})
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
t_import_qt = time.perf_counter()
from desktop.ui import app as app_module
from desktop.ui.tasks import ThreadRunner
t_import_app = time.perf_counter()
qapp = app_module.application()
window = app_module.start({db!r}, runner=ThreadRunner(), language={lang!r})
t_window = time.perf_counter()
qapp.processEvents()
window.grab()  # paint once: the roster's first rows are on screen
t_painted = time.perf_counter()
page = window.page("roster")
print(json.dumps({{
    "import_qt": t_import_qt - t0,
    "import_app": t_import_app - t_import_qt,
    "start": t_window - t_import_app,
    "paint": t_painted - t_window,
    "total": t_painted - t0,
    "rows": page.model.rowCount(),
}}))
window.close()
window.ctx.store.close()
"""


def ensure_db(path: Path, participants: int) -> None:
    if path.exists():
        # Apply migrations added since the file was built (with their backup) before timing:
        # a one-off upgrade is not what a daily start costs.
        from desktop.store import open_store

        with open_store(path) as store:
            if store.last_backup:
                print(
                    f"migrated the benchmark database (backup {store.last_backup})", file=sys.stderr
                )
                store.last_backup.unlink(missing_ok=True)
        return
    from desktop.core.demo import build_demo
    from desktop.store import open_store

    print(f"building {participants:,} participants into {path} (once) …", file=sys.stderr)
    started = time.perf_counter()
    with open_store(path) as store:
        build_demo(store, participants=participants, seed=1)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def time_start(db: Path, lang: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("KARMAYOGI_DESK_SETTINGS", str(Path("/tmp") / "bench-gui-settings.ini"))
    out = subprocess.run(
        [sys.executable, "-c", _CHILD.format(root=str(ROOT), db=str(db), lang=lang)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def time_screen(db: Path) -> dict:
    """Search and scroll through the real page and model, in this process, with the real
    thread runner: searches run on a pool thread, so what the GUI thread feels is measured
    by a 1 ms timer that records the longest gap between its ticks (the event loop blocked)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer

    from desktop.ui import app as app_module
    from desktop.ui.tasks import ThreadRunner

    qapp = app_module.application()
    window = app_module.start(str(db), runner=ThreadRunner(), language="en")
    page = window.page("roster")
    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    searches: dict[str, tuple[float, float, int]] = {}
    latencies: list[float] = []
    worker: list[float] = []
    shows: list[float] = []
    cold: list[tuple[float, str]] = []
    # Noise floor: the same timer with nothing to do for 2 s (what the OS scheduler alone costs
    # on a busy machine).
    clock.start()
    last[0] = 0.0
    timer.start()
    until = time.perf_counter() + 2.0
    while time.perf_counter() < until:
        qapp.processEvents()
        time.sleep(0.0005)
    timer.stop()
    idle_max = max(gaps) if gaps else 0.0
    gaps.clear()
    for _round in range(3):
        for text in SEARCHES:
            clock.start()
            last[0] = 0.0
            timer.start()
            started = time.perf_counter()
            page.search.setText(text)
            page.apply_search()
            while page.model.search_text != text:
                qapp.processEvents()
                time.sleep(0.0005)
            latency = (time.perf_counter() - started) * 1000
            timer.stop()
            shows.append(page.last_show_ms)
            if _round == 0:  # the first pass reads the index from disk (cold OS cache)
                cold.append((latency, text))
                continue
            latencies.append(latency)
            worker.append(page.last_search_ms)
            best = searches.get(text, (1e9, 1e9, 0))
            searches[text] = (
                min(best[0], latency),
                min(best[1], page.last_search_ms),
                page.model.rowCount(),
            )
    page.search.setText("")
    page.apply_search()
    model = page.model
    fetch_ms: list[float] = []
    for _ in range(200):  # scroll through 40,000 rows a page at a time (GUI thread)
        started = time.perf_counter()
        model.fetchMore(model.index(-1, -1))
        fetch_ms.append((time.perf_counter() - started) * 1000)
    window.close()
    window.ctx.runner.wait()
    window.ctx.store.close()
    latencies.sort()
    worker.sort()
    return {
        "searches": searches,
        "latency_p50": statistics.median(latencies),
        "latency_p95": latencies[int(len(latencies) * 0.95) - 1],
        "worker_p95": worker[int(len(worker) * 0.95) - 1],
        "gui_block_max": max(gaps) if gaps else 0.0,
        "show_max": max(shows),
        "idle_max": idle_max,
        "cold_max": max(cold),
        "fetch_p95": sorted(fetch_ms)[int(len(fetch_ms) * 0.95) - 1],
        "fetch_max": max(fetch_ms),
        "rows_after_scroll": model.rowCount(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--participants", type=int, default=1_880_000)
    parser.add_argument("--db", help="database to use (built if missing)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    db = Path(args.db or f"/tmp/kd-bench-{args.participants}.db")
    ensure_db(db, args.participants)
    size_mb = db.stat().st_size / 1e6

    load = os.getloadavg()[0]
    runs = {lang: [time_start(db, lang) for _ in range(args.runs)] for lang in ("en", "hi")}
    screen = time_screen(db)

    print(
        f"\nGUI benchmark — {args.participants:,} participants, database {size_mb:,.0f} MB, "
        f"{os.cpu_count()} cores, offscreen, load average {load:.1f} (other work on the machine)"
    )
    print()
    print(
        "| start (fresh process) | language | import Qt | import app | open DB + window | first paint | total | target |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for lang, results in runs.items():
        best = min(results, key=lambda r: r["total"])
        median_total = statistics.median(r["total"] for r in results)
        ok = "ok" if median_total <= TARGET_START_S else "MISSED"
        print(
            f"| median of {len(results)} (best shown) | {lang} | {best['import_qt'] * 1000:.0f} ms | "
            f"{best['import_app'] * 1000:.0f} ms | {best['start'] * 1000:.0f} ms | {best['paint'] * 1000:.0f} ms | "
            f"{median_total:.2f} s | ≤ {TARGET_START_S:.0f} s {ok} |"
        )
    print()
    print("| roster screen (1.88M rows) | value |")
    print("| --- | --- |")
    n = len(SEARCHES) * 2
    print(
        f"| first pass (cold OS cache): slowest search, keystroke to results | "
        f"{screen['cold_max'][0]:.0f} ms (`{screen['cold_max'][1]}`) |"
    )
    print(
        f"| search, keystroke to results shown, p50 / p95 over {n} warm queries | "
        f"{screen['latency_p50']:.1f} / {screen['latency_p95']:.1f} ms |"
    )
    print(
        f"| search on the pool thread (roster core `search`), p95 | {screen['worker_p95']:.1f} ms |"
    )
    print(f"| putting results in the table (GUI thread), max | {screen['show_max']:.1f} ms |")
    print(
        f"| longest GUI-thread stall while searching (1 ms timer gaps) | "
        f"{screen['gui_block_max']:.1f} ms (target < 50 ms) |"
    )
    print(
        f"| same timer with the GUI idle for 2 s (scheduler noise floor) | {screen['idle_max']:.1f} ms |"
    )
    print(
        f"| scroll: one page of 200 rows (fetchMore, GUI thread), p95 / max | "
        f"{screen['fetch_p95']:.2f} / {screen['fetch_max']:.2f} ms |"
    )
    print(f"| rows loaded after scrolling 200 pages | {screen['rows_after_scroll']:,} |")
    print()
    print("| query | best latency ms | best search ms | rows shown |")
    print("| --- | --- | --- | --- |")
    for text, (latency, ms, rows) in screen["searches"].items():
        print(f"| `{text}` | {latency:.1f} | {ms:.1f} | {rows} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
