"""Background work for the GUI, in the manner of Anki's operations and Picard's run_task.

Database work goes to ONE worker thread (the single writer); network and PDF work go to a
general pool. Results and progress come back to the GUI thread through signals. Tests use
`SyncRunner`, which runs the task at once on the calling thread."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskHandle:
    """Given to a task: report progress, and check whether the user pressed Cancel."""

    def __init__(self, report: Callable[[int, int, str], None]) -> None:
        self._report = report
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._report(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


Task = Callable[[TaskHandle], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException, str], None]
Progress = Callable[[int, int, str], None]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, task: Task, signals: _Signals, handle: TaskHandle) -> None:
        super().__init__()
        self.task, self.signals, self.handle = task, signals, handle

    def run(self) -> None:
        try:
            result = self.task(self.handle)
        except BaseException as exc:  # reported to the GUI, never lost in a thread
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


class ThreadRunner:
    """Runs tasks off the GUI thread; `kind='db'` tasks run one at a time, in order."""

    def __init__(self) -> None:
        self.db_pool = QThreadPool()
        self.db_pool.setMaxThreadCount(1)
        self.pool = QThreadPool()
        self._live: set[_Signals] = set()

    def run(
        self,
        task: Task,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        progress: Progress | None = None,
        kind: str = "db",
    ) -> TaskHandle:
        signals = _Signals()
        self._live.add(signals)  # keep the QObject alive until the job reports back
        handle = TaskHandle(signals.progress.emit)
        if progress:
            signals.progress.connect(progress)

        def finished(result: Any) -> None:
            self._live.discard(signals)
            if on_done:
                on_done(result)

        def failed(exc: BaseException, trace: str) -> None:
            self._live.discard(signals)
            if on_error:
                on_error(exc, trace)
            else:
                raise exc

        signals.done.connect(finished)
        signals.failed.connect(failed)
        (self.db_pool if kind == "db" else self.pool).start(_Job(task, signals, handle))
        return handle

    def wait(self, msecs: int = 30_000) -> None:
        self.db_pool.waitForDone(msecs)
        self.pool.waitForDone(msecs)


class SyncRunner:
    """Runs each task immediately on the calling thread: deterministic GUI tests."""

    def run(
        self,
        task: Task,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        progress: Progress | None = None,
        kind: str = "db",
    ) -> TaskHandle:
        handle = TaskHandle(progress or (lambda done, total, text: None))
        try:
            result = task(handle)
        except BaseException as exc:
            if on_error is None:
                raise
            on_error(exc, traceback.format_exc())
        else:
            if on_done:
                on_done(result)
        return handle

    def wait(self, msecs: int = 0) -> None:
        return None
