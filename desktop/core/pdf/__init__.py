"""PDF helpers shared by certificates, badges, registers and reports (ReportLab, no Qt).

Devanagari must look right (HarfBuzz shaping, one script run at a time) and extract right
(`/ActualText` carries the real Unicode), so every PDF in the app draws text through here.
"""

from desktop.core.pdf.fonts import BOLD, REGULAR, register_fonts
from desktop.core.pdf.qr import draw_qr, qr_matrix
from desktop.core.pdf.text import (
    Run,
    draw_text,
    fit_font_size,
    glyph_ids,
    script_runs,
    shape_runs,
    text_width,
    wrap_text,
)

__all__ = [
    "BOLD",
    "REGULAR",
    "Run",
    "draw_qr",
    "draw_text",
    "fit_font_size",
    "glyph_ids",
    "qr_matrix",
    "register_fonts",
    "script_runs",
    "shape_runs",
    "text_width",
    "wrap_text",
]
