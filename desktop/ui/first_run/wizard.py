"""The first-run wizard (QWizard): the pages in order, the language switch, the buttons'
texts (Qt has no Hindi for them) and what start() needs back: the store (which may now be a
database in another folder) and whether the centre was written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from desktop.store import Store
from desktop.ui.first_run.centre_pages import AdminPage, CentrePage, DataPage, LanguagePage
from desktop.ui.first_run.later_pages import IgotPage, KeyPage, PortalPage
from desktop.ui.first_run.texts import tr
from desktop.ui.i18n import Translations, save_language
from desktop.ui.tasks import SyncRunner, ThreadRunner

_BUTTONS = (
    (QWizard.WizardButton.BackButton, QT_TRANSLATE_NOOP("FirstRun", "< Back")),
    (QWizard.WizardButton.NextButton, QT_TRANSLATE_NOOP("FirstRun", "Next >")),
    (QWizard.WizardButton.CommitButton, QT_TRANSLATE_NOOP("FirstRun", "Set up the centre")),
    (QWizard.WizardButton.FinishButton, QT_TRANSLATE_NOOP("FirstRun", "Finish")),
    (QWizard.WizardButton.CancelButton, QT_TRANSLATE_NOOP("FirstRun", "Cancel")),
)


class FirstRunWizard(QWizard):
    """`set_up` is True once the centre page's commit wrote the institute, the desk and the
    admin; before that, Cancel leaves the database as it was (the next start asks again)."""

    def __init__(self, store: Store, *, can_choose_folder: bool = False,
                 runner: ThreadRunner | SyncRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.store = store
        self.can_choose_folder = can_choose_folder and store.path is not None
        self.chosen_folder: Path | None = None
        self.set_up = False
        self.runner = runner or ThreadRunner()
        self._context = None
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.language_page = LanguagePage(self)
        self.centre_page = CentrePage(self)
        self.data_page = DataPage(self)
        self.admin_page = AdminPage(self, self.centre_page)
        self.key_page = KeyPage(self)
        self.portal_page = PortalPage(self)
        self.igot_page = IgotPage(self)
        for page in self.pages():
            self.addPage(page)
        self.resize(720, 520)
        self.retranslate()

    def pages(self) -> list:
        return [self.language_page, self.centre_page, self.data_page, self.admin_page,
                self.key_page, self.portal_page, self.igot_page]

    # -- language ----------------------------------------------------------------------------
    @staticmethod
    def language() -> str:
        return Translations.shared(QApplication.instance()).language

    def switch_language(self, lang: str) -> None:
        """Apply at once (every open widget retranslates) and save it, as the Language menu
        does, so the main window and later starts speak it too."""
        if lang == self.language():
            return
        Translations.shared(QApplication.instance()).apply(lang)
        save_language(lang)
        for _ in range(2):  # the application's event, then the one it posts to each window
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Set up this centre"))
        for which, text in _BUTTONS:
            self.setButtonText(which, tr(text))
        for page in self.pages():
            page.retranslate()

    # -- after the commit ----------------------------------------------------------------------
    def centre_written(self) -> None:
        """The centre exists now: what is left is optional, so there is nothing to cancel."""
        self.set_up = True
        self.setOption(QWizard.WizardOption.NoCancelButton, True)

    def context(self):
        """An AppContext over the wizard's store for the optional pages' tasks and dialogs."""
        if self._context is None:
            from desktop.ui.context import AppContext

            self._context = AppContext(self.store, self.store.path, self.runner)
        return self._context
