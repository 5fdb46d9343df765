"""Every string of the Sync page, its form and the status-bar widget has a Hindi
translation in resources/i18n/sync_hi.ts (kept by hand: lupdate cannot see the context of
the pages' own tr())."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.tr_strings import tr_strings

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "sync_hi.ts"
PACKAGE = ROOT / "desktop" / "ui" / "sync"  # the page, its tabs and dialogs, the status bar
SOURCES = [("SyncStatus" if path.name == "status.py" else "SyncPage", path)
           for path in sorted(PACKAGE.glob("*.py"))]
FORM = ROOT / "forms" / "sync_page.ui"




def test_every_sync_string_has_hindi():
    have = {}
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            have[(context.findtext("name"), message.findtext("source"))] = (
                message.find("translation").text or "")
    wanted: set[tuple[str, str]] = set()
    for context, path in SOURCES:
        wanted |= tr_strings(path, context)
    form = ET.parse(FORM).getroot()
    wanted |= {("SyncPage", s.text) for s in form.iter("string")
               if s.text and s.get("notr") != "true"}
    assert ("SyncPage", "Send again") in wanted and len(wanted) > 100
    missing = sorted(w for w in wanted if not have.get(w))
    assert not missing, missing
    for (_context, source), text in have.items():
        assert re.search("[\u0900-\u097f]", text) or not re.search("[A-Za-z]{3}", source), source
        assert set(re.findall(r"\{\d\}", source)) == set(re.findall(r"\{\d\}", text)), source
    stale = sorted(k for k in have if k not in wanted)
    assert not stale, stale


def test_every_record_kind_has_a_name_on_the_sync_page():
    from desktop.protocol.records import KIND_ORDER
    from desktop.ui.sync.words import KIND_NAMES

    assert set(KIND_NAMES) == set(KIND_ORDER)
