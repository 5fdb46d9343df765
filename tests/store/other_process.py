"""A second Python process holding a database open (or restoring it) until told to stop: the
other window, command or venue hub of the "in use" tests (store/in_use.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent(
    """
    import sys
    from desktop.store import open_store
    store = open_store(sys.argv[1], create=False)
    print("ready", flush=True)
    sys.stdin.readline()  # hold the file open until told
    store.close()
    """
)

RESTORER = textwrap.dedent(
    """
    import sys
    from desktop.store import in_use
    with in_use.sole_use(__import__("pathlib").Path(sys.argv[1])):
        print("ready", flush=True)
        sys.stdin.readline()
    """
)


class Other:
    """A second Python process running `script` on the database until `stop()`."""

    def __init__(self, script: str, db_path: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, str(db_path)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, env=env,
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "ready"

    def stop(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        assert self.proc.wait(timeout=30) == 0

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
