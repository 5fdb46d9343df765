"""The GUI's one long-task contract: `ctx.run(..., changes=, by=, dialog=)` announces what an
operation changed after it succeeded, tells a page its own echo, and drives one progress
dialog whose Cancel reaches the task's `cancelled`."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.ui.context import AppContext
from desktop.ui.progress import TaskProgress
from desktop.ui.tasks import SyncRunner, ThreadRunner


@pytest.fixture
def ctx(store, qapp):
    return AppContext(store, None, SyncRunner())


def _heard(ctx):
    heard: list[tuple[str, object]] = []
    ctx.changed.connect(lambda kind: heard.append((kind, ctx.changed_by)))
    return heard


def test_changes_are_announced_after_on_done_and_only_on_success(ctx):
    heard = _heard(ctx)
    order: list[str] = []
    ctx.run(lambda h: 1, on_done=lambda r: order.append(f"done {r} {len(heard)}"),
            changes=("participant", "enrolment"))
    assert order == ["done 1 0"]
    assert heard == [("participant", None), ("enrolment", None)]
    heard.clear()

    def fails(_h):
        raise ValueError("no")

    ctx.run(fails, on_error=lambda exc, trace: order.append(str(exc)), changes=("participant",))
    assert order[-1] == "no" and heard == []


def test_changes_may_depend_on_the_result(ctx):
    heard = _heard(ctx)
    ctx.run(lambda h: 0, changes=lambda n: ("sync",) if n else ())
    ctx.run(lambda h: 3, changes=lambda n: ("sync",) if n else ())
    assert heard == [("sync", None)]


def test_the_maker_of_a_change_is_known_during_the_announcement(ctx):
    heard = _heard(ctx)
    page = object()
    ctx.run(lambda h: None, changes=("attendance",), by=page)
    assert heard == [("attendance", page)]
    assert ctx.changed_by is None  # only while the signal is delivered


def test_a_failing_on_done_still_announces_the_write(ctx):
    heard = _heard(ctx)

    def done(_r):
        raise RuntimeError("page follow-up failed")

    with pytest.raises(RuntimeError):
        ctx.run(lambda h: None, on_done=done, changes=("workshop",))
    assert heard == [("workshop", None)]


def test_the_dialog_follows_progress_of_any_size_and_closes_before_on_done(ctx):
    parent = QWidget()
    dialog = TaskProgress(parent, "Working…")
    seen: list[int] = []

    def task(handle):
        handle.progress(5 * 2**40, 10 * 2**40, "half")  # bytes past Qt's 32-bit int
        seen.append(dialog.dialog.value())
        handle.progress(7, 0, "unknown total")
        seen.append(dialog.dialog.maximum())
        return "ok"

    ctx.run(task, on_done=lambda r: seen.append(dialog.is_open), dialog=dialog)
    assert seen == [500, 0, False]


def test_the_dialog_closes_on_failure_too(ctx):
    parent = QWidget()  # kept: the dialog is its child
    dialog = TaskProgress(parent, "Working…")
    failures: list[str] = []

    def fails(_h):
        raise OSError("disk full")

    ctx.run(fails, on_error=lambda exc, trace: failures.append(f"{exc} {dialog.is_open}"),
            dialog=dialog)
    assert failures == ["disk full False"]


def test_cancel_in_the_dialog_reaches_the_task(store, qapp, qtbot):
    ctx = AppContext(store, None, ThreadRunner())
    parent = QWidget()
    dialog = TaskProgress(parent, "Working…")
    started = threading.Event()
    results: list[str] = []

    def task(handle):
        started.set()
        for _ in range(500):
            if handle.cancelled:
                return "cancelled"
            threading.Event().wait(0.01)
        return "ran out"

    ctx.run(task, on_done=results.append, dialog=dialog, kind="net")
    assert started.wait(5)
    (button,) = dialog.dialog.findChildren(QPushButton)
    button.click()
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results == ["cancelled"] and not dialog.is_open
    ctx.runner.wait()


def test_a_dialog_without_cancel_has_no_button(qapp):
    parent = QWidget()
    dialog = TaskProgress(parent, "Restoring…", cancellable=False)
    assert dialog.dialog.findChildren(QPushButton) == []
