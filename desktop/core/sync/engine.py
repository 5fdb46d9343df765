"""One sync run: push the outbox, pull `/changes`, reconcile digests (SYNC-PROTOCOL.md §2–7).

The order of work in a run, and why:
1. batches left `sending` by a crash go back to `queued` (same bytes, §6b);
2. `GET /info` — reachability and the current limits (§3);
3. pending versions are frozen into batches within those limits *before* any attempt;
4. each batch: attachments first (§5), then the POST; transient failures are retried with
   the same id and bytes (backoff, jitter, Retry-After); a lost answer may be asked for with
   `GET /batches/{id}` before resending; 401 stops everything; whole-batch 4xx never resends
   the same bytes;
5. pull `/changes` and apply by last-writer-wins, cursor saved with the page it ends;
6. when the outbox is empty, compare digests (§6a).

Whole-batch 4xx rules (documented here because they are the desk's choice within §6):
- 400/422: the batch is malformed; `failed`, its records quarantined with the portal's
  message — they leave quarantine when edited (a new version goes in a new batch) or
  discarded. Nothing is resent unchanged.
- 409 `batch_id_reused`: the portal holds different bytes under our id, which a frozen
  outbox cannot produce by itself (e.g. a database restored from an old backup). The batch is
  `failed` and its versions go back to the log, to be frozen again under a new id: records
  are idempotent by (id, version), so this cannot duplicate anything.
- 413: nothing was applied (a stored batch would have been answered as a replay instead).
  A batch we made is split: the batch is `failed` with a note and its versions are frozen
  again in batches half the size (or the new `/info` limits), under new ids. Only batches
  the portal never applied may be split — before splitting a batch that was already sent
  once (its earlier answer lost), the desk asks `GET /batches/{id}`; if the portal has it,
  its stored answer is used instead. Relayed batches (USB) are never split: they must reach
  the portal unchanged, so they fail and are shown.

Enrolment is `desktop.core.sync.enrol`, pulled records that cannot be applied yet are
`desktop.core.sync.held`; their names are importable from here too (the GUI and CLI use them).
A little over 500 lines: the run's steps above are one class, read in the order they happen.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx

from desktop.core import attachments, audit, clock
from desktop.core.progress import Cancelled, Progress
from desktop.core.sync import outbox, reconcile
from desktop.core.sync.client import (
    AuthError,
    Backoff,
    PortalClient,
    PortalError,
    Refused,
    Transient,
    check_url,
)
from desktop.core.sync.enrol import enrol, institute_info, needs_reenrol, portal_url
from desktop.core.sync.held import apply_pulled, held_reason, held_records, retry_held
from desktop.core.sync.keys import DeviceKeys
from desktop.core.users import Permission, require
from desktop.protocol.ids import format_ts, now_ts
from desktop.store import Store
from desktop.text.said import said, said_of

__all__ = [
    "NotEnrolled", "SyncBusy", "SyncEngine", "SyncResult", "apply_pulled", "enrol", "held_reason",
    "held_records", "history", "institute_info", "last_success", "needs_reenrol", "portal_url",
    "retry_at", "retry_held", "status",
]

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


class NotEnrolled(PortalError):
    """No portal address or token: run `enrol` first."""


class SyncBusy(PortalError):
    """Another sync of this database is running in this process."""


def _lock_for(store: Store) -> threading.Lock:
    key = str(store.path) if store.path else f"mem:{id(store)}"
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())


def _said(exc: BaseException) -> str:
    """The exception's message as it was raised: a `Said` stays one (the GUI says it in its
    language; the database stores it as the English text)."""
    return said_of(exc) or str(exc)


@dataclass
class SyncResult:
    sent_batches: int = 0
    acked_records: int = 0
    rejected: int = 0
    pending: int = 0
    pulled: int = 0
    outcome: str = "ok"  # ok | incomplete | offline | wait | auth | error
    message: str = ""
    new_rejections: int = 0
    reconcile: dict[str, Any] | None = None
    rejected_records: list[dict[str, Any]] = field(default_factory=list)
    held: list[dict[str, Any]] = field(default_factory=list)
    retry_at: str | None = None
    clock_warnings: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        return data


# -- settings kept in meta (nothing secret; the portal's address: desktop.core.sync.enrol) --
def last_success(store: Store) -> str | None:
    return store.meta_get("sync.last_success")


def retry_at(store: Store) -> str | None:
    """When the portal's last `Retry-After` (429/503) ends, if that is still to come: until
    then no run contacts the portal, whatever started it."""
    when = store.meta_get("sync.retry_at")
    if when and when > now_ts():
        return when
    return None


def _note_retry_after(store: Store, exc: Transient) -> None:
    if exc.retry_after is not None:
        until = datetime.now(timezone.utc) + timedelta(seconds=exc.retry_after)
        store.meta_set("sync.retry_at", format_ts(until))


class SyncEngine:
    """Runs syncs for one store. Tests pass `transport`, a fast `backoff` and `timeout`."""

    def __init__(
        self,
        store: Store,
        *,
        url: str | None = None,
        token: str | None = None,
        keys: DeviceKeys | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout | float | None = None,
        backoff: Backoff | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> None:
        self.store = store
        self.keys = keys or DeviceKeys.for_store(store)
        self.url = url
        self.token = token
        self.transport = transport
        self.timeout = timeout
        self.backoff_factory = (lambda: backoff) if backoff else Backoff
        self.progress = progress or (lambda done, total, text: None)
        self.cancelled = cancelled or (lambda: False)

    # -- setup ----------------------------------------------------------------------------
    def client(self) -> PortalClient:
        url = self.url or portal_url(self.store)
        token = self.token or self.keys.token()
        if not url or not token:
            raise NotEnrolled(
                said(
                    "This desk is not enrolled with a portal. Run `karmayogi-desk enrol --portal "
                    "URL --code CODE` (or use Enrol on the Sync screen).",
                )
            )
        if self.token is None and needs_reenrol(self.store):
            raise AuthError(
                said(
                    "The portal refused this desk's token earlier. Enrol this desk again with a "
                    "new one-time code; until then sync stays stopped.",
                )
            )
        return PortalClient(
            url, token, ca_bundle=self.store.meta_get("sync.ca_bundle"),
            timeout=self.timeout, transport=self.transport,
        )

    # -- the run ----------------------------------------------------------------------------
    def sync(self, trigger: str = "manual", *, pull: bool = True) -> SyncResult:
        """One run. An automatic run (`trigger="auto"`, the GUI's timer) is the desk's own
        work and needs no role; any other needs the sync permission."""
        if trigger != "auto":
            require(self.store, Permission.SYNC)
        lock = _lock_for(self.store)
        if not lock.acquire(blocking=False):
            raise SyncBusy(said("A sync is already running."))
        try:
            return self._sync(trigger, pull)
        finally:
            lock.release()

    def _sync(self, trigger: str, pull: bool) -> SyncResult:
        result = SyncResult()
        if not (self.url or portal_url(self.store)) or not (self.token or self.keys.token()):
            self.client()  # raises NotEnrolled: nothing to record as a run
        check_url(self.url or portal_url(self.store) or "")  # InsecureUrl: a usage error
        run_id = self._start_run(trigger)
        quarantined_before = len(outbox.quarantined(self.store))
        try:
            outbox.recover_interrupted(self.store)
            wait_until = retry_at(self.store)
            if wait_until is not None:
                # §6: the portal said when to come back (Retry-After); a timer or a click
                # before then must not knock again.
                self._freeze(self._cached_limits())
                result.outcome = "wait"
                result.message = said(
                    "The portal asked this desk to wait until {until} (Retry-After); "
                    "sync resumes then.",
                    until=wait_until,
                )
                return result
            with self.client() as client, self._clock_check(client, result):
                self._backoff = self.backoff_factory()
                try:
                    info = self._call(client.info)
                except Transient as exc:
                    _note_retry_after(self.store, exc)
                    self._freeze(self._cached_limits())
                    result.outcome, result.message = "offline", _said(exc)
                    return result
                limits = outbox.Limits.from_info(info)
                self.store.meta_set("sync.limits", json.dumps(info))
                self._freeze(limits)
                self._push(client, limits, result)
                if result.outcome == "ok" and pull:
                    result.pulled = self._call(self._pull, client)
                if result.outcome == "ok" and outbox.pending_count(self.store) == 0:
                    result.reconcile = reconcile.compare(
                        self.store, self._call(client.digest, self.store.device_id), force=False
                    )
                    if result.reconcile["requeued"]:
                        # Queued again: send them now, so one run ends consistent.
                        self._freeze(limits)
                        self._push(client, limits, result)
        except AuthError as exc:
            self.store.meta_set("sync.auth_failed", "1")
            result.outcome, result.message = "auth", _said(exc)
        except Transient as exc:
            _note_retry_after(self.store, exc)
            result.outcome, result.message = "offline", _said(exc)
        except PortalError as exc:
            result.outcome, result.message = "error", _said(exc)
        except Exception as exc:
            # A bug or a local database problem: the run is recorded as failed (never as a
            # success) and the error still reaches the caller.
            result.outcome = "error"
            result.message = f"{type(exc).__name__}: {exc}"
            raise
        finally:
            result.pending = outbox.pending_count(self.store)
            q = outbox.quarantined(self.store)
            result.rejected = len(q)
            result.new_rejections = max(0, len(q) - quarantined_before)
            result.rejected_records = [
                {"kind": r["kind"], "id": r["record_id"], "code": r["code"],
                 "message": r["message"]} for r in q
            ]
            result.held = held_records(self.store)
            result.retry_at = retry_at(self.store)
            if result.outcome == "ok" and result.pending:
                result.outcome = "incomplete"
            if result.outcome == "ok":
                self.store.meta_set("sync.last_success", now_ts())
            self._finish_run(run_id, result)
        return result

    @contextmanager
    def _clock_check(self, client: PortalClient, result: SyncResult) -> Iterator[None]:
        """After the run, compare the portal's `Date` with this laptop's clock (core.clock);
        the warnings ride on the result and stay on the Sync page until a later sync agrees."""
        try:
            yield
        finally:
            if client.last_date is not None:
                portal_time, local_time = client.last_date
                clock.observe(self.store, "portal", portal_time, local_time)
            result.clock_warnings = [w.as_dict() for w in clock.check(self.store)]

    def _call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """A request that is safe to repeat (GETs, the pull), retried like a batch."""
        attempt = 0
        while True:
            attempt += 1
            try:
                return fn(*args)
            except Transient as exc:
                if not self._backoff.wait(attempt, exc.retry_after):
                    raise

    def _cached_limits(self) -> outbox.Limits:
        text = self.store.meta_get("sync.limits")
        return outbox.Limits.from_info(json.loads(text)) if text else outbox.Limits()

    def _freeze(self, limits: outbox.Limits) -> None:
        outbox.freeze_pending(self.store, limits)

    def _push(self, client: PortalClient, limits: outbox.Limits, result: SyncResult) -> None:
        backoff = self._backoff
        batches = outbox.sendable(self.store)
        total = len(batches)
        done = 0
        while batches:
            batch = batches.pop(0)
            if self.cancelled():
                result.outcome, result.message = "incomplete", said("Cancelled.")
                return
            self.progress(done, total, f"Sending batch {done + 1} of {total}")
            made = self._send(client, batch, limits, backoff, result)
            if made:  # a 413 split: the new batches go next, in order
                fresh = [outbox.get_batch(self.store, b) for b in made]
                batches[0:0] = [b for b in fresh if b is not None]
                total += len(made)
            done += 1
        self.progress(total, total, "Sent")

    def _upload_attachments(self, client: PortalClient, batch: outbox.BatchRow) -> None:
        has_visits = self.store.conn.execute(
            "SELECT 1 FROM sync_batch_record WHERE batch_id = ? AND kind = 'field_visit' LIMIT 1",
            (batch.batch_id,),
        ).fetchone()
        if not has_visits:
            return
        for record in json.loads(batch.body)["records"]:
            if record.get("kind") != "field_visit" or record.get("deleted"):
                continue
            for ref in (record.get("data") or {}).get("attachments") or []:
                sha = str(ref.get("sha256") or "")
                if self.store.conn.execute(
                    "SELECT 1 FROM sync_attachment_sent WHERE sha256 = ?", (sha,)
                ).fetchone():
                    continue
                data = attachments.read_if_intact(self.store, sha)
                if data is None:
                    continue  # the portal answers missing_attachment; shown to the user
                try:
                    client.put_attachment(sha, data, str(ref.get("media_type") or ""))
                except Refused:
                    continue  # 413/422: the record will be rejected and quarantined
                with self.store.transaction():
                    self.store.conn.execute(
                        "INSERT OR IGNORE INTO sync_attachment_sent(sha256, at) VALUES (?, ?)",
                        (sha, now_ts()),
                    )

    def _send(
        self,
        client: PortalClient,
        batch: outbox.BatchRow,
        limits: outbox.Limits,
        backoff: Backoff,
        result: SyncResult,
    ) -> list[str]:
        """Deliver one batch; returns the ids of new batches when it had to be split."""
        store = self.store
        if batch.attempts > 0:
            # Sent before and the answer was lost: ask first (§6 allows it; resending is safe
            # too, but asking spares the portal a large body).
            try:
                stored = client.get_batch(batch.batch_id)
            except (Transient, Refused):
                stored = None
            if stored is not None:
                self._acked(batch, stored, result, via="lookup")
                return []
        attempt = 0
        while True:
            attempt += 1
            try:
                self._upload_attachments(client, batch)
                outbox.mark_sending(store, batch.batch_id)
                answer = client.post_batch(batch.batch_id, batch.body)
            except Transient as exc:
                wait = exc.retry_after
                next_at = None
                if wait is not None:
                    next_at = format_ts(datetime.now(timezone.utc) + timedelta(seconds=wait))
                outbox.mark_retry(store, batch.batch_id, str(exc), next_at)
                if not backoff.wait(attempt, exc.retry_after):
                    raise
                continue
            except AuthError:
                outbox.mark_retry(store, batch.batch_id, "token refused (401)", None)
                raise
            except Refused as exc:
                return self._refused(client, batch, exc, limits, result)
            result.sent_batches += 1
            self._acked(batch, answer.body, result, via="portal")
            return []

    def _acked(
        self, batch: outbox.BatchRow, response: Any, result: SyncResult, via: str
    ) -> None:
        try:
            counts = outbox.apply_response(self.store, batch.batch_id, response, via=via)
        except outbox.ResponseMismatch as exc:
            outbox.mark_retry(self.store, batch.batch_id, str(exc), None)
            raise PortalError(_said(exc)) from exc
        result.acked_records += counts.acked

    def _refused(
        self,
        client: PortalClient,
        batch: outbox.BatchRow,
        exc: Refused,
        limits: outbox.Limits,
        result: SyncResult,
    ) -> list[str]:
        body = exc.body if isinstance(exc.body, dict) else {}
        error = str(body.get("error") or f"http_{exc.status}")
        details = body.get("details")
        message = f"HTTP {exc.status} {error}" + (
            f": {json.dumps(details, ensure_ascii=False)}" if details else ""
        )
        if exc.status == 409 and not batch.relayed:
            with self.store.transaction():
                outbox.mark_failed(self.store, batch.batch_id, message, requeue=True)
                return outbox.freeze_pending(self.store, limits)
        if exc.status == 413 and not batch.relayed:
            try:
                stored = client.get_batch(batch.batch_id)
            except (Transient, Refused):
                stored = None
            if stored is not None:
                self._acked(batch, stored, result, via="lookup")
                return []
            try:
                fresh = outbox.Limits.from_info(client.info())
            except PortalError:
                fresh = limits
            return outbox.split_unsent(self.store, batch.batch_id, fresh)
        outbox.mark_failed(self.store, batch.batch_id, message, quarantine_code=error)
        return []

    # -- pull -------------------------------------------------------------------------------
    def _pull(self, client: PortalClient) -> int:
        """§7. A record this desk cannot apply is held (with the reason) instead of stopping
        the pull: the cursor moves on, the record is tried again at every pull."""
        applied = retry_held(self.store)
        cursor = self.store.meta_get("sync.cursor")
        for _ in range(100_000):
            page = client.changes(cursor)
            records = page.get("records") or []
            new_cursor = page.get("cursor")
            with self.store.transaction():
                for record in records:
                    if apply_pulled(self.store, record) == "applied":
                        applied += 1
                self.store.meta_set("sync.cursor", new_cursor)
            if not records or new_cursor == cursor:
                break
            cursor = new_cursor
        return applied

    # -- reconcile on demand ------------------------------------------------------------------
    def reconcile(self, *, send: bool = True) -> dict[str, Any]:
        """§6a on demand: compare, queue what differs, and (with `send`) send it and compare
        again. `equal` is the last comparison's answer; `remaining` names what still differs
        (`reconcile.differences`), `after` the second comparison per kind. When the send did
        not finish, `after` is None: nothing is known to agree yet."""
        require(self.store, Permission.SYNC)
        with self.client() as client:
            report = reconcile.compare(
                self.store, client.digest(self.store.device_id), force=True
            )
        report.update(after=None, remaining=[])
        if not send or report["equal"]:
            return report
        before = reconcile.batch_ids(self.store)
        if report["requeued"] or outbox.pending_count(self.store):
            report["sync"] = self.sync("reconcile", pull=False).as_json()
            if report["sync"]["outcome"] != "ok" or report["sync"]["pending"]:
                return report  # not all sent: comparing again would prove nothing
        with self.client() as client:
            after = reconcile.recheck(self.store, client.digest(self.store.device_id))
        report["after"] = after["kinds"]
        report["equal"] = after["equal"]
        if not after["equal"]:
            report["remaining"] = reconcile.differences(
                self.store, before, (report.get("sync") or {}).get("rejected_records") or [])
        return report

    # -- history ---------------------------------------------------------------------------
    def _start_run(self, trigger: str) -> int:
        with self.store.transaction():
            cur = self.store.conn.execute(
                "INSERT INTO sync_run(started_at, trigger, acted_by) VALUES (?, ?, ?)",
                (now_ts(), trigger, self.store.actor),
            )
            # at the start, so that the entry rides in this run's batches
            audit.record(self.store, "sync.run", target=str(cur.lastrowid),
                         details={"trigger": trigger})
            return int(cur.lastrowid)

    def _finish_run(self, run_id: int, result: SyncResult) -> None:
        with self.store.transaction():
            self.store.conn.execute(
                """UPDATE sync_run SET finished_at = ?, outcome = ?, sent_batches = ?,
                       acked_records = ?, rejected = ?, pulled = ?, pending = ?, message = ?
                   WHERE id = ?""",
                (now_ts(), result.outcome, result.sent_batches, result.acked_records,
                 result.new_rejections, result.pulled, result.pending, result.message, run_id),
            )


def history(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in store.conn.execute("SELECT * FROM sync_run ORDER BY id DESC LIMIT ?", (limit,))
    ]


def status(store: Store) -> dict[str, Any]:
    """What `sync status` and the GUI show: nothing here touches the network."""
    keys = DeviceKeys.for_store(store)
    return {
        "portal": portal_url(store),
        "enrolled": bool(portal_url(store) and keys.token()),
        "needs_reenrol": needs_reenrol(store),
        "institute": institute_info(store),
        "device_id": store.device_id,
        "pending": outbox.pending_count(store),
        "outbox": outbox.outbox_counts(store),
        "rejected": [
            {"kind": r["kind"], "id": r["record_id"], "code": r["code"], "message": r["message"],
             "at": r["at"]}
            for r in outbox.quarantined(store)
        ],
        "failed_batches": [
            dict(r) for r in store.conn.execute(
                "SELECT batch_id, record_count, last_error, relayed FROM sync_batch "
                "WHERE state = 'failed' ORDER BY created_at"
            )
        ],
        "last_success": last_success(store),
        "cursor": store.meta_get("sync.cursor"),
        "held": held_records(store),
        "retry_at": retry_at(store),
    }
