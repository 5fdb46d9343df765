"""The participant search index (FTS5) keeps the names only: `name_en`, `name_hi`,
`name_latin`.

Employee codes and mobiles were indexed there too, with 2/3/4-character prefixes, although
search finds them through their own B-tree indexes (a prefix range on
`participant_employee_code` / `participant_mobile`). They made up half of the index: dropping
them halves the index's size and the time a roster import of lakhs spends filling it. The
table is rebuilt from `participant` (external content) in the migration's transaction."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
DROP TRIGGER IF EXISTS participant_fts_insert;
DROP TRIGGER IF EXISTS participant_fts_delete;
DROP TRIGGER IF EXISTS participant_fts_update;
DROP TABLE IF EXISTS participant_fts;
CREATE VIRTUAL TABLE participant_fts USING fts5(
    name_en, name_hi, name_latin,
    content='participant', content_rowid='seq',
    tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
    prefix='2 3 4'
);
CREATE TRIGGER participant_fts_insert AFTER INSERT ON participant BEGIN
    INSERT INTO participant_fts(rowid, name_en, name_hi, name_latin)
    VALUES (new.seq, new.name_en, new.name_hi, new.name_latin);
END;
CREATE TRIGGER participant_fts_delete AFTER DELETE ON participant BEGIN
    INSERT INTO participant_fts(participant_fts, rowid, name_en, name_hi, name_latin)
    VALUES ('delete', old.seq, old.name_en, old.name_hi, old.name_latin);
END;
CREATE TRIGGER participant_fts_update AFTER UPDATE OF name_en, name_hi, name_latin
        ON participant BEGIN
    INSERT INTO participant_fts(participant_fts, rowid, name_en, name_hi, name_latin)
    VALUES ('delete', old.seq, old.name_en, old.name_hi, old.name_latin);
    INSERT INTO participant_fts(rowid, name_en, name_hi, name_latin)
    VALUES (new.seq, new.name_en, new.name_hi, new.name_latin);
END;
INSERT INTO participant_fts(participant_fts) VALUES ('rebuild');
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
