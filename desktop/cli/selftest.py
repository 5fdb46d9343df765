"""`karmayogi-desk --self-test`: the core steps (core/selftest.py), then the main window
offscreen; exit 0, or 1 with the failing step named on stderr."""

from __future__ import annotations

import os
import sys
import time

from desktop.core.buildinfo import version_line
from desktop.core.selftest import STEPS, SelfTest, SelfTestFailed, run_steps, scratch

EXIT_FAILED = 1


def step_window(t: SelfTest) -> None:
    """The GUI starts on the self-test database and shows its main window, offscreen."""
    # Offscreen: CI and a laptop alike, no window flashes up; set before Qt starts.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from desktop.ui.selftest import open_main_window

    open_main_window(t.db_path)


def run_self_test(argv_steps: list | None = None) -> int:
    """Run every step; print one line per step and a verdict."""
    steps = (
        argv_steps if argv_steps is not None else [*STEPS, ("open the main window", step_window)]
    )
    started = time.perf_counter()
    print(f"karmayogi-desk {version_line()} self-test", flush=True)
    with scratch() as t:
        try:
            run_steps(t, steps, lambda line: print(line, flush=True))
        except SelfTestFailed as exc:
            print(f"FAIL {exc.step}: {exc.detail}", flush=True)
            print(f"self-test failed at step: {exc.step}", file=sys.stderr, flush=True)
            return EXIT_FAILED
    print(f"self-test passed ({time.perf_counter() - started:.1f} s)", flush=True)
    return 0
