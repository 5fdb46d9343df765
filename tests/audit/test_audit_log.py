"""The audit chain on the desk: built by the core's hooks, verified, refused by the triggers,
and broken by a direct edit of the database file (issue 16, item 4)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, datetime

import pytest

from desktop.cli.main import main
from desktop.core import audit, people
from desktop.core.attendance import Desk
from desktop.core.attendance.settings import save_settings
from desktop.core.centre import init_centre
from desktop.protocol import audit as wire
from desktop.store import open_store
from tests.attendance.helpers import workshop_with_people

DAY = date(2026, 11, 23)


def _desk(store):
    ws, sessions, folks = workshop_with_people(store, DAY, 3)
    return ws, Desk(store, sessions[0]), folks


def test_hooks_build_one_linked_chain_naming_the_actor(store):
    store.actor = "asha"
    ws, desk, folks = _desk(store)
    marked = desk.mark(folks[0], now=datetime.fromisoformat(f"{DAY}T10:00"))
    desk.undo(marked.history_seq)
    save_settings(store, grace_minutes=10)
    people.save_person(store, {"name_en": "Edited Name"}, folks[1])
    entries = list(reversed(audit.query(store)))
    actions = [e.action for e in entries]
    assert actions[-4:] == ["attendance.mark", "attendance.undo", "settings.change",
                            "participant.edit"]
    assert "workshop.edit" in actions[:-4]
    mark = entries[-4]
    assert (mark.actor, mark.participant_id, mark.workshop_id) == ("asha", folks[0], ws)
    assert mark.origin == store.device_id and mark.details["status"] == "present"
    assert entries[-1].details == {"change": "edited", "fields": ["name_en"]}
    prev = wire.GENESIS
    for n, entry in enumerate(entries, start=1):
        assert entry.n == n and entry.prev == prev
        assert entry.hash == wire.entry_hash(entry.id, entry.origin, entry.data())
        prev = entry.hash
    result = audit.verify(store)
    assert result.intact and result.entries == len(entries) and result.head == prev


def test_an_entry_commits_or_rolls_back_with_its_change(store):
    with pytest.raises(ValueError):
        save_settings(store, grace_minutes=5, open_before_minutes=9999)
    assert audit.head(store) is None
    assert store.meta_get("attendance.grace_minutes") is None


def test_the_program_cannot_change_or_delete_an_entry(store):
    audit.record(store, "backup", target="x.kdbackup")
    for sql in ("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            store.conn.execute(sql)
    assert audit.verify(store).intact


def test_unknown_action_is_a_programming_error(store):
    with pytest.raises(ValueError, match="unknown audit action"):
        audit.record(store, "certificate.revok")


def _file_desk(tmp_path):
    path = tmp_path / "desk.db"
    with open_store(path) as store:
        init_centre(store, "TST", "Test Institute", "परीक्षण संस्थान")
        store.actor = "ravi"
        for i in range(5):
            audit.record(store, "settings.change", target=f"t{i}", details={"i": i})
    return path


def _raw(path):
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    return conn


def test_verify_cli_intact(tmp_path, capsys):
    path = _file_desk(tmp_path)
    assert main(["--db", str(path), "--json", "audit", "verify"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["intact"] is True and doc["entries"] == 5 and len(doc["head"]) == 64


def test_direct_edit_of_the_file_is_named_by_verify(tmp_path, capsys):
    path = _file_desk(tmp_path)
    conn = _raw(path)
    conn.execute("UPDATE audit_log SET actor = 'someone else' WHERE n = 3")
    conn.commit()
    conn.close()
    assert main(["--db", str(path), "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "BROKEN at entry 3 of 5" in out and "changed after it was written" in out


def test_deleted_entry_and_rehashed_entry_are_named(tmp_path, capsys):
    path = _file_desk(tmp_path)
    conn = _raw(path)
    conn.execute("DELETE FROM audit_log WHERE n = 2")
    conn.commit()
    conn.close()
    assert main(["--db", str(path), "--json", "audit", "verify"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["bad_entry"] == 2 and "missing" in doc["problem"]

    (tmp_path / "two").mkdir()
    path2 = _file_desk(tmp_path / "two")
    conn = _raw(path2)
    # a careful edit: the entry's own hash recomputed, but the next entry still links to
    # the old one
    row = conn.execute("SELECT id, origin, n, at, action, target, details, prev "
                       "FROM audit_log WHERE n = 4").fetchone()
    data = {"n": row[2], "at": row[3], "actor": "nobody", "action": row[4], "target": row[5],
            "participant_id": None, "workshop_id": None, "details": json.loads(row[6]),
            "prev": row[7]}
    conn.execute("UPDATE audit_log SET actor = 'nobody', hash = ? WHERE n = 4",
                 (wire.entry_hash(row[0], row[1], data),))
    conn.commit()
    conn.close()
    assert main(["--db", str(path2), "--json", "audit", "verify"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["bad_entry"] == 5 and "does not follow entry 4" in doc["problem"]


def test_canonical_json_is_stable():
    a = wire.canonical_json({"b": 1, "a": "नाम", "c": {"y": [1, 2], "x": None}})
    assert a == '{"a":"नाम","b":1,"c":{"x":null,"y":[1,2]}}'.encode()
    assert hashlib.sha256(a).hexdigest() == hashlib.sha256(
        wire.canonical_json({"c": {"x": None, "y": [1, 2]}, "a": "नाम", "b": 1})).hexdigest()


def test_roster_import_and_session_close_are_audited(store, tmp_path):
    import csv

    from desktop.core.roster.importer import import_roster

    store.actor = "data entry"
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name (English)", "Employee Code"])
        writer.writerow(["Ramesh Kumar", "F1"])
        writer.writerow(["Sita Devi", "F2"])
    import_roster(store, path)
    entry = audit.head(store)
    assert (entry.action, entry.target, entry.actor) == ("roster.import", "list.csv", "data entry")
    assert entry.details["created"] == 2
    import_roster(store, path, dry_run=True)
    assert audit.head(store).n == entry.n  # a dry run changes nothing, so records nothing
    ws, desk, folks = _desk(store)
    made = desk.close(now=datetime.fromisoformat(f"{DAY}T18:00"))
    desk.reopen()
    last = audit.query(store, limit=2)
    assert [e.action for e in last] == ["attendance.reopen", "attendance.close"]
    assert last[1].details == {"marked_absent": made} and made == len(folks)
    assert audit.verify(store).intact
