"""The dashboard shows the hand-computed funnel, department extremes and trend, follows its
filters, drops an answer to an older filter, and speaks both languages."""

from __future__ import annotations

from PySide6.QtCore import QDate

from desktop.core.review import FunnelRow, build_review
from desktop.ui.context import AppContext
from desktop.ui.dashboard.page import DashboardPage, top_and_bottom
from desktop.ui.tasks import SyncRunner
from tests.core.review_data import build_dataset


def _page(qtbot, store):
    page = DashboardPage(AppContext(store, None, SyncRunner()))
    qtbot.addWidget(page)
    page.month_edit.setDate(QDate(2026, 11, 1))
    page.refresh()
    return page


def test_shows_the_funnel_departments_and_trend(qtbot, store):
    build_dataset(store)
    page = _page(qtbot, store)
    assert [(b.label, b.value, b.text) for b in page.funnel_bars.bars] == [
        ("Registered", 6, "6"),
        ("Enrolled", 5, "5  (83.3%)"),
        ("Attended", 3, "3  (60%)"),
        ("Completed", 2, "2  (66.7%)"),
        ("Certified", 1, "1  (50%)"),
    ]
    # Revenue 2 of 3 completed, Basic Education 0 of 2; Health enrolled nobody
    assert [(b.label, b.text) for b in page.department_bars.bars] == [
        ("Revenue", "67%  (2/3)"),
        ("Basic Education", "0%  (0/2)"),
    ]
    names, series = page.trend.labels, page.trend.series
    assert len(names) == 12 and names[-1] == "11/26" and names[-2] == "10/26"
    assert series[0][2][-2:] == [2, 5] and series[1][2][-2:] == [2, 2]


def test_filters_change_the_numbers(qtbot, store):
    build_dataset(store)
    page = _page(qtbot, store)
    page.mode.setCurrentIndex(page.mode.findData("field"))
    qtbot.waitUntil(lambda: page.review is not None and page.review.filters.mode == "field")
    assert [b.value for b in page.funnel_bars.bars] == [6, 2, 1, 0, 0]
    page.group.setCurrentIndex(page.group.findData("C/D"))
    page.mode.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.review.filters.service_group == "C/D")
    assert [b.value for b in page.funnel_bars.bars] == [3, 3, 2, 1, 0]


def test_an_older_answer_is_dropped(qtbot, store):
    build_dataset(store)
    page = _page(qtbot, store)
    old = build_review(store, "2026-10")
    page._answer(page._asked - 1, old)  # arrives after a newer request was made
    assert page.review.month == "2026-11"


def test_top_and_bottom_keeps_five_each():
    rows = [FunnelRow(f"D{i}", f"D{i}", f"D{i}", 10, 10, 0, i, 0) for i in range(12)]
    rows.append(FunnelRow("none", "none", "none", 5, 0, 0, 0, 0))
    picked = [r.key for r in top_and_bottom(rows)]
    assert picked == ["D11", "D10", "D9", "D8", "D7", "D4", "D3", "D2", "D1", "D0"]
