"""A fault-injecting HTTP proxy to put between a desk and the reference portal in tests.

The portal itself has no fault hooks; this proxy makes the failures issue 6 names, one per
request, in the order they are injected:

- `refuse`: the proxy stops listening (`down()`); connections are refused until `up()`.
- `reset`: the connection is closed before the request is read (nothing reaches the portal).
- `drop_request`: the request is read, then the connection closes; the portal never sees it.
- `drop_response`: the request is forwarded and the portal answers (and commits), but the
  answer is thrown away and the connection closed: the desk cannot tell it succeeded.
- `timeout`: the request is read and held for `delay` seconds (longer than the client's
  timeout), then dropped without forwarding.
- `timeout_after_commit`: forwarded, the portal commits, then the answer is held `delay`
  seconds and dropped.
- `status`: answered by the proxy with `status` (500, 502, 503, 429, ...) and, when given,
  `Retry-After: retry_after`; nothing forwarded.
- `duplicate`: forwarded twice (a duplicated delivery); the client gets the first answer.
- `delay`: forwarded after `delay` seconds (a slow network that still works).

```python
proxy = FaultProxy(portal.url)
proxy.inject("drop_response", path="/batches")      # the next POST /batches only
proxy.inject(Fault("status", status=503, retry_after=2), times=3)
client = PortalClient(proxy.url, token)
...
proxy.log       # [(method, path, fault name or None, status or None), ...]
proxy.stop()
```
No Qt, standard library server, httpx to forward."""

from __future__ import annotations

import random
import re
import socket
import ssl
import struct
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

FAULTS = ("reset", "drop_request", "drop_response", "timeout", "timeout_after_commit",
          "status", "duplicate", "delay")
_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host",
        "proxy-connection", "te", "trailer", "upgrade"}


_TLS_CONTEXT: ssl.SSLContext | None = None


def _tls() -> ssl.SSLContext:
    """One TLS context for every proxy: httpx would load the CA bundle per client."""
    global _TLS_CONTEXT
    if _TLS_CONTEXT is None:
        _TLS_CONTEXT = ssl.create_default_context()
    return _TLS_CONTEXT


@dataclass(frozen=True)
class Fault:
    name: str
    status: int = 503
    retry_after: int | str | None = None
    delay: float = 30.0

    def __post_init__(self) -> None:
        if self.name not in FAULTS:
            raise ValueError(f"unknown fault {self.name!r}; one of {', '.join(FAULTS)}")


@dataclass
class _Rule:
    fault: Fault
    path: re.Pattern[str] | None
    method: str | None
    times: int | None  # None: for ever

    def matches(self, method: str, path: str) -> bool:
        if self.method and self.method != method:
            return False
        return self.path is None or self.path.search(path) is not None


@dataclass(frozen=True)
class LogEntry:
    method: str
    path: str
    fault: str | None
    status: int | None  # what the client got; None when it got no answer


class FaultProxy:
    """A loopback HTTP proxy in front of `target` (the portal's base URL)."""

    def __init__(self, target: str, host: str = "127.0.0.1", port: int = 0) -> None:
        self.target = target.rstrip("/")
        self._rules: list[_Rule] = []
        self._lock = threading.Lock()
        self._random: tuple[float, list[Fault], random.Random, re.Pattern[str] | None] | None
        self._random = None
        self.log: list[LogEntry] = []
        self._release = threading.Event()  # set on stop: held connections let go
        self._upstream = httpx.Client(timeout=120, trust_env=False, verify=_tls())
        self._host = host
        self._server: _ProxyServer | None = None
        self._thread: threading.Thread | None = None
        self._port = port
        self.up()

    # --- control ----------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self._port}"

    def inject(self, fault: Fault | str, *, path: str | None = None, method: str | None = None,
               times: int | None = 1) -> None:
        """Queue a fault for the next `times` requests whose path matches the regex `path`
        (searched, e.g. "/batches$") and method; `times=None` keeps it for ever."""
        if isinstance(fault, str):
            fault = Fault(fault)
        with self._lock:
            self._rules.append(
                _Rule(fault, re.compile(path) if path else None, method, times)
            )

    def randomly(self, probability: float, faults: Iterable[Fault | str], *,
                 seed: int | None = None, path: str | None = None) -> None:
        """Besides the queue, fail each matching request with `probability`."""
        choices = [Fault(f) if isinstance(f, str) else f for f in faults]
        with self._lock:
            self._random = (probability, choices, random.Random(seed),
                            re.compile(path) if path else None)

    def clear(self) -> None:
        """No more faults: requests pass through untouched."""
        with self._lock:
            self._rules.clear()
            self._random = None

    def down(self) -> None:
        """Stop listening: new connections are refused (the portal is unreachable)."""
        if self._server is None:
            return
        server, self._server = self._server, None
        server.shutdown()
        server.server_close()
        server.drop_connections()
        if self._thread:
            self._thread.join(timeout=5)

    def up(self) -> None:
        """Listen again, on the same port."""
        if self._server is not None:
            return
        self._server = _ProxyServer((self._host, self._port), self)
        self._port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.01}, daemon=True,
                                        name="fault-proxy")
        self._thread.start()

    def stop(self) -> None:
        self._release.set()
        self.down()
        self._upstream.close()

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def faults_seen(self) -> list[str]:
        return [e.fault for e in self.log if e.fault]

    # --- used by the handler -------------------------------------------------------------

    def _take(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for rule in self._rules:
                if rule.matches(method, path):
                    if rule.times is not None:
                        rule.times -= 1
                        if rule.times <= 0:
                            self._rules.remove(rule)
                    return rule.fault
            if self._random is not None:
                probability, choices, rng, pattern = self._random
                if (pattern is None or pattern.search(path)) and rng.random() < probability:
                    return rng.choice(choices)
        return None

    def _record(self, method: str, path: str, fault: Fault | None, status: int | None) -> None:
        with self._lock:
            self.log.append(LogEntry(method, path, fault.name if fault else None, status))

    def _hold(self, seconds: float) -> None:
        self._release.wait(seconds)

    def _forward(self, method: str, path: str, headers: dict[str, str],
                 body: bytes) -> httpx.Response:
        return self._upstream.request(method, self.target + path, headers=headers,
                                      content=body)


class _ProxyServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], proxy: FaultProxy) -> None:
        self.proxy = proxy
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _ProxyHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def drop_connections(self) -> None:
        with self._open_lock:
            sockets = list(self._open)
            self._open.clear()
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _ProxyServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def _handle(self) -> None:
        proxy = self.server.proxy
        method, path = self.command, self.path
        fault = proxy._take(method, path.split("?")[0])
        if fault is not None and fault.name == "reset":
            self._drop()
            proxy._record(method, path, fault, None)
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        name = fault.name if fault else None
        if name == "drop_request":
            self._drop()
        elif name == "timeout":
            proxy._hold(fault.delay)
            self._drop()
        elif name == "status":
            extra = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None \
                else {}
            proxy._record(method, path, fault, fault.status)
            self._reply(fault.status, {"Content-Type": "application/json", **extra},
                        b'{"error": "injected"}')
            return
        else:
            if name == "delay":
                proxy._hold(fault.delay)
            try:
                answer = proxy._forward(method, path, headers, body)
            except httpx.HTTPError:
                proxy._record(method, path, fault, 502)
                self._reply(502, {"Content-Type": "application/json"},
                            b'{"error": "portal unreachable"}')
                return
            if name == "duplicate":
                try:
                    proxy._forward(method, path, headers, body)
                except httpx.HTTPError:
                    pass
            if name == "drop_response":
                self._drop()
            elif name == "timeout_after_commit":
                proxy._hold(fault.delay)
                self._drop()
            else:
                keep = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP
                        and k.lower() != "content-encoding"}
                proxy._record(method, path, fault, answer.status_code)
                self._reply(answer.status_code, keep, answer.content)
                return
        proxy._record(method, path, fault, None)

    def _reply(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _drop(self) -> None:
        """Close without a word; an abortive close (RST) so the client notices at once."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
        except OSError:
            pass
