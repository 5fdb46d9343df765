"""Protected backups (issue 16, item 5): a full backup encrypted with a passphrase (scrypt +
AES-256-GCM in 1 MiB chunks), restored with it; a wrong passphrase, a changed archive and a
forged manifest are each refused with nothing changed; automatic backups use a key from the
OS keyring, or say plainly where the key is when there is none."""

from __future__ import annotations

import hashlib
import hmac
import json
import struct

import pytest

from desktop.core import audit, backup_crypto, backup_keys, maintenance
from desktop.core.backup_crypto import ForgedBackup, PassphraseNeeded, Protection, WrongPassphrase
from desktop.core.certificates import keys
from desktop.store import open_store

SECRET = "Lucknow-2026 गोपनीय"
WITH_SECRET = Protection(passphrase=SECRET)


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(backup_crypto, "SCRYPT_N", 2**12)  # the real cost is 2**17


@pytest.fixture
def centre(db_path):
    with open_store(db_path) as s:
        keys.ensure_signing_key(s)
        s.insert("participant", {"name_en": "Before Backup", "mobile": "9876543210"})
    return db_path


def _backup(db_path, protection=WITH_SECRET, name="b.kdbackup"):
    with open_store(db_path) as s:
        return maintenance.backup_ex(s, db_path.parent / name, protection=protection)


def _names(db_path):
    with open_store(db_path) as s:
        return sorted(r[0] for r in s.conn.execute("SELECT name_en FROM participant"))


def test_round_trip_with_the_passphrase(centre):
    result = _backup(centre)
    assert result.encrypted and backup_crypto.is_encrypted(result.path)
    raw = result.path.read_bytes()
    assert b"Before Backup" not in raw and b"9876543210" not in raw and b"PRIVATE" not in raw
    assert SECRET.encode() not in raw
    with open_store(centre) as s:
        s.insert("participant", {"name_en": "After Backup"})
    with pytest.raises(PassphraseNeeded):
        maintenance.restore(result.path, centre)
    assert _names(centre) == ["After Backup", "Before Backup"]  # nothing changed
    safety = maintenance.restore(result.path, centre, protection=Protection(passphrase=SECRET))
    assert _names(centre) == ["Before Backup"]
    assert safety is not None and backup_crypto.is_encrypted(safety)  # encrypted like it
    with open_store(centre) as s:
        assert audit.head(s).action == "restore" and audit.verify(s).intact
    manifest = maintenance.read_manifest(result.path)
    assert manifest["format"] == maintenance.FORMAT and manifest["entries"]


def test_a_large_archive_is_streamed_in_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(backup_crypto, "CHUNK", 4096)
    source = tmp_path / "plain.bin"
    data = bytes(range(256)) * 100  # 25,600 bytes: 6 full chunks and a short one
    source.write_bytes(data)
    sealed = tmp_path / "sealed"
    with sealed.open("wb") as out:
        backup_crypto.encrypt_file(source, out, Protection(passphrase=SECRET), {"m": 1})
    back = tmp_path / "back"
    with back.open("wb") as out:
        backup_crypto.decrypt_to(sealed, out, Protection(passphrase=SECRET))
    assert back.read_bytes() == data
    # a chunk dropped from the end (the file cut short at a chunk boundary) is refused
    header_len = 8 + 4 + struct.unpack(">I", sealed.read_bytes()[8:12])[0] + 32
    cut = tmp_path / "cut"
    cut.write_bytes(sealed.read_bytes()[: header_len + 6 * (4096 + 16)])
    with pytest.raises(ForgedBackup, match="cut short"), (tmp_path / "x").open("wb") as out:
        backup_crypto.decrypt_to(cut, out, Protection(passphrase=SECRET))


def test_wrong_passphrase_is_refused_and_never_echoed(centre):
    result = _backup(centre)
    before = centre.read_bytes()
    with pytest.raises(WrongPassphrase) as caught:
        maintenance.restore(result.path, centre, protection=Protection(passphrase="Lucknow-2025"))
    assert "Lucknow-2025" not in str(caught.value) and SECRET not in str(caught.value)
    assert SECRET not in repr(WITH_SECRET) and SECRET not in str(WITH_SECRET)
    assert centre.read_bytes() == before
    assert not list(centre.parent.glob(".*restoring*")) and not list(
        centre.parent.glob("*.restoring-*"))


def test_a_changed_archive_is_refused(centre):
    result = _backup(centre)
    data = bytearray(result.path.read_bytes())
    data[-100] ^= 0x01  # one bit in the last chunk (where the manifest is)
    result.path.write_bytes(bytes(data))
    before = centre.read_bytes()
    with pytest.raises(ForgedBackup, match="part .* was changed"):
        maintenance.restore(result.path, centre, protection=Protection(passphrase=SECRET))
    assert centre.read_bytes() == before


def _split(raw: bytes):
    size = struct.unpack(">I", raw[8:12])[0]
    return raw[:12], json.loads(raw[12:12 + size]), raw[12 + size:12 + size + 32], raw[
        12 + size + 32:]


def _join(doc, mac, body):
    header = json.dumps(doc, ensure_ascii=False, sort_keys=True).encode()
    return backup_crypto.MAGIC + struct.pack(">I", len(header)) + header + mac + body


def test_a_forged_manifest_is_refused_not_just_a_damaged_one(centre):
    result = _backup(centre)
    _, doc, mac, body = _split(result.path.read_bytes())
    # well-formed and plausible: another institute, a database entry's hash swapped
    doc["manifest"]["institute"] = {"code": "FAKE", "name_en": "Forged Centre"}
    doc["manifest"]["entries"][0]["sha256"] = "0" * 64
    result.path.write_bytes(_join(doc, mac, body))
    assert maintenance.read_manifest(result.path)["institute"]["code"] == "FAKE"
    before = centre.read_bytes()
    with pytest.raises(ForgedBackup, match="manifest or header was changed"):
        maintenance.restore(result.path, centre, protection=Protection(passphrase=SECRET))
    assert centre.read_bytes() == before
    # a forger who also recomputes the HMAC needs the key: with a guessed one it fails too
    forged_mac = hmac.new(b"guess" * 7, _join(doc, mac, b"")[:-32], hashlib.sha256).digest()
    result.path.write_bytes(_join(doc, forged_mac, body))
    with pytest.raises(ForgedBackup):
        maintenance.restore(result.path, centre, protection=Protection(passphrase=SECRET))


def test_plain_backup_only_when_asked(centre):
    result = _backup(centre, protection=None, name="plain.kdbackup")
    assert not result.encrypted and maintenance.is_full_backup(result.path)
    assert maintenance.restore(result.path, centre) is not None


def test_cli_passphrase_from_file_env_and_wrong_one(cli, centre, tmp_path, monkeypatch):
    secret_file = tmp_path / "pass.txt"
    secret_file.write_text(SECRET + "\n", encoding="utf-8")
    target = tmp_path / "cli.kdbackup"
    code, out, err = cli("--db", centre, "--json", "backup", target, "--passphrase-file",
                         secret_file)
    assert code == 0, err
    assert json.loads(out)["encrypted"] is True and SECRET not in out + err
    code, _, err = cli("--db", centre, "backup", tmp_path / "x.kdbackup")
    assert code == 2 and "passphrase" in err and not (tmp_path / "x.kdbackup").exists()
    monkeypatch.setenv("KARMAYOGI_DESK_PASSPHRASE", "not the one")
    code, _, err = cli("--db", centre, "restore", target)
    assert code == 2 and "does not open" in err and "not the one" not in err
    monkeypatch.setenv("KARMAYOGI_DESK_PASSPHRASE", SECRET)
    code, out, err = cli("--db", centre, "--json", "restore", target)
    assert code == 0, err
    assert json.loads(out)["encrypted"] is True
    code, out, err = cli("--db", centre, "--json", "backup", tmp_path / "p.kdbackup",
                         "--no-encrypt")
    assert code == 0 and json.loads(out)["encrypted"] is False and "NOT ENCRYPTED" in err


def test_short_passphrase_is_refused(cli, centre, tmp_path, monkeypatch):
    monkeypatch.setenv("KARMAYOGI_DESK_BACKUP_PASSPHRASE", "short")
    code, _, err = cli("--db", centre, "backup", tmp_path / "s.kdbackup")
    assert code == 2 and "at least 8" in err and "short" not in err  # never echoed


class _MemoryKeyring:
    """A keyring backend held in memory (what the OS keyring does, for the test)."""

    priority = 1

    def __init__(self):
        self.items = {}

    def get_password(self, service, name):
        return self.items.get((service, name))

    def set_password(self, service, name, value):
        self.items[(service, name)] = value


def test_automatic_backup_uses_the_keyring_and_says_where(centre, monkeypatch):
    ring = _MemoryKeyring()
    monkeypatch.setattr(backup_keys, "keyring_backend", lambda: ring)
    with open_store(centre) as s:
        result = maintenance.automatic_backup(s, centre.parent / "auto.kdbackup")
        name = f"TST:{s.device_id}"
    assert result.encrypted and "OS keyring" in result.key_where and name in result.key_where
    assert list(ring.items) == [(backup_keys.SERVICE, name)]
    with open_store(centre) as s:
        s.insert("participant", {"name_en": "Later"})
        last = audit.head(s)
    assert (last.action, last.details["key"], last.target) == ("backup", "keyring", "auto.kdbackup")
    maintenance.restore(result.path, centre)  # the key is found in the keyring by its name
    assert _names(centre) == ["Before Backup"]


def test_without_a_keyring_the_key_file_is_named(centre, monkeypatch):
    monkeypatch.setattr(backup_keys, "keyring_backend", lambda: None)
    with open_store(centre) as s:
        result = maintenance.automatic_backup(s, centre.parent / "auto.kdbackup")
    key_file = keys.keys_dir_for(centre) / backup_keys.KEY_FILE
    assert "no OS keyring" in result.key_where and str(key_file) in result.key_where
    assert (key_file.stat().st_mode & 0o777) == 0o600
    text = key_file.read_text().strip()
    with open_store(centre) as s:
        assert text not in json.dumps([e.details for e in audit.query(s)])
        assert s.conn.execute("SELECT count(*) FROM meta WHERE value LIKE ?",
                              (f"%{text}%",)).fetchone()[0] == 0
    key_file.unlink()  # another machine: the key comes from the environment
    with pytest.raises(PassphraseNeeded, match="key"):
        maintenance.restore(result.path, centre)
    monkeypatch.setenv(backup_keys.KEY_ENV, text)
    maintenance.restore(result.path, centre)
    assert _names(centre) == ["Before Backup"]
