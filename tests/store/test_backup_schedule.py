"""Automatic daily backups: due once a local day, copied to a second folder, rotated by age
without touching anything that is not surely ours (desktop/core/backup_schedule.py)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.core import backup_crypto, backup_keys, backup_schedule, maintenance
from desktop.store import StoreError, open_store

IST = timezone(timedelta(hours=5, minutes=30))


@pytest.fixture(autouse=True)
def _cheap_kdf_and_no_keyring(monkeypatch):
    monkeypatch.setattr(backup_crypto, "SCRYPT_N", 2**12)  # the real cost is 2**17
    monkeypatch.setattr(backup_keys, "keyring_backend", lambda: None)  # key file beside it


@pytest.fixture
def desk(db_path):
    with open_store(db_path) as s:
        s.insert("participant", {"name_en": "Asha Verma"})
    return db_path


def _run(db_path, now):
    with open_store(db_path) as s:
        return backup_schedule.run_if_due(s, now)


def test_due_once_a_local_day_and_the_backup_restores(desk):
    morning = datetime(2026, 12, 7, 9, 30, tzinfo=IST)
    first = _run(desk, morning)
    assert first is not None and first.made.parent == backup_schedule.backup_folder(desk)
    assert backup_crypto.is_encrypted(first.made)
    assert _run(desk, morning + timedelta(hours=6)) is None  # same day: not again
    # 00:30 IST is still the previous day in UTC: "today" is the desk's local day
    assert _run(desk, datetime(2026, 12, 8, 0, 30, tzinfo=IST)) is not None
    assert backup_schedule.last_backup(desk) == datetime(2026, 12, 7, 19, 0, tzinfo=timezone.utc)
    with open_store(desk) as s:
        s.insert("participant", {"name_en": "After Backup"})
    maintenance.restore(first.made, desk)
    with open_store(desk) as s:
        names = [r[0] for r in s.conn.execute("SELECT name_en FROM participant")]
    assert names == ["Asha Verma"]


def test_rotation_keeps_n_days_the_newest_and_anything_not_ours(desk):
    start = datetime(2026, 11, 1, 10, 0, tzinfo=IST)
    with open_store(desk) as s:
        backup_schedule.set_keep_days(s, 3)
    folder = backup_schedule.backup_folder(desk)
    folder.mkdir()
    foreign = [folder / "notes.txt", folder / f"{desk.stem}-auto-20200101T000000Z.kdbackup.txt",
               folder / f"{desk.stem}-backup-20200101T000000Z.kdbackup"]
    for path in foreign:
        path.write_text("not an automatic backup")
    fake = folder / f"{desk.stem}-auto-20200102T000000Z.kdbackup"  # our name, not our file
    fake.write_text("not a zip")
    for day in range(6):
        _run(desk, start + timedelta(days=day))
    left = [b.made_at.date().isoformat() for b in backup_schedule.found(folder, desk)]
    assert left == ["2020-01-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"]
    assert all(path.exists() for path in [*foreign, fake])


def test_the_newest_good_backup_stays_however_old(desk):
    with open_store(desk) as s:
        backup_schedule.set_keep_days(s, 1)
    _run(desk, datetime(2026, 1, 1, 10, tzinfo=IST))
    folder = backup_schedule.backup_folder(desk)
    assert backup_schedule.rotate(folder, desk, 1, datetime(2026, 12, 1, tzinfo=IST)) == []
    assert len(backup_schedule.found(folder, desk)) == 1


def test_a_second_folder_gets_a_copy_and_a_missing_one_is_said(desk, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    with open_store(desk) as s:
        backup_schedule.set_second_folder(s, stick)
    run = _run(desk, datetime(2026, 12, 7, 9, tzinfo=IST))
    assert run.copied_to == stick / run.made.name
    assert run.copied_to.read_bytes() == run.made.read_bytes()
    assert not list(stick.glob("*.part"))
    for path in stick.iterdir():
        path.unlink()
    stick.rmdir()  # the stick was pulled out
    run = _run(desk, datetime(2026, 12, 8, 9, tzinfo=IST))
    assert run.made.exists() and run.copied_to is None and run.second_missing == stick


def test_settings_are_checked(desk, tmp_path):
    with open_store(desk) as s:
        with pytest.raises(StoreError, match="1 to 365"):
            backup_schedule.set_keep_days(s, 0)
        with pytest.raises(StoreError, match="no such folder"):
            backup_schedule.set_second_folder(s, tmp_path / "nowhere")
        assert backup_schedule.keep_days(s) == backup_schedule.DEFAULT_KEEP_DAYS
        assert backup_schedule.second_folder(s) is None


def test_cli_settings_run_and_list(desk, tmp_path, cli):
    import json

    stick = tmp_path / "usb"
    stick.mkdir()
    code, out, _ = cli("--db", desk, "--json", "backups", "settings", "--keep-days", "7",
                       "--second-folder", stick)
    assert code == 0 and json.loads(out)["keep_days"] == 7
    assert json.loads(out)["second_folder"] == str(stick)
    code, out, _ = cli("--db", desk, "--json", "backups", "run")
    made = json.loads(out)
    assert code == 0 and Path(made["made"]).exists() and Path(made["copied_to"]).exists()
    code, out, _ = cli("--db", desk, "backups", "run")
    assert code == 0 and "already made" in out
    code, out, _ = cli("--db", desk, "--json", "backups", "list")
    assert [b["path"] for b in json.loads(out)["backups"]] == [made["made"]]
    code, _, err = cli("--db", desk, "backups", "settings", "--keep-days", "0")
    assert code == 2 and "1 to 365" in err


def test_only_an_admin_changes_the_settings(desk):
    from desktop.core.users import AccessDenied, Role, add_user

    with open_store(desk) as s:
        add_user(s, "Asha", Role.ADMIN, pin="1234")
        add_user(s, "Om", Role.OPERATOR, pin="1111")
        s.actor = "Om"
        with pytest.raises(AccessDenied):
            backup_schedule.set_keep_days(s, 5)
        assert backup_schedule.keep_days(s) == backup_schedule.DEFAULT_KEEP_DAYS
