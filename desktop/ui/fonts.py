"""The GUI's own fonts: Noto Sans for Latin text, Noto Sans Devanagari for Hindi (both OFL,
in resources/fonts/).

Both are registered at start and made the application font, Latin first with Devanagari as
its fallback. A bare Windows or Linux machine may have no Devanagari font (Qt then draws
boxes), and the machine's own Latin font decides how wide every label and column is: with
DejaVu Sans (a fresh Debian without fonts-noto-core) the plan pane's topics no longer fitted
at 1024 px. With our own fonts screens, screenshots and layout tests are the same on every
laptop and test machine. The point size stays the platform's (a user's larger-text setting
is kept)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.paths import resource_path

#: (family, files): the Latin UI family first, then the Devanagari fallback.
UI_FONTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Noto Sans", ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")),
    (
        "Noto Sans Devanagari",
        ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
    ),
)
FONT_FILES = tuple(name for _family, files in UI_FONTS for name in files)
_families: list[str] = []


def register_fonts() -> list[str]:
    """Add the bundled fonts to Qt's database once; returns their family names (Latin first)."""
    if _families:
        return list(_families)
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            continue  # a missing file must not stop the app; the platform font is used
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in _families:
                _families.append(family)
    return list(_families)


def ui_families() -> list[str]:
    """The application font's family chain: the bundled families that registered, in the
    order of UI_FONTS, then the platform's default as a last resort."""
    registered = register_fonts()
    return [family for family, _files in UI_FONTS if family in registered]


def install_fonts(app: QApplication) -> QFont:
    """Make the bundled Noto Sans the application font, falling back to the bundled
    Devanagari family for Hindi."""
    font = QFont(app.font())
    platform = font.families() or [font.family()]
    chain = ui_families()
    font.setFamilies(chain + [f for f in platform if f not in chain])
    app.setFont(font)
    return font


def devanagari_family() -> str | None:
    return next((family for family in ui_families() if "Devanagari" in family), None)
