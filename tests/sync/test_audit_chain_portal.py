"""The audit chain carried to the reference portal on loopback (issue 16, item 4): entries
ride in batches, the portal keeps the head per device and refuses a batch whose chain does
not extend it — a rewritten history or an edited entry shows on the next sync."""

from __future__ import annotations

import json
import sqlite3
import zipfile

from desktop.core import audit
from desktop.core.sync import outbox
from desktop.core.sync.bundle import export_bundle
from desktop.portal.apply import AUDIT_HEAD
from desktop.protocol import audit as wire
from tests.sync.conftest import quick_engine
from tests.sync.helpers import participant


def _held_head(portal, device_id):
    with portal.db.reading() as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = ?",
                           (AUDIT_HEAD + device_id,)).fetchone()
        count = conn.execute("SELECT count(*) FROM record WHERE kind = 'audit_entry' "
                             "AND origin = ?", (device_id,)).fetchone()[0]
    return (json.loads(row[0]) if row else None), count


def _entries(desk, n=3):
    for i in range(n):
        audit.record(desk, "settings.change", target=f"setting-{i}", details={"i": i})


def _raw(desk):
    conn = sqlite3.connect(desk.path)
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    return conn


def _rewrite_from(conn, first: int) -> None:
    """What a careful forger does: change entry `first`, then recompute every hash after it,
    so the desk's own chain verifies again."""
    rows = conn.execute("SELECT n, id, at, origin, actor, action, target, participant_id, "
                        "workshop_id, details, prev FROM audit_log WHERE n >= ? ORDER BY n",
                        (first - 1,)).fetchall()
    prev = None
    for n, eid, at, origin, actor, action, target, pid, wid, details, old_prev in rows:
        if n == first - 1:
            prev = conn.execute("SELECT hash FROM audit_log WHERE n = ?", (n,)).fetchone()[0]
            continue
        if n == first:
            actor = "someone else"
        data = {"n": n, "at": at, "actor": actor, "action": action, "target": target,
                "participant_id": pid, "workshop_id": wid, "details": json.loads(details),
                "prev": prev if prev is not None else old_prev}
        digest = wire.entry_hash(eid, origin, data)
        conn.execute("UPDATE audit_log SET actor = ?, prev = ?, hash = ? WHERE n = ?",
                     (actor, data["prev"], digest, n))
        prev = digest
    conn.commit()


def test_the_chain_reaches_the_portal_with_the_records(desk, ref_portal):
    desk.actor = "asha"
    _entries(desk)
    desk.insert("participant", participant(1))
    result = quick_engine(desk).sync()
    assert result.outcome == "ok", result.message
    assert result.acked_records == 1  # the user's records; the chain travels along
    head, count = _held_head(ref_portal, desk.device_id)
    mine = audit.head(desk)
    assert count == mine.n and head == {"n": mine.n, "hash": mine.hash}
    assert outbox.pending_count(desk) == 0
    # a later batch carries the entries since, linked to what the portal holds
    _entries(desk, 2)
    desk.insert("participant", participant(2))
    assert quick_engine(desk).sync().outcome == "ok"
    head, count = _held_head(ref_portal, desk.device_id)
    assert head["n"] == audit.head(desk).n == count


def test_a_rewritten_history_is_refused_on_the_next_sync(desk, ref_portal):
    _entries(desk, 4)
    desk.insert("participant", participant(1))
    assert quick_engine(desk).sync().outcome == "ok"
    before = _held_head(ref_portal, desk.device_id)
    conn = _raw(desk)
    _rewrite_from(conn, 2)
    conn.close()
    assert audit.verify(desk).intact  # the forger recomputed every hash: locally it holds
    late = desk.insert("participant", participant(2))
    result = quick_engine(desk).sync()
    batch = desk.conn.execute("SELECT state, last_error FROM sync_batch "
                              "ORDER BY created_at DESC, rowid DESC LIMIT 1").fetchone()
    assert batch[0] == "failed" and "audit_chain_rewritten" in batch[1]
    assert result.new_rejections >= 1
    assert _held_head(ref_portal, desk.device_id) == before  # nothing of it applied
    assert late not in {r["id"] for r in ref_portal.db.records(["participant"])}


def test_an_edited_entry_not_yet_sent_is_refused_by_the_portal(desk, ref_portal):
    _entries(desk, 3)
    conn = _raw(desk)
    conn.execute("UPDATE audit_log SET details = '{\"i\":99}' WHERE n = 2")
    conn.commit()
    conn.close()
    assert audit.verify(desk).bad_entry == 2
    desk.insert("participant", participant(1))
    quick_engine(desk).sync()
    error = desk.conn.execute("SELECT last_error FROM sync_batch").fetchone()[0]
    assert "audit_chain_rewritten" in error and "entry 2" in error
    assert _held_head(ref_portal, desk.device_id) == (None, 0)


def test_a_batch_skipping_entries_is_refused_as_a_gap(desk, ref_portal):
    _entries(desk, 3)
    desk.meta_set("audit.sent_n", "2")  # as if entries 1-2 had been frozen into a lost batch
    desk.insert("participant", participant(1))
    quick_engine(desk).sync()
    error = desk.conn.execute("SELECT last_error FROM sync_batch").fetchone()[0]
    assert "audit_chain_gap" in error and "entry 1 is missing" in error


def test_every_bundle_names_the_head_and_carries_the_entries(desk, tmp_path):
    desk.actor = "field trainer"
    _entries(desk, 2)
    desk.insert("participant", participant(1))
    head = audit.head(desk)
    path = tmp_path / "out.kdbundle"
    export_bundle(desk, path)
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        bodies = [json.loads(zf.read(f"batches/{b}.json")) for b in manifest["batches"]]
    assert manifest["audit_head"] == {"n": head.n, "hash": head.hash}
    carried = [r for body in bodies for r in body["records"] if r["kind"] == "audit_entry"]
    assert [r["data"]["n"] for r in carried] == list(range(1, head.n + 1))
    assert carried[-1]["data"]["hash"] == head.hash
    assert audit.head(desk).action == "bundle.export"


def test_a_split_batch_keeps_the_chain_in_order(desk, ref_portal):
    """The state machine's find: records frozen 5 to a batch, the entries spilled into the
    next batch; the portal takes 3 at most, so the first batch is split and its new batches
    go first — they must carry the entries again, or the portal sees a gap."""
    _entries(desk, 2)
    for i in range(5):
        desk.insert("participant", participant(i))
    outbox.freeze_pending(desk, outbox.Limits(max_records=5))
    kinds = [[r["kind"] for r in json.loads(b.body)["records"]] for b in outbox.sendable(desk)]
    assert kinds == [["participant"] * 5, ["audit_entry"] * 2]
    ref_portal.limits.max_records = 3
    result = quick_engine(desk).sync()
    assert result.outcome == "ok" and result.rejected == 0, result.rejected_records
    head, count = _held_head(ref_portal, desk.device_id)
    assert head == {"n": audit.head(desk).n, "hash": audit.head(desk).hash}
    assert count == audit.head(desk).n and outbox.pending_count(desk) == 0
