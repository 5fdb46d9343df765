"""Run every benchmark (`tests/perf/bench_*.py`) in turn, each in its own process, so one
command prints all the tables for the README.

    python tests/perf/run.py                 # all benchmarks at the issues' sizes
    python tests/perf/run.py roster gui      # only bench_roster.py and bench_gui.py
    python tests/perf/run.py --quick         # pass --quick to benchmarks that accept it

A benchmark that fails is reported and the others still run; the exit code is 1 then."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description="run the benchmarks in tests/perf")
    parser.add_argument("names", nargs="*", help="benchmark names (bench_<name>.py); default all")
    parser.add_argument("--quick", action="store_true", help="pass --quick to each benchmark")
    args = parser.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.names:
        wanted = {n.removeprefix("bench_").removesuffix(".py") for n in args.names}
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in wanted]
        missing = wanted - {s.stem.removeprefix("bench_") for s in scripts}
        if missing:
            print(f"no such benchmark: {', '.join(sorted(missing))}", file=sys.stderr)
            return 2
    failed: list[str] = []
    for script in scripts:
        print(f"## {script.stem}", flush=True)
        print(flush=True)
        command = [sys.executable, str(script)]
        if args.quick and "--quick" in script.read_text(encoding="utf-8"):
            command.append("--quick")
        started = time.monotonic()
        code = subprocess.call(command, cwd=HERE.parents[1])
        print(flush=True)
        print(f"({script.name}: {time.monotonic() - started:.0f} s, exit {code})", flush=True)
        print(flush=True)
        if code != 0:
            failed.append(script.name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
