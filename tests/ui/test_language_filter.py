"""A form bound with `bind_form` is re-read on a language change, with `after` run; a filter
whose attributes the cycle collector cleared (as it may when the form, its filter and its
page are garbage together while Qt still delivers events) does nothing instead of raising."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from desktop.ui.i18n import bind_form


def _filter_of(form: QWidget) -> QObject:
    [found] = [c for c in form.children() if type(c).__name__ == "_LanguageFilter"]
    return found


def test_a_language_change_rereads_the_form_and_runs_after(qtbot, monkeypatch):
    import desktop.ui.i18n as i18n

    form = QWidget()
    qtbot.addWidget(form)
    reread: list[tuple[QWidget, str]] = []
    monkeypatch.setattr(i18n, "retranslate_form", lambda root, name: reread.append((root, name)))
    after: list[int] = []
    bind_form(form, "certificates.ui", after=lambda: after.append(1))
    reread.clear()  # bind_form reads the texts once itself
    QCoreApplication.sendEvent(form, QEvent(QEvent.Type.LanguageChange))
    assert reread == [(form, "certificates.ui")] and after == [1]


def test_a_cleared_filter_does_nothing_and_raises_nothing(qtbot, monkeypatch):
    import desktop.ui.i18n as i18n

    form = QWidget()
    qtbot.addWidget(form)
    bind_form(form, "certificates.ui", after=lambda: None)
    reread: list[str] = []
    monkeypatch.setattr(i18n, "retranslate_form", lambda root, name: reread.append(name))
    _filter_of(form).__dict__.clear()  # what the cycle collector's clearing leaves
    errors: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda *exc: errors.append(exc[1]))
    QCoreApplication.sendEvent(form, QEvent(QEvent.Type.LanguageChange))
    assert reread == [] and errors == []
