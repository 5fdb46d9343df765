"""Benchmark: the PyInstaller bundle — start to a usable main window on the 1,880,000-person
database, and the folder's size with its largest parts.

Run: `python tests/perf/bench_bundle.py [--dist dist/karmayogi-desk] [--db BIG.db] [--runs 5]`.
Without --dist it builds the bundle first (`pyinstaller build.spec`, ~3 min) into a temporary
folder. Without --db it uses the database `bench_roster.py --keep` left (or `--db`); the start
is skipped, said so, when there is none. Each start is a fresh process of the bundle's own
executable (`gui`, offscreen, KARMAYOGI_DESK_QUIT_AFTER_START: it quits once the window is
shown and painted), timed from spawn to exit — so the figure includes closing too."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_START_S = 2.0
TARGET_SIZE_MB = 200
KEPT_DATABASES = ("/tmp/bench_roster_new/bench.db", "/tmp/bench_roster/bench.db")


def build(into: Path) -> Path:
    started = time.perf_counter()
    subprocess.run(
        ["pyinstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(into / "dist"),
         "--workpath", str(into / "build"), str(ROOT / "build.spec")],
        cwd=ROOT, check=True,
    )  # fmt: skip
    print(f"built in {time.perf_counter() - started:.0f} s")
    return into / "dist" / "karmayogi-desk"


def size_mb(path: Path) -> float:
    if path.is_symlink():
        return 0.0
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def largest_parts(folder: Path, count: int = 12) -> list[tuple[str, float]]:
    inner = folder / "_internal"
    parts = [(p.name, size_mb(p)) for p in inner.iterdir()]
    qt = inner / "PySide6" / "Qt"
    if qt.is_dir():  # PySide6 is most of it: show what is inside
        parts = [pair for pair in parts if pair[0] != "PySide6"]
        parts += [(f"PySide6/Qt/{p.name}", size_mb(p)) for p in qt.iterdir()]
        parts.append(("PySide6 (bindings)", size_mb(inner / "PySide6") - size_mb(qt)))
        lib = qt / "lib"
        if (lib / "libicudata.so.73").exists():
            parts.append(("  of which ICU data", size_mb(lib / "libicudata.so.73")))
    return sorted(parts, key=lambda pair: pair[1], reverse=True)[:count]


def time_starts(exe: Path, db: Path, runs: int) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KARMAYOGI_DESK_QUIT_AFTER_START": "1"}
    env.setdefault("KARMAYOGI_DESK_LOG_DIR", tempfile.mkdtemp(prefix="kd-bench-logs-"))
    times = []
    for _ in range(runs + 1):  # the first warms the disk cache, as a second start does
        started = time.perf_counter()
        done = subprocess.run(
            [str(exe), "--db", str(db), "gui"], env=env, capture_output=True, text=True
        )
        took = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"the bundle exited {done.returncode}: {done.stderr[-2000:]}")
        times.append(took)
    return times[1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help="a built bundle folder (default: build one)")
    parser.add_argument("--db", type=Path, help="the 1,880,000-person database")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    scratch = None
    dist = args.dist
    if dist is None:
        scratch = Path(tempfile.mkdtemp(prefix="kd-bench-bundle-"))
        dist = build(scratch)
    try:
        exe = dist / ("karmayogi-desk.exe" if sys.platform == "win32" else "karmayogi-desk")
        total = size_mb(dist)
        print(f"\n| bundle folder | {total:.1f} MB ({total * 1e6 / 2**20:.1f} MiB) | ≤ {TARGET_SIZE_MB} MB |")
        print("\n| largest part | MB |\n| --- | --- |")
        for name, mb in largest_parts(dist):
            print(f"| {name} | {mb:.1f} |")
        db = args.db or next((Path(p) for p in KEPT_DATABASES if Path(p).exists()), None)
        if db is None:
            print("\nno big database: run tests/perf/bench_roster.py --keep, or give --db")
        else:
            times = time_starts(exe, db, args.runs)
            print(f"\nstart to a usable main window, bundle, {db} ({size_mb(db):.0f} MB), "
                  f"{len(times)} runs after one warm-up (spawn to exit)")  # fmt: skip
            print("| median | max | target |\n| --- | --- | --- |")
            print(f"| {statistics.median(times):.2f} s | {max(times):.2f} s | ≤ {TARGET_START_S} s |")
        print(f"\nuptime: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
