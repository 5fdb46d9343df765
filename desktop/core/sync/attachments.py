"""Where the bytes of an attachment named by a field visit are, by SHA-256.

The field-visit module owns the attachment store (`files_dir(db)/attachments/<sha[:2]>/<sha>`);
when it is present its reader is used (it checks the hash). Sync also writes attachments it
receives in a bundle to the same layout."""

from __future__ import annotations

import hashlib
from pathlib import Path

from desktop.fileio import write_file_atomic
from desktop.store import Store


def _root(store: Store) -> Path:
    try:
        from desktop.core.attachments import attachments_root  # the field-visit module
    except ImportError:
        from desktop.paths import files_dir

        if store.path is None:
            from desktop.core.sync.keys import keys_dir

            return keys_dir(store).parent / (keys_dir(store).name + "-attachments")
        return files_dir(store.path) / "attachments"
    return attachments_root(store)


def read(store: Store, sha256: str) -> bytes | None:
    """The stored bytes, or None when missing or damaged (the portal will then answer
    `missing_attachment` for the record, which is shown to the user)."""
    path = _root(store) / sha256[:2] / sha256
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def write(store: Store, sha256: str, data: bytes) -> None:
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ValueError(f"attachment bytes do not match {sha256}")
    path = _root(store) / sha256[:2] / sha256
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file_atomic(path, data)
