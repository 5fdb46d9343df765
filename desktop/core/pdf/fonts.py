"""Register the bundled Noto Sans Devanagari (Latin + Devanagari) with ReportLab, once."""

from __future__ import annotations

import threading

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resource_path

REGULAR = "KD-NotoSansDeva"
BOLD = "KD-NotoSansDeva-Bold"
FAMILY = "KD-NotoSansDeva-Family"

_lock = threading.Lock()
_done = False


def register_fonts() -> tuple[str, str]:
    """Register both weights as shapable TrueType fonts and return (regular, bold) names.

    Safe to call many times and from several threads; each worker process registers its own.
    """
    global _done
    # Binary streams: ASCII85 (ReportLab's default) is encoded in pure Python, costs ~7 ms per
    # document and makes every file 25% bigger; every PDF reader handles binary streams.
    rl_config.useA85 = 0
    if _done:
        return REGULAR, BOLD
    with _lock:
        if not _done:
            for name, file in (
                (REGULAR, "NotoSansDevanagari-Regular.ttf"),
                (BOLD, "NotoSansDevanagari-Bold.ttf"),
            ):
                pdfmetrics.registerFont(
                    TTFont(name, str(resource_path("fonts", file)), shapable=True)
                )
            # Paragraph <b> markup needs a family mapping.
            pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD)
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            _done = True
    return REGULAR, BOLD


def font_path(font_name: str) -> str:
    """The TTF file behind a registered font (tests shape it with uharfbuzz directly)."""
    register_fonts()
    return pdfmetrics.getFont(font_name).face.filename
