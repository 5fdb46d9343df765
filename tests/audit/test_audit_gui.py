"""The Audit view (File ▸ Audit log…) and the backup passphrase dialogs: every string has
Hindi, the filters narrow the table, export is formula-safe XLSX, screenshots in both
languages at 1366×768."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core import audit, people
from desktop.core.attendance import Desk
from desktop.core.audit import ACTIONS
from desktop.ui.audit import passphrase
from desktop.ui.audit.view import AuditView, action_names
from desktop.ui.i18n import compile_ts
from tests.attendance.helpers import workshop_with_people
from tests.tr_strings import tr_strings

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "audit_hi.ts"
SHOTS = Path(os.environ.get("KD_SCREENSHOTS", "/tmp/kd-screens"))
DAY = date(2026, 11, 23)


def test_every_audit_string_has_hindi():
    have = {}
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            have[(context.findtext("name"), message.findtext("source"))] = (
                message.find("translation").text or "")
    package = ROOT / "desktop" / "ui" / "audit"
    wanted = (tr_strings(package / "view.py", "AuditView")
              | tr_strings(package / "__init__.py", "AuditView")
              | tr_strings(package / "passphrase.py", "BackupPassphrase"))
    assert ("AuditView", "Audit log…") in wanted and len(wanted) > 50
    missing = sorted(w for w in wanted if not have.get(w))
    assert not missing, missing
    for (_context, source), text in have.items():
        assert re.search("[\u0900-\u097f]", text), source
        assert set(re.findall(r"\{\d\}", source)) == set(re.findall(r"\{\d\}", text)), source
    assert not sorted(k for k in have if k not in wanted)


def test_every_action_has_a_name_in_the_view(qapp):
    assert set(action_names()) == set(ACTIONS)


@pytest.fixture
def qapp():
    return QApplication.instance() or QApplication([])


def _history(store):
    store.actor = "Asha (operator)"
    ws, sessions, folks = workshop_with_people(store, DAY, 3)
    desk = Desk(store, sessions[0])
    for i, p in enumerate(folks):
        desk.mark(p, now=datetime.fromisoformat(f"{DAY}T10:0{i}"))
    store.actor = "Ravi (coordinator)"
    people.save_person(store, {"name_en": "=HYPERLINK(\"x\")"}, folks[2])
    return ws, folks


def test_filters_narrow_the_table_and_export_is_formula_safe(store, qapp, tmp_path, monkeypatch):
    ws, folks = _history(store)
    view = AuditView(store)
    total = view.table.rowCount()
    assert total == len(audit.query(store)) and total >= 5
    view.person.setCurrentIndex(view.person.findData("Ravi (coordinator)"))
    view.refresh()
    assert view.table.rowCount() == 1
    view.person.setCurrentIndex(0)
    view.participant.setText(store.get("participant", folks[0])["employee_code"])
    view.refresh()
    assert [view.table.item(r, 3).text() for r in range(view.table.rowCount())] == [
        "Attendance marked"]
    view.participant.setText("")
    view.workshop.setCurrentIndex(view.workshop.findData(ws))
    view.use_dates.setChecked(True)
    view.refresh()
    assert view.table.rowCount() == 4  # the workshop's creation and three marks
    view.date_from.setDate(view.date_from.date().addYears(5))
    view.refresh()
    assert view.table.rowCount() == 0
    view.use_dates.setChecked(False)
    view.workshop.setCurrentIndex(0)
    view.refresh()
    out = tmp_path / "audit.xlsx"
    monkeypatch.setattr("desktop.ui.audit.view.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(out), ""))
    view.export()
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "No." and len(rows) == total + 1
    cell = next(c for row in sheet.iter_rows() for c in row
                if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert cell.data_type == "s"  # text, never a formula
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    assert "intact" in view.verify() and shown


def _hindi(qapp):
    qm = Path(os.environ.get("TMPDIR", "/tmp")) / "audit_hi_test.qm"
    assert compile_ts(TS, qm)
    translator = QTranslator(qapp)
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return translator


def test_screenshots_in_both_languages(store, qapp):
    _history(store)
    SHOTS.mkdir(parents=True, exist_ok=True)
    view = AuditView(store)
    view.show()
    for width in (1366, 1024):
        view.resize(width, 768)
        qapp.processEvents()
        assert view.grab().save(str(SHOTS / f"audit-en-{width}.png"))
    translator = _hindi(qapp)
    try:
        qapp.processEvents()
        assert view.windowTitle().startswith("ऑडिट लॉग")
        assert view.table.horizontalHeaderItem(3).text() == "कार्य"
        for width in (1366, 1024):
            view.resize(width, 768)
            qapp.processEvents()
            assert view.grab().save(str(SHOTS / f"audit-hi-{width}.png"))
        dialog = passphrase.PassphraseDialog(None, new=True)
        dialog.show()
        qapp.processEvents()
        assert dialog.grab().save(str(SHOTS / "passphrase-hi.png"))
        dialog.close()
    finally:
        qapp.removeTranslator(translator)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    dialog = passphrase.PassphraseDialog(None, new=True)
    dialog.show()
    qapp.processEvents()
    assert dialog.grab().save(str(SHOTS / "passphrase-en.png"))
    view.close()


def test_new_passphrase_dialog_checks_and_plain_choice(qapp):
    dialog = passphrase.PassphraseDialog(None, new=True)
    dialog.first.setText("short")
    dialog.second.setText("short")
    dialog._accept()
    assert "at least 8" in dialog.problem.text() and dialog.result() == 0
    dialog.first.setText("long enough one")
    dialog.second.setText("long enough two")
    dialog._accept()
    assert "differ" in dialog.problem.text()
    dialog.second.setText("long enough one")
    dialog._accept()
    assert dialog.result() == 1 and dialog.protection().passphrase == "long enough one"
    plain = passphrase.PassphraseDialog(None, new=True)
    plain.plain.setChecked(True)
    plain._accept()
    assert plain.result() == 1 and plain.protection() is None
