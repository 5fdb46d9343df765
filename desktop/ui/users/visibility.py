"""What each role sees: one table of screens and buttons and the permission each needs.

The core refuses a protected action whatever the screen shows (desktop/core/users); hiding
here keeps people from meeting those refusals. A desk without users shows everything."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.core.users import Permission, allowed
from desktop.store import Store

P = Permission

#: areas of the main window hidden from roles without the permission
AREA_PERMISSIONS: dict[str, Permission] = {
    "field_visits": P.FIELD_VISITS,
    "sync": P.SYNC,
}

#: area → (object name of a widget on its page, permission needed to see it)
PAGE_WIDGETS: dict[str, tuple[tuple[str, Permission], ...]] = {
    "roster": (
        ("addButton", P.EDIT_PARTICIPANTS),
        ("editButton", P.EDIT_PARTICIPANTS),
        ("deleteButton", P.EDIT_PARTICIPANTS),
        ("importButton", P.IMPORT_ROSTER),
    ),
    "workshops": (
        ("newButton", P.EDIT_WORKSHOPS),
        ("copyButton", P.EDIT_WORKSHOPS),
        ("programmesButton", P.EDIT_WORKSHOPS),
        ("addSessionButton", P.EDIT_WORKSHOPS),
        ("addDayButton", P.EDIT_WORKSHOPS),
        ("removeSessionButton", P.EDIT_WORKSHOPS),
        ("saveButton", P.EDIT_WORKSHOPS),
        ("enrolButton", P.ENROL),
        ("withdrawButton", P.ENROL),
        ("importButton", P.ENROL),
    ),
    "attendance": (("walkInButton", P.WALK_IN),),
    "field_visits": (("newButton", P.FIELD_VISITS),),
    "certificates": (
        ("issueTab", P.ISSUE_CERTIFICATES),
        ("issueButton", P.ISSUE_CERTIFICATES),
        ("revokeButton", P.REVOKE_CERTIFICATES),
    ),
    "sync": (
        ("syncButton", P.SYNC),
        ("enrolButton", P.SYNC),
        ("reconcileButton", P.SYNC),
        ("editButton", P.SYNC),
        ("sendAgainButton", P.SYNC),
        ("discardButton", P.SYNC),
        ("exportBundleButton", P.BUNDLES),
        ("importBundleButton", P.BUNDLES),
        ("exportReceiptButton", P.BUNDLES),
        ("importReceiptButton", P.BUNDLES),
        ("removeTrustButton", P.KEYS),
    ),
}

#: area → (object name, permission): widgets shown to everyone but usable only with it
PAGE_DISABLED: dict[str, tuple[tuple[str, Permission], ...]] = {
    "workshops": (("lateCheck", P.COMPLETION_RULES), ("excusedCheck", P.COMPLETION_RULES)),
}

#: main-window menu actions (object names) and their permission
WINDOW_ACTIONS: tuple[tuple[str, Permission], ...] = (
    ("actionRestore", P.RESTORE),
    ("actionBackups", P.SETTINGS),
    ("actionSettings", P.SETTINGS),
    ("actionAudit", P.VIEW_AUDIT),
)
#: widgets of the window itself (the status bar's Sync now)
WINDOW_WIDGETS: tuple[tuple[str, Permission], ...] = (("syncNowButton", P.SYNC),)


def apply_to_page(store: Store, area: str, page: QWidget) -> None:
    for name, permission in PAGE_DISABLED.get(area, ()):
        widget = page.findChild(QWidget, name)
        if widget is not None:
            widget.setEnabled(allowed(store, permission))
    for name, permission in PAGE_WIDGETS.get(area, ()):
        widget = page.findChild(QWidget, name)
        if widget is None:
            continue
        tabs = _tab_widget_of(widget)
        if tabs is not None:  # a whole tab: hide its tab, not just its page
            tabs.setTabVisible(tabs.indexOf(widget), allowed(store, permission))
        else:
            widget.setVisible(allowed(store, permission))


def _tab_widget_of(widget: QWidget) -> QTabWidget | None:
    stack = widget.parentWidget()
    tabs = stack.parentWidget() if stack is not None else None
    return tabs if isinstance(tabs, QTabWidget) and tabs.indexOf(widget) >= 0 else None


def apply_to_window(store: Store, window) -> None:
    """Hide areas, page widgets and menu actions the acting user's role may not use."""
    for row, area in enumerate(window.area_names()):
        permission = AREA_PERMISSIONS.get(area)
        window.nav.setRowHidden(row, permission is not None and not allowed(store, permission))
    for area in window.area_names():
        page = window.page(area)
        if page is not None:
            apply_to_page(store, area, page)
    for name, permission in WINDOW_WIDGETS:
        widget = window.findChild(QWidget, name)
        if widget is not None:
            widget.setVisible(allowed(store, permission))
    for name, permission in WINDOW_ACTIONS:
        action = window.findChild(QAction, name)
        if action is not None:
            action.setVisible(allowed(store, permission))
    current = window.nav.currentRow()
    if current >= 0 and window.nav.isRowHidden(current):
        window.nav.setCurrentRow(window.area_names().index("attendance"))
