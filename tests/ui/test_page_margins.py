"""Every area's page keeps its content the same distance from the window edge (PAGE_MARGINS)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QWidget

from desktop.paths import forms_path
from desktop.ui.context import AppContext
from desktop.ui.main_window import AREAS, PAGES
from desktop.ui.tasks import SyncRunner
from desktop.ui.uiload import PAGE_MARGINS

#: the form each area's page (or each screen of it) shows edge to edge
PAGE_FORMS = (
    "roster_page.ui",
    "workshops.ui",
    "attendance_desk.ui",
    "field_visits.ui",
    "field_visit.ui",
    "certificates.ui",
    "sync_page.ui",
    "reports.ui",
)


@pytest.mark.parametrize("name", PAGE_FORMS)
def test_each_page_form_sets_the_shared_margin_on_its_top_layout(name):
    root = ET.parse(forms_path(name)).getroot()
    layout = root.find("widget/layout")
    assert layout is not None, name
    margins = {
        prop.get("name"): int(prop.find("number").text)
        for prop in layout.findall("property")
        if prop.get("name", "").endswith("Margin")
    }
    got = tuple(margins.get(f"{side}Margin") for side in ("left", "top", "right", "bottom"))
    assert got == PAGE_MARGINS, name


def _content_edges(page: QWidget) -> tuple[int, int, int]:
    """How far the nearest visible leaf widget is from the page's left, top and right edge."""
    left, top, right = [], [], []
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or widget.width() == 0:
            continue
        if widget.layout() is not None and widget.findChildren(QWidget):
            continue  # a container: its own contents count
        at = widget.mapTo(page, widget.rect().topLeft())
        left.append(at.x())
        top.append(at.y())
        right.append(page.width() - (at.x() + widget.width()))
    return min(left), min(top), min(right)


@pytest.mark.parametrize("area", [area for area, _en, _hi in AREAS])
def test_every_page_shows_its_content_at_the_shared_margin(qtbot, store, area):
    ctx = AppContext(store, None, SyncRunner())
    page = PAGES[area](ctx)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    qtbot.waitExposed(page)
    left, top, right, _bottom = PAGE_MARGINS
    assert _content_edges(page) == (left, top, right)
    if area == "field_visits":  # the visit form is the page's other screen
        page.show_visit(None)
        qtbot.wait(10)
        assert _content_edges(page) == (left, top, right)
