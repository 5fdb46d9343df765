"""Walk every page and dialog of the real main window as a trainer would, and look at each.

One module for both users: `tests/ui/test_every_dialog.py` (fails on any problem found) and
`python -m tests.screens OUT/` (writes a PNG of each). Dialogs are reached through the real
menu actions and buttons: a trigger is clicked, and whatever window it opens (a modal
`exec()`, a window-modal `open()`, a file or message box) is caught by a timer, inspected,
pictured and then closed the way a user would (Esc, else its Close/Cancel button).

A window is reported when it cannot be closed (neither Esc nor a Cancel/Close/No button
closes it), and a window or page for everything tests/ui/walk_checks.py finds: it shows
nothing or is a hidden second window, has no real size, extends past the screen, or shows a
cut-off label, column header, button, hint or table cell, or a list that scrolls sideways.

Every push button of every page must be named here, either as a trigger or as one that
opens no window (with the reason): a new button cannot slip past the walk unseen.

The screen is the process's own: run it under `offscreen:configfile=…` with the wanted
screen size (`screen_environment`)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QWidget,
)

from tests.ui.walk_checks import cut_off_texts, data_words_of, latin_texts, window_problems

SIZES = ((1366, 768), (1024, 768))
LANGUAGES = ("en", "hi")
WINDOW_DEADLINE = 20.0  # s a caught window may take to be inspected and closed


# -- what to click ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Trigger:
    """A button (objectName) on an area's page, or a menu action of the main window."""

    area: str | None  # None: the main window's menus
    name: str  # the QPushButton's or QAction's objectName
    view: str = ""  # a sub-view to open first (see _open_view)
    select_first: str = ""  # objectName of an item view whose first row is selected first
    prepare: Callable[[QWidget], None] | None = None  # puts the page in the needed state


def _choose_district_and_month(page: QWidget) -> None:
    """The monthly review needs a district and a month chosen."""
    from PySide6.QtWidgets import QComboBox

    for name in ("districtFilter", "monthFilter"):
        combo = page.findChild(QComboBox, name)
        if combo is not None and combo.count() > 1:
            combo.setCurrentIndex(1)


def _someone_was_scanned(page: QWidget) -> None:
    """The desk's detail (F3) shows the last person scanned: pretend the first enrolled one."""
    from desktop.core import enrolment

    desk = getattr(page, "desk", None)
    if desk is not None:
        people = enrolment.enrolled(page.reader, desk.workshop["id"])
        if people:
            page.last_person = people[0]


TRIGGERS: tuple[Trigger, ...] = (
    Trigger(None, "actionBackup"),
    Trigger(None, "actionRestore"),
    Trigger(None, "actionAbout"),
    Trigger(None, "actionAudit"),
    Trigger(None, "actionBackups"),
    Trigger(None, "actionSettings"),
    Trigger("roster", "addButton"),
    Trigger("roster", "editButton", select_first="table"),
    Trigger("roster", "deleteButton", select_first="table"),
    Trigger("roster", "importButton"),
    Trigger("workshops", "programmesButton"),
    Trigger("workshops", "importButton"),
    Trigger("workshops", "igotLinkButton"),
    Trigger("workshops", "igotSettings"),
    Trigger("attendance", "detailButton", prepare=_someone_was_scanned),
    Trigger("attendance", "closeButton"),
    Trigger("attendance", "reopenButton"),
    Trigger("field_visits", "monthReportButton", prepare=_choose_district_and_month),
    Trigger("field_visits", "quickAddButton", view="field_visit_form"),
    Trigger("field_visits", "planWorkshopButton", view="field_visit_form"),
    Trigger("field_visits", "addFilesButton", view="field_visit_form"),
    Trigger("field_visits", "reportButton", view="field_visit_form"),
    Trigger("certificates", "exportButton"),
    Trigger("certificates", "printButton", select_first="registerTable"),
    Trigger("certificates", "revokeButton", select_first="registerTable"),
    Trigger("certificates", "verifyFileButton"),
    Trigger("certificates", "printBatchButton"),
    Trigger("sync", "enrolButton"),
    Trigger("sync", "exportBundleButton"),
    Trigger("sync", "importBundleButton"),
    Trigger("sync", "exportReceiptButton"),
    Trigger("sync", "importReceiptButton"),
    Trigger("sync", "editButton", select_first="rejectedTable"),
    Trigger("sync", "discardButton", select_first="rejectedTable"),
    Trigger("sync", "removeTrustButton", select_first="trustTable"),
    Trigger("sync", "igotSettings"),
    Trigger("reports", "exportXlsxButton"),
    Trigger("reports", "exportPdfButton"),
)

#: Buttons that open no window of their own, and why the walk leaves them alone.
NO_WINDOW: dict[str, dict[str, str]] = {
    "roster": {},
    "workshops": {
        "newButton": "clears the plan form on the page",
        "copyButton": "copies the workshop (a write) to the date beside it",
        "saveButton": "saves the plan form (a write); problems show on the page",
        "addSessionButton": "adds a row to the sessions table",
        "addDayButton": "adds a day's rows to the sessions table",
        "removeSessionButton": "removes a row from the sessions table",
        "enrolButton": "enrols the chosen roster results (a write)",
        "withdrawButton": "withdraws the chosen people (a write)",
        "badgesButton": "writes a PDF and opens it in the PDF viewer",
        "registerButton": "writes a PDF and opens it in the PDF viewer",
        "summaryButton": "writes a PDF and opens it in the PDF viewer",
        "igotForward": "forwards to iGOT (network); progress and result show in the panel",
    },
    "attendance": {
        "walkInButton": "opens the walk-in panel on the page (pictured as a view)",
        "walkSave": "saves the walk-in (a write)",
        "walkCancel": "closes the walk-in panel",
        "undoButton": "undoes this run's last mark (a write)",
    },
    "field_visits": {
        "newButton": "opens an empty visit form on the page",
        "openButton": "opens the chosen visit in the form on the page (pictured as a view)",
        "addTeamButton": "adds a team member row",
        "removeTeamButton": "removes a team member row",
        "linkButton": "links the chosen roster result",
        "unlinkButton": "unlinks the chosen person",
        "addActionButton": "adds an action point row",
        "removeActionButton": "removes an action point row",
        "removeFileButton": "removes the chosen attachment",
        "cancelButton": "leaves the form for the list",
        "saveButton": "saves the visit (a write); problems show on the page",
    },
    "certificates": {
        "openButton": "opens the certificate's PDF in the PDF viewer",
        "openBatchButton": "opens the batch PDF in the PDF viewer",
        "issueButton": "issues certificates (a write, with progress on the page)",
        "cancelButton": "cancels an issue in progress",
        "previewTemplateButton": "renders the template preview on the page",
        "verifyButton": "shows the verification result on the page",
    },
    "sync": {
        "syncButton": "syncs with the portal; progress and result show on the page",
        "cancelButton": "cancels a running sync",
        "reconcileButton": "asks the portal (network); the result shows on the page",
        "sendAgainButton": "queues the chosen rejected record again (a write)",
        "igotForward": "forwards to iGOT (network); progress and result show in the panel",
        "igotLinkButton": "hidden here: a link belongs to one workshop (Workshops page)",
    },
    "reports": {
        "refreshButton": "recomputes the report on the page",
    },
    "venue": {
        "venueHost": "starts the hub (network); the code and QR show on the page",
        "venueStop": "stops the hub; the page shows it",
        "venueLeave": "leaves the venue; the page shows it",
        "venueJoin": "joins with the typed code (network); problems show on the page",
    },
}

#: Sub-views of a page, besides its tabs, that a button opens on the page itself.
VIEWS: dict[str, tuple[str, ...]] = {
    "attendance": ("walk_in",),
    "field_visits": ("field_visit_form",),
}


# -- what was found --------------------------------------------------------------------------
@dataclass
class Seen:
    """One page view or caught window, with the problems found in it."""

    key: str  # e.g. "workshops", "workshops/tab-2", "sync/enrolButton"
    title: str
    size: tuple[int, int]
    problems: list[str] = field(default_factory=list)
    picture: object | None = None  # a QPixmap when pictures are wanted


@dataclass
class Walk:
    language: str
    screen: QRect
    seen: list[Seen] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: Latin words of the walked database (names, offices): data, not untranslated chrome
    data_words: frozenset[str] = frozenset()

    def report(self, key: str, message: str) -> None:
        self.problems.append(f"[{self.language} {self.screen.width()}×{self.screen.height()}] "
                             f"{key}: {message}")


def _close_like_a_user(window: QWidget) -> str | None:
    """Esc, else a visible Cancel/Close/No button. Returns a problem when neither works."""
    QApplication.sendEvent(
        window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    )
    QApplication.processEvents()
    if not window.isVisible():
        return None
    for box in window.findChildren(QDialogButtonBox):
        for button in box.buttons():
            role = box.buttonRole(button)
            if button.isVisible() and role in (
                QDialogButtonBox.ButtonRole.RejectRole, QDialogButtonBox.ButtonRole.NoRole
            ):
                button.click()
                QApplication.processEvents()
                if not window.isVisible():
                    return "Esc does not close it (its Cancel button does)"
    if isinstance(window, QMessageBox):
        button = window.escapeButton() or window.defaultButton()
        if button is not None:
            button.click()
            QApplication.processEvents()
            if not window.isVisible():
                return None
    # Last resort so the walk goes on; the window had no way out for a user.
    if isinstance(window, QDialog):
        window.reject()
    window.close()
    QApplication.processEvents()
    return "has no way to close it: neither Esc nor a Cancel/Close button"


class Catcher:
    """Catches every new top-level window while a trigger runs; inspects, pictures and
    closes each (also those opened inside a modal `exec()`)."""

    def __init__(self, walk: Walk, main: QWidget, key: str, pictures: bool) -> None:
        self.walk, self.main, self.key, self.pictures = walk, main, key, pictures
        self.known = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        self.caught: list[Seen] = []
        self.pending = 0  # windows seen, not inspected yet
        self.timer = QTimer()
        self.timer.setInterval(15)
        self.timer.timeout.connect(self.poll)

    def poll(self) -> None:
        for window in QApplication.topLevelWidgets():
            if id(window) in self.known or not window.isVisible() or window is self.main:
                continue
            if window.width() == 0 and window.height() == 0 and not window.findChildren(QWidget):
                continue
            self.known.add(id(window))
            self.pending += 1
            # Inspect after the window had a moment to lay itself out, outside this slot
            # (closing it may open the next window, which this timer must catch too).
            QTimer.singleShot(20, lambda w=window: self.inspect(w))

    def inspect(self, window: QWidget) -> None:
        self.pending -= 1
        number = len(self.caught)
        key = self.key if number == 0 else f"{self.key}+{number}"
        seen = Seen(key, window.windowTitle(), (window.width(), window.height()))
        seen.problems.extend(window_problems(window, self.walk.screen))
        seen.problems.extend(cut_off_texts(window))
        if self.walk.language == "hi":
            seen.problems.extend(latin_texts(window, self.walk.data_words))
        if self.pictures:
            seen.picture = window.grab()
        self.caught.append(seen)
        closing = _close_like_a_user(window)
        if closing:
            seen.problems.append(closing)

    def run(self, action: Callable[[], None], wait: float = 0.5) -> list[Seen]:
        """Run `action`; wait up to `wait` s for a window, and until every caught one closed."""
        self.timer.start()
        try:
            action()
            start = time.monotonic()
            # Up to `wait` s for a window to appear; once one did, until it was inspected
            # and closed (a slow, busy machine must not make the walk miss it).
            while time.monotonic() < start + (WINDOW_DEADLINE if self.pending else wait):
                QApplication.processEvents()
                self.poll()
                if self.pending:
                    time.sleep(0.005)
                    continue
                if self.caught and not _open_windows(self.main):
                    QApplication.processEvents()  # a follow-up window opens from here
                    self.poll()
                    if not _open_windows(self.main):
                        break
                time.sleep(0.005)
        finally:
            self.timer.stop()
        for window in _open_windows(self.main):  # anything still open: close it
            problem = _close_like_a_user(window)
            if problem:
                self.walk.report(self.key, problem)
        return self.caught


def _open_windows(main: QWidget) -> list[QWidget]:
    return [
        w for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not main and w.isWindow()
        and (w.findChildren(QWidget) or w.width() > 0)
        and w.windowType() not in (Qt.WindowType.ToolTip, Qt.WindowType.Popup)
    ]


# -- walking ---------------------------------------------------------------------------------
def _first_row(page: QWidget, view_name: str) -> None:
    view = page.findChild(QAbstractItemView, view_name)
    if view is not None and view.model() is not None and view.model().rowCount() > 0:
        view.setCurrentIndex(view.model().index(0, 0))
        view.selectRow(0) if hasattr(view, "selectRow") else None
        QApplication.processEvents()


def _show_every_visit(page: QWidget) -> None:
    """Filters back to "All": an earlier trigger (the monthly review) narrowed the list to a
    district and month that may hold no visit, which would leave the form unopened."""
    from PySide6.QtWidgets import QComboBox

    for name in ("districtFilter", "departmentFilter", "monthFilter", "statusFilter"):
        combo = page.findChild(QComboBox, name)
        if combo is not None and combo.count():
            combo.setCurrentIndex(0)
    QApplication.processEvents()


def _open_view(window, area: str, view: str) -> None:
    page = window.open_area(area)
    if view == "field_visit_form":  # the first visit of the whole list, opened
        _show_every_visit(page)
        _first_row(page, "visitTable")
        button = page.findChild(QPushButton, "openButton")
        if button is not None and button.isVisible():
            button.click()
    elif view == "walk_in":
        page.findChild(QPushButton, "walkInButton").click()
    QApplication.processEvents()


def _close_view(window, area: str, view: str) -> None:
    page = window.page(area)
    if view == "field_visit_form":
        cancel = [b for b in page.findChildren(QPushButton, "cancelButton") if b.isVisible()]
        Catcher(Walk("", QRect()), window, "", False).run(
            lambda: cancel[0].click() if cancel else None, wait=0.3
        )
    elif view == "walk_in":
        page.findChild(QPushButton, "walkCancel").click()
    QApplication.processEvents()


def reveal(widget: QWidget) -> None:
    """Bring forward every tab that holds `widget` (a button on the third tab of a page)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget):
            for index in range(parent.count()):
                if parent.widget(index).isAncestorOf(widget):
                    parent.setCurrentIndex(index)
        parent = parent.parentWidget()
    QApplication.processEvents()


def _tabs(page: QWidget) -> Iterator[tuple[QTabWidget, int]]:
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            yield tabs, index


def look_at_page(walk: Walk, window, key: str, pictures: bool) -> None:
    QApplication.processEvents()
    seen = Seen(key, window.windowTitle(), (window.width(), window.height()))
    seen.problems.extend(cut_off_texts(window))
    if walk.language == "hi":
        seen.problems.extend(latin_texts(window, walk.data_words))
    frame = window.frameGeometry()
    if not walk.screen.contains(frame):
        seen.problems.append(
            f"the main window extends past the screen: {frame.width()}×{frame.height()}"
        )
    if pictures:
        seen.picture = window.grab()
    walk.seen.append(seen)


def walk_window(window, walk: Walk, *, pictures: bool = False) -> Walk:
    """Every area (each tab of it, each view) and every trigger of the shown main window."""
    for area in window.area_names():
        page = window.open_area(area)
        look_at_page(walk, window, area, pictures)
        for tabs, index in list(_tabs(page)):
            if not tabs.isVisible() or tabs.count() < 2:
                continue
            tabs.setCurrentIndex(index)
            look_at_page(walk, window, f"{area}/{tabs.objectName()}-{index}", pictures)
        for tabs, _index in list(_tabs(page)):
            tabs.setCurrentIndex(0)
        for view in VIEWS.get(area, ()):
            _open_view(window, area, view)
            look_at_page(walk, window, f"{area}/{view}", pictures)
            _close_view(window, area, view)
    for trigger in TRIGGERS:
        key = f"{trigger.area or 'menu'}/{trigger.name}"
        if trigger.area is None:
            from PySide6.QtGui import QAction

            action = window.findChild(QAction, trigger.name)
            if action is None:
                walk.report(key, "the menu action is missing")
                continue
            fire: Callable[[], None] = action.trigger
        else:
            page = window.open_area(trigger.area)
            if trigger.view:
                _open_view(window, trigger.area, trigger.view)
            if trigger.select_first:
                _first_row(page, trigger.select_first)
            if trigger.prepare is not None:
                trigger.prepare(page)
            for candidate in page.findChildren(QPushButton, trigger.name):
                reveal(candidate)
            found = page.findChildren(QPushButton, trigger.name)
            if not found:
                walk.report(key, "the button is not on the page")
                continue
            buttons = [b for b in found if b.isVisible()] or found
            button = buttons[0]
            if not button.isVisible() or not button.isEnabled():
                # Nothing to act on in this data (e.g. no rejected record): not reachable.
                # A button inside a view the walk could not open is a walk fault, said.
                if trigger.view and not button.isVisible():
                    walk.report(key, f"the {trigger.view} view did not open, so its button "
                                     "was not reached")
                if trigger.view:
                    _close_view(window, trigger.area, trigger.view)
                continue
            fire = button.click
        caught = Catcher(walk, window, key, pictures).run(fire)
        walk.seen.extend(caught)
        if trigger.area is not None and trigger.view:
            _close_view(window, trigger.area, trigger.view)
        window.activateWindow()
    for seen in walk.seen:
        for problem in seen.problems:
            walk.report(seen.key, problem)
    return walk


def unclassified_buttons(window) -> list[str]:
    """Push buttons of the pages that are neither a trigger nor listed in NO_WINDOW."""
    named = {(t.area, t.name) for t in TRIGGERS}
    missing = []
    for area in window.area_names():
        page = window.open_area(area)
        for view in VIEWS.get(area, ()):
            _open_view(window, area, view)
            _close_view(window, area, view)
        for button in page.findChildren(QPushButton):
            name = button.objectName()
            if not name or (area, name) in named or name in NO_WINDOW.get(area, {}):
                continue
            if button.window() is not window:
                continue
            missing.append(f"{area}/{name}")
    return sorted(set(missing))


# -- running it ------------------------------------------------------------------------------
def screen_environment(width: int, height: int, folder: Path) -> dict[str, str]:
    """Environment for a child process whose offscreen screen is width×height."""
    config = folder / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({
        "synchronousWindowSystemEvents": False,
        "windowFrameMargins": False,
        "screens": [{"name": f"laptop-{width}x{height}", "x": 0, "y": 0, "width": width,
                     "height": height, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
    }))
    return dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")


def open_window(db_path: Path, language: str):
    """The real start-up path (fonts, translations, the store) on `db_path`, with tasks run
    synchronously, opened in `language`; nothing is opened outside the process."""
    from desktop.ui import app as app_module
    from desktop.ui.tasks import SyncRunner

    QDesktopServices.openUrl = staticmethod(lambda _url: True)  # no PDF viewer from a walk
    window = app_module.start(db_path, runner=SyncRunner(), language=language)
    if isinstance(window, int):
        raise RuntimeError(f"the window did not open (exit code {window})")
    QApplication.processEvents()
    return window


def close_window(window) -> None:
    if window.translations is not None:
        window.translations.apply("en")
    window.close()
    window.ctx.store.close()
    window.deleteLater()
    QApplication.processEvents()


def walk_setup_dialog(walk: Walk, main: QWidget, *, pictures: bool = False) -> None:
    """The first-run wizard (shown before the window `main` exists, on an empty database):
    every page, in tests/ui/walk_first_run.py."""
    from tests.ui.walk_first_run import walk_first_run

    walk_first_run(walk, pictures)


def walk_languages(db_path: Path, *, pictures: bool = False,
                   languages: tuple[str, ...] = LANGUAGES) -> list[Walk]:
    """Walk the first-run dialog and the window once per language on this process's screen."""
    screen = QGuiApplication.primaryScreen().availableGeometry()
    walks = []
    for language in languages:
        window = open_window(db_path, language)
        try:
            walk = Walk(language, screen, data_words=data_words_of(db_path))
            walk = walk_window(window, walk, pictures=pictures)
            walk_setup_dialog(walk, window, pictures=pictures)  # in the window's language
            walks.append(walk)
        finally:
            close_window(window)
    return walks
