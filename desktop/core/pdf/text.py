"""Mixed Hindi/English text on a ReportLab canvas: shaped per script run, extractable, measured.

Why not `canvas.drawString(..., shaping=True)`: it silently does nothing without `rlbidi`.
Why per run: `shapeStr` guesses the script from the whole string, so a line starting with
Latin would leave Devanagari unshaped (visible halants). Why `/ActualText`: shaped conjuncts
are written as private-use code points, so without it `pdftotext`, search and screen readers
would get garbage; poppler and Acrobat honour the marked-content span.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.pdfgen.canvas import Canvas

from desktop.core.pdf.fonts import register_fonts

DEVA = "deva"
LATN = "latn"

# Characters that belong to no script: they join the run they sit in.
_JOINERS = {0x200C, 0x200D, 0x25CC}


def _is_deva(cp: int) -> bool:
    return (
        0x0900 <= cp <= 0x097F
        or 0xA8E0 <= cp <= 0xA8FF
        or 0x1CD0 <= cp <= 0x1CFF
        or 0x11B00 <= cp <= 0x11B5F
    )


def _is_neutral(ch: str) -> bool:
    cp = ord(ch)
    return cp in _JOINERS or not (ch.isalpha() or _is_deva(cp)) or 0x0300 <= cp <= 0x036F


@dataclass(frozen=True)
class Run:
    """One run of a single script: the real text, what is drawn (shaped) and its width."""

    text: str
    script: str
    drawn: str
    width: float


def script_runs(text: str) -> list[tuple[str, str]]:
    """Split `text` into (script, chunk) runs; spaces, digits and punctuation join the run
    they follow (leading ones join the first run)."""
    runs: list[list] = []
    pending = ""
    for ch in text:
        if _is_neutral(ch):
            if runs:
                runs[-1][1] += ch
            else:
                pending += ch
            continue
        script = DEVA if _is_deva(ord(ch)) else LATN
        if runs and runs[-1][0] == script:
            runs[-1][1] += ch
        else:
            runs.append([script, pending + ch])
            pending = ""
    if pending:
        runs.append([LATN, pending])
    return [(s, t) for s, t in runs]


def _shaped_width(drawn: str, font: str, size: float) -> float:
    if isinstance(drawn, ShapedStr) and drawn.__shapeData__:
        return sum(sd.x_advance for sd in drawn.__shapeData__) * size / 1000.0
    return pdfmetrics.stringWidth(drawn, font, size)


@lru_cache(maxsize=8192)
def shape_runs(text: str, font: str, size: float) -> tuple[Run, ...]:
    """Shape each Devanagari run with HarfBuzz (via ReportLab's `shapeStr`); Latin runs are
    drawn as they are. Cached: titles and labels repeat on every page."""
    register_fonts()
    out = []
    for script, chunk in script_runs(text):
        drawn = shapeStr(chunk, font, size) if script == DEVA else chunk
        out.append(Run(chunk, script, drawn, _shaped_width(drawn, font, size)))
    return tuple(out)


def text_width(text: str, font: str, size: float) -> float:
    """Width in points of `text` as it will be drawn (after shaping)."""
    return sum(r.width for r in shape_runs(text, font, size))


def _actual_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    *,
    align: str = "left",
    actual_text: bool = True,
) -> float:
    """Draw one line of mixed-script `text` with its baseline at `y`; `x` is the left edge,
    the centre or the right edge by `align`. Returns the drawn width.

    When any run was shaped, the line is wrapped in a marked-content span whose `/ActualText`
    is the original Unicode, so text extraction returns exactly `text`.
    """
    runs = shape_runs(text, font, size)
    width = sum(r.width for r in runs)
    if align == "center":
        x -= width / 2.0
    elif align == "right":
        x -= width
    elif align != "left":
        raise ValueError(f"align must be left, center or right, not {align!r}")
    needs_span = actual_text and any(
        isinstance(r.drawn, ShapedStr) or r.script == DEVA for r in runs
    )
    if needs_span:
        canvas.addLiteral("/Span <</ActualText " + _actual_text(text) + ">> BDC")
    t = canvas.beginText()
    t.setFont(font, size)
    cx = x
    for r in runs:
        t.setTextOrigin(cx, y)
        t._code.append(t._formatText(r.drawn))  # textOut would re-measure unshaped
        cx += r.width
    canvas.drawText(t)
    if needs_span:
        canvas.addLiteral("EMC")
    return width


def wrap_text(
    text: str, font: str, size: float, max_width: float, *, balance: bool = False
) -> list[str]:
    """Word wrap by measured (shaped) width; a single over-long word stays whole.

    `balance=True` keeps the same number of lines but evens their lengths, so a centred
    paragraph does not end in one orphan word."""
    lines = _greedy_wrap(text, font, size, max_width)
    if not balance or len(lines) < 2 or "\n" in text:
        return lines
    lo, hi = max_width / len(lines) * 0.5, max_width
    best = lines
    for _ in range(12):
        mid = (lo + hi) / 2
        trial = _greedy_wrap(text, font, size, mid)
        if len(trial) <= len(lines):
            best, hi = trial, mid
        else:
            lo = mid
    return best


def _greedy_wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    # Words are measured once; a line is its words plus spaces (shaping never crosses a space).
    space = text_width(" ", font, size)
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        widths = [text_width(w, font, size) for w in words]
        current: list[str] = []
        used = 0.0
        for word, w in zip(words, widths, strict=True):
            if current and used + space + w > max_width:
                lines.append(" ".join(current))
                current, used = [word], w
            else:
                used = used + space + w if current else w
                current.append(word)
        lines.append(" ".join(current))
    return lines


def fit_font_size(
    text: str, font: str, max_size: float, max_width: float, min_size: float = 6.0
) -> float:
    """The largest size ≤ `max_size` (in 0.5 pt steps, ≥ `min_size`) at which `text` fits."""
    width = text_width(text, font, max_size)
    if width <= max_width:
        return max_size
    size = max(min_size, int(max_size * max_width / width * 2) / 2.0)
    while size > min_size and text_width(text, font, size) > max_width:
        size -= 0.5
    return size


def glyph_ids(text: str, font: str, size: float = 12.0) -> list[int]:
    """The glyph ids that `draw_text` puts on the page for `text` (tests compare them with
    HarfBuzz's own shaping)."""
    face = pdfmetrics.getFont(font).face
    return [face.charToGlyph[ord(ch)] for r in shape_runs(text, font, size) for ch in r.drawn]
