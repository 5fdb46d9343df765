"""Keeps a desk in its venue while the app runs: hosting (the hub's thread) or joined (an
exchange about every second), each step a background task on its own connection. One per
AppContext; the panel shows what it reports."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop.core.venue import link
from desktop.core.venue.client import VenueError
from desktop.core.venue.hub import DEFAULT_PORT, VenueHub
from desktop.core.venue.tls import PinMismatch
from desktop.store import Store, StoreClosed, open_store
from desktop.ui.context import AppContext
from desktop.ui.tasks import SyncRunner

#: kinds a round that received records may have changed (the desk screen redraws them)
RECEIVED_KINDS = ("attendance", "participant", "enrolment", "session", "workshop")
INTERVAL_MS = 500  # a mark is at the other desks within about a second


class VenueController(QObject):
    #: the latest `link.status` (plus `code` and `fingerprint` while hosting)
    changed = Signal(object)
    #: a problem: the exception (the panel puts it in the user's language), or None when over
    problem = Signal(object)

    def __init__(self, ctx: AppContext, *, auto: bool | None = None) -> None:
        """`auto`: exchange on a timer; by default only with real background threads (tests
        with the synchronous runner call `tick` themselves)."""
        super().__init__(ctx)
        self.ctx = ctx
        self.hub: VenueHub | None = None
        self.status: dict[str, Any] = {}
        self.hub_port = DEFAULT_PORT
        #: a panel shows the status: refresh it every round even outside a venue
        self.watched = False
        self._busy = False
        self._closing = False
        self._rounds = 0
        self._conn: Store | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        if auto if auto is not None else not isinstance(ctx.runner, SyncRunner):
            self.timer.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)  # the hub says goodbye, desks go offline

    @classmethod
    def for_context(cls, ctx: AppContext, *, auto: bool | None = None) -> VenueController:
        found = ctx.findChild(VenueController)
        return found if found is not None else cls(ctx, auto=auto)

    # -- a connection of its own (never the GUI's writer) ------------------------------------
    def _store(self) -> Store:
        if self.ctx.db_path is None or self.ctx.store.path is None:
            return self.ctx.store
        if self._conn is None:
            self._conn = open_store(self.ctx.db_path, create=False, migrate=False)
        return self._conn

    def _run(self, task, done=None, changes=()) -> None:
        if self._busy:
            QTimer.singleShot(200, lambda: self._run(task, done, changes))
            return
        self._busy = True

        def finished(result: Any) -> None:
            self._idle()
            if done is not None:
                done(result)

        def failed(exc: BaseException, _trace: str) -> None:
            self._idle()
            self.problem.emit(exc)
            self.tick(True)

        self.ctx.run(task, on_done=finished, on_error=failed, kind="net", changes=changes,
                     by=self)

    # -- actions ------------------------------------------------------------------------------
    def host(self) -> None:
        path, actor = self.ctx.db_path, self.ctx.store.actor

        def task(_h) -> VenueHub:
            if path is None:
                raise VenueError("A venue needs a database on disk.")
            return VenueHub(path, port=self.hub_port, advertise=True, actor=actor).start()

        def done(hub: VenueHub) -> None:
            self.hub = hub
            self.tick(True)

        self._run(task, done)

    def stop_hosting(self) -> None:
        hub, self.hub = self.hub, None
        if hub is not None:
            self._run(lambda _h: hub.stop(), lambda _r: self.tick(True))

    def join(self, code: str) -> None:
        actor = self.ctx.store.actor  # the person at the desk joins, not this connection

        def task(_h) -> dict:
            store = self._store()
            store.actor = actor
            return link.join(store, code)

        self._run(task, lambda _r: self.tick(True))

    def leave(self) -> None:
        self._run(lambda _h: link.leave(self._store()), lambda _r: self.tick(True))

    # -- the round ----------------------------------------------------------------------------
    def tick(self, force: bool = False) -> None:
        try:
            self.ctx.store.conn.in_transaction  # noqa: B018 (a closed store raises here)
        except StoreClosed:  # the window's database was closed (restore, quit): stop following
            self.shutdown()
            return
        outside = self.status and self.status.get("role") == "none" and self.hub is None
        if self._busy or (outside and not self.watched and not force):
            return  # not in a venue and nobody looking: nothing to do this second
        self._busy = True
        hub = self.hub

        def task(_h) -> tuple[dict[str, Any], dict[str, int] | None, Exception | None]:
            store = self._store()
            result, error = None, None
            if hub is None and link.joined(store):
                try:
                    # the portal's answers, relayed by the hub, are asked for now and then
                    result = link.exchange(store, acks=self._rounds % 20 == 0)
                except (VenueError, PinMismatch) as exc:
                    error = exc
            if not (force or self.watched or hub is not None or self._rounds % 8 == 0 or (
                    result and result["received"])):
                return self.status, result, error  # the counts can wait: nobody is looking
            info = link.status(store)
            if info["role"] == "host" and (hub is None or not hub.running):
                info.update(role="none", hosting=None)  # left over from a crash: not hosting
            if hub is not None and hub.running:
                info["code"] = hub.code.text()
                info["fingerprint"] = hub.code.fingerprint
            return info, result, error

        def done(out: tuple[dict[str, Any], dict[str, int] | None, Exception | None]) -> None:
            self._idle()
            self._rounds += 1
            self.status = out[0]
            self.changed.emit(out[0])
            if out[2]:
                self.problem.emit(out[2])
            elif out[1] is not None:
                self.problem.emit(None)  # the hub answers again: the last problem is over

        def failed(exc: BaseException, _trace: str) -> None:
            self._idle()
            self.problem.emit(exc)

        def received(out: tuple[Any, dict[str, int] | None, Any]) -> tuple[str, ...]:
            return RECEIVED_KINDS if out[1] and out[1]["received"] else ()

        self.ctx.run(task, on_done=done, on_error=failed, kind="net", changes=received, by=self)

    def shutdown(self) -> None:
        """Stop following and hosting. A round still running keeps its connection until it
        ends (`_idle` closes it then)."""
        self.timer.stop()
        self._closing = True
        if self.hub is not None:
            self.hub.stop()
            self.hub = None
        if not self._busy:
            self._close_conn()

    def _close_conn(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _idle(self) -> None:
        self._busy = False
        if self._closing:
            self._close_conn()
