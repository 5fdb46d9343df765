"""The attendance detail dialog: a person's audit trail of marks in one workshop (opened
from the desk with F3 and from the Workshops page's participants)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import attendance, people
from desktop.core.dates import format_date, format_datetime
from desktop.protocol.ids import parse_ts
from desktop.store import Store
from desktop.ui.clock_notice import history_text
from desktop.ui.i18n import translate_buttons


def _local_hhmm(stamp: str | None) -> str:
    return parse_ts(stamp).astimezone().strftime("%H:%M") if stamp else ""


class AttendanceDetail(QDialog):
    """Every change of a person's marks in one workshop, newest first: when it was
    recorded, the session, what was done, the status before and after, the time of the
    mark, the method, who and at which desk (the audit trail of the issue's §5)."""

    def __init__(
        self, store: Store, participant_id: str, workshop_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        person = people.by_id(store, participant_id) or {"name_en": participant_id}
        self.setWindowTitle(self.tr("Attendance detail — {name}").format(name=people.label(person)))
        self.resize(1000, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(people.label(person)))
        rows = attendance.history_for(store, participant_id, workshop_id)
        headers = [
            self.tr("Recorded"),
            self.tr("Session"),
            self.tr("Action"),
            self.tr("Status"),
            self.tr("Before"),
            self.tr("Mark time"),
            self.tr("Method"),
            self.tr("By"),
            self.tr("Desk"),
        ]
        actions = {
            "mark": self.tr("marked"),
            "change": self.tr("changed"),
            "undo": self.tr("undone"),
            "bulk": self.tr("rest marked absent"),
            "received": self.tr("received by sync"),
        }
        statuses = {
            "present": self.tr("present"),
            "late": self.tr("late"),
            "excused": self.tr("excused"),
            "absent": self.tr("absent"),
        }
        methods = {
            "scan": self.tr("scan"),
            "search": self.tr("search"),
            "bulk": self.tr("bulk"),
            "import": self.tr("import"),
        }
        hindi = QLocale().language() == QLocale.Language.Hindi
        self.table = QTableWidget(len(rows), len(headers), self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for r, row in enumerate(rows):
            recorded = format_datetime(row["recorded_at"])
            topic = (row["topic_hi"] if hindi else row["topic_en"]) or row["topic_en"] or ""
            values = [
                recorded,
                f"{format_date(row['date'])} {row['start_time'] or ''}  {topic}".strip(),
                actions.get(row["action"], row["action"]),
                statuses.get(row["status"] or "", row["status"] or "—"),
                statuses.get(row["previous_status"] or "", row["previous_status"] or "—"),
                _local_hhmm(row["marked_at"]),
                methods.get(row["method"] or "", row["method"] or ""),
                row["marked_by"] or "",
                row["desk"] or (row["device_id"] or "")[:8],
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setToolTip(str(value))
                self.table.setItem(r, c, item)
            if row.get("clock_note"):  # marked while this laptop's clock was known wrong
                flagged = self.table.item(r, 0)
                flagged.setText("⚠ " + flagged.text())
                flagged.setToolTip(history_text(row["clock_note"]))
        header = self.table.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == 1
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        translate_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
