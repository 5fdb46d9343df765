"""The venue hub: an HTTPS server on the host desk's LAN address over its own database.

The handlers share one connection of their own (not the host GUI's), used by one request at a
time under a lock: one writer, and WAL lets the host desk keep marking meanwhile. Endpoints
(JSON; every one but `/info` and `/join` needs `Authorization: Bearer <desk token>`):

- `GET /info` — protocol, limits, the hub's device id and institute;
- `POST /join` `{"secret", "device_id", "device_name", "desk_number", "institute_code"}` →
  `201 {"token", "hub_device_id", "institute_code"}`; the secret works once;
- `POST /batches` (SYNC-PROTOCOL.md §6, `Idempotency-Key`) — a desk's own batch;
- `GET /changes?since=CURSOR&wait=SECONDS` (§7) — `wait` (≤ 5 s) holds the answer until
  there is something new, so a mark reaches the other desks without polling delay; the answer
  also carries `desks`, the venue's desk list;
- `POST /acks` `{"batch_ids": [...]}` → `{"acked": {batch_id: the portal's answer}}`;
- `POST /leave` — the token stops working.
"""

from __future__ import annotations

import gzip
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from desktop.core.centre import desk_number
from desktop.core.sync import outbox
from desktop.core.venue import code as codes
from desktop.core.venue import desks, relay, tls
from desktop.protocol.ids import now_ts
from desktop.store import Store, open_store

MAX_BODY = 6 * 1024 * 1024
MAX_WAIT = 5.0
DEFAULT_PORT = 47800
MAX_WRONG = 10  # wrong joining secrets before the code is replaced (8 letters: 2^40 codes)


def lan_address() -> str:
    """This machine's address on the local network (the route a packet out would take; no
    packet is sent), or loopback when there is no network at all."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


@dataclass
class HubState:
    """What the handlers share: the connection, its lock, and the current one-time secret."""

    store: Store
    lock: threading.Lock = field(default_factory=threading.Lock)
    secret: str | None = None
    on_join: Callable[[str], None] | None = None
    joined: int = 0
    closed: bool = False
    wrong: int = 0  # wrong secrets since the code was made


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], state: HubState, ctx: Any) -> None:
        super().__init__(address, _Handler)
        self.state = state
        # The handshake happens in the request's thread, not in the accepting one: a slow
        # or silent client cannot stall the hub.
        self.socket = ctx.wrap_socket(self.socket, server_side=True,
                                      do_handshake_on_connect=False)
        self._open: set[Any] = set()
        self._open_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def drop_connections(self) -> None:
        """Cut every open connection, as a closed lid would (keep-alive ones included)."""
        with self._open_lock:
            open_now = list(self._open)
        for request in open_now:
            try:
                request.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    timeout = 30

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib name)
        return  # requests carry names; nothing goes to a log

    def handle(self) -> None:
        try:
            self.connection.do_handshake()
        except (OSError, ValueError):
            return  # a desk with another pin, a port scanner: nothing to answer
        super().handle()

    # -- plumbing ---------------------------------------------------------------------------
    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        body = payload if isinstance(payload, bytes) else outbox.dumps(payload)
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise relay.BadBatch(400, "bad_content_length") from None
        if length < 0 or length > MAX_BODY:
            raise relay.BadBatch(413, "too_large")
        data = self.rfile.read(length)
        if (self.headers.get("Content-Encoding") or "").lower() == "gzip":
            try:
                data = gzip.decompress(data)
            except OSError:
                raise relay.BadBatch(400, "invalid_gzip") from None
            if len(data) > MAX_BODY:
                raise relay.BadBatch(413, "too_large")
        return data

    def _member(self) -> str | None:
        auth = self.headers.get("Authorization") or ""
        if not auth.startswith("Bearer "):
            return None
        with self.server.state.lock:
            return desks.member(self.server.state.store, auth[7:].strip())

    def do_GET(self) -> None:
        self._route("GET")

    def do_POST(self) -> None:
        self._route("POST")

    def _route(self, method: str) -> None:
        if self.server.state.closed:
            self.close_connection = True
            return self._send(503, {"error": "stopping"}, {"Retry-After": "2"})
        parts = urlsplit(self.path)
        path = parts.path.rstrip("/")
        try:
            body = self._body() if method == "POST" else b""
            if (method, path) == ("GET", "/info"):
                return self._info()
            if (method, path) == ("POST", "/join"):
                return self._join(body)
            device = self._member()
            if device is None:
                return self._send(401, {"error": "unknown_token"})
            if (method, path) == ("POST", "/batches"):
                return self._batch(device, body)
            if (method, path) == ("GET", "/changes"):
                return self._changes(device, parse_qs(parts.query))
            if (method, path) == ("POST", "/acks"):
                return self._acks(body)
            if (method, path) == ("POST", "/leave"):
                with self.server.state.lock:
                    desks.leave(self.server.state.store, device)
                return self._send(200, {"left": True})
            self._send(404, {"error": "not_found"})
        except relay.BadBatch as exc:
            payload: dict[str, Any] = {"error": exc.error}
            if exc.details is not None:
                payload["details"] = exc.details
            self._send(exc.status, payload)

    # -- endpoints --------------------------------------------------------------------------
    def _info(self) -> None:
        store = self.server.state.store
        self._send(200, {"protocol": 1, "max_records": 1000, "max_bytes": 5242880,
                         "server_time": now_ts(), "hub_device_id": store.device_id,
                         "institute_code": store.institute_code})

    def _join(self, body: bytes) -> None:
        state = self.server.state
        try:
            request = json.loads(body)
        except ValueError:
            return self._send(400, {"error": "invalid_json"})
        if not isinstance(request, dict):
            return self._send(400, {"error": "invalid_json"})
        with state.lock:
            try:
                token = desks.admit(state.store, state.secret, request)
            except desks.JoinRefused as exc:
                if exc.error == "bad_secret":
                    state.wrong += 1
                    if state.wrong >= MAX_WRONG:  # someone is guessing: the code changes
                        state.secret, state.wrong = codes.new_secret(), 0
                return self._send(exc.status, {"error": exc.error, "message": str(exc)})
            state.secret = codes.new_secret()  # one time: the next desk needs the next code
            state.wrong = 0
            state.joined += 1
        if state.on_join is not None:
            state.on_join(str(request.get("device_id")))
        self._send(201, {"token": token, "hub_device_id": state.store.device_id,
                         "institute_code": state.store.institute_code})

    def _batch(self, device: str, body: bytes) -> None:
        batch_id = self.headers.get("Idempotency-Key") or ""
        if not batch_id:
            raise relay.BadBatch(400, "missing_idempotency_key")
        with self.server.state.lock:
            status, answer, replay = relay.receive_batch(
                self.server.state.store, batch_id, body, device)
        self._send(status, answer, {"Idempotent-Replay": "true"} if replay else None)

    def _changes(self, device: str, query: dict[str, list[str]]) -> None:
        state = self.server.state
        cursor = (query.get("since") or [""])[0]
        try:
            wait = min(MAX_WAIT, max(0.0, float((query.get("wait") or ["0"])[0])))
        except ValueError:
            wait = 0.0
        deadline = time.monotonic() + wait
        while True:
            with state.lock:
                if state.closed:
                    self.close_connection = True
                    return self._send(503, {"error": "stopping"}, {"Retry-After": "2"})
                if relay.has_news(state.store, cursor, device) or time.monotonic() >= deadline:
                    page = relay.changes(state.store, cursor, device)
                    page["desks"] = desks.listing(state.store)
                    break
            time.sleep(0.05)
        self._send(200, page)

    def _acks(self, body: bytes) -> None:
        try:
            ids = json.loads(body).get("batch_ids")
        except (ValueError, AttributeError):
            ids = None
        if not isinstance(ids, list):
            raise relay.BadBatch(422, "invalid_request", "batch_ids: a list")
        with self.server.state.lock:
            found = relay.portal_answers(self.server.state.store, ids)
        self._send(200, {"acked": found})


class VenueHub:
    """Host a venue on the database at `path`: `start()`, show `code`, `stop()`."""

    def __init__(self, path: Path | str, *, bind: str = "0.0.0.0", port: int = DEFAULT_PORT,
                 address: str | None = None, advertise: bool = False,
                 actor: str | None = None) -> None:
        self.path = Path(path)
        self.actor = actor  # the desk user hosting (a coordinator, once the desk has users)
        self.bind, self.port = bind, port
        self.address = address or (lan_address() if bind in ("0.0.0.0", "") else bind)
        self.advertise = advertise
        self.fingerprint = ""
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._state: HubState | None = None
        self._zeroconf: Any = None
        self.institute, self.desk = "", 0

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def url(self) -> str:
        return f"https://{self.address}:{self.port}"

    @property
    def code(self) -> codes.JoinCode:
        assert self._state is not None and self._state.secret, "the hub is not running"
        return codes.JoinCode(self.address, self.port, self.fingerprint, self._state.secret)

    @property
    def joined_since_start(self) -> int:
        return self._state.joined if self._state else 0

    def start(self, on_join: Callable[[str], None] | None = None) -> VenueHub:
        store = open_store(self.path, create=False)
        try:
            store.actor = self.actor  # the person hosting must be allowed to ...
            desks.authorise(store)
            store.actor = None  # ... but what the hub writes for other desks is not theirs
            cert, key, self.fingerprint = tls.hub_identity(store, [self.address, "127.0.0.1"])
            desks.register_hub(store)
            self.institute, self.desk = store.institute_code or "", desk_number(store)
            state = HubState(store, secret=codes.new_secret(), on_join=on_join)
            server = _Server((self.bind, self.port), state, tls.server_context(cert, key))
        except BaseException:
            store.close()
            raise
        self.port = server.server_address[1]
        self._state, self._server = state, server
        self._thread = threading.Thread(target=server.serve_forever, name="venue-hub",
                                        kwargs={"poll_interval": 0.2}, daemon=True)
        self._thread.start()
        store.meta_set("venue.hosting", json.dumps({"url": self.url, "since": now_ts()}))
        if self.advertise:
            from desktop.core.venue import discovery

            self._zeroconf = discovery.advertise(self)
        return self

    def stop(self) -> None:
        """Stop serving. Desks keep marking offline and catch up when a hub returns."""
        if self._zeroconf is not None:
            from desktop.core.venue import discovery

            discovery.withdraw(self._zeroconf)
            self._zeroconf = None
        server, state = self._server, self._state
        self._server = None
        if state is not None:
            with state.lock:
                state.closed = True
        if server is not None:
            server.shutdown()
            server.server_close()
            server.drop_connections()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if state is not None:
            with state.lock:
                state.store.meta_set("venue.hosting", None)
                state.store.close()

    def __enter__(self) -> VenueHub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
