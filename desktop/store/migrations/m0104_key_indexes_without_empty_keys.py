"""The participant key indexes (employee code, iGOT user id, mobile) hold only the people who
have that key.

An index entry for a missing key (NULL) is never looked up — every query finds people by a
key's value, a range of values or its presence — yet each one was written on every insert:
the iGOT user id is empty for everyone until a roster is linked to iGOT, so that index held a
useless entry per person (37 MB at 1.88 million people) and cost ~2,000 instructions per row
of a big import (valgrind callgrind, 100,000 rows: 8.56 -> 8.36 G). Office lists without
codes or mobiles gain the same for those keys. SQLite uses a partial index `WHERE key IS NOT
NULL` for `key = ?`, `key IN (...)`, a range on `key` and `key IS NOT NULL`
(tests/store/test_key_indexes.py holds the importer's, search's and the desk's queries to it)."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.store.sql import run_script

_SQL = """
DROP INDEX participant_employee_code;
DROP INDEX participant_igot_user_id;
DROP INDEX participant_mobile;
CREATE INDEX participant_employee_code ON participant(employee_code)
    WHERE employee_code IS NOT NULL;
CREATE INDEX participant_igot_user_id ON participant(igot_user_id)
    WHERE igot_user_id IS NOT NULL;
CREATE INDEX participant_mobile ON participant(mobile) WHERE mobile IS NOT NULL;
"""


def migrate(db: Database) -> None:
    run_script(db, _SQL)
