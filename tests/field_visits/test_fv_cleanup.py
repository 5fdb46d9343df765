"""Files attached in the visit form and then abandoned go; files anything names never do.

A file is a candidate only while staged (stored for a visit not saved yet); right before it is
removed, every place that can name an attachment is checked: visits of any origin (made here,
pulled, imported from a bundle, deleted), batches in the outbox or kept for relaying, and
pulled versions held back."""

from __future__ import annotations

import hashlib
import json
import os
import time
from datetime import datetime, timedelta, timezone

import pytest
from fv_helpers import TODAY, heic, jpeg, visit_data

from desktop.core import attachments as att
from desktop.core import field_visits as fv
from desktop.core.sync import outbox
from desktop.core.sync.held import _hold
from desktop.protocol.ids import new_id, now_ts
from desktop.store import open_store

LATER = datetime.now(timezone.utc) + att.ABANDONED_AFTER + timedelta(hours=1)


@pytest.fixture
def disk_store(db_path):
    s = open_store(db_path)
    yield s
    s.close()


def _staged_at(store, sha):
    row = store.conn.execute("SELECT staged_at FROM attachment WHERE sha256 = ?", (sha,)).fetchone()
    return None if row is None else row[0]


def _gone(store, stored) -> bool:
    return not stored.path.exists() and att.attachment_info(store, stored.sha256) is None


def _record(sha_ref, *, origin="other-desk", deleted=False):
    return {
        "kind": "field_visit",
        "id": new_id(),
        "updated_at": now_ts(),
        "origin": origin,
        "deleted": deleted,
        "data": {} if deleted else {**visit_data(), "attachments": [sha_ref]},
    }


def test_staged_until_a_saved_visit_names_it(disk_store):
    photo = att.add_bytes(disk_store, jpeg(), "a.jpg")
    assert photo.staged_at is not None and _staged_at(disk_store, photo.sha256) == photo.staged_at
    vid = fv.create_visit(disk_store, visit_data(attachments=[photo.ref()]), today=TODAY)
    assert _staged_at(disk_store, photo.sha256) is None
    # attached again to another (unsaved) visit: a kept file stays kept
    again = att.add_bytes(disk_store, jpeg(), "a.jpg")
    assert again.already_stored and again.staged_at is None
    # an edit (the CLI's `field attach` path) also marks its files kept
    second = att.add_bytes(disk_store, jpeg(color=(1, 2, 3)), "b.jpg")
    fv.update_visit(disk_store, vid, {"attachments": [photo.ref(), second.ref()]}, today=TODAY)
    assert _staged_at(disk_store, second.sha256) is None


def test_abandoned_file_removed_after_a_day_not_before(disk_store):
    left = att.add_bytes(disk_store, jpeg(), "left.jpg")
    saved = att.add_bytes(disk_store, heic(gps=True), "IMG_1.HEIC")
    fv.create_visit(disk_store, visit_data(attachments=[saved.ref()]), today=TODAY)
    assert att.remove_abandoned(disk_store).removed == []  # too fresh: the form may be open
    assert left.path.exists()
    done = att.remove_abandoned(disk_store, now=LATER)
    assert done.removed == [left.sha256] and done.freed == left.size
    assert _gone(disk_store, left)
    assert saved.path.exists() and att.read_attachment(disk_store, saved.sha256)
    assert att.remove_abandoned(disk_store, now=LATER).removed == []  # nothing left to do


def test_file_an_open_form_holds_is_kept(disk_store):
    held = att.add_bytes(disk_store, jpeg(), "open form.jpg")
    done = att.remove_abandoned(disk_store, now=LATER, keep={held.sha256})
    assert done.removed == [] and held.path.exists()


def test_named_by_any_record_is_never_removed(disk_store):
    """Staged files that something else names after all: each is kept, and marked kept."""
    named = {}

    # a visit received by sync or in a bundle (another desk's record, applied here)
    pulled = att.add_bytes(disk_store, jpeg(color=(10, 0, 0)), "pulled.jpg")
    assert disk_store.apply_record(_record(pulled.ref())) == "applied"
    named["pulled"] = pulled

    # a visit saved here and then deleted (its tombstone row still names the file)
    deleted = att.add_bytes(disk_store, jpeg(color=(20, 0, 0)), "deleted.jpg")
    vid = fv.create_visit(disk_store, visit_data(attachments=[deleted.ref()]), today=TODAY)
    fv.delete_visit(disk_store, vid)
    disk_store.conn.execute(  # make it staged again, as if the save had not marked it
        "UPDATE attachment SET staged_at = ? WHERE sha256 = ?", (now_ts(), deleted.sha256)
    )
    named["deleted"] = deleted

    # a batch from another desk kept here for relaying to the portal
    relayed = att.add_bytes(disk_store, jpeg(color=(30, 0, 0)), "relayed.jpg")
    body = json.dumps(
        {"batch_id": "b-1", "device_id": "other-desk", "created_at": now_ts(),
         "records": [_record(relayed.ref())]}
    ).encode()
    assert outbox.add_relayed(disk_store, "b-1", body, source="bundle:other-desk")
    named["relayed"] = relayed

    # a pulled version held back (it clashed with something here)
    held = att.add_bytes(disk_store, jpeg(color=(40, 0, 0)), "held.jpg")
    _hold(disk_store, _record(held.ref()), "IntegrityError: test")
    named["held"] = held

    for what, stored in named.items():
        assert att.referenced(disk_store, stored.sha256), what
        assert _staged_at(disk_store, stored.sha256) is not None, what

    orphan = att.add_bytes(disk_store, jpeg(color=(50, 0, 0)), "orphan.jpg")
    assert not att.referenced(disk_store, orphan.sha256)
    done = att.remove_abandoned(disk_store, now=LATER)
    assert done.removed == [orphan.sha256] and done.now_kept == len(named)
    for what, stored in named.items():
        assert stored.path.exists() and att.read_attachment(disk_store, stored.sha256), what
        assert _staged_at(disk_store, stored.sha256) is None, what


def test_received_and_older_files_are_never_candidates(disk_store):
    """Files from sync or a bundle, files a saved visit stopped naming (a backup may name
    them), and anything not ours in the folder are left alone."""
    from desktop.core import attachments as sync_files

    data = jpeg(color=(0, 99, 0))
    received = att.store_received(disk_store, hashlib.sha256(data).hexdigest(), data,
                                  "r.jpg", "image/jpeg")
    data2 = jpeg(color=(0, 88, 0))
    sha2 = hashlib.sha256(data2).hexdigest()
    sync_files.keep_received(disk_store, sha2, data2)  # a bundle's file, no row at all
    dropped = att.add_bytes(disk_store, jpeg(color=(0, 77, 0)), "dropped.jpg")
    vid = fv.create_visit(disk_store, visit_data(attachments=[dropped.ref()]), today=TODAY)
    fv.update_visit(disk_store, vid, {"attachments": []}, today=TODAY)
    stranger = att.attachments_root(disk_store) / "notes.txt"
    stranger.write_text("mine")
    # re-attaching a received file does not make it a candidate either
    assert att.add_bytes(disk_store, data2, "again.jpg").staged_at is None
    assert att.remove_abandoned(disk_store, now=LATER).removed == []
    assert received.exists() and dropped.path.exists() and stranger.exists()
    assert sync_files.read_if_intact(disk_store, sha2) == data2


def test_discard_unsaved_removes_at_once_unless_attached_again_or_named(disk_store):
    a = att.add_bytes(disk_store, jpeg(color=(1, 1, 1)), "a.jpg")
    b = att.add_bytes(disk_store, jpeg(color=(2, 2, 2)), "b.jpg")
    c = att.add_bytes(disk_store, jpeg(color=(3, 3, 3)), "c.jpg")
    again = att.add_bytes(disk_store, jpeg(color=(2, 2, 2)), "b.jpg")  # another program
    assert again.staged_at != b.staged_at
    disk_store.apply_record(_record(c.ref()))
    done = att.discard_unsaved(
        disk_store, {a.sha256: a.staged_at, b.sha256: b.staged_at, c.sha256: c.staged_at}
    )
    assert done.removed == [a.sha256] and _gone(disk_store, a)
    assert b.path.exists() and c.path.exists()
    # the same bytes attached after a discard are stored afresh
    back = att.add_bytes(disk_store, jpeg(color=(1, 1, 1)), "a.jpg")
    assert not back.already_stored and back.path.exists() and back.staged_at


def test_interrupted_writes_cleaned_after_a_day(disk_store):
    folder = att.attachments_root(disk_store) / "ab"
    folder.mkdir(parents=True)
    old, fresh, sync_part = folder / ".part-x1", folder / ".part-x2", folder / ("ab" * 32 + ".part")
    for path in (old, fresh, sync_part):
        path.write_bytes(b"half")
    day_ago = time.time() - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    os.utime(sync_part, (day_ago, day_ago))
    att.remove_abandoned(disk_store)
    assert not old.exists() and not sync_part.exists() and fresh.exists()


def test_restore_keeps_every_file(db_path, tmp_path):
    from desktop.core import maintenance

    store = open_store(db_path)
    staged = att.add_bytes(store, jpeg(), "in the form.jpg")
    backup = maintenance.backup(store, tmp_path / "backup.db")
    fv.create_visit(store, visit_data(attachments=[staged.ref()]), today=TODAY)
    store.close()
    maintenance.restore(backup, db_path)  # the backup still has it staged
    store = open_store(db_path)
    try:
        assert _staged_at(store, staged.sha256) is None
        assert att.remove_abandoned(store, now=LATER).removed == []
        assert staged.path.exists()
    finally:
        store.close()
