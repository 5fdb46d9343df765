"""A QR code drawn as one filled path straight from segno's matrix.

Why not ReportLab's QR widget: it encodes the code twice (once for `getBounds`) and draws a
rectangle object per module, which dominated certificate rendering time.
"""

from __future__ import annotations

import segno
from reportlab.pdfgen.canvas import Canvas


def qr_matrix(data: str, error: str = "m") -> list[list[bool]]:
    """The dark/light modules of the QR for `data` (no quiet zone)."""
    code = segno.make_qr(data, error=error, boost_error=False)
    return [[bool(v) for v in row] for row in code.matrix]


def draw_qr(
    canvas: Canvas,
    data: str,
    x: float,
    y: float,
    size: float,
    *,
    error: str = "m",
    quiet_zone: int = 0,
) -> None:
    """Draw the QR for `data` with its lower-left corner at (x, y), `size` points square
    (including `quiet_zone` modules of white margin on each side)."""
    matrix = segno.make_qr(data, error=error, boost_error=False).matrix
    n = len(matrix)
    module = size / (n + 2 * quiet_zone)
    top = y + size - quiet_zone * module
    left = x + quiet_zone * module
    ops: list[str] = []
    for r, row in enumerate(matrix):
        yy = top - (r + 1) * module
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                ops.append(
                    f"{left + start * module:.3f} {yy:.3f} {(c - start) * module:.3f} {module:.3f} re"
                )
            else:
                c += 1
    if quiet_zone:
        canvas.saveState()
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(x, y, size, size, stroke=0, fill=1)
        canvas.restoreState()
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral("\n".join(ops) + "\nf")
    canvas.restoreState()
