"""Bilingual text on a ReportLab canvas that both looks right and extracts right.

GOTCHAS.md: Devanagari must be shaped (conjuncts, reordered matras) and ReportLab's shaper
guesses the script from the first character, so text is split into runs of one script and
each run is shaped on its own. Shaped glyphs are private-use code points that `pdftotext`
cannot read, so every Devanagari run is wrapped in a marked-content span whose /ActualText
carries the real text (poppler and Acrobat use it for extraction and search).

(The certificates area may land shared helpers in `desktop/core/pdf/`; this module is the
field-visit report's own small copy until then.)"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, shapeFragWord
from reportlab.pdfgen.canvas import Canvas

from desktop.paths import resource_path

REGULAR = "FV-NotoDeva"
BOLD = "FV-NotoDeva-Bold"


def register_fonts() -> None:
    """Register the bundled Noto Sans Devanagari (Latin + Devanagari) once per process."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    fonts = resource_path("fonts")
    pdfmetrics.registerFont(
        TTFont(REGULAR, str(fonts / "NotoSansDevanagari-Regular.ttf"), shapable=True)
    )
    pdfmetrics.registerFont(TTFont(BOLD, str(fonts / "NotoSansDevanagari-Bold.ttf"), shapable=True))


def is_devanagari(ch: str) -> bool:
    code = ord(ch)
    return 0x0900 <= code <= 0x097F or 0xA8E0 <= code <= 0xA8FF or 0x1CD0 <= code <= 0x1CFF


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or is_devanagari(ch)


def script_runs(text: str) -> list[tuple[bool, str]]:
    """Split text into (devanagari?, run) pieces. Spaces, digits and punctuation belong to the
    run they follow (or, at the start, to the first run with letters), so that each run has
    one script for the shaper to see."""
    runs: list[tuple[bool, str]] = []
    pending = ""
    current: bool | None = None
    buffer = ""
    for ch in text:
        if not _is_letter(ch):
            if current is None:
                pending += ch
            else:
                buffer += ch
            continue
        deva = is_devanagari(ch)
        if current is None:
            current, buffer = deva, pending + ch
            pending = ""
        elif deva == current:
            buffer += ch
        else:
            runs.append((current, buffer))
            current, buffer = deva, ch
    if current is None:
        return [(False, pending)] if pending else []
    runs.append((current, buffer))
    return runs


@lru_cache(maxsize=20_000)
def _shaped(text: str, font: str, size: float) -> tuple[str, float]:
    """The shaped glyph string of one run and its advance width in points."""
    word = [pdfmetrics.stringWidth(text, font, size), (_Frag(font, size), text)]
    shaped = shapeFragWord(word)
    return shaped[1][1], float(shaped[0])


class _Frag:
    """The minimal fragment object ReportLab's shaper reads (font name and size)."""

    __slots__ = ("fontName", "fontSize")

    def __init__(self, font: str, size: float) -> None:
        self.fontName = font
        self.fontSize = size


def width(text: str, font: str = REGULAR, size: float = 10) -> float:
    total = 0.0
    for deva, run in script_runs(text):
        total += _shaped(run, font, size)[1] if deva else pdfmetrics.stringWidth(run, font, size)
    return total


def _utf16_hex(text: str) -> str:
    return "FEFF" + text.encode("utf-16-be").hex().upper()


def draw(
    canvas: Canvas, x: float, y: float, text: str, font: str = REGULAR, size: float = 10, color=None
) -> float:
    """Draw one line of mixed-script text at (x, y); returns its width."""
    start = x
    if color is not None:
        canvas.setFillColor(color)
    canvas.setFont(font, size)
    for deva, run in script_runs(text):
        if not deva:
            canvas.drawString(x, y, run)
            x += pdfmetrics.stringWidth(run, font, size)
            continue
        glyphs, advance = _shaped(run, font, size)
        # Marked content around the text object: viewers extract /ActualText instead of the
        # private-use glyph codes of the shaped run.
        canvas._code.append(f"/Span <</ActualText <{_utf16_hex(run)}>>> BDC")
        canvas.drawString(x, y, glyphs)
        canvas._code.append("EMC")
        x += advance
    if color is not None:
        canvas.setFillColorRGB(0, 0, 0)
    return x - start


def wrap(text: str, max_width: float, font: str = REGULAR, size: float = 10) -> list[str]:
    """Greedy line breaking at spaces (and at newlines); a word longer than the line is cut."""
    lines: list[str] = []
    space = pdfmetrics.stringWidth(" ", font, size)
    for paragraph in (text or "").split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line, line_w = "", 0.0
        for word in words:
            w = width(word, font, size)
            if w > max_width:
                if line:
                    lines.append(line)
                pieces = _cut(word, max_width, font, size)
                lines.extend(pieces[:-1])
                line, line_w = pieces[-1], width(pieces[-1], font, size)
                continue
            if not line:
                line, line_w = word, w
            elif line_w + space + w <= max_width:
                line, line_w = f"{line} {word}", line_w + space + w
            else:
                lines.append(line)
                line, line_w = word, w
        lines.append(line)
    return lines


def _cut(word: str, max_width: float, font: str, size: float) -> list[str]:
    pieces, current = [], ""
    for ch in word:
        if current and width(current + ch, font, size) > max_width:
            pieces.append(current)
            current = ""
        current += ch
    pieces.append(current)
    return pieces
