"""m0102: a database made with the five-column search index is upgraded to the names-only
index, rebuilt from the roster in the migration, and search keeps working."""

from __future__ import annotations

import sqlite3

from desktop.core.roster.search import search
from desktop.store import migrations, open_store

_OLD = """
DROP TRIGGER participant_fts_insert;
DROP TRIGGER participant_fts_delete;
DROP TRIGGER participant_fts_update;
DROP TABLE participant_fts;
CREATE VIRTUAL TABLE participant_fts USING fts5(
    name_en, name_hi, name_latin, employee_code, mobile,
    content='participant', content_rowid='seq',
    tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
    prefix='2 3 4'
);
CREATE TRIGGER participant_fts_insert AFTER INSERT ON participant BEGIN
    INSERT INTO participant_fts(rowid, name_en, name_hi, name_latin, employee_code, mobile)
    VALUES (new.seq, new.name_en, new.name_hi, new.name_latin, new.employee_code, new.mobile);
END;
INSERT INTO participant_fts(participant_fts) VALUES ('rebuild');
DELETE FROM _sqlite_migrations WHERE name = '0102_search_index_names_only';
"""


def test_old_five_column_index_is_rebuilt_with_names_only(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.insert(
            "participant",
            {"name_en": "Ramesh Kumar", "name_hi": "रमेश कुमार", "employee_code": "UP1",
             "mobile": "9876543210"},
        )  # fmt: skip
    conn = sqlite3.connect(path)
    conn.executescript(_OLD)
    conn.close()
    with open_store(path) as store:
        assert "0102_search_index_names_only" in migrations.applied_names(store.db)
        assert store.last_backup is not None
        columns = [r[1] for r in store.conn.execute("PRAGMA table_info(participant_fts)")]
        assert columns == ["name_en", "name_hi", "name_latin"]
        store.conn.execute(
            "INSERT INTO participant_fts(participant_fts) VALUES ('integrity-check')"
        )
        assert [r["employee_code"] for r in search(store, "ramesh")] == ["UP1"]
        assert [r["employee_code"] for r in search(store, "रमेश 98")] == ["UP1"]
        # the new triggers keep it in step
        pid = store.insert("participant", {"name_en": "Sita Devi", "name_hi": "सीता देवी"})
        store.update("participant", pid, {"name_en": "Sita Verma"})
        assert [r["name_en"] for r in search(store, "verma")] == ["Sita Verma"]
        store.conn.execute(
            "INSERT INTO participant_fts(participant_fts) VALUES ('integrity-check')"
        )


_THREE_PREFIXES = """
DROP TABLE participant_fts;
CREATE VIRTUAL TABLE participant_fts USING fts5(
    name_en, name_hi, name_latin,
    content='participant', content_rowid='seq',
    tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
    prefix='2 3 4'
);
INSERT INTO participant_fts(participant_fts) VALUES ('rebuild');
DELETE FROM _sqlite_migrations WHERE name = '0103_search_index_lean';
"""


def _prefix_option(conn) -> str:
    sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'participant_fts'"
    ).fetchone()[0]
    return sql.split("prefix=", 1)[1].rsplit(")", 1)[0].strip()


def test_index_with_prefixes_2_3_4_is_rebuilt_with_prefix_2_and_no_sizes(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as store:
        for name_en, name_hi, code in [
            ("Ramesh Kumar", "रमेश कुमार", "UP1"),
            ("Rameshwar Prasad", "रामेश्वर प्रसाद", "UP2"),
            ("Sunita Verma", "सुनीता वर्मा", "UP3"),
        ]:
            store.insert(
                "participant", {"name_en": name_en, "name_hi": name_hi, "employee_code": code}
            )
        triggers = store.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()
    conn = sqlite3.connect(path)
    conn.executescript(_THREE_PREFIXES)
    assert _prefix_option(conn) == "'2 3 4'"
    conn.close()
    with open_store(path) as store:
        assert "0103_search_index_lean" in migrations.applied_names(store.db)
        assert store.last_backup is not None  # the index is rebuilt: a copy first
        assert _prefix_option(store.conn) == "'2', columnsize=0"
        assert "participant_fts_docsize" not in store.db.table_names()
        assert store.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall() == triggers  # the bulk importer recognises them by their exact SQL
        store.conn.execute(
            "INSERT INTO participant_fts(participant_fts) VALUES ('integrity-check')"
        )

        def codes(query: str) -> list[str]:
            return sorted(r["employee_code"] for r in search(store, query))

        # two letters through the prefix index; three, four and more by merging word lists
        assert codes("ra") == ["UP1", "UP2"]
        assert codes("ram") == ["UP1", "UP2"]
        assert codes("rame") == ["UP1", "UP2"]
        assert codes("rameshw") == ["UP2"]
        assert codes("सुनी") == ["UP3"]
        assert codes("रमे") == ["UP1"]
        assert codes("ver") == ["UP3"]
        pid = store.insert("participant", {"name_en": "Sita Devi", "name_hi": "सीता देवी"})
        store.update("participant", pid, {"name_en": "Sita Verma"})
        assert [r["name_en"] for r in search(store, "sita ver")] == ["Sita Verma"]
        store.conn.execute(
            "INSERT INTO participant_fts(participant_fts) VALUES ('integrity-check')"
        )


def test_a_new_database_has_the_two_letter_prefix_index(tmp_path):
    with open_store(tmp_path / "new.db") as store:
        assert _prefix_option(store.conn) == "'2', columnsize=0"
        assert store.last_backup is None  # nothing to copy in an empty file
