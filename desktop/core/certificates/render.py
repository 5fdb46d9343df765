"""Draw a certificate page from a template, the field values and the signed QR text.

Everything on the page goes through `desktop.core.pdf` (shaped + extractable Devanagari, QR as
one path). Images are decoded once per process and reused by every document.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop.core.certificates.template import Template, fill
from desktop.core.pdf import (
    BOLD,
    REGULAR,
    draw_qr,
    draw_text,
    fit_font_size,
    register_fonts,
    wrap_text,
)
from desktop.core.pdf.images import cached_image

REVOKED_TEXT = "निरस्त / REVOKED"


def _image(path: str) -> ImageReader:
    return cached_image(path)


@lru_cache(maxsize=64)
def _color(value: str) -> HexColor:
    return HexColor(value)


class CertificateRenderer:
    """Draws pages for one template; keep one per process (it caches images and shaping)."""

    def __init__(self, template: Template) -> None:
        self.t = template
        self.spec = template.spec
        self.W = template.width_mm * mm
        self.H = template.height_mm * mm
        register_fonts()

    def _y(self, y_mm: float) -> float:
        return self.H - float(y_mm) * mm

    def new_canvas(
        self, target: str | Path | io.BytesIO, meta: dict[str, str] | None = None
    ) -> Canvas:
        c = Canvas(
            target if isinstance(target, io.BytesIO) else str(target),
            pagesize=(self.W, self.H),
            pageCompression=1,
        )
        c.setCreator("Karmayogi Desk")
        if meta:
            c.setTitle(meta.get("title", ""))
            c.setAuthor(meta.get("author", ""))
            c.setSubject(meta.get("subject", ""))
            if meta.get("keywords"):
                c.setKeywords(meta["keywords"])
        return c

    # -- page ------------------------------------------------------------------------------
    def draw_page(
        self, c: Canvas, values: dict[str, Any], qr_text: str, revoked: dict | None = None
    ) -> None:
        spec = self.spec
        bg = spec.get("background") or {}
        if bg.get("color"):
            c.setFillColor(_color(bg["color"]))
            c.rect(0, 0, self.W, self.H, stroke=0, fill=1)
        if bg.get("image"):
            c.drawImage(_image(str(self.t.asset(bg["image"]))), 0, 0, self.W, self.H, mask="auto")
        for border in spec.get("borders", []):
            inset = border["inset"] * mm
            c.setStrokeColor(_color(border.get("color", "#000000")))
            c.setLineWidth(border.get("width", 1))
            c.rect(inset, inset, self.W - 2 * inset, self.H - 2 * inset, stroke=1, fill=0)
        corners = spec.get("corners")
        if corners:
            self._corners(c, corners)
        for image in spec.get("images", []):
            self._draw_image(c, image)
        for block in spec.get("blocks", []):
            self._block(c, block, values)
        for sig in spec.get("signatories", []):
            self._signatory(c, sig)
        qr = spec["qr"]
        size = qr["size"] * mm
        draw_qr(c, qr_text, qr["x"] * mm, self._y(qr["y"]) - size, size, error=qr.get("error", "m"))
        if revoked:
            self._revoked(c, revoked)

    def _corners(self, c: Canvas, spec: dict) -> None:
        inset, size = spec["inset"] * mm, spec["size"] * mm
        c.setStrokeColor(_color(spec.get("color", "#000000")))
        c.setLineWidth(spec.get("width", 1))
        for x, y, dx, dy in (
            (inset, inset, 1, 1),
            (self.W - inset, inset, -1, 1),
            (inset, self.H - inset, 1, -1),
            (self.W - inset, self.H - inset, -1, -1),
        ):
            p = c.beginPath()
            p.moveTo(x, y + dy * size)
            p.lineTo(x, y)
            p.lineTo(x + dx * size, y)
            c.drawPath(p, stroke=1, fill=0)
            c.circle(x + dx * size * 0.28, y + dy * size * 0.28, size * 0.07, stroke=1, fill=0)

    def _draw_image(self, c: Canvas, image: dict) -> None:
        w, h = image["width"] * mm, image["height"] * mm
        c.drawImage(
            _image(str(self.t.asset(image["file"]))),
            image["x"] * mm,
            self._y(image["y"]) - h,
            w,
            h,
            mask="auto",
            preserveAspectRatio=True,
        )

    def _block(self, c: Canvas, block: dict, values: dict[str, Any]) -> None:
        if any(not values.get(f) for f in block.get("requires", [])):
            return
        alt = block.get("when_missing")
        if alt and not values.get(alt.get("field", "")):
            # e.g. no Hindi name: the English name moves up into its place, larger.
            block = {**block, **{k: v for k, v in alt.items() if k != "field"}}
        text = " ".join(fill(block["text"], values).split())
        if not text:
            return
        if block.get("letter_case") == "upper":
            text = text.upper()
        font = BOLD if block.get("font") == "bold" else REGULAR
        size = float(block["size"])
        max_width = block.get("max_width")
        align = block.get("align", "left")
        x, y = block["x"] * mm, self._y(block["y"])
        c.setFillColor(_color(block.get("color", "#000000")))
        if max_width and block.get("wrap"):
            max_w = max_width * mm
            max_lines = int(block.get("max_lines", 3))
            min_size = float(block.get("min_size", size))
            lines = wrap_text(text, font, size, max_w, balance=True)
            while len(lines) > max_lines and size > min_size:
                size -= 0.5
                lines = wrap_text(text, font, size, max_w, balance=True)
            leading = size * float(block.get("leading", 1.3))
            for i, line in enumerate(lines):
                draw_text(c, x, y - i * leading, line, font, size, align=align)
            return
        if max_width:
            size = fit_font_size(text, font, size, max_width * mm, float(block.get("min_size", 6)))
        draw_text(c, x, y, text, font, size, align=align)

    def _signatory(self, c: Canvas, sig: dict) -> None:
        x = sig["x"] * mm
        line_y = self._y(sig["y"])
        width = sig.get("width", 70) * mm
        if sig.get("signature"):
            h = sig.get("signature_height", 15) * mm
            c.drawImage(
                _image(str(self.t.asset(sig["signature"]))),
                x - width / 2,
                line_y + 1,
                width,
                h,
                mask="auto",
                preserveAspectRatio=True,
            )
        c.setStrokeColor(_color("#555555"))
        c.setLineWidth(0.5)
        c.line(x - width * 0.42, line_y, x + width * 0.42, line_y)
        c.setFillColor(_color(sig.get("color", "#111111")))
        y = line_y - 4.6 * mm
        for key, font, size in (("name_hi", BOLD, 10.5), ("name_en", REGULAR, 9.5)):
            if sig.get(key):
                size = fit_font_size(sig[key], font, size, width, 7)
                draw_text(c, x, y, sig[key], font, size, align="center")
                y -= 4.4 * mm
        desig = " / ".join(v for v in (sig.get("designation_hi"), sig.get("designation_en")) if v)
        if desig:
            c.setFillColor(_color("#444444"))
            draw_text(
                c,
                x,
                y,
                desig,
                REGULAR,
                fit_font_size(desig, REGULAR, 8.5, width, 6),
                align="center",
            )

    def _revoked(self, c: Canvas, revoked: dict) -> None:
        note = f"निरस्त / Revoked {revoked.get('date', '')}"
        if revoked.get("reason"):
            note += f" — {revoked['reason']}"
        self.mark(c, REVOKED_TEXT, note)

    def mark(self, c: Canvas, text: str, note: str = "", color: str = "#C0392B") -> None:
        """A large diagonal stamp across the page (REVOKED, SPECIMEN) with a note under it;
        translucent, so the certificate under it stays readable."""
        c.saveState()
        # Colours first: ReportLab's setFillColor/setStrokeColor reset the alpha to the
        # colour's own (opaque), so alpha set before them is lost and the stamp hides the page.
        c.setFillColor(_color(color))
        c.setStrokeColor(_color(color))
        c.setFillAlpha(0.22)
        c.setStrokeAlpha(0.6)
        c.translate(self.W / 2, self.H / 2)
        c.rotate(24)
        size = fit_font_size(text, BOLD, 72, self.W * 0.85, 24)
        draw_text(c, 0, -20, text, BOLD, size, align="center")
        if note:
            c.setFillAlpha(0.85)
            draw_text(
                c, 0, -52, note, BOLD, fit_font_size(note, BOLD, 14, self.W * 0.7, 8),
                align="center",
            )  # fmt: skip
        c.restoreState()

    # -- documents -------------------------------------------------------------------------
    def render_pdf(
        self,
        values: dict[str, Any],
        qr_text: str,
        meta: dict[str, str] | None = None,
        revoked: dict | None = None,
    ) -> bytes:
        buf = io.BytesIO()
        c = self.new_canvas(buf, meta)
        self.draw_page(c, values, qr_text, revoked)
        c.showPage()
        c.save()
        return buf.getvalue()
