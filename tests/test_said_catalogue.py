"""The core's messages in Hindi (desktop/text/said.py): every `said("…")` template written in
desktop/ has a Hindi translation in a `resources/i18n/said*_hi.ts` file (context "Said") with
the same fields, none left over; a `Said` survives pickling and reads as English in the core;
the GUI says it in Hindi with the same values."""

from __future__ import annotations

import ast
import pickle
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.store import StoreError
from desktop.text.said import CONTEXT, Said, said, said_of

ROOT = Path(__file__).resolve().parents[1]
DEVANAGARI = re.compile("[\u0900-\u097f]")


def templates_in_code() -> dict[str, str]:
    """template → where it is written, for every `said("literal", …)` in desktop/."""
    found: dict[str, str] = {}
    for py in sorted((ROOT / "desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0]
            if name in ("said", "Said") and isinstance(first, ast.Constant):
                if isinstance(first.value, str):
                    found.setdefault(first.value, f"{py.relative_to(ROOT)}:{node.lineno}")
    return found


def hindi_catalogue() -> dict[str, str]:
    out: dict[str, str] = {}
    for ts in sorted((ROOT / "resources" / "i18n").glob("said*_hi.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            if context.findtext("name") != CONTEXT:
                continue
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                assert source not in out, f"{ts.name}: {source!r} translated twice"
                out[source] = message.findtext("translation") or ""
    return out


def fields(template: str) -> set[tuple[str, str | None, str]]:
    return {
        (name, conversion, spec)
        for _text, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    }


def test_the_code_says_something_through_the_catalogue():
    assert len(templates_in_code()) >= 20  # the scan finds the calls (it could silently not)


def test_every_template_has_hindi_with_the_same_fields():
    catalogue = hindi_catalogue()
    problems = []
    for template, where in templates_in_code().items():
        hindi = catalogue.get(template)
        if not hindi:
            problems.append(f"{where}: no Hindi for {template!r}")
        elif not DEVANAGARI.search(hindi):
            problems.append(f"{where}: the Hindi of {template!r} is not in Devanagari")
        elif fields(hindi) != fields(template):
            problems.append(f"{where}: fields differ: {template!r} → {hindi!r}")
    assert not problems, "\n".join(problems)


def test_no_translation_is_left_over():
    """A template changed in the code leaves its old entry behind: it must go too."""
    unused = set(hindi_catalogue()) - set(templates_in_code())
    assert not unused, sorted(unused)


def test_said_is_english_text_that_remembers_its_template():
    message = said("Row {row}: {path} is empty.", row=3, path=Path("a.csv"))
    assert message == "Row 3: a.csv is empty." and isinstance(message, str)
    error = StoreError(message)
    assert str(error) == "Row 3: a.csv is empty."
    assert said_of(error) is message and said_of(StoreError("plain")) is None
    again = pickle.loads(pickle.dumps(error))  # across the roster reader's process
    assert isinstance(said_of(again), Said)
    assert said_of(again).template == message.template and said_of(again).values["row"] == 3


@pytest.fixture
def hindi(qapp):
    from desktop.ui.i18n import Translations

    translations = Translations.shared(qapp)
    translations.apply("hi")
    yield
    translations.apply("en")


def test_the_gui_says_a_core_message_in_hindi_with_the_same_values(hindi):
    from desktop.store.in_use import sole_use  # noqa: F401  (a real message of the core)
    from desktop.ui.said import say

    template = next(t for t in templates_in_code() if "{path}" in t)
    values = {name: "जनपद.csv" for name, _c, _s in fields(template)}
    message = said(template, **values)
    shown = say(StoreError(message))
    assert shown != str(message) and DEVANAGARI.search(shown.replace("जनपद.csv", ""))
    assert "जनपद.csv" in shown
    assert say(StoreError("not catalogued")) == "not catalogued"  # English, not lost


def test_a_broken_translation_falls_back_to_english(hindi, monkeypatch):
    from desktop.ui import said as ui_said

    monkeypatch.setattr(
        ui_said.QCoreApplication, "translate", lambda _c, _t: "{missing} टूटा"
    )
    message = said("{path} is empty.", path="a.csv")
    assert ui_said.say(message) == "a.csv is empty."
