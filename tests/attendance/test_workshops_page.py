"""The workshops page driven with qtbot: filter, create with validation, copy, enrol from the
roster and a nomination list, withdraw, completion table and PDFs."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.core import workshops
from desktop.core.attendance import Desk
from desktop.ui.context import AppContext
from desktop.ui.tasks import SyncRunner
from desktop.ui.workshops.completion_tab import TO_COME_COLUMN, WHY_COLUMN
from desktop.ui.workshops.page import WorkshopsPage
from desktop.ui.workshops.workshop_list import TITLE_COLUMN, date_range
from tests.attendance.helpers import person, plan, programme, workshop_with_people
from tests.attendance.keys import type_text

DAY = date(2026, 11, 23)


@pytest.fixture
def page(qtbot, store):
    prog = programme(store, "P1")
    workshops.create_workshop(store, plan(prog, date(2026, 10, 1), title="Old one"))
    page = WorkshopsPage(AppContext(store, None, SyncRunner()), today=lambda: DAY)
    page.opened = []
    page.open_file = page.opened.append
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    return page


def titles(page) -> list[str]:
    return [page.table.item(r, TITLE_COLUMN).text() for r in range(page.table.rowCount())]


def test_create_with_validation_then_filter_and_copy(qtbot, page, store):
    page.new_workshop()
    page.save()  # empty title, no topic
    # the form names fields by their labels, not the core's field names
    assert "Title (English): the English title must not be empty" in page.error.text()
    assert "Session 1 · Topic (English)" in page.error.text()
    assert "title_en" not in page.error.text()
    type_text(page.title_en, "Desk training")
    page.venue.setText("Hall 3")
    page.sessions.item(0, 3).setText("Opening")
    page.add_session()
    assert page.sessions.item(1, 1).text() == "12:00"  # half an hour after 11:30
    page.sessions.item(1, 3).setText("Practice")
    page.add_day()
    assert page.sessions.rowCount() == 4
    assert page.end_date.date().toString(Qt.DateFormat.ISODate) == "2026-11-24"
    page.save()
    assert page.error.text() == "Saved."
    created = page.workshop_id
    assert [s["start_time"] for s in workshops.sessions_of(store, created)] == [
        "10:00",
        "12:00",
        "10:00",
        "12:00",
    ]
    page.when.setCurrentIndex(page.when.findData("past"))
    assert titles(page) == ["Old one"]
    page.when.setCurrentIndex(page.when.findData("running"))
    assert titles(page) == ["Desk training"]
    page.when.setCurrentIndex(0)
    page.select_workshop(created)
    page.copy_date.setDate(QDate(2026, 12, 7))
    page.copy_selected()
    copied = workshops.plan_of(store, page.workshop_id)
    assert page.workshop_id != created and copied.start_date == "2026-12-07"
    assert len(copied.sessions) == 4


def test_people_tab_and_completion(qtbot, page, store, tmp_path):
    ws, sessions, people_ids = workshop_with_people(store, DAY, 2, code="P2")
    extra = person(store, 9, name_en="Sita Devi", name_hi="सीता देवी", employee_code="SD9")
    person(store, 10, employee_code="NOM10")
    page.select_workshop(ws)
    page.roster_search.setText("sita")
    page.search_roster()
    assert page.roster_results.count() == 1
    page.enrol_selected()
    assert page.enrolled_table.rowCount() == 3
    nominations = tmp_path / "n.csv"
    nominations.write_text("Employee ID\nNOM10\nNOPE\n", encoding="utf-8")
    result = page.import_nominations(str(nominations))
    assert result.enrolled == 1 and "row 3" in page.enrolled_label.text()
    page.enrolled_table.selectRow(0)
    page.withdraw_selected()
    assert "3 enrolled" in page.enrolled_label.text()
    Desk(store, sessions[0]).mark(extra, status="present", check_window=False)
    page.refresh()  # the one session is held (marked); running, so no decision yet
    assert "Can still complete: 1 of 3 (minimum already reached: 1)" in page.rule_label.text()
    page.badges_pdf()
    page.register_pdf()
    page.summary_pdf()
    assert [p.name.split("-")[0] for p in page.opened] == ["badges", "register", "summary"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in page.opened)


def test_programme_dialog_creates_and_validates(qtbot, page, store):
    dialog = page.edit_programmes()
    # On screen as a trainer sees it: a real size, the fields and Save inside it.
    assert dialog.isVisible() and dialog.width() >= 300 and dialog.height() >= 200
    assert dialog.code.isVisible() and dialog.title_en.isVisible()
    assert not dialog.form.isWindow()
    dialog.code.setText("NEW-1")
    dialog.save()  # no English title
    assert dialog.isVisible() and "Title (English):" in dialog.error.text()
    dialog.title_en.setText("New programme")
    dialog.title_hi.setText("नया कार्यक्रम")
    dialog.pct.setValue(80)
    save = dialog.form.findChild(QDialogButtonBox, "buttons").button(
        QDialogButtonBox.StandardButton.Save
    )
    assert save.isVisible()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    row = store.get("programme", dialog.saved_id)
    assert (row["code"], row["min_attendance_pct"], row["title_hi"]) == ("NEW-1", 80, "नया कार्यक्रम")
    assert page.programme.currentData() == dialog.saved_id


def test_participant_attendance_detail_from_the_list(qtbot, page, store):
    ws, sessions, people_ids = workshop_with_people(store, DAY, 1, code="P3")
    desk = Desk(store, sessions[0])
    first = desk.mark(people_ids[0], status="present", check_window=False)
    desk.mark(people_ids[0], status="excused", method="search", check_window=False)
    desk.undo(first.history_seq + 1)
    page.select_workshop(ws)
    dialog = page.open_detail(people_ids[0])
    table = dialog.table
    actions = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert actions == ["undone", "changed", "marked"]
    assert table.item(0, 3).text() == "present" and table.item(0, 4).text() == "excused"
    # the time of the mark itself (the undo restored the first mark's time)
    first_time = datetime.fromisoformat(first.marked_at.replace("Z", "+00:00")).astimezone()
    assert table.item(0, 5).text() == first_time.strftime("%H:%M")
    assert table.item(2, 6).text() == "scan" and table.item(1, 6).text() == "search"
    assert "Topic 0-10:00" in table.item(0, 1).text()
    assert dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Close
    ).text() in ("Close", "&Close")
    dialog.close()


def test_workshop_list_shows_dates_in_one_cell_and_whole_titles(qtbot, page, store):
    """The list is narrow: one date cell, and long titles wrap instead of being elided
    (titles of one programme differ only at the end, "… — batch 4")."""
    assert date_range("2026-11-30", "2026-11-30") == "30-11-2026"
    assert date_range("2026-11-30", "2026-12-01") == "30-11 – 01-12-2026"
    assert date_range("2026-12-31", "2027-01-02") == "31-12-2026 – 02-01-2027"
    prog = programme(store, "LONG")
    long_title = "Public Financial Management for District Officers — batch 12"
    workshops.create_workshop(store, plan(prog, DAY, days=2, title=long_title))
    page.resize(1024, 700)
    page.refresh()
    row = titles(page).index(long_title)
    assert page.table.item(row, 0).text() == "23-11 – 24-11-2026"
    # The plan shows and reads the one date style; what is stored stays ISO.
    assert page.start_date.displayFormat() == page.end_date.displayFormat() == "dd-MM-yyyy"
    page.table.selectRow(row)
    assert page.sessions.item(0, 0).text() == "23-11-2026"
    assert page._sessions_from_table()[0].date == "2026-11-23"
    assert page.table.wordWrap()
    assert page.table.textElideMode() == Qt.TextElideMode.ElideNone
    qtbot.waitUntil(
        lambda: page.table.rowHeight(row) > page.table.rowHeight(titles(page).index("Old one"))
    )


def test_long_session_topics_wrap_whole_in_the_plan_at_1024_px(qtbot, page, store):
    """The plan pane is narrow in a 1024 px window: a long topic wraps (its row grows)
    instead of ending in '…', and its cell's tooltip gives both topics in full."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    topic_en = "Grievance redressal through IGRS and the CM helpline, with case studies"
    topic_hi = "आईजीआरएस एवं मुख्यमंत्री हेल्पलाइन से जन शिकायत निवारण, केस अध्ययन सहित"
    prog = programme(store, "TOPIC")
    long_plan = plan(prog, DAY, title="Long topics")
    long_plan.sessions[0].topic_en, long_plan.sessions[0].topic_hi = topic_en, topic_hi
    long_plan.sessions[0].trainer = "Dr. Anita Srivastava"
    ws = workshops.create_workshop(store, long_plan)
    page.resize(1024 - 230, 640)  # the page's share of a 1024 px window beside the navigation
    page.select_workshop(ws)
    page.tabs.setCurrentIndex(0)
    table = page.sessions
    assert table.wordWrap() and table.textElideMode() == Qt.TextElideMode.ElideNone

    def whole(column: int) -> bool:
        rect = QRect(0, 0, table.columnWidth(column) - 8, 10_000)  # the cell's text margins
        needed = QFontMetrics(table.font()).boundingRect(
            rect, int(Qt.TextFlag.TextWordWrap), table.item(0, column).text()
        )
        return needed.height() <= table.rowHeight(0) and needed.width() <= rect.width()

    qtbot.waitUntil(lambda: whole(3) and whole(4))
    for column in (3, 4):
        assert table.item(0, column).toolTip() == f"{topic_en}\n{topic_hi}"
    table.item(0, 3).setText("Opening")  # an edit keeps the tooltip current
    assert table.item(0, 4).toolTip() == f"Opening\n{topic_hi}"


def test_completion_reason_is_short_with_the_full_reason_as_tooltip(qtbot, page, store):
    ws, sessions, people_ids = workshop_with_people(store, date(2026, 11, 2), 1, code="P4")
    page.select_workshop(ws)
    page.tabs.setCurrentIndex(2)
    why = page.completion_table.item(0, WHY_COLUMN)
    assert why.text() == "below the 75% minimum"  # the workshop is over, no marks: 0 of 1
    assert why.toolTip() == "attended 0 of 1 (0%), below 75%"
    assert page.completion_table.isColumnHidden(TO_COME_COLUMN)  # nothing is to come
    assert page.completion_table.horizontalHeaderItem(WHY_COLUMN - 1).text() == "Eligible"


def test_running_workshop_counts_sessions_to_come_apart_from_absences(qtbot, page, store):
    """Half-way through, a trainer sees attended of the sessions held so far, how many are
    to come, and what each person must still attend, not a 'no' for sessions not held."""
    slots = (("09:00", "10:30"), ("14:00", "15:30"))
    ws, sessions, (a, b, c) = workshop_with_people(
        store, date(2026, 11, 22), 3, code="RUN", days=3, slots=slots
    )
    marks = {a: ["present"] * 3, b: ["present", "present", "absent"], c: ["absent"] * 2}
    for who, statuses in marks.items():
        for session, status in zip(sessions, statuses, strict=False):
            Desk(store, session).mark(who, status=status, method="search", check_window=False)
    page.now = lambda: datetime(2026, 11, 23, 12, 0)  # yesterday's two and this morning's
    page.select_workshop(ws)
    page.tabs.setCurrentIndex(2)
    assert "3 of 6 sessions held so far" in page.rule_label.text()
    assert "Can still complete: 2 of 3" in page.rule_label.text()
    table = page.completion_table
    assert not table.isColumnHidden(TO_COME_COLUMN)
    shown = [col for col in range(table.columnCount()) if not table.isColumnHidden(col)]
    headers = [table.horizontalHeaderItem(col).text() for col in shown]
    assert headers == ["Name", "Code", "Attended so far", "To come", "What it takes"]
    rows = {
        table.item(r, 1).text(): [table.item(r, col).text() for col in range(2, 7)]
        for r in range(table.rowCount())
    }
    code = {p: store.get("participant", p)["employee_code"] for p in (a, b, c)}
    # 75% of 6 sessions is 5 attended
    assert rows[code[a]] == ["3/3", "100", "3", "yes", "must attend 2 of 3"]
    assert rows[code[b]] == ["2/3", "66.7", "3", "yes", "must attend 3 of 3"]
    assert rows[code[c]] == ["0/3", "0", "3", "no", "can no longer reach 75%"]
    assert table.item(0, 1).text() == code[c]  # those who cannot complete come first
    assert "held so far (100%): must attend 2 of the 3 sessions to come" in table.item(
        [table.item(r, 1).text() for r in range(3)].index(code[a]), WHY_COLUMN
    ).toolTip()


def test_pages_close_their_reader_connection_when_deleted(qtbot, db_path):
    import sqlite3

    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop.store import open_store
    from desktop.ui.attendance.desk import AttendancePage

    store = open_store(db_path)
    try:
        ctx = AppContext(store, db_path, SyncRunner())
        pages = [WorkshopsPage(ctx), AttendancePage(ctx)]
        readers = [p.reader for p in pages]
        assert all(r is not store for r in readers)
        for page in pages:
            page.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        for reader in readers:
            with pytest.raises(sqlite3.ProgrammingError):
                reader.conn.execute("SELECT 1")
    finally:
        store.close()


def test_the_list_keeps_titles_enrolled_and_status_in_view_at_1024_px(qtbot, page, store):
    """Issue 20: at 1024 px the title column shrank to ~45 px and Enrolled and Status went
    behind a scrollbar. The title keeps a readable width; the session count and the mode
    step aside first, and come back when the window is wide again."""
    from desktop.ui.workshops.workshop_list import MODE_COLUMN, SESSIONS_COLUMN

    prog = programme(store, "NARROW")
    workshops.create_workshop(
        store, plan(prog, DAY, days=2, title="Right to Information Act — batch 7")
    )
    page.refresh()
    page.resize(1024 - 200, 640)  # the page beside the navigation in a 1024 px window
    qtbot.waitUntil(lambda: page.table.columnWidth(TITLE_COLUMN) >= 100)
    assert page.table.horizontalScrollBar().maximum() == 0
    metrics = page.table.fontMetrics()
    words = "Right to Information Act — batch 7".split()
    # Two or three words a line, never a word a line, never a word cut.
    assert metrics.horizontalAdvance("Information Act") < page.table.columnWidth(1) - 6
    assert all(metrics.horizontalAdvance(w) < page.table.columnWidth(1) - 6 for w in words)
    assert page.table.isColumnHidden(SESSIONS_COLUMN)
    for column in (0, TITLE_COLUMN, 4, 5):  # dates, title, enrolled, status
        assert not page.table.isColumnHidden(column)
    right = page.table.columnViewportPosition(5) + page.table.columnWidth(5)
    assert right <= page.table.viewport().width()
    page.resize(1366, 700)
    qtbot.waitUntil(lambda: not page.table.isColumnHidden(SESSIONS_COLUMN))
    assert not page.table.isColumnHidden(MODE_COLUMN)
