"""The main window: navigation between the areas, lazily created pages, menus, status bar.

Each area is a package `desktop.ui.<area>` whose page module has `create_page(ctx) ->
QWidget`. The window imports it (a plain import, inside `PAGES`' factories so that start-up
does not load every screen) the first time the area is opened. A page that fails while being
built shows its error in its place, so one broken screen never takes the window down.

A little over 500 lines: menus, status bar and navigation each add a few wiring methods here,
the one place a reader looks for them; the pages themselves live in their packages."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core.centre import own_institute
from desktop.ui.about import build_line
from desktop.ui.audit import install_menu as install_audit_menu
from desktop.ui.audit import passphrase
from desktop.ui.backups.dialog import open_dialog as open_backups_dialog
from desktop.ui.clock_notice import ClockNotice
from desktop.ui.context import AppContext
from desktop.ui.i18n import Translations, ask_yes_no, bind_form, save_language, translate_buttons
from desktop.ui.progress import TaskProgress
from desktop.ui.said import say
from desktop.ui.settings_dialog import open_dialog as open_settings_dialog
from desktop.ui.uiload import child, load_ui

FORM = "main_window.ui"
log = logging.getLogger(__name__)

#: (area, English label, Hindi label); labels are translated through the "MainWindow"
#: context, the other language is kept for the tooltip. Each area has a factory in PAGES.
AREAS: tuple[tuple[str, str, str], ...] = (
    ("roster", QT_TRANSLATE_NOOP("MainWindow", "Roster"), "रोस्टर"),
    ("workshops", QT_TRANSLATE_NOOP("MainWindow", "Workshops"), "कार्यशालाएँ"),
    ("attendance", QT_TRANSLATE_NOOP("MainWindow", "Attendance"), "उपस्थिति"),
    ("field_visits", QT_TRANSLATE_NOOP("MainWindow", "Field visits"), "क्षेत्र भ्रमण"),
    ("certificates", QT_TRANSLATE_NOOP("MainWindow", "Certificates"), "प्रमाण-पत्र"),
    ("sync", QT_TRANSLATE_NOOP("MainWindow", "Sync"), "सिंक"),
    ("venue", QT_TRANSLATE_NOOP("MainWindow", "Venue"), "आयोजन स्थल"),
    ("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dashboard"), "डैशबोर्ड"),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"), "रिपोर्ट"),
)



def _roster(ctx: AppContext) -> QWidget:
    from desktop.ui.roster.page import create_page

    return create_page(ctx)


def _workshops(ctx: AppContext) -> QWidget:
    from desktop.ui.workshops.page import create_page

    return create_page(ctx)


def _attendance(ctx: AppContext) -> QWidget:
    from desktop.ui.attendance.desk import create_page

    return create_page(ctx)


def _field_visits(ctx: AppContext) -> QWidget:
    from desktop.ui.field_visits.page import create_page

    return create_page(ctx)


def _certificates(ctx: AppContext) -> QWidget:
    from desktop.ui.certificates.page import create_page

    return create_page(ctx)


def _sync(ctx: AppContext) -> QWidget:
    from desktop.ui.sync.page import create_page

    return create_page(ctx)


def _venue(ctx: AppContext) -> QWidget:
    from desktop.ui.venue.panel import create_page

    return create_page(ctx)


def _dashboard(ctx: AppContext) -> QWidget:
    from desktop.ui.dashboard.page import create_page

    return create_page(ctx)


def _reports(ctx: AppContext) -> QWidget:
    from desktop.ui.reports.page import create_page

    return create_page(ctx)


#: area → the factory that imports and builds its page (first opened: imported then)
PAGES: dict[str, Callable[[AppContext], QWidget]] = {
    "roster": _roster,
    "workshops": _workshops,
    "attendance": _attendance,
    "field_visits": _field_visits,
    "certificates": _certificates,
    "sync": _sync,
    "venue": _venue,
    "reports": _reports,
    "dashboard": _dashboard,
}

translate = QCoreApplication.translate

#: The size the window opens at when the screen has room for it (and its title bar).
PREFERRED_SIZE = QSize(1280, 800)
#: Small enough for a 1024×768 screen with a task bar and a title bar; every page is laid out
#: to work at this size (tests/gui/test_every_dialog.py opens them all at 1024×768).
MINIMUM_SIZE = QSize(960, 600)
#: Room kept for the window manager's title bar and borders around the client area.
FRAME_ALLOWANCE = QSize(16, 40)


def initial_geometry(available: QRect) -> tuple[QRect, bool]:
    """Where the window opens on a screen whose free area (without task bars) is `available`:
    the preferred size, centred, when it fits with its frame; otherwise the whole free area,
    maximised (a 1366×768 laptop: the status bar and the last rows stay on the screen)."""
    room = available.size() - FRAME_ALLOWANCE
    if room.width() >= PREFERRED_SIZE.width() and room.height() >= PREFERRED_SIZE.height():
        rect = QRect(QPoint(0, 0), PREFERRED_SIZE)
        rect.moveCenter(available.center())
        return rect, False
    size = room.expandedTo(MINIMUM_SIZE).boundedTo(available.size())
    rect = QRect(available.topLeft(), size)
    return rect, True


def _tr(text: str) -> str:
    """For texts held in variables (the literals are marked where they are written)."""
    return translate("MainWindow", text)


class PlaceholderPage(QWidget):
    """Shown in place of an area whose page failed while being built: the error, in words a
    user can pass on, instead of a crash of the whole window."""

    def __init__(self, label_en: str, error: str) -> None:
        super().__init__()
        self.label_en, self.error = label_en, error
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        self.title = QLabel()
        self.title.setObjectName("placeholderTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setObjectName("placeholderBody")
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_tr(self.label_en))
        self.body.setText(
            translate("MainWindow", "This screen could not be opened. Please report this message:")
            + "\n\n"
            + self.error
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, translations: Translations | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.translations = translations
        self.setObjectName("MainWindow")
        self._adopt_form()
        self.nav: QListWidget = child(self, QListWidget, "navList")
        self.stack: QStackedWidget = child(self, QStackedWidget, "pages")
        self.institute_label: QLabel = child(self, QLabel, "instituteLabel")
        self.app_title: QLabel = child(self, QLabel, "appTitle")
        font = self.app_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.app_title.setFont(font)
        self._pages: dict[str, QWidget] = {}
        self._build_nav()
        self._wire_menus()
        bind_form(self, FORM, after=self._retranslate_code_texts)
        self._show_institute()
        self.clock_notice = ClockNotice(ctx, compact=True)  # a wrong clock, from the start
        self.add_status_widget(self.clock_notice)
        self.nav.setCurrentRow(0)
        self.setMinimumSize(MINIMUM_SIZE)
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Size and place the window for the screen it opens on (see `initial_geometry`)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(PREFERRED_SIZE)
            return
        rect, maximise = initial_geometry(screen.availableGeometry())
        self.setGeometry(rect)
        if maximise:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    # -- set-up ------------------------------------------------------------------------------
    def _adopt_form(self) -> None:
        """Move the loaded form's parts into this window (QUiLoader makes its own QMainWindow)."""
        form: QMainWindow = load_ui(FORM)
        for action in form.findChildren(QAction):
            if action.parent() is form:
                action.setParent(self)
        self.setMenuBar(form.menuBar())
        self.setStatusBar(form.statusBar())
        self.setCentralWidget(form.centralWidget())
        form.deleteLater()

    def _build_nav(self) -> None:
        for area, label_en, _label_hi in AREAS:
            item = QListWidgetItem(_tr(label_en))
            item.setData(Qt.ItemDataRole.UserRole, area)
            item.setSizeHint(QSize(0, 36))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._open_row)

    def _wire_menus(self) -> None:
        self.action_backup: QAction = child(self, QAction, "actionBackup")
        self.action_restore: QAction = child(self, QAction, "actionRestore")
        self.action_quit: QAction = child(self, QAction, "actionQuit")
        self.action_english: QAction = child(self, QAction, "actionEnglish")
        self.action_hindi: QAction = child(self, QAction, "actionHindi")
        self.action_about: QAction = child(self, QAction, "actionAbout")
        group = QActionGroup(self)
        group.setExclusive(True)
        group.addAction(self.action_english)
        group.addAction(self.action_hindi)
        current = self.translations.language if self.translations else "en"
        (self.action_hindi if current == "hi" else self.action_english).setChecked(True)
        self.action_english.triggered.connect(lambda: self.set_language("en"))
        self.action_hindi.triggered.connect(lambda: self.set_language("hi"))
        self.action_quit.triggered.connect(self.close)
        self.action_about.triggered.connect(self.show_about)
        self.action_backup.triggered.connect(self.backup)
        self.action_restore.triggered.connect(self.restore)
        self.action_backups: QAction = child(self, QAction, "actionBackups")
        self.action_backups.triggered.connect(lambda: open_backups_dialog(self))
        self.action_settings: QAction = child(self, QAction, "actionSettings")
        self.action_settings.triggered.connect(lambda: open_settings_dialog(self))
        self.action_audit = install_audit_menu(self, self.ctx)  # File ▸ Audit log… (issue 16)

    def _retranslate_code_texts(self) -> None:
        for row, (_area, label_en, label_hi) in enumerate(AREAS):
            item = self.nav.item(row)
            if item is not None:
                item.setText(_tr(label_en))
                item.setToolTip(label_hi if item.text() == label_en else label_en)
        self._show_institute()

    def _show_institute(self) -> None:
        try:
            row = own_institute(self.ctx.store)
        except Exception:  # a database without the table: nothing to show
            row = None
        if row is None:
            self.institute_label.setText("")
            return
        hindi = self.translations is not None and self.translations.language == "hi"
        name = (row["name_hi"] if hindi and row["name_hi"] else row["name_en"]) or ""
        self.institute_label.setText(f"{name} ({row['code']})")

    # -- pages -------------------------------------------------------------------------------
    def area_names(self) -> list[str]:
        return [area for area, _en, _hi in AREAS]

    def open_area(self, area: str) -> QWidget:
        """Switch to `area`, creating its page on first use; returns the page."""
        self.nav.setCurrentRow(self.area_names().index(area))
        return self._pages[area]

    def page(self, area: str) -> QWidget | None:
        return self._pages.get(area)

    def _open_row(self, row: int) -> None:
        if row < 0:
            return
        area, label_en, _label_hi = AREAS[row]
        page = self._pages.get(area)
        if page is None:
            page = self._create_page(area, label_en)
            self._pages[area] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def _create_page(self, area: str, label_en: str) -> QWidget:
        try:
            return PAGES[area](self.ctx)
        except Exception:  # a broken page shows its error; it must not take the window down
            log.exception("The %s screen could not be opened", area)
            return PlaceholderPage(label_en, traceback.format_exc(limit=3))

    def rebuild_pages(self) -> None:
        """Drop every page (e.g. after a restore replaced the database) and reopen the current."""
        current = self.nav.currentRow()
        for page in self._pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self._open_row(max(current, 0))

    # -- status bar --------------------------------------------------------------------------
    def add_status_widget(self, widget: QWidget, stretch: int = 0) -> None:
        """For areas that show pending work (sync) at the right of the status bar."""
        self.statusBar().addPermanentWidget(widget, stretch)

    # -- language ----------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        save_language(lang)
        if self.translations is not None:
            self.translations.apply(lang)
        (self.action_hindi if lang == "hi" else self.action_english).setChecked(True)
        # LanguageChange is posted; deliver it now so the switch is visible at once.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self._retranslate_code_texts()

    # -- file menu ---------------------------------------------------------------------------
    def backup(self) -> None:
        from desktop.core import maintenance

        store = self.ctx.store
        if store.path is None:
            return
        suggested = maintenance.default_backup_path(store.path)
        full_filter = translate("MainWindow", "Full backup: database, keys and files (*.kdbackup)")
        db_filter = translate("MainWindow", "Database only (*.db)")
        target, chosen = QFileDialog.getSaveFileName(
            self,
            translate("MainWindow", "Back up the database"),
            str(suggested),
            f"{full_filter};;{db_filter}",
        )
        if not target:
            return
        path = Path(target)
        if not path.suffix:
            path = path.with_suffix(".db" if chosen == db_filter else maintenance.FULL_SUFFIX)
        protection = None
        if maintenance.is_full_backup_name(path):
            choice = passphrase.ask_new(self)  # encrypted unless "do not encrypt" is ticked
            if choice is None:
                return
            protection = choice.protection
        dialog = TaskProgress(self, translate("MainWindow", "Writing the backup…"))

        def task(handle):
            return maintenance.backup_ex(
                store, path, progress=handle.progress, cancelled=lambda: handle.cancelled,
                protection=protection,
            )

        def done(result) -> None:
            text = translate("MainWindow", "Backup written to %1").replace("%1", str(result.path))
            if result.full:
                text += "\n\n" + translate(
                    "MainWindow",
                    "It holds the database, the certificate signing keys and the files "
                    "(photos). Keep it as safe as this laptop: whoever has it can sign "
                    "certificates in this centre's name.",
                )
                text += "\n\n" + passphrase.written_note(result.encrypted)
            else:
                text += "\n\n" + translate(
                    "MainWindow",
                    "Only the database is in this file: the signing keys and the photos are "
                    "not. Choose a full backup (.kdbackup) to keep them too.",
                )
            QMessageBox.information(self, translate("MainWindow", "Backup"), text)

        def failed(exc: BaseException, trace: str) -> None:
            if isinstance(exc, maintenance.BackupCancelled):
                QMessageBox.information(
                    self,
                    translate("MainWindow", "Backup"),
                    translate("MainWindow", "The backup was cancelled; nothing was written."),
                )
            else:
                self._task_failed(exc, trace)

        self.ctx.run(task, on_done=done, on_error=failed, dialog=dialog)

    def restore(self) -> None:
        from desktop.core import backup_crypto, maintenance
        from desktop.store import open_store

        store = self.ctx.store
        if store.path is None:
            return
        filters = ";;".join(
            (
                translate("MainWindow", "Backups (*.kdbackup *.db *.bak)"),
                translate("MainWindow", "Full backup: database, keys and files (*.kdbackup)"),
                translate("MainWindow", "Database only (*.db *.bak)"),
            )
        )
        source, _filter = QFileDialog.getOpenFileName(
            self,
            translate("MainWindow", "Restore a backup"),
            str(store.path.parent),
            filters,
        )
        if not source:
            return
        encrypted = backup_crypto.is_encrypted(Path(source))
        full = encrypted or maintenance.is_full_backup(Path(source))
        protection = None
        if encrypted and backup_crypto.key_source(Path(source)) == "passphrase":
            protection = passphrase.ask_existing(self, Path(source).name)
            if protection is None:
                return
        if full:
            question = translate(
                "MainWindow",
                "Replace the current data (database, signing keys and files such as photos) "
                "with this backup?\n%1\n\nThe backup is checked completely first, and the "
                "current data is saved as a full backup before anything is replaced.",
            )
        else:
            question = translate(
                "MainWindow",
                "Replace the current database with this backup?\n%1\n\n"
                "The current file is saved as a backup first.",
            )
        if not ask_yes_no(self, translate("MainWindow", "Restore"), question.replace("%1", source)):
            return
        path, actor = store.path, store.actor  # the desk user restoring (an admin)
        self.ctx.runner.wait()
        store.close()
        dialog = TaskProgress(
            self, translate("MainWindow", "Checking and restoring the backup…"), cancellable=False
        )

        def task(handle):
            return maintenance.restore(
                Path(source), path, progress=handle.progress, protection=protection,
                actor=actor,
            )

        def reopen() -> None:
            self.ctx.store = open_store(path, create=False)
            self.ctx.store.actor = actor
            self.ctx.store.checkpoint_in_background()

        def done(safety: Path | None) -> None:
            reopen()
            self.rebuild_pages()
            # By hand, not `changes=`: the pages must redraw from the reopened store before
            # the modal message below, and `changes` would announce only after it is closed.
            self.ctx.notify("*")
            self._show_institute()
            text = translate("MainWindow", "The backup was restored.")
            if safety:
                text += "\n" + translate(
                    "MainWindow", "The previous file was saved as %1"
                ).replace("%1", str(safety))
            QMessageBox.information(self, translate("MainWindow", "Restore"), text)

        def failed(exc: BaseException, trace: str) -> None:
            reopen()
            QMessageBox.critical(self, translate("MainWindow", "Restore"), say(exc))

        self.ctx.run(task, on_done=done, on_error=failed, dialog=dialog)

    def _task_failed(self, exc: BaseException, trace: str) -> None:
        QMessageBox.critical(self, translate("MainWindow", "Karmayogi Desk"), say(exc))

    def about_box(self) -> QMessageBox:
        """The About box, its OK button in the GUI's language (Qt has no Hindi of its own)."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("MainWindow", "About Karmayogi Desk"),
            translate(
                "MainWindow",
                "Karmayogi Desk %1\n\nOffline desk for Mission Karmayogi training centres in "
                "Uttar Pradesh: roster, workshops, attendance, field visits, certificates and "
                "sync.",
            ).replace("%1", __version__)
            + "\n\n"
            + build_line(),
            QMessageBox.StandardButton.Ok,
            self,
        )
        translate_buttons(box)
        return box

    def show_about(self) -> None:
        self.about_box().exec()

    # -- closing -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        # Let queued writes finish: a write the user started must not be cut off.
        self.ctx.runner.wait()
        super().closeEvent(event)
