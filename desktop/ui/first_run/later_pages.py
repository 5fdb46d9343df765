"""The pages after the centre is written: the signing key's fingerprint, and the optional
portal enrolment and iGOT settings (both skippable, both through the same core calls as the
Sync page; a failure is said on the page and undoes nothing written before)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton

from desktop.core import desk_settings
from desktop.core.igot import settings as igot_settings
from desktop.core.sync import engine as sync_engine
from desktop.store import open_store
from desktop.ui.first_run.base import FormPage, Wizard
from desktop.ui.first_run.texts import tr
from desktop.ui.said import say


class KeyPage(FormPage):
    """The signing key set_up_centre made, with its fingerprint (desk_settings, as File ▸
    Settings… shows it)."""

    FORM = "first_run_key.ui"

    def __init__(self, wizard: Wizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.kid: QLabel = self.find(QLabel, "kidValue")
        self.fingerprint: QLabel = self.find(QLabel, "fingerprintValue")

    def title_text(self) -> str:
        return tr("The certificate signing key")

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        shown = desk_settings.current(self.wizard_.store)
        self.kid.setText(shown.signing_kid or "")
        self.fingerprint.setText(shown.signing_fingerprint or "")


class PortalPage(FormPage):
    """Optional enrolment: the Sync page's core call (engine.enrol) on a network thread."""

    FORM = "first_run_portal.ui"

    def __init__(self, wizard: Wizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.url: QLineEdit = self.find(QLineEdit, "urlEdit")
        self.code: QLineEdit = self.find(QLineEdit, "codeEdit")
        self.button: QPushButton = self.find(QPushButton, "enrolButton")
        self.result: QLabel = self.find(QLabel, "resultLabel")
        self.button.clicked.connect(self.enrol)
        self._said: Any = None  # the result's words, said again after a language switch
        self.enrolled = False
        self.enrolling = False  # Next waits for the answer (the page must outlive its task)

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return not self.enrolling

    def _busy(self, busy: bool) -> None:
        self.enrolling = busy
        self.button.setEnabled(not busy)
        self.completeChanged.emit()

    def title_text(self) -> str:
        return tr("Portal enrolment (optional)")

    def retranslate(self) -> None:
        super().retranslate()
        if self._said is not None:
            self.result.setText(self._said())

    def _say(self, words) -> None:
        self._said = words
        self.result.setText(words())

    def enrol(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url or not code:
            self._say(lambda: tr("Enter both the portal address and the code, or skip this "
                                 "page with Next."))
            return
        store = self.wizard_.store

        def task(_handle: Any) -> dict[str, Any]:
            # Its own connection: the wizard's writer stays free (as the Sync page does).
            own = open_store(store.path, create=False, migrate=False) if store.path else store
            own.actor = store.actor
            try:
                return sync_engine.enrol(own, url, code)
            finally:
                if own is not store:
                    own.close()

        def done(info: dict[str, Any]) -> None:
            self._busy(False)
            self.enrolled = True
            institute = info["institute"]
            name = institute.get("name_en") or institute.get("code") or ""
            self._say(lambda: tr("Enrolled with {0} ({1}). The desk syncs when the main "
                                 "window is open.").format(info["portal"], name))

        def failed(exc: BaseException, _trace: str = "") -> None:
            self._busy(False)
            error = exc  # said again in the language of the moment
            self._say(lambda: tr("Enrolment did not work: {0} Nothing else was changed; try "
                                 "again, or skip and enrol later on the Sync page.").format(
                                     say(error)))

        self._busy(True)
        self._say(lambda: tr("Enrolling…"))
        self.wizard_.context().run(task, done, failed, kind="net")


class IgotPage(FormPage):
    """Optional iGOT settings through the existing dialog (desktop/ui/igot)."""

    FORM = "first_run_igot.ui"

    def __init__(self, wizard: Wizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.status: QLabel = self.find(QLabel, "statusLabel")
        self.find(QPushButton, "igotButton").clicked.connect(self.open_settings)

    def title_text(self) -> str:
        return tr("iGOT Karmayogi (optional)")

    def retranslate(self) -> None:
        super().retranslate()
        self._show()

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self._show()

    @staticmethod
    def run_dialog(dialog: QDialog) -> None:
        """Show the settings dialog modally (replaced in tests, which fill and save it)."""
        dialog.exec()

    def open_settings(self) -> None:
        from desktop.ui.igot.settings_dialog import IgotSettingsDialog

        dialog = IgotSettingsDialog(self.wizard_.context(), None, self)
        try:
            self.run_dialog(dialog)
        finally:
            dialog.deleteLater()
        self._show()

    def _show(self) -> None:
        if not self.wizard_.set_up:
            self.status.clear()
            return
        shown = igot_settings.describe(self.wizard_.store)
        if shown["base_url"]:
            self.status.setText(tr("iGOT is set: {0}").format(shown["base_url"]))
        else:
            self.status.setText(tr("Not set: Finish without it, or set it now."))
