"""iGOT settings: base URL, API key and the coordinator's access token (saved in private
files beside the sync keys, never in the database), and Test connection, which reads the
workshop's linked batch in the background and says in words what is wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.igot import settings as igot_settings
from desktop.ui.context import AppContext
from desktop.ui.igot.words import check_text
from desktop.ui.said import say

CONTEXT = "IgotSettings"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class IgotSettingsDialog(QDialog):
    def __init__(self, context: AppContext, workshop_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workshop_id = workshop_id
        self.setObjectName("igotSettingsDialog")
        shown = igot_settings.describe(context.store)
        self.base = QLineEdit(shown["base_url"] or "")
        self.base.setObjectName("igotBaseUrl")
        self.api_key = QLineEdit()
        self.api_key.setObjectName("igotApiKey")
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.token = QLineEdit()
        self.token.setObjectName("igotToken")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self._key_set, self._token_set = shown["api_key_set"], shown["token_set"]
        self.form = QFormLayout()
        self.base_caption, self.key_caption, self.token_caption = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.base_caption, self.base)
        self.form.addRow(self.key_caption, self.api_key)
        self.form.addRow(self.token_caption, self.token)
        self.message = QLabel()
        self.message.setObjectName("igotSettingsMessage")
        self.message.setWordWrap(True)
        self.test_button = QPushButton()
        self.test_button.setObjectName("igotTestConnection")
        self.save_button = QPushButton()
        self.save_button.setObjectName("igotSave")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.resize(560, 260)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("iGOT settings"))
        self.note.setText(tr("The API key and the access token are kept on this laptop outside "
                             "the database, readable only by you. They are never shown again."))
        self.base_caption.setText(tr("iGOT address:"))
        self.key_caption.setText(tr("API key:"))
        self.token_caption.setText(tr("Coordinator's access token:"))
        kept = tr("(saved; leave empty to keep it)")
        self.api_key.setPlaceholderText(kept if self._key_set else "")
        self.token.setPlaceholderText(kept if self._token_set else "")
        self.test_button.setText(tr("Test connection"))
        self.save_button.setText(tr("Save"))
        self.cancel_button.setText(tr("Cancel"))

    def _typed(self) -> igot_settings.IgotSettings:
        stored = igot_settings.load(self.context.store)
        api_key = self.api_key.text().strip() or (stored.api_key if stored else "")
        token = self.token.text().strip() or (stored.token if stored else "")
        if not self.base.text().strip() or not api_key or not token:
            raise _Incomplete(tr("Fill in the address, the API key and the access token."))
        base = igot_settings.normalise_base(self.base.text())
        return igot_settings.IgotSettings(base, api_key, token)

    def save(self) -> None:
        try:
            typed = self._typed()
            igot_settings.save(self.context.store, base_url=typed.base_url,
                               api_key=self.api_key.text().strip() or None,
                               token=self.token.text().strip() or None)
        except igot_settings.SettingsError as exc:
            self.message.setText(_settings_error(exc))
            return
        # By hand: a short synchronous settings write, not a `ctx.run` operation.
        self.context.notify("igot")
        self.accept()

    def test_connection(self) -> None:
        try:
            typed = self._typed()
        except igot_settings.SettingsError as exc:
            self.message.setText(_settings_error(exc))
            return
        workshop = None
        if self.workshop_id:
            row = self.context.store.get("workshop", self.workshop_id)
            workshop = dict(row) if row else None
        else:  # the Sync area's dialog: the first workshop linked to a batch
            from desktop.core.igot.status import linked_workshops

            linked = linked_workshops(self.context.store)
            workshop = linked[0] if linked else None
        if workshop is None or not workshop.get("igot_batch_id"):
            self.message.setText(check_text("not_linked", None, ""))
            return
        self.message.setText(tr("Testing…"))
        self.test_button.setEnabled(False)

        def task(_handle: Any) -> Any:
            from desktop.core.igot.client import IgotClient
            from desktop.core.igot.status import test_batch

            with IgotClient(typed) as client:
                return test_batch(client, workshop)

        def done(check: Any) -> None:
            self.test_button.setEnabled(True)
            self.message.setText(check_text(check.code, workshop.get("igot_batch_id"),
                                            say(check.message)))

        def failed(exc: BaseException, _trace: str) -> None:
            self.test_button.setEnabled(True)
            self.message.setText(check_text("network", None, ""))

        self.context.run(task, done, failed, kind="net")


class _Incomplete(igot_settings.SettingsError):
    """A box left empty (the message is already in the user's language)."""


def _settings_error(exc: Exception) -> str:
    text = str(exc)
    if isinstance(exc, _Incomplete):
        return text
    if "plain http" in text:
        return tr("Use an https:// address: plain http is allowed only to this computer.")
    if "expected https" in text:
        return tr("This is not a web address (expected https://host/path).")
    return say(exc)
