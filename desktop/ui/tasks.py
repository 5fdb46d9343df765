"""Background work for the GUI, in the manner of Anki's operations and Picard's run_task.

Database work goes to ONE worker thread (the single writer); network and PDF work go to a
general pool. Results and progress come back to the GUI thread through signals. Tests use
`SyncRunner`, which runs the task at once on the calling thread."""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.core.progress import Progress

log = logging.getLogger(__name__)


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


class _Relay(QObject):
    """One per runner, made and kept on the GUI thread: every job reports through it by id,
    so no per-job QObject is ever freed on a pool thread."""

    done = Signal(int, object)
    failed = Signal(int, object, str)
    progress = Signal(int, int, int, str)


class _Job(QRunnable):
    """Runs one task on a pool thread. The runner, not the job, keeps the task and its handle
    alive until the GUI thread has taken the result: objects the task captured (dialogs,
    connected handles) must never be freed on the pool thread."""

    def __init__(self, job_id: int, relay: _Relay, task: Task, handle: TaskHandle) -> None:
        super().__init__()
        self.job_id, self.relay = job_id, relay
        self.task: Task | None = task
        self.handle: TaskHandle | None = handle

    def run(self) -> None:
        task, handle = self.task, self.handle
        self.task = self.handle = None
        assert task is not None and handle is not None
        try:
            result = task(handle)
        except BaseException as exc:  # reported to the GUI, never lost in a thread
            trace = traceback.format_exc()
            # The page shows the message; the log keeps the details (secrets masked there).
            log.warning("background task failed\n%s", trace)
            exc.__traceback__ = None  # its frames hold the task's locals: free them here, now
            del task, handle
            self.relay.failed.emit(self.job_id, exc, trace)
        else:
            del task, handle
            self.relay.done.emit(self.job_id, result)


class ThreadRunner:
    """Runs tasks off the GUI thread; `kind='db'` tasks run one at a time, in order."""

    def __init__(self) -> None:
        self.db_pool = QThreadPool()
        self.db_pool.setMaxThreadCount(1)
        self.pool = QThreadPool()
        self._relay = _Relay()
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        self._relay.progress.connect(self._progress)
        # job id -> (on_done, on_error, progress, task, handle), until the GUI thread is done
        self._jobs: dict[int, tuple[Any, ...]] = {}
        self._ids = itertools.count(1)

    def run(
        self,
        task: Task,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        progress: Progress | None = None,
        kind: str = "db",
    ) -> TaskHandle:
        job_id = next(self._ids)
        emit = self._relay.progress.emit
        handle = TaskHandle(lambda done, total, text: emit(job_id, done, total, text))
        self._jobs[job_id] = (on_done, on_error, progress, task, handle)
        (self.db_pool if kind == "db" else self.pool).start(
            _Job(job_id, self._relay, task, handle)
        )
        return handle

    # On the GUI thread, in the order the job reported (one relay, one queue).
    def _done(self, job_id: int, result: Any) -> None:
        on_done = self._jobs.pop(job_id, (None,))[0]
        if on_done:
            on_done(result)

    def _failed(self, job_id: int, exc: BaseException, trace: str) -> None:
        on_error = self._jobs.pop(job_id, (None, None))[1]
        if on_error:
            on_error(exc, trace)
        else:
            raise exc

    def _progress(self, job_id: int, done: int, total: int, text: str) -> None:
        entry = self._jobs.get(job_id)
        if entry is not None and entry[2] is not None:
            entry[2](done, total, text)

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
