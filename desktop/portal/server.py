"""The reference portal's HTTP face: SYNC-PROTOCOL.md §2–8 over `http.server`.

Paths are served at the root and under a prefix (default `/offline/v1`), so both
`http://127.0.0.1:8765/info` and `http://127.0.0.1:8765/offline/v1/info` work. Plain HTTP,
meant for loopback (§1). Every answer is JSON with a Content-Length (HTTP/1.1 keep-alive).

Over 500 lines on purpose: `PortalHandler` is the protocol's HTTP surface, one short method
per endpoint of §2–8, with the request checks each needs; it holds no storage or applying
(`desktop.portal.db`, `desktop.portal.apply`, `desktop.portal.validate`), so splitting it would
only scatter one table of routes."""

from __future__ import annotations

import hashlib
import json
import re
import socket
import sys
import threading
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from desktop.portal import validate as v
from desktop.portal.db import Device, PortalDB, PortalError, parse_cursor
from desktop.protocol.ids import now_ts

PROTOCOL = 1
DEFAULT_PREFIX = "/offline/v1"
BATCH_KEYS = ("protocol", "batch_id", "device_id", "institute_code", "created_at", "records")


@dataclass
class Limits:
    """What `/info` announces and the portal enforces (small values make tests quick)."""

    max_records: int = 1000
    max_bytes: int = 5 * 1024 * 1024
    max_attachment_bytes: int = v.MAX_ATTACHMENT_BYTES
    changes_page: int = 1000


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


class PortalServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], db: PortalDB, limits: Limits, prefix: str,
                 quiet: bool) -> None:
        self.db = db
        self.limits = limits
        self.prefix = prefix.rstrip("/")
        self.quiet = quiet
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        if ":" in address[0]:  # ::1
            self.address_family = socket.AF_INET6
        super().__init__(address, PortalHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def drop_connections(self) -> None:
        """Close kept-alive connections so a stopped portal really is gone."""
        with self._open_lock:
            sockets = list(self._open)
            self._open.clear()
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


ROUTES: list[tuple[str, re.Pattern[str], str]] = [
    ("POST", re.compile(r"^/devices/enrol$"), "enrol"),
    ("GET", re.compile(r"^/info$"), "info"),
    ("PUT", re.compile(r"^/attachments/(?P<sha>[^/]+)$"), "put_attachment"),
    ("POST", re.compile(r"^/batches$"), "post_batch"),
    ("GET", re.compile(r"^/batches/(?P<batch_id>[^/]+)$"), "get_batch"),
    ("GET", re.compile(r"^/devices/(?P<device_id>[^/]+)/digest$"), "digest"),
    ("GET", re.compile(r"^/changes$"), "changes"),
    ("GET", re.compile(r"^/trust-list$"), "get_trust_list"),
    ("POST", re.compile(r"^/trust-list$"), "post_trust_list"),
    ("GET", re.compile(r"^/certificates/(?P<number>.+)$"), "certificate"),  # numbers may hold "/"
]


class PortalHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "KarmayogiReferencePortal/1"
    timeout = 60  # an idle kept-alive connection is dropped after this
    server: PortalServer

    # --- plumbing -----------------------------------------------------------------------

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib name)
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def _dispatch(self, method: str) -> None:
        self._body_read = False
        try:
            path = self._path()
            if path == "/state" or path.startswith("/state/"):  # the state's view, not §2-8
                self._state_view(method, path)
                return
            allowed = []
            for route_method, pattern, name in ROUTES:
                match = pattern.match(path)
                if match:
                    if route_method == method:
                        getattr(self, name)(**{k: unquote(x) for k, x in match.groupdict().items()})
                        return
                    allowed.append(route_method)
            if allowed:
                raise Reject(405, "method_not_allowed", None, Allow=", ".join(allowed))
            raise Reject(404, "not_found", path)
        except Reject as exc:
            self._send(exc.status, exc.body, exc.headers)
        except PortalError as exc:
            body = {"error": exc.error}
            if exc.details is not None:
                body["details"] = exc.details
            self._send(exc.status, body)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception as exc:  # a bug or a crash: nothing committed, say so
            self.log_error("internal error: %r", exc)
            try:
                self._send(500, {"error": "internal_error"})
            except OSError:
                self.close_connection = True

    def _state_view(self, method: str, path: str) -> None:
        """Hand the request to the state's view (`desktop.portal.state.web`), send its answer."""
        from desktop.portal.state.web import Request, handle

        body = self._read_body(64 * 1024, json_body=False) if method == "POST" else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        answer = handle(self.server.db, Request(method, path, self._query(), headers, body))
        self.send_response(answer.status)
        for name, value in [*answer.all_headers(), ("Content-Length", str(len(answer.body)))]:
            self.send_header(name, value)
        self._headers_buffer.append(b"\r\n" + answer.body)  # one write, as `_send`
        self.flush_headers()

    def _path(self) -> str:
        path = urlsplit(self.path).path
        prefix = self.server.prefix
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            path = path[len(prefix) :] or "/"
        return path

    def _query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query, keep_blank_values=True)

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None,
              raw: bytes | None = None) -> None:
        body = raw if raw is not None else json.dumps(
            payload, ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8")
        if not self._body_read and int(self.headers.get("Content-Length") or 0) > 0:
            self.close_connection = True  # we did not read the body: the stream is unusable
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        # Headers and body in one write: two small writes meet Nagle and delayed ACK and
        # cost ~40 ms per answer on loopback.
        self._headers_buffer.append(b"\r\n")
        if self.command != "HEAD":
            self._headers_buffer.append(body)
        self.flush_headers()

    def _auth(self) -> Device:
        header = self.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        device = None
        if scheme.lower() == "bearer" and token.strip():
            device = self.server.db.device_for_token(token.strip())
        if device is None:
            raise Reject(401, "unauthorized", "unknown or revoked device token",
                         **{"WWW-Authenticate": 'Bearer realm="portal"'})
        return device

    def _read_body(self, limit: int, *, json_body: bool) -> bytes:
        """The (decompressed) body, refusing it early when it cannot fit `limit`."""
        if json_body:
            ctype = self.headers.get("Content-Type", "")
            if ctype.split(";")[0].strip().lower() != "application/json":
                raise Reject(415, "unsupported_media_type", "Content-Type must be application/json")
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise Reject(411, "length_required", "send a Content-Length, not chunked")
        length_text = self.headers.get("Content-Length")
        if length_text is None or not length_text.isdigit():
            raise Reject(411, "length_required", "Content-Length is required")
        length = int(length_text)
        encoding = self.headers.get("Content-Encoding", "identity").strip().lower()
        if encoding not in ("identity", "gzip"):
            raise Reject(415, "unsupported_encoding", "Content-Encoding must be gzip or absent")
        # gzip adds a few bytes per 32 KiB stored block to incompressible data
        ceiling = limit + limit // 1000 + 1024 if encoding == "gzip" else limit
        if length > ceiling:
            self._discard(length)
            raise Reject(413, "too_large", f"body over {limit} bytes")
        raw = self.rfile.read(length)
        self._body_read = True
        if len(raw) != length:
            self.close_connection = True
            raise ConnectionError("body cut short")
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

    def _discard(self, length: int) -> None:
        """Read and drop a refused body (up to 64 MiB) so the client, still sending, gets
        to read our 413 instead of a reset connection."""
        if length > 64 * 1024 * 1024:
            return  # not worth it: close instead (`_send` sees the unread body)
        remaining = length
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 1 << 20))
            if not chunk:
                break
            remaining -= len(chunk)
        self._body_read = remaining == 0

    # --- §2 -----------------------------------------------------------------------------

    def enrol(self) -> None:
        body = parse_json(self._read_body(64 * 1024, json_body=True))
        if not isinstance(body, dict):
            raise Reject(422, "invalid_request", "body must be a JSON object")
        self._send(201, self.server.db.enrol(body))

    # --- §3 -----------------------------------------------------------------------------

    def info(self) -> None:
        # Discovery answers before enrolment too (a desk checks the protocol version before
        # spending its one-time code); a token that is presented must still be valid.
        if self.headers.get("Authorization"):
            self._auth()
        limits = self.server.limits
        self._send(
            200,
            {
                "protocol": PROTOCOL,
                "max_records": limits.max_records,
                "max_bytes": limits.max_bytes,
                "server_time": now_ts(),
            },
        )

    # --- §5 -----------------------------------------------------------------------------

    def put_attachment(self, sha: str) -> None:
        self._auth()
        if not v.SHA256_RE.match(sha):
            raise Reject(400, "invalid_sha256", "the path must end in 64 lowercase hex digits")
        body = self._read_body(self.server.limits.max_attachment_bytes, json_body=False)
        if hashlib.sha256(body).hexdigest() != sha:
            raise Reject(422, "hash_mismatch", "the body does not hash to the sha256 in the path")
        media_type = self.headers.get("Content-Type") or "application/octet-stream"
        created = self.server.db.put_attachment(sha, body, media_type.split(";")[0].strip())
        self._send(201 if created else 200, {"sha256": sha, "size": len(body)})

    # --- §6 -----------------------------------------------------------------------------

    def post_batch(self) -> None:
        device = self._auth()
        key = (self.headers.get("Idempotency-Key") or "").strip()
        if not key:
            raise Reject(400, "missing_idempotency_key", "Idempotency-Key: <batch_id> is required")
        limits = self.server.limits
        body = self._read_body(limits.max_bytes, json_body=True)
        body_sha = hashlib.sha256(body).hexdigest()
        db = self.server.db
        stored = db.stored_batch(key)
        if stored is not None:
            self._answer_known(stored[0] == body_sha and stored[1] == device.institute_code,
                               bytes(stored[2]))
            return
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
            self._send(200, None, raw=response)
        else:
            self._answer_known(outcome == "replay", response)

    def _answer_known(self, same: bool, response: bytes) -> None:
        if same:
            self._send(200, None, {"Idempotent-Replay": "true"}, raw=response)
        else:
            raise Reject(409, "batch_id_reused")

    def get_batch(self, batch_id: str) -> None:
        device = self._auth()
        stored = self.server.db.stored_batch(batch_id)
        if stored is None or stored[1] != device.institute_code:
            raise Reject(404, "not_found", "no batch with this id was applied")
        self._send(200, None, raw=bytes(stored[2]))

    def digest(self, device_id: str) -> None:
        device = self._auth()
        if not v.is_uuid(device_id):
            raise Reject(400, "invalid_device_id", "device_id must be a UUID")
        other = self.server.db.device_institute(device_id)
        if other is not None and other != device.institute_code:
            raise Reject(403, "wrong_institute", "that device belongs to another institute")
        self._send(200, self.server.db.digest(device_id))

    # --- §7 -----------------------------------------------------------------------------

    def changes(self) -> None:
        device = self._auth()
        since = (self._query().get("since") or [""])[0]
        try:
            parse_cursor(since)
        except ValueError as exc:
            raise Reject(400, "invalid_cursor", str(exc)) from exc
        self._send(200, self.server.db.changes(device.institute_code, since,
                                               self.server.limits.changes_page))

    # --- §8 -----------------------------------------------------------------------------

    def get_trust_list(self) -> None:
        self._auth()
        self._send(200, self.server.db.trust_list())

    def post_trust_list(self) -> None:
        """Extension of this reference portal (not protocol v1): a desk publishes its own
        institute's signing keys, `{"keys": [...]}` in the §8 entry form."""
        device = self._auth()
        body = parse_json(self._read_body(256 * 1024, json_body=True))
        if not isinstance(body, dict) or set(body) != {"keys"} or not isinstance(
            body["keys"], list
        ):
            raise Reject(422, "invalid_trust_list", 'body must be {"keys": [...]}')
        prefix = device.institute_code + ":"
        for i, entry in enumerate(body["keys"]):
            if not isinstance(entry, dict) or not str(entry.get("kid", "")).startswith(prefix):
                raise Reject(403, "wrong_institute", f"keys[{i}]: kid must start with {prefix}")
        accepted = []
        for entry in body["keys"]:
            accepted.append(
                self.server.db.add_trust_key(
                    entry.get("kid"), entry.get("public_key"), entry.get("institute"),
                    entry.get("valid_from"), entry.get("valid_to"),
                    added_by=device.device_id,
                )
            )
        self._send(200, {"keys": accepted})

    def certificate(self, number: str) -> None:
        self._auth()
        status = self.server.db.certificate_status(number)
        if status is None:
            raise Reject(404, "not_found", "no certificate with this number")
        self._send(200, status)


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


@dataclass
class RunningPortal:
    """A portal serving on a background thread (tests, demos); `stop()` ends it."""

    db: PortalDB
    server: PortalServer
    thread: threading.Thread
    prefix: str
    limits: Limits = field(default_factory=Limits)

    @property
    def root_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    @property
    def url(self) -> str:
        """The base URL a desk is configured with (root; `prefixed_url` works the same)."""
        return self.root_url

    @property
    def prefixed_url(self) -> str:
        return self.root_url + self.prefix

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.server.drop_connections()
        self.thread.join(timeout=5)
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


def make_server(data_dir: Path | str, host: str = "127.0.0.1", port: int = 0, *,
                prefix: str = DEFAULT_PREFIX, quiet: bool = False,
                limits: Limits | None = None) -> PortalServer:
    db = PortalDB(data_dir)
    try:
        return PortalServer((host, port), db, limits or Limits(), prefix, quiet)
    except BaseException:
        db.close()  # the port was taken: do not leave the database open behind us
        raise


def start_portal(data_dir: Path | str, host: str = "127.0.0.1", port: int = 0, *,
                 prefix: str = DEFAULT_PREFIX, quiet: bool = True,
                 **limits: int) -> RunningPortal:
    """Serve on a daemon thread; `limits` are `Limits` fields (max_records=5, ...)."""
    lim = Limits(**limits)
    server = make_server(data_dir, host, port, prefix=prefix, quiet=quiet, limits=lim)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01},
                              name="portal", daemon=True)
    thread.start()
    return RunningPortal(db=server.db, server=server, thread=thread, prefix=prefix, limits=lim)
