"""Qt's own dialogs in Hindi (issue 19, item 4): Qt ships no Hindi, so the file chooser, the
print dialog and the standard buttons are translated in resources/i18n/qt_hi.ts. This test
asks Qt itself which texts it looks up while showing them — a translator that records every
request — and fails on one the file does not translate (a Qt upgrade that adds a text)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

ROOT = Path(__file__).resolve().parents[2]
#: what Qt looks up but never shows as a word to translate (shortcuts, internal form names)
NOT_WORDS = {"Alt+Left", "Alt+Right", "Alt+Up", "Form", "A4", "...", "Show "}


class _Recorder(QTranslator):
    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        if context.startswith("Q") and source not in NOT_WORDS:
            self.asked.add((context, source))
        return ""


def _close_soon(dialog) -> None:
    QTimer.singleShot(100, dialog.reject)
    dialog.exec()


def _asked_by_qt(tmp_path) -> set[tuple[str, str]]:
    app = QApplication.instance()
    recorder = _Recorder()
    app.installTranslator(recorder)
    try:
        for mode in (QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen):
            dialog = QFileDialog(None, "x", str(tmp_path))
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.setAcceptMode(mode)
            dialog.setNameFilter("PDF (*.pdf)")
            _close_soon(dialog)
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        _close_soon(QPrintDialog(printer))
        standard = QDialogButtonBox.StandardButton
        box = QDialogButtonBox(standard.Ok | standard.Cancel | standard.Save | standard.Close
                               | standard.Open | standard.Yes | standard.No)
        box.show()
        app.processEvents()
        box.deleteLater()
    finally:
        app.removeTranslator(recorder)
    return recorder.asked


def _translated() -> dict[tuple[str, str], str]:
    root = ET.parse(ROOT / "resources" / "i18n" / "qt_hi.ts").getroot()
    return {(c.findtext("name"), m.findtext("source")): m.findtext("translation") or ""
            for c in root.iter("context") for m in c.iter("message")}


def test_every_text_qt_shows_in_its_dialogs_has_hindi(qtbot, tmp_path):
    asked = _asked_by_qt(tmp_path)
    assert ("QFileDialog", "File &name:") in asked and ("QPlatformTheme", "Cancel") in asked
    have = _translated()
    missing = sorted(a for a in asked if not have.get(a))
    assert not missing, missing
    for (_context, source), text in have.items():
        assert re.search("[\u0900-\u097f]", text), source
        assert ("&" in source) == ("&" in text), source  # the keyboard shortcut is kept


def test_the_file_chooser_speaks_hindi(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    from desktop.ui.i18n import Translations

    translations = Translations.shared(QApplication.instance())
    translations.apply("hi")
    try:
        dialog = QFileDialog(None, "x", str(tmp_path))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        qtbot.addWidget(dialog)
        texts = {label.text() for label in dialog.findChildren(QLabel)}
        assert "फ़ाइल का नाम (&N):" in texts
    finally:
        translations.apply("en")
