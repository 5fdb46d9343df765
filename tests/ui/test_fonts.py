"""The GUI uses its own fonts (issue 20: on a machine without fonts-noto-core the default
DejaVu Sans is wider and the 1024 px layouts broke)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication

from desktop.paths import resource_path
from desktop.ui.fonts import FONT_FILES, devanagari_family, install_fonts, ui_families

ROOT = Path(__file__).resolve().parents[2]


def test_the_fonts_are_shipped_with_their_licence():
    for name in FONT_FILES:
        assert resource_path("fonts", name).stat().st_size > 100_000, name
    assert "SIL Open Font License" in resource_path("fonts", "OFL.txt").read_text()


def test_the_application_font_is_the_bundled_noto_sans_with_devanagari_behind_it(qapp):
    font = install_fonts(QApplication.instance())
    assert ui_families() == ["Noto Sans", "Noto Sans Devanagari"]
    assert font.families()[:2] == ["Noto Sans", "Noto Sans Devanagari"]
    assert QFontInfo(QApplication.font()).family() == "Noto Sans"
    assert devanagari_family() == "Noto Sans Devanagari"
    bold = QFont(QApplication.font())
    bold.setBold(True)
    assert QFontInfo(bold).family() == "Noto Sans" and QFontInfo(bold).bold()


FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
  <alias><family>Sans Serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
  <alias><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
</fontconfig>
"""


def test_the_1024_px_layout_holds_on_a_machine_whose_only_font_is_dejavu_sans(tmp_path):
    """A fresh Debian without fonts-noto-core, simulated with a fontconfig that knows only
    DejaVu: the plan pane's layout test passes there too."""
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    if not (dejavu / "DejaVuSans.ttf").is_file():
        import pytest

        pytest.skip("DejaVu Sans is not installed here: nothing to simulate the machine with")
    conf = tmp_path / "fonts.conf"
    conf.write_text(FONTCONFIG.format(fonts=dejavu, cache=tmp_path / "cache"))
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    probe = subprocess.run(
        [sys.executable, "-c",
         "from PySide6.QtWidgets import QApplication; from PySide6.QtGui import QFontInfo;"
         "app = QApplication([]); print(QFontInfo(app.font()).family())"],
        env=env, capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert probe.stdout.strip() == "DejaVu Sans", probe.stderr  # the machine is simulated
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/attendance/test_workshops_page.py::"
         "test_long_session_topics_wrap_whole_in_the_plan_at_1024_px"],
        env=env, capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:]
