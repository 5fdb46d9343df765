"""Moved to desktop.ui.attendance (issue 12): kept only so main_window's import by string
`desktop.ui.pages.attendance` still finds `create_page`; the lead removes it once main_window
imports the area packages directly."""

from desktop.ui.attendance.desk import AttendancePage, create_page
from desktop.ui.attendance.detail import AttendanceDetail

__all__ = ["AttendanceDetail", "AttendancePage", "create_page"]
