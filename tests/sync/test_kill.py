"""A desk process killed (SIGKILL) in the middle of a sync resends the same bytes under the
same batch id on its next start, and ends consistent with exactly-once application."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.sync import outbox
from tests.sync.conftest import quick_engine
from tests.sync.test_e2e_faults import assert_consistent, attendance

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("fault", ["delay:4", "slow_response:30"])
def test_killed_mid_sync_resends_same_bytes(desk, ref_portal, proxy, fault):
    attendance(desk, 40)
    proxy.plan("POST", "/batches", fault)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--db", str(desk.path), "sync"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not proxy.posted_batches():
            assert child.poll() is None, child.stderr.read().decode()
            assert time.monotonic() < deadline, "the child never posted"
            time.sleep(0.02)
        time.sleep(0.3 if fault.startswith("slow") else 0.05)
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    [(batch_id, first_bytes)] = proxy.posted_batches()
    frozen = outbox.get_batch(desk, batch_id)
    assert frozen is not None and frozen.state == "sending" and frozen.body == first_bytes

    result = quick_engine(desk).sync()  # "restart": a new engine on the same file
    assert result.outcome == "ok", result
    again = [b for k, b in proxy.posted_batches() if k == batch_id]
    assert all(b == first_bytes for b in again)
    if fault.startswith("delay"):
        # The portal never saw it: the same bytes were sent again.
        assert len(again) >= 2
    else:
        # The portal committed before the kill: the desk asked and took the stored answer.
        assert any(s.method == "GET" and s.path.endswith(f"/batches/{batch_id}")
                   for s in proxy.seen)
    time.sleep(4.2 if fault.startswith("delay") else 0)  # the late original lands as a replay
    assert_consistent(desk, ref_portal)
