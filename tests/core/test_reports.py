"""Monthly review numbers and the XLSX file."""

from __future__ import annotations

import pytest

from desktop.core.reports import month_bounds
from desktop.core.review import build_review


def _workshop(store, prog, start, end, people, marks):
    ws = store.insert(
        "workshop",
        {
            "programme_id": prog,
            "title_en": f"W {start}",
            "mode": "institute",
            "start_date": start,
            "end_date": end,
        },
    )
    session = store.insert("session", {"workshop_id": ws, "date": start, "start_time": "10:00"})
    for p in people:
        store.insert(
            "enrolment",
            {"workshop_id": ws, "participant_id": p, "source": "nominated", "status": "enrolled"},
        )
    for p in marks:
        store.insert(
            "attendance", {"session_id": session, "participant_id": p, "status": "present"}
        )
    return ws


def test_month_bounds_and_bad_month():
    assert month_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    for bad in ("2026-13", "26-11", "", "2026/11"):
        with pytest.raises(ValueError, match="YYYY-MM"):
            month_bounds(bad)


def test_registered_enrolled_completed_by_department(store):
    prog = store.insert(
        "programme", {"code": "K", "title_en": "K", "hours": 6, "min_attendance_pct": 100}
    )
    rev = [
        store.insert("participant", {"name_en": f"R{i}", "department": "Revenue"}) for i in range(4)
    ]
    edu = [
        store.insert("participant", {"name_en": f"E{i}", "department": "Basic Education"})
        for i in range(2)
    ]
    _workshop(store, prog, "2026-11-03", "2026-11-04", rev[:3] + edu[:1], rev[:2] + edu[:1])
    _workshop(store, prog, "2026-11-28", "2026-12-02", rev[3:], rev[3:])  # ends next month
    _workshop(store, prog, "2026-10-01", "2026-10-02", edu, edu)  # previous month: not counted
    report = build_review(store, "2026-11")
    by = {r.key: r for r in report.by_department}
    assert (by["Revenue"].registered, by["Revenue"].enrolled, by["Revenue"].completed) == (4, 4, 2)
    assert (
        by["Basic Education"].registered,
        by["Basic Education"].enrolled,
        by["Basic Education"].completed,
    ) == (2, 1, 1)
    assert by["Revenue"].label_hi == "राजस्व"
    assert (report.funnel.registered, report.funnel.enrolled, report.funnel.completed) == (6, 5, 3)
    assert [w.completed for w in report.workshops] == [3, None]



def test_cli_report_monthly_xlsx_and_bad_input(cli, db_path, tmp_path):
    out = tmp_path / "m.xlsx"
    code, stdout, _ = cli(
        "--db", db_path, "--json", "report", "monthly", "--month", "2026-11", "--out", out
    )
    assert code == 0 and out.exists()
    assert '"registered": 0' in stdout
    code, _, err = cli(
        "--db", db_path, "report", "monthly", "--month", "2026-11", "--out", tmp_path / "m.txt"
    )
    assert code == 2 and ".xlsx or .pdf" in err
    code, _, err = cli("--db", db_path, "report", "monthly", "--month", "11-2026", "--out", out)
    assert code == 2 and "YYYY-MM" in err


def test_monthly_pdf_extracts_hindi_and_numbers(store, tmp_path):
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    store.insert("participant", {"name_en": "A", "department": "Revenue"})
    from desktop.core.report_pdf import write_pdf
    from desktop.core.review import build_review

    path = write_pdf(store, build_review(store, "2026-11"), tmp_path / "m.pdf")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "मासिक समीक्षा" in text and "Monthly review" in text
    assert "राजस्व / Revenue" in text


def test_pdf_mode_is_bilingual_and_dates_are_indian_local(store, tmp_path, monkeypatch):
    import re
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    from desktop.core import report_pdf
    from desktop.core.report_pdf import write_pdf

    prog = store.insert("programme", {"code": "P1", "title_en": "P", "hours": 6})
    field = _workshop(store, prog, "2026-11-03", "2026-11-04", [], [])
    store.conn.execute("UPDATE workshop SET mode = 'field' WHERE id = ?", (field,))
    _workshop(store, prog, "2026-11-10", "2026-11-10", [], [])
    monkeypatch.setattr(report_pdf, "now_local", lambda: "05-12-2026 14:34")
    from desktop.core.review import build_review

    path = write_pdf(store, build_review(store, "2026-11"), tmp_path / "m.pdf")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "क्षेत्रीय / Field" in text and "संस्थान / Institute" in text
    assert "03-11-2026 – 04-11-2026" in text and "10-11-2026" in text
    assert "Karmayogi Desk · 05-12-2026 14:34" in text and "UTC" not in text
    assert "(01-11-2026 – 30-11-2026)" in text and "Month: 11-2026" in text
    assert not re.search(r"\d{4}-\d{2}-\d{2} –", text)  # no ISO date ranges left
