"""Photos and documents of field visits, stored once each by SHA-256 beside the database.

Layout: `files_dir(db)/attachments/<sha[:2]>/<sha>`; the `attachment` table (local) says
where each is and what it is. Location data is removed from images before they are stored
unless the user keeps it, so the stored bytes differ from the file on disk: the hash is
always of the bytes we store (and upload — SYNC-PROTOCOL.md §5 checks exactly that).

JPEG: the Exif segment is rewritten without its GPS directory, and XMP packets carrying GPS
and IPTC blocks naming places (city, sub-location, state, country) are dropped — the
compressed image data is copied untouched (no re-encoding, no quality loss). Other images with location data are re-saved by Pillow without it.

HEIC/HEIF (the default photo format of iPhones and many Android phones) is decoded with
pillow-heif and stored as a JPEG: the form's thumbnails, the PDF reports (ReportLab draws JPEG
and PNG, not HEIC), the portal and ordinary viewers can all show it. The conversion keeps the
photo upright (the container's rotation is applied to the pixels), keeps the colour profile and
the camera's EXIF, and leaves out GPS/location data unless the user keeps it."""

from __future__ import annotations

import hashlib
import io
import mimetypes
import re
import struct
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from desktop.fileio import write_file_atomic
from desktop.paths import files_dir
from desktop.protocol.ids import format_ts, now_ts
from desktop.store import Store

MAX_BYTES = 10 * 1024 * 1024
GPS_IFD = 0x8825
_SHA = re.compile(r"^[0-9a-f]{64}$")
_IMAGE_EXT = {
    ".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".gif", ".bmp", ".heic", ".heif", ".hif"
}
_HEIF_EXT = {".heic", ".heif", ".hif"}
#: Pillow formats stored as JPEG instead (nothing else here can draw them).
_CONVERT_TO_JPEG = {"HEIF"}
_JPEG_QUALITIES = (90, 80, 70)
ORIENTATION = 0x0112
_PILLOW_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "TIFF": "image/tiff",
    "GIF": "image/gif",
    "BMP": "image/bmp",
}


class AttachmentError(ValueError):
    """A file that cannot be attached, or an attachment that cannot be read back; the message
    names the file and says what to do."""


class MissingAttachment(AttachmentError):
    """A stored attachment whose bytes are gone from disk (or damaged)."""


@dataclass(frozen=True)
class StoredFile:
    """What a visit's `attachments` array holds, plus where the bytes are (local)."""

    sha256: str
    filename: str
    media_type: str
    size: int
    path: Path
    kept_location: bool
    location_removed: bool
    already_stored: bool
    #: the original file name when a HEIC/HEIF photo was stored as JPEG (None: stored as is)
    converted_from: str | None = None
    #: when it was stored for a record not saved yet (None: a saved record already names it)
    staged_at: str | None = None

    def ref(self) -> dict[str, Any]:
        """The §4 attachment reference."""
        return {
            "sha256": self.sha256,
            "filename": self.filename,
            "media_type": self.media_type,
            "size": self.size,
        }


# -- where --------------------------------------------------------------------------------
_memory_roots: dict[int, Path] = {}


def attachments_root(store: Store) -> Path:
    """The attachments folder of this database (an in-memory store gets a temporary one)."""
    if store.path is None:
        root = _memory_roots.get(id(store))
        if root is None:
            root = Path(tempfile.mkdtemp(prefix="kd-attachments-"))
            _memory_roots[id(store)] = root
        return root
    return files_dir(store.path) / "attachments"


def _relative(sha256: str) -> Path:
    return Path(sha256[:2]) / sha256


def attachment_path(store: Store, sha256: str) -> Path:
    """Where the bytes of `sha256` are (or would be) stored; for the sync upload."""
    if not _SHA.match(sha256 or ""):
        raise AttachmentError(f"{sha256!r} is not a SHA-256 hex digest.")
    row = store.conn.execute("SELECT path FROM attachment WHERE sha256 = ?", (sha256,)).fetchone()
    root = attachments_root(store)
    return root / (row[0] if row else _relative(sha256))


def attachment_info(store: Store, sha256: str) -> dict[str, Any] | None:
    row = store.conn.execute("SELECT * FROM attachment WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else dict(row)


def read_attachment(store: Store, sha256: str, *, verify: bool = True) -> bytes:
    """The stored bytes, checked against their hash; MissingAttachment when gone/damaged."""
    path = attachment_path(store, sha256)
    info = attachment_info(store, sha256)
    name = info["filename"] if info else sha256[:12]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if info is None:
            raise MissingAttachment(
                f"The attachment {sha256[:12]}… is not on this desk (it was attached on another "
                "desk and has not been received yet). The visit record is complete without it."
            ) from None
        raise MissingAttachment(
            f"The attachment {name!r} is no longer on disk (expected at {path}). The visit "
            "record is kept; attach the file again to restore it."
        ) from None
    except OSError as exc:
        raise MissingAttachment(f"The attachment {name!r} cannot be read: {exc}.") from exc
    if verify and hashlib.sha256(data).hexdigest() != sha256:
        raise MissingAttachment(
            f"The attachment {name!r} at {path} was changed or damaged on disk (its contents "
            "no longer match). The visit record is kept; attach the file again."
        )
    return data


def is_present(store: Store, sha256: str) -> bool:
    try:
        return attachment_path(store, sha256).is_file()
    except AttachmentError:
        return False


def missing_attachments(store: Store, refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The references of a visit whose files are gone from disk."""
    return [ref for ref in refs if not is_present(store, str(ref.get("sha256", "")))]


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


def _pil():
    """PIL.Image, able to open HEIC/HEIF when pillow-heif is there."""
    from PIL import Image

    heif_supported()
    return Image


def _jpeg_name(filename: str) -> str:
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

    image_module = _pil()
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
    Image = _pil()  # noqa: N806 (the PIL module under its usual name)

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
    Image = _pil()  # noqa: N806

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


# -- adding -------------------------------------------------------------------------------
def _media_type(path: Path, fmt: str | None) -> str:
    if fmt and fmt in _PILLOW_TYPES:
        return _PILLOW_TYPES[fmt]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def _human(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KiB"


def add_attachment(store: Store, source: Path | str, *, keep_location: bool = False) -> StoredFile:
    """Store a file from disk for a visit (same bytes twice = one copy); returns its reference.

    Raises AttachmentError for a missing, unreadable, oversize file or a damaged image."""
    source = Path(source)
    name = source.name
    if not source.is_file():
        raise AttachmentError(f"{name!r}: no such file ({source}).")
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise AttachmentError(
            f"{name!r} is {_human(size)}; an attachment may be at most 10 MiB. "
            "Make a smaller copy (e.g. a lower-resolution photo) and attach that."
        )
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise AttachmentError(f"{name!r} cannot be read: {exc.strerror or exc}.") from exc
    return add_bytes(store, data, name, keep_location=keep_location)


def add_bytes(
    store: Store, data: bytes, filename: str, *, keep_location: bool = False
) -> StoredFile:
    """`add_attachment` for bytes already in memory (demo, tests, drag and drop).

    A HEIC/HEIF photo is stored as a JPEG named like the original (`IMG_0042.HEIC` →
    `IMG_0042.jpg`); see the module notes."""
    from PIL import UnidentifiedImageError

    Image = _pil()  # noqa: N806

    if len(data) > MAX_BYTES:
        raise AttachmentError(
            f"{filename!r} is {_human(len(data))}; an attachment may be at most 10 MiB."
        )
    fmt: str | None = None
    looks_image = Path(filename).suffix.lower() in _IMAGE_EXT
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt = img.format
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        if Path(filename).suffix.lower() in _HEIF_EXT and not heif_supported():
            raise AttachmentError(
                f"{filename!r} is a HEIC/HEIF photo and this installation cannot read them "
                "(the pillow-heif package is missing). Reinstall Karmayogi Desk, or attach "
                "a JPEG copy of the photo."
            ) from exc
        if looks_image:
            raise AttachmentError(
                f"{filename!r} is not a readable image (damaged or not really a "
                f"{Path(filename).suffix} file): {exc}."
            ) from exc
        fmt = None
    removed = False
    converted_from: str | None = None
    if fmt in _CONVERT_TO_JPEG:
        try:
            data, removed = to_jpeg(data, keep_location=keep_location)
        except (OSError, ValueError, SyntaxError) as exc:
            raise AttachmentError(
                f"{filename!r} is not a readable image (damaged or not really a "
                f"{Path(filename).suffix} file): {exc}."
            ) from exc
        if len(data) > MAX_BYTES:
            raise AttachmentError(
                f"{filename!r} is over 10 MiB once converted to JPEG. Make a smaller copy "
                "(e.g. a lower-resolution photo) and attach that."
            )
        converted_from, filename, fmt = filename, _jpeg_name(filename), "JPEG"
    elif fmt and not keep_location:
        stripped = strip_location(data, fmt)
        removed = stripped is not data and stripped != data
        data = stripped
        if len(data) > MAX_BYTES:
            raise AttachmentError(f"{filename!r} is over 10 MiB after removing location data.")
    sha = hashlib.sha256(data).hexdigest()
    media_type = _media_type(Path(filename), fmt)
    relative = _relative(sha)
    target = attachments_root(store) / relative
    kept_location = int(keep_location and has_location(data))
    # The check for the file, its writing and the row are one transaction: a clean-up in
    # another thread or process (which takes the same write lock) either ran before, and the
    # file is written again here, or runs after and sees the file freshly staged.
    with store.transaction():
        row = store.conn.execute(
            "SELECT staged_at FROM attachment WHERE sha256 = ?", (sha,)
        ).fetchone()
        existed = target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == sha
        if not existed:
            _write_atomic(target, data)
        # Staged (not yet named by a saved record) when new here, or still staged; a file a
        # saved record named, or one received from elsewhere, stays kept.
        staged = (row is None and not existed) or (row is not None and row[0] is not None)
        stamp = now_ts()
        store.conn.execute(
            "INSERT INTO attachment(sha256, path, filename, media_type, size, kept_location, "
            "added_at, staged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE "
            "SET path = excluded.path, staged_at = excluded.staged_at",
            (
                sha,
                relative.as_posix(),
                filename,
                media_type,
                len(data),
                kept_location,
                stamp,
                stamp if staged else None,
            ),
        )
    return StoredFile(
        sha256=sha,
        filename=filename,
        media_type=media_type,
        size=len(data),
        path=target,
        kept_location=bool(keep_location),
        location_removed=removed,
        already_stored=existed,
        converted_from=converted_from,
        staged_at=stamp if staged else None,
    )


def _write_atomic(target: Path, data: bytes) -> None:
    """Whole or not at all (a crash leaves no half file under the hash), making its folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    write_file_atomic(target, data)


def store_received(store: Store, sha256: str, data: bytes, filename: str, media_type: str) -> Path:
    """Keep bytes that arrived from elsewhere (sync pull) under their hash, after checking it."""
    if hashlib.sha256(data).hexdigest() != sha256:
        raise AttachmentError(f"{filename!r}: the received bytes do not match {sha256[:12]}….")
    relative = _relative(sha256)
    target = attachments_root(store) / relative
    if not target.is_file():
        _write_atomic(target, data)
    with store.transaction():
        store.conn.execute(
            "INSERT OR IGNORE INTO attachment(sha256, path, filename, media_type, size, "
            "kept_location, added_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
            (sha256, relative.as_posix(), filename, media_type, len(data), now_ts()),
        )
    return target


# -- abandoned files ----------------------------------------------------------------------
#: A staged file nobody saved is removed after this long (the form may stay open for hours;
#: one left open over a day is still protected by the form passing its own files as `keep`).
ABANDONED_AFTER = timedelta(hours=24)


def mark_kept(store: Store, refs: Iterable[Mapping[str, Any]]) -> None:
    """A saved record names these attachments: they are no longer candidates for clean-up."""
    shas = sorted({str(ref.get("sha256") or "") for ref in refs} - {""})
    if shas:
        with store.transaction():
            store.conn.executemany(
                "UPDATE attachment SET staged_at = NULL WHERE sha256 = ? AND staged_at IS NOT NULL",
                [(sha,) for sha in shas],
            )


def referenced(store: Store, sha256: str) -> bool:
    """Whether anything this desk holds names the file: a record of any kind that has
    attachments (current, edited or deleted, made here or received by sync or in a bundle), a
    batch in the outbox or kept for relaying, or a pulled version held back. A plain substring
    test on the stored JSON: a mention anywhere counts, so nothing named is ever removed."""
    from desktop.protocol.records import KIND_FIELDS

    kinds = [kind for kind, fields in KIND_FIELDS.items() if "attachments" in fields]
    for kind in kinds:
        if store.conn.execute(
            f"SELECT 1 FROM {kind} WHERE instr(attachments, ?) > 0 LIMIT 1", (sha256,)
        ).fetchone():
            return True
    # Batch bodies are JSON bytes; only batches that carry such kinds can name a file.
    marks = ",".join("?" for _ in kinds)
    if store.conn.execute(
        "SELECT 1 FROM sync_batch WHERE batch_id IN (SELECT batch_id FROM sync_batch_record "
        f"WHERE kind IN ({marks})) AND instr(body, ?) > 0 LIMIT 1",
        (*kinds, sha256.encode("ascii")),
    ).fetchone():
        return True
    return bool(
        store.conn.execute(
            "SELECT 1 FROM sync_pull_held WHERE instr(record, ?) > 0 LIMIT 1", (sha256,)
        ).fetchone()
    )


@dataclass
class Cleanup:
    """What a clean-up did: files removed (and their bytes), staged files found named by a
    record (now kept), and files that could not be removed."""

    removed: list[str] = field(default_factory=list)
    freed: int = 0
    now_kept: int = 0
    failed: list[str] = field(default_factory=list)


def _remove_one(
    store: Store, sha256: str, *, staged_before: str | None, staged_at: str | None, out: Cleanup
) -> None:
    """Remove one staged file if it is still abandoned, deciding and deleting under the
    database's write lock (so an `add_bytes` of the same bytes waits or comes first)."""
    root = attachments_root(store)
    try:
        with store.transaction():
            row = store.conn.execute(
                "SELECT path, staged_at, size FROM attachment WHERE sha256 = ?", (sha256,)
            ).fetchone()
            if row is None or row["staged_at"] is None:
                return
            if staged_before is not None and row["staged_at"] > staged_before:
                return  # attached again meanwhile
            if staged_at is not None and row["staged_at"] != staged_at:
                return  # attached again meanwhile (by someone else)
            if referenced(store, sha256):
                store.conn.execute(
                    "UPDATE attachment SET staged_at = NULL WHERE sha256 = ?", (sha256,)
                )
                out.now_kept += 1
                return
            store.conn.execute("DELETE FROM attachment WHERE sha256 = ?", (sha256,))
            (root / row["path"]).unlink(missing_ok=True)  # an error rolls the row back
            out.removed.append(sha256)
            out.freed += int(row["size"] or 0)
    except OSError:
        out.failed.append(sha256)


def remove_abandoned(
    store: Store,
    *,
    older_than: timedelta = ABANDONED_AFTER,
    keep: Iterable[str] = (),
    now: datetime | None = None,
) -> Cleanup:
    """Remove files that were attached to a visit never saved (the form was cancelled, the app
    closed, the visit saved without them) once they have been waiting `older_than`.

    Only files this desk stored for an unsaved record are candidates (`staged_at`); each is
    checked against everything that could name it (`referenced`) right before removal, and a
    named one is marked kept instead. Files received by sync or in a bundle, files a saved
    visit once named (a backup may still name them) and files from before staging existed
    are never removed. Leftover `.part-` files of interrupted writes go too."""
    moment = now or datetime.now(timezone.utc)
    cutoff = format_ts(moment - older_than)
    keep_set = set(keep)
    out = Cleanup()
    candidates = [
        row[0]
        for row in store.conn.execute(
            "SELECT sha256 FROM attachment WHERE staged_at IS NOT NULL AND staged_at <= ? "
            "ORDER BY staged_at",
            (cutoff,),
        )
    ]
    for sha in candidates:
        if sha not in keep_set:
            _remove_one(store, sha, staged_before=cutoff, staged_at=None, out=out)
    _remove_partial_writes(attachments_root(store), moment - older_than)
    return out


def discard_unsaved(
    store: Store, staged: Mapping[str, str | None], *, keep: Iterable[str] = ()
) -> Cleanup:
    """The form was closed without saving: remove the files it stored (sha256 -> the
    `staged_at` it was given) that no record names, at once. A file attached again since (here
    or by another program) has a new `staged_at` and is left for `remove_abandoned`."""
    keep_set = set(keep)
    out = Cleanup()
    for sha, stamp in staged.items():
        if stamp is not None and sha not in keep_set:
            _remove_one(store, sha, staged_before=None, staged_at=stamp, out=out)
    return out


def _remove_partial_writes(root: Path, before: datetime) -> None:
    """`.part-*` (ours) and `*.part` (sync's) files older than `before`: a crash mid-write."""
    if not root.is_dir():
        return
    limit = before.timestamp()
    for folder in root.iterdir():
        if not (folder.is_dir() and len(folder.name) == 2):
            continue
        for path in folder.iterdir():
            if path.name.startswith(".part-") or path.name.endswith(".part"):
                try:
                    if path.is_file() and path.stat().st_mtime < limit:
                        path.unlink()
                except OSError:
                    continue


# -- thumbnails ---------------------------------------------------------------------------
def thumbnail_png(store: Store, sha256: str, size: int = 160) -> bytes | None:
    """A small PNG of an image attachment for the form (None for documents).

    Raises MissingAttachment when the file is gone, so the form can say so."""
    from PIL import ImageOps

    Image = _pil()  # noqa: N806

    data = read_attachment(store, sha256, verify=False)
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
