"""Where the main window finds the Field visits page (it imports `desktop.ui.pages.<area>` by
name); the page itself lives in the `desktop.ui.field_visits` package."""

from desktop.ui.field_visits.page import FieldVisitsPage, create_page

__all__ = ["FieldVisitsPage", "create_page"]
