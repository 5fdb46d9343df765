"""A QR code drawn as one filled path straight from the module matrix.

Why not ReportLab's QR widget: it encodes the code twice (once for `getBounds`) and draws a
rectangle object per module, which dominated certificate rendering time. The matrix comes
from zxing-cpp's encoder (C++, ~2 ms for a 600-character JWS) and falls back to segno (pure
Python, ~50 ms with mask selection) if zxing-cpp cannot encode it. Plain lists rather than
numpy: a QR is at most a few thousand modules, and numpy with its BLAS was 40 MB of the bundle
for these few lines.
"""

from __future__ import annotations

import re

import segno
from reportlab.pdfgen.canvas import Canvas

try:
    import zxingcpp
except ImportError:  # pragma: no cover - zxing-cpp is a declared dependency
    zxingcpp = None


Matrix = list[list[bool]]
_DARK_RUN = re.compile(rb"\x00+")


def qr_matrix(data: str, error: str = "m") -> Matrix:
    """Dark (True) / light modules of the QR for `data`, no quiet zone: one list per row."""
    return [[value == 0 for value in row] for row in _rows(data, error)]


def _rows(data: str, error: str) -> list[bytes]:
    """The QR's rows as bytes, 0 for a dark module and 255 for a light one."""
    if zxingcpp is not None:
        try:
            code = zxingcpp.create_barcode(
                data, zxingcpp.BarcodeFormat.QRCode, ec_level=error.upper()
            )
            image = memoryview(code.to_image(scale=1, add_quiet_zones=False))
            size = image.shape[1]
            pixels = image.tobytes()
            # zxing-cpp draws pure black and white; anything darker than mid-grey is dark
            pixels = pixels.translate(_THRESHOLD)
            return [pixels[row : row + size] for row in range(0, len(pixels), size)]
        except Exception:  # noqa: BLE001 - fall back to the pure-Python encoder
            pass
    matrix = segno.make_qr(data, error=error, boost_error=False).matrix
    return [bytes(0 if v else 255 for v in row) for row in matrix]


_THRESHOLD = bytes(0 if value < 128 else 255 for value in range(256))


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
    (including `quiet_zone` white modules on each side)."""
    rows = _rows(data, error)
    n = len(rows)
    module = size / (n + 2 * quiet_zone)
    if quiet_zone:
        canvas.saveState()
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(x, y, size, size, stroke=0, fill=1)
        canvas.restoreState()
    # One `cm` maps module units to points, so every rectangle is small integers (cheap to
    # format, compact in the file): row r, columns [s, e) -> "s (n-1-r) (e-s) 1 re".
    ops = " re\n".join(f"{start} {n - 1 - r} {length} 1" for r, start, length in _dark_runs(rows))
    origin = quiet_zone * module
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral(
        f"1 0 0 1 {x + origin:.3f} {y + origin:.3f} cm {module:.5f} 0 0 {module:.5f} 0 0 cm\n"
        + ops
        + " re\nf"
    )
    canvas.restoreState()


def _dark_runs(rows: list[bytes]):
    """(row, first column, length) of every run of dark modules, row by row."""
    for r, row in enumerate(rows):
        for run in _DARK_RUN.finditer(row):
            yield r, run.start(), run.end() - run.start()
