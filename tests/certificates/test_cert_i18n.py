"""Every string of the certificates page has a Hindi translation."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.ui.i18n import form_texts

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "certificates_hi.ts"
PAGE = ROOT / "desktop" / "ui" / "certificates"  # the package: one module per tab


def test_every_page_string_has_hindi():
    have = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            have[(name, message.find("source").text)] = message.find("translation").text or ""
    # Adjacent literals split over lines are one string to Python (and to the .ts).
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(PAGE.glob("*.py")))
    source = re.sub(r'"\s*\n\s*"', "", text)
    wanted = set(re.findall(r'\btr\(\s*"((?:[^"\\]|\\.)*)"', source))
    # Texts set through name→text tables in retranslate() (buttons, labels, help).
    wanted |= set(
        re.findall(r'\("[a-zA-Z]+(?:Button|Label|Help)",\s*"((?:[^"\\]|\\.)*)"\)', source)
    )
    wanted |= {text for _key, text in re.findall(r'\("(\w+)", "([^"]+)"\),', source)
               if _key in {"no", "name_en", "name_hi", "employee_code", "programme", "hours",
                           "from", "to", "institute", "issued"}}  # fmt: skip
    # The form's own texts (re-applied by bind_form on a language change).
    context, form = form_texts("certificates.ui")
    assert context == "CertificatesPage"
    wanted |= {item.source for item in form}
    assert "Preview template" in wanted and len(wanted) > 40
    missing = sorted(t for t in wanted if not have.get(("CertificatesPage", t)))
    assert not missing, missing
    for (_context, src), text in have.items():
        assert re.search("[\u0900-\u097f]", text), (src, text)
        assert text.count("{0}") == src.count("{0}"), src
