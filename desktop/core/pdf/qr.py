"""A QR code drawn as one filled path straight from the module matrix.

Why not ReportLab's QR widget: it encodes the code twice (once for `getBounds`) and draws a
rectangle object per module, which dominated certificate rendering time. The matrix comes
from zxing-cpp's encoder (C++, ~2 ms for a 600-character JWS) and falls back to segno (pure
Python, ~50 ms with mask selection) if zxing-cpp cannot encode it.
"""

from __future__ import annotations

import numpy as np
import segno
from reportlab.pdfgen.canvas import Canvas

try:
    import zxingcpp
except ImportError:  # pragma: no cover - zxing-cpp is a declared dependency
    zxingcpp = None


def qr_matrix(data: str, error: str = "m") -> np.ndarray:
    """Dark (True) / light modules of the QR for `data`, no quiet zone."""
    if zxingcpp is not None:
        try:
            code = zxingcpp.create_barcode(
                data, zxingcpp.BarcodeFormat.QRCode, ec_level=error.upper()
            )
            return np.asarray(code.to_image(scale=1, add_quiet_zones=False)) < 128
        except Exception:  # noqa: BLE001 - fall back to the pure-Python encoder
            pass
    return np.array(segno.make_qr(data, error=error, boost_error=False).matrix, dtype=bool)


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
    matrix = qr_matrix(data, error)
    n = matrix.shape[0]
    module = size / (n + 2 * quiet_zone)
    if quiet_zone:
        canvas.saveState()
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(x, y, size, size, stroke=0, fill=1)
        canvas.restoreState()
    # One `cm` maps module units to points, so every rectangle is small integers (cheap to
    # format, compact in the file): row r, columns [s, e) -> "s (n-1-r) (e-s) 1 re".
    padded = np.zeros((n, n + 2), dtype=np.int8)
    padded[:, 1:-1] = matrix
    edges = np.diff(padded, axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    ops = " re\n".join(
        map("{} {} {} 1".format, starts.tolist(), (n - 1 - rows).tolist(), (ends - starts).tolist())
    )
    origin = quiet_zone * module
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral(
        f"1 0 0 1 {x + origin:.3f} {y + origin:.3f} cm {module:.5f} 0 0 {module:.5f} 0 0 cm\n"
        + ops
        + " re\nf"
    )
    canvas.restoreState()
