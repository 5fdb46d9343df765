"""Who the desk's users are: reading the `desk_user` table (no permission needed: the
sign-in dialog lists the names)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.users.permissions import Role
from desktop.store import Store


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    has_pin: bool
    disabled: bool
    locked_until: str | None = None
    last_sign_in: str | None = None


def row_user(row: object) -> User:
    return User(
        name=row["name"],
        role=Role.parse(row["role"]),
        has_pin=row["pin_hash"] is not None,
        disabled=bool(row["disabled"]),
        locked_until=row["locked_until"],
        last_sign_in=row["last_sign_in"],
    )


def has_users(store: Store) -> bool:
    """True once the desk has any user (a database without users keeps working as before)."""
    try:
        return store.conn.execute("SELECT 1 FROM desk_user LIMIT 1").fetchone() is not None
    except Exception:  # a store opened without migrations: no users table yet
        return False


def find_user(store: Store, name: str) -> User | None:
    row = store.conn.execute("SELECT * FROM desk_user WHERE name = ?", (name.strip(),)).fetchone()
    return None if row is None else row_user(row)


def active_users(store: Store) -> list[User]:
    """Users who may sign in, by name (the sign-in dialog's list: no permission needed)."""
    if not has_users(store):
        return []
    rows = store.conn.execute(
        "SELECT * FROM desk_user WHERE disabled = 0 ORDER BY name COLLATE NOCASE"
    ).fetchall()
    return [row_user(r) for r in rows]
