"""The Sync page: status, Sync now with progress, Check with portal, enrolment, and the
message line; its form, wiring and language. The lower half's tabs and the USB buttons are
mixins from their own modules."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from desktop.core.certificates.numbering import desk_clashes, desk_number
from desktop.core.sync import engine as sync_engine
from desktop.core.sync.damage import DamagedFile
from desktop.core.sync.receipt import own_fingerprint
from desktop.protocol.records import KIND_FIELDS
from desktop.store import StoreClosed
from desktop.ui.clock_notice import ClockNotice, place_after
from desktop.ui.i18n import bind_form
from desktop.ui.igot.panel import IgotPanel
from desktop.ui.igot.words import tr as igot_tr
from desktop.ui.said import say
from desktop.ui.sync.dialogs import EnrolDialog
from desktop.ui.sync.differences import DifferencesTab, describe_reconcile
from desktop.ui.sync.held_tab import HeldTabMixin
from desktop.ui.sync.history_tab import HistoryTabMixin, describe_run
from desktop.ui.sync.rejected_tab import RejectedTabMixin
from desktop.ui.sync.status import SyncController, local_time, pending_text
from desktop.ui.sync.tables import REJECTED_TAB, _label
from desktop.ui.sync.trusted_tab import TrustedTabMixin
from desktop.ui.sync.usb import UsbMixin
from desktop.ui.sync.words import describe_damage, tr
from desktop.ui.table_export import add_export
from desktop.ui.uiload import child, embed_form, load_ui

FORM = "sync_page.ui"

class SyncPage(RejectedTabMixin, HeldTabMixin, TrustedTabMixin, HistoryTabMixin, UsbMixin,
               QWidget):
    def __init__(self, ctx: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.controller = SyncController.for_context(ctx)
        self.ui = load_ui(FORM, self)
        embed_form(self, self.ui)
        self.portal_value: QLabel = child(self.ui, QLabel, "portalValue")
        self.reachable_value: QLabel = child(self.ui, QLabel, "reachableValue")
        self.pending_value: QLabel = child(self.ui, QLabel, "pendingValue")
        self.last_value: QLabel = child(self.ui, QLabel, "lastValue")
        self.key_value: QLabel = child(self.ui, QLabel, "keyValue")
        self.key_value.setText(own_fingerprint(ctx.store))
        self.message: QLabel = child(self.ui, QLabel, "messageLabel")
        self.desk_warning: QLabel = child(self.ui, QLabel, "deskWarning")
        self.clock_notice = ClockNotice(ctx, parent=self.desk_warning.parentWidget())
        place_after(self.desk_warning, self.clock_notice)
        self.progress: QProgressBar = child(self.ui, QProgressBar, "progressBar")
        self.rejected: QTableWidget = child(self.ui, QTableWidget, "rejectedTable")
        self.held: QTableWidget = child(self.ui, QTableWidget, "heldTable")
        self.history: QTableWidget = child(self.ui, QTableWidget, "historyTable")
        self.trusted: QTableWidget = child(self.ui, QTableWidget, "trustedTable")
        self.tabs: QTabWidget = child(self.ui, QTabWidget, "tabs")
        self.status_box: QGroupBox = child(self.ui, QGroupBox, "statusBox")
        self.buttons = {name: child(self.ui, QPushButton, name) for name in (
            "syncButton", "cancelButton", "enrolButton", "reconcileButton",
            "exportBundleButton", "importBundleButton", "exportReceiptButton",
            "importReceiptButton", "editButton", "sendAgainButton", "discardButton",
            "removeTrustButton")}
        b = self.buttons
        b["syncButton"].clicked.connect(self.sync_now)
        b["cancelButton"].clicked.connect(self.controller.cancel)
        b["enrolButton"].clicked.connect(self.enrol)
        b["reconcileButton"].clicked.connect(self.reconcile)
        b["exportBundleButton"].clicked.connect(self.export_bundle)
        b["importBundleButton"].clicked.connect(self.import_bundle)
        b["exportReceiptButton"].clicked.connect(self.export_receipt)
        b["importReceiptButton"].clicked.connect(self.import_receipt)
        b["editButton"].clicked.connect(self.fix_selected)
        b["sendAgainButton"].clicked.connect(self.send_again_selected)
        b["discardButton"].clicked.connect(self.discard_selected)
        b["removeTrustButton"].clicked.connect(self.remove_trust_selected)
        self.rejected.setColumnCount(4)
        self.held.setColumnCount(3)
        self.history.setColumnCount(2)
        self.trusted.setColumnCount(4)
        for table in (self.rejected, self.held, self.history, self.trusted):
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(
                table.columnCount() - 1, QHeaderView.ResizeMode.Stretch)
        self.differences = DifferencesTab(  # `ctx`, not `self`: no cycle keeps the page alive
            ctx.store.device_id, lambda kind, rid: _label(ctx.store.get(kind, rid) or {}, rid))
        self.differences_tab = self.tabs.addTab(self.differences, self.differences.title())
        for view, name in ((self.rejected, "Rejected records"), (self.held, "Held updates"),
                           (self.history, "Sync history"), (self.trusted, "Trusted desks"),
                           (self.differences.table, "Differences with the portal")):
            add_export(view, ctx, name)
        self.igot_panel = IgotPanel(ctx, None)  # every workshop linked to iGOT, desk-wide
        self.igot_tab = self.tabs.addTab(self.igot_panel, igot_tr("iGOT Karmayogi"))
        self.progress.hide()
        self.controller.changed.connect(self.refresh)
        self.controller.started.connect(self._started)
        self.controller.progress.connect(self._progress)
        self.controller.finished.connect(self._finished)
        ctx.changed.connect(self._on_changed)
        self._rows: list[dict[str, Any]] = []
        self._held: list[dict[str, Any]] = []
        self._trusted: list[dict[str, Any]] = []
        self._message: Any = None
        bind_form(self.ui, FORM, after=self._retranslate)
        self._retranslate()

    # -- showing ---------------------------------------------------------------------------
    def _retranslate(self) -> None:
        """Texts set in code (the form's own are re-applied by bind_form)."""
        self.key_value.setToolTip(tr(
            "When another desk imports a bundle or receipt from this desk, its operator "
            "compares this fingerprint with the one it shows, by phone or in person."))
        self.differences.retranslate()
        self.tabs.setTabText(self.differences_tab, self.differences.title())
        self.tabs.setTabText(self.igot_tab, igot_tr("iGOT Karmayogi"))
        self.trusted.setHorizontalHeaderLabels(
            [tr("Desk"), tr("Key fingerprint"), tr("Trusted since"), tr("How")])
        self.rejected.setHorizontalHeaderLabels(
            [tr("Record"), tr("Name / details"), tr("Problem"), tr("Portal's message")])
        self.held.setHorizontalHeaderLabels([tr("Record"), tr("Name / details"), tr("Reason")])
        self.history.setHorizontalHeaderLabels([tr("When"), tr("What happened")])
        if self._message is not None:
            self.message.setText(self._message())
        self.refresh()
        self._refresh_desk_warning()

    def _on_changed(self, kind: str) -> None:
        if kind in ("sync", "*", *KIND_FIELDS):
            self.refresh()
        if kind in ("sync", "*", "certificate"):
            self._refresh_desk_warning()

    def _refresh_desk_warning(self) -> None:
        """Another laptop set up with this desk's number gives the same certificate numbers
        and key names: say so where sync results are read (the CLI says it in `sync`)."""
        try:
            clashes = desk_clashes(self.ctx.store, limit=1)
        except StoreClosed:  # the store is being swapped (restore) or closed
            return
        if not clashes:
            self.desk_warning.setVisible(False)
            return
        store = self.ctx.store
        self.desk_warning.setText(
            tr(
                "Another laptop of {0} also uses desk number {1}: certificate {2} was made on "
                "device {3}. Two laptops with the same desk number give the same certificate "
                "numbers. Set one of them up again with a desk number no other laptop of the "
                "institute uses (karmayogi-desk init … --desk N) before issuing more "
                "certificates."
            ).format(
                store.institute_code,
                desk_number(store),
                clashes[0]["number"],
                clashes[0]["origin"],
            )
        )
        self.desk_warning.setVisible(True)

    def refresh(self) -> None:
        try:
            s = self.controller.snapshot()
        except StoreClosed:  # the store is being swapped (restore) or closed
            return
        self.portal_value.setText(s["portal"] or tr("not enrolled yet"))
        if not s["enrolled"]:
            reach = tr("—")
        elif s["needs_reenrol"]:
            reach = tr("stopped: the portal refused this desk; enrol it again")
        elif s["running"]:
            reach = tr("syncing…")
        elif s["retry_at"]:
            reach = tr("portal busy: it asked to wait until {0}").format(
                local_time(s["retry_at"]))
        elif s["reachable"] is True:
            reach = tr("portal reachable")
        elif s["reachable"] is False:
            reach = tr("portal not reachable (work is kept and sent later)")
        else:
            reach = tr("not checked yet")
        self.reachable_value.setText(reach)
        self.pending_value.setText(tr("{0} record(s)").format(pending_text(s["pending"])))
        self.last_value.setText(local_time(s["last_success"]) or tr("never"))
        b = self.buttons
        b["syncButton"].setEnabled(s["enrolled"] and not s["running"] and not s["needs_reenrol"])
        b["cancelButton"].setEnabled(s["running"])
        b["reconcileButton"].setEnabled(s["enrolled"] and not s["running"])
        b["enrolButton"].setText(tr("Enrol again…") if s["enrolled"] else tr("Enrol this desk…"))
        self._fill_rejected()
        self._fill_held()
        self._fill_history()
        self._fill_trusted()

    # -- sync ------------------------------------------------------------------------------
    def sync_now(self) -> None:
        self.controller.sync_now("manual")

    def _started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.message.setText(tr("Syncing… you can keep working."))

    def _progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(tr("Batch {0} of {1}").format(min(done + 1, total), total))

    def _finished(self, result: Any) -> None:
        self.progress.hide()
        if isinstance(result, BaseException):
            self.message.setText(say(result))
        else:
            run = {
                "outcome": result.outcome, "sent_batches": result.sent_batches,
                "acked_records": result.acked_records, "rejected": result.new_rejections,
                "pulled": result.pulled, "pending": result.pending, "message": result.message,
            }
            self._message = lambda: describe_run(run)  # re-said after a language switch
            self.message.setText(self._message())
            if result.new_rejections:
                self.tabs.setCurrentIndex(REJECTED_TAB)
        self.refresh()

    def reconcile(self) -> None:
        def task(handle):
            store, own = self.controller._store_for_task()
            try:
                return sync_engine.SyncEngine(store).reconcile()
            finally:
                if own:
                    store.close()

        def done(report: dict[str, Any]) -> None:
            self.differences.show_report(report)
            self.tabs.setTabText(self.differences_tab, self.differences.title())
            self._message = lambda: describe_reconcile(report)  # re-said after a switch
            self.message.setText(self._message())
            if report.get("remaining"):
                self.tabs.setCurrentIndex(self.differences_tab)
            self.refresh()

        self.ctx.run(task, on_done=done, on_error=self._error, kind="net")

    def enrol(self) -> None:
        dialog = EnrolDialog(self, sync_engine.portal_url(self.ctx.store) or "")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        url, code = dialog.url.text().strip(), dialog.code.text().strip()

        def task(handle):
            store, own = self.controller._store_for_task()
            try:
                return sync_engine.enrol(store, url, code)
            finally:
                if own:
                    store.close()

        def done(info: dict[str, Any]) -> None:
            inst = info["institute"]
            self.message.setText(tr("Enrolled with {0} ({1}).").format(
                info["portal"], inst.get("name_en") or inst.get("code")))
            self.controller.reachable = True
            self.refresh()
            self.controller.sync_now("manual")

        self.ctx.run(task, on_done=done, on_error=self._error, kind="net")

    def _done_text(self, text: str) -> None:
        self._message = None
        self.message.setText(text)
        self.refresh()

    def _error(self, exc: BaseException, trace: str = "") -> None:
        self.progress.hide()
        if isinstance(exc, DamagedFile):  # said in the page's language, again after a switch
            self._message = lambda: describe_damage(exc)
            self.message.setText(self._message())
        else:
            self._message = None
            self.message.setText(say(exc))
        self.refresh()


def create_page(ctx: Any) -> QWidget:
    return SyncPage(ctx)
