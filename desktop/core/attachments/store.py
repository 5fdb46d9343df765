"""Where attachments live and how they are added and read back: stored once each by SHA-256
beside the database, `files_dir(db)/attachments/<sha[:2]>/<sha>`; the `attachment` table
(local) says where each is and what it is. The hash is always of the bytes stored (and
uploaded — SYNC-PROTOCOL.md §5 checks exactly that), which differ from the file on disk when
location data was removed or a HEIC photo became a JPEG (`images`). Files received by sync or
in a bundle are kept here too (`keep_received`, `read_if_intact`)."""

from __future__ import annotations

import hashlib
import io
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.attachments.images import (
    CONVERT_TO_JPEG,
    HEIF_EXT,
    IMAGE_EXT,
    MAX_BYTES,
    PILLOW_TYPES,
    has_location,
    heif_supported,
    jpeg_name,
    pil,
    strip_location,
    thumbnail,
    to_jpeg,
)
from desktop.fileio import write_file_atomic
from desktop.paths import store_folder
from desktop.protocol.ids import now_ts
from desktop.store import Store
from desktop.text.said import said

_SHA = re.compile(r"^[0-9a-f]{64}$")


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
def attachments_root(store: Store) -> Path:
    """The attachments folder of this database (an in-memory store gets a temporary one)."""
    return store_folder(store.path, "attachments", owner=store)


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
                said(
                    "The attachment {digest}… is not on this desk (it was attached on another desk "
                    "and has not been received yet). The visit record is complete without it.",
                    digest=sha256[:12],
                )
            ) from None
        raise MissingAttachment(
            said(
                "The attachment {name!r} is no longer on disk (expected at {path}). The visit "
                "record is kept; attach the file again to restore it.",
                name=name, path=path,
            )
        ) from None
    except OSError as exc:
        raise MissingAttachment(said(
                "The attachment {name!r} cannot be read: {error}.",
                name=name, error=str(exc),
            )) from exc
    if verify and hashlib.sha256(data).hexdigest() != sha256:
        raise MissingAttachment(
            said(
                "The attachment {name!r} at {path} was changed or damaged on disk (its contents "
                "no longer match). The visit record is kept; attach the file again.",
                name=name, path=path,
            )
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


# -- adding -------------------------------------------------------------------------------
def _media_type(path: Path, fmt: str | None) -> str:
    if fmt and fmt in PILLOW_TYPES:
        return PILLOW_TYPES[fmt]
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
        raise AttachmentError(said(
                "{name!r}: no such file ({source}).",
                name=name, source=source,
            ))
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise AttachmentError(
            said(
                "{name!r} is {size}; an attachment may be at most 10 MiB. Make a smaller copy "
                "(e.g. a lower-resolution photo) and attach that.",
                name=name, size=_human(size),
            )
        )
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise AttachmentError(said(
                "{name!r} cannot be read: {reason}.",
                name=name, reason=exc.strerror or str(exc),
            )) from exc
    return add_bytes(store, data, name, keep_location=keep_location)


def add_bytes(
    store: Store, data: bytes, filename: str, *, keep_location: bool = False
) -> StoredFile:
    """`add_attachment` for bytes already in memory (demo, tests, drag and drop).

    A HEIC/HEIF photo is stored as a JPEG named like the original (`IMG_0042.HEIC` →
    `IMG_0042.jpg`); see the module notes."""
    from PIL import UnidentifiedImageError

    Image = pil()  # noqa: N806

    if len(data) > MAX_BYTES:
        raise AttachmentError(
            said(
                "{filename!r} is {size}; an attachment may be at most 10 MiB.",
                filename=filename, size=_human(len(data)),
            )
        )
    fmt: str | None = None
    looks_image = Path(filename).suffix.lower() in IMAGE_EXT
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt = img.format
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        if Path(filename).suffix.lower() in HEIF_EXT and not heif_supported():
            raise AttachmentError(
                said(
                    "{filename!r} is a HEIC/HEIF photo and this installation cannot read them "
                    "(the pillow-heif package is missing). Reinstall Karmayogi Desk, or attach a "
                    "JPEG copy of the photo.",
                    filename=filename,
                )
            ) from exc
        if looks_image:
            raise AttachmentError(
                said(
                    "{filename!r} is not a readable image (damaged or not really a {suffix} "
                    "file): {error}.",
                    filename=filename, suffix=Path(filename).suffix, error=str(exc),
                )
            ) from exc
        fmt = None
    removed = False
    converted_from: str | None = None
    if fmt in CONVERT_TO_JPEG:
        try:
            data, removed = to_jpeg(data, keep_location=keep_location)
        except (OSError, ValueError, SyntaxError) as exc:
            raise AttachmentError(
                said(
                    "{filename!r} is not a readable image (damaged or not really a {suffix} "
                    "file): {error}.",
                    filename=filename, suffix=Path(filename).suffix, error=str(exc),
                )
            ) from exc
        if len(data) > MAX_BYTES:
            raise AttachmentError(
                said(
                    "{filename!r} is over 10 MiB once converted to JPEG. Make a smaller copy "
                    "(e.g. a lower-resolution photo) and attach that.",
                    filename=filename,
                )
            )
        converted_from, filename, fmt = filename, jpeg_name(filename), "JPEG"
    elif fmt and not keep_location:
        stripped = strip_location(data, fmt)
        removed = stripped is not data and stripped != data
        data = stripped
        if len(data) > MAX_BYTES:
            raise AttachmentError(said(
                    "{filename!r} is over 10 MiB after removing location data.",
                    filename=filename,
                ))
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
        raise AttachmentError(said(
                "{filename!r}: the received bytes do not match {digest}….",
                filename=filename, digest=sha256[:12],
            ))
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


def read_if_intact(store: Store, sha256: str) -> bytes | None:
    """The stored bytes for sync to send, or None when missing or damaged (the portal will then
    answer `missing_attachment` for the record, which is shown to the user)."""
    path = attachments_root(store) / _relative(sha256)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def keep_received(store: Store, sha256: str, data: bytes) -> None:
    """Keep a file that arrived in a bundle under its hash (no row: the record naming it
    carries its name and type); nothing is written when it is already here."""
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ValueError(f"attachment bytes do not match {sha256}")
    path = attachments_root(store) / _relative(sha256)
    if path.exists():
        return
    _write_atomic(path, data)


def thumbnail_png(store: Store, sha256: str, size: int = 160) -> bytes | None:
    """A small PNG of an image attachment for the form (None for documents).

    Raises MissingAttachment when the file is gone, so the form can say so."""
    return thumbnail(read_attachment(store, sha256, verify=False), size)
