"""What every wizard page shares: its Designer form embedded edge to edge and kept
translated, a title set in code, and one red line that names the problem on the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget, QWizardPage

from desktop.store import Store
from desktop.ui.i18n import bind_form
from desktop.ui.uiload import child, embed_form, load_ui

#: a text in the current language, asked for again after a language switch
Words = Callable[[], str]
T = TypeVar("T", bound=QObject)


class Wizard(Protocol):
    """What the pages use of the wizard (desktop/ui/first_run/wizard.py), without importing
    it back."""

    store: Store
    can_choose_folder: bool
    chosen_folder: Path | None
    set_up: bool

    def language(self) -> str: ...
    def switch_language(self, lang: str) -> None: ...
    def centre_written(self) -> None: ...
    def context(self) -> Any: ...


class FormPage(QWizardPage):
    FORM = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = load_ui(self.FORM, self)
        embed_form(self, self.form)
        bind_form(self.form, self.FORM)
        self._problem: Words | None = None
        self.error: QLabel | None = self.form.findChild(QLabel, "errorLabel")

    def find(self, cls: type[T], name: str) -> T:
        """The form's widget (uiload.child: a renamed widget fails loudly)."""
        return child(self.form, cls, name)

    def retranslate(self) -> None:
        """Titles and texts set in code (the form's own come back through bind_form)."""
        self.setTitle(self.title_text())
        if self._problem is not None and self.error is not None:
            self.error.setText(self._problem())

    def title_text(self) -> str:
        raise NotImplementedError

    def show_problem(self, widget: QWidget | None, words: Words) -> None:
        self._problem = words
        assert self.error is not None
        self.error.setText(words())
        self.error.setVisible(True)
        if widget is not None:
            widget.setFocus()

    def clear_problem(self) -> None:
        self._problem = None
        if self.error is not None:
            self.error.clear()
            self.error.setVisible(False)
