"""The local SQLite store: schema, migrations, change log and record writes (no Qt)."""

from desktop.store.database import Store, open_store, pending_migrations
from desktop.store.errors import (
    CorruptDatabaseError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    RecordNotFound,
    StoreError,
)

__all__ = [
    "CorruptDatabaseError",
    "NewerDatabaseError",
    "ReadOnlyDatabaseError",
    "RecordNotFound",
    "Store",
    "StoreError",
    "open_store",
    "pending_migrations",
]
