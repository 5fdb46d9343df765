"""The core's messages in the GUI's language (desktop/text/said.py says why and how).

`say(exc)` is what every place that shows an error to the person at the desk calls instead of
`str(exc)`: a message raised as `said(template, **values)` comes back with the template
translated (context "Said", resources/i18n/said_hi.ts) and the same values filled in; anything
else (an OS error, a message not yet in the catalogue) as its English text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.text.said import CONTEXT, Said, said_of


def say(message: object) -> str:
    """`message` (an exception, a `Said` or any text) in the current language."""
    if isinstance(message, BaseException):
        found = said_of(message)
        return say(found) if found is not None else str(message)
    if not isinstance(message, Said):
        return str(message)
    template = QCoreApplication.translate(CONTEXT, message.template)
    values = {k: say(v) if isinstance(v, Said) else v for k, v in message.values.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
        return str(message)
