"""`--self-test` and `--version` from source; the failure path names its step."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core import buildinfo, selftest
from desktop.core.selftest import STEPS

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_self_test_from_source_passes_every_step(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KARMAYOGI_DESK_LOG_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for name, _step in [*STEPS, ("open the main window", None)]:
        assert any(line.startswith(f"ok   {name} (") for line in lines), (name, done.stdout)
    assert lines[-1].startswith("self-test passed")


def test_a_failing_step_is_named_and_the_exit_code_is_1(monkeypatch, capsys):
    from desktop.cli.selftest import run_self_test
    from desktop.core.roster import importer

    def broken(*_args, **_kwargs):
        raise OSError("the roster reader is missing")

    monkeypatch.setattr(importer, "import_roster", broken)
    code = run_self_test(STEPS[:3])
    out = capsys.readouterr()
    assert code == 1
    assert "ok   open a temporary database" in out.out
    assert "FAIL import a roster: OSError: the roster reader is missing" in out.out
    assert "self-test failed at step: import a roster" in out.err
    assert "plan a workshop" not in out.out  # nothing runs after the failure


def test_a_step_that_finds_wrong_results_fails_too(monkeypatch):
    """Not only exceptions: a step checks what it got (here: a roster row rejected)."""
    monkeypatch.setattr(selftest, "PEOPLE", 3)
    original = selftest._roster_csv

    def with_a_bad_mobile(path):
        original(path)
        text = path.read_text(encoding="utf-8").replace("9876500001", "12", 1)
        path.write_text(text, encoding="utf-8")

    monkeypatch.setattr(selftest, "_roster_csv", with_a_bad_mobile)
    with selftest.scratch() as t, pytest.raises(selftest.SelfTestFailed) as failed:
        selftest.run_steps(t, STEPS[:2], lambda _line: None)
    assert failed.value.step == "import a roster"
    assert "rejected 1" in failed.value.detail


def test_version_says_from_source(capsys):
    from desktop.cli.main import main

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == "karmayogi-desk 0.1.0 (from source)"


def test_version_and_date_of_a_built_bundle(tmp_path, monkeypatch):
    (tmp_path / "build_info.json").write_text(
        json.dumps({"version": "0.1.0", "built": "2026-12-06"}), encoding="utf-8"
    )
    monkeypatch.setattr(buildinfo, "bundle_root", lambda: tmp_path)
    buildinfo.build_info.cache_clear()
    try:
        assert buildinfo.build_date() == "2026-12-06"
        assert buildinfo.version_line() == "0.1.0 (built 2026-12-06)"
    finally:
        buildinfo.build_info.cache_clear()
