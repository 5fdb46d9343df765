"""The certificates page, offscreen on the synchronous runner."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from desktop.core.certificates.issue import list_certificates

pytest.importorskip("PySide6.QtPrintSupport")

from desktop.ui import pages  # noqa: E402,F401
from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.pages import certificates as page_module  # noqa: E402
from desktop.ui.tasks import SyncRunner  # noqa: E402


def qtbot_wait_layout(widget) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def page(qtbot, file_store, workshop):
    ctx = AppContext(file_store, file_store.path, SyncRunner())
    p = page_module.create_page(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 760)
    return p


def test_issue_register_preview_revoke_export(page, workshop, tmp_path, monkeypatch):
    assert page.preview.text() == "Select a certificate to preview it"  # not a blank half
    idx = page.workshop_combo.findData(workshop["workshop"])
    page.workshop_combo.setCurrentIndex(idx)
    assert "4 completed" in page.eligible_label.text()
    assert page.participant_combo.count() == 5  # everyone + the four who completed
    page.participant_combo.setCurrentIndex(
        page.participant_combo.findText("Sita Devi / सीता देवी (EMP00000)")
    )
    page.issue_button.click()
    assert "1 issued" in page.issue_status.text() and page.table.rowCount() == 1
    page.participant_combo.setCurrentIndex(0)
    page.issue_button.click()
    assert "3 issued, 1 skipped" in page.issue_status.text() and page.progress.value() == 3
    assert page.last_batch is not None and page.last_batch.is_file()
    assert page.table.rowCount() == 4
    page.table.selectRow(0)
    assert page.preview.pixmap() is not None and not page.preview.pixmap().isNull()
    page.show()
    page.resize(1366 - 200 - 24, 640)  # its share of a 1366 px window: no sideways scrolling
    qtbot_wait_layout(page)
    assert page.table.horizontalScrollBar().maximum() == 0
    assert not page.table.isColumnHidden(page_module.WORKSHOP_COLUMN)
    page.table.clearSelection()
    assert page.preview.text() == "Select a certificate to preview it"
    page.table.selectRow(0)
    page.tabs.setCurrentIndex(0)
    page.grab().save(str(tmp_path / "register.png"))

    opened = []
    monkeypatch.setattr(page_module, "open_in_viewer", lambda p: opened.append(p) or True)
    path = page.open_selected()
    assert opened == [path] and path.read_bytes().startswith(b"%PDF")

    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert page.print_selected(printer) == 1
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000
    assert page.print_batch(printer) == 3  # the last batch: three certificates

    number = page.selected_number()
    assert page.revoke_selected("wrong person")
    page.status_combo.setCurrentIndex(page.status_combo.findData("revoked"))
    assert page.table.rowCount() == 1 and page.selected_number() in (None, number)
    page.status_combo.setCurrentIndex(0)
    page.search.setText("सीता")
    assert page.table.rowCount() == 1 and page.table.item(0, 2).text() == "सीता देवी"
    page.search.setText("")
    out = page.export_register(tmp_path / "register.xlsx")
    sheet = load_workbook(out)["Certificates"]
    assert sheet["A1"].value == "Certificate No." and sheet.max_row == 5
    assert "revoked" in [sheet.cell(r, 7).value for r in range(2, 6)]

    # Issuing again does nothing unless re-issue (with a reason) is chosen.
    page.issue_button.click()
    assert "0 issued, 4 skipped" in page.issue_status.text()
    page.reissue.setChecked(True)
    page.issue_button.click()
    assert "needs a reason" in page.issue_status.text()
    # Re-issuing to everyone asks first; "No" changes nothing.
    page.reason.setText("new template")
    asked = []
    monkeypatch.setattr(page, "confirm_bulk_reissue", lambda n: asked.append(n) or False)
    page.issue_button.click()
    assert asked == [4] and "Nothing was re-issued" in page.issue_status.text()
    assert len(list_certificates(page.ctx.store)) == 4
    monkeypatch.setattr(page, "confirm_bulk_reissue", lambda n: asked.append(n) or True)
    page.issue_button.click()
    assert asked == [4, 4] and "4 issued" in page.issue_status.text()
    assert len(list_certificates(page.ctx.store)) == 8
    # One named participant is re-issued without the question.
    page.participant_combo.setCurrentIndex(1)
    page.issue_button.click()
    assert asked == [4, 4] and "1 issued" in page.issue_status.text()


def test_verify_screen(page, workshop, file_store, tmp_path):
    from desktop.core.certificates.issue import issue_certificates

    result = issue_certificates(file_store, workshop["workshop"])
    qr = result.issued[0].qr
    page.tabs.setCurrentIndex(2)
    page.qr_edit.setText(qr)
    v = page.verify_input()
    assert v.valid and "Valid" in page.verify_result.text()
    values = [page.verify_details.item(r, 1).text() for r in range(page.verify_details.rowCount())]
    assert result.issued[0].number in values
    page.grab().save(str(tmp_path / "verify.png"))
    h, p, s = qr.split(".")
    page.qr_edit.setText(f"{h}.{p[:-3]}abc.{s}")
    v = page.verify_input()
    assert not v.valid and "NOT VALID" in page.verify_result.text()
    assert page.verify_details.rowCount() == 0  # a forged payload is never shown as details
    v = page.verify_path(result.issued[1].pdf)
    assert v.valid and v.source == "pdf"


def test_template_preview_on_issue_tab(page, workshop, file_store, tmp_path):
    import json
    import shutil

    from desktop.paths import files_dir, resource_path

    page.tabs.setCurrentIndex(1)
    page.workshop_combo.setCurrentIndex(page.workshop_combo.findData(workshop["workshop"]))
    page.template_preview.resize(600, 420)
    page.ui.findChild(type(page.issue_button), "previewTemplateButton").click()
    pix = page.template_preview.pixmap()
    assert pix is not None and not pix.isNull() and pix.width() > 300
    assert page.last_template_preview.startswith(b"%PDF")
    assert file_store.conn.execute("SELECT count(*) FROM certificate").fetchone()[0] == 0
    page.grab().save(str(tmp_path / "issue-preview.png"))

    # A centre's broken copy: the preview says what is wrong instead of a picture.
    mine = files_dir(file_store.path) / "templates" / "zz-broken"
    shutil.copytree(resource_path("templates", "academy"), mine)
    spec = json.loads((mine / "template.json").read_text(encoding="utf-8"))
    del spec["qr"]
    (mine / "template.json").write_text(json.dumps(spec), encoding="utf-8")
    page.load_workshops()
    page.template_combo.setCurrentIndex(page.template_combo.findData("zz-broken"))
    page.preview_template()
    assert "cannot be used" in page.template_preview.text() and "qr" in page.template_preview.text()
    assert page.last_template_preview is None


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="pyside6-lrelease missing")
def test_workshop_titles_follow_the_language(page, workshop, qtbot, tmp_path):
    import subprocess
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication, QTranslator

    from desktop.ui import i18n

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "certificates_hi.ts"
    qm = tmp_path / "c.qm"
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    index = page.workshop_combo.findData(workshop["workshop"])
    page.workshop_combo.setCurrentIndex(index)
    page.participant_combo.setCurrentIndex(2)
    chosen = page.participant_combo.currentData()
    assert page.workshop_combo.itemText(index).endswith("e-Office batch 7")
    translator = QTranslator()
    assert translator.load(str(qm))
    old = i18n._current
    try:
        i18n._current = "hi"
        QCoreApplication.installTranslator(translator)
        qtbot.waitUntil(lambda: page.tabs.tabText(1) == "जारी करें")
        assert page.workshop_combo.itemText(index).endswith("ई-ऑफिस बैच 7")
        assert page.participant_combo.currentData() == chosen  # the choice survives
    finally:
        QCoreApplication.removeTranslator(translator)
        i18n._current = old


def test_register_suggests_look_alike_numbers_and_verify_speaks_hindi(page, file_store):
    from PySide6.QtCore import QCoreApplication

    from desktop.core.certificates.issue import issue_certificates
    from desktop.core.certificates.numbering import legacy_check_char
    from desktop.ui.i18n import Translations

    number = issue_certificates(file_store, make_workshop_id(file_store)).issued[0].number
    serial = 1
    while legacy_check_char(f"TST/2026/{serial:06d}") != "O":
        serial += 1
    old = f"TST/2026/{serial:06d}O"  # made with the old check alphabet
    with file_store.transaction():
        file_store.conn.execute("UPDATE certificate SET number = ? WHERE number = ?", (old, number))
    page.search.setText(old[:-1] + "0")
    assert page.table.rowCount() == 0
    assert page.register_status.text() == f"No certificate has this number. Did you mean {old}?"
    page.search.setText(old.lower())
    assert page.table.rowCount() == 1

    translations = Translations.shared(QCoreApplication.instance())
    translations.apply("hi")
    try:
        page.tabs.setCurrentIndex(2)
        page.qr_edit.setText("not a certificate")
        v = page.verify_input()
        assert v.reason == "malformed"
        text = page.verify_result.text()
        assert "कर्मयोगी प्रमाण-पत्र का नहीं" in text and "JWS" not in text
        page.qr_edit.setText(old)
        assert page.verify_input().reason == "number_not_qr"
        assert "प्रमाण-पत्र संख्या है" in page.verify_result.text()
    finally:
        translations.apply("en")


def make_workshop_id(store) -> str:
    # The page fixture already made one workshop with four who completed.
    return store.conn.execute("SELECT id FROM workshop ORDER BY id LIMIT 1").fetchone()[0]
