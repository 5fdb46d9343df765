"""Showing the core's problems (desktop.core.problems) in the GUI's language.

The core gives each problem a stable `code`, the `field` and `params`, besides its English
message (kept for the CLI and reports). Each screen keeps a table of translatable templates by
code and of field labels — literal `QT_TRANSLATE_NOOP(context, ...)` strings, so `lupdate`
finds them — and `ProblemText` turns a problem into a line in the current language.

Templates use `{name}` fields for the params (translators may move them); `{label}` is the
translated label of the problem's field and `{<x>_label}` that of a param `<x>_field`. A code
the table does not know (or a template a translator broke) falls back to the English message,
so nothing is ever lost — only left untranslated."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

_SESSION_FIELD = re.compile(r"^session (\d+)\.(\w+)$")


def quoted(value: Any) -> str:
    """A typed value shown inside a message (the English uses repr; here “…” reads better)."""
    return "“" + ("" if value is None else str(value)) + "”"


class ProblemText:
    """Translates problems of one area: `templates` (code → source text) and `labels`
    (field → source text), both in `context`. `quote` names the params shown as typed values
    (wrapped in quotes)."""

    def __init__(
        self,
        context: str,
        templates: Mapping[str, str],
        labels: Mapping[str, str],
        *,
        quote: Iterable[str] = ("value",),
        session_label: str | None = None,
    ) -> None:
        self.context = context
        self.templates = templates
        self.labels = labels
        self.quote = frozenset(quote)
        self.session_label = session_label  # e.g. "Session {n}" for "session 2.start_time"

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(self.context, text)

    def label(self, field: str) -> str:
        """The field's label in the current language; "session 2.start_time" becomes
        "Session 2 · Start" when the area has a session label."""
        match = _SESSION_FIELD.match(field)
        if match and self.session_label:
            session = self.tr(self.session_label).replace("{n}", match.group(1))
            return f"{session} · {self.label(match.group(2))}"
        source = self.labels.get(field)
        return self.tr(source) if source else field

    def message(self, problem: tuple[str, str]) -> str:
        """The problem's message (without its field label) in the current language."""
        field, english = problem[0], problem[1]
        source = self.templates.get(getattr(problem, "code", ""))
        if source is None:
            return english
        template = self.tr(source)
        if template == source:  # not translated (English): exactly the core's words
            return english
        params: dict[str, Any] = dict(getattr(problem, "params", {}))
        values = {
            k: (quoted(v) if k in self.quote else ("" if v is None else str(v)))
            for k, v in params.items()
        }
        values["label"] = self.label(field)
        for key, value in params.items():
            if key.endswith("_field"):
                values[key[: -len("_field")] + "_label"] = self.label(str(value))
        try:
            return template.format_map(values)
        except (KeyError, IndexError, ValueError):  # a broken translation: never lose the text
            return english

    def line(self, problem: tuple[str, str], *, with_label: bool = True) -> str:
        """One line: the field's label, a colon, the message."""
        text = self.message(problem)
        return f"{self.label(problem[0])}: {text}" if with_label else text
