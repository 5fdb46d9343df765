"""Planning field workshops from a visit, and the bilingual report PDF's text."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from fv_helpers import TODAY, heic, jpeg, visit_data

from desktop.core import attachments as att
from desktop.core import field_report
from desktop.core import field_visits as fv
from desktop.core.field_workshops import (
    SessionPlan,
    plan_field_workshop,
    workshops_of_visit,
)
from desktop.store import open_store


def _programme(store):
    return store.insert(
        "programme",
        {
            "code": "EOF",
            "title_en": "e-Office basics",
            "title_hi": "ई-ऑफिस की मूल बातें",
            "hours": 6,
            "min_attendance_pct": 75,
        },
    )


def test_plan_field_workshop_carries_visit_over(store):
    pid = _programme(store)
    vid = fv.create_visit(store, visit_data(), today=TODAY)
    wid = plan_field_workshop(
        store,
        vid,
        pid,
        start_date="2026-12-02",
        days=2,
        sessions=[SessionPlan("10:00", "13:00"), SessionPlan("14:00", "17:00")],
    )
    w = store.record("workshop", wid)["data"]
    assert w["mode"] == "field"
    assert (w["district_code"], w["venue"], w["department"]) == ("LKO", "Vikas Bhawan", "Revenue")
    assert (w["start_date"], w["end_date"]) == ("2026-12-02", "2026-12-03")
    assert w["institute_code"] == "TST" and w["programme_id"] == pid
    assert w["trainers"] == ["Anita Singh", "अजय वर्मा"]
    sessions = store.conn.execute(
        "SELECT date, start_time FROM session WHERE workshop_id = ? ORDER BY date, start_time",
        (wid,),
    ).fetchall()
    assert [tuple(s) for s in sessions] == [
        ("2026-12-02", "10:00"),
        ("2026-12-02", "14:00"),
        ("2026-12-03", "10:00"),
        ("2026-12-03", "14:00"),
    ]
    assert [w["id"] for w in workshops_of_visit(store, vid)] == [wid]
    assert fv.list_visits(store, today=TODAY)[0].workshops == 1


def test_two_workshops_of_one_visit_have_distinct_titles_in_both_languages(store):
    pid = _programme(store)
    vid = fv.create_visit(store, visit_data(), today=TODAY)
    first = plan_field_workshop(store, vid, pid, start_date="2026-12-02")
    second = plan_field_workshop(store, vid, pid, start_date="2026-12-09")
    a, b = (store.record("workshop", w)["data"] for w in (first, second))
    # The place is in the Hindi title too, and the second one carries its date.
    assert a["title_hi"] == "ई-ऑफिस की मूल बातें — Vikas Bhawan"
    assert a["title_en"] == "e-Office basics — Vikas Bhawan"
    assert b["title_hi"] == "ई-ऑफिस की मूल बातें — Vikas Bhawan, 09-12-2026"
    assert b["title_en"] == "e-Office basics — Vikas Bhawan, 09-12-2026"


def test_plan_defaults_to_visit_date_and_needs_programme(store):
    vid = fv.create_visit(store, visit_data(), today=TODAY)
    with pytest.raises(fv.VisitError) as err:
        plan_field_workshop(store, vid, "")
    assert "programme" in str(err.value)
    wid = plan_field_workshop(store, vid, _programme(store))
    assert store.require("workshop", wid)["start_date"] == "2026-10-05"


def _pdftotext(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_monthly_report_text_extracts_hindi_and_english(db_path, tmp_path):
    store = open_store(db_path)
    photo = att.add_bytes(store, jpeg(gps=True), "site.jpg")
    person = fv.quick_add_participant(store, "Ramesh Kumar", name_hi="रमेश कुमार")
    first = fv.create_visit(
        store,
        visit_data(
            attachments=[photo.ref()],
            participant_ids=[person],
            findings="कार्यालय में 14 कर्मचारियों से भेंट हुई। Staff asked for e-Office training.",
        ),
        today=TODAY,
    )
    fv.create_visit(
        store,
        visit_data(visit_date="2026-10-19", office="Tehsil Sadar", action_points=[]),
        today=TODAY,
    )
    fv.create_visit(store, visit_data(visit_date="2026-11-02"), today=TODAY)  # other month
    out = tmp_path / "review.pdf"
    result = field_report.monthly_report(store, "LKO", "2026-10", out, today=TODAY)
    assert result.visits == 2 and result.missing_attachments == 0
    text = _pdftotext(out)
    for phrase in (
        "मासिक समीक्षा: क्षेत्र भ्रमण / Monthly review: field visits",
        "लखनऊ / Lucknow (LKO)",
        "अक्टूबर 2026 / October 2026",
        "कार्यालय में 14 कर्मचारियों से भेंट हुई। Staff asked for e-Office training.",
        "iGOT पंजीकरण पूर्ण कराना",
        "रमेश कुमार (Ramesh Kumar)",
        "प्रशिक्षण आवश्यकता का आकलन",
        "समय-सीमा पार / overdue 1",
        "Tehsil Sadar",
        "परीक्षण संस्थान / Test Institute",
    ):
        assert phrase in text, phrase
    assert "2026-11-02" not in text
    # the single-visit report, with its photo file deleted: still made, the gap is named
    photo.path.unlink()
    one = field_report.visit_report(store, [first], tmp_path / "one.pdf", today=TODAY)
    assert one.missing_attachments == 1
    text = _pdftotext(one.path)
    assert "site.jpg" in text and "फ़ाइल नहीं मिली / file missing" in text
    store.close()


def test_report_draws_a_heic_photo_upright(store, tmp_path):
    """A phone's HEIC is stored as JPEG, which ReportLab can draw: the report shows it, the
    right way up (portrait, blue on top), and names it as the JPEG it now is."""
    from pypdf import PdfReader

    photo = att.add_bytes(store, heic(gps=True), "IMG_0042.HEIC")
    visit = fv.create_visit(store, visit_data(attachments=[photo.ref()]), today=TODAY)
    result = field_report.visit_report(store, [visit], tmp_path / "heic.pdf", today=TODAY)
    assert result.missing_attachments == 0
    assert "IMG_0042.jpg" in _pdftotext(result.path)
    images = [image for page in PdfReader(result.path).pages for image in page.images]
    assert len(images) == 1
    drawn = images[0].image.convert("RGB")
    width, height = drawn.size
    assert height == 2 * width
    top = drawn.getpixel((width // 2, height // 8))
    bottom = drawn.getpixel((width // 2, height * 7 // 8))
    assert top[2] > 150 and top[0] < 90  # blue
    assert bottom[0] > 150 and bottom[2] < 90  # red


def test_monthly_report_without_visits_says_so(store, tmp_path):
    with pytest.raises(fv.VisitError) as err:
        field_report.monthly_report(store, "LKO", "2026-10", tmp_path / "x.pdf")
    assert "no field visits" in str(err.value)
    with pytest.raises(fv.VisitError):
        field_report.monthly_report(store, "NOPE", "2026-10", tmp_path / "x.pdf")


def test_field_workshop_uses_the_same_desk_and_certificates(store, tmp_path):
    """A workshop planned from a visit is an ordinary workshop to the rest of the desk:
    enrolment, the attendance desk's marks, the completion rule and certificates all work."""
    from desktop.core import enrolment
    from desktop.core.attendance import mark_cli
    from desktop.core.certificates import keys
    from desktop.core.certificates.issue import issue_certificates
    from desktop.core.certificates.verify import verify_file
    from desktop.core.completion import eligible_participants

    keys.ensure_signing_key(store)
    vid = fv.create_visit(store, visit_data(), today=TODAY)
    wid = plan_field_workshop(store, vid, _programme(store), days=1)
    (session_id,) = [
        r[0] for r in store.conn.execute("SELECT id FROM session WHERE workshop_id = ?", (wid,))
    ]
    people = [
        store.insert(
            "participant",
            {"name_en": en, "name_hi": hi, "employee_code": f"FW{i:03d}"},
        )
        for i, (en, hi) in enumerate(
            [("Kshama Shrivastava", "क्षमा श्रीवास्तव"), ("Dharmendra Pal", "धर्मेंद्र पाल"),
             ("Absent Person", None)]
        )
    ]  # fmt: skip
    for pid in people:
        enrolment.enrol(store, wid, pid, source="walk_in")
    for code in ("FW000", "FW001"):
        result = mark_cli(store, session_id, code=code, check_window=False)
        assert result.stored, result.message
    assert sorted(eligible_participants(store, wid)) == sorted(people[:2])
    issued = issue_certificates(store, wid, out_dir=tmp_path / "certs")
    assert sorted(i.participant_id for i in issued.issued) == sorted(people[:2])
    cert = next(i for i in issued.issued if i.participant_id == people[0])
    v = verify_file(cert.pdf, store=store)
    assert v.valid and v.payload["name_hi"] == "क्षमा श्रीवास्तव"
    assert (v.payload["from"], v.payload["to"]) == ("2026-10-05", "2026-10-05")
    if shutil.which("pdftotext"):
        text = _pdftotext(cert.pdf)
        assert "क्षमा श्रीवास्तव" in text and "Vikas Bhawan" in text
