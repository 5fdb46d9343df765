"""The main window fits the laptop it opens on (issue 20: a fixed 1280×800 window hid the
status bar of a 1366×768 screen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize

from desktop.ui.main_window import MINIMUM_SIZE, PREFERRED_SIZE, initial_geometry


@pytest.mark.parametrize(
    ("screen", "maximised"),
    [
        (QRect(0, 0, 1366, 768 - 40), True),  # a government laptop with a task bar
        (QRect(0, 0, 1024, 768), True),
        (QRect(0, 0, 1366, 768), True),
        (QRect(0, 0, 1920, 1040), False),
        (QRect(1920, 0, 1600, 900), False),  # a second monitor right of the first
    ],
)
def test_the_window_opens_inside_the_free_area_of_the_screen(screen, maximised):
    rect, maximise = initial_geometry(screen)
    assert maximise is maximised
    assert screen.contains(rect), (rect, screen)
    if not maximised:
        assert rect.size() == PREFERRED_SIZE
        assert rect.center() == screen.center()


def test_the_minimum_size_fits_a_1024_by_768_screen_with_a_task_bar_and_title_bar():
    assert MINIMUM_SIZE.width() <= 1024 and MINIMUM_SIZE.height() <= 768 - 40 - 40


def test_every_page_fits_the_minimum_size(window):
    """No page asks for more room than a 1024×768 screen gives (the window can shrink)."""
    for area in window.area_names():
        window.open_area(area)
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() <= 1024 and hint.height() <= 768 - 40 - 40, hint
    window.resize(QSize(1024, 768 - 80))
    assert window.size() == QSize(1024, 768 - 80)
