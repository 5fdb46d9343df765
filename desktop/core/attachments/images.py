"""Image bytes for attachments: HEIC/HEIF opened and stored as JPEG, location data found and
removed, thumbnails. Pure functions over bytes: where files live is `store`.

JPEG: the Exif segment is rewritten without its GPS directory, and XMP packets carrying GPS
and IPTC blocks naming places (city, sub-location, state, country) are dropped — the
compressed image data is copied untouched (no re-encoding, no quality loss). Other images with
location data are re-saved by Pillow without it.

HEIC/HEIF (the default photo format of iPhones and many Android phones) is decoded with
pillow-heif and stored as a JPEG: the form's thumbnails, the PDF reports (ReportLab draws JPEG
and PNG, not HEIC), the portal and ordinary viewers can all show it. The conversion keeps the
photo upright (the container's rotation is applied to the pixels), keeps the colour profile and
the camera's EXIF, and leaves out GPS/location data unless the user keeps it."""

from __future__ import annotations

import io
import struct
from pathlib import Path
from typing import Any

from desktop.protocol.records import MAX_ATTACHMENT_BYTES as MAX_BYTES

GPS_IFD = 0x8825
ORIENTATION = 0x0112
IMAGE_EXT = {
    ".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".gif", ".bmp", ".heic", ".heif", ".hif"
}
HEIF_EXT = {".heic", ".heif", ".hif"}
#: Pillow formats stored as JPEG instead (nothing else here can draw them).
CONVERT_TO_JPEG = {"HEIF"}
_JPEG_QUALITIES = (90, 80, 70)
PILLOW_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "TIFF": "image/tiff",
    "GIF": "image/gif",
    "BMP": "image/bmp",
}


# -- images -------------------------------------------------------------------------------
_heif_state: list[bool] = []


def heif_supported() -> bool:
    """Teach Pillow to open HEIC/HEIF (once); False when pillow-heif is not installed."""
    if not _heif_state:
        try:
            from pillow_heif import register_heif_opener
        except ImportError:
            _heif_state.append(False)
        else:
            register_heif_opener()
            _heif_state.append(True)
    return _heif_state[0]


def pil():
    """PIL.Image, able to open HEIC/HEIF when pillow-heif is there."""
    from PIL import Image

    heif_supported()
    return Image


def jpeg_name(filename: str) -> str:
    path = Path(filename)
    return path.with_suffix(".jpg").name if path.suffix else f"{path.name}.jpg"


def to_jpeg(data: bytes, *, keep_location: bool = False) -> tuple[bytes, bool]:
    """A HEIC/HEIF photo as JPEG bytes; returns (jpeg, whether location data was left out).

    pillow-heif applies the container's rotation/mirroring while decoding and then reports
    Orientation 1, so the pixels come out upright; a leftover EXIF Orientation is applied
    too, and the JPEG says Orientation 1, so no viewer turns it again. The colour profile and
    the rest of the EXIF (camera, date) are kept; GPS and XMP (which may hold location) only
    with `keep_location`."""
    from PIL import ImageOps

    image_module = pil()
    with image_module.open(io.BytesIO(data)) as img:
        img.load()
        exif = img.getexif()
        icc = img.info.get("icc_profile")
        xmp = img.info.get("xmp")
        upright = ImageOps.exif_transpose(img)
    if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
        rgba = upright.convert("RGBA")
        flat = image_module.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        upright = flat
    elif upright.mode != "RGB":
        upright = upright.convert("RGB")
    removed = False
    if ORIENTATION in exif:
        exif[ORIENTATION] = 1
    if not keep_location:
        had_xmp_gps = bool(xmp) and (
            b"GPSL" in (xmp if isinstance(xmp, bytes) else str(xmp).encode("utf-8", "replace"))
        )
        removed = bool(exif.get_ifd(GPS_IFD)) or GPS_IFD in exif or had_xmp_gps
        exif.pop(GPS_IFD, None)
        xmp = None
    params: dict[str, Any] = {"exif": exif.tobytes(), "optimize": True}
    if icc:
        params["icc_profile"] = icc
    if xmp:
        params["xmp"] = xmp if isinstance(xmp, bytes) else str(xmp).encode("utf-8")
    out = b""
    for quality in _JPEG_QUALITIES:
        buffer = io.BytesIO()
        upright.save(buffer, format="JPEG", quality=quality, **params)
        out = buffer.getvalue()
        if len(out) <= MAX_BYTES:
            break
    return out, removed


# -- location data ------------------------------------------------------------------------
#: IPTC-IIM datasets naming a place (record 2): content location code/name, city,
#: sub-location, province/state, country code, country name
_IPTC_PLACES = tuple(bytes((0x1C, 0x02, n)) for n in (26, 27, 90, 92, 95, 100, 101))


def _iptc_has_place(body: bytes) -> bool:
    """Whether a JPEG APP13 (Photoshop IRB) segment holds IPTC place datasets."""
    return body.startswith(b"Photoshop 3.0\x00") and any(tag in body for tag in _IPTC_PLACES)


def _jpeg_iptc_has_place(data: bytes) -> bool:
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xDA or marker == 0xD9:
            break
        if marker == 0x01 or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
            pos += 2 if marker != 0xFF else 1
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker == 0xED and _iptc_has_place(data[pos + 4 : pos + 2 + length]):
            return True
        pos += 2 + length
    return False


def has_location(data: bytes) -> bool:
    """Whether an image carries a non-empty EXIF GPS directory, XMP GPS tags, or (JPEG)
    IPTC place names such as city and sub-location."""
    Image = pil()  # noqa: N806 (the PIL module under its usual name)

    if data[:2] == b"\xff\xd8" and _jpeg_iptc_has_place(data):
        return True

    try:
        with Image.open(io.BytesIO(data)) as img:
            exif = img.getexif()
            if exif.get_ifd(GPS_IFD) or GPS_IFD in exif:
                return True
            xmp = img.info.get("xmp") or b""
    except Exception:
        return False
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    return b"GPSLatitude" in xmp or b"GPSLongitude" in xmp


def _strip_jpeg(data: bytes) -> bytes:
    """Copy a JPEG segment by segment, rewriting Exif without GPS and dropping XMP packets
    that hold GPS tags and IPTC blocks that name places; the entropy-coded image data is
    copied byte for byte."""
    from PIL import Image

    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    out = bytearray(b"\xff\xd8")
    pos = 2
    while pos < len(data):
        if data[pos] != 0xFF:
            raise ValueError("bad JPEG marker")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD9,) or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out += data[pos : pos + 2]
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        segment = data[pos : pos + 2 + length]
        body = data[pos + 4 : pos + 2 + length]
        if marker == 0xDA:  # start of scan: the rest is image data
            out += data[pos:]
            break
        if marker == 0xE1 and body.startswith(b"Exif\x00\x00"):
            exif = Image.Exif()
            exif.load(body[6:])
            if GPS_IFD in exif:
                del exif[GPS_IFD]
                new_body = b"Exif\x00\x00" + exif.tobytes()
                segment = b"\xff\xe1" + struct.pack(">H", len(new_body) + 2) + new_body
        elif marker == 0xE1 and b"GPSL" in body and body.startswith(b"http://ns.adobe.com"):
            segment = b""  # XMP with location
        elif marker == 0xED and _iptc_has_place(body):
            segment = b""  # IPTC with place names (caption and keywords go with it)
        out += segment
        pos += 2 + length
    return bytes(out)


def strip_location(data: bytes, fmt: str) -> bytes:
    """Image bytes without GPS/location metadata (unchanged bytes if there was none)."""
    Image = pil()  # noqa: N806

    if not has_location(data):
        return data
    if fmt == "JPEG":
        try:
            stripped = _strip_jpeg(data)
            if not has_location(stripped):
                return stripped
        except (ValueError, struct.error):
            pass
    with Image.open(io.BytesIO(data)) as img:
        exif = img.getexif()
        exif.pop(GPS_IFD, None)
        buffer = io.BytesIO()
        params: dict[str, Any] = {"exif": exif.tobytes()}
        if fmt == "JPEG":
            params["quality"] = 95
        img.save(buffer, format=fmt, **params)
    return buffer.getvalue()

def thumbnail(data: bytes, size: int = 160) -> bytes | None:
    """A small upright PNG of image bytes (None when they are not an image)."""
    from PIL import ImageOps

    Image = pil()  # noqa: N806

    try:
        with Image.open(io.BytesIO(data)) as img:
            img = ImageOps.exif_transpose(img)
            img.thumbnail((size, size))
            if img.mode not in ("RGB", "RGBA"):
                img = img.convert("RGBA")
            buffer = io.BytesIO()
            img.save(buffer, format="PNG")
            return buffer.getvalue()
    except Exception:
        return None
