"""The Sync page's "Differences with the portal" tab and the line said after "Check with
portal" (`SyncEngine.reconcile`): what still differs after the records were sent again, each
record with this desk's version and the portal's, so a difference is seen, not looped over.
Same translation context ("SyncPage") and Hindi file (`sync_hi.ts`) as the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.sync.words import KIND_NAMES

CONTEXT = "SyncPage"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _when(stamp: str | None) -> str:
    """A version stamp as local time to the second (two versions often share a minute)."""
    moment = QDateTime.fromString(stamp or "", Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        return stamp or ""
    return QLocale().toString(moment.toLocalTime(), "d MMM yyyy, HH:mm:ss")


def _version(version: dict[str, Any] | None, device_id: str) -> str:
    if not version:
        return tr("unknown")
    if version.get("origin") == device_id:
        return tr("{0}, made on this desk").format(_when(version.get("updated_at")))
    return tr("{0}, made by {1}").format(_when(version.get("updated_at")),
                                         str(version.get("origin"))[:13])


def describe_reconcile(report: dict[str, Any]) -> str:
    """The outcome of "Check with portal" in one line, in the current language."""
    requeued = report.get("requeued", 0)
    if report["equal"]:
        if not requeued:
            return tr("The portal holds exactly what this desk sent.")
        return tr("{0} record(s) were sent again; checked again, the portal now holds exactly "
                  "what this desk has.").format(requeued)
    if report.get("after") is None:
        return tr("{0} record(s) were queued again, but not all could be sent, so nothing was "
                  "checked again. Sync, then check with the portal again.").format(requeued)
    if report.get("remaining"):
        return tr("Desk and portal still differ after sending again: {0} record(s), listed "
                  "under “Differences with the portal”.").format(len(report["remaining"]))
    kinds = [tr(KIND_NAMES.get(k, k)) for k, e in report["after"].items() if not e["equal"]]
    return tr("Desk and portal still differ after sending again ({0}), but no single record "
              "could be named: the portal may hold records from this desk that it does not "
              "have.").format(", ".join(kinds))


class DifferencesTab(QWidget):
    """The records that still differ after the last check with the portal (this session)."""

    def __init__(self, device_id: str, name_of: Callable[[str, str], str]) -> None:
        """`name_of(kind, id)`: how the page names a record (its name, title or number)."""
        super().__init__()
        self.device_id = device_id
        self.name_of = name_of
        self.report: dict[str, Any] | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.retranslate()

    def count(self) -> int:
        return len((self.report or {}).get("remaining") or [])

    def title(self) -> str:
        n = self.count()
        return (tr("Differences with the portal ({0})").format(n) if n
                else tr("Differences with the portal"))

    def show_report(self, report: dict[str, Any]) -> None:
        self.report = report
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [tr("Record"), tr("Name / details"), tr("This desk's version"),
             tr("What the portal holds")])
        report = self.report
        if report is None:
            self.summary.setText(tr("Not checked yet: “Check with portal” compares this desk "
                                    "with the portal and lists here what still differs."))
        elif report.get("remaining"):
            self.summary.setText(tr(
                "Sent again and checked: the portal still holds another version of these "
                "records, or refused this desk's. Sending again cannot change that. Edit the "
                "record here to send a new version, or ask the portal's administrator which "
                "version is right."))
        else:
            self.summary.setText(describe_reconcile(report))
        rows = (report or {}).get("remaining") or []
        self.table.setRowCount(len(rows))
        for i, d in enumerate(rows):
            if d["problem"] == "rejected":
                held = tr("refused this desk's version: {0}").format(d.get("message") or "")
            else:
                held = tr("another version: {0}").format(_version(d["portal"], self.device_id))
            values = [tr(KIND_NAMES.get(d["kind"], d["kind"])), self.name_of(d["kind"], d["id"]),
                      _version(d["desk"], self.device_id), held]
            tips = [d["kind"], d["id"], str((d["desk"] or {}).get("updated_at") or ""),
                    str((d["portal"] or {}).get("updated_at") or d.get("message") or "")]
            for j, (value, tip) in enumerate(zip(values, tips, strict=True)):
                item = QTableWidgetItem(value)
                item.setToolTip(tip)
                self.table.setItem(i, j, item)
        for column in range(3):
            self.table.resizeColumnToContents(column)
