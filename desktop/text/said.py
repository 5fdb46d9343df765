"""Messages for people that another language can say again: an English text that remembers the
template and the values it was made from.

The core speaks English (the CLI, logs, JSON). The GUI speaks Hindi too, and must not parse
English: an error raised as `StoreError(said("Row {row}: the sheet {sheet!r} is empty", row=3,
sheet="Sheet1"))` reads as plain English everywhere (`Said` is a `str`), and the GUI
(desktop/ui/said.py) looks the template up in its translations (context "Said",
resources/i18n/said_hi.ts) and fills in the same values. A value that is itself `Said` (a
reason inside a message) is translated the same way. tests/test_said_catalogue.py checks that
every template written in the code has its Hindi with the same fields.

Row problems of an input file have their own codes and catalogue (desktop/core/problems.py);
this is for the messages of errors: files, enrolment, sync, certificates, the database.
No Qt here (the bottom floor)."""

from __future__ import annotations

from typing import Any

#: the translation context of every template
CONTEXT = "Said"


class Said(str):
    """English text, with `template` and `values` kept for a translation."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Said:
        self = super().__new__(cls, template.format(**values))
        self.template = template
        self.values = values
        return self

    def __reduce__(self):  # pickles across processes (the roster reader) as itself
        return (_remake, (self.template, self.values))


def _remake(template: str, values: dict[str, Any]) -> Said:
    return Said(template, **values)


def said(template: str, /, **values: Any) -> Said:
    """`template.format(**values)` that a GUI can say in its own language."""
    return Said(template, **values)


def said_of(error: BaseException) -> Said | None:
    """The `Said` an exception was raised with, if it was (its first argument)."""
    args = getattr(error, "args", ())
    if args and isinstance(args[0], Said):
        return args[0]
    return None
