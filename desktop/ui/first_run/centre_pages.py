"""The pages before anything is written: language, institute and desk, where the data lives,
and the first admin, whose page commits the centre in one go (set_up_centre + the admin)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from desktop.core.centre import DESK_MAX, DESK_MIN, check_code, check_desk
from desktop.core.data_folder import FolderProblem, folder_problem, move_new_database
from desktop.core.setup import set_up_centre
from desktop.paths import DB_FILE_NAME, data_dir
from desktop.store import StoreError
from desktop.ui.first_run.base import FormPage, Wizard
from desktop.ui.first_run.texts import tr
from desktop.ui.said import say
from desktop.ui.users.first_admin import FirstAdminFields


def _is_devanagari(text: str) -> bool:
    return any("\u0900" <= c <= "\u097f" for c in text)


class LanguagePage(FormPage):
    """Switching retranslates the wizard at once and is saved like the Language menu's."""

    FORM = "first_run_language.ui"

    def __init__(self, wizard: Wizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.english: QRadioButton = self.find(QRadioButton, "englishRadio")
        self.hindi: QRadioButton = self.find(QRadioButton, "hindiRadio")
        (self.hindi if wizard.language() == "hi" else self.english).setChecked(True)
        self.hindi.toggled.connect(lambda on: wizard.switch_language("hi" if on else "en"))

    def title_text(self) -> str:
        return tr("Language")


class CentrePage(FormPage):
    """Institute code, names and desk number, checked with the core's own checks; each
    problem is named on the page. Nothing is written here."""

    FORM = "first_run_centre.ui"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code: QLineEdit = self.find(QLineEdit, "codeEdit")
        self.name_en: QLineEdit = self.find(QLineEdit, "nameEnEdit")
        self.name_hi: QLineEdit = self.find(QLineEdit, "nameHiEdit")
        self.desk: QSpinBox = self.find(QSpinBox, "deskSpin")
        self.desk.setRange(DESK_MIN, DESK_MAX)
        self.clear_problem()
        #: (code, English name, Hindi name or None, desk) once the page was passed
        self.checked: tuple[str, str, str | None, int] | None = None

    def title_text(self) -> str:
        return tr("Institute and desk")

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        try:
            code = check_code(self.code.text())
        except StoreError:
            self.show_problem(self.code, lambda: tr(
                "Institute code: use 2 to 16 capital letters, digits or '-' (e.g. UPAAM)."))
            return False
        name_en = self.name_en.text().strip()
        name_hi = self.name_hi.text().strip()
        if not name_en:
            self.show_problem(self.name_en,
                              lambda: tr("Institute name (English) must not be empty."))
            return False
        if name_hi and not _is_devanagari(name_hi):
            self.show_problem(self.name_hi, lambda: tr(
                "Institute name (Hindi): write it in Devanagari, or leave it empty."))
            return False
        try:
            desk = check_desk(self.desk.value())
        except StoreError:
            self.show_problem(self.desk,
                              lambda: tr("Desk number: use a whole number from 1 to 9."))
            return False
        self.clear_problem()
        self.checked = (code, name_en, name_hi or None, desk)
        return True


def _folder_words(problem: FolderProblem, folder: Path) -> str:
    where = str(folder)
    if problem is FolderProblem.MISSING:
        return tr("The folder {0} does not exist.").format(where)
    if problem is FolderProblem.NOT_A_FOLDER:
        return tr("{0} is a file, not a folder.").format(where)
    if problem is FolderProblem.NOT_WRITABLE:
        return tr("The folder {0} cannot be written to (no permission, or a read-only "
                  "drive). Choose a folder you can save files in.").format(where)
    return tr("The folder {0} already holds a Karmayogi Desk database. Choose an empty "
              "folder, or start the program on that database.").format(where)


class DataPage(FormPage):
    """Where the data lives, with the default. Another folder may be chosen only for a
    database this start created and nobody named (`--db`, KARMAYOGI_DESK_DB win)."""

    FORM = "first_run_data.ui"

    def __init__(self, wizard: Wizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.where: QLineEdit = self.find(QLineEdit, "whereValue")
        self.default: QLineEdit = self.find(QLineEdit, "defaultValue")
        self.note: QLabel = self.find(QLabel, "noteLabel")
        self.choose: QPushButton = self.find(QPushButton, "chooseButton")
        self.use_default: QPushButton = self.find(QPushButton, "defaultButton")
        self.choose.setVisible(wizard.can_choose_folder)
        self.use_default.setVisible(False)
        self.choose.clicked.connect(self._choose)
        self.use_default.clicked.connect(lambda: self.take(None))
        self.clear_problem()
        self._show()

    def title_text(self) -> str:
        return tr("Where the data lives")

    def retranslate(self) -> None:
        super().retranslate()
        self._show()

    def ask_folder(self) -> Path | None:
        """The folder picker (replaced in tests)."""
        start = str(self.wizard_.chosen_folder or data_dir())
        chosen = QFileDialog.getExistingDirectory(self, tr("Where should the data live?"), start)
        return Path(chosen) if chosen else None

    def _choose(self) -> None:
        folder = self.ask_folder()
        if folder is not None:
            self.take(folder)

    def take(self, folder: Path | None) -> bool:
        """Choose `folder` (None: back to the default); refused in words when it cannot
        take the database."""
        if folder is not None:
            problem = folder_problem(folder)
            if problem is not None:
                self.show_problem(self.choose, lambda: _folder_words(problem, folder))
                return False
        self.clear_problem()
        self.wizard_.chosen_folder = folder
        self.use_default.setVisible(folder is not None)
        self._show()
        return True

    def _show(self) -> None:
        path = self.wizard_.store.path
        chosen = self.wizard_.chosen_folder
        shown = chosen / DB_FILE_NAME if chosen is not None else path
        self.where.setText(str(shown) if shown is not None else tr("in memory (not saved)"))
        self.default.setText(str(data_dir() / DB_FILE_NAME))
        for box in (self.where, self.default):
            box.setCursorPosition(0)  # a long path shows from its drive or root
        if not self.wizard_.can_choose_folder:
            self.note.setText(tr(
                "This place was given with --db or KARMAYOGI_DESK_DB, or the file was there "
                "already, so it stays. To move the data later: make a full backup (File ▸ "
                "Backup), then restore it in the new place (README, “For administrators”)."))
        elif chosen is not None:
            self.note.setText(tr(
                "The database is made in this folder when you set up the centre, and every "
                "later start opens it from there (--db or KARMAYOGI_DESK_DB still win)."))
        else:
            self.note.setText(tr(
                "Keep the default unless this laptop keeps its data on another drive. Backups "
                "and the signing key are kept beside the database."))


class AdminPage(FormPage):
    """The first admin (FirstAdminFields); committing this page writes the centre."""

    FORM = "first_run_admin.ui"

    def __init__(self, wizard: Wizard, centre: CentrePage) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.centre = centre
        self.first_admin = FirstAdminFields(self.find(QFormLayout, "formLayout"))
        self.setCommitPage(True)
        self.clear_problem()

    def title_text(self) -> str:
        return tr("The first admin")

    def retranslate(self) -> None:
        super().retranslate()
        self.first_admin.retranslate()

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        if self.wizard_.set_up:
            return True
        problem = self.first_admin.problem()
        if problem is not None:
            field, message = problem
            self.show_problem(field, lambda: message)
            return False
        assert self.centre.checked is not None
        code, name_en, name_hi, desk = self.centre.checked
        wizard = self.wizard_
        if wizard.chosen_folder is not None and wizard.store.path != (
                wizard.chosen_folder / DB_FILE_NAME):
            folder = wizard.chosen_folder
            try:
                wizard.store = move_new_database(wizard.store, folder)
            except (StoreError, OSError) as exc:
                error = exc  # said again in the language of the moment
                self.show_problem(None, lambda: tr(
                    "The database could not be made in {0}: {1}").format(folder, say(error)))
                return False
        store = wizard.store
        try:
            with store.transaction():
                set_up_centre(store, code, name_en, name_hi, desk)
                self.first_admin.create(store)
        except (StoreError, OSError) as exc:  # e.g. the key folder cannot be written
            error = exc
            self.show_problem(None, lambda: tr(
                "The centre could not be set up: {0}").format(say(error)))
            return False
        self.clear_problem()
        wizard.centre_written()
        return True
