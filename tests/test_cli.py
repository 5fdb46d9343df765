"""The CLI contract of ../shared/CLI.md: commands, JSON, exit codes, help text."""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.main import build_parser


def _all_parsers(parser, prefix=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield (*prefix, name), helps.get(name), sub
                yield from _all_parsers(sub, (*prefix, name))


def test_every_command_has_help_text():
    parsers = list(_all_parsers(build_parser()))
    names = {" ".join(p[0]) for p in parsers}
    assert {
        "init",
        "demo",
        "backup",
        "restore",
        "check",
        "export",
        "gui",
        "report monthly",
    } <= names
    missing = [" ".join(path) for path, text, _ in parsers if not text]
    assert missing == []


def test_init_then_check_json(cli, tmp_path):
    db = tmp_path / "c.db"
    code, out, _ = cli(
        "--db",
        db,
        "init",
        "--institute-code",
        "upaam",
        "--institute-name-en",
        "UP Academy",
        "--json",
    )
    assert code == 0 and json.loads(out)["institute_code"] == "UPAAM"
    code, out, _ = cli("--db", db, "--json", "check")
    assert code == 0 and json.loads(out) == {"ok": True, "problems": []}


def test_init_refuses_bad_code_and_second_institute(cli, db_path):
    code, _, err = cli(
        "--db", db_path, "init", "--institute-code", "X Y", "--institute-name-en", "A"
    )
    assert code == 2 and "Institute code" in err
    code, _, err = cli(
        "--db", db_path, "init", "--institute-code", "OTHER", "--institute-name-en", "A"
    )
    assert code == 2 and "already belongs to institute TST" in err


def test_unknown_option_and_missing_db_exit_2(cli, tmp_path):
    with pytest.raises(SystemExit) as info:
        cli("--no-such-option")
    assert info.value.code == 2
    code, _, err = cli("--db", tmp_path / "missing.db", "check")
    assert code == 2 and "init" in err


def test_newer_database_exit_2_and_untouched(cli, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
        "VALUES ('karmayogi-desk', '9999_future', 'x')"
    )
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    code, out, err = cli("--db", db_path, "--json", "check")
    assert code == 2 and out == "" and "newer version" in err
    assert db_path.read_bytes() == before


def test_backup_restore_round_trip(cli, db_path, tmp_path):
    from desktop.store import open_store

    with open_store(db_path) as s:
        s.insert("participant", {"name_en": "Before Backup"})
    backup = tmp_path / "b.db"
    assert cli("--db", db_path, "backup", backup)[0] == 0
    with open_store(db_path) as s:
        s.insert("participant", {"name_en": "After Backup"})
    code, out, _ = cli("--db", db_path, "--json", "restore", backup)
    assert code == 0
    saved = json.loads(out)["previous_saved_as"]
    with open_store(db_path) as s:
        names = [r[0] for r in s.conn.execute("SELECT name_en FROM participant")]
    assert names == ["Before Backup"]
    with open_store(saved) as s:  # the file replaced by the restore was kept
        assert s.conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 2


def test_backup_is_full_by_default_and_restores_by_content(cli, db_path, tmp_path, monkeypatch):
    from desktop.core import backup_crypto
    from desktop.core.certificates import keys
    from desktop.store import open_store

    monkeypatch.setattr(backup_crypto, "SCRYPT_N", 2**12)
    monkeypatch.setenv("KARMAYOGI_DESK_BACKUP_PASSPHRASE", "correct horse battery")
    with open_store(db_path) as s:
        keys.ensure_signing_key(s)
    code, out, _ = cli("--db", db_path, "--json", "backup")
    doc = json.loads(out)
    assert code == 0 and doc["format"] == "full" and doc["backup"].endswith(".kdbackup")
    assert doc["encrypted"] is True and backup_crypto.is_encrypted(Path(doc["backup"]))
    assert doc["entries"] >= 2  # the database and the signing key at least
    code, out, err = cli("--db", db_path, "--json", "backup", tmp_path / "plain.db")
    assert code == 0 and json.loads(out)["format"] == "database" and "Database only" in err
    key = db_path.parent / "desk-keys" / "TST-1.key"
    key.unlink()
    code, out, _ = cli("--db", db_path, "--json", "restore", doc["backup"])
    assert code == 0 and json.loads(out)["format"] == "full"
    assert json.loads(out)["previous_saved_as"].endswith(".pre-restore.kdbackup")
    assert key.exists()  # the signing key came back with the database


def test_restore_refuses_garbage_and_keeps_current(cli, db_path, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"garbage" * 1000)
    before = db_path.read_bytes()
    code, _, err = cli("--db", db_path, "restore", junk)
    assert code == 2 and "junk.db is not a usable Karmayogi Desk backup" in err
    assert "Nothing was changed" in err and "Try another backup file" in err
    assert "restore FILE" not in err  # the user just ran that
    assert db_path.read_bytes() == before


def test_export_jsonl_includes_tombstones(cli, db_path, tmp_path):
    from desktop.store import open_store

    with open_store(db_path) as s:
        keep = s.insert("participant", {"name_en": "Keep"})
        gone = s.insert("participant", {"name_en": "Gone"})
        s.delete("participant", gone)
    out = tmp_path / "e.jsonl"
    assert cli("--db", db_path, "export", "--kinds", "participant", out)[0] == 0
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert records[keep]["data"]["name_en"] == "Keep" and records[gone]["deleted"] is True
    code, _, err = cli("--db", db_path, "export", "--kinds", "nonsense", out)
    assert code == 2 and "unknown kind" in err


def test_demo_same_seed_same_export(cli, tmp_path):
    exports = []
    for name in ("a.db", "b.db"):
        db = tmp_path / name
        assert cli("--db", db, "demo", "--participants", "50", "--seed", "7")[0] == 0
        out = tmp_path / f"{name}.jsonl"
        cli("--db", db, "export", "--kinds", "participant", out)
        exports.append(
            [
                {k: v for k, v in json.loads(line).items() if k not in ("updated_at", "origin")}
                for line in out.read_text().splitlines()
            ]
        )
    assert len(exports[0]) == 50 and exports[0] == exports[1]
    assert any("\u0900" <= ch <= "\u097f" for ch in exports[0][0]["data"]["name_hi"])


def test_python_m_desktop_entry_point(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(tmp_path / "x.db"), "--json", "check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "init" in result.stderr
