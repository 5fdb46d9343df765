"""Driving the first-run wizard the way a user does: fill a page, press its button."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWizard

from desktop.ui import app as app_module

B = QWizard.WizardButton


def press(wizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    button.click()
    QApplication.processEvents()


def fill_centre(wizard, code="UPDIST-7", en="District Training Centre Kanpur", hi="",
                desk=None) -> None:
    page = wizard.centre_page
    page.code.setText(code)
    page.name_en.setText(en)
    page.name_hi.setText(hi)
    if desk is not None:
        page.desk.setValue(desk)


def fill_admin(wizard, name="Asha Verma", pin="2580", again=None) -> None:
    fields = wizard.admin_page.first_admin
    fields.name.setText(name)
    fields.pin.setText(pin)
    fields.pin_again.setText(pin if again is None else again)


def to_admin_page(wizard, **centre) -> None:
    """From the language page through the centre and data pages."""
    press(wizard, B.NextButton)
    fill_centre(wizard, **centre)
    press(wizard, B.NextButton)
    assert wizard.currentPage() is wizard.data_page
    press(wizard, B.NextButton)
    assert wizard.currentPage() is wizard.admin_page


def set_up_and_finish(wizard, **centre) -> None:
    to_admin_page(wizard, **centre)
    fill_admin(wizard)
    press(wizard, B.CommitButton)
    assert wizard.currentPage() is wizard.key_page
    press(wizard, B.NextButton)
    press(wizard, B.NextButton)
    press(wizard, B.FinishButton)


def drive(monkeypatch, steps) -> list:
    """Replace the modal exec() with `steps(wizard)` on the shown wizard; returns the list
    of wizards met."""
    met = []

    def run(wizard):
        met.append(wizard)
        wizard.show()
        QApplication.processEvents()
        steps(wizard)
        return wizard.set_up

    monkeypatch.setattr(app_module, "run_setup_dialog", run)
    return met
