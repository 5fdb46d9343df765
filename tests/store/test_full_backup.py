"""Full backups (.kdbackup: database + signing keys + files) and their restore; the plain
database backup of earlier versions keeps working."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import stat
import zipfile

import pytest
from PIL import Image

from desktop.core import maintenance
from desktop.core.attachments import add_bytes, read_attachment
from desktop.core.certificates import keys
from desktop.core.certificates.jws import make_payload, sign
from desktop.core.certificates.verify import verify_text
from desktop.core.sync.keys import DeviceKeys
from desktop.paths import files_dir
from desktop.store import StoreError, open_store, restore_journal

POSIX = os.name == "posix"

PAYLOAD = make_payload(
    v=1, no="TST/2026/0000001", name_en="Sita Devi", name_hi="सीता देवी", programme="e-Office",
    hours=12, institute="TST", issued="2026-11-20", **{"from": "2026-11-18", "to": "2026-11-19"},
)


def photo(color=(200, 100, 50)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), color).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def centre(db_path):
    """A centre with a signing key, a photo, sync device keys and a portal token; returns
    (db path, photo sha, a certificate token signed before the backup)."""
    with open_store(db_path) as s:
        kid = keys.ensure_signing_key(s)
        sha = add_bytes(s, photo(), "visit.jpg").sha256
        device = DeviceKeys.for_store(s)
        device.signing_key()
        device.save_token("secret-token")
        _, private = keys.signing_key(s)
        token = sign(PAYLOAD, kid, private)
    return db_path, sha, token


def state(db_path):
    """Everything on disk that belongs to the centre: relative path -> bytes."""
    out = {}
    for folder in (db_path.parent,):
        for path in sorted(folder.rglob("*")):
            if path.is_dir():
                out[path.relative_to(folder).as_posix()] = "<folder>"
            elif not path.name.endswith(("-wal", "-shm")):
                out[path.relative_to(folder).as_posix()] = path.read_bytes()
    return out


def test_full_backup_holds_database_keys_and_files_with_hashes(centre, tmp_path):
    db_path, sha, _token = centre
    with open_store(db_path) as s:
        (tmp_path / "out").mkdir()  # a folder the user chose: it exists (never created)
        result = maintenance.backup_ex(s, tmp_path / "out" / "centre.kdbackup")
    target = result.path
    assert result.full and target.exists()
    if POSIX:
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["centre.kdbackup"]  # no temp left
    with zipfile.ZipFile(target) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["format"] == "karmayogi-desk-backup" and manifest["version"] == 1
        assert manifest["institute"]["code"] == "TST" and manifest["created_at"]
        listed = {e["name"]: e for e in manifest["entries"]}
        assert names == set(listed) | {"manifest.json"}
        assert {
            "database.db",
            "keys/TST-1.key",
            f"files/attachments/{sha[:2]}/{sha}",
            "files/keys/device-ed25519.key",
            "files/keys/portal-token",
        } <= set(listed)
        for name, entry in listed.items():
            data = zf.read(name)
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert len(data) == entry["size"]
        assert zf.read("keys/TST-1.key") == (db_path.parent / "desk-keys" / "TST-1.key").read_bytes()
        assert zf.read("database.db").startswith(b"SQLite format 3\x00")
    # the default name is a full backup beside the database
    with open_store(db_path) as s:
        default = maintenance.backup(s)
    assert default.suffix == ".kdbackup" and default.parent == db_path.parent


def test_restore_on_a_fresh_folder_brings_back_photos_and_signing_key(centre, tmp_path):
    db_path, sha, token = centre
    with open_store(db_path) as s:
        backup = maintenance.backup(s, tmp_path / "b.kdbackup")
        public = keys.trust_list(s)["keys"][0]["public_key"]
        fingerprint = DeviceKeys.for_store(s).fingerprint()
    new_db = tmp_path / "new-laptop" / "desk.db"
    new_db.parent.mkdir()
    assert maintenance.restore(backup, new_db) is None  # nothing there to save first
    with open_store(new_db) as s:
        assert read_attachment(s, sha) == (
            files_dir(db_path) / "attachments" / sha[:2] / sha
        ).read_bytes()
        assert verify_text(token, store=s).valid  # issued before the backup
        kid, private = keys.signing_key(s)  # new certificates: the published key
        assert kid == "TST:1" and verify_text(sign(PAYLOAD, kid, private), store=s).valid
        assert keys.trust_list(s)["keys"][0]["public_key"] == public
        device = DeviceKeys.for_store(s)
        assert device.fingerprint() == fingerprint and device.token() == "secret-token"
        key_file = keys.keys_dir(s) / "TST-1.key"
    if POSIX:
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    leftovers = [p.name for p in new_db.parent.iterdir()]
    assert sorted(leftovers) == ["desk-files", "desk-keys", "desk.db"], leftovers


def test_restore_replaces_current_state_after_a_full_safety_backup(centre, tmp_path):
    db_path, sha, _token = centre
    with open_store(db_path) as s:
        backup = maintenance.backup(s, tmp_path / "b.kdbackup")
        s.insert("participant", {"name_en": "After Backup"})
        later = add_bytes(s, photo((1, 2, 3)), "later.jpg").sha256
        keys.rotate(s)
    safety = maintenance.restore(backup, db_path)
    with open_store(db_path) as s:
        names = [r[0] for r in s.conn.execute("SELECT name_en FROM participant")]
        assert "After Backup" not in names
        assert keys.current_kid(s) == "TST:1"
        assert read_attachment(s, sha)
    assert not (files_dir(db_path) / "attachments" / later[:2] / later).exists()
    assert not (db_path.parent / "desk-keys" / "TST-2.key").exists()
    # the state the restore replaced is in the safety backup, complete
    assert safety is not None and safety.suffix == ".kdbackup"
    if POSIX:
        assert stat.S_IMODE(safety.stat().st_mode) == 0o600
    with zipfile.ZipFile(safety) as zf:
        assert {"keys/TST-2.key", f"files/attachments/{later[:2]}/{later}"} <= set(zf.namelist())
    rest = sorted(p.name for p in db_path.parent.iterdir() if p != safety)
    assert rest == ["b.kdbackup", "desk-files", "desk-keys", "desk.db"], rest
    assert not restore_journal.journal_path(db_path).exists()


def _rewrite(source, target, change):
    """Copy a backup, letting `change(name, data)` alter entries (None drops one)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for name in zin.namelist():
            data = change(name, zin.read(name))
            if data is not None:
                zout.writestr(name, data)
    return target


def _future_db(data: bytes, tmp_path) -> bytes:
    path = tmp_path / "future.db"
    path.write_bytes(data)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
        "VALUES ('karmayogi-desk', '9999_future', 'x')"
    )
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_damaged_or_tampered_backups_are_refused_and_nothing_changes(centre, tmp_path):
    db_path, sha, _token = centre
    with open_store(db_path) as s:
        good = maintenance.backup(s, tmp_path / "good.kdbackup")
    photo_name = f"files/attachments/{sha[:2]}/{sha}"

    def manifest_with(data: bytes, name: str, new: bytes) -> bytes:
        doc = json.loads(data)
        for entry in doc["entries"]:
            if entry["name"] == name:
                entry["sha256"], entry["size"] = hashlib.sha256(new).hexdigest(), len(new)
        return json.dumps(doc).encode()

    future = _future_db(zipfile.ZipFile(good).read("database.db"), tmp_path)
    bad = {
        "photo swapped": _rewrite(
            good, tmp_path / "t1.kdbackup",
            lambda n, d: photo((9, 9, 9)) if n == photo_name else d,
        ),
        "key dropped": _rewrite(
            good, tmp_path / "t2.kdbackup", lambda n, d: None if n == "keys/TST-1.key" else d
        ),
        "extra file": _rewrite(
            good, tmp_path / "t3.kdbackup",
            lambda n, d: d if n != "manifest.json" else d,
        ),
        "newer database": _rewrite(
            good, tmp_path / "t4.kdbackup",
            lambda n, d: future if n == "database.db"
            else manifest_with(d, "database.db", future) if n == "manifest.json" else d,
        ),
        "newer format": _rewrite(
            good, tmp_path / "t5.kdbackup",
            lambda n, d: json.dumps({**json.loads(d), "version": 99}).encode()
            if n == "manifest.json" else d,
        ),
        "path escape": _rewrite(
            good, tmp_path / "t6.kdbackup",
            lambda n, d: d.replace(b'"files/keys/portal-token"', b'"files/../../evil"')
            if n == "manifest.json" else d,
        ),
    }
    with zipfile.ZipFile(bad["extra file"], "a") as zf:
        zf.writestr("files/planted.txt", b"not in the manifest")
    truncated = tmp_path / "t7.kdbackup"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    bad["truncated"] = truncated
    for why, path in bad.items():
        before = state(db_path.parent)  # the backups themselves are there too
        with pytest.raises(StoreError) as err:
            maintenance.restore(path, db_path)
        assert "nothing was changed" in str(err.value).lower(), (why, err.value)
        assert state(db_path.parent) == before, why  # no safety copy, no staging folder left
    assert "SHA-256" in _message(bad["photo swapped"], db_path)
    assert "newer version" in _message(bad["newer database"], db_path)


def _message(path, db_path) -> str:
    try:
        maintenance.restore(path, db_path)
    except StoreError as exc:
        return str(exc)
    raise AssertionError("restored a bad backup")


def test_plain_database_backup_and_restore_still_work(centre, tmp_path):
    db_path, sha, _token = centre
    with open_store(db_path) as s:
        result = maintenance.backup_ex(s, tmp_path / "plain.db")
        s.insert("participant", {"name_en": "After Backup"})
    assert not result.full
    assert result.path.read_bytes()[:16] == b"SQLite format 3\x00"
    if POSIX:
        assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    key_before = (db_path.parent / "desk-keys" / "TST-1.key").read_bytes()
    safety = maintenance.restore(result.path, db_path)
    assert safety is not None and safety.suffix == ".db"
    with open_store(db_path) as s:
        names = [r[0] for r in s.conn.execute("SELECT name_en FROM participant")]
        assert "After Backup" not in names
        assert read_attachment(s, sha)  # the folders were left in place
    assert (db_path.parent / "desk-keys" / "TST-1.key").read_bytes() == key_before


def test_a_restore_cut_short_is_finished_when_the_database_is_next_opened(
    centre, tmp_path, monkeypatch
):
    """A crash between the moves leaves a journal; the next open completes the restore, so
    the app never sees the old database with the backup's keys (or the reverse)."""
    db_path, sha, _token = centre
    with open_store(db_path) as s:
        backup = maintenance.backup(s, tmp_path / "b.kdbackup")
        s.insert("participant", {"name_en": "After Backup"})
        keys.rotate(s)
    real_move = shutil.move
    calls = []

    def crash_on_fourth(src, dst):
        calls.append(src)
        if len(calls) == 4:  # keys are in place, the files folder is only moved aside
            raise KeyboardInterrupt("power cut")
        return real_move(src, dst)

    monkeypatch.setattr(restore_journal.shutil, "move", crash_on_fourth)
    with pytest.raises(KeyboardInterrupt):
        maintenance.restore(backup, db_path)
    monkeypatch.setattr(restore_journal.shutil, "move", real_move)
    assert restore_journal.journal_path(db_path).exists()
    assert not files_dir(db_path).exists()  # a mix, on disk, for now
    with open_store(db_path) as s:
        names = [r[0] for r in s.conn.execute("SELECT name_en FROM participant")]
        assert "After Backup" not in names and keys.current_kid(s) == "TST:1"
        assert read_attachment(s, sha)
        keys.signing_key(s)
    assert not restore_journal.journal_path(db_path).exists()
    assert not any(p.name.startswith("desk.restoring-") for p in db_path.parent.iterdir())
