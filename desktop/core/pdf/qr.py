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
    top = y + size - quiet_zone * module
    left = x + quiet_zone * module
    ops: list[str] = []
    padded = np.zeros((n, n + 2), dtype=np.int8)
    padded[:, 1:-1] = matrix
    edges = np.diff(padded, axis=1)
    for r in range(n):
        starts = np.flatnonzero(edges[r] == 1)
        ends = np.flatnonzero(edges[r] == -1)
        yy = top - (r + 1) * module
        for s, e in zip(starts.tolist(), ends.tolist(), strict=False):
            ops.append(f"{left + s * module:.3f} {yy:.3f} {(e - s) * module:.3f} {module:.3f} re")
    if quiet_zone:
        canvas.saveState()
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(x, y, size, size, stroke=0, fill=1)
        canvas.restoreState()
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral("\n".join(ops) + "\nf")
    canvas.restoreState()
