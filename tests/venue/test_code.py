"""The joining code's text form and its messages."""

from __future__ import annotations

import pytest

from desktop.core.venue import code as codes

FP = "0123456789abcdef" * 4


def test_round_trip_and_forgiving_secret():
    c = codes.JoinCode("192.168.1.5", 47800, FP, "ABCD2345")
    assert codes.parse(c.text()) == c
    typed = c.text().replace("ABCD2345", "abcd 2345")
    assert codes.parse(typed) == c
    assert c.url == "https://192.168.1.5:47800"


@pytest.mark.parametrize(("text", "part"), [
    ("hello", "Not a venue joining code"),
    ("kdv1/192.168.1.5/0/x/ABCD2345", "port"),
    ("kdv1/192.168.1.5/47800/short/ABCD2345", "fingerprint"),
    ("kdv1/192.168.1.5/47800/" + "A" * 43 + "/ABC", "secret"),
])
def test_bad_codes_name_the_part(text, part):
    with pytest.raises(codes.BadCode, match=part):
        codes.parse(text)


def test_qr_holds_the_code():
    import io

    import zxingcpp
    from PIL import Image

    c = codes.JoinCode("10.0.0.2", 47800, FP, "ZZZZ2222")
    image = Image.open(io.BytesIO(codes.qr_png(c)))
    found = zxingcpp.read_barcodes(image)
    assert [f.text for f in found] == [c.text()]
