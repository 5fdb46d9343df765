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


def test_the_bulk_change_log_is_what_the_trigger_writes(store):
    """The log rows written set-based carry what the dropped trigger would have: 'pending' for
    this desk's rows, 'foreign' for another's, and the moment in the column's own format."""
    with store.transaction(), BulkInserter(store, "participant") as bulk:
        bulk.add([{"name_en": "Ours"}])
        store.conn.execute(
            "INSERT INTO participant (id, updated_at, origin, name_en) "
            "VALUES ('other-1', '2026-01-01T00:00:00.000Z', 'other-desk', 'Theirs')"
        )
    rows = store.conn.execute(
        "SELECT origin, state, logged_at FROM change_log ORDER BY seq"
    ).fetchall()
    assert [(r["origin"] == store.device_id, r["state"]) for r in rows] == [
        (True, "pending"), (False, "foreign")]
    moment = store.conn.execute("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')").fetchone()[0]
    assert all(len(r["logged_at"]) == len(moment) and r["logged_at"][:10] == moment[:10]
               and r["logged_at"].endswith("Z") for r in rows)


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


def _fts_setting(store, key):
    row = store.conn.execute("SELECT v FROM participant_fts_config WHERE k = ?", (key,)).fetchone()
    return None if row is None else row[0]


PEOPLE = [
    {"name_en": f"Ramesh Kumar {i}", "name_hi": "रमेश कुमार", "employee_code": f"E{i:05d}"}
    for i in range(300)
]


def test_search_index_merged_once_finds_everyone_and_puts_the_setting_back(store):
    """A first import's search index is merged once at the end (automerge 0, optimize): the
    index is whole, every row is found, and the table's own automerge setting is back."""
    store.conn.execute("INSERT INTO participant_fts(participant_fts, rank) VALUES ('automerge', 7)")
    with store.transaction(), BulkInserter(store, "participant",
                                           merge_search_index_once=True) as bulk:
        for start in range(0, len(PEOPLE), 50):  # several chunks, as an import writes them
            bulk.add(PEOPLE[start:start + 50])
            bulk.catch_up()
        assert _fts_setting(store, "automerge") == 0  # no merging while rows go in
    assert _fts_setting(store, "automerge") == 7
    store.conn.execute("INSERT INTO participant_fts(participant_fts) VALUES ('integrity-check')")
    hits = store.conn.execute(
        "SELECT count(*) FROM participant_fts WHERE participant_fts MATCH 'ramesh'"
    ).fetchone()[0]
    assert hits == len(PEOPLE)


def test_a_rolled_back_merge_once_leaves_the_setting_as_it_was(store):
    with pytest.raises(RuntimeError, match="stop"):
        with store.transaction(), BulkInserter(store, "participant",
                                               merge_search_index_once=True) as bulk:
            bulk.add(PEOPLE[:10])
            raise RuntimeError("stop")
    assert _fts_setting(store, "automerge") is None  # FTS5's default, as before
    assert store.conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 0


def _rows(store):
    return [tuple(r)[2:] for r in store.conn.execute(
        "SELECT * FROM participant ORDER BY seq").fetchall()]


def test_ready_rows_insert_the_same_rows(store, tmp_path):
    """The importer's reader builds each row whole (`ready_row`: id, fields in column order,
    search key); inserted by `add_ready` they are the same rows, search keys and search
    index as those built from the data dicts by `add` (ids and stamps aside), numbered in
    order after the people already there."""
    from desktop.core.roster.pipeline import PARTICIPANT_FIELDS, ready_row
    from desktop.store import open_store

    rows = [dict(p, mobile=f"98{i:08d}", district_code="LKO") for i, p in enumerate(PEOPLE[:20])]
    with store.transaction(), BulkInserter(store, "participant") as bulk:
        bulk.add(rows[:1])
        ready = [ready_row(r) for r in rows[1:]]
        assert bulk.add_ready(ready) == 2
    numbered = store.conn.execute("SELECT seq, id FROM participant ORDER BY seq").fetchall()
    assert [tuple(r) for r in numbered[1:]] == [(i + 2, r[0]) for i, r in enumerate(ready)]
    with open_store(tmp_path / "other.db", create=True) as other:
        with other.transaction(), BulkInserter(other, "participant") as bulk:
            bulk.add(rows)
        columns = [c[1] for c in store.conn.execute("PRAGMA table_info(participant)")]
        keep = [i for i, c in enumerate(columns)
                if c in (*PARTICIPANT_FIELDS, "name_latin", "deleted", "changed_by")]
        mine = [[r[i] for i in keep] for r in store.conn.execute("SELECT * FROM participant")]
        theirs = [[r[i] for i in keep] for r in other.conn.execute("SELECT * FROM participant")]
        assert mine == theirs and len(mine) == 20
    store.conn.execute("INSERT INTO participant_fts(participant_fts) VALUES ('integrity-check')")
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 20


def test_add_ready_is_for_participants(store):
    with store.transaction(), BulkInserter(store, "workshop") as bulk:
        with pytest.raises(ValueError, match="participants"):
            bulk.add_ready([("x",)])


def test_every_import_field_is_a_column_of_the_participant_table():
    """The reader's values tuple holds the participant table's fields only: a new import
    field must be a participant field too, or it would be dropped without a word."""
    from desktop.core.roster.fields import IMPORT_FIELDS
    from desktop.core.roster.pipeline import PARTICIPANT_FIELDS

    assert set(IMPORT_FIELDS) <= set(PARTICIPANT_FIELDS)
