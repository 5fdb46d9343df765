"""Demo part: the desk's users. Every demo has one admin without a PIN, so scripts on a demo
database keep working without `--user`; `demo --team` adds a sample team with PINs (demo data,
printed in `demo --help`: never use them on a real desk)."""

from __future__ import annotations

import random
from typing import Any

from desktop.core.users import Role, add_user, has_users
from desktop.store import Store

ADMIN = "Admin"
#: name, role, PIN: the sample team of `demo --team`
TEAM: tuple[tuple[str, Role, str], ...] = (
    ("Kavita Rao", Role.COORDINATOR, "2222"),
    ("Tara Singh", Role.TRAINER, "3333"),
    ("Om Prakash", Role.OPERATOR, "1111"),
)


def seed(store: Store, rng: random.Random, context: dict[str, Any]) -> None:
    if has_users(store):  # a demo run again over a desk that has its users already
        return
    add_user(store, ADMIN, Role.ADMIN)
    made = [ADMIN]
    if context.get("team"):
        store.actor = ADMIN
        for name, role, pin in TEAM:
            add_user(store, name, role, pin)
            made.append(name)
        store.actor = None
    context["users"] = made
