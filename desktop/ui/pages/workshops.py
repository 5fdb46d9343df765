"""Moved to desktop.ui.workshops (issue 12): kept only so main_window's import by string
`desktop.ui.pages.workshops` still finds `create_page`; the lead removes it once main_window
imports the area packages directly."""

from desktop.ui.workshops.page import WorkshopsPage, create_page

__all__ = ["WorkshopsPage", "create_page"]
