"""With Hindi chosen, the core's error messages reach the person in Hindi (desktop/ui/said.py
over the "Said" catalogue): a roster file the desk cannot read, and a restore refused while
another process has the database. The CLI keeps the core's English."""

from __future__ import annotations

import re

import desktop.ui.main_window as mw
from desktop.core import maintenance

DEVANAGARI = re.compile(r"[\u0900-\u097F]")


def _file_error_in_hindi(window, path, qtbot) -> str:
    dialog = window.page("roster").open_import()
    dialog.file_edit.setText(str(path))
    dialog.next_button.click()
    qtbot.waitUntil(lambda: bool(dialog.file_error.text()), timeout=10_000)
    text = dialog.file_error.text()
    dialog.close()
    return text


def test_an_unreadable_roster_file_is_refused_in_hindi(start_window, demo_db, tmp_path, qtbot):
    window = start_window(demo_db, language="hi")
    empty = tmp_path / "सूची.csv"
    empty.write_bytes(b"")
    text = _file_error_in_hindi(window, empty, qtbot)
    assert text == f"{empty} खाली है।"
    binary = tmp_path / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 8)
    text = _file_error_in_hindi(window, binary, qtbot)
    assert text == f"{binary} टेक्स्ट या स्प्रेडशीट फ़ाइल नहीं है (बाइनरी डेटा)।"


def test_a_refused_restore_is_said_in_hindi(start_window, demo_db, tmp_path, monkeypatch):
    from tests.store.other_process import HOLDER, Other

    window = start_window(demo_db, language="hi")
    store = window.ctx.store
    backup = maintenance.backup(store, tmp_path / "b.kdbackup")
    shown: list[str] = []
    monkeypatch.setattr(mw.QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    monkeypatch.setattr(mw.QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(mw, "ask_yes_no", lambda *_a: True)
    other = Other(HOLDER, store.path)
    try:
        window.action_restore.trigger()
    finally:
        other.stop()
    assert shown and shown[-1].startswith(f"{store.path.name} इस समय दूसरे कर्मयोगी डेस्क में खुला")
    assert "Karmayogi" not in shown[-1]
