"""The one seam through which badges and registers draw words and QR codes.

A thin adapter over the shared helpers in `desktop.core.pdf` (shaped Devanagari per script
run, an /ActualText span so pdftotext extracts real Unicode, a QR drawn as one path). It adds
what tables and badges need on top: shrink-to-fit and cutting with '…'."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from desktop.core.pdf import qr as shared_qr
from desktop.core.pdf import text as shared_text
from desktop.core.pdf.fonts import BOLD, REGULAR, register_fonts

__all__ = ["BOLD", "REGULAR", "draw", "draw_qr", "ensure_fonts", "fit_size", "truncate", "width"]


def ensure_fonts() -> None:
    register_fonts()


def _font(bold: bool) -> str:
    register_fonts()
    return BOLD if bold else REGULAR


def width(text: str, size: float, *, bold: bool = False) -> float:
    return shared_text.text_width(text, _font(bold), size)


def fit_size(
    text: str, size: float, max_width: float, *, bold: bool = False, minimum: float = 6.0
) -> float:
    """The largest size ≤ `size` (down to `minimum`) at which `text` fits `max_width`."""
    return shared_text.fit_font_size(text, _font(bold), size, max_width, minimum)


def truncate(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """`text`, cut at a word with '…' if even at the smallest size it does not fit."""
    if width(text, size, bold=bold) <= max_width:
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words) + "…"
        if width(candidate, size, bold=bold) <= max_width:
            return candidate
    return text


def draw(
    canvas: Canvas,
    x: float,
    y: float,
    text: str | None,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
    max_width: float | None = None,
) -> float:
    """Draw one line; `align` is left, centre or right of `x`. Shrinks to `max_width` (and
    cuts with '…' below 6 pt). Returns the width drawn."""
    if not text:
        return 0.0
    if max_width is not None:
        size = fit_size(text, size, max_width, bold=bold)
        text = truncate(text, size, max_width, bold=bold)
    return shared_text.draw_text(
        canvas, x, y, text, _font(bold), size, align={"centre": "center"}.get(align, align)
    )


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float, *, border: int = 1) -> None:
    """A QR of `text`, `size` points square including `border` white modules each side."""
    shared_qr.draw_qr(canvas, text, x, y, size, quiet_zone=border)
