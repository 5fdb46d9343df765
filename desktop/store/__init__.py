"""The local SQLite store: schema, migrations, change log and record writes (no Qt)."""

from sqlite3 import Connection

from desktop.store.database import Store, open_store, pending_migrations
from desktop.store.errors import (
    CorruptDatabaseError,
    DatabaseInUseError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    RecordNotFound,
    StoreClosed,
    StoreError,
)

__all__ = [
    "Connection",
    "CorruptDatabaseError",
    "DatabaseInUseError",
    "NewerDatabaseError",
    "ReadOnlyDatabaseError",
    "RecordNotFound",
    "Store",
    "StoreClosed",
    "StoreError",
    "open_store",
    "pending_migrations",
]
