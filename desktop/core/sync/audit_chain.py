"""The audit chain on its way to the portal: entries ride in sync batches (and so in USB
bundles, which carry batches unchanged) as records of the additive kind `audit_entry`
(desktop/protocol/audit.py), after the batch's own records.

Entries travel only with records: a sync run with nothing else to send freezes no batch
(the run's own entry goes with the next one). Every batch frozen carries the entries not
yet sent or, when there are none, the newest entry again, so every batch names the chain's
head; the portal answers an entry it already holds `stale`. `meta` key `audit.sent_n` is the
last entry frozen into a batch (moved back when a batch's versions are queued again)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from desktop.core.audit.log import entries_after, head
from desktop.protocol.audit import KIND
from desktop.store import Store

SENT_KEY = "audit.sent_n"

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
    if not carried:
        return
    sent = int(store.meta_get(SENT_KEY) or 0)
    entries = entries_after(store, sent)
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
    """A batch's versions go back to the log (409, 413): its audit entries will be frozen
    again too, so the chain reaches the portal without a gap."""
    ids = [r["record_id"] for r in records if r["kind"] == KIND]
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    low = store.conn.execute(
        f"SELECT min(n) FROM audit_log WHERE id IN ({marks})", ids
    ).fetchone()[0]
    sent = int(store.meta_get(SENT_KEY) or 0)
    if low is not None and low - 1 < sent:
        store.conn.execute("UPDATE meta SET value = ? WHERE key = ?", (str(low - 1), SENT_KEY))
