"""The Sync page: status, Sync now with progress, Check with portal, enrolment, and the
message line; its form, wiring and language. The lower half's tabs and the USB buttons are
mixins from their own modules."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent
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
from desktop.ui.igot.panel import IgotPanel
from desktop.ui.igot.words import tr as igot_tr
from desktop.ui.sync.dialogs import EnrolDialog
from desktop.ui.sync.differences import DifferencesTab, describe_reconcile
from desktop.ui.sync.held_tab import HeldTabMixin
from desktop.ui.sync.history_tab import HistoryTabMixin, describe_run
from desktop.ui.sync.rejected_tab import RejectedTabMixin
from desktop.ui.sync.status import SyncController, local_time, pending_text
from desktop.ui.sync.tables import HELD_TAB, HISTORY_TAB, REJECTED_TAB, TRUSTED_TAB, _label
from desktop.ui.sync.trusted_tab import TrustedTabMixin
from desktop.ui.sync.usb import UsbMixin
from desktop.ui.sync.words import describe_damage, tr
from desktop.ui.uiload import embed_form, load_ui

# English source texts of the form, re-applied through tr() on every language change.
_FORM_TEXTS = {
    "titleLabel": QT_TRANSLATE_NOOP("SyncPage", "Sync with the portal"),
    "portalCaption": QT_TRANSLATE_NOOP("SyncPage", "Portal:"),
    "reachableCaption": QT_TRANSLATE_NOOP("SyncPage", "Connection:"),
    "pendingCaption": QT_TRANSLATE_NOOP("SyncPage", "Waiting to be sent:"),
    "lastCaption": QT_TRANSLATE_NOOP("SyncPage", "Last successful sync:"),
    "keyCaption": QT_TRANSLATE_NOOP("SyncPage", "This desk's key fingerprint:"),
    "syncButton": QT_TRANSLATE_NOOP("SyncPage", "Sync now"),
    "cancelButton": QT_TRANSLATE_NOOP("SyncPage", "Stop"),
    "enrolButton": QT_TRANSLATE_NOOP("SyncPage", "Enrol this desk…"),
    "reconcileButton": QT_TRANSLATE_NOOP("SyncPage", "Check with portal"),
    "usbLabel": QT_TRANSLATE_NOOP("SyncPage", "No network? Use a USB stick:"),
    "exportBundleButton": QT_TRANSLATE_NOOP("SyncPage", "Export bundle…"),
    "importBundleButton": QT_TRANSLATE_NOOP("SyncPage", "Import bundle…"),
    "exportReceiptButton": QT_TRANSLATE_NOOP("SyncPage", "Write receipt…"),
    "importReceiptButton": QT_TRANSLATE_NOOP("SyncPage", "Import receipt…"),
    "rejectedHelp": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The portal did not accept these records; everything else was sent. Fix a record, "
        "or choose Send again once the problem is solved (for example, the missing photo is "
        "back), and it goes out at the next sync. Or discard it.",
    ),
    "editButton": QT_TRANSLATE_NOOP("SyncPage", "Fix…"),
    "sendAgainButton": QT_TRANSLATE_NOOP("SyncPage", "Send again"),
    "discardButton": QT_TRANSLATE_NOOP("SyncPage", "Discard…"),
    "trustedHelp": QT_TRANSLATE_NOOP(
        "SyncPage",
        "Bundles and receipts are imported only from these desks' keys. A key is added when "
        "you confirm its fingerprint while importing. Remove a key you no longer trust (for "
        "example, of a desk that was replaced): its files are then refused until its "
        "fingerprint is confirmed again.",
    ),
    "removeTrustButton": QT_TRANSLATE_NOOP("SyncPage", "Remove…"),
    "heldHelp": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The portal sent these updates, but they clash with records on this desk, so they "
        "were not applied here. Nothing is lost: once the record here is corrected (for "
        "example, a certificate issued here is given another number), they are applied by "
        "themselves at the next sync.",
    ),
}


class SyncPage(RejectedTabMixin, HeldTabMixin, TrustedTabMixin, HistoryTabMixin, UsbMixin,
               QWidget):
    def __init__(self, ctx: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.controller = SyncController.for_context(ctx)
        self.ui = load_ui("sync_page.ui", self)
        embed_form(self, self.ui)
        find = self.ui.findChild
        self.portal_value: QLabel = find(QLabel, "portalValue")
        self.reachable_value: QLabel = find(QLabel, "reachableValue")
        self.pending_value: QLabel = find(QLabel, "pendingValue")
        self.last_value: QLabel = find(QLabel, "lastValue")
        self.key_value: QLabel = find(QLabel, "keyValue")
        self.key_value.setText(own_fingerprint(ctx.store))
        self.message: QLabel = find(QLabel, "messageLabel")
        self.desk_warning: QLabel = find(QLabel, "deskWarning")
        self.clock_notice = ClockNotice(ctx, parent=self.desk_warning.parentWidget())
        place_after(self.desk_warning, self.clock_notice)
        self.progress: QProgressBar = find(QProgressBar, "progressBar")
        self.rejected: QTableWidget = find(QTableWidget, "rejectedTable")
        self.held: QTableWidget = find(QTableWidget, "heldTable")
        self.history: QTableWidget = find(QTableWidget, "historyTable")
        self.trusted: QTableWidget = find(QTableWidget, "trustedTable")
        self.tabs: QTabWidget = find(QTabWidget, "tabs")
        self.status_box: QGroupBox = find(QGroupBox, "statusBox")
        self.buttons = {name: find(QPushButton, name) for name in (
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
        self.retranslate()

    # -- showing ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        for name, text in _FORM_TEXTS.items():
            widget = self.ui.findChild(QWidget, name)
            if widget is not None:
                widget.setText(tr(text))  # type: ignore[attr-defined]
        self.status_box.setTitle(tr("Status"))
        self.key_value.setToolTip(tr(
            "When another desk imports a bundle or receipt from this desk, its operator "
            "compares this fingerprint with the one it shows, by phone or in person."))
        self.tabs.setTabText(REJECTED_TAB, tr("Rejected records"))
        self.tabs.setTabText(HELD_TAB, tr("Portal updates not applied"))
        self.tabs.setTabText(HISTORY_TAB, tr("History"))
        self.tabs.setTabText(TRUSTED_TAB, tr("Trusted desks"))
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

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
            self.message.setText(str(result))
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
            self.message.setText(str(exc))
        self.refresh()


def create_page(ctx: Any) -> QWidget:
    return SyncPage(ctx)
