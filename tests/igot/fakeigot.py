"""A fake Sunbird course service on loopback, strict about what SYNC-PROTOCOL.md §10 and the
real service (sunbird-course-service: ContentConsumptionActor, ProjectUtil.getDateFormatter)
require:

- `PATCH /v1/content/state/admin/update` with `Authorization: Bearer <api key>` and
  `x-authenticated-user-token: <coordinator token>` (401 otherwise), JSON body
  `{"request": {"userId", "contents": [{"contentId", "batchId", "courseId", "status",
  "completionPercentage", "lastAccessTime"}]}}` and nothing else (400 CLIENT_ERROR);
  `status` 2 only, `completionPercentage` 100, `lastAccessTime` in `yyyy-MM-dd HH:mm:ss:SSSZ`
  parsed strictly (Java's non-lenient SimpleDateFormat).
- The answer is `200 {"responseCode": "OK", "result": {...}}` even when refused: written
  contents as `"<contentId>": "SUCCESS"`, refused batches listed under `NOT_A_ON_GOING_BATCH`
  (batch status not 1) and `BATCH_NOT_EXISTS`, as the real actor builds its response.
- Progress only rises: the stored status per (user, batch, content) is the maximum ever
  written; a write that would lower it is recorded in `lowered` (and does not lower it).
- `GET /v1/course/batch/read/{batchId}` → the batch, or 404 RESOURCE_NOT_FOUND.

Every violation of the request rules is recorded in `violations`, so a test can assert the
desk never made one; every applied content write is appended to `writes`."""

from __future__ import annotations

import json
import re
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

UPDATE = "/v1/content/state/admin/update"
BATCH_READ = "/v1/course/batch/read/"
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}:\d{3}[+-]\d{4}$")
_CONTENT_KEYS = {"contentId", "batchId", "courseId", "status", "completionPercentage",
                 "lastAccessTime"}


def valid_time(text: Any) -> bool:
    if not isinstance(text, str) or not _TIME.match(text):
        return False
    try:
        datetime.strptime(text[:19] + "." + text[20:23] + text[23:], "%Y-%m-%d %H:%M:%S.%f%z")
    except ValueError:
        return False
    return True


class FakeIgot:
    def __init__(self, api_key: str = "API-KEY-123", token: str = "COORD-TOKEN-456") -> None:
        self.api_key = api_key
        self.tokens = {token}
        self.batches: dict[str, dict[str, Any]] = {}
        self.progress: dict[tuple[str, str, str], int] = {}
        self.writes: list[tuple[str, str, str]] = []
        self.violations: list[str] = []
        self.lowered: list[tuple[str, str, str]] = []
        self.requests = 0
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out as two writes

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_PATCH(self) -> None:  # noqa: N802
                fake._handle(self, "PATCH")

            def do_GET(self) -> None:  # noqa: N802
                fake._handle(self, "GET")

            def do_POST(self) -> None:  # noqa: N802
                fake._handle(self, "POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/api/course"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def add_batch(self, batch_id: str, course_id: str, status: int = 1) -> None:
        self.batches[batch_id] = {"batchId": batch_id, "courseId": course_id, "status": status,
                                  "name": f"Batch {batch_id}"}

    # -- HTTP ---------------------------------------------------------------------------------
    def _send(self, h: BaseHTTPRequestHandler, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    def _error(self, h: BaseHTTPRequestHandler, status: int, code: str, err: str,
               message: str, violation: bool = True) -> None:
        if violation:
            with self.lock:
                self.violations.append(f"{err}: {message}")
        self._send(h, status, {"responseCode": code,
                               "params": {"status": "failed", "err": err, "errmsg": message},
                               "result": {}})

    def _handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(length) if length else b""
        with self.lock:
            self.requests += 1
        path = h.path.split("?")[0]
        prefix = "/api/course"
        if not path.startswith(prefix):
            return self._error(h, 404, "RESOURCE_NOT_FOUND", "NOT_FOUND", path)
        path = path[len(prefix):]
        auth = h.headers.get("Authorization")
        if auth != f"Bearer {self.api_key}" or h.headers.get(
                "x-authenticated-user-token") not in self.tokens:
            return self._error(h, 401, "UNAUTHORIZED", "UNAUTHORIZED_USER",
                               "You are not authorized.", violation=False)
        if method == "GET" and path.startswith(BATCH_READ):
            batch = self.batches.get(path[len(BATCH_READ):])
            if batch is None:
                return self._error(h, 404, "RESOURCE_NOT_FOUND", "BATCH_NOT_FOUND",
                                   "batch not found", violation=False)
            return self._send(h, 200, {"responseCode": "OK", "result": {"response": batch}})
        if method != "PATCH" or path != UPDATE:
            return self._error(h, 404, "RESOURCE_NOT_FOUND", "NOT_FOUND", f"{method} {path}")
        if h.headers.get("Content-Type", "").split(";")[0].strip() != "application/json":
            return self._error(h, 400, "CLIENT_ERROR", "INVALID_CONTENT_TYPE", "not JSON")
        problem, request = self._check(raw)
        if problem:
            return self._error(h, 400, "CLIENT_ERROR", "INVALID_REQUEST", problem)
        self._send(h, 200, {"id": "api.content.state.update", "ver": "v1",
                            "params": {"status": "successful"}, "responseCode": "OK",
                            "result": self._apply(request)})

    def _check(self, raw: bytes) -> tuple[str | None, dict[str, Any]]:
        try:
            body = json.loads(raw)
        except ValueError:
            return "body is not JSON", {}
        if not isinstance(body, dict) or set(body) != {"request"}:
            return f"top-level keys {sorted(body) if isinstance(body, dict) else body}", {}
        req = body["request"]
        if not isinstance(req, dict) or set(req) != {"userId", "contents"}:
            return f"request keys {sorted(req) if isinstance(req, dict) else req}", {}
        if not isinstance(req["userId"], str) or not req["userId"]:
            return "userId missing", {}
        contents = req["contents"]
        if not isinstance(contents, list) or not contents:
            return "contents must be a non-empty list", {}
        for c in contents:
            if not isinstance(c, dict) or set(c) != _CONTENT_KEYS:
                return f"content keys {sorted(c) if isinstance(c, dict) else c}", {}
            for key in ("contentId", "batchId", "courseId"):
                if not isinstance(c[key], str) or not c[key]:
                    return f"{key} missing", {}
            if type(c["status"]) is not int or c["status"] != 2:
                return f"status {c['status']!r}: only 2 (attended) is sent", {}
            if c["completionPercentage"] != 100 or type(c["completionPercentage"]) is not int:
                return f"completionPercentage {c['completionPercentage']!r}", {}
            if not valid_time(c["lastAccessTime"]):
                return f"lastAccessTime {c['lastAccessTime']!r} not yyyy-MM-dd HH:mm:ss:SSSZ", {}
        return None, req

    def _apply(self, req: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        missing: list[str] = []
        ended: list[str] = []
        user = req["userId"]
        with self.lock:
            for c in req["contents"]:
                batch = self.batches.get(c["batchId"])
                if batch is None:
                    if c["batchId"] not in missing:
                        missing.append(c["batchId"])
                    continue
                if batch["status"] != 1:
                    if c["batchId"] not in ended:
                        ended.append(c["batchId"])
                    continue
                key = (user, c["batchId"], c["contentId"])
                old = self.progress.get(key, 0)
                if c["status"] < old:
                    self.lowered.append(key)
                self.progress[key] = max(old, c["status"])
                self.writes.append(key)
                result[c["contentId"]] = "SUCCESS"
        if ended:
            result["NOT_A_ON_GOING_BATCH"] = ended
        if missing:
            result["BATCH_NOT_EXISTS"] = missing
        return result
