"""Every string of the first-run wizard has Hindi in resources/i18n/first_run_hi.ts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.paths import forms_path, resource_path
from desktop.ui.i18n import form_texts
from tests.tr_strings import tr_strings

ROOT = Path(__file__).resolve().parents[2]


def test_every_wizard_string_has_hindi():
    root = ET.parse(resource_path("i18n", "first_run_hi.ts")).getroot()
    have = {
        (c.findtext("name"), m.findtext("source")): m.findtext("translation") or ""
        for c in root.iter("context") for m in c.iter("message")
    }
    wanted = set()
    for py in (ROOT / "desktop" / "ui" / "first_run").glob("*.py"):
        wanted |= tr_strings(py, "FirstRun")
    forms = sorted(p.name for p in forms_path("x").parent.glob("first_run_*.ui"))
    assert len(forms) == 7
    for form in forms:
        context, texts = form_texts(form)
        wanted |= {(context, t.source) for t in texts}
    missing = sorted(wanted - set(have))
    assert wanted and not missing, missing
    untranslated = [key for key in wanted
                    if not any("\u0900" <= c <= "\u097f" for c in have[key])]
    assert not untranslated, untranslated
