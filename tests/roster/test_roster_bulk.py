"""Bulk inserts: same rows, change log and search index as row-by-row inserts, triggers back."""

from __future__ import annotations

import pytest

from desktop.store.bulk import BulkInserter, insert_many


def _schema(store):
    return store.conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_insert_many_logs_indexes_and_restores_triggers(store):
    before = _schema(store)
    ids = insert_many(
        store,
        "participant",
        [{"name_en": "Ramesh Kumar", "name_hi": "रमेश कुमार"}, {"name_en": "Sita", "mobile": "9"}],
    )
    assert _schema(store) == before
    log = store.conn.execute(
        "SELECT kind, record_id, state FROM change_log ORDER BY seq"
    ).fetchall()
    assert [tuple(r) for r in log] == [("participant", i, "pending") for i in ids]
    store.conn.execute("INSERT INTO participant_fts(participant_fts) VALUES ('integrity-check')")
    hit = store.conn.execute(
        "SELECT rowid FROM participant_fts WHERE participant_fts MATCH 'ramesh'"
    ).fetchall()
    assert len(hit) == 1
    # A later ordinary update keeps the index consistent (the row was indexed).
    store.update("participant", ids[0], {"name_en": "Ramesh K"})
    store.conn.execute("INSERT INTO participant_fts(participant_fts) VALUES ('integrity-check')")


def test_insert_many_other_kinds_with_json_fields(store):
    before = _schema(store)
    [vid] = insert_many(
        store,
        "field_visit",
        [{"district_code": "LKO", "office": "DM", "team": ["A", "B"], "people_met": 3}],
    )
    assert store.record("field_visit", vid)["data"]["team"] == ["A", "B"]
    assert _schema(store) == before
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 1


def test_unknown_field_is_refused(store):
    with pytest.raises(ValueError, match="no field"):
        insert_many(store, "participant", [{"name_en": "X", "nmae_hi": "typo"}])
    assert store.conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 0


def test_needs_a_transaction(store):
    with pytest.raises(RuntimeError):
        BulkInserter(store, "participant")


def test_changed_trigger_is_left_alone(store):
    """If a later migration redefines the log trigger, the bulk path keeps it (row by row)."""
    store.conn.execute("DROP TRIGGER participant_log_insert")
    store.conn.execute(
        "CREATE TRIGGER participant_log_insert AFTER INSERT ON participant BEGIN "
        "INSERT INTO change_log(kind, record_id, updated_at, origin, state) "
        "VALUES ('participant', new.id, new.updated_at, new.origin, 'pending'); END"
    )
    before = _schema(store)
    insert_many(store, "participant", [{"name_en": "A"}, {"name_en": "B"}])
    assert _schema(store) == before
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 2


def test_participant_triggers_are_deferred_while_inserting(store):
    """The shortcut is taken for the schema we ship: both insert triggers (change log and
    search index) are recognised and dropped for the batch."""
    with store.transaction(), BulkInserter(store, "participant") as bulk:
        assert sorted(sql.split()[2] for sql in bulk._dropped) == [
            "participant_fts_insert",
            "participant_log_insert",
        ]
