"""Where the main window finds the Sync page (it imports `desktop.ui.pages.<area>` by name);
the page itself lives in the `desktop.ui.sync` package."""

from desktop.ui.sync.page import SyncPage, create_page

__all__ = ["SyncPage", "create_page"]
