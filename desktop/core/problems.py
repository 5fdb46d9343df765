"""Problems found in input: a stable code, the field it concerns, parameters, and English text.

The core speaks English (CLI output, the import report CSV, JSON). A GUI in another language
must not parse that text: each problem also carries a machine-readable `code` and its
`params`, and the GUI turns the code into its own translatable template and the field name
into its own label. The English text is made here from a template per code, so the two stay in
step and the English wording is defined once.

`Problem` is a `(field, message)` tuple — code that unpacks or compares plain pairs keeps
working — with `code` and `params` attached. No Qt here (domain core)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Problem(tuple):
    """`(field, message)` plus `code` (stable, e.g. "title_required") and `params` (the values
    the message was made from: what was typed, a row number...)."""

    code: str
    params: dict[str, Any]

    def __new__(
        cls, field: str, code: str, message: str, params: Mapping[str, Any] | None = None
    ) -> Problem:
        self = super().__new__(cls, (field, message))
        self.code = code
        self.params = dict(params or {})
        return self

    @property
    def field(self) -> str:
        return self[0]

    @property
    def message(self) -> str:
        return self[1]

    def __reduce__(self):  # pickles across the roster reader process
        return (Problem, (self[0], self.code, self[1], self.params))


class Catalogue:
    """English templates by code, for one area. Calling it makes a `Problem`.

    Templates use `str.format` fields named after the params. Two fields are filled in from
    the area's English field labels rather than given: `{label}` (the problem's field) and
    `{<name>_label}` for a param `<name>_field` (another field the message names). A GUI
    fills the same fields with its translated labels."""

    def __init__(self, templates: Mapping[str, str], labels: Mapping[str, str] | None = None):
        self.templates = dict(templates)
        self.labels = dict(labels or {})

    def english_label(self, field: str) -> str:
        return self.labels.get(field, field)

    def __call__(self, field: str, code: str, **params: Any) -> Problem:
        values = dict(params)
        values.setdefault("label", self.english_label(field))
        for key, value in params.items():
            if key.endswith("_field"):
                values.setdefault(key[: -len("_field")] + "_label", self.english_label(value))
        return Problem(field, code, self.templates[code].format(**values), params)


def codes(problems: list[tuple[str, str]]) -> list[str]:
    """The codes of a list of problems ('' for a plain pair), e.g. for tests and logs."""
    return [getattr(p, "code", "") for p in problems]
