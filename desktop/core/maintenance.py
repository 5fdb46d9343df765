"""Backup, restore and integrity check of a centre's data.

A centre's data is more than the database file: beside `<name>.db` live `<name>-keys/` (the
certificate signing keys, see certificates/keys.py) and `<name>-files/` (field-visit photos
and documents under `attachments/`, issued certificate PDFs, and this desk's sync keys and
portal token under `keys/`). Losing those folders means photos gone and new certificates no
longer signed with the published key.

Two backup formats:

- **full** (`.kdbackup`, the default): one ZIP file holding `database.db` (SQLite's online
  backup, consistent while the app runs), `keys/…` (the signing-keys folder), `files/…` (the
  files folder) and `manifest.json` (format version, created_at, institute, app version and
  the SHA-256 and size of every entry). The database is copied first, then the folders:
  attachments are stored once under their SHA-256 and never changed, so every file the copied
  database names is there. Written to a temporary name in the target folder (mode 0600: it
  holds private keys) and renamed when complete.
- **database only** (a target ending `.db`, `.sqlite`, `.sqlite3` or `.bak`): the database
  file alone, as before (also mode 0600).

`restore` recognises either by content. A full backup is checked completely (manifest, every
entry's hash, the database's integrity, not from a newer version) while unpacking into a
staging folder beside the database, before anything is touched; then a full safety backup
of the current state is written; then store/restore_journal.py puts database, keys and files
in place (see there for what happens after a crash).

About 600 lines on purpose: backup and restore are mirror images (the same manifest, folder
list and checks, both ways), kept side by side so a change to one is read against the other."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any

from desktop.core import audit, backup_crypto
from desktop.core.backup_crypto import Protection
from desktop.core.certificates.keys import keys_dir_for
from desktop.core.progress import Cancelled, Progress
from desktop.core.users import Permission, require_on_file
from desktop.fileio import AtomicFile, require_folder
from desktop.paths import files_dir
from desktop.store import Store, StoreError, in_use, open_store, restore_journal
from desktop.store.errors import NewerDatabaseError
from desktop.store.migrations import applied_names, backup_to
from desktop.text.said import said, said_of

FULL_SUFFIX = ".kdbackup"
PLAIN_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".bak")
FORMAT = "karmayogi-desk-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.db"
_CHUNK = 1024 * 1024


class BackupCancelled(StoreError):
    """The user cancelled a backup; nothing was written."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    full: bool
    entries: int = 1
    bytes: int = 0
    encrypted: bool = False
    #: where the key of a keyring-encrypted backup is kept (None: a passphrase, or plain)
    key_where: str | None = None


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def is_full_backup_name(target: Path | str) -> bool:
    """Whether `backup` writes a full backup to this name (anything but a database name)."""
    return Path(target).suffix.lower() not in PLAIN_SUFFIXES


def default_backup_path(db_path: Path, *, full: bool = True) -> Path:
    suffix = FULL_SUFFIX if full else ".db"
    return db_path.with_name(f"{db_path.stem}-backup-{_stamp()}{suffix}")


def _private_temp(target: Path) -> AtomicFile:
    """An empty temporary file beside `target`, readable by the user only (0600)."""
    require_folder(target)
    return AtomicFile(target, private=True)


def _finish(file: AtomicFile) -> None:
    """fsync, 0600, then rename: a half-written backup never carries the final name."""
    if file.path.exists():
        raise StoreError(said("{path} already exists; choose another name.", path=file.path))
    file.commit()


# -- backup ---------------------------------------------------------------------------------
def backup(
    store: Store,
    target: Path | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    protection: Protection | None = None,
) -> Path:
    """Write a backup of the centre's data; returns its path (see `backup_ex`)."""
    return backup_ex(
        store, target, progress=progress, cancelled=cancelled, protection=protection
    ).path


def backup_ex(
    store: Store,
    target: Path | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    protection: Protection | None = None,
) -> BackupResult:
    """A full backup (default, `.kdbackup`) or the database alone (a `.db`-like name).
    With `protection` a full backup is encrypted (desktop/core/backup_crypto.py); the CLI
    and the GUI ask for a passphrase unless told `--no-encrypt` / "Do not encrypt"."""
    result = _backup_ex(store, target, progress, cancelled, protection)
    audit.record(store, "backup", target=result.path.name, details={
        "full": result.full, "encrypted": result.encrypted,
        "key": "keyring" if protection is not None and protection.key is not None
        else ("passphrase" if protection is not None else None)})
    return result


def automatic_backup(store: Store, target: Path | None = None) -> BackupResult:
    """An unattended full backup, encrypted with the key kept in the OS keyring (or, on a
    machine without one, in the key file the result's `key_where` names): what scheduled
    backups call. See desktop/core/backup_keys.py."""
    from desktop.core import backup_keys

    key = backup_keys.automatic_backup_key(store)
    result = backup_ex(store, target, protection=key.protection)
    return BackupResult(result.path, result.full, result.entries, result.bytes, True, key.where)


def _backup_ex(
    store: Store,
    target: Path | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
    protection: Protection | None,
) -> BackupResult:
    if store.path is None and target is None:
        raise StoreError("An in-memory database needs a backup file name.")
    target = Path(target) if target else default_backup_path(store.path)  # type: ignore[arg-type]
    if target.is_dir() and store.path is not None:
        # `backup /media/usb/`: the usual name, in that folder.
        target = target / default_backup_path(store.path).name
    require_folder(target)
    if target.exists():
        raise StoreError(said("{target} already exists; choose another name.", target=target))
    if not is_full_backup_name(target):
        file = _private_temp(target)
        try:
            backup_to(store.conn, file.tmp)
            _finish(file)
        finally:
            file.abort()
        return BackupResult(target, full=False, bytes=target.stat().st_size)
    if store.path is None:
        raise StoreError("An in-memory database has no keys or files folders to back up.")
    return _full_backup(store, target, progress, cancelled, protection)


def _folder_entries(db_path: Path) -> list[tuple[str, Path, int]]:
    """(name in the backup, file, size) for the keys and files folders; skips the leftovers
    of interrupted writes (`.part`, `.tmp`)."""
    out: list[tuple[str, Path, int]] = []
    for prefix, folder in (("keys", keys_dir_for(db_path)), ("files", files_dir(db_path))):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            name = path.name
            if name.startswith(".part-") or name.endswith((".part", ".tmp")):
                continue
            if path.is_symlink() or not path.is_file():
                continue
            try:
                size = path.stat().st_size
            except OSError:
                continue
            out.append((f"{prefix}/{path.relative_to(folder).as_posix()}", path, size))
    return out


def _institute(store: Store) -> dict[str, Any]:
    try:
        row = store.conn.execute(
            "SELECT code, name_en, name_hi FROM institute WHERE is_self = 1"
        ).fetchone()
    except sqlite3.Error:
        row = None
    return dict(row) if row else {}


def _add_file(
    zf: zipfile.ZipFile, name: str, path: Path, step: Callable[[int], None]
) -> dict[str, Any]:
    """Stream one file into the archive, hashing it on the way."""
    info = zipfile.ZipInfo.from_file(path, name)
    info.external_attr = (0o600 << 16) | (info.external_attr & 0xFFFF)
    # Photos are already compressed; the database and keys shrink well.
    info.compress_type = (
        zipfile.ZIP_STORED if name.startswith("files/attachments/") else zipfile.ZIP_DEFLATED
    )
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as source, zf.open(info, "w", force_zip64=True) as dest:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            dest.write(chunk)
            size += len(chunk)
            step(len(chunk))
    return {"name": name, "sha256": digest.hexdigest(), "size": size}


def _full_backup(
    store: Store,
    target: Path,
    progress: Progress | None,
    cancelled: Cancelled | None,
    protection: Protection | None,
) -> BackupResult:
    from desktop import __version__

    db_path = Path(store.path)  # type: ignore[arg-type]
    file = _private_temp(target)
    snapshot_file = _private_temp(target)
    # encrypted: the plain archive is written to a private temporary file first, then sealed
    # into `file` chunk by chunk (twice the size on disk for a moment, never in memory)
    plain_file = _private_temp(target) if protection is not None else None
    tmp, snapshot = (plain_file or file).tmp, snapshot_file.tmp
    try:
        backup_to(store.conn, snapshot)  # first: every file it names is in the folders below
        files = _folder_entries(db_path)
        total = snapshot.stat().st_size + sum(size for _n, _p, size in files)
        if protection is not None:
            total *= 2  # the sealing pass
        done = 0

        def step(count: int) -> None:
            nonlocal done
            done += count
            if progress is not None:
                progress(done, total, "")
            if cancelled is not None and cancelled():
                raise BackupCancelled(said("The backup was cancelled; nothing was written."))

        entries = []
        with zipfile.ZipFile(tmp, "w", compresslevel=1, allowZip64=True) as zf:
            entries.append(_add_file(zf, DATABASE, snapshot, step))
            for name, path, _size in files:
                try:
                    entries.append(_add_file(zf, name, path, step))
                except FileNotFoundError:
                    continue  # an abandoned, never-saved photo removed meanwhile
            manifest = {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "created_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "app_version": __version__,
                "institute": _institute(store),
                "schema": applied_names(store.db)[-1:] or None,
                "database_name": db_path.name,
                "entries": entries,
            }
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        size = done
        if plain_file is not None and protection is not None:
            snapshot_file.abort()  # not needed any more: free the space before sealing
            with file.tmp.open("r+b") as out:
                backup_crypto.encrypt_file(plain_file.tmp, out, protection, manifest, step)
        _finish(file)
        return BackupResult(target, full=True, entries=len(entries), bytes=size,
                            encrypted=protection is not None)
    finally:
        file.abort()
        snapshot_file.abort()
        if plain_file is not None:
            plain_file.abort()


# -- check ----------------------------------------------------------------------------------
def check(store: Store) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks (empty: all good)."""
    problems = [row[0] for row in store.conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    for row in store.conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"foreign key: table {row[0]} rowid {row[1]} -> {row[2]}")
    return problems


def _check_database_file(path: Path, label: Path) -> None:
    """Readable, not from a newer version, integrity ok — or a StoreError naming `label` that
    says what is wrong with the file (never "restore it from a backup": it is the backup)."""
    if path.stat().st_size == 0:
        raise _bad(label, said("the file is empty"))
    try:
        with open_store(path, create=False, migrate=False) as candidate:
            problems = check(candidate)
    except NewerDatabaseError:
        raise
    except StoreError as exc:
        raise _bad(label, said(
            "it is neither a full backup (.kdbackup) nor a database file, or it is damaged")) from exc
    if problems:
        raise _bad(label, said(
            "it fails its integrity check: {problem}", problem=problems[0]))


# -- restore --------------------------------------------------------------------------------
def is_full_backup(path: Path) -> bool:
    """A full backup (ZIP) rather than a database file, judged by content."""
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def restore(
    source: Path,
    db_path: Path,
    *,
    progress: Progress | None = None,
    protection: Protection | None = None,
    actor: str | None = None,
) -> Path | None:
    """Replace the centre's data with the backup `source` (full or database only), after
    backing up the current state. Returns the safety backup's path (None: nothing there).
    `actor`: the desk user restoring (an admin, once the desk has users).

    The backup is checked completely first, so a bad backup never replaces good data. An
    encrypted backup needs `protection` (its passphrase; a keyring-encrypted one finds its
    key on this machine if it can): `PassphraseNeeded` asks the caller for it."""
    require_on_file(db_path, actor, Permission.RESTORE)
    source = Path(source)
    db_path = Path(db_path)
    if not source.exists():
        raise StoreError(
            said(
                "{source} does not exist. Nothing was changed. Check the file name and that the "
                "USB stick holding it is plugged in.",
                source=source,
            )
        )
    # Refused while another process has the file open: it would go on writing into the
    # replaced file and its work would be lost without a word (store/in_use.py).
    with in_use.sole_use(db_path):
        restore_journal.finish_pending(db_path)
        if backup_crypto.is_encrypted(source):
            safety = _restore_encrypted(source, db_path, progress, protection)
            encrypted = True
        elif is_full_backup(source):
            safety = _restore_full(source, db_path, progress)
            encrypted = False
        else:
            safety = _restore_plain(source, db_path)
            encrypted = False
        with open_store(db_path, create=False) as restored:
            audit.record(restored, "restore", target=source.name, details={
                "encrypted": encrypted, "previous_saved_as": safety.name if safety else None})
    return safety


def _restore_encrypted(
    source: Path, db_path: Path, progress: Progress | None, protection: Protection | None
) -> Path | None:
    """Decrypt into a private temporary archive beside the database (authenticating every
    chunk), then restore that archive as a full backup; the archive is removed after."""
    from desktop.core import backup_keys

    with source.open("rb") as handle:
        header = backup_crypto.read_header(handle, source)
    if protection is None and header.key_source == "keyring":
        protection = backup_keys.key_for_restore(db_path, header.key_label)
    plain = db_path.parent / f".{db_path.stem}.restoring-{_stamp()}.zip"
    fd = os.open(plain, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        total = source.stat().st_size * 2
        done = 0

        def step(count: int) -> None:
            nonlocal done
            done += count
            if progress is not None:
                progress(done, total, "")

        with os.fdopen(fd, "wb") as out:
            backup_crypto.decrypt_to(source, out, protection, step)

        def rest(count: int, _total: int, what: str) -> None:
            if progress is not None:
                progress(total // 2 + count // 2, total, what)

        return _restore_full(plain, db_path, rest, label=source, protection=protection)
    finally:
        plain.unlink(missing_ok=True)


def _clear_staged(db_path: Path) -> None:
    with open_store(db_path, create=False) as restored:  # migrates a backup from an older version
        # Photos staged in the backup may have been saved since (the safety backup names
        # them): the restored database keeps every attachment file it finds.
        with restored.transaction():
            restored.conn.execute(
                "UPDATE attachment SET staged_at = NULL WHERE staged_at IS NOT NULL"
            )


def _restore_plain(source: Path, db_path: Path) -> Path | None:
    """The database file alone; the keys and files folders stay as they are."""
    _check_database_file(source, source)
    safety: Path | None = None
    if db_path.exists():
        with open_store(db_path, create=False, migrate=False) as current:
            safety = _backup_ex(
                current, default_backup_path(db_path, full=False).with_suffix(".pre-restore.db"),
                None, None, None,
            ).path
    tmp = db_path.with_name(db_path.name + ".restoring")
    src = sqlite3.connect(source)
    try:
        dest = sqlite3.connect(tmp)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    shutil.move(tmp, db_path)  # an atomic rename on the same filesystem
    _clear_staged(db_path)
    return safety


def _bad(source: Path, why: str) -> StoreError:
    return StoreError(said(
        "{source} is not a usable Karmayogi Desk backup: {why}. Nothing was changed. Try "
        "another backup file (full backups end in .kdbackup; the newest is usually beside "
        "the database or on the backup USB stick).",
        source=source, why=why,
    ))


def read_manifest(source: Path) -> dict[str, Any]:
    """The manifest of a full backup, checked for shape and version; StoreError if unusable.
    For an encrypted backup: the copy in its header (authenticated only when restoring)."""
    if backup_crypto.is_encrypted(source):
        with source.open("rb") as handle:
            return backup_crypto.read_header(handle, source).manifest
    try:
        with zipfile.ZipFile(source) as zf:
            return _manifest(zf, source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _bad(source, said("damaged archive: {error}", error=str(exc))) from exc


def _safe_name(name: str) -> bool:
    if name == DATABASE:
        return True
    parts = PurePosixPath(name).parts
    return (
        len(parts) >= 2
        and parts[0] in ("keys", "files")
        and "\\" not in name
        and not name.startswith("/")
        and all(p not in ("", ".", "..") for p in parts)
    )


def _manifest(zf: zipfile.ZipFile, source: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except KeyError:
        raise _bad(source, said("no manifest.json")) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise _bad(source, said("unreadable manifest: {error}", error=str(exc))) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _bad(source, said("not a Karmayogi Desk backup manifest"))
    version = manifest.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise StoreError(
            said(
                "{source} was written by a newer version of Karmayogi Desk (backup format "
                "{version}). Install the newer version to restore it; nothing was changed.",
                source=source, version=version,
            )
        )
    entries = manifest.get("entries")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("name"), str) and isinstance(e.get("sha256"), str)
        for e in entries
    ):
        raise _bad(source, said("manifest without a list of entries"))
    listed = [e["name"] for e in entries]
    if DATABASE not in listed:
        raise _bad(source, said("no database in it"))
    bad = [n for n in listed if not _safe_name(n)]
    if bad:
        raise _bad(source, said("unexpected entry {entry!r}", entry=bad[0]))
    members = {n for n in zf.namelist() if not n.endswith("/")} - {MANIFEST}
    if len(set(listed)) != len(listed) or members != set(listed):
        extra = sorted(members.symmetric_difference(listed))
        raise _bad(source, said(
            "its contents do not match its manifest ({which})", which=extra[:1] or "dupes"))
    return manifest


def _unpack(
    source: Path, staging: Path, progress: Progress | None, label: Path | None = None
) -> dict[str, Any]:
    """Unpack into `staging`, checking every entry's SHA-256 against the manifest."""
    shown = label or source
    try:
        with zipfile.ZipFile(source) as zf:
            manifest = _manifest(zf, shown)
            total = sum(int(e.get("size") or 0) for e in manifest["entries"])
            done = 0
            for entry in manifest["entries"]:
                name = entry["name"]
                dest = staging.joinpath(*PurePosixPath(name).parts)
                dest.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with zf.open(name) as src, os.fdopen(fd, "wb") as out:
                    while chunk := src.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(done, total, "")
                if digest.hexdigest() != entry["sha256"].lower():
                    raise _bad(shown, said(
                        "{name} does not match its SHA-256 in the manifest", name=name))
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _bad(shown, said("damaged archive: {error}", error=str(exc))) from exc
    for folder in ("keys", "files"):
        (staging / folder).mkdir(exist_ok=True)
    _restrict_keys(staging / "keys")
    _restrict_keys(staging / "files" / "keys")
    return manifest


def _restrict_keys(folder: Path) -> None:
    if not folder.is_dir():
        return
    try:
        for path in [folder, *folder.rglob("*")]:
            os.chmod(path, 0o700 if path.is_dir() else 0o600)
    except OSError:
        pass


def _restore_full(
    source: Path,
    db_path: Path,
    progress: Progress | None,
    *,
    label: Path | None = None,
    protection: Protection | None = None,
) -> Path | None:
    """`source` is the archive read; `label` the file the user chose (for messages)."""
    label = label or source
    stamp = _stamp()
    folder = db_path.parent
    staging = folder / f"{db_path.stem}.restoring-{stamp}"
    old = folder / f"{db_path.stem}.previous-{stamp}"
    staging.mkdir(parents=True)
    try:
        _unpack(source, staging, progress, label)
        try:
            _check_database_file(staging / DATABASE, label)
        except StoreError as exc:
            raise type(exc)(said(
                    "{label} cannot be restored: {error} Nothing was changed.",
                    label=label, error=said_of(exc) or str(exc),
                )) from exc
        for suffix in ("-wal", "-shm"):  # the check opened it; nothing of it may stay behind
            Path(str(staging / DATABASE) + suffix).unlink(missing_ok=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # The current state, complete, before anything is replaced.
    safety: Path | None = None
    keep_old = False
    if db_path.exists():
        try:
            with open_store(db_path, create=False, migrate=False) as current:
                # encrypted like the backup being restored, when that one was
                safety = _backup_ex(current, default_backup_path(db_path).with_name(
                    f"{db_path.stem}-backup-{stamp}.pre-restore{FULL_SUFFIX}"
                ), None, None, protection).path
        except (StoreError, sqlite3.Error):
            # The current database cannot be read (the reason for restoring, often): its
            # files are kept as they are, moved aside into `old`, instead.
            keep_old = True
            safety = old
    else:
        keep_old = any(
            p.exists() for p in (keys_dir_for(db_path), files_dir(db_path))
        )
        safety = old if keep_old else None
    moves: list[dict[str, str | None]] = []
    for suffix in ("-wal", "-shm"):
        moves.append(
            {"live": f"{db_path}{suffix}", "old": str(old / f"{DATABASE}{suffix}"), "staged": None}
        )
    moves.append(
        {"live": str(keys_dir_for(db_path)), "old": str(old / "keys"),
         "staged": str(staging / "keys")}
    )
    moves.append(
        {"live": str(files_dir(db_path)), "old": str(old / "files"),
         "staged": str(staging / "files")}
    )
    moves.append(  # last: the database is what the app opens
        {"live": str(db_path), "old": str(old / DATABASE), "staged": str(staging / DATABASE)}
    )
    journal = {
        "source": str(label),
        "created_at": stamp,
        "moves": moves,
        "remove": [str(staging)] + ([] if keep_old else [str(old)]),
    }
    restore_journal.write(db_path, journal)
    restore_journal.finish_pending(db_path)
    _clear_staged(db_path)
    return safety
