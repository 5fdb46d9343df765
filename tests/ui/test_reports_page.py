"""The reports page shows the monthly numbers and writes the XLSX."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import QDate

from desktop.ui.context import AppContext
from desktop.ui.reports.page import ReportsPage
from desktop.ui.tasks import SyncRunner


def test_reports_page_shows_and_exports(qtbot, store, tmp_path):
    prog = store.insert(
        "programme", {"code": "K", "title_en": "K", "hours": 6, "min_attendance_pct": 50}
    )
    people = [
        store.insert("participant", {"name_en": f"P{i}", "department": "Revenue"}) for i in range(3)
    ]
    ws = store.insert(
        "workshop",
        {
            "programme_id": prog,
            "title_en": "W",
            "mode": "institute",
            "start_date": "2026-11-02",
            "end_date": "2026-11-02",
        },
    )
    session = store.insert(
        "session", {"workshop_id": ws, "date": "2026-11-02", "start_time": "10:00"}
    )
    for p in people[:2]:
        store.insert(
            "enrolment",
            {"workshop_id": ws, "participant_id": p, "source": "nominated", "status": "enrolled"},
        )
    store.insert(
        "attendance", {"session_id": session, "participant_id": people[0], "status": "present"}
    )

    page = ReportsPage(AppContext(store, None, SyncRunner()))
    qtbot.addWidget(page)
    page.month_edit.setDate(QDate(2026, 11, 1))
    page.refresh()
    cells = [[page.table.item(r, c).text() for c in range(8)] for r in range(page.table.rowCount())]
    # 3 on the roster, 2 enrolled, 1 present at the one session (50 % rule: complete)
    assert cells == [
        ["Revenue", "राजस्व", "3", "2", "1", "1", "0", "50%"],
        ["Total", "कुल", "3", "2", "1", "1", "0", "50%"],
    ]
    assert "3" in page.totals.text() and "→" in page.totals.text()

    out = tmp_path / "r.xlsx"
    page.write(out)
    assert load_workbook(out)["Departments"]["A2"].value == "Revenue"
    assert str(out) in page.status.text()
