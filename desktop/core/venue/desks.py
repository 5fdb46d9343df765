"""The desks of a venue: who joined the hub (by token hash), their desk numbers and last
contact. On the hub this is the membership list; on a joined desk it is the hub's list as
last received, so "marked at desk 2" can be said for a mark made elsewhere."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from desktop.core.centre import desk_number
from desktop.core.users import Permission, require
from desktop.protocol.ids import now_ts
from desktop.store import Store


class JoinRefused(Exception):
    """A wrong or used joining secret, or a desk of another institute."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error = status, error


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def register_hub(store: Store) -> None:
    """The host desk is desk one of its own venue list."""
    with store.transaction():
        store.conn.execute(
            """INSERT INTO venue_desk(device_id, desk_number, name, joined_at, last_contact, hub)
               VALUES (?, ?, ?, ?, ?, 1)
               ON CONFLICT(device_id) DO UPDATE SET desk_number = excluded.desk_number,
                   hub = 1, left_at = NULL, last_contact = excluded.last_contact""",
            (store.device_id, desk_number(store), "hub", now_ts(), now_ts()),
        )


def admit(store: Store, expected_secret: str | None, request: dict[str, Any]) -> str:
    """Check a join request against the current one-time secret; returns the desk's token.
    The caller forgets the secret once this returns (one time)."""
    given = str(request.get("secret") or "")
    if not expected_secret or not hmac.compare_digest(given.upper(), expected_secret):
        raise JoinRefused(403, "bad_secret",
                          "This joining code is wrong or was used already. Ask for a new one.")
    institute = request.get("institute_code")
    if institute != store.institute_code:
        raise JoinRefused(
            409, "other_institute",
            f"This desk belongs to institute {institute!r}; the venue is {store.institute_code!r}.",
        )
    device_id = str(request.get("device_id") or "")
    if not device_id or device_id == store.device_id:
        raise JoinRefused(422, "bad_device", "device_id: missing, or the hub's own.")
    number = request.get("desk_number")
    taken = store.conn.execute(
        "SELECT 1 FROM venue_desk WHERE desk_number = ? AND device_id != ? AND left_at IS NULL "
        "AND (hub = 1 OR token_sha256 IS NOT NULL)", (number, device_id)).fetchone()
    if taken:
        # The desk says "marked at desk N" and numbers certificates by desk: N must be one laptop.
        raise JoinRefused(
            409, "desk_number_taken",
            f"Desk {number} is already in this venue. Give this laptop another desk number "
            "(`karmayogi-desk init … --desk N`, or the centre's set-up) and join again.")
    token = secrets.token_urlsafe(32)
    with store.transaction():
        store.conn.execute(
            """INSERT INTO venue_desk(device_id, desk_number, name, token_sha256, joined_at,
                   last_contact) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT(device_id) DO UPDATE SET desk_number = excluded.desk_number,
                   name = excluded.name, token_sha256 = excluded.token_sha256,
                   joined_at = excluded.joined_at, last_contact = excluded.last_contact,
                   left_at = NULL""",
            (device_id, int(number) if isinstance(number, int) else None,
             str(request.get("device_name") or "")[:80], token_hash(token), now_ts(), now_ts()),
        )
    return token


def member(store: Store, token: str) -> str | None:
    """The device id a token belongs to (a desk that has not left), and note the contact."""
    row = store.conn.execute(
        "SELECT device_id FROM venue_desk WHERE token_sha256 = ? AND left_at IS NULL",
        (token_hash(token),),
    ).fetchone()
    if row is None:
        return None
    with store.transaction():
        store.conn.execute(
            "UPDATE venue_desk SET last_contact = ? WHERE device_id = ?", (now_ts(), row[0])
        )
    return str(row[0])


def leave(store: Store, device_id: str) -> None:
    with store.transaction():
        store.conn.execute(
            "UPDATE venue_desk SET left_at = ?, token_sha256 = NULL WHERE device_id = ?",
            (now_ts(), device_id),
        )


def listing(store: Store) -> list[dict[str, Any]]:
    """Every desk of the venue, the hub first (nothing secret in it)."""
    return [
        {"device_id": r["device_id"], "desk_number": r["desk_number"], "name": r["name"],
         "hub": bool(r["hub"]), "joined_at": r["joined_at"], "last_contact": r["last_contact"],
         "left_at": r["left_at"]}
        for r in store.conn.execute(
            "SELECT * FROM venue_desk ORDER BY hub DESC, desk_number, device_id")
    ]


def remember(store: Store, desks: list[dict[str, Any]]) -> None:
    """On a joined desk: keep the hub's list (numbers and contacts), no tokens."""
    with store.transaction():
        for d in desks:
            if not isinstance(d, dict) or not d.get("device_id"):
                continue
            store.conn.execute(
                """INSERT INTO venue_desk(device_id, desk_number, name, joined_at, last_contact,
                       left_at, hub) VALUES (?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(device_id) DO UPDATE SET desk_number = excluded.desk_number,
                       name = excluded.name, joined_at = excluded.joined_at,
                       last_contact = excluded.last_contact, left_at = excluded.left_at,
                       hub = excluded.hub""",
                (d["device_id"], d.get("desk_number"), d.get("name"), d.get("joined_at"),
                 d.get("last_contact"), d.get("left_at"), 1 if d.get("hub") else 0),
            )


def desk_of(store: Store, device_id: str | None) -> int | None:
    """The venue desk number of a device, if this database knows it."""
    if not device_id:
        return None
    row = store.conn.execute(
        "SELECT desk_number FROM venue_desk WHERE device_id = ?", (device_id,)
    ).fetchone()
    return None if row is None else row[0]


def authorise(store: Store) -> None:
    """Hosting or joining a venue is a coordinator's act ("Who did it", issue 16): the one
    place both pass through. `store.actor` must be the person at the desk (the GUI's and the
    CLI's signed-in user), not a background connection's."""
    require(store, Permission.VENUE)
