"""The desk driven as a keyboard-wedge scanner drives it: text typed key by key, then Enter."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.core import enrolment, workshops
from desktop.core.workshops import SessionPlan, WorkshopPlan
from desktop.ui.attendance.desk import AttendancePage
from desktop.ui.context import AppContext
from desktop.ui.tasks import SyncRunner
from tests.attendance.helpers import programme
from tests.attendance.keys import press_enter, scan_into, type_text

DAY = date(2026, 11, 23)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def make_workshop(store, enrolled: int, extra: int = 0):
    prog = programme(store)
    ws = workshops.create_workshop(
        store,
        WorkshopPlan(
            programme_id=prog,
            title_en="Desk test",
            title_hi="डेस्क परीक्षण",
            mode="institute",
            venue="Hall",
            district_code="LKO",
            start_date=DAY.isoformat(),
            end_date=DAY.isoformat(),
            sessions=[
                SessionPlan(DAY.isoformat(), "10:00", "11:30", "Opening", "उद्घाटन"),
                SessionPlan(DAY.isoformat(), "14:00", "15:00", "Later", "बाद में"),
            ],
        ),
    )
    from desktop.store.bulk import insert_many

    rows = [
        {
            "name_en": f"Person {n}",
            "name_hi": "रमेश कुमार",
            "employee_code": f"EC{n:05d}",
            "mobile": f"9{n:09d}",
            "designation": "Clerk",
        }
        for n in range(enrolled + extra)
    ]
    ids = insert_many(store, "participant", rows)
    for pid in ids[:enrolled]:
        enrolment.enrol(store, ws, pid)
    session = workshops.sessions_of(store, ws)[0]["id"]
    return ws, session, ids[:enrolled], ids[enrolled:]


@pytest.fixture
def desk_page(qtbot, store):
    def build(enrolled=5, extra=0, start=datetime(2026, 11, 23, 9, 55)):
        ws, session, people, strangers = make_workshop(store, enrolled, extra)
        clock = Clock(start)
        page = AttendancePage(AppContext(store, None, SyncRunner()), clock=clock)
        qtbot.addWidget(page)
        page.resize(1000, 700)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        qtbot.waitActive(page)
        page.input.setFocus()
        qtbot.waitUntil(page.input.hasFocus)
        return page, clock, ws, session, people, strangers

    return build


def scan(qtbot, page, text: str) -> None:
    scan_into(page.input, text)


def state(page) -> str:
    return page.feedback.property("state")


def test_today_session_preselected_and_feedback_colours(qtbot, desk_page, store):
    page, clock, ws, session, people, strangers = desk_page(3, extra=1)
    assert page.desk.session_id == session  # the 10:00 session, not the 14:00 one
    scan(qtbot, page, "EC00000")
    assert state(page) == "green" and "Person 0" in page.feedback_title.text()
    assert "present" in page.feedback_detail.text()
    assert page.counter.text().startswith("1 / 3")
    clock.tick(0.3)
    scan(qtbot, page, "EC00000")  # the scanner fired twice: silently ignored
    assert state(page) == "green" and page.recent.count() == 1
    clock.tick(120)
    scan(qtbot, page, people[0])
    assert state(page) == "amber" and "09:55" in page.feedback_detail.text()
    scan(qtbot, page, strangers[0])
    assert state(page) == "red" and "Not enrolled" in page.feedback_detail.text()
    scan(qtbot, page, "NOPE77")
    assert state(page) == "red" and page.feedback_title.text() == "Unknown code"
    scan(qtbot, page, "]]}{")
    assert state(page) == "red"
    assert page.input.hasFocus() and page.input.text() == ""
    assert store.conn.execute("SELECT count(*) FROM attendance").fetchone()[0] == 1


def test_wrong_session_not_started_and_closed(qtbot, desk_page, store):
    page, clock, ws, session, people, _ = desk_page(3, start=datetime(2026, 11, 23, 8, 30))
    scan(qtbot, page, "EC00001")
    assert state(page) == "red" and page.feedback_title.text() == "Session not started"
    clock.now = datetime(2026, 11, 23, 10, 0)
    page.confirm = lambda _text: True
    scan(qtbot, page, "EC00001")
    qtbot.keyClick(
        page.input,
        Qt.Key.Key_X,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert state(page) == "amber" and "2 people marked absent" in page.feedback_detail.text()
    scan(qtbot, page, "EC00002")
    assert state(page) == "red" and page.feedback_title.text() == "Session closed"
    statuses = dict(store.conn.execute("SELECT participant_id, status FROM attendance"))
    assert sorted(statuses.values()) == ["absent", "absent", "present"]
    assert page.buttons["reopenButton"].isVisible()
    # reopened from the keyboard (the desk's buttons never take the focus)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.input, Qt.Key.Key_R, ctrl_shift)
    assert page.feedback_title.text() == "Session reopened"
    assert not page.buttons["reopenButton"].isVisible()
    scan(qtbot, page, "EC00002")  # absent by the close, now arrived
    assert state(page) == "green" and "absent → present" in page.feedback_detail.text()
    assert (
        store.conn.execute(
            "SELECT a.status FROM attendance a JOIN participant p ON p.id = a.participant_id "
            "WHERE p.employee_code = 'EC00002'"
        ).fetchone()[0]
        == "present"
    )
    qtbot.keyClick(page.input, Qt.Key.Key_R, ctrl_shift)  # open already: says so, no change
    assert state(page) == "amber" and page.feedback_title.text() == "Session open"


def test_undo_and_statuses_from_keyboard(qtbot, desk_page, store):
    page, clock, ws, session, people, _ = desk_page(3)
    qtbot.keyClick(page.input, Qt.Key.Key_F7)  # next mark: excused
    scan(qtbot, page, "EC00001")
    assert store.conn.execute("SELECT status FROM attendance").fetchone()[0] == "excused"
    assert page.status_combo.currentIndex() == 0  # back to automatic
    qtbot.keyClick(page.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.conn.execute("SELECT deleted FROM attendance").fetchone()[0] == 1
    assert "not marked" in page.feedback_detail.text()
    assert page.counter.text().startswith("0 / 3")
    history = store.conn.execute("SELECT action FROM attendance_history ORDER BY seq").fetchall()
    assert [h[0] for h in history] == ["mark", "undo"]
    dialog = page.open_detail(people[1])
    assert dialog.table.rowCount() == 2
    dialog.close()


def test_walk_in_in_a_few_keystrokes(qtbot, desk_page, store):
    page, clock, ws, session, people, strangers = desk_page(2, extra=1)
    scan(qtbot, page, "NEW123")
    assert state(page) == "red"
    qtbot.keyClick(page.input, Qt.Key.Key_F2)
    assert page.walk_box.isVisible() and page.walk_fields["walkCode"].text() == "NEW123"
    assert page.walk_fields["walkName"].hasFocus()
    scan_into(page.walk_fields["walkName"], "Walk In")
    assert state(page) == "green" and "Walk In" in page.feedback_title.text()
    assert not page.walk_box.isVisible() and page.input.hasFocus()
    source = store.conn.execute(
        "SELECT e.source FROM enrolment e JOIN participant p ON p.id = e.participant_id "
        "WHERE p.employee_code = 'NEW123'"
    ).fetchone()[0]
    assert source == "walk_in"
    # a known person who is not enrolled: F2 enrols and marks at once
    scan(qtbot, page, strangers[0])
    assert state(page) == "red"
    qtbot.keyClick(page.input, Qt.Key.Key_F2)
    assert state(page) == "green" and page.counter.text().startswith("2 / 4")
    # a bad mobile keeps the form open with a message
    scan(qtbot, page, "NEW999")
    qtbot.keyClick(page.input, Qt.Key.Key_F2)
    type_text(page.walk_fields["walkName"], "X")
    page.walk_fields["walkMobile"].setText("12345")
    press_enter(page.walk_fields["walkName"])
    assert page.walk_box.isVisible() and "10 digits" in page.walk_error.text()
    qtbot.keyClick(page.walk_fields["walkName"], Qt.Key.Key_Escape)
    assert not page.walk_box.isVisible() and page.input.hasFocus()


def test_name_suggestions_pick_with_keyboard(qtbot, desk_page, store):
    page, clock, ws, session, people, _ = desk_page(3)
    type_text(page.input, "person 2")
    page.suggest_timer.timeout.emit()
    popup = page.completer.popup()
    assert popup.isVisible()
    assert any("Person 2" in s for s in page.suggest_model.stringList())
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    row = store.conn.execute("SELECT participant_id, method FROM attendance").fetchone()
    assert tuple(row) == (people[2], "search")
    assert page.input.text() == "" or page.input.text().startswith("Person 2")
    qtbot.wait(10)
    assert page.input.text() == ""


def test_focus_returns_to_the_input(qtbot, desk_page):
    page, *_ = desk_page(1)
    page.recent.setFocus()
    qtbot.wait(20)
    assert page.input.hasFocus()
    qtbot.mouseClick(page.buttons["undoButton"], Qt.MouseButton.LeftButton)
    assert page.input.hasFocus()


def test_400_scans_each_mark_stored_once_with_the_right_status(qtbot, desk_page, store):
    """A queue of 400 scans: badges (ids) and typed codes of the enrolled, immediate double
    fires, later repeats, unknown codes and walk-ins registered with F2."""
    page, clock, ws, session, people, strangers = desk_page(
        330, extra=10, start=datetime(2026, 11, 23, 9, 50)
    )
    rng = random.Random(7)
    order = people[:]
    rng.shuffle(order)
    codes = {p: store.get("participant", p)["employee_code"] for p in people}
    expected: dict[str, str] = {}
    events = 0
    walk_ins = 0
    unknown = 0
    i = 0
    while events < 400:
        roll = rng.random()
        if roll < 0.05 and expected:  # a repeat much later: amber, nothing changes
            pid = rng.choice(list(expected))
            clock.tick(2)
            scan(qtbot, page, pid)
            assert state(page) == "amber"
        elif roll < 0.08:
            unknown += 1
            clock.tick(2)
            scan(qtbot, page, f"ZZ{unknown:04d}")
            assert state(page) == "red"
            if unknown % 2 == 0:  # every other unknown is registered as a walk-in
                qtbot.keyClick(page.input, Qt.Key.Key_F2)
                scan_into(page.walk_fields["walkName"], f"Walk {unknown}")
                assert state(page) == "green"
                walk_ins += 1
                events += 1
        else:
            if i >= len(order):
                break
            pid = order[i]
            i += 1
            clock.tick(6)
            text = pid if rng.random() < 0.8 else codes[pid].lower()
            scan(qtbot, page, text)
            assert state(page) == "green", page.feedback_detail.text()
            late = clock.now > datetime(2026, 11, 23, 10, 15)
            expected[pid] = "late" if late else "present"
            if rng.random() < 0.1:  # the scanner double-fires within a second
                clock.tick(0.3)
                scan(qtbot, page, text)
                assert state(page) == "green"
        events += 1
    rows = store.conn.execute(
        "SELECT participant_id, status, deleted FROM attendance WHERE session_id = ?", (session,)
    ).fetchall()
    stored = {r[0]: r[1] for r in rows}
    assert len(rows) == len(stored) == len(expected) + walk_ins
    for pid, status in expected.items():
        assert stored[pid] == status
    assert "late" in stored.values() and "present" in stored.values()
    history = store.conn.execute(
        "SELECT count(*) FROM attendance_history WHERE session_id = ?", (session,)
    ).fetchone()[0]
    assert history == len(rows)
    walk_rows = store.conn.execute(
        "SELECT count(*) FROM enrolment WHERE workshop_id = ? AND source = 'walk_in'", (ws,)
    ).fetchone()[0]
    assert walk_rows == walk_ins > 0
    assert page.counter.text().startswith(f"{len(rows)} / {330 + walk_ins}")


def test_latest_marks_are_read_from_the_database_after_a_restart(qtbot, desk_page, store):
    """Issue 20: after a restart the list was empty while the page said "2 / 4 marked"."""
    page, clock, ws, session, people, _ = desk_page(4)
    scan(qtbot, page, "EC00002")
    clock.tick(60)
    scan(qtbot, page, "EC00000")
    page.close()
    again = AttendancePage(AppContext(store, None, SyncRunner()), clock=clock)  # a restart
    qtbot.addWidget(again)
    assert again.desk.session_id == session
    assert again.counter.text().startswith("2 / 4")
    lines = [again.recent.item(r).text() for r in range(again.recent.count())]
    assert len(lines) == 2
    assert "Person 0" in lines[0] and "Person 2" in lines[1]  # newest on top
    assert "present" in lines[0] and "✔" in lines[0]
    ids = [again.recent.item(r).data(Qt.ItemDataRole.UserRole) for r in range(2)]
    assert ids == [people[0], people[2]]  # a double-click opens that person's detail
    other = workshops.sessions_of(store, ws)[1]["id"]
    again.select_session(other)  # the list is the selected session's
    assert again.recent.count() == 0
    again.select_session(session)
    assert again.recent.count() == 2


def test_latest_marks_core_query_leaves_out_undone_marks(store):
    from desktop.core import attendance

    ws, session, people, _ = make_workshop(store, 3)
    desk = attendance.Desk(store, session)
    first = desk.mark(people[0], now=datetime(2026, 11, 23, 10, 1), check_window=False)
    desk.mark(people[1], now=datetime(2026, 11, 23, 10, 2), check_window=False)
    desk.undo(first.history_seq)
    rows = attendance.latest_marks(store, session)
    assert [r["participant_id"] for r in rows] == [people[1]]
    assert rows[0]["name_en"] == "Person 1" and rows[0]["status"] == "present"


def test_the_desk_announces_its_marks_but_does_not_reload_for_its_own_echo(
    qtbot, desk_page, store, monkeypatch
):
    page, clock, ws, session, people, strangers = desk_page(3, extra=1)
    heard: list[tuple[str, bool]] = []
    page.ctx.changed.connect(lambda kind: heard.append((kind, page.ctx.changed_by is page)))
    reloads: list[int] = []
    real = page._load_sessions
    monkeypatch.setattr(page, "_load_sessions", lambda *a: reloads.append(1) or real(*a))
    scan(qtbot, page, "EC00000")
    clock.tick(0.3)
    scan(qtbot, page, "EC00000")  # a double fire stores nothing: nothing announced
    assert heard == [("attendance", True)]
    scan(qtbot, page, strangers[0])
    qtbot.keyClick(page.input, Qt.Key.Key_F2)  # a walk-in: enrolled and marked
    assert heard[1:] == [("attendance", True), ("enrolment", True)]
    assert reloads == []  # its own "enrolment" did not reload the sessions
    page.ctx.notify("enrolment")  # another screen's change does
    assert reloads == [1]
