"""The portal's admin accounts (headquarters staff who may see the state's view) and their
login sessions.

Passwords are kept only as scrypt hashes (salted, `hashlib.scrypt`, n=2**14, r=8, p=1);
a session is a random token handed out in a cookie and kept only as its SHA-256, so neither
a password nor a usable session token is ever in the database or a log. Portable SQL (`?`
parameters, no SQLite-only functions)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from desktop.protocol.ids import format_ts

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS portal_admin (name TEXT PRIMARY KEY, "
    "password_hash TEXT NOT NULL, created_at TEXT NOT NULL, disabled_at TEXT)",
    "CREATE TABLE IF NOT EXISTS admin_session (token_sha256 TEXT PRIMARY KEY, "
    "name TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS admin_login_failure (name TEXT PRIMARY KEY, "
    "failures INTEGER NOT NULL, locked_until TEXT)",
)
SESSION_HOURS = 8  # a working day; log in again after
#: wrong passwords in a row that lock a name, and for how long (kept in the database, so
#: every worker counts the same tries; any name, known or not: a lock says nothing about
#: whether the account exists)
MAX_FAILURES = 5
LOCK_MINUTES = 5
MIN_PASSWORD = 10
NAME_RE = re.compile(r"^[A-Za-z0-9._@-]{2,64}$")
_N, _R, _P = 2**14, 8, 1


class AccountError(ValueError):
    """A name or password the portal refuses; the message names the field."""


@dataclass(frozen=True)
class Admin:
    name: str


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n),
                             r=int(r), p=int(p), dklen=len(digest) // 2)
    except ValueError:
        return False
    return hmac.compare_digest(got.hex(), digest)


def ensure(conn: Any) -> None:
    for statement in SCHEMA:
        conn.execute(statement)


def add_admin(conn: Any, name: str, password: str) -> bool:
    """Create an admin account, or set a new password for an existing one (enabling it
    again). True when the account is new."""
    if not NAME_RE.match(name or ""):
        raise AccountError("name: 2-64 letters, digits or . _ @ -")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
    held = conn.execute("SELECT 1 FROM portal_admin WHERE name = ?", (name,)).fetchone()
    if held is None:
        conn.execute(
            "INSERT INTO portal_admin (name, password_hash, created_at) VALUES (?, ?, ?)",
            (name, hash_password(password), _now()),
        )
    else:
        conn.execute(
            "UPDATE portal_admin SET password_hash = ?, disabled_at = NULL WHERE name = ?",
            (hash_password(password), name),
        )
        conn.execute("DELETE FROM admin_session WHERE name = ?", (name,))
        conn.execute("DELETE FROM admin_login_failure WHERE name = ?", (name,))  # unlocked
    return held is None


def disable_admin(conn: Any, name: str) -> bool:
    """The account can no longer log in; its sessions end at once."""
    cur = conn.execute(
        "UPDATE portal_admin SET disabled_at = ? WHERE name = ? AND disabled_at IS NULL",
        (_now(), name),
    )
    conn.execute("DELETE FROM admin_session WHERE name = ?", (name,))
    return cur.rowcount > 0


def list_admins(conn: Any) -> list[dict[str, Any]]:
    return [
        {"name": r[0], "created_at": r[1], "disabled_at": r[2]}
        for r in conn.execute(
            "SELECT name, created_at, disabled_at FROM portal_admin ORDER BY name")
    ]


class LockedOut(Exception):
    """Too many wrong passwords for a name: no try is checked until `until`."""

    def __init__(self, until: datetime) -> None:
        super().__init__(f"locked until {format_ts(until)}")
        self.until = until


def log_in(conn: Any, name: str, password: str, now: datetime | None = None) -> str | None:
    """A new session token for a right name and password, None otherwise (the same answer
    for an unknown name and a wrong password, after the same scrypt work). After
    `MAX_FAILURES` wrong tries in a row a name is locked for `LOCK_MINUTES`: `LockedOut`,
    even for the right password. `now` is the clock (tests pass their own)."""
    now = now or datetime.now(timezone.utc)
    if not NAME_RE.match(name or ""):  # no account can have it: nothing to count
        check_password(password, _DUMMY)
        return None
    held = conn.execute(
        "SELECT failures, locked_until FROM admin_login_failure WHERE name = ?", (name,)
    ).fetchone()
    if held is not None and held[1] and held[1] > format_ts(now):
        check_password(password, _DUMMY)  # the same work as a try
        raise LockedOut(datetime.fromisoformat(held[1].replace("Z", "+00:00")))
    row = conn.execute(
        "SELECT password_hash FROM portal_admin WHERE name = ? AND disabled_at IS NULL",
        (name,),
    ).fetchone()
    stored = row[0] if row is not None else _DUMMY
    if not check_password(password, stored) or row is None:
        failures = (held[0] if held is not None and not held[1] else 0) + 1
        locked = format_ts(now + timedelta(minutes=LOCK_MINUTES)) if (
            failures >= MAX_FAILURES) else None
        conn.execute(
            "INSERT INTO admin_login_failure (name, failures, locked_until) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET failures = excluded.failures, "
            "locked_until = excluded.locked_until",
            (name, 0 if locked else failures, locked),
        )
        return None
    conn.execute("DELETE FROM admin_login_failure WHERE name = ?", (name,))
    token = secrets.token_urlsafe(32)
    conn.execute("DELETE FROM admin_session WHERE expires_at < ?", (format_ts(now),))
    conn.execute(
        "INSERT INTO admin_session (token_sha256, name, created_at, expires_at) "
        "VALUES (?, ?, ?, ?)",
        (_sha(token), name, format_ts(now), format_ts(now + timedelta(hours=SESSION_HOURS))),
    )
    return token


def session_admin(conn: Any, token: str | None) -> Admin | None:
    """The admin a session cookie belongs to, if it is live and the account enabled."""
    if not token:
        return None
    row = conn.execute(
        "SELECT s.name FROM admin_session s JOIN portal_admin a ON a.name = s.name "
        "WHERE s.token_sha256 = ? AND s.expires_at > ? AND a.disabled_at IS NULL",
        (_sha(token), _now()),
    ).fetchone()
    return None if row is None else Admin(row[0])


def log_out(conn: Any, token: str | None) -> None:
    if token:
        conn.execute("DELETE FROM admin_session WHERE token_sha256 = ?", (_sha(token),))


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _now() -> str:
    return format_ts(datetime.now(timezone.utc))


_DUMMY = hash_password(secrets.token_hex(8))  # equal work for an unknown name
