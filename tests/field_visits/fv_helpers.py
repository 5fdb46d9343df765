"""Shared bits for the field-visit tests: images with fake GPS, a ready visit."""

from __future__ import annotations

import io

from PIL import Image

TODAY = "2026-11-23"


def jpeg(color=(200, 100, 50), size=(64, 48), gps: bool = False, quality: int = 85) -> bytes:
    img = Image.new("RGB", size, color)
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make: must survive stripping
    if gps:
        exif[0x8825] = {1: "N", 2: (26.0, 50.0, 12.5), 3: "E", 4: (80.0, 56.0, 1.0)}
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", exif=exif.tobytes(), quality=quality)
    return buffer.getvalue()


def png(gps: bool = False) -> bytes:
    img = Image.new("RGB", (40, 30), (10, 120, 60))
    exif = Image.Exif()
    if gps:
        exif[0x8825] = {1: "S", 2: (1.0, 2.0, 3.0)}
    buffer = io.BytesIO()
    img.save(buffer, "PNG", exif=exif.tobytes())
    return buffer.getvalue()


def heic(gps: bool = False, orientation: int = 6, size=(120, 60)) -> bytes:
    """A real HEIC as a phone writes it: left half blue, right half red as stored, with EXIF
    (Make, Orientation; GPS if asked). Orientation 6 means "turn 90° clockwise to view", so
    the upright photo is portrait with blue on top. pillow-heif stores the orientation as
    the container's rotation, as iPhones do."""
    from pillow_heif import register_heif_opener

    register_heif_opener()
    img = Image.new("RGB", size, (200, 30, 30))
    img.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "TestPhone"
    exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (26.0, 50.0, 12.5), 3: "E", 4: (80.0, 56.0, 1.0)}
    buffer = io.BytesIO()
    img.save(buffer, "HEIF", exif=exif.tobytes(), quality=90)
    data = buffer.getvalue()
    assert data[4:12] == b"ftypheic"
    return data


def visit_data(**over):
    data = {
        "district_code": "LKO",
        "office": "Vikas Bhawan",
        "department": "Revenue",
        "visit_date": "2026-10-05",
        "purpose": "प्रशिक्षण आवश्यकता का आकलन",
        "team": ["Anita Singh", "अजय वर्मा"],
        "people_met": 12,
        "findings": "iGOT पंजीकरण अधूरा है।",
        "action_points": [
            {
                "text": "iGOT पंजीकरण पूर्ण कराना",
                "owner": "DNO",
                "due_date": "2026-10-20",
                "status": "open",
            },
            {
                "text": "Share e-Office manual",
                "owner": "Anita",
                "due_date": "2026-12-01",
                "status": "open",
            },
            {"text": "Collect sheets", "owner": "Ajay", "status": "done"},
        ],
    }
    data.update(over)
    return data
