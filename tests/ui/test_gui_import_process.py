"""The import dialog on the real worker thread with the file read by a second process (what
a big file gets): it imports, reports progress, and Cancel rolls back and stops the child."""

from __future__ import annotations

import csv
import multiprocessing

import pytest

from desktop.core.roster import importer
from desktop.ui.roster.import_dialog import STEP_MAPPING, STEP_PREVIEW, STEP_SUMMARY


@pytest.fixture
def every_file_is_big(monkeypatch):
    monkeypatch.setattr(importer, "BIG_FILE", 0)
    spawned = []
    real = importer.ReaderProcess

    def counting(spec):
        spawned.append(spec)
        return real(spec)

    monkeypatch.setattr(importer, "ReaderProcess", counting)
    return spawned


def _file(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Employee Code", "Name (English)", "Name (Hindi)", "Mobile"])
        for n in range(rows):
            writer.writerow([f"PRC{n:06d}", f"Person {n}", "व्यक्ति", f"8{n:09d}"])
    return path


def _run(window, qtbot, path, cancel=False):
    dialog = window.page("roster").open_import()
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(path))
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.step == STEP_MAPPING, timeout=5000)
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.step == STEP_PREVIEW, timeout=5000)
    if cancel:
        dialog.progress_bar.valueChanged.connect(lambda _v: dialog.cancel_button.click())
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.step == STEP_SUMMARY, timeout=60000)
    window.ctx.runner.wait()
    return dialog


def _count(store):
    return store.conn.execute("SELECT count(*) FROM participant").fetchone()[0]


def test_import_with_a_reader_process_from_the_worker_thread(
    demo_db, qtbot, tmp_path, every_file_is_big
):
    from desktop.ui import app as app_module
    from desktop.ui.tasks import ThreadRunner

    window = app_module.start(demo_db, runner=ThreadRunner(), language="en")
    qtbot.addWidget(window)
    try:
        before = _count(window.ctx.store)
        dialog = _run(window, qtbot, _file(tmp_path / "list.csv", 3000))
        assert dialog.outcome == "done", dialog.summary_label.text()
        assert dialog.summary.created == 3000
        assert _count(window.ctx.store) == before + 3000
        assert every_file_is_big, "the import did not use a reader process"
    finally:
        window.ctx.runner.wait()
        window.ctx.store.close()
    assert multiprocessing.active_children() == []


def test_cancel_with_a_reader_process_rolls_back(demo_db, qtbot, tmp_path, every_file_is_big):
    from desktop.ui import app as app_module
    from desktop.ui.tasks import ThreadRunner

    window = app_module.start(demo_db, runner=ThreadRunner(), language="en")
    qtbot.addWidget(window)
    try:
        before = _count(window.ctx.store)
        dialog = _run(window, qtbot, _file(tmp_path / "big.csv", 20_000), cancel=True)
        assert dialog.outcome == "cancelled", dialog.summary_label.text()
        assert _count(window.ctx.store) == before
        assert every_file_is_big
    finally:
        window.ctx.runner.wait()
        window.ctx.store.close()
    assert multiprocessing.active_children() == []
