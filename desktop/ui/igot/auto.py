"""Forwarding to iGOT by itself after a successful portal sync, when iGOT settings exist.

The lead wires it once per window (main_window is shared, so it is not done here):

    IgotAutoForward.for_context(ctx).follow(SyncController.for_context(ctx))

The work runs on the network pool with its own database connection (the window never
waits); one run at a time; the panel refreshes when the run announces `changes=("igot",)`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.core.igot import settings as igot_settings


def forward_task(
    store: Any, conf: igot_settings.IgotSettings, workshop_id: str | None,
    automatic: bool = False,
):
    """A background task forwarding with its own connection to an on-disk database
    (`automatic`: the run after a sync, which needs no role)."""

    def task(handle: Any) -> Any:
        from desktop.core.igot.client import IgotClient
        from desktop.core.igot.forward import forward

        own = store.reader() if store.path is not None else store
        try:
            with IgotClient(conf) as client:
                return forward(own, client, workshop_id=workshop_id,
                               progress=handle.progress, automatic=automatic)
        finally:
            if own is not store:
                own.close()

    return task, ("net" if store.path is not None else "db")


class IgotAutoForward(QObject):
    #: a ForwardResult, or the exception that stopped the run
    finished = Signal(object)

    def __init__(self, ctx: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.running = False
        self.last_result: Any = None

    @classmethod
    def for_context(cls, ctx: Any) -> IgotAutoForward:
        auto = getattr(ctx, "_igot_auto", None)
        if auto is None:
            auto = cls(ctx)
            ctx._igot_auto = auto
        return auto

    def follow(self, controller: Any) -> None:
        """Run after every portal sync that ended well (`finished` carries a SyncResult)."""
        controller.finished.connect(self._after_sync)

    def _after_sync(self, result: Any) -> None:
        if getattr(result, "outcome", None) == "ok":
            self.run()

    def run(self) -> bool:
        """Start a run unless one is running or iGOT is not set up; True when started."""
        if self.running:
            return False
        conf = igot_settings.load(self.ctx.store)
        if conf is None:
            return False
        self.running = True
        task, kind = forward_task(self.ctx.store, conf, None, automatic=True)
        self.ctx.run(task, self._done, self._failed, kind=kind, changes=("igot",))
        return True

    def _done(self, result: Any) -> None:
        self.running = False
        self.last_result = result
        self.finished.emit(result)

    def _failed(self, exc: BaseException, _trace: str) -> None:
        self.running = False
        self.last_result = exc
        self.finished.emit(exc)
