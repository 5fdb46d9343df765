"""Attachments: stored by hash, deduplicated, GPS stripped unless kept, limits and messages."""

from __future__ import annotations

import hashlib
import io

import pytest
from fv_helpers import jpeg, png
from PIL import Image

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
