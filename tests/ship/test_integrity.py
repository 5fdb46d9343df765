"""The integrity check (core) on a damaged file, and which backup is offered."""

from __future__ import annotations

import os

from desktop.core import integrity
from desktop.core.maintenance import backup
from desktop.core.setup import set_up_centre
from desktop.store import open_store


def make_db(path):
    with open_store(path) as store:
        set_up_centre(store, "UPAAM", "UP Academy")
        for i in range(300):
            store.insert("participant", {"name_en": f"Person {i}", "employee_code": f"E{i:05d}"})
    return path


def corrupt(path, page=3):
    """Overwrite one page in the middle of the file with garbage (a bad sector, a torn write)."""
    size = os.path.getsize(path)
    assert size > 4096 * (page + 1)
    with open(path, "r+b") as handle:
        handle.seek(4096 * page)
        handle.write(b"\x5a" * 4096)


def test_a_sound_file_passes(tmp_path):
    assert integrity.quick_check(make_db(tmp_path / "desk.db")) == []


def test_a_damaged_page_is_found(tmp_path):
    path = make_db(tmp_path / "desk.db")
    corrupt(path)
    problems = integrity.quick_check(path)
    assert problems, "quick_check found nothing"


def test_a_file_that_is_not_a_database_is_found(tmp_path):
    path = tmp_path / "desk.db"
    path.write_bytes(b"this is not sqlite" * 500)
    assert integrity.quick_check(path)


def test_check_before_the_window_after_a_crash_or_for_a_small_file(tmp_path, monkeypatch):
    path = make_db(tmp_path / "desk.db")
    assert integrity.check_before_start(path)  # small: cheap, so always
    monkeypatch.setattr(integrity, "SMALL_DATABASE", 1000)
    assert not integrity.check_before_start(path)  # big and closed cleanly: in the background
    integrity.session_started(path)
    assert not integrity.ended_cleanly(path)
    assert integrity.check_before_start(path)  # big after a crash: before the window
    integrity.session_ended(path)
    assert integrity.ended_cleanly(path)
    assert not integrity.check_before_start(tmp_path / "new.db")  # nothing there yet
    wrong = tmp_path / "list.db"
    wrong.write_bytes(b"Name,Mobile\n" * 100)  # not SQLite: opening it says so, no restore
    assert not integrity.check_before_start(wrong)


def test_the_session_marker_is_not_put_into_backups(tmp_path):
    import zipfile

    path = make_db(tmp_path / "desk.db")
    integrity.session_started(path)
    with open_store(path) as store:
        target = backup(store)
    with zipfile.ZipFile(target) as archive:
        assert not [n for n in archive.namelist() if integrity.SESSION_MARKER in n]


def test_the_newest_sound_backup_is_offered(tmp_path):
    path = make_db(tmp_path / "desk.db")
    with open_store(path) as store:
        older = backup(store, tmp_path / "desk-backup-20261201T100000Z.kdbackup")
        plain = backup(store, tmp_path / "desk-backup-20261202T100000Z.db")
        newest = backup(store, tmp_path / "desk-backup-20261203T100000Z.kdbackup")
    broken = tmp_path / "desk-backup-20261204T100000Z.kdbackup"
    broken.write_bytes(b"PK\x03\x04 cut off by a pulled USB stick")
    unrelated = tmp_path / "other-backup-20261205T100000Z.kdbackup"
    unrelated.write_bytes(newest.read_bytes())
    for age, file in enumerate([older, plain, newest, broken, unrelated]):
        os.utime(file, (1_800_000_000 + age * 60, 1_800_000_000 + age * 60))
    found = integrity.backups_of(path)
    assert [c.path for c in found] == [broken, newest, plain, older]
    best = integrity.newest_good_backup(path)
    assert best is not None and best.path == newest and best.full
    newest.unlink()
    best = integrity.newest_good_backup(path)
    assert best is not None and best.path == plain and not best.full


def test_no_backup_at_all(tmp_path):
    assert integrity.newest_good_backup(make_db(tmp_path / "desk.db")) is None
