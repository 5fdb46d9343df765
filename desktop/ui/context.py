"""What every screen is given: the store, the task runner and the change hook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.store import Store
from desktop.ui.tasks import SyncRunner, TaskHandle, ThreadRunner


class AppContext(QObject):
    """Shared by all pages. After any write, call `notify(kind)` so that each screen redraws
    only what changed (Anki's operation hook)."""

    #: a record kind ("participant", "attendance", …) or area that changed
    changed = Signal(str)

    def __init__(
        self, store: Store, db_path: Path | None, runner: ThreadRunner | SyncRunner | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.db_path = db_path
        self.runner = runner or ThreadRunner()

    def run(self, task, on_done=None, on_error=None, progress=None, kind: str = "db") -> TaskHandle:
        """Run `task(handle)` in the background; `on_done(result)` runs on the GUI thread."""
        return self.runner.run(task, on_done, on_error, progress, kind)

    def notify(self, kind: str) -> None:
        self.changed.emit(kind)
