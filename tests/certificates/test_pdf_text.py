"""Shaping and extraction of the shared PDF text helpers (desktop.core.pdf)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import uharfbuzz as hb
from reportlab.pdfgen.canvas import Canvas

from desktop.core.pdf import (
    BOLD,
    REGULAR,
    draw_qr,
    draw_text,
    fit_font_size,
    glyph_ids,
    register_fonts,
    script_runs,
    text_width,
    wrap_text,
)
from desktop.core.pdf.fonts import font_path

HINDI = [
    "प्र",
    "क्ष",
    "त्र",
    "ज्ञ",
    "श्र",
    "द्ध",
    "कि",  # ि is drawn before its consonant
    "प्रशिक्षण पूर्णता प्रमाण-पत्र",
    "श्रीमती ज्ञानेश्वरी प्रियदर्शिनी त्रिपाठी-क्षत्रिय",
    "उत्तर प्रदेश प्रशासन एवं प्रबंधन अकादमी, लखनऊ",
]


def hb_glyphs(text: str, font: str) -> list[int]:
    blob = hb.Blob.from_file_path(font_path(font))
    hbfont = hb.Font(hb.Face(blob))
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(hbfont, buf, {"kern": True, "liga": True})
    return [g.codepoint for g in buf.glyph_infos]


@pytest.mark.parametrize("text", HINDI)
@pytest.mark.parametrize("font", [REGULAR, BOLD])
def test_drawn_glyphs_equal_harfbuzz(text, font):
    register_fonts()
    assert glyph_ids(text, font, 14) == hb_glyphs(text, font)


def test_ikar_is_reordered_before_consonant():
    register_fonts()
    font = hb.Font(hb.Face(hb.Blob.from_file_path(font_path(REGULAR))))
    names = [font.glyph_to_string(g) for g in glyph_ids("कि", REGULAR)]
    # The vowel sign (U+093F) is drawn first, then क (U+0915): reordered as it must be.
    assert names[0].startswith("uni093F") and names[1] == "uni0915"
    conj = [font.glyph_to_string(g) for g in glyph_ids("क्ष", REGULAR)]
    assert conj == ["uni0915094D0937"]  # one conjunct glyph, no visible halant


def test_mixed_line_shapes_each_run():
    """A line starting with Latin must still shape its Hindi (GOTCHAS: visible halants)."""
    register_fonts()
    text = "(EMP0002), राजस्व प्रशिक्षण"
    runs = script_runs(text)
    assert [s for s, _ in runs] == ["latn", "deva"]
    assert "".join(t for _, t in runs) == text
    assert glyph_ids(text, REGULAR)[-len(hb_glyphs("राजस्व प्रशिक्षण", REGULAR)) :] == hb_glyphs(
        "राजस्व प्रशिक्षण", REGULAR
    )


def test_width_wrap_and_fit():
    register_fonts()
    long = "श्रीमती ज्ञानेश्वरी प्रियदर्शिनी त्रिपाठी-क्षत्रिय " * 3
    assert text_width("क्ष", REGULAR, 20) == pytest.approx(2 * text_width("क्ष", REGULAR, 10))
    lines = wrap_text(long, REGULAR, 12, 200)
    assert len(lines) > 1 and all(text_width(line, REGULAR, 12) <= 200 for line in lines)
    assert " ".join(lines) == " ".join(long.split())
    size = fit_font_size(long, BOLD, 28, 400)
    assert size < 28 and text_width(long, BOLD, size) <= 400


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdftotext_returns_exact_unicode(tmp_path):
    register_fonts()
    path = tmp_path / "t.pdf"
    c = Canvas(str(path))
    y = 800
    lines = HINDI[7:] + ["Certificate / प्रमाण-पत्र (EMP0002)"]
    for text in lines:
        draw_text(c, 50, y, text, REGULAR, 14)
        y -= 30
    draw_qr(c, "hello", 50, 100, 80)
    c.save()
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    for text in lines:
        assert text in out


def test_qr_path_decodes(tmp_path):
    import pypdfium2 as pdfium
    import zxingcpp

    path = tmp_path / "q.pdf"
    c = Canvas(str(path))
    data = "eyJhbGciOiJFZERTQSJ9." + "x" * 250
    draw_qr(c, data, 100, 100, 160, quiet_zone=4)
    c.save()
    img = pdfium.PdfDocument(str(path))[0].render(scale=2).to_pil()
    assert [r.text for r in zxingcpp.read_barcodes(img)] == [data]
