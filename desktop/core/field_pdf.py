"""The field visit report's drawing calls, over the shared PDF text helpers.

`desktop.core.pdf` shapes Devanagari one script run at a time and wraps each line in an
/ActualText span, so the report looks right and `pdftotext` extracts the real Hindi
(GOTCHAS.md). This module only adds what the report needs on top: a colour per call and line
breaking that also cuts a word longer than its column (long office names in narrow cells)."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from desktop.core.pdf import BOLD, REGULAR, draw_text, register_fonts, text_width

__all__ = ["BOLD", "REGULAR", "draw", "register_fonts", "width", "wrap"]


def width(text: str, font: str = REGULAR, size: float = 10) -> float:
    return text_width(text, font, size)


def draw(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    font: str = REGULAR,
    size: float = 10,
    color=None,
) -> float:
    """Draw one line of mixed-script text with its baseline at y; returns its width."""
    if not text:
        return 0.0
    if color is not None:
        canvas.setFillColor(color)
    drawn = draw_text(canvas, x, y, text, font, size)
    if color is not None:
        canvas.setFillColorRGB(0, 0, 0)
    return drawn


def wrap(text: str, max_width: float, font: str = REGULAR, size: float = 10) -> list[str]:
    """Greedy line breaking at spaces and newlines; a word longer than the line is cut."""
    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        line = ""
        for word in paragraph.split():
            if text_width(word, font, size) > max_width:
                if line:
                    lines.append(line)
                pieces = _cut(word, max_width, font, size)
                lines.extend(pieces[:-1])
                line = pieces[-1]
                continue
            trial = f"{line} {word}" if line else word
            if line and text_width(trial, font, size) > max_width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def _cut(word: str, max_width: float, font: str, size: float) -> list[str]:
    pieces, current = [], ""
    for ch in word:
        if current and text_width(current + ch, font, size) > max_width:
            pieces.append(current)
            current = ""
        current += ch
    pieces.append(current)
    return pieces
