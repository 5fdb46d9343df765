"""Badges, session register and workshop summary PDFs: the text a reader extracts (Hindi
included), and the badge QR decodes back to the participant id."""

from __future__ import annotations

import subprocess
from datetime import date, datetime

import pytest

from desktop.core.attendance import Desk
from desktop.core.badges import badges_pdf
from desktop.core.registers import session_register_pdf, workshop_summary_pdf
from tests.attendance.helpers import person, workshop_with_people

DAY = date(2026, 11, 23)


def pdftotext(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def marked(store):
    from desktop.core.centre import init_centre
    from desktop.core.enrolment import enrol

    init_centre(store, "TST", "Test Institute", "प्रशिक्षण संस्थान लखनऊ")
    ws, sessions, people = workshop_with_people(
        store, DAY, 3, slots=(("10:00", "11:00"), ("12:00", "13:00"))
    )
    special = person(
        store,
        77,
        name_en="Kshitij Shrivastava",
        name_hi="क्षितिज श्रीवास्तव",
        employee_code="UPLKO77",
        department="Revenue",
        designation="Lekhpal",
    )
    enrol(store, ws, special)
    desk = Desk(store, sessions[0])
    desk.scan("UPLKO77", now=datetime(2026, 11, 23, 10, 20))  # late
    desk.scan(people[0], now=datetime(2026, 11, 23, 9, 58))
    Desk(store, sessions[1]).mark(
        special, status="excused", method="search", now=datetime(2026, 11, 23, 12, 0)
    )
    return ws, sessions, special


def test_register_text_is_bilingual_and_extractable(store, marked, tmp_path):
    ws, sessions, special = marked
    out = tmp_path / "register.pdf"
    assert session_register_pdf(store, sessions[0], out) == 4
    text = pdftotext(out)
    for expected in (
        "उपस्थिति पंजिका / Attendance Register",
        "प्रशिक्षण संस्थान लखनऊ",
        "क्षितिज श्रीवास्तव",
        "Kshitij Shrivastava",
        "UPLKO77",
        "विलंब से",
        "Late 10:20",
        "Revenue / राजस्व",
        "हस्ताक्षर",
        "Signature",
        "प्रशिक्षण कार्यशाला",
        "Enrolled: 4",
        "Trainer's signature",
    ):
        assert expected in text, expected
    assert "\ue000" not in text and "\ue001" not in text  # no private-use glyph codes leak


def test_summary_shows_eligibility_and_reason(store, marked, tmp_path):
    ws, sessions, special = marked
    out = tmp_path / "summary.pdf"
    assert workshop_summary_pdf(store, ws, out) == 4
    text = pdftotext(out)
    assert "कार्यशाला सारांश / Workshop Summary" in text
    assert "Eligible: 1 of 4" in text  # the late + excused person: 1/1 counted = 100%
    assert "below the 75% minimum" in text
    line = next(ln for ln in text.splitlines() if "UPLKO77" in ln)
    assert " L " in line and " E " in line and "1/1" in line and "हाँ / Yes" in line


def test_badges_qr_decodes_to_participant_id(store, marked, tmp_path):
    import zxingcpp
    from PIL import Image

    ws, _, special = marked
    out = tmp_path / "badges.pdf"
    assert badges_pdf(store, ws, out) == 4
    text = pdftotext(out)
    assert "क्षितिज श्रीवास्तव" in text
    # The code's label is bilingual, its Hindi shaped (extracted as real text, not glyph ids).
    line = next(ln for ln in text.splitlines() if "UPLKO77" in ln)
    assert "कर्मचारी कोड / Emp. code: UPLKO77" in " ".join(line.split()), line
    assert "\ue000" not in text and "\ue001" not in text
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("page*.png")))
    decoded = {r.text for r in zxingcpp.read_barcodes(image)}
    assert special in decoded and len(decoded) == 4


def test_cli_writes_pdfs(cli, db_path, tmp_path):
    from desktop.store import open_store

    with open_store(db_path) as store:
        ws, sessions, _ = workshop_with_people(store, DAY, 2)
    for kind, target in (("badges", ws), ("register", sessions[0]), ("summary", ws)):
        out = tmp_path / f"{kind}.pdf"
        code, _, err = cli("--db", db_path, "workshop", kind, target, "--out", out)
        assert code == 0, err
        assert out.read_bytes().startswith(b"%PDF")
    code, _, err = cli("--db", db_path, "workshop", "register", "nope", "--out", tmp_path / "x")
    assert code == 2 and "No session" in err


def test_register_wraps_a_long_hindi_department_and_uses_indian_dates(store, marked, tmp_path):
    from desktop.core.enrolment import enrol

    ws, sessions, _ = marked
    health = person(
        store,
        78,
        name_en="Meera Devi",
        name_hi="मीरा देवी",
        employee_code="UPLKO78",
        department="Medical Health and Family Welfare",
        designation="Auxiliary Nurse Midwife",
    )
    enrol(store, ws, health)
    out = tmp_path / "register.pdf"
    session_register_pdf(store, sessions[0], out)
    text = " ".join(pdftotext(out).split())
    # The whole Hindi name is on the paper (wrapped onto its own line), nothing cut to "…".
    assert "चिकित्सा स्वास्थ्य एवं परिवार कल्याण" in text
    assert "Medical Health and Family Welfare /" in text and "…" not in text
    assert "23-11-2026, 10:00–11:00" in text  # the one date style (dd-mm-yyyy)
