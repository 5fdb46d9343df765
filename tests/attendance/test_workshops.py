"""Programmes, workshop plans, copying, listing and filtering, enrolment and walk-ins."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import enrolment, workshops
from desktop.core.workshops import SessionPlan, ValidationError
from tests.attendance.helpers import person, plan, programme, workshop_with_people

DAY = date(2026, 11, 23)


def test_programme_validation_names_fields(store):
    with pytest.raises(ValidationError) as err:
        workshops.save_programme(
            store, {"code": "", "title_en": " ", "hours": 0, "min_attendance_pct": 101}
        )
    fields = {f for f, _ in err.value.problems}
    assert fields == {"code", "title_en", "hours", "min_attendance_pct"}
    programme(store, "DUP")
    with pytest.raises(ValidationError, match="already used"):
        programme(store, "DUP")


def test_plan_validation_reports_every_problem(store):
    prog = programme(store)
    bad = plan(prog, DAY, days=2, slots=(("10:00", "11:30"), ("11:00", "12:00")))
    bad.district_code = "XXX"
    bad.end_date = "2026-11-22"  # before the start
    bad.sessions.append(
        SessionPlan(date="2026-12-30", start_time="25:00", end_time="10:00", topic_en="")
    )
    with pytest.raises(ValidationError) as err:
        workshops.create_workshop(store, bad)
    text = str(err.value)
    assert "district_code: unknown district code 'XXX'" in text
    assert "end_date: the workshop cannot end before it starts" in text
    assert "overlaps session 1" in text
    assert "'25:00' is not a time" in text
    assert "topic_en: give the session a topic" in text
    assert store.conn.execute("SELECT count(*) FROM workshop").fetchone()[0] == 0


def test_create_copy_and_filters(store):
    prog = programme(store)
    past = workshops.create_workshop(
        store, plan(prog, date(2026, 11, 1), days=2, slots=(("09:30", "11:00"), ("11:30", "13:00")))
    )
    running = workshops.create_workshop(store, plan(prog, DAY, mode="field", title="Field"))
    copy = workshops.copy_workshop(store, past, "2026-12-07", title_en="Copy")
    copied = workshops.plan_of(store, copy)
    assert (copied.start_date, copied.end_date) == ("2026-12-07", "2026-12-08")
    assert [(s.date, s.start_time) for s in copied.sessions] == [
        ("2026-12-07", "09:30"),
        ("2026-12-07", "11:30"),
        ("2026-12-08", "09:30"),
        ("2026-12-08", "11:30"),
    ]
    ids = lambda **kw: [w["id"] for w in workshops.list_workshops(store, today=DAY, **kw)]  # noqa: E731
    assert ids(when="past") == [past]
    assert ids(when="running") == [running]
    assert ids(when="upcoming") == [copy]
    assert ids(mode="field") == [running]
    assert set(ids()) == {past, running, copy}


def test_edit_keeps_marked_sessions(store):
    from desktop.core.attendance import Desk

    ws, sessions, people = workshop_with_people(
        store, DAY, 2, slots=(("10:00", "11:00"), ("12:00", "13:00"))
    )
    Desk(store, sessions[0]).mark(people[0], now=None, check_window=False)
    edited = workshops.plan_of(store, ws)
    edited.sessions = edited.sessions[1:]  # drop the marked one
    with pytest.raises(ValidationError, match="already has 1 attendance marks"):
        workshops.update_workshop(store, ws, edited)
    edited = workshops.plan_of(store, ws)
    edited.sessions = edited.sessions[:1]
    edited.sessions[0].topic_en = "Renamed"
    workshops.update_workshop(store, ws, edited)
    assert [s["topic_en"] for s in workshops.sessions_of(store, ws)] == ["Renamed"]


def test_enrol_withdraw_reenrol_is_one_row(store):
    ws, _, people = workshop_with_people(store, DAY, 1)
    p = people[0]
    assert enrolment.enrol(store, ws, p) == "already"
    enrolment.withdraw(store, ws, p)
    assert enrolment.enrolled(store, ws) == []
    assert enrolment.enrol(store, ws, p) == "reactivated"
    assert store.conn.execute("SELECT count(*) FROM enrolment").fetchone()[0] == 1


def test_walk_in_matches_by_code_then_mobile_else_creates(store):
    ws, _, people = workshop_with_people(store, DAY, 0)
    known = person(store, 7, employee_code="UPLKO01", mobile="9876543210")
    pid, how = enrolment.register_walk_in(store, ws, enrolment.WalkIn("X", employee_code="uplko01"))
    assert (pid, how) == (known, "matched")
    pid, how = enrolment.register_walk_in(store, ws, enrolment.WalkIn("X", mobile="9876543210"))
    assert (pid, how) == (known, "matched")
    pid, how = enrolment.register_walk_in(
        store, ws, enrolment.WalkIn("New Person", name_hi="नया व्यक्ति", mobile="8000000001")
    )
    assert how == "created"
    row = store.conn.execute(
        "SELECT source FROM enrolment WHERE participant_id = ?", (pid,)
    ).fetchone()
    assert row[0] == "walk_in"
    with pytest.raises(enrolment.EnrolmentError, match="mobile"):
        enrolment.register_walk_in(store, ws, enrolment.WalkIn("Y", mobile="12345"))
    with pytest.raises(enrolment.EnrolmentError, match="employee code or a mobile"):
        enrolment.register_walk_in(store, ws, enrolment.WalkIn("Y"))


def test_nomination_list_csv_codes_and_full_rows(store, tmp_path):
    ws, _, _ = workshop_with_people(store, DAY, 0)
    person(store, 1, employee_code="A1")
    person(store, 2, employee_code="A2")
    path = tmp_path / "nominations.csv"
    path.write_text(
        "\ufeffEmployee ID,Full Name,Mobile Number,Designation\n"
        "a1,,,\n"
        "A2,,,\n"
        "A1,,,\n"  # duplicate in the file
        "NEW9,Nayi Naam,9123456780,Clerk\n"
        "GHOST,,,\n"
        "BAD CODE,,,\n",
        encoding="utf-8",
    )
    preview = enrolment.preview_nominations(store, ws, path)
    assert preview.enrolled == 3 and len(preview.rejected) == 3
    assert enrolment.enrolled(store, ws) == []  # preview changed nothing
    result = enrolment.import_nominations(store, ws, path)
    assert (result.enrolled, result.created_people) == (3, 1)
    assert {(e["row"], e["field"]) for e in result.rejected} == {
        (4, "employee_code"),
        (6, "employee_code"),
        (7, "employee_code"),
    }
    assert "not in the roster" in next(e for e in result.rejected if e["row"] == 6)["message"]
    again = enrolment.import_nominations(store, ws, path)
    assert (again.enrolled, again.already) == (0, 3)


def test_nomination_list_xlsx_bare_codes(store, tmp_path):
    from openpyxl import Workbook

    ws, _, _ = workshop_with_people(store, DAY, 0)
    person(store, 1, employee_code="B1")
    book = Workbook()
    sheet = book.active
    sheet.append(["कर्मचारी कोड"])
    sheet.append(["B1"])
    path = tmp_path / "n.xlsx"
    book.save(path)
    assert enrolment.import_nominations(store, ws, path).enrolled == 1
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(enrolment.EnrolmentError, match="empty"):
        enrolment.import_nominations(store, ws, empty)
