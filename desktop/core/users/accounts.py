"""Desk user accounts: add, list, change role, reset PIN, disable (admin only, except the
first user of a desk, who is made an admin by the first-start dialog or `users add`).

The desk always keeps at least one active admin: the last one cannot be disabled or demoted,
so nobody locks the centre out of its own settings."""

from __future__ import annotations

import unicodedata

from desktop.core.users.directory import User, find_user, has_users, row_user
from desktop.core.users.errors import UserError
from desktop.core.users.permissions import Permission, Role
from desktop.core.users.pins import check_pin_rule, hash_pin
from desktop.core.users.session import acting_user, require
from desktop.protocol.ids import format_ts, wall_now
from desktop.store import Store
from desktop.text.said import said

MAX_NAME = 60


def clean_name(name: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", name or "").split())
    if not text:
        raise UserError(said("A user needs a name."))
    if len(text) > MAX_NAME:
        raise UserError(said(
                "A user's name may have at most {most} characters.",
                most=MAX_NAME,
            ))
    if any(unicodedata.category(c).startswith("C") for c in text):
        raise UserError(said("A user's name may not hold control characters."))
    return text


def list_users(store: Store) -> list[User]:
    """Every user, disabled ones too."""
    require(store, Permission.MANAGE_USERS)
    rows = store.conn.execute("SELECT * FROM desk_user ORDER BY name COLLATE NOCASE").fetchall()
    return [row_user(r) for r in rows]


def _require_admin_or_first(store: Store) -> None:
    if has_users(store):
        require(store, Permission.MANAGE_USERS)


def add_user(store: Store, name: str, role: Role | str, pin: str | None = None) -> User:
    """Add a user; the first user of a desk must be an admin (and needs no one signed in)."""
    _require_admin_or_first(store)
    role = Role.parse(role) if isinstance(role, str) else role
    name = clean_name(name)
    if not has_users(store) and role is not Role.ADMIN:
        raise UserError(said("The first user of a desk is its admin: choose the admin role."))
    if pin is not None:
        check_pin_rule(pin)
    digest = hash_pin(pin) if pin is not None else None
    with store.transaction():
        if find_user(store, name) is not None:
            raise UserError(said("There is already a user called {name}.", name=name))
        store.conn.execute(
            "INSERT INTO desk_user(name, role, pin_hash, created_at, created_by) "
            "VALUES (?, ?, ?, ?, ?)",
            (name, role.label, digest, format_ts(wall_now()), store.actor),
        )
    return User(name, role, digest is not None, False)


def _existing(store: Store, name: str) -> User:
    user = find_user(store, name)
    if user is None:
        raise UserError(said("No user called {name}.", name=name.strip()))
    return user


def _other_active_admins(store: Store, name: str) -> int:
    return store.conn.execute(
        "SELECT count(*) FROM desk_user WHERE role = 'admin' AND disabled = 0 AND name != ?",
        (name,),
    ).fetchone()[0]


def set_role(store: Store, name: str, role: Role | str) -> User:
    require(store, Permission.MANAGE_USERS)
    role = Role.parse(role) if isinstance(role, str) else role
    with store.transaction():
        user = _existing(store, name)
        if user.role is Role.ADMIN and role is not Role.ADMIN and not user.disabled:
            if not _other_active_admins(store, user.name):
                raise UserError(said(
                        "{name} is the desk's only admin; make another admin first.",
                        name=user.name,
                    ))
        store.conn.execute(
            "UPDATE desk_user SET role = ? WHERE name = ?", (role.label, user.name)
        )
    return _existing(store, name)


def reset_pin(store: Store, name: str, pin: str | None) -> User:
    """Set a new PIN (None: no PIN) and unlock the account. Admins for anyone; a user for
    themself (changing one's own PIN)."""
    me = acting_user(store)
    if me is None or me.name.casefold() != name.strip().casefold():
        require(store, Permission.MANAGE_USERS)
    if pin is not None:
        check_pin_rule(pin)
    digest = hash_pin(pin) if pin is not None else None
    with store.transaction():
        user = _existing(store, name)
        store.conn.execute(
            "UPDATE desk_user SET pin_hash = ?, failed_attempts = 0, locked_until = NULL "
            "WHERE name = ?",
            (digest, user.name),
        )
    return _existing(store, name)


def set_disabled(store: Store, name: str, disabled: bool = True) -> User:
    """Disable (or enable again) a user: a disabled user cannot sign in; their name stays on
    everything they did."""
    require(store, Permission.MANAGE_USERS)
    with store.transaction():
        user = _existing(store, name)
        if disabled and user.role is Role.ADMIN and not _other_active_admins(store, user.name):
            raise UserError(said(
                    "{name} is the desk's only admin; make another admin first.",
                    name=user.name,
                ))
        store.conn.execute(
            "UPDATE desk_user SET disabled = ? WHERE name = ?", (int(disabled), user.name)
        )
    return _existing(store, name)
