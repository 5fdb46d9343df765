"""The Hindi translation files cover every string of the two screens and compile."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("ts", "sources"),
    [
        (
            "attendance_hi.ts",
            [
                "desktop/ui/attendance/desk.py",
                "desktop/ui/attendance/sessions.py",
                "desktop/ui/attendance/marking.py",
                "desktop/ui/attendance/walk_in.py",
                "desktop/ui/attendance/detail.py",
                "forms/attendance_desk.ui",
            ],
        ),
        (
            "workshops_hi.ts",
            [
                "desktop/ui/workshops/page.py",
                "desktop/ui/workshops/workshop_list.py",
                "desktop/ui/workshops/plan_tab.py",
                "desktop/ui/workshops/people_tab.py",
                "desktop/ui/workshops/completion_tab.py",
                "forms/workshops.ui",
                "desktop/ui/workshops/programme_dialog.py",
                "forms/programme_dialog.ui",
                "desktop/ui/workshops/problems.py",
            ],
        ),
    ],
)
def test_every_string_translated_into_hindi(ts, sources, tmp_path):
    tree = ET.parse(ROOT / "resources" / "i18n" / ts)
    translated = {}
    for message in tree.iter("message"):
        text = message.find("translation").text or ""
        assert message.find("translation").get("type") != "unfinished"
        source = message.find("source").text
        assert text.strip(), source
        if re.search(r"[A-Za-z]{4}", source) and source not in {"%"}:
            assert re.search(r"[\u0900-\u097F]", text), (source, text)  # real Hindi
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", text)), source
        translated[source] = text
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        ["pyside6-lupdate", *[str(ROOT / s) for s in sources], "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    needed = {m.find("source").text for m in ET.parse(fresh).iter("message")}
    assert needed - set(translated) == set()
    qm = tmp_path / "out.qm"
    subprocess.run(
        ["pyside6-lrelease", str(ROOT / "resources" / "i18n" / ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.stat().st_size > 1000


def test_language_switch_retranslates_both_screens(qtbot, store, tmp_path):
    """Switching to Hindi at run time re-labels the desk and the workshops page."""
    from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    from desktop.ui.attendance.desk import AttendancePage
    from desktop.ui.context import AppContext
    from desktop.ui.tasks import SyncRunner
    from desktop.ui.workshops.page import WorkshopsPage

    ctx = AppContext(store, None, SyncRunner())
    desk, shop = AttendancePage(ctx), WorkshopsPage(ctx)
    for page in (desk, shop):
        qtbot.addWidget(page)
    assert desk.feedback_title.text() == "Ready"
    translators = []
    for name in ("attendance_hi", "workshops_hi"):
        qm = tmp_path / f"{name}.qm"
        subprocess.run(
            ["pyside6-lrelease", str(ROOT / "resources" / "i18n" / f"{name}.ts"), "-qm", str(qm)],
            check=True,
            capture_output=True,
        )
        translator = QTranslator()
        assert translator.load(str(qm))
        QApplication.instance().installTranslator(translator)
        translators.append(translator)
    original = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Hindi, QLocale.Country.India))
    try:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        assert desk.feedback_title.text() == "तैयार"
        assert desk.buttons["walkInButton"].text().startswith("बिना नामांकन")
        assert desk.status_combo.itemText(3) == "अवकाश स्वीकृत"
        assert shop.when.itemText(1) == "आगामी"
        assert shop.buttons["newButton"].text() == "नई कार्यशाला"
        assert shop.table.horizontalHeaderItem(1).text() == "शीर्षक"
        # texts of the page's tab modules keep the page's context (WorkshopsPage)
        assert shop.enrolled_table.horizontalHeaderItem(1).text() == "कर्मचारी कोड"
        assert shop.completion_table.horizontalHeaderItem(6).text() == "कारण"
        # the audit detail speaks Hindi too: its values, not only its headers
        from datetime import date

        from desktop.core.attendance import Desk
        from desktop.ui.attendance.detail import AttendanceDetail
        from tests.attendance.helpers import workshop_with_people

        ws, sessions, people_ids = workshop_with_people(store, date(2026, 11, 23), 1, code="HI")
        Desk(store, sessions[0]).mark(people_ids[0], status="late", check_window=False)
        detail = AttendanceDetail(store, people_ids[0], ws)
        qtbot.addWidget(detail)
        cells = [detail.table.item(0, c).text() for c in range(detail.table.columnCount())]
        assert cells[2:5] == ["दर्ज", "विलंब से", "—"] and cells[6] == "स्कैन"
        assert "विषय" in cells[1]  # the session's Hindi topic
    finally:
        for translator in translators:
            QApplication.instance().removeTranslator(translator)
        QLocale.setDefault(original)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert desk.feedback_title.text() == "Ready"
