"""Every change to a synced table is logged in the same transaction; versions; LWW apply."""

from __future__ import annotations

import pytest

from desktop.protocol.records import KIND_FIELDS


def _log(store):
    return [dict(r) for r in store.conn.execute("SELECT * FROM change_log ORDER BY seq")]


def test_insert_update_delete_each_log_one_version(store):
    pid = store.insert("participant", {"name_en": "Ramesh Kumar", "name_hi": "रमेश कुमार"})
    assert store.update("participant", pid, {"mobile": "9876543210"}) is True
    assert store.update("participant", pid, {"mobile": "9876543210"}) is False  # no change
    assert store.delete("participant", pid) is True
    log = _log(store)
    assert [e["record_id"] for e in log] == [pid] * 3
    assert all(e["state"] == "pending" and e["origin"] == store.device_id for e in log)
    versions = [e["updated_at"] for e in log]
    assert versions == sorted(versions) and len(set(versions)) == 3
    assert store.record("participant", pid)["deleted"] is True
    assert store.record("participant", pid)["data"] == {}


@pytest.mark.parametrize("kind", sorted(KIND_FIELDS))
def test_every_synced_kind_is_logged(store, kind):
    data = {"name_en": "X"} if kind == "participant" else {}
    rid = store.insert(kind, data)
    assert [(e["kind"], e["record_id"]) for e in _log(store)] == [(kind, rid)]


def test_rolled_back_change_leaves_no_log(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.insert("participant", {"name_en": "Ghost"})
            raise RuntimeError("crash")
    assert _log(store) == []
    assert store.conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 0


def test_apply_record_last_writer_wins_and_logs_foreign(store):
    record = {
        "kind": "programme",
        "id": "01900000-0000-7000-8000-000000000001",
        "updated_at": "2026-11-22T10:00:00.000Z",
        "origin": "other-desk",
        "deleted": False,
        "data": {
            "code": "KSK",
            "title_en": "Karmachari se Karmayogi",
            "title_hi": None,
            "igot_course_id": None,
            "hours": 6,
            "min_attendance_pct": 75,
        },
    }
    assert store.apply_record(record) == "applied"
    assert store.apply_record(record) == "stale"
    older = {**record, "updated_at": "2026-11-21T10:00:00.000Z"}
    assert store.apply_record(older) == "stale"
    newer = {
        **record,
        "updated_at": "2026-11-23T10:00:00.000Z",
        "data": {**record["data"], "hours": 8},
    }
    assert store.apply_record(newer) == "applied"
    assert store.record("programme", record["id"]) == newer
    assert {e["state"] for e in _log(store)} == {"foreign"}


def test_unknown_field_is_an_error_not_silently_dropped(store):
    with pytest.raises(ValueError, match="no field"):
        store.insert("participant", {"name_en": "A", "nmae_hi": "x"})
