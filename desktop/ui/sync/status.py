"""Sync in the GUI: one controller per window, and the status-bar indicator.

`SyncController` owns the background work (all network runs with `ctx.run(..., kind='net')`
on its own database connection, so the window never waits), the "is the portal reachable"
probe, and automatic sync: when the portal becomes reachable, and every few minutes while it
is. It never retries after a 401 — the user must enrol again. `SyncStatusWidget` is the
small indicator the main window puts in its status bar; the Sync page shares the controller."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from desktop.core.dates import format_datetime
from desktop.core.sync import engine as sync_engine
from desktop.core.sync import outbox
from desktop.core.sync.client import PortalClient, PortalError
from desktop.core.sync.keys import DeviceKeys
from desktop.store import StoreClosed, open_store

CONTEXT = "SyncStatus"
PROBE_MS = 60_000
AUTO_SYNC_MS = 5 * 60_000
PENDING_CAP = 10_000  # the indicator counts waiting records up to this, then shows "N+"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def local_time(stamp: str | None) -> str:
    """An RFC 3339 UTC stamp as local date and time, in the one style (05-12-2026 14:34)."""
    return format_datetime(stamp)


class SyncController(QObject):
    """Shared by the Sync page and the status-bar widget of one window."""

    changed = Signal()
    started = Signal()
    progress = Signal(int, int, str)
    finished = Signal(object)  # a SyncResult, or an exception

    def __init__(self, ctx: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.reachable: bool | None = None
        self.running = False
        self.handle = None
        self.last_result: Any = None
        self._probing = False
        self.probe_timer = QTimer(self)
        self.probe_timer.timeout.connect(self.probe)
        self.auto_timer = QTimer(self)
        self.auto_timer.timeout.connect(lambda: self.sync_now("auto"))
        self.resume_timer = QTimer(self)
        self.resume_timer.setSingleShot(True)
        # A coarse timer may fire up to 5 % early (30 s of a 10-minute Retry-After).
        self.resume_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.resume_timer.timeout.connect(lambda: self.sync_now("auto"))

    @classmethod
    def for_context(cls, ctx: Any) -> SyncController:
        controller = getattr(ctx, "_sync_controller", None)
        if controller is None:
            controller = cls(ctx)
            ctx._sync_controller = controller
        return controller

    # -- what to show ---------------------------------------------------------------------
    def enrolled(self) -> bool:
        store = self.ctx.store
        return bool(sync_engine.portal_url(store) and DeviceKeys.for_store(store).token())

    def snapshot(self) -> dict[str, Any]:
        """Cheap reads for the indicator (no network)."""
        store = self.ctx.store
        return {
            "enrolled": self.enrolled(),
            "needs_reenrol": sync_engine.needs_reenrol(store),
            "portal": sync_engine.portal_url(store),
            "pending": outbox.pending_count(store, cap=PENDING_CAP),
            "rejected": len(outbox.quarantined(store)),
            "held": len(sync_engine.held_records(store)),
            "retry_at": sync_engine.retry_at(store),
            "last_success": sync_engine.last_success(store),
            "reachable": self.reachable,
            "running": self.running,
        }

    # -- automatic behaviour --------------------------------------------------------------
    def start_auto(self, probe_ms: int = PROBE_MS, sync_ms: int = AUTO_SYNC_MS) -> None:
        self.probe_timer.start(probe_ms)
        self.auto_timer.start(sync_ms)
        QTimer.singleShot(0, self.probe)

    def stop_auto(self) -> None:
        self.probe_timer.stop()
        self.auto_timer.stop()
        self.resume_timer.stop()

    def _store_for_task(self):
        """Network tasks use their own connection: the GUI's writer stays free."""
        if self.ctx.db_path is None or self.ctx.store.path is None:
            return self.ctx.store, False
        own = open_store(self.ctx.db_path, create=False, migrate=False)
        own.actor = self.ctx.store.actor  # the same desk user acts through it
        return own, True

    def probe(self) -> None:
        """Is the portal reachable? A change from no to yes starts a sync."""
        try:
            enrolled = self.enrolled()
        except StoreClosed:  # the window's database was closed: nothing left to follow
            self.stop_auto()
            return
        if self._probing or self.running or not enrolled:
            return
        url = sync_engine.portal_url(self.ctx.store)
        ca = self.ctx.store.meta_get("sync.ca_bundle")
        self._probing = True

        def task(handle) -> bool:
            try:
                with PortalClient(url, ca_bundle=ca, timeout=5.0) as client:
                    client.info()
                return True
            except PortalError:
                return False

        def done(ok: bool) -> None:
            self._probing = False
            was = self.reachable
            self.reachable = ok
            self.changed.emit()
            if ok and was is not True:
                self.sync_now("auto")

        def failed(exc: BaseException, trace: str) -> None:
            self._probing = False
            self.reachable = False
            self.changed.emit()

        self.ctx.run(task, on_done=done, on_error=failed, kind="net")

    # -- the sync itself ----------------------------------------------------------------------
    def sync_now(self, trigger: str = "manual") -> bool:
        """Start a sync in the background; False when one is running or it cannot start."""
        if self.running or not self.enrolled():
            return False
        if trigger == "auto" and (
            sync_engine.needs_reenrol(self.ctx.store) or self.reachable is False
            or sync_engine.retry_at(self.ctx.store) is not None  # the portal said when
        ):
            return False
        self.running = True
        self.started.emit()
        self.changed.emit()

        def task(handle):
            store, own = self._store_for_task()
            try:
                eng = sync_engine.SyncEngine(
                    store, progress=handle.progress, cancelled=lambda: handle.cancelled
                )
                try:
                    return eng.sync(trigger)
                except PortalError as exc:
                    return exc
            finally:
                if own:
                    store.close()

        self.handle = self.ctx.run(
            task, on_done=self._done, on_error=lambda exc, trace: self._done(exc),
            progress=self.progress.emit, kind="net", changes=_sync_changes,
        )
        return True

    def _resume_after(self, stamp: str | None) -> None:
        """The portal asked to wait (Retry-After): sync again by itself when that time
        comes, not before and not only at the next five-minute tick."""
        if not stamp:
            return
        when = QDateTime.fromString(stamp, Qt.DateFormat.ISODateWithMs)
        if when.isValid():
            msecs = max(0, QDateTime.currentDateTimeUtc().msecsTo(when)) + 1000
            self.resume_timer.start(min(msecs, 24 * 3600 * 1000))

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _done(self, result: Any) -> None:
        self.running = False
        self.handle = None
        self.last_result = result
        outcome = getattr(result, "outcome", "error")
        if outcome in ("ok", "incomplete"):
            self.reachable = True
        elif outcome == "offline":
            self.reachable = False
        self.finished.emit(result)
        self.changed.emit()
        self._resume_after(getattr(result, "retry_at", None))


def _sync_changes(result: Any) -> tuple[str, ...]:
    """A sync changed this desk's data only when it pulled records or had some acknowledged."""
    if getattr(result, "pulled", 0) or getattr(result, "acked_records", 0):
        return ("sync",)
    return ()


def pending_text(count: int) -> str:
    """A capped count as the user reads it: "10,000+" past the cap, in the GUI's locale."""
    if count > PENDING_CAP:
        return QLocale().toString(PENDING_CAP) + "+"
    return QLocale().toString(count)


class SyncStatusWidget(QWidget):
    """Status bar: ● reachable or not · N waiting · last sync, and a Sync button."""

    def __init__(self, ctx: Any, *, auto: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.controller = SyncController.for_context(ctx)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(6)
        self.dot = QLabel()
        self.text = QLabel()
        self.button = QToolButton()
        self.button.setObjectName("syncNowButton")  # hidden from roles that may not sync
        self.button.clicked.connect(lambda: self.controller.sync_now("manual"))
        layout.addWidget(self.dot)
        layout.addWidget(self.text)
        layout.addWidget(self.button)
        self.controller.changed.connect(self.refresh)
        self.controller.progress.connect(self._progress)
        ctx.changed.connect(lambda kind: self.refresh())
        self.refresh()
        if auto:
            self.controller.start_auto()

    def _progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.text.setText(tr("Sending… {0} of {1}").format(done, total))

    def refresh(self) -> None:
        try:
            s = self.controller.snapshot()
        except StoreClosed:  # the store is being swapped (restore) or closed
            return
        if not s["enrolled"]:
            color, state = "#9e9e9e", tr("Not enrolled with a portal")
        elif s["needs_reenrol"]:
            color, state = "#c62828", tr("Sync stopped: enrol again")
        elif s["running"]:
            color, state = "#1565c0", tr("Syncing…")
        elif s["retry_at"]:
            color, state = "#ef6c00", tr("Portal busy: next try at {0}").format(
                local_time(s["retry_at"]))
        elif s["reachable"] is False:
            color, state = "#ef6c00", tr("Portal not reachable")
        elif s["reachable"] is True:
            color, state = "#2e7d32", tr("Portal reachable")
        else:
            color, state = "#9e9e9e", tr("Portal not checked yet")
        self.dot.setText("●")
        self.dot.setStyleSheet(f"color: {color}; font-size: 14pt;")
        parts = [state, tr("{0} waiting").format(pending_text(s["pending"]))]
        if s["rejected"]:
            parts.append(tr("{0} rejected").format(s["rejected"]))
        last = local_time(s["last_success"])
        parts.append(tr("last sync {0}").format(last) if last else tr("never synced"))
        self.text.setText(" · ".join(parts))
        self.button.setText(tr("Sync now"))
        self.button.setEnabled(bool(s["enrolled"]) and not s["running"])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
