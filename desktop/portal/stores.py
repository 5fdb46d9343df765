"""Which store a portal runs on: `--data DIR` (SQLite, embedded) or `--database URL`
(PostgreSQL). The one place that knows both, so the server and the CLI ask for "a store"."""

from __future__ import annotations

from pathlib import Path

from desktop.portal.db import PortalDB, PortalStore


def is_database_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def open_portal_store(target: str | Path, *, pool_size: int = 8) -> PortalStore:
    """A PostgreSQL store for a `postgresql://…` URL, else the SQLite store in that folder."""
    if is_database_url(target):
        from desktop.portal.pg import PgPortalDB  # psycopg only where PostgreSQL is used

        return PgPortalDB(str(target), pool_size=pool_size)
    return PortalDB(target)

