"""The core's one long-task contract (desktop.core.progress) as the long functions keep it,
and the CLI's printer of it."""

from __future__ import annotations

import inspect

import pytest

from desktop.cli import base
from desktop.core import badges, maintenance
from desktop.core.certificates import issue
from desktop.core.demo import build_demo
from desktop.core.igot import forward
from desktop.core.roster import export, importer
from desktop.core.sync.engine import SyncEngine

LONG = [
    issue.issue_certificates, maintenance.backup, maintenance.backup_ex, maintenance.restore,
    importer.import_roster, export.export_roster, badges.badges_pdf, badges.draw_badges,
    build_demo, forward.forward, forward.send_queued, SyncEngine.__init__,
]


@pytest.mark.parametrize("func", LONG, ids=lambda f: f.__qualname__)
def test_long_functions_take_progress_and_spell_cancel_one_way(func):
    params = inspect.signature(func).parameters
    assert "progress" in params
    assert "cancel" not in params and "on_progress" not in params
    for name in ("progress", "cancelled"):
        if name in params:
            assert params[name].default is None


def test_the_demo_reports_its_steps(store):
    seen = []
    build_demo(store, participants=20, seed=1, progress=lambda *a: seen.append(a))
    assert seen and all(total == len(seen) for _, total, _ in seen)
    assert [done for done, _, _ in seen] == list(range(len(seen)))
    assert all(what.startswith("demo: ") for _, _, what in seen)


def test_the_cli_prints_what_and_share(capsys):
    show = base.progress_printer()
    show(1, 4, "1 of 4 certificates issued")
    show(3, 0, "3 rows written")
    assert capsys.readouterr().err.splitlines() == [
        "1 of 4 certificates issued (25%)", "3 rows written"
    ]


def test_the_cli_printer_throttles_but_always_prints_the_end(capsys):
    show = base.progress_printer(every=3600)
    for done in range(1, 11):
        show(done, 10, f"{done} done")
    assert capsys.readouterr().err.splitlines() == ["1 done (10%)", "10 done (100%)"]


def test_the_cli_printer_can_keep_quiet_off_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(base.sys.stderr, "isatty", lambda: False)
    base.progress_printer(tty_only=True)(1, 2, "half")
    assert capsys.readouterr().err == ""
