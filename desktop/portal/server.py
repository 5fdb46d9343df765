"""The portal's HTTP face: SYNC-PROTOCOL.md §2–8 as an ASGI app (Starlette), served by uvicorn.

Paths are served at the root and under a prefix (default `/offline/v1`), so both
`http://127.0.0.1:8765/info` and `http://127.0.0.1:8765/offline/v1/info` work. Every answer is
JSON with a Content-Length (HTTP/1.1 keep-alive). TLS is uvicorn's (`tls_cert`, `tls_key`);
several workers are separate processes on one store (`portal serve --workers N`), and the
store, not this module, makes a batch apply once (`desktop.portal.pg`, `desktop.portal.db`).

Safety: request bodies are refused early by their declared size (413), a body that does not
arrive within `Limits.body_seconds` is answered 408, each device gets `Limits.rate` requests per
second (burst `Limits.burst`) per worker and is answered 429 with `Retry-After` beyond it, and
one JSON line per request is logged without tokens (`karmayogi.portal` logger).

Extra pages (the state's view, 17b) plug in through `ROUTE_PROVIDERS` or `extra_routes`:
Starlette routes matched before the protocol's catch-all route.

Over 500 lines on purpose: `PortalApp` is the protocol's HTTP surface, one short method per
endpoint of §2–8 with the request checks each needs, next to the thread that serves it for the
tests; it holds no storage or applying (`desktop.portal.db`, `desktop.portal.apply`,
`desktop.portal.validate`), so splitting it would only scatter one table of routes."""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
import socket
import threading
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

import anyio
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from desktop.portal import validate as v
from desktop.portal.apply import ChainRefused
from desktop.portal.db import Device, PortalError, PortalStore, parse_cursor
from desktop.portal.stores import open_portal_store
from desktop.protocol.ids import now_ts

PROTOCOL = 1
DEFAULT_PREFIX = "/offline/v1"
BATCH_KEYS = ("protocol", "batch_id", "device_id", "institute_code", "created_at", "records")
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]
log = logging.getLogger("karmayogi.portal")

# Callables store -> Starlette routes, mounted before the protocol's routes (the state's
# view adds itself here: one line).
ROUTE_PROVIDERS: list[Callable[[PortalStore], Sequence[BaseRoute]]] = []


@dataclass
class Limits:
    """What `/info` announces and the portal enforces (small values make tests quick)."""

    max_records: int = 1000
    max_bytes: int = 5 * 1024 * 1024
    max_attachment_bytes: int = v.MAX_ATTACHMENT_BYTES
    changes_page: int = 1000
    rate: float = 20.0  # requests per second per device (per worker), sustained
    burst: int = 120  # ... and in a burst
    body_seconds: float = 60.0  # a request body must arrive within this


class Reject(Exception):
    """Answer the request with `status` and `{"error", "details"}`."""

    def __init__(self, status: int, error: str, details: Any = None, **headers: str) -> None:
        super().__init__(error)
        self.status = status
        self.body: dict[str, Any] = {"error": error}
        if details is not None:
            self.body["details"] = details
        self.headers = headers


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(body: bytes) -> Any:
    """Strict JSON: UTF-8, no duplicate keys, no NaN/Infinity (each would hide a bug)."""
    try:
        text = body.decode("utf-8")
        return json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants
        )
    except (UnicodeDecodeError, ValueError) as exc:
        raise Reject(400, "invalid_json", str(exc)) from exc


def json_response(status: int, payload: Any, headers: dict[str, str] | None = None,
                  raw: bytes | None = None) -> Response:
    body = raw if raw is not None else json.dumps(
        payload, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    return Response(body, status_code=status, headers={
        "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store",
        **(headers or {})})


class RateLimiter:
    """A token bucket per device (in this worker): `take` gives 0, or the seconds to wait."""

    def __init__(self) -> None:
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str, rate: float, burst: int) -> float:
        now = time.monotonic()
        with self._lock:
            if len(self._buckets) > 50_000:
                self._buckets.clear()
            tokens, last = self._buckets.get(key, (float(burst), now))
            tokens = min(float(burst), tokens + (now - last) * rate)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / rate


ROUTES: list[tuple[str, re.Pattern[str], str]] = [
    ("POST", re.compile(r"^/devices/enrol$"), "enrol"),
    ("GET", re.compile(r"^/info$"), "info"),
    ("GET", re.compile(r"^/health$"), "health"),
    ("PUT", re.compile(r"^/attachments/(?P<sha>[^/]+)$"), "put_attachment"),
    ("POST", re.compile(r"^/batches$"), "post_batch"),
    ("GET", re.compile(r"^/batches/(?P<batch_id>[^/]+)$"), "get_batch"),
    ("GET", re.compile(r"^/devices/(?P<device_id>[^/]+)/digest$"), "digest"),
    ("GET", re.compile(r"^/changes$"), "changes"),
    ("GET", re.compile(r"^/trust-list$"), "get_trust_list"),
    ("POST", re.compile(r"^/trust-list$"), "post_trust_list"),
    ("GET", re.compile(r"^/certificates/(?P<number>.+)$"), "certificate"),  # numbers may hold "/"
]


class Exchange:
    """One request's state: what the log line says, and whether its body was read."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.device: str | None = None
        self.body_read = False
        self.bytes_in = 0


class PortalApp:
    """The protocol's endpoints over one store; `endpoint` is the catch-all Starlette route."""

    def __init__(self, store: PortalStore, limits: Limits, prefix: str, quiet: bool) -> None:
        self.db = store
        self.limits = limits
        self.prefix = prefix.rstrip("/")
        self.quiet = quiet
        self.rate = RateLimiter()

    # --- plumbing -----------------------------------------------------------------------

    async def endpoint(self, request: Request) -> Response:
        started = time.perf_counter()
        ex = Exchange(request)
        method = request.method if request.method != "HEAD" else "GET"
        try:
            path = self._path(request)
            allowed = []
            response = None
            for route_method, pattern, name in ROUTES:
                match = pattern.match(path)
                if match:
                    if route_method == method:
                        params = {k: unquote(x) for k, x in match.groupdict().items()}
                        response = await getattr(self, name)(ex, **params)
                        break
                    allowed.append(route_method)
            if response is None:
                if allowed:
                    raise Reject(405, "method_not_allowed", None, Allow=", ".join(allowed))
                raise Reject(404, "not_found", path)
        except Reject as exc:
            response = json_response(exc.status, exc.body, exc.headers)
        except (PortalError, ChainRefused) as exc:
            body = {"error": exc.error}
            if exc.details is not None:
                body["details"] = exc.details
            response = json_response(exc.status, body)
        except (ClientDisconnect, ConnectionError):
            response = Response(b"", status_code=400, headers={"Connection": "close"})
        except Exception as exc:  # a bug or a crash: nothing committed, say so
            log.error("internal error: %r", exc, exc_info=not self.quiet)
            response = json_response(500, {"error": "internal_error"})
        if not ex.body_read and int(request.headers.get("content-length") or 0) > 0:
            response.headers["Connection"] = "close"  # the unread body makes the stream unusable
        if not self.quiet:
            log.info(json.dumps({
                "ts": now_ts(), "method": request.method, "path": request.url.path,
                "status": response.status_code, "ms": round((time.perf_counter() - started)
                                                            * 1000, 1),
                "device": ex.device, "in": ex.bytes_in, "out": len(response.body),
                "client": request.client.host if request.client else None,
            }, separators=(",", ":")))
        return response

    def _path(self, request: Request) -> str:
        raw = request.scope.get("raw_path")
        path = raw.decode("latin-1") if raw else request.url.path
        prefix = self.prefix
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            path = path[len(prefix) :] or "/"
        return path

    @staticmethod
    def _query(ex: Exchange) -> dict[str, list[str]]:
        return parse_qs(ex.request.scope.get("query_string", b"").decode("latin-1"),
                        keep_blank_values=True)

    async def _auth(self, ex: Exchange) -> Device:
        header = ex.request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        device = None
        if scheme.lower() == "bearer" and token.strip():
            device = await run_in_threadpool(self.db.device_for_token, token.strip())
        if device is None:
            raise Reject(401, "unauthorized", "unknown or revoked device token",
                         **{"WWW-Authenticate": 'Bearer realm="portal"'})
        ex.device = device.device_id
        wait = self.rate.take(device.device_id, self.limits.rate, self.limits.burst)
        if wait > 0:
            raise Reject(429, "rate_limited", f"more than {self.limits.rate:g} requests per "
                         "second from this device", **{"Retry-After": str(math.ceil(wait))})
        return device

    async def _read_body(self, ex: Exchange, limit: int, *, json_body: bool) -> bytes:
        """The (decompressed) body, refusing it early when it cannot fit `limit`."""
        headers = ex.request.headers
        if json_body:
            ctype = headers.get("content-type", "")
            if ctype.split(";")[0].strip().lower() != "application/json":
                raise Reject(415, "unsupported_media_type", "Content-Type must be application/json")
        if "chunked" in headers.get("transfer-encoding", "").lower():
            raise Reject(411, "length_required", "send a Content-Length, not chunked")
        length_text = headers.get("content-length")
        if length_text is None or not length_text.isdigit():
            raise Reject(411, "length_required", "Content-Length is required")
        length = int(length_text)
        encoding = headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("identity", "gzip"):
            raise Reject(415, "unsupported_encoding", "Content-Encoding must be gzip or absent")
        # gzip adds a few bytes per 32 KiB stored block to incompressible data
        ceiling = limit + limit // 1000 + 1024 if encoding == "gzip" else limit
        if length > ceiling:
            if length <= 64 * 1024 * 1024:  # read and drop it, so the client gets our 413
                await self._receive(ex, length, keep=False)
            raise Reject(413, "too_large", f"body over {limit} bytes")
        raw = await self._receive(ex, length, keep=True)
        if encoding == "identity":
            return raw
        try:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            body = inflater.decompress(raw, limit + 1)
        except zlib.error as exc:
            raise Reject(400, "invalid_gzip", str(exc)) from exc
        if len(body) > limit or inflater.unconsumed_tail:
            raise Reject(413, "too_large", f"decompressed body over {limit} bytes")
        if not inflater.eof or inflater.unused_data:
            raise Reject(400, "invalid_gzip", "truncated gzip stream or data after it")
        return body

    async def _receive(self, ex: Exchange, length: int, *, keep: bool) -> bytes:
        chunks: list[bytes] = []
        got = 0
        try:
            with anyio.fail_after(self.limits.body_seconds):
                async for chunk in ex.request.stream():
                    got += len(chunk)
                    if keep:
                        chunks.append(chunk)
        except TimeoutError as exc:
            raise Reject(408, "request_timeout",
                         f"the body did not arrive within {self.limits.body_seconds:g} s",
                         Connection="close") from exc
        ex.bytes_in = got
        ex.body_read = got == length
        if got != length:
            raise ConnectionError("body cut short")
        return b"".join(chunks)

    # --- §2 -----------------------------------------------------------------------------

    async def enrol(self, ex: Exchange) -> Response:
        body = parse_json(await self._read_body(ex, 64 * 1024, json_body=True))
        if not isinstance(body, dict):
            raise Reject(422, "invalid_request", "body must be a JSON object")
        return json_response(201, await run_in_threadpool(self.db.enrol, body))

    # --- §3 -----------------------------------------------------------------------------

    async def info(self, ex: Exchange) -> Response:
        # Discovery answers before enrolment too (a desk checks the protocol version before
        # spending its one-time code); a token that is presented must still be valid.
        if ex.request.headers.get("authorization"):
            await self._auth(ex)
        limits = self.limits
        return json_response(200, {
            "protocol": PROTOCOL,
            "max_records": limits.max_records,
            "max_bytes": limits.max_bytes,
            "server_time": now_ts(),
        })

    async def health(self, ex: Exchange) -> Response:
        """For monitoring (no token): 200 when the store answers, else 503."""
        try:
            state = await run_in_threadpool(self.db.health)
        except Exception as exc:  # the database is down: say so, without its address
            log.error("health: store unavailable: %s", type(exc).__name__)
            return json_response(503, {"status": "unavailable", "store": self.db.backend})
        return json_response(200, {"status": "ok", **state, "server_time": now_ts()})

    # --- §5 -----------------------------------------------------------------------------

    async def put_attachment(self, ex: Exchange, sha: str) -> Response:
        await self._auth(ex)
        if not v.SHA256_RE.match(sha):
            raise Reject(400, "invalid_sha256", "the path must end in 64 lowercase hex digits")
        body = await self._read_body(ex, self.limits.max_attachment_bytes, json_body=False)
        if hashlib.sha256(body).hexdigest() != sha:
            raise Reject(422, "hash_mismatch", "the body does not hash to the sha256 in the path")
        media_type = ex.request.headers.get("content-type") or "application/octet-stream"
        created = await run_in_threadpool(
            self.db.put_attachment, sha, body, media_type.split(";")[0].strip())
        return json_response(201 if created else 200, {"sha256": sha, "size": len(body)})

    # --- §6 -----------------------------------------------------------------------------

    async def post_batch(self, ex: Exchange) -> Response:
        device = await self._auth(ex)
        key = (ex.request.headers.get("idempotency-key") or "").strip()
        if not key:
            raise Reject(400, "missing_idempotency_key", "Idempotency-Key: <batch_id> is required")
        body = await self._read_body(ex, self.limits.max_bytes, json_body=True)
        return await run_in_threadpool(self._post_batch, device, key, body)

    def _post_batch(self, device: Device, key: str, body: bytes) -> Response:
        """The batch's checks and its one transaction (on a worker thread)."""
        limits = self.limits
        body_sha = hashlib.sha256(body).hexdigest()
        db = self.db
        stored = db.stored_batch(key)
        if stored is not None:
            return self._answer_known(
                stored[0] == body_sha and stored[1] == device.institute_code, bytes(stored[2]))
        batch = parse_json(body)
        problems = _batch_problems(batch, key)
        if problems:
            raise Reject(422, "invalid_batch", problems)
        if len(batch["records"]) > limits.max_records:
            raise Reject(413, "too_many_records",
                         f"{len(batch['records'])} records; at most {limits.max_records}")
        if batch["institute_code"] != device.institute_code:
            raise Reject(403, "wrong_institute",
                         f"this device belongs to {device.institute_code}, "
                         f"the batch names {batch['institute_code']}")
        origin_institute = db.device_institute(batch["device_id"])
        if origin_institute is not None and origin_institute != device.institute_code:
            raise Reject(403, "wrong_institute", "device_id is a device of another institute")
        outcome, response = db.apply_batch(
            batch["batch_id"], body_sha, device.institute_code, device.device_id,
            batch["records"],
        )
        if outcome == "new":
            return json_response(200, None, raw=response)
        return self._answer_known(outcome == "replay", response)

    @staticmethod
    def _answer_known(same: bool, response: bytes) -> Response:
        if same:
            return json_response(200, None, {"Idempotent-Replay": "true"}, raw=response)
        raise Reject(409, "batch_id_reused")

    async def get_batch(self, ex: Exchange, batch_id: str) -> Response:
        device = await self._auth(ex)
        stored = await run_in_threadpool(self.db.stored_batch, batch_id)
        if stored is None or stored[1] != device.institute_code:
            raise Reject(404, "not_found", "no batch with this id was applied")
        return json_response(200, None, raw=bytes(stored[2]))

    async def digest(self, ex: Exchange, device_id: str) -> Response:
        device = await self._auth(ex)
        if not v.is_uuid(device_id):
            raise Reject(400, "invalid_device_id", "device_id must be a UUID")
        other = await run_in_threadpool(self.db.device_institute, device_id)
        if other is not None and other != device.institute_code:
            raise Reject(403, "wrong_institute", "that device belongs to another institute")
        return json_response(200, await run_in_threadpool(self.db.digest, device_id))

    # --- §7 -----------------------------------------------------------------------------

    async def changes(self, ex: Exchange) -> Response:
        device = await self._auth(ex)
        since = (self._query(ex).get("since") or [""])[0]
        try:
            parse_cursor(since)
        except ValueError as exc:
            raise Reject(400, "invalid_cursor", str(exc)) from exc
        page = await run_in_threadpool(self.db.changes, device.institute_code, since,
                                       self.limits.changes_page)
        return json_response(200, page)

    # --- §8 -----------------------------------------------------------------------------

    async def get_trust_list(self, ex: Exchange) -> Response:
        await self._auth(ex)
        return json_response(200, await run_in_threadpool(self.db.trust_list))

    async def post_trust_list(self, ex: Exchange) -> Response:
        """Extension of this reference portal (not protocol v1): a desk publishes its own
        institute's signing keys, `{"keys": [...]}` in the §8 entry form."""
        device = await self._auth(ex)
        body = parse_json(await self._read_body(ex, 256 * 1024, json_body=True))
        if not isinstance(body, dict) or set(body) != {"keys"} or not isinstance(
            body["keys"], list
        ):
            raise Reject(422, "invalid_trust_list", 'body must be {"keys": [...]}')
        prefix = device.institute_code + ":"
        for i, entry in enumerate(body["keys"]):
            if not isinstance(entry, dict) or not str(entry.get("kid", "")).startswith(prefix):
                raise Reject(403, "wrong_institute", f"keys[{i}]: kid must start with {prefix}")

        def add_all() -> list[dict[str, Any]]:
            return [
                self.db.add_trust_key(
                    entry.get("kid"), entry.get("public_key"), entry.get("institute"),
                    entry.get("valid_from"), entry.get("valid_to"), added_by=device.device_id,
                )
                for entry in body["keys"]
            ]

        return json_response(200, {"keys": await run_in_threadpool(add_all)})

    async def certificate(self, ex: Exchange, number: str) -> Response:
        await self._auth(ex)
        status = await run_in_threadpool(self.db.certificate_status, number)
        if status is None:
            raise Reject(404, "not_found", "no certificate with this number")
        return json_response(200, status)


def create_app(store: PortalStore, limits: Limits | None = None, prefix: str = DEFAULT_PREFIX,
               *, quiet: bool = True, extra_routes: Sequence[BaseRoute] = ()) -> Starlette:
    """The ASGI app: `extra_routes` and `ROUTE_PROVIDERS`' routes first, then the protocol."""
    portal = PortalApp(store, limits or Limits(), prefix, quiet)
    routes: list[BaseRoute] = list(extra_routes)
    for provider in ROUTE_PROVIDERS:
        routes.extend(provider(store))
    routes.append(Route("/{path:path}", portal.endpoint, methods=METHODS))
    app = Starlette(routes=routes)
    app.state.store = store
    app.state.portal = portal
    return app


CONFIG_ENV = "KARMAYOGI_PORTAL_CONFIG"


def app_from_env() -> Starlette:
    """uvicorn's factory in each worker process (`portal serve --workers N`): the store and
    limits come from the serving command through the environment."""
    config = json.loads(os.environ[CONFIG_ENV])
    if not config.get("quiet") and not log.handlers:  # a worker process logs for itself
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    store = open_portal_store(config["store"], pool_size=config.get("pool_size", 8))
    return create_app(store, Limits(**config["limits"]), config["prefix"],
                      quiet=config.get("quiet", False))


def worker_environment(store: str | Path, limits: Limits, prefix: str, quiet: bool,
                       pool_size: int = 8) -> str:
    return json.dumps({"store": str(store), "limits": asdict(limits), "prefix": prefix,
                       "quiet": quiet, "pool_size": pool_size})


def _batch_problems(batch: Any, key: str) -> list[str]:
    """Whole-batch problems (422, nothing applied); per-record ones are answered per record."""
    if not isinstance(batch, dict):
        return ["the body must be a JSON object"]
    problems = [f"{k}: not a batch field" for k in batch if k not in BATCH_KEYS]
    problems += [f"{k}: is required" for k in BATCH_KEYS if k not in batch]
    if problems:
        return problems
    if batch["protocol"] != PROTOCOL or isinstance(batch["protocol"], bool):
        problems.append(f"protocol: must be {PROTOCOL}")
    if not v.is_uuid(batch["batch_id"]):
        problems.append("batch_id: must be a UUID")
    elif batch["batch_id"] != key:
        problems.append("batch_id: must equal the Idempotency-Key header")
    if not v.is_uuid(batch["device_id"]):
        problems.append("device_id: must be a UUID")
    if not isinstance(batch["institute_code"], str) or not batch["institute_code"]:
        problems.append("institute_code: must be a non-empty string")
    if not v.is_timestamp(batch["created_at"]):
        problems.append("created_at: must be an RFC 3339 UTC timestamp with milliseconds")
    if not isinstance(batch["records"], list):
        problems.append("records: must be an array")
    else:
        for i, record in enumerate(batch["records"]):
            if not isinstance(record, dict):
                problems.append(f"records[{i}]: must be a JSON object")
            elif not isinstance(record.get("id"), str):
                problems.append(f"records[{i}]: id must be a string")
    return problems


def listening_socket(host: str, port: int) -> socket.socket:
    """A bound, listening TCP socket (port 0: any free port), so its port is known before the
    server starts and can be handed to uvicorn (and to its worker processes)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY only on sockets that say they are TCP;
    # without it an answer's headers and body meet Nagle and delayed ACK (~40 ms each).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def uvicorn_config(app: Any, *, tls_cert: str | Path | None = None,
                   tls_key: str | Path | None = None, workers: int = 1,
                   keep_alive: int = 15) -> Any:
    """One configuration for tests and `portal serve`: no access log of uvicorn's own (ours
    is structured and has no tokens), no Server header, TLS when given."""
    import uvicorn

    return uvicorn.Config(
        app, factory=isinstance(app, str), workers=workers, lifespan="off",
        log_level="warning", access_log=False, server_header=False,
        timeout_keep_alive=keep_alive, timeout_graceful_shutdown=3,
        ssl_certfile=str(tls_cert) if tls_cert else None,
        ssl_keyfile=str(tls_key) if tls_key else None,
    )


@dataclass
class RunningPortal:
    """A portal serving on a background thread (tests, demos); `stop()` ends it."""

    db: PortalStore
    server: Any  # uvicorn.Server
    thread: threading.Thread
    sock: socket.socket
    prefix: str
    limits: Limits = field(default_factory=Limits)
    scheme: str = "http"

    @property
    def root_url(self) -> str:
        host, port = self.sock.getsockname()[:2]
        return f"{self.scheme}://[{host}]:{port}" if ":" in host else \
            f"{self.scheme}://{host}:{port}"

    @property
    def url(self) -> str:
        """The base URL a desk is configured with (root; `prefixed_url` works the same)."""
        return self.root_url

    @property
    def prefixed_url(self) -> str:
        return self.root_url + self.prefix

    @property
    def port(self) -> int:
        return int(self.sock.getsockname()[1])

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()
        self.db.close()

    def __enter__(self) -> RunningPortal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # admin helpers, so tests need not reach into the database
    def add_enrolment_code(self, code: str, institute_code: str | None = None,
                           name_en: str | None = None, name_hi: str | None = None) -> None:
        self.db.add_enrolment_code(code, institute_code, name_en, name_hi)

    def add_institute(self, code: str, name_en: str, name_hi: str | None = None) -> None:
        self.db.add_institute(code, name_en, name_hi)

    def add_trust_key(self, kid: str, public_key: str, institute: str, valid_from: str,
                      valid_to: str | None = None) -> dict[str, Any]:
        return self.db.add_trust_key(kid, public_key, institute, valid_from, valid_to)

    def put_record(self, record: dict[str, Any]) -> str:
        return self.db.put_admin_record(record)

    def revoke_device(self, device_id: str) -> bool:
        return self.db.revoke_device(device_id)

    def records(self, kinds: list[str] | None = None) -> list[dict[str, Any]]:
        return self.db.records(kinds)

    def applied_versions(self) -> list[dict[str, Any]]:
        return self.db.applied_versions()

    def digest(self, device_id: str) -> dict[str, Any]:
        return self.db.digest(device_id)


def start_portal(store: Path | str, host: str = "127.0.0.1", port: int = 0, *,
                 prefix: str = DEFAULT_PREFIX, quiet: bool = True,
                 tls_cert: str | Path | None = None, tls_key: str | Path | None = None,
                 extra_routes: Sequence[BaseRoute] = (), **limits: Any) -> RunningPortal:
    """Serve with uvicorn on a daemon thread; `store` is a SQLite folder or a
    `postgresql://` URL, `limits` are `Limits` fields (max_records=5, rate=2, ...)."""
    import uvicorn

    lim = Limits(**limits)
    db = open_portal_store(store)
    try:
        sock = listening_socket(host, port)
    except BaseException:
        db.close()  # the port was taken: do not leave the database open behind us
        raise
    app = create_app(db, lim, prefix, quiet=quiet, extra_routes=extra_routes)
    server = uvicorn.Server(uvicorn_config(app, tls_cert=tls_cert, tls_key=tls_key))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="portal",
                              daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            sock.close()
            db.close()
            raise RuntimeError("the portal did not start (see the log above)")
        time.sleep(0.005)
    return RunningPortal(db=db, server=server, thread=thread, sock=sock, prefix=prefix,
                         limits=lim, scheme="https" if tls_cert else "http")


def _mount_state_view() -> None:
    """The state's view for headquarters (desktop/portal/state), before the protocol's routes."""
    from desktop.portal.state.asgi import routes

    ROUTE_PROVIDERS.append(routes)


_mount_state_view()
