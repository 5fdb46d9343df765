"""A workshop's iGOT panel: the link, what is still missing per session and per person,
the counts (forwarded, waiting, refused, skipped, needs action on iGOT), the lists with
reasons, and Forward to iGOT, which runs in the background with its own database
connection so the window never waits for the network."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date
from desktop.core.igot import settings as igot_settings
from desktop.core.igot.status import workshop_view
from desktop.ui.context import AppContext
from desktop.ui.i18n import current_language
from desktop.ui.igot.auto import forward_task
from desktop.ui.igot.words import reason_text, status_text, tr
from desktop.ui.said import say
from desktop.ui.table_export import add_export


def _name(row: dict[str, Any], key: str) -> str:
    hi = row.get(f"{key}_hi")
    return hi if current_language() == "hi" and hi else (row.get(f"{key}_en") or "")


def _session_label(row: dict[str, Any]) -> str:
    when = " ".join(x for x in (format_date(row.get("date")), row.get("start_time")) if x)
    return f"{when} {_name(row, 'topic')}".strip()


class IgotPanel(QWidget):
    def __init__(self, context: AppContext, workshop_id: str | None,
                 parent: QWidget | None = None) -> None:
        """`workshop_id` None: every workshop linked to iGOT (for the Sync area)."""
        super().__init__(parent)
        self.context = context
        self.workshop_id = workshop_id
        self.view: dict[str, Any] | None = None
        self.last_message = ""
        self._message_source: tuple[str, tuple[str, ...]] | None = None
        self.setObjectName("igotPanel")
        self.title = QLabel()
        self.title.setObjectName("igotTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.link = QLabel()
        self.link.setObjectName("igotLink")
        self.link.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("igotCounts")
        self.counts.setWordWrap(True)
        self.tabs = QTabWidget()
        self.missing_table = self._table("igotMissing")
        self.refused_table = self._table("igotRefused")
        self.action_table = self._table("igotNeedsAction")
        for table, name in ((self.missing_table, "iGOT - still missing"),
                            (self.refused_table, "iGOT - refused"),
                            (self.action_table, "iGOT - needs action")):
            self.tabs.addTab(table, "")
            add_export(table, context, name)
        self.progress = QProgressBar()
        self.progress.setObjectName("igotProgress")
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("igotMessage")
        self.message.setWordWrap(True)
        self.forward_button = QPushButton()
        self.forward_button.setObjectName("igotForward")
        self.settings_button = QPushButton()
        self.settings_button.setObjectName("igotSettings")
        self.link_button = QPushButton()  # a workshop's own panel: link it to its iGOT batch
        self.link_button.setObjectName("igotLinkButton")
        self.link_button.setVisible(workshop_id is not None)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.forward_button)
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for w in (self.title, self.link, self.counts, self.tabs, self.progress, self.message):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self.forward_button.clicked.connect(self.forward)
        self.settings_button.clicked.connect(self.open_settings)
        self.link_button.clicked.connect(self.open_link)
        context.changed.connect(self._changed)
        self.retranslate()
        self.refresh()

    @staticmethod
    def _table(name: str) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setObjectName(name)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        # The panel sits in the Workshops page's narrow detail half too: the columns share
        # the width (long texts are elided, whole in the tooltip), never a sideways scroll.
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return table

    # -- language ---------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._render()
            if self._message_source is not None:
                source, args = self._message_source
                self._say(source, *args)
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(tr("iGOT Karmayogi"))
        self.tabs.setTabText(0, tr("Missing for forwarding"))
        self.tabs.setTabText(1, tr("Refused by iGOT"))
        self.tabs.setTabText(2, tr("Needs action on iGOT"))
        self.missing_table.setHorizontalHeaderLabels([tr("What"), tr("Who or which session"),
                                                      tr("Missing")])
        self.refused_table.setHorizontalHeaderLabels([tr("Person"), tr("Session"), tr("Reason")])
        self.action_table.setHorizontalHeaderLabels([tr("Person"), tr("Session"),
                                                     tr("What to do")])
        self.forward_button.setText(tr("Forward to iGOT"))
        self.settings_button.setText(tr("iGOT settings…"))
        self.link_button.setText(tr("Link to iGOT…"))

    def set_workshop(self, workshop_id: str | None) -> None:
        """Show another workshop (the Workshops page follows its selection)."""
        if workshop_id == self.workshop_id:
            return
        self.workshop_id = workshop_id
        self.link_button.setVisible(workshop_id is not None)
        self.refresh()

    def open_link(self) -> None:
        from desktop.ui.igot.link_dialog import IgotLinkDialog

        if self.workshop_id is not None:
            IgotLinkDialog(self.context, self.workshop_id, self).exec()

    # -- data -------------------------------------------------------------------------------
    def _changed(self, kind: str) -> None:
        if kind in {"igot", "attendance", "participant", "session", "workshop", "enrolment"}:
            self.refresh()

    def refresh(self) -> None:
        def done(view: dict[str, Any]) -> None:
            self.view = view
            self._render()

        self.context.run(lambda _h: workshop_view(self.context.store, self.workshop_id), done)

    def _render(self) -> None:
        view = self.view
        if view is None:
            return
        if view["linked_workshops"] is not None:
            self.link.setText(tr("Workshops linked to iGOT: {0}").replace(
                "{0}", str(view["linked_workshops"])))
        elif view["batch_id"] and view["course_id"]:
            self.link.setText(tr("Linked to iGOT course {0}, batch {1}.")
                              .replace("{0}", view["course_id"]).replace("{1}", view["batch_id"]))
        else:
            self.link.setText(tr("Not linked to an iGOT batch yet: enter the course id and "
                                 "batch id of the iGOT blended programme in the workshop."))
        c = view["counts"]
        self.counts.setText(
            tr("Forwarded: {0}  ·  Waiting: {1}  ·  Refused: {2}  ·  Skipped: {3}  ·  "
               "Needs action on iGOT: {4}")
            .replace("{0}", str(c["forwarded"])).replace("{1}", str(c["waiting"]))
            .replace("{2}", str(c["refused"])).replace("{3}", str(c["skipped"]))
            .replace("{4}", str(c["needs_action"])))
        missing = [(tr("Session"), _session_label(s), tr("iGOT session id"))
                   for s in view["sessions_without_id"]]
        missing += [(tr("Person"), _name(p, "name") + (f" ({p['employee_code']})"
                                                        if p.get("employee_code") else ""),
                     tr("iGOT user id")) for p in view["participants_without_id"]]
        self._fill(self.missing_table, missing)
        self._fill(self.refused_table, [
            (_name(r, "name"), _session_label(r), reason_text(r["reason"]))
            for r in view["rejected"]])
        self._fill(self.action_table, [
            (_name(r, "name"), _session_label(r),
             tr("Forwarded as attended, {0}: correct it on iGOT by hand.")
             .replace("{0}", status_text(r["status"]))) for r in view["needs_action"]])
        self.forward_button.setEnabled(bool(view["batch_id"] or view["linked_workshops"]))

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, str, str]]) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)  # whole, where the column elides it
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(r, col, item)
        table.resizeColumnToContents(1)

    # -- actions ----------------------------------------------------------------------------
    def open_settings(self) -> None:
        from desktop.ui.igot.settings_dialog import IgotSettingsDialog

        dialog = IgotSettingsDialog(self.context, self.workshop_id, self)
        dialog.open()
        self._dialog = dialog

    def forward(self) -> None:
        conf = igot_settings.load(self.context.store)
        if conf is None:
            self.open_settings()
            return
        task, kind = forward_task(self.context.store, conf, self.workshop_id)
        self.forward_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._say(QT_TRANSLATE_NOOP("IgotPanel", "Forwarding to iGOT…"))

        def progress(done: int, total: int, _text: str) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

        def done(result: Any) -> None:
            self.progress.hide()
            self.forward_button.setEnabled(True)
            if result.auth_failed:
                self._say(QT_TRANSLATE_NOOP(
                    "IgotPanel", "iGOT refused the coordinator's access token. Nothing more "
                    "was sent: enter a new token in the iGOT settings."))
            elif result.stopped:
                self._say(QT_TRANSLATE_NOOP(
                    "IgotPanel", "No connection to iGOT: {0} marks wait for the next try."),
                    str(result.pending))
            else:
                self._say(QT_TRANSLATE_NOOP(
                    "IgotPanel", "Forwarded {0} marks to iGOT; {1} refused, {2} skipped."),
                    str(result.forwarded), str(len(result.rejected)), str(len(result.skipped)))

        def failed(exc: BaseException, _trace: str) -> None:
            self.progress.hide()
            self.forward_button.setEnabled(True)
            self._say(QT_TRANSLATE_NOOP("IgotPanel", "Forwarding stopped: {0}"), say(exc))

        self.context.run(task, done, failed, progress, kind=kind, changes=("igot",))

    def _say(self, source: str, *args: str) -> None:
        """Show a message, kept as its English source so a language switch redraws it."""
        self._message_source = (source, args)
        text = tr(source)
        for n, value in enumerate(args):
            text = text.replace(f"{{{n}}}", value)
        self.last_message = text
        self.message.setText(text)
