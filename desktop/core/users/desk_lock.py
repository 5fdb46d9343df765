"""The idle lock's setting: after how many minutes without a key or a click the desk locks
(0: never). Kept in `meta` (local to this desk); changing it is an admin's setting."""

from __future__ import annotations

from desktop.core.users.permissions import Permission
from desktop.core.users.session import require
from desktop.store import Store

LOCK_MINUTES_KEY = "users.lock_minutes"
DEFAULT_LOCK_MINUTES = 10
MAX_LOCK_MINUTES = 240


def lock_minutes(store: Store) -> int:
    try:
        value = int(store.meta_get(LOCK_MINUTES_KEY) or DEFAULT_LOCK_MINUTES)
    except ValueError:
        return DEFAULT_LOCK_MINUTES
    return max(0, min(value, MAX_LOCK_MINUTES))


def set_lock_minutes(store: Store, minutes: int) -> None:
    require(store, Permission.SETTINGS)
    if not 0 <= minutes <= MAX_LOCK_MINUTES:
        raise ValueError(f"lock time must be 0–{MAX_LOCK_MINUTES} minutes (0: never)")
    store.meta_set(LOCK_MINUTES_KEY, str(minutes))
