"""The system libraries Qt needs: one list for the README, .ci/run and the check `gui` makes
before Qt could abort the process (exit 134 on a bare machine)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop import syslibs

ROOT = Path(__file__).resolve().parents[1]


def test_missing_libraries_are_named_for_the_platform_qt_uses():
    gone = {"libxcb-cursor.so.0"}
    loadable = lambda lib: lib not in gone  # noqa: E731
    xcb = syslibs.missing_packages(env={"DISPLAY": ":0"}, platform="linux", loadable=loadable)
    assert xcb == ["libxcb-cursor0"]
    offscreen = {"QT_QPA_PLATFORM": "offscreen"}
    assert syslibs.missing_packages(env=offscreen, platform="linux", loadable=loadable) == []
    wayland = {"WAYLAND_DISPLAY": "wayland-0"}
    assert syslibs.missing_packages(env=wayland, platform="linux", loadable=loadable) == []
    gone.add("libEGL.so.1")  # needed whatever the platform
    assert syslibs.missing_packages(env=offscreen, platform="linux", loadable=loadable) == [
        "libegl1"
    ]
    assert syslibs.missing_packages(env={}, platform="win32", loadable=loadable) == []


def test_gui_prints_the_install_line_instead_of_aborting(cli, tmp_path, monkeypatch):
    from desktop.cli.commands import gui

    monkeypatch.setattr(gui, "missing_packages", lambda: ["libxcb-cursor0"])
    db = tmp_path / "new.db"
    code, out, err = cli("--db", db, "gui", "--demo")
    assert code == 2 and out == ""
    assert "lacks system libraries Qt needs (libxcb-cursor0)" in err
    assert syslibs.INSTALL_LINE in err and "libxcb-cursor0" in syslibs.INSTALL_LINE
    assert not db.exists()


def test_readme_and_ci_install_the_same_list():
    printed = subprocess.run(
        [sys.executable, "-m", "desktop.syslibs"], cwd=ROOT, capture_output=True, text=True,
        check=True,
    ).stdout.split()  # fmt: skip
    assert printed == list(syslibs.PACKAGES)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = "sudo apt-get install -y $(python3 -m desktop.syslibs)"
    # Above the first set-up command, so a bare machine can follow the README top to bottom.
    assert line in readme and readme.index(line) < readme.index("pip install -e .")
    assert "$(python3 -m desktop.syslibs)" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
