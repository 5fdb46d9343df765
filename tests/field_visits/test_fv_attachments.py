"""Attachments: stored by hash, deduplicated, GPS stripped unless kept, limits and messages."""

from __future__ import annotations

import hashlib
import io

import pytest
from fv_helpers import heic, jpeg, png
from PIL import Image, ImageOps

from desktop.core import attachments as att
from desktop.paths import files_dir
from desktop.store import open_store


@pytest.fixture
def disk_store(db_path):
    s = open_store(db_path)
    yield s
    s.close()


def test_stored_by_hash_beside_database(disk_store, db_path, tmp_path):
    src = tmp_path / "photo.jpg"
    src.write_bytes(jpeg())
    stored = att.add_attachment(disk_store, src)
    data = src.read_bytes()
    assert stored.sha256 == hashlib.sha256(data).hexdigest()  # no GPS: bytes unchanged
    expected = files_dir(db_path) / "attachments" / stored.sha256[:2] / stored.sha256
    assert stored.path == expected and expected.read_bytes() == data
    assert att.attachment_path(disk_store, stored.sha256) == expected
    assert att.read_attachment(disk_store, stored.sha256) == data
    assert stored.ref() == {
        "sha256": stored.sha256,
        "filename": "photo.jpg",
        "media_type": "image/jpeg",
        "size": len(data),
    }


def test_same_file_twice_is_one_copy(disk_store, tmp_path):
    a, b = tmp_path / "a.jpg", tmp_path / "copy of a.jpg"
    a.write_bytes(jpeg(gps=True))
    b.write_bytes(a.read_bytes())
    first = att.add_attachment(disk_store, a)
    second = att.add_attachment(disk_store, b)
    assert first.sha256 == second.sha256 and second.already_stored
    files = [p for p in att.attachments_root(disk_store).rglob("*") if p.is_file()]
    assert len(files) == 1
    assert disk_store.conn.execute("SELECT count(*) FROM attachment").fetchone()[0] == 1


def test_gps_removed_by_default_rest_of_exif_and_pixels_kept(disk_store):
    data = jpeg(gps=True)
    assert att.has_location(data)
    stored = att.add_bytes(disk_store, data, "site.jpg")
    kept = att.read_attachment(disk_store, stored.sha256)
    assert stored.location_removed
    assert not att.has_location(kept)
    with Image.open(io.BytesIO(kept)) as img:
        exif = img.getexif()
        assert att.GPS_IFD not in exif and exif.get_ifd(att.GPS_IFD) == {}
        assert exif[0x010F] == "TestCam"
    # lossless: the compressed image data is identical
    assert kept[kept.index(b"\xff\xda") :] == data[data.index(b"\xff\xda") :]
    # the hash is of the stored bytes
    assert stored.sha256 == hashlib.sha256(kept).hexdigest() != hashlib.sha256(data).hexdigest()


def test_keep_location_keeps_gps(disk_store):
    data = jpeg(gps=True)
    stored = att.add_bytes(disk_store, data, "site.jpg", keep_location=True)
    kept = att.read_attachment(disk_store, stored.sha256)
    assert kept == data and att.has_location(kept)
    with Image.open(io.BytesIO(kept)) as img:
        assert img.getexif().get_ifd(att.GPS_IFD)[1] == "N"
    assert att.attachment_info(disk_store, stored.sha256)["kept_location"] == 1


def test_png_gps_removed(disk_store):
    data = png(gps=True)
    assert att.has_location(data)
    stored = att.add_bytes(disk_store, data, "scan.png")
    assert stored.media_type == "image/png"
    assert not att.has_location(att.read_attachment(disk_store, stored.sha256))


def test_size_limit_clear_message(disk_store, tmp_path):
    big = tmp_path / "huge.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (att.MAX_BYTES + 1))
    with pytest.raises(att.AttachmentError) as err:
        att.add_attachment(disk_store, big)
    assert "huge.pdf" in str(err.value) and "10 MiB" in str(err.value)
    exact = tmp_path / "exact.pdf"
    exact.write_bytes(b"0" * att.MAX_BYTES)
    assert att.add_attachment(disk_store, exact).size == att.MAX_BYTES


def test_unreadable_image_and_missing_source(disk_store, tmp_path):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 this is not really a jpeg")
    with pytest.raises(att.AttachmentError) as err:
        att.add_attachment(disk_store, broken)
    assert "broken.jpg" in str(err.value) and "not a readable image" in str(err.value)
    with pytest.raises(att.AttachmentError) as err:
        att.add_attachment(disk_store, tmp_path / "nowhere.jpg")
    assert "no such file" in str(err.value)


def test_document_kept_as_is(disk_store, tmp_path):
    doc = tmp_path / "minutes.pdf"
    doc.write_bytes(b"%PDF-1.4 minutes")
    stored = att.add_attachment(disk_store, doc)
    assert stored.media_type == "application/pdf"
    assert att.read_attachment(disk_store, stored.sha256) == doc.read_bytes()
    assert att.thumbnail_png(disk_store, stored.sha256) is None


def test_deleted_from_disk_gives_clear_message(disk_store):
    stored = att.add_bytes(disk_store, jpeg(), "gone.jpg")
    stored.path.unlink()
    with pytest.raises(att.MissingAttachment) as err:
        att.read_attachment(disk_store, stored.sha256)
    assert "gone.jpg" in str(err.value) and "no longer on disk" in str(err.value)
    assert att.missing_attachments(disk_store, [stored.ref()]) == [stored.ref()]
    with pytest.raises(att.MissingAttachment):
        att.thumbnail_png(disk_store, stored.sha256)


def test_damaged_on_disk_detected(disk_store):
    stored = att.add_bytes(disk_store, jpeg(), "x.jpg")
    stored.path.write_bytes(b"garbage")
    with pytest.raises(att.MissingAttachment) as err:
        att.read_attachment(disk_store, stored.sha256)
    assert "damaged" in str(err.value)


def test_thumbnail_is_small_png(disk_store):
    stored = att.add_bytes(disk_store, jpeg(size=(800, 600)), "big.jpg")
    thumb = att.thumbnail_png(disk_store, stored.sha256, size=100)
    with Image.open(io.BytesIO(thumb)) as img:
        assert img.format == "PNG" and max(img.size) == 100


def test_store_received_checks_hash(disk_store):
    data = jpeg()
    sha = hashlib.sha256(data).hexdigest()
    path = att.store_received(disk_store, sha, data, "r.jpg", "image/jpeg")
    assert path.read_bytes() == data
    with pytest.raises(att.AttachmentError):
        att.store_received(disk_store, "0" * 64, data, "r.jpg", "image/jpeg")


def test_attachment_from_another_desk_not_yet_received(disk_store):
    with pytest.raises(att.MissingAttachment) as err:
        att.read_attachment(disk_store, "ab" * 32)
    assert "not on this desk" in str(err.value)
    with pytest.raises(att.AttachmentError):
        att.attachment_path(disk_store, "not-a-hash")


# -- HEIC/HEIF (phone photos) -----------------------------------------------------------
def _blue(pixel) -> bool:
    r, g, b = pixel[:3]
    return b > 150 and r < 90


def _red(pixel) -> bool:
    r, g, b = pixel[:3]
    return r > 150 and b < 90


def test_heic_is_stored_as_upright_jpeg_without_gps(disk_store, tmp_path):
    src = tmp_path / "IMG_0042.HEIC"
    src.write_bytes(heic(gps=True))
    with Image.open(io.BytesIO(src.read_bytes())) as original:  # pillow-heif is registered
        assert original.format == "HEIF" and att.has_location(src.read_bytes())
    stored = att.add_attachment(disk_store, src)
    assert stored.converted_from == "IMG_0042.HEIC" and stored.location_removed
    assert stored.filename == "IMG_0042.jpg" and stored.media_type == "image/jpeg"
    kept = att.read_attachment(disk_store, stored.sha256)
    assert stored.sha256 == hashlib.sha256(kept).hexdigest() and stored.size == len(kept)
    assert not att.has_location(kept)
    with Image.open(io.BytesIO(kept)) as img:
        assert img.format == "JPEG"
        exif = img.getexif()
        assert exif.get_ifd(att.GPS_IFD) == {} and att.GPS_IFD not in exif
        assert exif[0x010F] == "TestPhone"  # the rest of the EXIF survives
        assert exif.get(att.ORIENTATION, 1) == 1  # pixels already upright: no viewer turns it
        assert img.size == (60, 120)  # portrait, as the phone showed it
        assert _blue(img.getpixel((30, 10))) and _red(img.getpixel((30, 110)))
        upright = ImageOps.exif_transpose(img)  # what a viewer does: nothing more to turn
        assert upright.size == (60, 120) and _blue(upright.getpixel((30, 10)))
    info = att.attachment_info(disk_store, stored.sha256)
    assert info["filename"] == "IMG_0042.jpg" and info["kept_location"] == 0
    # thumbnail for the form: upright too
    with Image.open(io.BytesIO(att.thumbnail_png(disk_store, stored.sha256, 100))) as thumb:
        assert thumb.size == (50, 100) and _blue(thumb.getpixel((25, 10)))
    # the same photo again is the same JPEG (one copy)
    again = att.add_bytes(disk_store, src.read_bytes(), "IMG_0042.HEIC")
    assert again.sha256 == stored.sha256 and again.already_stored


def test_heic_keep_location_keeps_gps(disk_store):
    stored = att.add_bytes(disk_store, heic(gps=True), "site.heif", keep_location=True)
    assert stored.converted_from == "site.heif" and not stored.location_removed
    kept = att.read_attachment(disk_store, stored.sha256)
    assert att.has_location(kept)
    with Image.open(io.BytesIO(kept)) as img:
        assert img.format == "JPEG" and img.getexif().get_ifd(att.GPS_IFD)[1] == "N"
    assert att.attachment_info(disk_store, stored.sha256)["kept_location"] == 1


def test_heic_without_gps_and_damaged_heic(disk_store):
    stored = att.add_bytes(disk_store, heic(orientation=1), "plain.heic")
    assert stored.filename == "plain.jpg" and not stored.location_removed
    with Image.open(io.BytesIO(att.read_attachment(disk_store, stored.sha256))) as img:
        assert img.size == (120, 60) and _blue(img.getpixel((10, 30)))
    broken = heic()[:200]
    with pytest.raises(att.AttachmentError) as err:
        att.add_bytes(disk_store, broken, "cut.heic")
    assert "cut.heic" in str(err.value) and "not a readable image" in str(err.value)


def _with_iptc(data: bytes, datasets: list[tuple[int, bytes]]) -> bytes:
    """A JPEG with an APP13 Photoshop/IPTC block (record 2 datasets) after SOI."""
    import struct

    iim = b"".join(b"\x1c\x02" + bytes((n,)) + struct.pack(">H", len(v)) + v for n, v in datasets)
    irb = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim
    body = b"Photoshop 3.0\x00" + irb
    return data[:2] + b"\xff\xed" + struct.pack(">H", len(body) + 2) + body + data[2:]


def test_iptc_place_names_are_location_and_are_removed(disk_store):
    data = _with_iptc(jpeg(), [(90, b"Lucknow"), (92, b"Collectorate"), (120, b"Site visit")])
    assert att.has_location(data)
    stored = att.add_bytes(disk_store, data, "site.jpg")
    kept = att.read_attachment(disk_store, stored.sha256)
    assert stored.location_removed
    assert b"Lucknow" not in kept and b"Collectorate" not in kept
    assert not att.has_location(kept)
    assert kept[kept.index(b"\xff\xda") :] == data[data.index(b"\xff\xda") :]  # lossless
    with Image.open(io.BytesIO(kept)) as img:
        img.load()
    kept_too = att.add_bytes(disk_store, data, "site2.jpg", keep_location=True)
    assert b"Lucknow" in att.read_attachment(disk_store, kept_too.sha256)


def test_iptc_without_place_names_is_not_location(disk_store):
    data = _with_iptc(jpeg(), [(120, b"Site visit"), (25, b"training")])
    assert not att.has_location(data)
    stored = att.add_bytes(disk_store, data, "caption.jpg")
    assert att.read_attachment(disk_store, stored.sha256) == data
