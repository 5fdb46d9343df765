"""Who is acting: signing in, switching user, and the check every protected action makes.

`Store.actor` holds the name of the user acting through a connection. Signing in sets it;
`require(store, permission)` reads it. The rule when nobody has signed in (documented in the
README) keeps scripts, old databases and tests working:

1. a desk with **no users** has no roles yet: everything is allowed and no name is recorded
   (as before issue 16);
2. a desk with **exactly one active user** acts as that user, who never has to sign in (a
   desk with one user never asks; that user is an admin, as the last admin can be neither
   disabled nor demoted);
3. otherwise, when exactly one active **admin has no PIN** (the demo database), act as that
   admin, so scripts on a demo keep working;
4. otherwise nothing protected may be done until someone signs in (`NotSignedIn`).

In cases 2 and 3 the user is adopted as `store.actor`, so their name goes on what they change.

Five wrong PINs in a row lock an account for `LOCK_FOR`; the clock is injectable for tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from desktop.core.users.directory import User, active_users, find_user, has_users
from desktop.core.users.errors import AccessDenied, NotSignedIn, SignInError
from desktop.core.users.permissions import Permission, Role, role_allows
from desktop.core.users.pins import verify_pin
from desktop.protocol.ids import format_ts, parse_ts
from desktop.store import Store
from desktop.text.said import said

MAX_ATTEMPTS = 5
LOCK_FOR = timedelta(minutes=5)

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def implicit_user(store: Store) -> User | None:
    """The user a desk acts as when nobody signed in (rules 2 and 3 above), or None."""
    users = active_users(store)
    if len(users) == 1:
        return users[0]
    pinless_admins = [u for u in users if u.role is Role.ADMIN and not u.has_pin]
    return pinless_admins[0] if len(pinless_admins) == 1 else None


def acting_user(store: Store) -> User | None:
    """The user acting through `store`, or None when the desk has no users (rule 1).

    Raises `NotSignedIn` when the desk has users and none is acting, or the one named by
    `store.actor` is unknown or disabled."""
    if store.actor is not None:
        user = find_user(store, store.actor)
        if user is None or user.disabled:
            if not has_users(store):
                return None  # a name set on a desk without users (e.g. in tests): no roles
            raise NotSignedIn(said(
                    "{actor} is not an active user of this desk; sign in again.",
                    actor=store.actor,
                ))
        return user
    if not has_users(store):
        return None
    user = implicit_user(store)
    if user is None:
        raise NotSignedIn(
            said("This desk has several users: sign in first (command line: --user NAME).")
        )
    store.actor = user.name
    return user


def allowed(store: Store, permission: Permission) -> bool:
    """May the acting user do this? (For hiding and disabling in the GUI; never raises.)"""
    try:
        user = acting_user(store)
    except NotSignedIn:
        return False
    return user is None or role_allows(user.role, permission)


def require(store: Store, permission: Permission) -> None:
    """Refuse, with a message naming the role needed, unless the acting user may do this.
    The first line of every protected core entry point."""
    user = acting_user(store)
    if user is None or role_allows(user.role, permission):
        return
    needed = permission.role
    higher = "" if needed is Role.ADMIN else " (or higher)"
    raise AccessDenied(
        f"Only a user with the {needed.label} role{higher} may {permission.label}; "
        f"{user.name} is {_article(user.role.label)} {user.role.label}.",
        permission=permission,
        needed=needed,
    )


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def sign_in(store: Store, name: str, pin: str | None, *, now: Clock = _utc_now) -> User:
    """Check the PIN and make `name` the acting user of `store` (also: switch user).

    A wrong PIN counts towards the lockout and the count is committed before the error is
    raised; the message never contains the PIN."""
    moment = now()
    with store.transaction():
        row = store.conn.execute(
            "SELECT * FROM desk_user WHERE name = ?", ((name or "").strip(),)
        ).fetchone()
        if row is None or row["disabled"]:
            raise SignInError(said(
                    "No active user called {name} on this desk.",
                    name=(name or '').strip(),
                ))
        if row["locked_until"] is not None and parse_ts(row["locked_until"]) > moment:
            until = parse_ts(row["locked_until"])
            raise SignInError(
                said(
                    "{name} is locked after {attempts} wrong PINs until {until}; try again "
                    "then, or ask an admin to reset the PIN.",
                    name=row['name'], attempts=MAX_ATTEMPTS,
                    until=until.astimezone().strftime('%H:%M'),
                ),
                locked_until=until,
            )
        if row["pin_hash"] is None:
            ok = True
        else:
            ok = pin is not None and verify_pin(pin, row["pin_hash"])
        attempts, locked = 0, None
        if not ok:
            attempts = (row["failed_attempts"] or 0) + 1
            if row["locked_until"] is not None:  # an old lock ran out: a fresh count
                attempts = 1
            locked = format_ts(moment + LOCK_FOR) if attempts >= MAX_ATTEMPTS else None
            store.conn.execute(
                "UPDATE desk_user SET failed_attempts = ?, locked_until = ? WHERE name = ?",
                (0 if locked else attempts, locked, row["name"]),
            )
        else:
            store.conn.execute(
                "UPDATE desk_user SET failed_attempts = 0, locked_until = NULL, "
                "last_sign_in = ? WHERE name = ?",
                (format_ts(moment), row["name"]),
            )
    # the count of wrong PINs is committed above, before the refusal below
    if not ok:
        if locked:
            raise SignInError(
                said(
                    "Wrong PIN. {name} is now locked for {minutes} minutes.",
                    name=row['name'], minutes=int(LOCK_FOR.total_seconds() // 60),
                ),
                locked_until=parse_ts(locked),
            )
        left = MAX_ATTEMPTS - attempts
        raise SignInError(said(
                "Wrong PIN for {name} ({left} tries left before a lock).",
                name=row['name'], left=left,
            ))
    store.actor = row["name"]
    user = find_user(store, row["name"])
    assert user is not None
    return user


def sign_out(store: Store) -> None:
    """Nobody acts through this store until the next sign-in (the lock screen)."""
    store.actor = None


def needs_sign_in(store: Store) -> bool:
    """True when the GUI must ask who is at the desk: more than one active user. (A desk
    with one user never asks; the demo's PIN-less admin rule is for scripts, not the desk.)"""
    return len(active_users(store)) > 1


def require_on_file(db_path: object, actor: str | None, permission: Permission) -> None:
    """`require` for an action on a database file no store is open on (restore): the file's
    own users decide. A file that is missing or cannot be opened has nothing to guard (a
    restore is exactly what a damaged file needs)."""
    from pathlib import Path

    from desktop.store import StoreError, open_store

    path = Path(str(db_path))
    if not path.exists():
        return
    try:
        current = open_store(path, create=False, migrate=False)
    except StoreError:
        return
    try:
        current.actor = actor
        require(current, permission)
    finally:
        current.close()
