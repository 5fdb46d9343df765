"""The audit chain on its way to the portal: entries ride in sync batches (and so in USB
bundles, which carry batches unchanged) as records of the additive kind `audit_entry`
(desktop/protocol/audit.py), after the batch's own records.

Entries travel only with records: a sync run with nothing else to send freezes no batch
(the run's own entry goes with the next one). Every batch frozen carries the entries not
yet sent or, when there are none, the newest entry again, so every batch names the chain's
head; the portal answers an entry it already holds `stale`. `meta` key `audit.sent_n` is the
last entry frozen into a batch.

Batches are sent in the order they were frozen, and the portal refuses a chain with a gap, so
when a batch's versions are queued again (409, or a 413 split whose new batches go first) the
pointer moves back to the lowest entry of every batch not yet acknowledged, and `audit.resend`
makes the next freeze carry them even with no record pending: the new batches carry the
entries again in order, and the older batches' copies arrive `stale`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from desktop.core.audit.log import entries_after, head
from desktop.protocol.audit import KIND
from desktop.store import Store

SENT_KEY = "audit.sent_n"
RESEND_KEY = "audit.resend"

__all__ = ["KIND", "SENT_KEY", "send_again", "with_entries"]


def _part(entry: Any) -> tuple[None, dict[str, Any], bytes]:
    record = entry.as_record()
    envelope = {k: record[k] for k in ("kind", "id", "updated_at", "origin")}
    return None, envelope, json.dumps(
        record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def with_entries(
    store: Store, pending: Iterable[tuple[int, dict[str, Any], bytes]]
) -> Iterator[tuple[int | None, dict[str, Any], bytes]]:
    """The pending record versions, then (if there were any) the audit entries to send.
    Runs inside the freezing transaction: `audit.sent_n` moves with the batches."""
    carried = False
    for item in pending:
        carried = True
        yield item
    resend = store.meta_get(RESEND_KEY) is not None
    if not carried and not resend:
        return
    sent = int(store.meta_get(SENT_KEY) or 0)
    entries = entries_after(store, sent)
    if resend:
        store.conn.execute("DELETE FROM meta WHERE key = ?", (RESEND_KEY,))
    if entries:
        store.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (SENT_KEY, str(entries[-1].n)),
        )
    else:
        last = head(store)
        entries = [last] if last is not None else []
    for entry in entries:
        yield _part(entry)


def send_again(store: Store, records: Sequence[Mapping[str, Any]]) -> None:
    """A batch's versions go back to the log (409, 413) and will be frozen into new batches
    sent before the older ones still queued: the audit entries of this batch and of every
    own batch not yet acknowledged are frozen again with them, in order, so the chain reaches
    the portal without a gap."""
    lows = []
    ids = [r["record_id"] for r in records if r["kind"] == KIND]
    if ids:
        marks = ",".join("?" * len(ids))
        lows.append(store.conn.execute(
            f"SELECT min(n) FROM audit_log WHERE id IN ({marks})", ids).fetchone()[0])
    lows.append(store.conn.execute(
        "SELECT min(a.n) FROM sync_batch b "
        "JOIN sync_batch_record r ON r.batch_id = b.batch_id AND r.kind = ? "
        "JOIN audit_log a ON a.id = r.record_id "
        "WHERE b.state IN ('queued', 'sending') AND b.relayed = 0", (KIND,)).fetchone()[0])
    found = [n for n in lows if n is not None]
    if not found:
        return
    low = min(found)
    sent = int(store.meta_get(SENT_KEY) or 0)
    if low - 1 < sent:
        for key, value in ((SENT_KEY, str(low - 1)), (RESEND_KEY, "1")):
            store.conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
