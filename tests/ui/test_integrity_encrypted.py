"""A damaged database at start is offered the newest sound backup also when that backup is
encrypted — the default now — or is one of the automatic daily backups: the keyring's key
opens those by itself, a passphrase-encrypted one asks (again after a wrong one)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from desktop.core import backup_crypto, backup_keys, backup_schedule, integrity
from desktop.core.backup_crypto import Protection
from desktop.core.maintenance import backup_ex
from desktop.store import open_store
from desktop.ui import integrity as ui_integrity
from tests.ui.test_ship_gui import asked, box_text, corrupt, make_centre  # noqa: F401

SECRET = "Lucknow-2026 गोपनीय"


@pytest.fixture(autouse=True)
def _cheap_kdf_and_no_keyring(monkeypatch):
    monkeypatch.setattr(backup_crypto, "SCRYPT_N", 2**12)
    monkeypatch.setattr(backup_keys, "keyring_backend", lambda: None)


def _count(window) -> int:
    return window.ctx.store.conn.execute("SELECT count(*) FROM participant").fetchone()[0]


def test_the_automatic_backup_is_offered_and_restored_without_a_question(
    tmp_path, start_window, asked  # noqa: F811
):
    boxes, _answer = asked
    path = make_centre(tmp_path / "desk.db")
    with open_store(path) as store:
        made = backup_schedule.run_now(store, datetime(2026, 12, 5, 4, 30, tzinfo=timezone.utc))
        store.insert("participant", {"name_en": "Added after the backup"})
    corrupt(path)
    assert integrity.newest_good_backup(path).path == made.made
    window = start_window(path, language="en")
    assert not isinstance(window, int) and len(boxes) == 1
    assert made.made.name in box_text(boxes[0])
    assert _count(window) == 300 and integrity.quick_check(path) == []


def test_a_passphrase_backup_asks_again_after_a_wrong_one(
    tmp_path, start_window, asked, monkeypatch  # noqa: F811
):
    boxes, _answer = asked
    path = make_centre(tmp_path / "desk.db")
    with open_store(path) as store:
        good = backup_ex(store, tmp_path / "desk-backup-20261203T100000Z.kdbackup",
                         protection=Protection(passphrase=SECRET)).path
    corrupt(path)
    typed = [Protection(passphrase="wrong one"), Protection(passphrase=SECRET)]
    told = []
    monkeypatch.setattr(ui_integrity, "ask_passphrase", lambda name: typed.pop(0))
    monkeypatch.setattr(ui_integrity, "tell", lambda title, text, **k: told.append(text))
    window = start_window(path, language="en")
    assert not isinstance(window, int) and not typed  # asked twice
    assert any("does not open" in text for text in told)
    assert SECRET not in " ".join(told)
    assert good.name in box_text(boxes[0]) and _count(window) == 300


def test_cancelling_the_passphrase_leaves_the_damaged_file_alone(
    tmp_path, start_window, asked, monkeypatch  # noqa: F811
):
    from desktop.ui import app as app_module

    path = make_centre(tmp_path / "desk.db")
    with open_store(path) as store:
        backup_ex(store, tmp_path / "desk-backup-20261203T100000Z.kdbackup",
                  protection=Protection(passphrase=SECRET))
    corrupt(path)
    before = path.read_bytes()
    monkeypatch.setattr(ui_integrity, "ask_passphrase", lambda name: None)
    assert start_window(path, language="en") == app_module.EXIT_CANNOT_OPEN
    assert path.read_bytes() == before
