"""The attendance desk names the venue desk where a person was already marked."""

from __future__ import annotations

from datetime import datetime, timezone

from desktop.core.attendance.rules import attendance_id
from desktop.core.venue import desks
from desktop.protocol.ids import format_ts
from desktop.ui.attendance.desk import AttendancePage
from desktop.ui.context import AppContext
from desktop.ui.tasks import SyncRunner
from tests.attendance.test_desk_gui import Clock, make_workshop, scan, state
from tests.venue.test_venue_gui import _language


def test_a_mark_from_desk_2_shows_as_marked_at_desk_2(qtbot, store):
    _ws, session, people, _ = make_workshop(store, 3)
    other = "01a24000-0000-7000-8000-000000000002"
    desks.remember(store, [{"device_id": other, "desk_number": 2, "hub": False}])
    marked = datetime(2026, 11, 23, 4, 35, tzinfo=timezone.utc)  # 10:05 in India
    store.apply_record({
        "kind": "attendance", "id": attendance_id(session, people[0]),
        "updated_at": format_ts(marked), "origin": other, "deleted": False,
        "data": {"session_id": session, "participant_id": people[0], "status": "present",
                 "marked_at": format_ts(marked), "method": "scan", "marked_by": "desk 2"}})
    page = AttendancePage(AppContext(store, None, SyncRunner()),
                          clock=Clock(datetime(2026, 11, 23, 9, 55)))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    when = marked.astimezone().strftime("%H:%M")
    scan(qtbot, page, people[0])
    assert state(page) == "amber"
    assert page.feedback_detail.text() == (
        f"Already marked present at desk 2 at {when} — nothing changed")
    _language("hi")
    try:
        scan(qtbot, page, people[0])
        assert page.feedback_detail.text().startswith(f"डेस्क 2 पर {when} पर पहले ही")
    finally:
        _language("en")
    scan(qtbot, page, people[1])  # marked here: green, no desk named
    assert state(page) == "green" and "desk" not in page.feedback_detail.text()
