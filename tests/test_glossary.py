"""One Hindi spelling per term (resources/i18n/GLOSSARY.md): no refused variant in any .ts
translation or Hindi string of desktop/ (the roster's input-recognition tables excepted)."""

from __future__ import annotations

import ast
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "resources" / "i18n" / "GLOSSARY.md"
# Spellings people type, recognised on import and never shown: not subject to the glossary.
EXEMPT = {"desktop/core/roster/fields.py", "desktop/core/roster/districts.py"}
DEVANAGARI = "\u0900-\u097f"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def refused() -> dict[str, str]:
    """variant → the glossary's spelling."""
    out: dict[str, str] = {}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("Term", "---"):
            continue
        for variant in filter(None, (v.strip() for v in cells[3].split(","))):
            out[_nfc(variant)] = cells[2]
    return out


def _pattern(variants) -> re.Pattern[str]:
    # Whole words only: a Devanagari letter or sign on either side continues the word
    # (जिलाधिकारी is a different word from जिला).
    words = "|".join(sorted(map(re.escape, variants), key=len, reverse=True))
    return re.compile(rf"(?<![{DEVANAGARI}])(?:{words})(?![{DEVANAGARI}])")


def hindi_texts():
    """(where, text) for every translation and every Devanagari string literal."""
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            text = message.findtext("translation") or ""
            yield f"{ts.name}: {message.findtext('source')!r}", text
    for py in sorted((ROOT / "desktop").rglob("*.py")):
        rel = py.relative_to(ROOT).as_posix()
        if rel in EXEMPT:
            continue
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if re.search(f"[{DEVANAGARI}]", node.value):
                    yield f"{rel}:{node.lineno}", node.value


def test_the_glossary_refuses_the_spellings_the_issue_found():
    variants = refused()
    assert variants[_nfc("हिंदी")] == "हिन्दी"
    assert variants[_nfc("ज़िला")] == "जनपद" and variants["जिला"] == "जनपद"
    pattern = _pattern(variants)
    assert pattern.search(_nfc("नाम (हिंदी)")) and pattern.search("जिला प्रशासन")
    assert not pattern.search("जिलाधिकारी") and not pattern.search("नाम (हिन्दी)")


def test_no_hindi_text_uses_a_refused_spelling():
    variants = refused()
    pattern = _pattern(variants)
    found = [
        f"{where}: {m.group(0)} → {variants[m.group(0)]}"
        for where, text in hindi_texts()
        for m in pattern.finditer(_nfc(text))
    ]
    assert not found, "\n".join(found)


def test_texts_are_found_at_all():
    where = [w for w, _ in hindi_texts()]
    assert any(w.startswith("roster_hi.ts") for w in where)
    assert any(w.startswith("desktop/core/registers.py") for w in where)
