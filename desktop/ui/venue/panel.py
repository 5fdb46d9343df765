"""The Venue panel: host / join / leave, the joining code and its QR, the venue's desks with
their last contact, and what is waiting. A thin face over `VenueController`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_datetime
from desktop.core.venue import code as codes
from desktop.core.venue.client import HubRefused, HubUnreachable, NotJoined
from desktop.core.venue.tls import PinMismatch, short
from desktop.ui.context import AppContext
from desktop.ui.said import say
from desktop.ui.table_export import add_export
from desktop.ui.uiload import PAGE_MARGINS
from desktop.ui.venue.controller import VenueController

CONTEXT = "VenuePanel"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class VenuePanel(QWidget):
    def __init__(self, ctx: AppContext, controller: VenueController | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.controller = controller or VenueController.for_context(ctx)
        self.status: dict[str, Any] = dict(self.controller.status)
        self.last_problem = ""
        self._qr_for = ""
        self.setObjectName("venuePanel")

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.role = QLabel()
        self.role.setObjectName("venueRole")
        self.role.setWordWrap(True)

        self.host_button = QPushButton()
        self.host_button.setObjectName("venueHost")
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("venueStop")
        self.leave_button = QPushButton()
        self.leave_button.setObjectName("venueLeave")
        buttons = QHBoxLayout()
        for b in (self.host_button, self.stop_button, self.leave_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        # hosting: the code and its QR
        self.code_box = QGroupBox()
        self.qr = QLabel()
        self.qr.setObjectName("venueQr")
        self.qr.setFixedSize(240, 240)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_text = QLineEdit()
        self.code_text.setObjectName("venueCode")
        self.code_text.setReadOnly(True)
        self.code_hint = QLabel()
        self.code_hint.setWordWrap(True)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("venueFingerprint")
        code_side = QVBoxLayout()
        code_side.addWidget(self.code_text)
        code_side.addWidget(self.fingerprint)
        code_side.addWidget(self.code_hint)
        code_side.addStretch(1)
        code_layout = QHBoxLayout(self.code_box)
        code_layout.addWidget(self.qr)
        code_layout.addLayout(code_side, 1)

        # not in a venue: join with a code
        self.join_box = QGroupBox()
        self.join_label = QLabel()
        self.join_label.setWordWrap(True)
        self.join_input = QLineEdit()
        self.join_input.setObjectName("venueJoinCode")
        self.join_button = QPushButton()
        self.join_button.setObjectName("venueJoin")
        join_layout = QGridLayout(self.join_box)
        join_layout.addWidget(self.join_label, 0, 0, 1, 2)
        join_layout.addWidget(self.join_input, 1, 0)
        join_layout.addWidget(self.join_button, 1, 1)

        self.desks = QTableWidget(0, 3)
        self.desks.setObjectName("venueDesks")
        self.desks.verticalHeader().hide()
        self.desks.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.desks.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        add_export(self.desks, ctx, "Desks at this venue")
        self.waiting = QLabel()
        self.waiting.setObjectName("venueWaiting")
        self.waiting.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("venueMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a33;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        for w in (self.title, self.intro, self.role):
            layout.addWidget(w)
        layout.addLayout(buttons)
        layout.addWidget(self.code_box)
        layout.addWidget(self.join_box)
        layout.addWidget(self.desks, 1)
        layout.addWidget(self.waiting)
        layout.addWidget(self.message)

        self.host_button.clicked.connect(self.host)
        self.stop_button.clicked.connect(self.controller.stop_hosting)
        self.leave_button.clicked.connect(self.controller.leave)
        self.join_button.clicked.connect(self.join)
        self.join_input.returnPressed.connect(self.join)
        self.controller.changed.connect(self.show_status)
        self.controller.problem.connect(self.show_problem)
        self.retranslate()
        self.controller.tick(True)

    # -- actions ------------------------------------------------------------------------------
    def host(self) -> None:
        self.show_problem("")
        self.controller.host()

    def join(self) -> None:
        text = self.join_input.text().strip()
        try:
            codes.parse(text)
        except codes.BadCode as exc:
            self.show_problem(exc)
            return
        self.show_problem("")
        self.controller.join(text)

    # -- showing ------------------------------------------------------------------------------
    def show_problem(self, problem: BaseException | str | None) -> None:
        text = describe(problem) if isinstance(problem, BaseException) else (problem or "")
        self.last_problem = text
        self.message.setText(text)

    def show_status(self, status: dict[str, Any]) -> None:
        self.status = dict(status)
        self.retranslate()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        self.controller.watched = True
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        self.controller.watched = False
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        s = self.status
        role = s.get("role", "none")
        self.title.setText(tr("Venue"))
        self.intro.setText(tr(
            "Several desks at one venue share marks and walk-ins over the local network, "
            "without internet. One desk hosts; the others join with its code."))
        if role == "host":
            self.role.setText(tr("This desk hosts the venue at {0}.").format(
                (s.get("hosting") or {}).get("url", "")))
        elif role == "joined":
            when = format_datetime(s.get("last_contact")) or tr("not yet")
            self.role.setText(tr("This desk is in the venue at {0}. Last contact: {1}.").format(
                (s.get("joined") or {}).get("url", ""), when))
        else:
            self.role.setText(tr("This desk is not in a venue."))
        self.host_button.setText(tr("Host a venue"))
        self.stop_button.setText(tr("Stop hosting"))
        self.leave_button.setText(tr("Leave the venue"))
        self.host_button.setVisible(role == "none")
        self.stop_button.setVisible(role == "host")
        self.leave_button.setVisible(role == "joined")
        self.code_box.setTitle(tr("Joining code"))
        self.code_box.setVisible(role == "host" and bool(s.get("code")))
        self.code_hint.setText(tr(
            "Scan the QR code or type the code at the joining desk. A code works once: a new "
            "one appears here after each desk joins."))
        code = str(s.get("code") or "")
        self.code_text.setText(code)
        self.fingerprint.setText(tr("Certificate: {0}").format(short(s.get("fingerprint") or ""))
                                 if s.get("fingerprint") else "")
        if code and code != self._qr_for:
            pixmap = QPixmap()
            pixmap.loadFromData(codes.qr_png(codes.parse(code), scale=5))
            self.qr.setPixmap(pixmap.scaled(230, 230, Qt.AspectRatioMode.KeepAspectRatio))
            self._qr_for = code
        self.join_box.setTitle(tr("Join a venue"))
        self.join_box.setVisible(role == "none")
        self.join_label.setText(tr("Scan or type the code shown at the host desk:"))
        self.join_input.setPlaceholderText("kdv1/…")
        self.join_button.setText(tr("Join"))
        self._fill_desks(s.get("desks") or [])
        self.waiting.setText(tr(
            "Waiting to go to the hub: {0} · At the hub, waiting for the portal: {1} · "
            "Held here for the portal from other desks: {2} · Not applied here: {3}").format(
            s.get("waiting_for_hub", 0), s.get("waiting_for_portal_via_hub", 0),
            s.get("relay_records", 0), s.get("held", 0)))

    def _fill_desks(self, desks: list[dict[str, Any]]) -> None:
        self.desks.setHorizontalHeaderLabels([tr("Desk"), tr("Role"), tr("Last contact")])
        shown = [d for d in desks if not d.get("left_at")]
        self.desks.setRowCount(len(shown))
        for row, d in enumerate(shown):
            cells = (
                tr("Desk {0}").format(d.get("desk_number") or "?"),
                tr("Hub") if d.get("hub") else tr("Joined desk"),
                format_datetime(d.get("last_contact")) or "—",
            )
            for col, text in enumerate(cells):
                self.desks.setItem(row, col, QTableWidgetItem(text))


_REFUSALS = {
    "bad_secret": QT_TRANSLATE_NOOP(
        "VenuePanel", "This joining code is wrong or was used already. Ask the host desk for "
        "the code it shows now."),
    "other_institute": QT_TRANSLATE_NOOP(
        "VenuePanel", "The venue belongs to another institute: this desk cannot join it."),
    "desk_number_taken": QT_TRANSLATE_NOOP(
        "VenuePanel", "A laptop with this desk number is already in the venue. Give this "
        "laptop another desk number in the centre's set-up, then join again."),
}


def describe(exc: BaseException) -> str:
    """A venue problem in the user's language; the core's English words for the rest."""
    if isinstance(exc, codes.BadCode):
        return tr("This is not a joining code: {0}").format(say(exc))
    if isinstance(exc, PinMismatch):
        return tr("This is not the hub of the venue: its certificate is different from the "
                  "one the code names (or the one this desk joined). Nothing was sent.")
    if isinstance(exc, HubUnreachable):
        return tr("The hub cannot be reached. This desk keeps marking and catches up when the "
                  "hub is back.")
    if isinstance(exc, NotJoined):
        return tr("The hub no longer knows this desk. Leave the venue and join again.")
    if isinstance(exc, HubRefused) and isinstance(exc.body, dict):
        refusal = _REFUSALS.get(str(exc.body.get("error")))
        if refusal:
            return tr(refusal)
    return say(exc)


def create_page(ctx: AppContext) -> QWidget:
    return VenuePanel(ctx)
