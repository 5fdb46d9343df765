"""Starting the GUI: application, fonts, translations, the store, the main window.

Start-up must stay fast on a database of 1.88 million participants: nothing here counts or
scans a big table; the roster page reads one page of rows and fetches more as the user
scrolls."""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop import APP_NAME, __version__
from desktop.core.buildinfo import version_line
from desktop.core.integrity import check_before_start, session_ended, session_started
from desktop.core.logs import setup_logging, stop_logging
from desktop.paths import resource_path
from desktop.store import Store, StoreError, open_store, pending_migrations
from desktop.ui.context import AppContext
from desktop.ui.fonts import install_fonts
from desktop.ui.i18n import Translations, saved_language
from desktop.ui.said import say
from desktop.ui.tasks import SyncRunner, ThreadRunner

EXIT_CANNOT_OPEN = 2
EXIT_NOT_SET_UP = 1  # the first-run set-up was cancelled: nothing was written
#: set: quit as soon as the window is shown and painted (the start-up benchmark)
QUIT_AFTER_START_ENV_VAR = "KARMAYOGI_DESK_QUIT_AFTER_START"
translate = QCoreApplication.translate
log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (tests already have one from pytest-qt)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("app", "karmayogi-desk.png"))))
    return app  # type: ignore[return-value]


def show_error(title: str, message: str) -> None:
    """A blocking dialog for errors before the window exists (replaced in tests)."""
    QMessageBox.critical(None, title, message)


def run_setup_dialog(setup) -> bool:
    """Show the first-run wizard modally; True once the centre is set up (replaced in tests,
    which fill its pages and press its buttons themselves)."""
    setup.exec()
    return setup.set_up


def ask_for_centre(store: Store, *, can_choose_folder: bool = False,
                   runner: ThreadRunner | SyncRunner | None = None) -> Store | None:
    """Before the main window, on a database without an own institute: the first-run wizard
    (desktop/ui/first_run), which sets the centre up as `karmayogi-desk init` does. Returns
    the store to go on with (the wizard may have started the new database in another
    folder), or None when the user cancelled before anything was written."""
    from desktop.core.centre import own_institute

    if own_institute(store) is not None:
        return store
    from desktop.ui.first_run import FirstRunWizard

    setup = FirstRunWizard(store, can_choose_folder=can_choose_folder, runner=runner)
    try:
        done = run_setup_dialog(setup)
        return setup.store if done else None
    finally:
        setup.deleteLater()


def open_database(db_path: Path | str | None) -> Store:
    """The writer store; a new file is created (and migrated) on first start.

    Bringing an existing file up to this version (a backup copy first, then e.g. rebuilding
    the search index of lakhs of people) can take minutes: that runs on a worker thread
    behind a progress dialog, so the window never looks frozen."""
    if db_path is not None and Path(db_path).is_file() and pending_migrations(db_path):
        _migrate_with_progress(Path(db_path))
    return open_store(db_path, create=True)


def _migrate_with_progress(path: Path) -> None:
    failure: list[BaseException] = []

    def migrate() -> None:
        try:
            open_store(path, create=False).close()
        except BaseException as exc:  # re-raised on the GUI thread
            failure.append(exc)

    dialog = QProgressDialog(
        translate(
            "App",
            "Updating the database for this version of Karmayogi Desk. A backup copy is made "
            "first; with a large roster this can take a few minutes.",
        ),
        "",
        0,
        0,
    )
    dialog.setWindowTitle(APP_NAME)
    dialog.setCancelButton(None)  # stopping half-way would only roll back
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    worker = threading.Thread(target=migrate, name="migrate-database", daemon=True)
    worker.start()
    while worker.is_alive():
        QApplication.processEvents()
        worker.join(0.05)
    dialog.close()
    dialog.deleteLater()
    if failure:
        raise failure[0]


def start(
    db_path: Path | str | None,
    *,
    runner: ThreadRunner | SyncRunner | None = None,
    language: str | None = None,
    db_named: bool = True,
):
    """Everything up to a shown main window; returns the window, or an exit code when the
    database cannot be opened (the message was shown and the file is left untouched) or when
    the first-run centre set-up was cancelled (the database stays un-initialised, so the next
    start asks again). `db_named`: False when nobody named the database (no `--db`, no
    KARMAYOGI_DESK_DB): the first-run wizard may then start a new one in another folder."""
    from desktop.ui.main_window import MainWindow  # after QApplication: it builds widgets

    app = application()
    install_fonts(app)
    translations = Translations.shared(app)
    translations.apply(language or saved_language())
    from desktop.ui.integrity import QUIT, check_before_window

    checked = db_path is not None and check_before_start(db_path)
    if check_before_window(Path(db_path) if db_path else None) == QUIT:
        return EXIT_CANNOT_OPEN  # damaged and not restored: the file is left as it was
    existed = db_path is not None and Path(db_path).exists()
    try:
        store = open_database(db_path)
    except StoreError as exc:
        show_error(translate("App", "Karmayogi Desk cannot open the database"), say(exc))
        return EXIT_CANNOT_OPEN
    except OSError as exc:  # e.g. a folder that vanished between check and open
        show_error(translate("App", "Karmayogi Desk cannot open the database"), say(exc))
        return EXIT_CANNOT_OPEN
    from desktop.core.data_folder import can_choose_folder

    set_up = ask_for_centre(store, runner=runner, can_choose_folder=can_choose_folder(
        Path(db_path) if db_path else None, existed=existed, explicit=db_named))
    if set_up is None:
        store.close()
        return EXIT_NOT_SET_UP
    if set_up is not store:  # the wizard made the new database in the folder chosen there
        store, db_path = set_up, set_up.path
    store.checkpoint_in_background()  # the desk's commits never wait for a checkpoint
    if db_path is not None:
        session_started(db_path)  # removed on a clean exit: its presence means a crash
    ctx = AppContext(store, Path(db_path) if db_path else None, runner or ThreadRunner())
    window = MainWindow(ctx, translations)
    # Automatic backups and sync only with real background threads; tests drive them.
    from desktop.ui.backups.auto import AutomaticBackups
    from desktop.ui.igot.auto import IgotAutoForward
    from desktop.ui.sync.status import SyncController, SyncStatusWidget

    window.automatic_backups = AutomaticBackups(
        ctx, window, auto=not isinstance(ctx.runner, SyncRunner))
    window.add_status_widget(window.automatic_backups.label)
    window.add_status_widget(SyncStatusWidget(ctx, auto=not isinstance(ctx.runner, SyncRunner)))
    # After every portal sync that ended well, attended marks go on to iGOT where it is set up.
    IgotAutoForward.for_context(ctx).follow(SyncController.for_context(ctx))
    from desktop.ui.users.session import DeskSession

    if not DeskSession.install(window).sign_in_at_start():  # several users: who is here?
        window.deleteLater()
        store.close()
        return EXIT_NOT_SET_UP
    # A desk that is in a venue goes on exchanging with its hub (desktop/ui/venue).
    from desktop.ui.venue.controller import VenueController

    VenueController.for_context(ctx)
    window.show()
    clean_abandoned_attachments(ctx)
    if db_path is not None and not checked and not isinstance(ctx.runner, SyncRunner):
        check_in_background(window, Path(db_path))
    return window


def check_in_background(window, db_path: Path) -> None:
    """The integrity check of a big file, after the window is up (core/integrity.py)."""
    from desktop.ui.integrity import BackgroundCheck, damage_found_while_running

    window.integrity_check = BackgroundCheck(
        db_path, lambda problems: damage_found_while_running(window, db_path, problems)
    ).start()


def clean_abandoned_attachments(ctx: AppContext) -> None:
    """Photos attached to field visits that were never saved, once a day old, go (on the
    database worker, after the window is up; a problem is only printed: the next start tries
    again)."""
    from desktop.core.attachments import remove_abandoned

    store = ctx.store

    def failed(_exc: BaseException, trace: str) -> None:
        print(trace, file=sys.stderr)

    ctx.run(lambda _handle: remove_abandoned(store), None, failed)


def run(db_path: Path | str | None, *, db_named: bool = True) -> int:
    """`karmayogi-desk gui`: run until the window closes; exit code 2 if the database is
    unusable. `db_named`: see start()."""
    app = application()
    log_path = setup_logging()
    log.info("Karmayogi Desk %s starting on %s", version_line(), db_path)
    from desktop.ui.crash import ErrorHandler

    handler = ErrorHandler(log_path).install()
    try:
        # db_named only when it matters: tests replace start() with a one-argument stub
        window = start(db_path) if db_named else start(db_path, db_named=False)
        if not isinstance(window, int):
            db_path = window.ctx.db_path  # the first-run wizard may have chosen another folder
        if isinstance(window, int):
            return window
        if os.environ.get(QUIT_AFTER_START_ENV_VAR):
            # tests/perf/bench_bundle.py: time a real start of the bundle to a painted window
            QTimer.singleShot(0, app.quit)
        code = app.exec()
        window.ctx.runner.wait()
        window.ctx.store.close()  # idempotent: a restore after damage may have closed it
        if db_path is not None:
            session_ended(db_path)
        log.info("Karmayogi Desk closed (exit code %s)", code)
        return int(code)
    finally:
        handler.uninstall()
        stop_logging(log_path)
