"""The one text adapter through which badges, registers and field-visit reports draw words,
lines and QR codes (certificates and the monthly report use the helpers below it directly).

A thin layer over the shared helpers in `desktop.core.pdf` (shaped Devanagari per script run,
an /ActualText span so pdftotext extracts real Unicode, a QR drawn as one path). It adds what
tables, badges and reports need on top: regular or bold by a flag, shrink-to-fit, cutting
with '…', a colour per call, and line breaking that also cuts a word longer than its column
(long office names in narrow cells)."""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas

from desktop.core.pdf import qr as shared_qr
from desktop.core.pdf import text as shared_text
from desktop.core.pdf.fonts import BOLD, REGULAR, register_fonts

__all__ = [
    "BOLD", "REGULAR", "draw", "draw_qr", "ensure_fonts", "fit_size", "truncate", "width", "wrap",
]


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
    color: Any = None,
) -> float:
    """Draw one line; `align` is left, centre or right of `x`. Shrinks to `max_width` (and
    cuts with '…' below 6 pt); `color` for this line only (black after). Returns the width
    drawn."""
    if not text:
        return 0.0
    if max_width is not None:
        size = fit_size(text, size, max_width, bold=bold)
        text = truncate(text, size, max_width, bold=bold)
    if color is not None:
        canvas.setFillColor(color)
    drawn = shared_text.draw_text(
        canvas, x, y, text, _font(bold), size, align={"centre": "center"}.get(align, align)
    )
    if color is not None:
        canvas.setFillColorRGB(0, 0, 0)
    return drawn


def wrap(text: str | None, max_width: float, size: float, *, bold: bool = False) -> list[str]:
    """Greedy line breaking at spaces and newlines; a word longer than the line is cut
    (unlike `desktop.core.pdf.wrap_text`, which keeps it whole)."""
    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        line = ""
        for word in paragraph.split():
            if width(word, size, bold=bold) > max_width:
                if line:
                    lines.append(line)
                pieces = _cut(word, max_width, size, bold)
                lines.extend(pieces[:-1])
                line = pieces[-1]
                continue
            trial = f"{line} {word}" if line else word
            if line and width(trial, size, bold=bold) > max_width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def _cut(word: str, max_width: float, size: float, bold: bool) -> list[str]:
    pieces, current = [], ""
    for ch in word:
        if current and width(current + ch, size, bold=bold) > max_width:
            pieces.append(current)
            current = ""
        current += ch
    pieces.append(current)
    return pieces


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float, *, border: int = 1) -> None:
    """A QR of `text`, `size` points square including `border` white modules each side."""
    shared_qr.draw_qr(canvas, text, x, y, size, quiet_zone=border)
