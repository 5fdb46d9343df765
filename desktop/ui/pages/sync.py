"""Sync area: status, Sync now with progress, enrolment, USB bundles and receipts, rejected
records (fix or discard) and a plain-language history of sync runs.

The page only collects input and shows results; the work is in `desktop.core.sync` and runs
in the background through the shared `SyncController` (network) or `ctx.run` (database)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.certificates.numbering import desk_clashes, desk_number
from desktop.core.sync import engine as sync_engine
from desktop.core.sync import outbox, trust
from desktop.core.sync.bundle import UntrustedSigner as UntrustedBundleSigner
from desktop.core.sync.bundle import export_bundle, import_bundle
from desktop.core.sync.damage import DamagedFile
from desktop.core.sync.receipt import (
    export_receipt,
    import_receipt,
    own_fingerprint,
    relayed_devices,
)
from desktop.protocol.records import JSON_FIELDS, KIND_FIELDS
from desktop.store import StoreClosed
from desktop.ui.clock_notice import ClockNotice, place_after
from desktop.ui.i18n import translate_buttons
from desktop.ui.pages.sync_differences import DifferencesTab, describe_reconcile
from desktop.ui.pages.sync_words import KIND_NAMES, describe_damage
from desktop.ui.sync_status import SyncController, local_time, pending_text
from desktop.ui.uiload import embed_form, load_ui

CONTEXT = "SyncPage"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


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

# Tabs of the lower half, in the form's order.
REJECTED_TAB, HELD_TAB, TRUSTED_TAB, HISTORY_TAB = 0, 1, 2, 3

# How a desk key came to be trusted (`trust.trusted_keys`).
TRUST_HOW = {
    "confirmed": QT_TRANSLATE_NOOP("SyncPage", "fingerprint confirmed"),
    "carried_over": QT_TRANSLATE_NOOP(
        "SyncPage", "bundles imported before this version asked (bundles only)"),
}



PROBLEMS = {
    "invalid_field": QT_TRANSLATE_NOOP("SyncPage", "Invalid value"),
    "missing_field": QT_TRANSLATE_NOOP("SyncPage", "Required field missing"),
    "unknown_field": QT_TRANSLATE_NOOP("SyncPage", "Unknown field"),
    "invalid_record": QT_TRANSLATE_NOOP("SyncPage", "Malformed record"),
    "missing_attachment": QT_TRANSLATE_NOOP("SyncPage", "Photo or document missing"),
    "too_large": QT_TRANSLATE_NOOP("SyncPage", "Too large to send"),
    "version_conflict": QT_TRANSLATE_NOOP("SyncPage", "Conflicting version"),
    "duplicate_number": QT_TRANSLATE_NOOP("SyncPage", "Certificate number already used"),
    "kind_mismatch": QT_TRANSLATE_NOOP("SyncPage", "Id used for another kind of record"),
}


# Why a pulled update is held here (`engine.held_reason`), for a clerk; {0} is the value.
HELD_REASONS = {
    "duplicate_number": QT_TRANSLATE_NOOP(
        "SyncPage", "Another certificate here already has number {0}."),
    "duplicate_attendance": QT_TRANSLATE_NOOP(
        "SyncPage", "This participant's attendance at this session is already recorded here."),
    "duplicate": QT_TRANSLATE_NOOP(
        "SyncPage", "Another record here already has the same {0}."),
    "missing_value": QT_TRANSLATE_NOOP(
        "SyncPage", "The portal's version has no {0}, which this desk needs."),
    "missing_reference": QT_TRANSLATE_NOOP(
        "SyncPage", "It refers to a record this desk does not have."),
    "invalid_value": QT_TRANSLATE_NOOP(
        "SyncPage", "The portal's version has a value this desk does not accept."),
    "unreadable": QT_TRANSLATE_NOOP(
        "SyncPage", "This desk could not read the portal's version; a newer Karmayogi Desk "
        "may be needed."),
}


def held_text(held: dict[str, Any]) -> str:
    """A held update's reason in words; the technical detail is `held["error"]`."""
    reason = sync_engine.held_reason(held)
    code, field, value = reason["code"], reason["field"] or "", reason["value"]
    if code == "duplicate_number":
        subject = str(value or "")
    elif code == "duplicate" and value not in (None, ""):
        subject = f"{field} ({value})"
    else:
        subject = field
    return tr(HELD_REASONS[code]).format(subject)


def problem_text(code: str) -> str:
    """The portal's code in words; unknown codes are shown as they are."""
    return tr(PROBLEMS[code]) if code in PROBLEMS else code


def describe_run(run: dict[str, Any]) -> str:
    """One sync run in words a centre coordinator reads at a glance."""
    outcome = run.get("outcome")
    if outcome is None:
        return tr("Interrupted (the app was closed during the sync); it resumes next time.")
    parts: list[str] = []
    if run["sent_batches"] or run["acked_records"]:
        parts.append(tr("{0} record(s) reached the portal.").format(run["acked_records"]))
    if run["rejected"]:
        parts.append(tr("{0} record(s) were not accepted; see Rejected records.").format(
            run["rejected"]))
    if run["pulled"]:
        parts.append(tr("{0} update(s) received from the portal.").format(run["pulled"]))
    if outcome == "ok":
        if not parts:
            parts.append(tr("Everything was already up to date."))
    elif outcome == "offline":
        parts.append(tr("The portal could not be reached; nothing is lost, it will try again."))
    elif outcome == "wait":
        parts.append(tr("The portal asked the desk to wait before sending again; nothing is "
                        "lost, it resumes by itself."))
    elif outcome == "auth":
        parts.append(tr("The portal no longer accepts this desk. Enrol it again."))
    elif outcome == "incomplete":
        parts.append(tr("{0} record(s) still waiting.").format(run["pending"]))
    else:
        parts.append(tr("Stopped by a problem: {0}").format(run.get("message") or ""))
    return " ".join(parts)


def _label(row: dict[str, Any], record_id: str) -> str:
    return str(row.get("name_en") or row.get("title_en") or row.get("number")
               or row.get("office") or record_id[:13])


def _fit_columns(table: QTableWidget) -> None:
    """Every column but the last as wide as its contents; the last takes the rest (long
    messages are cut short there, whole in the tooltip)."""
    for column in range(table.columnCount() - 1):
        table.resizeColumnToContents(column)


class EnrolDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, url: str = "") -> None:
        super().__init__(parent)
        self.ui = load_ui("sync_enrol.ui", self)
        embed_form(self, self.ui)
        self.url: QLineEdit = self.ui.findChild(QLineEdit, "urlEdit")
        self.code: QLineEdit = self.ui.findChild(QLineEdit, "codeEdit")
        self.error: QLabel = self.ui.findChild(QLabel, "errorLabel")
        self.buttons: QDialogButtonBox = self.ui.findChild(QDialogButtonBox, "buttons")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        translate_buttons(self.buttons)  # Qt has no Hindi for OK / Cancel
        self.url.setText(url)
        self.setWindowTitle(tr("Enrol this desk"))
        self.ui.findChild(QLabel, "helpLabel").setText(tr(
            "Ask the portal administrator for the portal address and a one-time enrolment "
            "code."))
        self.ui.findChild(QLabel, "urlLabel").setText(tr("Portal address:"))
        self.ui.findChild(QLabel, "codeLabel").setText(tr("Enrolment code:"))
        self.resize(self.ui.size())

    def _accept(self) -> None:
        if not self.url.text().strip() or not self.code.text().strip():
            self.error.setText(tr("Enter both the portal address and the code."))
            return
        self.accept()


class FixDialog(QDialog):
    """Edit a rejected record's fields, with the portal's message on top. Saving makes a new
    version, which leaves quarantine and goes out at the next sync."""

    def __init__(self, parent: QWidget | None, kind: str, record: dict[str, Any],
                 message: str) -> None:
        super().__init__(parent)
        self.kind = kind
        self.record = record
        self.setWindowTitle(tr("Fix rejected record"))
        layout = QVBoxLayout(self)
        note = QLabel(tr("The portal said: {0}").format(message))
        note.setWordWrap(True)
        note.setStyleSheet("color: #b00020; font-weight: 600;")
        layout.addWidget(note)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for field in KIND_FIELDS[kind]:
            value = record["data"].get(field)
            if (kind, field) in JSON_FIELDS and value is not None:
                text = json.dumps(value, ensure_ascii=False)
            else:
                text = "" if value is None else str(value)
            edit = QLineEdit(text)
            self.edits[field] = edit
            form.addRow(field, edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field, edit in self.edits.items():
            text = edit.text().strip()
            old = self.record["data"].get(field)
            if (self.kind, field) in JSON_FIELDS:
                value: Any = json.loads(text) if text else None
            elif isinstance(old, int | float) and not isinstance(old, bool) and text:
                value = type(old)(float(text)) if isinstance(old, float) else int(text)
            else:
                value = text or None
            if value != old:
                out[field] = value
        return out


class TrustSignerDialog(QMessageBox):
    """Asks before a bundle or receipt from a desk this desk does not trust is imported:
    shows the signer's device id and key fingerprint, to compare with what that desk's
    operator reads out from their Sync page. A desk known under another key gets a warning
    (possible forgery). No is the default."""

    def __init__(self, parent: QWidget | None, error: trust.UntrustedSigner) -> None:
        super().__init__(parent)
        self.error = error
        bundle = isinstance(error, UntrustedBundleSigner)
        self.setWindowTitle(tr("Import bundle") if bundle else tr("Import receipt"))
        if error.changed:
            self.setIcon(QMessageBox.Icon.Warning)
            self.setText((tr(
                "Warning: this bundle says it comes from desk {0}, but it is signed with a "
                "different key than the one this desk knows for that desk. It may be forged: "
                "a forged bundle would overwrite records here and be passed on to the portal.")
                if bundle else tr(
                "Warning: this receipt says it comes from desk {0}, but it is signed with a "
                "different key than the one this desk knows for that desk. It may be forged: "
                "a forged receipt would make this desk believe its work reached the portal "
                "when it did not.")).format(error.device_id))
        else:
            self.setIcon(QMessageBox.Icon.Question)
            self.setText(tr(
                "This bundle is signed by desk {0} of institute {1}, which this desk does not "
                "trust yet.").format(error.device_id, error.institute_code or "")
                if bundle else tr(
                "This receipt is signed by desk {0}, which this desk does not trust yet.").format(
                    error.device_id))
        self.setInformativeText((tr(
            "Key fingerprint: {0}\n\nAsk the operator of that desk to read out “This desk's key "
            "fingerprint” from its Sync page. Trust it only if every character matches; "
            "later bundles from that desk are then imported without asking.") if bundle else tr(
            "Key fingerprint: {0}\n\nAsk the operator of that desk to read out “This desk's key "
            "fingerprint” from its Sync page. Trust it only if every character matches; "
            "later receipts from that desk are then imported without asking.")).format(
                error.fingerprint))
        self.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        self.setDefaultButton(QMessageBox.StandardButton.No)
        self.button(QMessageBox.StandardButton.Yes).setText(tr("Fingerprints match: trust"))
        self.button(QMessageBox.StandardButton.No).setText(tr("Do not import"))

    def confirmed(self) -> bool:
        self.exec()
        return self.clickedButton() is self.button(QMessageBox.StandardButton.Yes)


class SyncPage(QWidget):
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

    def _fill_trusted(self) -> None:
        """Desk keys this desk imports bundles and receipts from (`trust.trusted_keys`)."""
        self._trusted = trust.trusted_keys(self.ctx.store)
        self.trusted.setRowCount(len(self._trusted))
        for i, t in enumerate(self._trusted):
            values = [t["device_id"], t["fingerprint"], local_time(t["trusted_at"]),
                      tr(TRUST_HOW.get(t["how"], t["how"]))]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(t["device_id"] if j == 0 else value)
                self.trusted.setItem(i, j, item)
        _fit_columns(self.trusted)
        self.buttons["removeTrustButton"].setEnabled(bool(self._trusted))

    def remove_trust_selected(self) -> None:
        rows = self.trusted.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._trusted):
            return
        t = self._trusted[rows[0].row()]
        box = QMessageBox(QMessageBox.Icon.Question, tr("Remove trusted desk"), tr(
            "Stop trusting desk {0} (key fingerprint {1})? Its bundles and receipts are then "
            "refused until its fingerprint is confirmed again.").format(
                t["device_id"], t["fingerprint"]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.exec()
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
            return

        def done(_: Any) -> None:
            self._done_text(tr("Desk {0} is no longer trusted.").format(t["device_id"]))

        self.ctx.run(lambda h: trust.untrust(self.ctx.store, t["fingerprint"]),
                     on_done=done, on_error=self._error)

    def _fill_rejected(self) -> None:
        store = self.ctx.store
        self._rows = outbox.quarantined(store)
        self.rejected.setRowCount(len(self._rows))
        for i, q in enumerate(self._rows):
            row = store.get(q["kind"], q["record_id"]) or {}
            values = [tr(KIND_NAMES.get(q["kind"], q["kind"])), _label(row, q["record_id"]),
                      problem_text(q["code"]), q["message"]]
            tips = [q["record_id"], q["record_id"], q["code"], q["message"]]
            for j, (value, tip) in enumerate(zip(values, tips, strict=True)):
                item = QTableWidgetItem(value)
                item.setToolTip(tip)
                self.rejected.setItem(i, j, item)
        _fit_columns(self.rejected)
        count = len(self._rows)
        self.tabs.setTabText(REJECTED_TAB, tr("Rejected records ({0})").format(count)
                             if count else tr("Rejected records"))
        for name in ("editButton", "sendAgainButton", "discardButton"):
            self.buttons[name].setEnabled(bool(self._rows))

    def _fill_held(self) -> None:
        """Updates from the portal that clash with this desk's data (`engine.held_records`):
        they need a fix here, e.g. a duplicate certificate number, and are applied by
        themselves at the next sync once it is fixed. The reason is said in words; the
        database's own message is the tooltip."""
        self._held = sync_engine.held_records(self.ctx.store)
        self.held.setRowCount(len(self._held))
        for i, h in enumerate(self._held):
            values = [tr(KIND_NAMES.get(h["kind"], h["kind"])), _label(h["data"], h["id"]),
                      held_text(h)]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(h["error"] if j == 2 else h["id"])
                self.held.setItem(i, j, item)
        _fit_columns(self.held)
        count = len(self._held)
        self.tabs.setTabText(HELD_TAB, tr("Portal updates not applied ({0})").format(count)
                             if count else tr("Portal updates not applied"))

    def _fill_history(self) -> None:
        runs = sync_engine.history(self.ctx.store, 100)
        self.history.setRowCount(len(runs))
        for i, run in enumerate(runs):
            self.history.setItem(i, 0, QTableWidgetItem(local_time(run["started_at"])))
            self.history.setItem(i, 1, QTableWidgetItem(describe_run(run)))
        self.history.resizeColumnToContents(0)
        self.history.resizeRowsToContents()

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

    # -- rejected records -------------------------------------------------------------------
    def _selected(self) -> dict[str, Any] | None:
        row = self.rejected.currentRow()
        if row < 0 and self._rows:
            row = 0
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def send_again_selected(self) -> None:
        """Queue the selected rejected record's current version again, unchanged (after its
        problem was solved elsewhere, e.g. the missing photo is back): a new version that
        leaves quarantine and goes out at the next sync."""
        q = self._selected()
        if q is None:
            return
        name = self.rejected.item(self._rows.index(q), 1).text()

        def done(_: Any) -> None:
            self._done_text(tr("“{0}” will be sent again at the next sync.").format(name))
            self.ctx.notify(q["kind"])

        self.ctx.run(lambda h: outbox.send_again(self.ctx.store, q["kind"], q["record_id"]),
                     on_done=done, on_error=self._error)

    def fix_selected(self) -> None:
        q = self._selected()
        if q is None:
            return
        record = self.ctx.store.record(q["kind"], q["record_id"])
        dialog = FixDialog(self, q["kind"], record, q["message"])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            changes = dialog.changes()
        except ValueError as exc:
            QMessageBox.warning(self, tr("Fix rejected record"), str(exc))
            return
        if not changes:
            return
        self.ctx.run(lambda h: self.ctx.store.update(q["kind"], q["record_id"], changes),
                     on_done=lambda _: self._after_write(q["kind"]), on_error=self._error)

    def discard_selected(self) -> None:
        q = self._selected()
        if q is None:
            return
        answer = QMessageBox.question(
            self, tr("Discard record"),
            tr("Delete this record on this desk? The deletion is sent to the portal. "
               "This cannot be undone."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.run(lambda h: outbox.discard(self.ctx.store, q["kind"], q["record_id"]),
                     on_done=lambda _: self._after_write(q["kind"]), on_error=self._error)

    def _after_write(self, kind: str) -> None:
        self.ctx.notify(kind)
        self.refresh()

    # -- USB ---------------------------------------------------------------------------------
    def export_bundle(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Export bundle"), "karmayogi-desk.kdbundle", "*.kdbundle")
        if not name:
            return
        key, ok = QInputDialog.getText(
            self, tr("Export bundle"),
            tr("To encrypt, paste the receiving desk's bundle key (leave empty for none):"))
        if not ok:
            return
        self.ctx.run(
            lambda h: export_bundle(self.ctx.store, Path(name), recipient=key.strip() or None),
            on_done=lambda s: self._done_text(tr(
                "Bundle written: {0} record(s) in {1} batch(es) to {2}.").format(
                    s["records"], s["batches"], s["file"])),
            on_error=self._error)

    def import_bundle(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Import bundle"), "", "*.kdbundle")
        if not name:
            return
        self._import_bundle(Path(name), None)

    def _import_bundle(self, path: Path, fingerprint: str | None) -> None:
        def done(s: dict[str, Any]) -> None:
            if s["already_imported"]:
                self._done_text(tr("This bundle was already imported; nothing changed."))
            else:
                self._done_text(tr(
                    "Bundle imported: {0} record(s) updated here; {1} batch(es) will be "
                    "passed on to the portal.").format(s["applied"], s["relayed"]))
            self.ctx.notify("sync")

        def failed(exc: BaseException, trace: str = "") -> None:
            if not isinstance(exc, UntrustedBundleSigner) or exc.given is not None:
                self._error(exc, trace)
            elif TrustSignerDialog(self, exc).confirmed():
                self._import_bundle(path, exc.fingerprint)
            else:
                self._done_text(tr("Bundle not imported; nothing changed."))

        self.ctx.run(
            lambda h: import_bundle(self.ctx.store, path, trust_fingerprint=fingerprint),
            on_done=done, on_error=failed)

    def export_receipt(self) -> None:
        devices = relayed_devices(self.ctx.store)
        if not devices:
            self._done_text(tr("No bundles from other desks have been passed on yet."))
            return
        labels = [tr("Desk {0}: {1} of {2} batch(es) at the portal").format(
            d["device_id"], d["acked"], d["batches"]) for d in devices]
        choice, ok = QInputDialog.getItem(self, tr("Write receipt"), tr("For which desk?"),
                                          labels, 0, False)
        if not ok:
            return
        device = devices[labels.index(choice)]["device_id"]
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Write receipt"), f"receipt-{device[:8]}.kdreceipt", "*.kdreceipt")
        if not name:
            return
        self.ctx.run(lambda h: export_receipt(self.ctx.store, Path(name), device),
                     on_done=lambda s: self._done_text(tr("Receipt written for {0} batch(es).")
                                                       .format(s["acked"])),
                     on_error=self._error)

    def import_receipt(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Import receipt"), "", "*.kdreceipt")
        if not name:
            return
        self._import_receipt(Path(name), None)

    def _import_receipt(self, path: Path, fingerprint: str | None) -> None:
        def done(s: dict[str, Any]) -> None:
            self._done_text(
                tr("This receipt was already imported; nothing changed.")
                if s["already_imported"] else
                tr("{0} batch(es) confirmed as received by the portal.").format(s["acked"]))
            self.ctx.notify("sync")

        def failed(exc: BaseException, trace: str = "") -> None:
            if not isinstance(exc, trust.UntrustedSigner) or exc.given is not None:
                self._error(exc, trace)
            elif TrustSignerDialog(self, exc).confirmed():
                self._import_receipt(path, exc.fingerprint)
            else:
                self._done_text(tr("Receipt not imported; nothing changed."))

        self.ctx.run(
            lambda h: import_receipt(self.ctx.store, path, trust_fingerprint=fingerprint),
            on_done=done, on_error=failed)

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


__all__ = ["create_page", "SyncPage", "describe_run", "Qt"]
