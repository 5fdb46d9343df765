"""A fault-injecting HTTP proxy on 127.0.0.1 between a desk and the reference portal.

One request per client connection (the answer carries `Connection: close`), so a fault hits
exactly one request. Faults are queued per route and consumed in order; anything not matched
passes through. Faults:

- `refuse`: accept and reset at once, before reading anything (like a refused connection);
- `drop_request`: read the request, close without forwarding (the portal never sees it);
- `drop_response`: forward, let the portal commit, close without answering;
- `delay:S`: wait S seconds, then forward (the desk has timed out; the portal commits late);
- `slow_response:S`: forward, wait S seconds before answering (the desk times out);
- `status:N` / `status:N:RA`: answer N (with `Retry-After: RA`) without forwarding;
- `twice`: deliver the request to the portal twice, answer with the second reply.

`down()` closes the listening socket (connections are then really refused), `up()` reopens
the same port. Every request that reached the proxy is recorded (decompressed body)."""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    fault: str | None


def _read_request(conn: socket.socket) -> tuple[bytes, str, str, dict[str, str], bytes] | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        rest += chunk
    return head, method, path, headers, rest[:length]


def _with_close(head: bytes) -> bytes:
    lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"connection:")]
    return b"\r\n".join(lines + [b"Connection: close"])


def _reset(conn: socket.socket) -> None:
    try:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    conn.close()


class FaultProxy:
    def __init__(self, upstream_url: str) -> None:
        from urllib.parse import urlsplit

        parts = urlsplit(upstream_url)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.faults: dict[tuple[str, str], deque[str]] = defaultdict(deque)
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self.port = 0
        self._sock: socket.socket | None = None
        self._threads: list[threading.Thread] = []
        self.up()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- control ---------------------------------------------------------------------------
    def plan(self, method: str, path_suffix: str, *faults: str) -> None:
        """Queue faults for requests whose path ends with `path_suffix` ('' = any)."""
        with self._lock:
            self.faults[(method, path_suffix)].extend(faults)

    def clear(self) -> None:
        with self._lock:
            self.faults.clear()

    def up(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        sock.listen(64)
        self.port = sock.getsockname()[1]
        self._sock = sock
        t = threading.Thread(target=self._serve, args=(sock,), daemon=True)
        t.start()
        self._threads.append(t)

    def down(self) -> None:
        if self._sock is not None:
            sock, self._sock = self._sock, None
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def stop(self) -> None:
        self.down()

    def posted_batches(self) -> list[tuple[str, bytes]]:
        return [(s.headers.get("idempotency-key", ""), s.body) for s in self.seen
                if s.method == "POST" and s.path.endswith("/batches")]

    # -- serving ---------------------------------------------------------------------------
    def _serve(self, sock: socket.socket) -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _take(self, method: str, path: str) -> str | None:
        with self._lock:
            for (m, suffix), queue in self.faults.items():
                if queue and m in (method, "*") and path.split("?")[0].endswith(suffix):
                    return queue.popleft()
        return None

    def _forward(self, head: bytes, body: bytes) -> bytes:
        with socket.create_connection(self.upstream, timeout=30) as up:
            up.sendall(_with_close(head) + b"\r\n\r\n" + body)
            chunks = []
            while True:
                chunk = up.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks)

    def _handle(self, conn: socket.socket) -> None:
        try:
            with self._lock:
                peek = self._peek_refuse()
            if peek:
                _reset(conn)
                return
            request = _read_request(conn)
            if request is None:
                conn.close()
                return
            head, method, path, headers, body = request
            fault = self._take(method, path)
            plain = gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
            self.seen.append(Seen(method, path, headers, plain, fault))
            if fault == "drop_request":
                _reset(conn)
                return
            if fault and fault.startswith("status:"):
                parts = fault.split(":")
                extra = f"Retry-After: {parts[2]}\r\n" if len(parts) > 2 else ""
                payload = b'{"error":"injected"}'
                conn.sendall(
                    f"HTTP/1.1 {parts[1]} Injected\r\nContent-Type: application/json\r\n"
                    f"{extra}Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n".encode()
                    + payload
                )
                conn.close()
                return
            if fault and fault.startswith("delay:"):
                time.sleep(float(fault.split(":")[1]))
            answer = self._forward(head, body)
            if fault == "twice":
                answer = self._forward(head, body)
            if fault == "drop_response":
                _reset(conn)
                return
            if fault and fault.startswith("slow_response:"):
                time.sleep(float(fault.split(":")[1]))
            rhead, _, rbody = answer.partition(b"\r\n\r\n")
            try:
                conn.sendall(_with_close(rhead) + b"\r\n\r\n" + rbody)
            except OSError:
                pass
            conn.close()
        except OSError:
            try:
                conn.close()
            except OSError:
                pass

    def _peek_refuse(self) -> bool:
        for (_m, _suffix), queue in self.faults.items():
            if queue and queue[0] == "refuse":
                queue.popleft()
                return True
        return False
