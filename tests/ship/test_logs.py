"""The rotating log in the per-user log folder, and secrets kept out of it."""

from __future__ import annotations

import logging

import pytest

from desktop.core import logs


@pytest.fixture
def log_file(tmp_path):
    path = logs.setup_logging(tmp_path, max_bytes=2000, backup_count=2)
    yield path
    logs.stop_logging(path)


def test_log_rotates_and_keeps_only_the_newest_files(log_file):
    log = logging.getLogger("desktop.test")
    for i in range(200):
        log.info("line %04d %s", i, "x" * 40)
    names = sorted(p.name for p in log_file.parent.glob("karmayogi-desk.log*"))
    assert names == ["karmayogi-desk.log", "karmayogi-desk.log.1", "karmayogi-desk.log.2"]
    for path in log_file.parent.glob("karmayogi-desk.log*"):
        assert path.stat().st_size <= 2000
    assert "line 0199" in log_file.read_text(encoding="utf-8")  # the newest is in the file
    everything = "".join(p.read_text(encoding="utf-8") for p in log_file.parent.iterdir())
    assert "line 0000" not in everything  # the oldest rotated away


def test_setting_up_twice_adds_no_second_handler(log_file):
    before = list(logging.getLogger().handlers)
    assert logs.setup_logging(log_file.parent) == log_file
    assert logging.getLogger().handlers == before


def test_secrets_never_reach_the_log(log_file):
    log = logging.getLogger("desktop.test")
    log.warning("sync answered 401 for token=s3cr3t-device-token")
    log.warning("headers %s", {"Authorization": "Bearer abc.def.ghi"})
    try:
        raise ValueError('bad backup: "passphrase": "hunter2-horse"')
    except ValueError:
        log.exception("restore failed")
    qr = "eyJhbGciOiJFZERTQSJ9.eyJuIjoiVVAvMjAyNi8wMDAwMDFBIn0.c2lnbmF0dXJlLWJ5dGVz"
    log.info("verified %s", qr)
    text = log_file.read_text(encoding="utf-8")
    for secret in ("s3cr3t-device-token", "abc.def.ghi", "hunter2-horse", qr):
        assert secret not in text
    assert "restore failed" in text and "Traceback" in text  # the rest is kept
    assert "token=***" in text


def test_default_folder_is_the_per_user_log_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(logs.LOG_DIR_ENV_VAR, raising=False)
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *a, **k: str(tmp_path / "state"))
    assert logs.log_file() == tmp_path / "state" / "karmayogi-desk.log"
    monkeypatch.setenv(logs.LOG_DIR_ENV_VAR, str(tmp_path / "elsewhere"))
    assert logs.log_dir() == tmp_path / "elsewhere"
