"""A wrong clock is said on screen (issue 11): in the main window's status bar from the
start, on the Sync page and at the attendance desk, in English and Hindi; a mark made
meanwhile is flagged in the attendance detail."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.core.attendance import Desk
from desktop.protocol.ids import set_wall_clock
from desktop.ui.attendance.detail import AttendanceDetail
from desktop.ui.context import AppContext
from desktop.ui.i18n import Translations
from desktop.ui.main_window import MainWindow
from tests.attendance.helpers import workshop_with_people

ROOT = Path(__file__).resolve().parents[2]


def _window(qtbot, store, lang: str) -> MainWindow:
    from PySide6.QtCore import QCoreApplication

    translations = Translations(QCoreApplication.instance())
    translations.apply(lang)
    window = MainWindow(AppContext(store, None), translations)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    return window


def test_no_notice_while_the_clock_is_right(qtbot, store):
    window = _window(qtbot, store, "en")
    assert not window.clock_notice.isVisible()
    sync_page = window.open_area("sync")
    assert not sync_page.clock_notice.isVisible()


@pytest.mark.parametrize(
    ("lang", "short", "words"),
    [("en", "clock looks wrong", "was set back"), ("hi", "घड़ी गलत लगती है", "पीछे कर दी गई")],
)
def test_clock_set_back_shows_everywhere(qtbot, store, lang, short, words):
    _, sessions, people = workshop_with_people(store, date.today(), 2)
    Desk(store, sessions[0]).mark(people[0], check_window=False)  # made with the right clock
    previous = set_wall_clock(lambda: datetime.now(timezone.utc) - timedelta(days=800))
    window = None
    try:
        window = _window(qtbot, store, lang)
        assert window.clock_notice.isVisible()
        assert short in window.clock_notice.text()
        assert words in window.clock_notice.toolTip()
        sync_page = window.open_area("sync")
        assert sync_page.clock_notice.isVisible() and words in sync_page.clock_notice.text()
        desk = window.open_area("attendance")
        assert desk.clock_notice.isVisible() and words in desk.clock_notice.text()
        Desk(store, sessions[0]).mark(people[1], check_window=False)
        detail = AttendanceDetail(store, people[1], _workshop_of(store, sessions[0]))
        qtbot.addWidget(detail)
        cell = detail.table.item(0, 0)
        assert cell.text().startswith("⚠")
        assert "behind_database" in cell.toolTip()
    finally:
        set_wall_clock(previous)
        if window is not None:
            window.translations.apply("en")


def _workshop_of(store, session_id: str) -> str:
    return store.get("session", session_id)["workshop_id"]


def test_every_clock_notice_string_has_hindi():
    source = ROOT / "desktop" / "ui" / "clock_notice.py"
    wanted = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
            wanted |= {a.value for a in node.args if isinstance(a, ast.Constant)}
    have = {}
    for context in ET.parse(ROOT / "resources" / "i18n" / "shell_hi.ts").getroot().iter("context"):
        if context.findtext("name") == "ClockNotice":
            for message in context.iter("message"):
                have[message.findtext("source")] = message.findtext("translation")
    assert len(wanted) > 15
    assert sorted(wanted - set(have)) == []
    assert sorted(set(have) - wanted) == []
