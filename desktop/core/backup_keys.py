"""Where the key of automatic (unattended) backups lives: the OS keyring when there is one.

Automatic backups cannot ask anyone for a passphrase, so they are encrypted with a random
32-byte key kept in the operating system's keyring (`keyring`: Windows Credential Manager,
macOS Keychain, the Secret Service on a Linux desktop), under the service
`karmayogi-desk-backup` and the name `<institute code>:<device id>`. On a machine without a
keyring backend (a bare server, a CI runner) the key is kept instead in the file
`backup.key` in the centre's signing-keys folder (`<db name>-keys/`, readable by the user
only), and `where` says so: the backups on a USB stick are still unreadable without the
laptop, but whoever holds the laptop holds the key too.

Either way the key never enters the database, a log or a message. Without it, automatic
backups cannot be restored: `export_text` gives it once for safekeeping on paper, and
`KARMAYOGI_DESK_BACKUP_KEY` (that text) restores one on another machine."""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.core.backup_crypto import Protection
from desktop.core.certificates.keys import keys_dir_for
from desktop.fileio import write_file_atomic
from desktop.store import Store, StoreError
from desktop.text.said import said

SERVICE = "karmayogi-desk-backup"
KEY_ENV = "KARMAYOGI_DESK_BACKUP_KEY"
KEY_FILE = "backup.key"


@dataclass(frozen=True)
class BackupKey:
    protection: Protection
    in_keyring: bool
    where: str  # for the user: which keyring and name, or which file


def _name(store: Store) -> str:
    return f"{store.institute_code or 'desk'}:{store.device_id}"


def keyring_backend() -> object | None:
    """The usable OS keyring, or None (not installed, or only the 'fail' backend)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration is "no keyring", said plainly
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return backend


def _decode(text: str) -> bytes:
    key = base64.b64decode(text.strip(), validate=True)
    if len(key) != 32:
        raise ValueError("not a 32-byte key")
    return key


def automatic_backup_key(store: Store, *, create: bool = True) -> BackupKey:
    """The key automatic backups use (made on first use). Keyring first, else the key file."""
    name = _name(store)
    backend = keyring_backend()
    if backend is not None:
        stored = backend.get_password(SERVICE, name)
        if stored is None and create:
            stored = base64.b64encode(os.urandom(32)).decode("ascii")
            backend.set_password(SERVICE, name, stored)
        if stored is not None:
            where = f"the OS keyring ({type(backend).__name__}), service {SERVICE}, name {name}"
            return BackupKey(Protection(key=_decode(stored), key_label=where), True, where)
    if store.path is None:
        raise StoreError("An in-memory database has no place for a backup key.")
    path = keys_dir_for(store.path) / KEY_FILE
    if not path.exists():
        if not create:
            raise StoreError(said("No automatic-backup key has been made on this desk yet."))
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file_atomic(path, base64.b64encode(os.urandom(32)) + b"\n", private=True)
    where = (f"the file {path} (no OS keyring on this machine; the file is readable by "
             "you only)")
    return BackupKey(Protection(key=_decode(path.read_text("ascii")), key_label=where), False,
                     where)


def key_for_restore(store_path: Path | None, label: str | None) -> Protection | None:
    """The key of a keyring-encrypted backup, if this machine has it: `KARMAYOGI_DESK_BACKUP_KEY`,
    the keyring entry named in the backup's label, or the key file beside the database."""
    text = os.environ.get(KEY_ENV)
    if text:
        try:
            return Protection(key=_decode(text), key_label=label)
        except ValueError:
            raise StoreError(said(
                    "{variable} is not a backup key (base64 of 32 bytes).",
                    variable=KEY_ENV,
                )) from None
    backend = keyring_backend()
    if backend is not None and label and f"service {SERVICE}, name " in label:
        name = label.rsplit(", name ", 1)[1]
        stored = backend.get_password(SERVICE, name)
        if stored:
            return Protection(key=_decode(stored), key_label=label)
    if store_path is not None:
        path = keys_dir_for(store_path) / KEY_FILE
        if path.exists():
            return Protection(key=_decode(path.read_text("ascii")), key_label=label)
    return None


def export_text(key: BackupKey) -> str:
    """The key as text, for the administrator to keep safe (never logged by the program)."""
    assert key.protection.key is not None
    return base64.b64encode(key.protection.key).decode("ascii")
