"""Bilingual text on a ReportLab canvas: shaped Devanagari that also extracts as real text.

The one seam through which badges and registers draw words. ReportLab's `shapeStr` guesses the
script from a string's first character and writes conjuncts as private-use code points
(GOTCHAS.md), so each string is split into runs of one script, Devanagari runs are shaped, and
the whole string is wrapped in a marked-content span whose /ActualText carries the real
Unicode text (poppler's pdftotext, copy and screen readers use it). When the certificates
helper's `desktop.core.pdf` lands, `draw`/`width` can delegate to it."""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, shapeStr
from reportlab.pdfgen.canvas import Canvas

from desktop.paths import resource_path

REGULAR = "KDNotoDeva"
BOLD = "KDNotoDeva-Bold"
_DEVANAGARI = re.compile(r"[\u0900-\u097F\u200c\u200d]")
_NEUTRAL = re.compile(r"[\s\d.,:;!?()\[\]/'\"’‘“”+&%-–—]")
_registered = False


def ensure_fonts() -> None:
    """Register the bundled Noto Sans Devanagari (Latin + Devanagari) once per process."""
    global _registered
    if _registered:
        return
    for name, file in (
        (REGULAR, "NotoSansDevanagari-Regular.ttf"),
        (BOLD, "NotoSansDevanagari-Bold.ttf"),
    ):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file)), shapable=True))
    _registered = True


def _font(bold: bool) -> str:
    ensure_fonts()
    return BOLD if bold else REGULAR


def runs(text: str) -> list[tuple[bool, str]]:
    """Split into (is_devanagari, run); spaces, digits and punctuation join the run they
    follow, so a Devanagari run never starts with a Latin character (and vice versa)."""
    out: list[tuple[bool, str]] = []
    for ch in text:
        if _DEVANAGARI.match(ch):
            deva = True
        elif _NEUTRAL.match(ch) and out:
            deva = out[-1][0]
        else:
            deva = False
        if out and out[-1][0] == deva:
            out[-1] = (deva, out[-1][1] + ch)
        else:
            out.append((deva, ch))
    return out


@lru_cache(maxsize=20_000)
def _shaped(run: str, font: str, size: float):
    return shapeStr(run, font, size)


@lru_cache(maxsize=20_000)
def _pieces(text: str, font: str, size: float) -> tuple[tuple[object, float], ...]:
    pieces = []
    for deva, run in runs(text):
        value = _shaped(run, font, size) if deva else run
        pieces.append((value, pdfmetrics.stringWidth(value, font, size)))
    return tuple(pieces)


def width(text: str, size: float, *, bold: bool = False) -> float:
    return sum(w for _, w in _pieces(text, _font(bold), size))


def fit_size(
    text: str, size: float, max_width: float, *, bold: bool = False, minimum: float = 6.0
) -> float:
    """The largest size ≤ `size` (down to `minimum`) at which `text` fits `max_width`."""
    while size > minimum and width(text, size, bold=bold) > max_width:
        size -= 0.5
    return size


def truncate(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """`text`, cut at a word with '…' if even so it does not fit."""
    if width(text, size, bold=bold) <= max_width:
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words) + "…"
        if width(candidate, size, bold=bold) <= max_width:
            return candidate
    return text


def _actual_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


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
    font = _font(bold)
    if max_width is not None:
        size = fit_size(text, size, max_width, bold=bold)
        text = truncate(text, size, max_width, bold=bold)
    pieces = _pieces(text, font, size)
    total = sum(w for _, w in pieces)
    if align == "centre":
        x -= total / 2
    elif align == "right":
        x -= total
    canvas.setFont(font, size)
    needs_span = any(ord(ch) > 0x7F for ch in text)
    if needs_span:
        canvas._code.append(f"/Span <</ActualText {_actual_text(text)}>> BDC")
    for value, w in pieces:
        canvas.drawString(x, y, value)
        x += w
    if needs_span:
        canvas._code.append("EMC")
    return total


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float, *, border: int = 1) -> None:
    """A QR code as ONE filled path built from segno's module matrix (a run of dark modules
    in a row is one rectangle): far faster than ReportLab's QR widget (GOTCHAS)."""
    import segno

    qr = segno.make(text, error="m", micro=False)
    matrix = [list(row) for row in qr.matrix]
    count = len(matrix) + 2 * border
    module = size / count
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        c = 0
        top = y + size - (r + border + 1) * module
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                path.rect(x + (start + border) * module, top, (c - start) * module, module)
            else:
                c += 1
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
