"""Where the main window finds the Certificates page (it imports `desktop.ui.pages.<area>` by
name); the page itself lives in the `desktop.ui.certificates` package."""

from desktop.ui.certificates.page import CertificatesPage, create_page

__all__ = ["CertificatesPage", "create_page"]
