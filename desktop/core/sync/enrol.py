"""Enrolment with a portal (SYNC-PROTOCOL §2) and what it leaves in `meta`: the portal's
address, this desk's institute as the portal knows it, whether the token was refused. The
device token itself is a 0600 file (DeviceKeys), never in the database."""

from __future__ import annotations

import json
import socket
from typing import Any

import httpx

from desktop.core.sync import outbox
from desktop.core.sync.client import PortalClient, PortalError
from desktop.core.sync.keys import DeviceKeys
from desktop.core.users import Permission, require
from desktop.protocol.ids import now_ts
from desktop.store import Store
from desktop.text.said import said


def portal_url(store: Store) -> str | None:
    return store.meta_get("sync.portal_url")


def institute_info(store: Store) -> dict[str, Any] | None:
    text = store.meta_get("sync.institute")
    return json.loads(text) if text else None


def needs_reenrol(store: Store) -> bool:
    return store.meta_get("sync.auth_failed") == "1"


def enrol(
    store: Store,
    url: str,
    code: str,
    *,
    device_name: str | None = None,
    ca_bundle: str | None = None,
    transport: httpx.BaseTransport | None = None,
    keys: DeviceKeys | None = None,
) -> dict[str, Any]:
    """§2: enrol with a one-time code; the token goes to a 0600 file, never the database."""
    require(store, Permission.SYNC)
    keys = keys or DeviceKeys.for_store(store)
    if not store.institute_code:
        raise PortalError(said("Set up this centre first (`karmayogi-desk init`)."))
    with PortalClient(url, ca_bundle=ca_bundle, transport=transport) as client:
        info = client.info()
        if info.get("protocol") != outbox.PROTOCOL:
            raise PortalError(
                said(
                    "The portal speaks sync protocol {theirs!r}; this desk speaks {ours}.",
                    theirs=info.get('protocol'), ours=outbox.PROTOCOL,
                )
            )
        answer = client.enrol(
            {
                "enrolment_code": code.strip(),
                "device_id": store.device_id,
                "device_name": device_name or socket.gethostname() or "Karmayogi Desk",
                "institute_code": store.institute_code,
                "public_key": keys.public_key_b64(),
            }
        )
    token = answer.get("device_token") if isinstance(answer, dict) else None
    institute = answer.get("institute") if isinstance(answer, dict) else None
    if not token or not isinstance(institute, dict):
        raise PortalError(said("The portal's enrolment answer lacks a token or institute."))
    if institute.get("code") and institute["code"] != store.institute_code:
        raise PortalError(
            said(
                "This code enrols a desk of institute {code}, but this desk belongs to "
                "{institute_code}. Ask the portal administrator for the right code.",
                code=institute['code'], institute_code=store.institute_code,
            )
        )
    keys.save_token(str(token))
    previous = portal_url(store)
    with store.transaction():
        store.meta_set("sync.portal_url", client.base_url)
        store.meta_set("sync.institute", json.dumps(institute, ensure_ascii=False))
        store.meta_set("sync.limits", json.dumps(info))
        store.meta_set("sync.enrolled_at", now_ts())
        store.meta_set("sync.auth_failed", None)
        if ca_bundle:
            store.meta_set("sync.ca_bundle", ca_bundle)
        if previous and previous != client.base_url:
            # Another portal: its feed starts afresh, and it holds none of our uploads.
            store.meta_set("sync.cursor", None)
            store.conn.execute("DELETE FROM sync_attachment_sent")
    return {"portal": client.base_url, "institute": institute, "device_id": store.device_id}
