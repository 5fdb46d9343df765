"""Devanagari on screen: register the bundled Noto Sans Devanagari with Qt.

A bare Windows or Linux machine may have no Devanagari font, and then Qt draws boxes for
every Hindi label. The bundled font (Latin + Devanagari, OFL) is registered at start and put
behind the platform's default family, so Latin keeps the native look and Hindi always has a
font to fall back to."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.paths import resource_path

FONT_FILES = ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf")
_families: list[str] = []


def register_fonts() -> list[str]:
    """Add the bundled fonts to Qt's database once; returns their family names."""
    if _families:
        return list(_families)
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            continue  # a missing file must not stop the app; Hindi may show as boxes
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in _families:
                _families.append(family)
    return list(_families)


def install_fonts(app: QApplication) -> QFont:
    """Make the application font fall back to the bundled Devanagari family."""
    families = register_fonts()
    font = QFont(app.font())
    base = font.families() or [font.family()]
    chain = [f for f in base if f not in families] + families
    font.setFamilies(chain)
    app.setFont(font)
    return font


def devanagari_family() -> str | None:
    families = register_fonts()
    return families[0] if families else None
