"""A desk's membership of a venue: join, exchange, leave, and what is waiting.

`exchange` is one round: own pending versions are frozen into batches (exactly as a portal
sync would freeze them, so the same batch id and bytes later reach the portal once, whoever
relays them), batches the hub has not had yet go up, the portal's answers for batches the hub
already relayed come back (those batches are then acknowledged here, as a receipt would do),
and everyone else's records come down from `/changes` (last writer wins; clashes are held,
as on a pull). A desk that cannot reach the hub keeps marking; the next round catches up.

The desk's token and the pinned certificate live in the private keys folder, never in the
database; the database keeps only the hub's address, fingerprint and the cursor."""

from __future__ import annotations

import json
import socket
import threading
from pathlib import Path
from typing import Any

from desktop.core.centre import desk_number
from desktop.core.sync import outbox
from desktop.core.sync.held import apply_pulled, held_records, retry_held
from desktop.core.sync.keys import keys_dir
from desktop.core.venue import code as codes
from desktop.core.venue import desks, relay, tls
from desktop.core.venue.client import HubClient, HubUnreachable, NotJoined, VenueError
from desktop.protocol.ids import now_ts
from desktop.store import Store, open_store

TOKEN_FILE = "venue-token"
JOINED = "venue.joined"
CURSOR = "venue.cursor"
LAST_CONTACT = "venue.last_contact"
LAST_ERROR = "venue.last_error"


def joined(store: Store) -> dict[str, Any] | None:
    text = store.meta_get(JOINED)
    return json.loads(text) if text else None


def _token_path(store: Store) -> Path:
    return keys_dir(store) / TOKEN_FILE


def _token(store: Store) -> str | None:
    path = _token_path(store)
    return path.read_text(encoding="utf-8").strip() if path.exists() else None


def join(store: Store, text: str, *, device_name: str | None = None) -> dict[str, Any]:
    """Check the hub's certificate against the code, then ask to join with its secret."""
    code = codes.parse(text)
    desks.authorise(store)
    if joined(store):
        raise VenueError("This desk is already in a venue. Leave it first.")
    try:
        pem = tls.fetch_certificate(code.host, code.port)
    except OSError as exc:
        raise HubUnreachable(
            f"No hub answers at {code.host}:{code.port} ({exc.strerror or exc}). Is the host "
            "desk hosting, and are both on the same Wi-Fi?") from None
    tls.check_pin(pem, code.fingerprint)
    request = {"secret": code.secret, "device_id": store.device_id,
               "device_name": device_name or socket.gethostname(),
               "desk_number": desk_number(store), "institute_code": store.institute_code}
    with HubClient(code.url, pem) as client:
        _, answer, _ = client.request("POST", "/join", json=request)
    tls.save_pinned(store, pem)
    tls.write_private(_token_path(store), str(answer["token"]).encode("utf-8"))
    state = {"url": code.url, "fingerprint": code.fingerprint,
             "hub_device_id": answer["hub_device_id"], "joined_at": now_ts()}
    with store.transaction():
        store.meta_set(JOINED, json.dumps(state))
        store.meta_set(CURSOR, "")
        store.meta_set(LAST_ERROR, None)
    return state


def _client(store: Store) -> tuple[HubClient, dict[str, Any]]:
    state, token, pem = joined(store), _token(store), tls.load_pinned(store)
    if not state or not token or not pem:
        raise NotJoined("This desk has not joined a venue.")
    return HubClient(state["url"], pem, token), state


def _limits(store: Store) -> outbox.Limits:
    text = store.meta_get("sync.limits")
    return outbox.Limits.from_info(json.loads(text)) if text else outbox.Limits()


def _unsent(store: Store) -> list[outbox.BatchRow]:
    ids = [r[0] for r in store.conn.execute(
        "SELECT b.batch_id FROM sync_batch b WHERE b.relayed = 0 "
        "AND b.state IN ('queued', 'sending') AND b.device_id = ? "
        "AND NOT EXISTS (SELECT 1 FROM venue_sent s WHERE s.batch_id = b.batch_id) "
        "ORDER BY b.created_at, b.rowid", (store.device_id,))]
    return [b for b in (outbox.get_batch(store, i) for i in ids) if b is not None]


def _awaiting_portal(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute(
        "SELECT s.batch_id FROM venue_sent s JOIN sync_batch b ON b.batch_id = s.batch_id "
        "WHERE b.state IN ('queued', 'sending')")]


def exchange(store: Store, *, wait: float = 0.0, acks: bool = True) -> dict[str, int]:
    """One round with the hub; returns `{"sent", "received", "acked"}` (records)."""
    client, state = _client(store)
    result = {"sent": 0, "received": 0, "acked": 0}
    try:
        with client:
            outbox.freeze_pending(store, _limits(store))
            for batch in _unsent(store):
                client.request("POST", "/batches", content=batch.body,
                               headers={"Idempotency-Key": batch.batch_id,
                                        "Content-Type": "application/json"})
                with store.transaction():
                    store.conn.execute(
                        "INSERT OR IGNORE INTO venue_sent(batch_id, hub_device_id, at) "
                        "VALUES (?, ?, ?)", (batch.batch_id, state["hub_device_id"], now_ts()))
                result["sent"] += batch.record_count
            if acks:
                result["acked"] = _take_acks(store, client)
            result["received"] = _pull(store, client, wait)
    except VenueError as exc:
        store.meta_set(LAST_ERROR, str(exc))
        raise
    with store.transaction():
        store.meta_set(LAST_CONTACT, now_ts())
        store.meta_set(LAST_ERROR, None)
    return result


def _take_acks(store: Store, client: HubClient) -> int:
    waiting = _awaiting_portal(store)
    if not waiting:
        return 0
    _, body, _ = client.request("POST", "/acks", json={"batch_ids": waiting})
    acked = 0
    for batch_id, response in (body.get("acked") or {}).items():
        if batch_id in waiting:
            acked += outbox.apply_response(store, batch_id, response, via="venue").acked
    return acked


def _pull(store: Store, client: HubClient, wait: float) -> int:
    applied = retry_held(store)
    cursor = store.meta_get(CURSOR) or ""
    for _ in range(10_000):
        _, page, _ = client.request("GET", "/changes", params={"since": cursor, "wait": wait},
                                    read=wait + 10.0)
        records = page.get("records") or []
        with store.transaction():
            for record in records:
                status = apply_pulled(store, record)
                applied += status == "applied"
                if status == "stale":
                    relay.note_losing_mark(store, record)
            for record in page.get("superseded") or []:
                if isinstance(record, dict) and record.get("kind") == "attendance":
                    relay.note_losing_mark(store, record)
            store.meta_set(CURSOR, page.get("cursor") or cursor)
        desks.remember(store, page.get("desks") or [])
        if not (records or page.get("superseded")) or page.get("cursor") == cursor:
            break
        cursor, wait = page.get("cursor") or cursor, 0.0
    return applied


def leave(store: Store) -> None:
    """Tell the hub (if it answers) and forget the token, the pin and the cursor. Marks made
    here stay queued for the portal; nothing is lost."""
    try:
        client, _ = _client(store)
        with client:
            client.request("POST", "/leave")
    except VenueError:
        pass  # the hub is gone: leaving is still leaving
    path = _token_path(store)
    if path.exists():
        path.unlink()
    tls.forget_pinned(store)
    with store.transaction():
        store.meta_set(JOINED, None)
        store.meta_set(CURSOR, None)
        store.meta_set(LAST_ERROR, None)


def status(store: Store) -> dict[str, Any]:
    """What `venue status` and the Venue panel show; no network."""
    hosting = store.meta_get("venue.hosting")
    state = joined(store)
    unsent = _unsent(store)
    # Capped like the status bar's count: a fresh import of lakhs must not cost a second here.
    loose = store.conn.execute(
        "SELECT count(*) FROM (SELECT DISTINCT kind, record_id FROM change_log "
        "WHERE state = 'pending' AND origin = ? LIMIT 10001)", (store.device_id,)).fetchone()[0]
    return {
        "role": "host" if hosting else ("joined" if state else "none"),
        "hosting": json.loads(hosting) if hosting else None,
        "joined": state,
        "desk_number": desk_number(store),
        "last_contact": store.meta_get(LAST_CONTACT),
        "last_error": store.meta_get(LAST_ERROR),
        "desks": desks.listing(store),
        "waiting_for_hub": int(loose) + sum(b.record_count for b in unsent),
        "waiting_for_portal_via_hub": int(store.conn.execute(
            "SELECT coalesce(sum(b.record_count), 0) FROM venue_sent s JOIN sync_batch b "
            "ON b.batch_id = s.batch_id WHERE b.state IN ('queued', 'sending')").fetchone()[0]),
        "held": len(held_records(store)),
        **relay.waiting(store),
    }


class Follower:
    """Exchange with the hub continuously on a connection of its own (tests, the bench, the
    CLI): a round holds the pull up to `wait` seconds at the hub, so a mark made elsewhere
    arrives as soon as the hub has it, and a mark made here waits at most `wait` to go up."""

    def __init__(self, path: Path | str, *, wait: float = 0.5, pause: float = 1.0) -> None:
        self.path, self.wait, self.pause = Path(path), wait, pause
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.rounds = 0
        self.errors: list[str] = []

    def start(self) -> Follower:
        self._thread = threading.Thread(target=self._run, name="venue-follower", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        store = open_store(self.path, create=False, migrate=False)
        try:
            while not self._stop.is_set():
                try:
                    exchange(store, wait=self.wait, acks=self.rounds % 10 == 0)
                    self.rounds += 1
                except NotJoined as exc:
                    self.errors.append(str(exc))
                    return
                except VenueError as exc:
                    self.errors.append(str(exc))
                    self._stop.wait(self.pause)
        finally:
            store.close()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=15)


