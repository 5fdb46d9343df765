"""The participant search index keeps one prefix index (two characters) instead of three
(two, three and four), and no column sizes.

Each prefix index repeats every word's prefix as a term of its own: with 2/3/4 the index
held four entries a word, and filling it was a quarter of a 1.88-million-row import's work
(valgrind callgrind, 100,000 names: 4.8 G instructions with 2/3/4, 3.3 G with 2 alone). The
two-character index is the one search cannot do without: a two-letter prefix matches a large
share of all names, and without its index FTS5 merges the lists of every word that starts
with it (40-60 ms at 1.88 million people). Three letters and more narrow the words enough to
merge their lists directly, as FTS5 always did for five letters and more: over 1.88 million
people the search benchmark's p95 went from 3.2-3.6 ms to 5.3-5.5 ms (target 50 ms) and the
index from 179 to 91 MB. Column sizes (`columnsize=0`: no `participant_fts_docsize` row per
person) serve only FTS5's ranking functions, which search does not use (it takes an unranked,
limited set of candidates and ranks those in Python): another 0.5 G of the 3.3 G. The table
is re-created and rebuilt from `participant` (external content) in the migration's
transaction; its triggers name it only and stay as they are."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
DROP TABLE participant_fts;
CREATE VIRTUAL TABLE participant_fts USING fts5(
    name_en, name_hi, name_latin,
    content='participant', content_rowid='seq',
    tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
    prefix='2', columnsize=0
);
INSERT INTO participant_fts(participant_fts) VALUES ('rebuild');
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
