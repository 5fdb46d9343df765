"""The desk session in the main window: who is signed in (a button in the status bar with
Switch user, Lock and Users), the lock on Ctrl+L and after the idle minutes, and the role's
view of the window (desktop/ui/users/visibility.py).

A desk with one user (or none) never asks: no sign-in, no lock. With several users the GUI
asks at start; locking signs the user out and hides the window's contents until someone
signs in again."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QToolButton

from desktop.core.users import (
    NotSignedIn,
    Permission,
    acting_user,
    allowed,
    has_users,
    needs_sign_in,
    sign_out,
)
from desktop.core.users.desk_lock import lock_minutes
from desktop.ui.users.sign_in import LOCK, START, SWITCH, SignInDialog
from desktop.ui.users.texts import role_name, tr
from desktop.ui.users.visibility import apply_to_page, apply_to_window

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def run_dialog(dialog) -> object:
    """Show a users dialog modally (replaced in tests, which press its buttons themselves)."""
    return dialog.exec()


class DeskSession(QObject):
    def __init__(self, window, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window, self.ctx = window, window.ctx
        self.clock = clock
        self.last_input = clock()
        self.locked = False
        self.locked_by: str | None = None  # who was signed in when the desk locked
        self.button = QToolButton()
        self.button.setObjectName("userButton")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.switch_action = QAction(self.menu)
        self.switch_action.setObjectName("switchUserAction")
        self.lock_action = QAction(self.menu)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        # anywhere in the application, a dialog in front included (the Win+L habit)
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.users_action = QAction(self.menu)
        self.users_action.setObjectName("usersAction")
        for action in (self.switch_action, self.lock_action, self.users_action):
            self.menu.addAction(action)
        window.addAction(self.lock_action)  # Ctrl+L anywhere in the window
        self.button.setMenu(self.menu)
        self.switch_action.triggered.connect(self.switch)
        self.lock_action.triggered.connect(self.lock)
        self.users_action.triggered.connect(self.manage)
        window.stack.currentChanged.connect(self._page_shown)
        window.add_status_widget(self.button)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(5000)
        self.timer.timeout.connect(self.check_idle)
        self.timer.start()
        self.retranslate()

    @classmethod
    def install(cls, window) -> DeskSession:
        session = cls(window)
        window.desk_session = session
        return session

    # -- texts and the role's view ----------------------------------------------------------
    def retranslate(self) -> None:
        self.switch_action.setText(tr("Switch user…"))
        self.lock_action.setText(tr("Lock the desk"))
        self.users_action.setText(tr("Users…"))
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind in _INPUT:
            self.last_input = self.clock()
        elif kind == QEvent.Type.LanguageChange and watched is self.window:
            self.retranslate()
        return False

    def refresh(self) -> None:
        """The status-bar button and what the acting user's role may see."""
        store = self.ctx.store
        several = needs_sign_in(store)
        if self.locked:  # nobody is signed in (and no one is adopted) until the lock opens
            self.button.setText(tr("Not signed in"))
            return
        try:
            user = acting_user(store)
        except NotSignedIn:
            user = None
        self.button.setVisible(has_users(store))
        if user is not None:
            self.button.setText(f"{user.name} ({role_name(user.role)})")
        else:
            self.button.setText(tr("Not signed in"))
        self.switch_action.setVisible(several)
        self.lock_action.setEnabled(several)
        self.users_action.setVisible(allowed(store, Permission.MANAGE_USERS) and has_users(store))
        apply_to_window(store, self.window)

    def _page_shown(self, _index: int) -> None:
        page = self.window.stack.currentWidget()
        if page is None:  # the pages are being rebuilt (after a restore)
            return
        for area in self.window.area_names():
            if self.window.page(area) is page:
                apply_to_page(self.ctx.store, area, page)

    # -- signing in, switching, locking -----------------------------------------------------
    def sign_in_at_start(self) -> bool:
        """Ask who is at the desk when it has several users; False when cancelled."""
        if not needs_sign_in(self.ctx.store):
            self.refresh()
            return True
        ok = self._ask(START) is not None
        self.refresh()
        return ok

    def _ask(self, mode: str):
        self.ctx.runner.wait()  # nothing writes as the previous user while the dialog is up
        dialog = SignInDialog(self.ctx.store, mode, self.window, preselect=self.locked_by)
        try:
            run_dialog(dialog)
            return dialog.signed_in
        finally:
            dialog.dialog.deleteLater()

    def switch(self) -> bool:
        user = self._ask(SWITCH)
        if user is not None:
            self.refresh()
            self.ctx.notify("users")
        return user is not None

    def lock(self) -> bool:
        """Sign out and hide the window's contents until someone signs in (a desk with a
        single user never locks: it would never ask anyway)."""
        if self.locked or not needs_sign_in(self.ctx.store):
            return False
        self.locked = True
        self.ctx.runner.wait()
        self.locked_by = self.ctx.store.actor
        sign_out(self.ctx.store)
        self.window.centralWidget().setVisible(False)
        self.window.menuBar().setEnabled(False)
        self.refresh()
        return self._unlock()

    def _unlock(self) -> bool:
        if self._ask(LOCK) is None:
            # The lock screen has no Cancel; closed some other way, it comes back (and the
            # contents stay hidden) — on the next turn of the event loop, never in a loop here.
            QTimer.singleShot(0, self._unlock)
            return False
        self.window.centralWidget().setVisible(True)
        self.window.menuBar().setEnabled(True)
        self.locked, self.locked_by = False, None
        self.last_input = self.clock()
        self.refresh()
        self.ctx.notify("users")
        return True

    def check_idle(self) -> bool:
        minutes = lock_minutes(self.ctx.store)
        if self.locked or not minutes or self.clock() - self.last_input < minutes * 60:
            return False
        return self.lock()

    def manage(self) -> None:
        from desktop.ui.users.manage import UsersDialog

        dialog = UsersDialog(self.ctx.store, self.window)
        try:
            run_dialog(dialog)
        finally:
            dialog.dialog.deleteLater()
        self.refresh()
        self.ctx.notify("users")
