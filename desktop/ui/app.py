"""Starting the GUI: application, fonts, translations, the store, the main window.

Start-up must stay fast on a database of 1.88 million participants: nothing here counts or
scans a big table; the roster page reads one page of rows and fetches more as the user
scrolls."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop import APP_NAME, __version__
from desktop.store import Store, StoreError, open_store, pending_migrations
from desktop.ui.context import AppContext
from desktop.ui.fonts import install_fonts
from desktop.ui.i18n import Translations, saved_language
from desktop.ui.tasks import SyncRunner, ThreadRunner

EXIT_CANNOT_OPEN = 2
EXIT_NOT_SET_UP = 1  # the first-run set-up was cancelled: nothing was written
translate = QCoreApplication.translate


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (tests already have one from pytest-qt)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    return app  # type: ignore[return-value]


def show_error(title: str, message: str) -> None:
    """A blocking dialog for errors before the window exists (replaced in tests)."""
    QMessageBox.critical(None, title, message)


def run_setup_dialog(setup) -> bool:
    """Show the first-run "Set up this centre" dialog modally; True once the centre is set up
    (replaced in tests, which fill the dialog and press its buttons themselves)."""
    return setup.exec()


def ask_for_centre(store: Store) -> bool:
    """Before the main window, on a database without an own institute: ask for the centre
    and set it up as `karmayogi-desk init` does. False when the user cancelled."""
    from desktop.ui.centre_setup import CentreSetupDialog, needs_set_up

    if not needs_set_up(store):
        return True
    setup = CentreSetupDialog(store)
    try:
        return run_setup_dialog(setup)
    finally:
        setup.dialog.deleteLater()


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
):
    """Everything up to a shown main window; returns the window, or an exit code when the
    database cannot be opened (the message was shown and the file is left untouched) or when
    the first-run centre set-up was cancelled (the database stays un-initialised, so the next
    start asks again)."""
    from desktop.ui.main_window import MainWindow  # after QApplication: it builds widgets

    app = application()
    install_fonts(app)
    translations = Translations.shared(app)
    translations.apply(language or saved_language())
    try:
        store = open_database(db_path)
    except StoreError as exc:
        show_error(translate("App", "Karmayogi Desk cannot open the database"), str(exc))
        return EXIT_CANNOT_OPEN
    except OSError as exc:  # e.g. a folder that vanished between check and open
        show_error(translate("App", "Karmayogi Desk cannot open the database"), str(exc))
        return EXIT_CANNOT_OPEN
    if not ask_for_centre(store):
        store.close()
        return EXIT_NOT_SET_UP
    store.checkpoint_in_background()  # the desk's commits never wait for a checkpoint
    ctx = AppContext(store, Path(db_path) if db_path else None, runner or ThreadRunner())
    window = MainWindow(ctx, translations)
    from desktop.ui.igot.auto import IgotAutoForward
    from desktop.ui.sync.status import SyncController, SyncStatusWidget

    # Automatic sync only with real background threads; tests drive sync themselves.
    window.add_status_widget(SyncStatusWidget(ctx, auto=not isinstance(ctx.runner, SyncRunner)))
    # After every portal sync that ended well, attended marks go on to iGOT where it is set up.
    IgotAutoForward.for_context(ctx).follow(SyncController.for_context(ctx))
    # A desk that is in a venue goes on exchanging with its hub (desktop/ui/venue).
    from desktop.ui.venue.controller import VenueController

    VenueController.for_context(ctx)
    window.show()
    clean_abandoned_attachments(ctx)
    return window


def clean_abandoned_attachments(ctx: AppContext) -> None:
    """Photos attached to field visits that were never saved, once a day old, go (on the
    database worker, after the window is up; a problem is only printed: the next start tries
    again)."""
    from desktop.core.attachments import remove_abandoned

    store = ctx.store

    def failed(_exc: BaseException, trace: str) -> None:
        print(trace, file=sys.stderr)

    ctx.run(lambda _handle: remove_abandoned(store), None, failed)


def run(db_path: Path | str | None) -> int:
    """`karmayogi-desk gui`: run until the window closes; exit code 2 if the database is
    unusable."""
    app = application()
    window = start(db_path)
    if isinstance(window, int):
        return window
    code = app.exec()
    window.ctx.runner.wait()
    window.ctx.store.close()
    return int(code)
