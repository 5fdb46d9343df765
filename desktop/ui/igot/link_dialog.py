"""Link a workshop to its iGOT blended-programme batch from the GUI: the course id (`do_…`),
the batch id, and each session's iGOT session (content) id — what `workshop link` does on the
command line, through the same core function (core.igot.linking.link_workshop)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date
from desktop.core.igot.linking import link_workshop
from desktop.core.workshops import find_workshop, sessions_of
from desktop.ui.context import AppContext
from desktop.ui.i18n import current_language, translate_buttons
from desktop.ui.igot.words import tr
from desktop.ui.said import say

#: the editable column of the sessions table
IGOT_COLUMN = 3


class IgotLinkDialog(QDialog):
    """Course and batch ids of the workshop and the sessions' iGOT ids; Save writes them in
    one transaction, or says in words what is wrong and keeps the dialog open."""

    def __init__(self, ctx: AppContext, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.workshop_id = ctx, workshop_id
        self.setObjectName("igotLinkDialog")
        self.setWindowTitle(tr("Link to iGOT"))
        workshop = find_workshop(ctx.store, workshop_id)
        self.sessions: list[dict[str, Any]] = sessions_of(ctx.store, workshop_id)
        self.course = QLineEdit(workshop.get("igot_course_id") or "")
        self.course.setObjectName("igotCourseEdit")
        self.course.setPlaceholderText("do_…")
        self.batch = QLineEdit(workshop.get("igot_batch_id") or "")
        self.batch.setObjectName("igotBatchEdit")
        form = QFormLayout()
        form.addRow(tr("iGOT course id"), self.course)
        form.addRow(tr("iGOT batch id"), self.batch)
        self.table = QTableWidget(len(self.sessions), 4)
        self.table.setObjectName("igotSessionTable")
        self.table.verticalHeader().hide()
        self.table.setHorizontalHeaderLabels(
            [tr("Date"), tr("Time"), tr("Topic"), tr("iGOT session id")]
        )
        for row, session in enumerate(self.sessions):
            first, second = ("topic_hi", "topic_en") if current_language() == "hi" else (
                "topic_en", "topic_hi")
            topic = session.get(first) or session.get(second) or ""
            values = [format_date(session["date"]),
                      f"{session['start_time']}–{session['end_time']}", topic,
                      session.get("igot_session_id") or ""]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column != IGOT_COLUMN:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.error = QLabel()
        self.error.setObjectName("igotLinkError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        translate_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Each session's iGOT session id (content id, do_…):")))
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def session_links(self) -> dict[str, str]:
        """Session id → the iGOT id typed for it (blank rows left out)."""
        links = {}
        for row, session in enumerate(self.sessions):
            text = (self.table.item(row, IGOT_COLUMN).text() or "").strip()
            if text:
                links[session["id"]] = text
        return links

    def save(self) -> None:
        course, batch, links = self.course.text(), self.batch.text(), self.session_links()

        def done(_result: Any) -> None:
            self.ctx.notify("igot")
            self.accept()

        def failed(exc: BaseException, _trace: str | None = None) -> None:
            # a LinkError names the field and what an iGOT id looks like; nothing was written
            self.error.setText(tr("Not linked: {0}").replace("{0}", say(exc)))
            self.error.show()

        self.ctx.run(
            lambda _h: link_workshop(self.ctx.store, self.workshop_id, course, batch, links),
            done, failed,
        )
