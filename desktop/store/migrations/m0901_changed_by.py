"""Every change says who (issue 16): the desk user's name on each record version and on the
logs the desk already keeps.

- each synced table gets `changed_by`, travelling as the optional `data.by` (SYNC-PROTOCOL §4);
  `by` is an SQL keyword, hence the longer column name;
- `sync_run`, `sync_bundle_in` and `certificate_reissue` get `by`-columns for the run, the
  imported bundle and the re-issue. (Marks already keep `marked_by` in their history.)"""

from __future__ import annotations

from sqlite_utils import Database

from desktop.protocol.records import KIND_FIELDS

_LOGS = ("sync_run", "sync_bundle_in", "certificate_reissue")


def migrate(db: Database) -> None:
    tables = set(db.table_names())
    for kind in KIND_FIELDS:
        if kind in tables:
            db.execute(f"ALTER TABLE {kind} ADD COLUMN changed_by TEXT")
    for table in _LOGS:
        if table in tables:
            db.execute(f"ALTER TABLE {table} ADD COLUMN acted_by TEXT")
