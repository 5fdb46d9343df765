"""The desk's settings (grace and opening minutes, desk name, operator), kept in meta."""

from __future__ import annotations

import getpass
import socket
from dataclasses import dataclass

from desktop.core import audit
from desktop.core.users import Permission, require
from desktop.store import Store
from desktop.text.said import said


@dataclass(frozen=True)
class DeskSettings:
    grace_minutes: int = 15  # a scan later than start + grace is marked late
    open_before_minutes: int = 60  # scans are accepted from this long before the start
    desk: str = ""  # the desk's name in the history (default: host name)
    operator: str = ""  # who is at the desk (default: the OS user)


def load_settings(store: Store) -> DeskSettings:
    def number(key: str, default: int) -> int:
        try:
            return int(store.meta_get(key) or default)
        except ValueError:
            return default

    return DeskSettings(
        grace_minutes=number("attendance.grace_minutes", 15),
        open_before_minutes=number("attendance.open_before_minutes", 60),
        desk=store.meta_get("desk_name") or socket.gethostname(),
        # the signed-in desk user (issue 16); before users, the name set for the desk
        operator=store.actor or store.meta_get("desk_operator") or _user(),
    )


def save_settings(
    store: Store,
    *,
    grace_minutes: int | None = None,
    open_before_minutes: int | None = None,
    desk: str | None = None,
    operator: str | None = None,
) -> None:
    require(store, Permission.SETTINGS)
    with store.transaction():  # the settings and their audit entry commit together
        if grace_minutes is not None:
            if not 0 <= grace_minutes <= 240:
                raise ValueError(said("grace time must be 0–240 minutes"))
            store.meta_set("attendance.grace_minutes", str(grace_minutes))
        if open_before_minutes is not None:
            if not 0 <= open_before_minutes <= 720:
                raise ValueError(said("opening time must be 0–720 minutes before the start"))
            store.meta_set("attendance.open_before_minutes", str(open_before_minutes))
        if desk is not None:
            store.meta_set("desk_name", desk.strip() or None)
        if operator is not None:
            store.meta_set("desk_operator", operator.strip() or None)
        changed = {"grace_minutes": grace_minutes, "open_before_minutes": open_before_minutes,
                   "desk": desk, "operator": operator}
        audit.record(store, "settings.change", target="attendance",
                     details={k: v for k, v in changed.items() if v is not None})


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some service environments
        return "desk"
