"""Photos and documents of field visits, stored once each by SHA-256 beside the database.

Three parts: `store` (where files live, adding, reading back, files received by sync),
`images` (HEIC to JPEG, location data, thumbnails: pure functions over bytes) and `cleanup`
(files of visits never saved). The names below are the ones the rest of the desk uses."""

from desktop.core.attachments.cleanup import (
    ABANDONED_AFTER,
    Cleanup,
    discard_unsaved,
    mark_kept,
    referenced,
    remove_abandoned,
)
from desktop.core.attachments.images import (
    GPS_IFD,
    MAX_BYTES,
    ORIENTATION,
    has_location,
    heif_supported,
    strip_location,
    to_jpeg,
)
from desktop.core.attachments.store import (
    AttachmentError,
    MissingAttachment,
    StoredFile,
    add_attachment,
    add_bytes,
    attachment_info,
    attachment_path,
    attachments_root,
    is_present,
    keep_received,
    missing_attachments,
    read_attachment,
    read_if_intact,
    store_received,
    thumbnail_png,
)

__all__ = [
    "ABANDONED_AFTER", "GPS_IFD", "MAX_BYTES", "ORIENTATION", "AttachmentError", "Cleanup",
    "MissingAttachment", "StoredFile", "add_attachment", "add_bytes", "attachment_info",
    "attachment_path", "attachments_root", "discard_unsaved", "has_location", "heif_supported",
    "is_present", "keep_received", "mark_kept", "missing_attachments", "read_attachment",
    "read_if_intact", "referenced", "remove_abandoned", "store_received", "strip_location",
    "thumbnail_png", "to_jpeg",
]
