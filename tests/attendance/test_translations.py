"""The Hindi translation files cover every string of the two screens and compile."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("ts", "sources"),
    [
        ("attendance_hi.ts", ["desktop/ui/pages/attendance.py", "forms/attendance_desk.ui"]),
        (
            "workshops_hi.ts",
            [
                "desktop/ui/pages/workshops.py",
                "forms/workshops.ui",
                "desktop/ui/pages/programme_dialog.py",
                "forms/programme_dialog.ui",
            ],
        ),
    ],
)
def test_every_string_translated_into_hindi(ts, sources, tmp_path):
    tree = ET.parse(ROOT / "resources" / "i18n" / ts)
    translated = {}
    for message in tree.iter("message"):
        text = message.find("translation").text or ""
        assert message.find("translation").get("type") != "unfinished"
        source = message.find("source").text
        assert text.strip(), source
        if re.search(r"[A-Za-z]{4}", source) and source not in {"%"}:
            assert re.search(r"[\u0900-\u097F]", text), (source, text)  # real Hindi
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", text)), source
        translated[source] = text
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        ["pyside6-lupdate", *[str(ROOT / s) for s in sources], "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    needed = {m.find("source").text for m in ET.parse(fresh).iter("message")}
    assert needed - set(translated) == set()
    qm = tmp_path / "out.qm"
    subprocess.run(
        ["pyside6-lrelease", str(ROOT / "resources" / "i18n" / ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.stat().st_size > 1000
