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
    """Search and scroll latencies through the real page and model, in this process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.ui import app as app_module
    from desktop.ui.tasks import SyncRunner

    qapp = app_module.application()
    window = app_module.start(str(db), runner=SyncRunner(), language="en")
    page = window.page("roster")
    searches: dict[str, tuple[float, int]] = {}
    all_ms: list[float] = []
    for _round in range(3):
        for text in SEARCHES:
            page.search.setText(text)
            page.apply_search()
            qapp.processEvents()
            all_ms.append(page.last_search_ms)
            searches[text] = (
                min(page.last_search_ms, searches.get(text, (1e9, 0))[0]),
                page.model.rowCount(),
            )
    page.search.setText("")
    page.apply_search()
    model = page.model
    fetch_ms: list[float] = []
    for _ in range(200):  # scroll through 40,000 rows a page at a time
        started = time.perf_counter()
        model.fetchMore(model.index(-1, -1))
        fetch_ms.append((time.perf_counter() - started) * 1000)
    window.close()
    window.ctx.store.close()
    all_ms.sort()
    return {
        "searches": searches,
        "search_p50": statistics.median(all_ms),
        "search_p95": all_ms[int(len(all_ms) * 0.95) - 1],
        "search_max": all_ms[-1],
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

    runs = {lang: [time_start(db, lang) for _ in range(args.runs)] for lang in ("en", "hi")}
    screen = time_screen(db)

    print(
        f"\nGUI benchmark — {args.participants:,} participants, database {size_mb:,.0f} MB, "
        f"{os.cpu_count()} cores, offscreen"
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
    print("| roster screen on the GUI thread | value |")
    print("| --- | --- |")
    print(
        f"| search as you type, p50 / p95 / max over {len(SEARCHES) * 3} queries | "
        f"{screen['search_p50']:.1f} / {screen['search_p95']:.1f} / {screen['search_max']:.1f} ms |"
    )
    print(
        f"| scroll: one page of 200 rows (fetchMore), p95 / max | {screen['fetch_p95']:.2f} / {screen['fetch_max']:.2f} ms |"
    )
    print(f"| rows loaded after scrolling 200 pages | {screen['rows_after_scroll']:,} |")
    print()
    print("| query | best ms | rows in first page |")
    print("| --- | --- | --- |")
    for text, (ms, rows) in screen["searches"].items():
        print(f"| `{text}` | {ms:.1f} | {rows} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
