"""The Audit view (who did what on this desk) and the backup passphrase dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.core.users import Permission, allowed
from desktop.ui.context import AppContext


def tr(text: str) -> str:
    return QCoreApplication.translate("AuditView", text)


def install_menu(window: QMainWindow, ctx: AppContext) -> QAction:
    """File ▸ Audit log…, before the backup actions (the one call from the main window)."""
    menu = window.findChild(QMenu, "menuFile")
    action = QAction(tr("Audit log…"), window)
    action.setObjectName("actionAudit")
    # coordinator and admin only: desktop/ui/users/visibility.py hides it for other roles
    action.setVisible(allowed(ctx.store, Permission.VIEW_AUDIT))

    def open_view() -> None:
        from desktop.ui.audit.view import AuditView

        AuditView(ctx.store, window).exec()

    action.triggered.connect(open_view)
    window.installEventFilter(_Retranslator(action, window))
    first = menu.actions()[0] if menu is not None and menu.actions() else None
    if menu is not None:
        menu.insertAction(first, action)
        menu.insertSeparator(first)
    return action


class _Retranslator(QObject):
    """Renames the action when the window's language changes (the window's own
    retranslation knows only its own actions)."""

    def __init__(self, action: QAction, parent: QObject) -> None:
        super().__init__(parent)
        self.action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.action.setText(tr("Audit log…"))
        return False
