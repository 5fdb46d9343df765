"""The Field visits page: the list and the form on one stack, and what it redraws when data or
the language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QStackedWidget,
    QWidget,
)

from desktop.ui.context import AppContext
from desktop.ui.field_visits.visit_form import VisitForm
from desktop.ui.field_visits.visit_list import VisitList


class FieldVisitsPage(QStackedWidget):
    """List and form on one page: opening a visit shows the form, Back shows the list."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("fieldVisitsPage")
        self.list = VisitList(ctx, self)
        self.form = VisitForm(ctx, self)
        self.addWidget(self.list)
        self.addWidget(self.form)
        self.list.open_visit.connect(self.show_visit)
        self.form.closed.connect(self.show_list)
        self.form.saved.connect(lambda vid: self.list.reload())
        ctx.changed.connect(self._changed)

    def show_visit(self, visit_id: str | None) -> None:
        self.form._fill_choices()
        self.form.load(visit_id)
        self.setCurrentWidget(self.form)

    def show_list(self) -> None:
        self.list.reload()
        if self.form.visit_id:
            self.list.select_visit(self.form.visit_id)
        self.setCurrentWidget(self.list)

    def _changed(self, kind: str) -> None:
        if (
            kind in ("field_visit", "participant", "sync", "all")
            and self.currentWidget() is self.list
        ):
            self.list.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        # Texts built in code (district names, counts) follow the language; redraw them the
        # next time the page is shown rather than touching the database from an event.
        if event.type() == QEvent.Type.LanguageChange:
            self._stale = True
            if self.isVisible():
                QTimer.singleShot(0, self._redraw_if_stale)
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._redraw_if_stale()
        super().showEvent(event)

    def _redraw_if_stale(self) -> None:
        if getattr(self, "_stale", False) and self.isVisible():
            self._stale = False
            self.list.reload()


def create_page(ctx: AppContext) -> QWidget:
    return FieldVisitsPage(ctx)
