"""What every screen is given: the store, the task runner and the change hook."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.store import Store
from desktop.ui.tasks import Done, Failed, Progress, SyncRunner, Task, TaskHandle, ThreadRunner

if TYPE_CHECKING:
    from desktop.ui.progress import TaskProgress

#: the kinds an operation changed: fixed, or worked out from its result
Changes = Iterable[str] | Callable[[Any], Iterable[str]]


class AppContext(QObject):
    """Shared by all pages. An operation run with `run(..., changes=(kind, ...))` announces
    what it changed when it succeeds, so that each screen redraws only that (Anki's
    operation hook); pages do not call `notify` themselves."""

    #: a record kind ("participant", "attendance", …) or area that changed
    changed = Signal(str)

    def __init__(
        self, store: Store, db_path: Path | None, runner: ThreadRunner | SyncRunner | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.db_path = db_path
        self.runner = runner or ThreadRunner()
        #: during a `changed` emission: the object whose operation made the change (or None)
        self.changed_by: object | None = None

    def run(
        self,
        task: Task,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        progress: Progress | None = None,
        kind: str = "db",
        *,
        changes: Changes = (),
        by: object | None = None,
        dialog: TaskProgress | None = None,
    ) -> TaskHandle:
        """Run `task(handle)` in the background; `on_done(result)` runs on the GUI thread.

        `changes`: the kinds announced after `on_done` when the task succeeded (or a function
        of the result giving them); `by`: who made them, so its own echo can be skipped
        (`ctx.changed_by is self`). `dialog`: a TaskProgress that shows the progress, whose
        Cancel sets `handle.cancelled`, closed before `on_done`/`on_error` run."""
        if changes or dialog is not None:
            on_done = self._finishing(on_done, changes, by, dialog)
        if dialog is not None:
            on_error = self._failing(on_error, dialog)
            if progress is None:
                progress = dialog.report
        handle = self.runner.run(task, on_done, on_error, progress, kind)
        if dialog is not None and dialog.is_open:
            dialog.attach(handle)
        return handle

    def notify(self, kind: str, by: object | None = None) -> None:
        """Announce that `kind` changed. Pages use `run(..., changes=...)`; a direct call is
        for a change that was not made by an operation (say so at the call)."""
        before, self.changed_by = self.changed_by, by
        try:
            self.changed.emit(kind)
        finally:
            self.changed_by = before

    def _finishing(
        self, on_done: Done | None, changes: Changes, by: object | None,
        dialog: TaskProgress | None,
    ) -> Done:
        def finished(result: Any) -> None:
            if dialog is not None:
                dialog.close()
            try:
                if on_done is not None:
                    on_done(result)
            finally:  # the write happened even if the page's own follow-up failed
                kinds = changes(result) if callable(changes) else changes
                for kind in kinds:
                    self.notify(kind, by)

        return finished

    @staticmethod
    def _failing(on_error: Failed | None, dialog: TaskProgress) -> Failed:
        def failed(exc: BaseException, trace: str) -> None:
            dialog.close()
            if on_error is None:
                raise exc
            on_error(exc, trace)

        return failed
