"""A small in-memory portal behind httpx.MockTransport: the protocol's happy paths plus
switchable faults, for fast unit tests of the client and the engine. The end-to-end tests use
the reference portal (`desktop/portal`) instead."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable
from typing import Any

import httpx

from desktop.protocol.ids import now_ts


class FakePortal:
    def __init__(self, institute: str = "TST", max_records: int = 1000, max_bytes: int = 5242880):
        self.institute = institute
        self.max_records = max_records
        self.max_bytes = max_bytes
        self.codes = {"CODE1"}
        self.tokens: dict[str, str] = {}
        self.records: dict[str, dict[str, Any]] = {}
        #: audit entries (the additive kind `audit_entry`), kept apart from the §4 records
        self.audit: dict[str, dict[str, Any]] = {}
        self.batches: dict[str, tuple[bytes, dict[str, Any]]] = {}
        self.attachments: dict[str, bytes] = {}
        self.applied_count: dict[str, int] = {}
        self.log: list[tuple[str, str]] = []
        self.posts: list[tuple[str, bytes]] = []
        self.fault: Callable[[httpx.Request], httpx.Response | None] | None = None
        self.reject: Callable[[dict[str, Any]], tuple[str, str] | None] = lambda r: None
        self.changes_feed: list[dict[str, Any]] = []

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.log.append((request.method, request.url.path))
        if self.fault is not None:
            answer = self.fault(request)
            if answer is not None:
                return answer
        path = request.url.path.split("/v1", 1)[-1]
        body = request.content
        if request.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        if path == "/info":
            return httpx.Response(200, json={"protocol": 1, "max_records": self.max_records,
                                             "max_bytes": self.max_bytes,
                                             "server_time": now_ts()})
        if path == "/devices/enrol":
            doc = json.loads(body)
            if doc["enrolment_code"] not in self.codes:
                return httpx.Response(403, json={"error": "bad_code"})
            self.codes.discard(doc["enrolment_code"])
            token = "tok-" + doc["device_id"]
            self.tokens[token] = doc["device_id"]
            return httpx.Response(201, json={"device_token": token, "institute": {
                "code": self.institute, "name_en": "Test", "name_hi": "परीक्षण"}})
        auth = request.headers.get("Authorization", "")
        if auth.removeprefix("Bearer ") not in self.tokens:
            return httpx.Response(401, json={"error": "unauthorized"})
        if path == "/batches" and request.method == "POST":
            return self._batch(request, body)
        if path.startswith("/batches/"):
            stored = self.batches.get(path.rsplit("/", 1)[1])
            if stored is None:
                return httpx.Response(404, json={"error": "not_found"})
            return httpx.Response(200, json=stored[1])
        if path.startswith("/attachments/"):
            sha = path.rsplit("/", 1)[1]
            if hashlib.sha256(body).hexdigest() != sha:
                return httpx.Response(422, json={"error": "hash_mismatch"})
            had = sha in self.attachments
            self.attachments[sha] = body
            return httpx.Response(200 if had else 201, json={})
        if path == "/changes":
            since = int(request.url.params.get("since") or 0)
            recs = self.changes_feed[since:since + 50]
            return httpx.Response(200, json={"cursor": str(since + len(recs)), "records": recs})
        if path.endswith("/digest"):
            device = path.split("/")[-2]
            return httpx.Response(200, json={"kinds": self.digest(device)})
        return httpx.Response(404, json={"error": "no_route"})

    def digest(self, device: str) -> dict[str, Any]:
        kinds: dict[str, list[str]] = {}
        for rid, rec in sorted(self.records.items()):
            if rec["origin"] == device:
                kinds.setdefault(rec["kind"], []).append(f"{rid} {rec['updated_at']}\n")
        return {k: {"count": len(v), "sha256": hashlib.sha256("".join(v).encode()).hexdigest()}
                for k, v in kinds.items()}

    def _batch(self, request: httpx.Request, body: bytes) -> httpx.Response:
        key = request.headers["Idempotency-Key"]
        self.posts.append((key, body))
        if key in self.batches:
            if self.batches[key][0] != body:
                return httpx.Response(409, json={"error": "batch_id_reused"})
            return httpx.Response(200, json=self.batches[key][1],
                                  headers={"Idempotent-Replay": "true"})
        if len(body) > self.max_bytes:
            return httpx.Response(413, json={"error": "too_large"})
        doc = json.loads(body)
        if doc.get("batch_id") != key or doc.get("protocol") != 1:
            return httpx.Response(422, json={"error": "invalid_batch", "details": "batch_id"})
        if len(doc["records"]) > self.max_records:
            return httpx.Response(413, json={"error": "too_many_records"})
        results = []
        for rec in doc["records"]:
            if rec.get("kind") == "audit_entry":
                stale = rec["id"] in self.audit
                self.audit.setdefault(rec["id"], rec)
                results.append({"id": rec["id"], "status": "stale" if stale else "applied"})
                continue
            problem = self.reject(rec)
            if problem:
                results.append({"id": rec["id"], "status": "rejected", "code": problem[0],
                                "message": problem[1]})
                continue
            if rec["kind"] == "field_visit" and not rec["deleted"]:
                missing = [a for a in rec["data"].get("attachments") or []
                           if a["sha256"] not in self.attachments]
                if missing:
                    results.append({"id": rec["id"], "status": "rejected",
                                    "code": "missing_attachment", "message": "missing"})
                    continue
            cur = self.records.get(rec["id"])
            if cur and (cur["updated_at"], cur["origin"]) >= (rec["updated_at"], rec["origin"]):
                results.append({"id": rec["id"], "status": "stale"})
                continue
            self.records[rec["id"]] = rec
            version = f"{rec['id']}@{rec['updated_at']}/{rec['origin']}"
            self.applied_count[version] = self.applied_count.get(version, 0) + 1
            results.append({"id": rec["id"], "status": "applied"})
        response = {"batch_id": key, "received_at": now_ts(), "results": results}
        self.batches[key] = (body, response)
        return httpx.Response(201, json=response)
