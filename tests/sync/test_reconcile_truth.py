"""`sync reconcile` tells the truth (issue 11): it sends what differs, compares again, and
exits 1 naming every record that still differs; exit 0 only when desk and portal agree.
Against the reference portal on loopback."""

from __future__ import annotations

import json

from desktop.store import open_store
from tests.sync.conftest import make_desk
from tests.sync.helpers import participant


def synced_desk(tmp_path, ref_portal, cli, count: int = 3):
    db = tmp_path / "desk.db"
    store = make_desk(db, ref_portal, ref_portal.url)
    ids = [store.insert("participant", participant(i)) for i in range(count)]
    store.close()
    code, _, err = cli("--db", db, "sync")
    assert code == 0, err
    return db, ids


def test_a_synced_desk_reconciles_clean(tmp_path, ref_portal, cli):
    db, _ = synced_desk(tmp_path, ref_portal, cli)
    code, out, err = cli("--db", db, "--json", "sync", "reconcile")
    doc = json.loads(out)
    assert code == 0, err
    assert doc["equal"] is True and doc["requeued"] == 0 and doc["remaining"] == []
    code, out, _ = cli("--db", db, "sync", "reconcile")
    assert code == 0 and "The portal holds exactly what this desk has." in out


def test_a_record_the_portal_lacks_is_sent_again_checked_and_then_clean(
        tmp_path, ref_portal, cli):
    db, ids = synced_desk(tmp_path, ref_portal, cli)
    with open_store(db) as store:
        lost = store.insert("participant", participant(9))
        # The desk believes it sent it (e.g. the answer of a lost batch was mis-recorded).
        store.conn.execute("UPDATE change_log SET state = 'acked' WHERE record_id = ?", (lost,))
    code, out, err = cli("--db", db, "--json", "sync", "reconcile")
    doc = json.loads(out)
    assert code == 0, out + err
    assert doc["kinds"]["participant"]["equal"] is False  # the first comparison differed
    assert doc["requeued"] == 4 and doc["sync"]["outcome"] == "ok"
    assert doc["equal"] is True and doc["after"]["participant"]["equal"] is True
    assert doc["remaining"] == []
    assert lost in {r["id"] for r in ref_portal.db.records(["participant"])}


def test_a_version_resending_cannot_fix_exits_1_and_names_the_record(
        tmp_path, ref_portal, cli):
    db, ids = synced_desk(tmp_path, ref_portal, cli)
    with open_store(db) as store:
        desk_version = store.record("participant", ids[1])
        device = store.device_id
    # The portal's administrator edits the record there: the portal now holds a newer
    # version than the desk's, which no resend of the desk's version can replace.
    ref_portal.db.put_admin_record({"kind": "participant", "id": ids[1],
                                    "data": {"name_en": "Edited at the portal"}})
    held = {r["id"]: r for r in ref_portal.db.records(["participant"])}[ids[1]]
    assert held["updated_at"] > desk_version["updated_at"]

    code, out, err = cli("--db", db, "--json", "sync", "reconcile")
    doc = json.loads(out)
    assert code == 1, out + err
    assert doc["equal"] is False and doc["requeued"] == 3
    assert doc["after"]["participant"]["equal"] is False
    assert doc["remaining"] == [{
        "kind": "participant", "id": ids[1], "problem": "portal_holds_other", "message": None,
        "desk": {"updated_at": desk_version["updated_at"], "origin": device},
        "portal": {"updated_at": held["updated_at"], "origin": held["origin"]}}]

    # In plain words too, and again on the next run: no quiet loop.
    code, out, err = cli("--db", db, "sync", "reconcile")
    assert code == 1, out + err
    assert "desk and portal still differ in participant (desk 3, portal 2)" in out
    assert (f"participant {ids[1]}: this desk has the version of "
            f"{desk_version['updated_at']} by {device}, the portal holds the version of "
            f"{held['updated_at']} by {held['origin']}") in out


def test_a_version_the_portal_refuses_on_resend_exits_1_and_names_the_record(
        tmp_path, ref_portal, cli):
    db, ids = synced_desk(tmp_path, ref_portal, cli)
    with open_store(db) as store:
        bad = store.insert("participant", {"name_en": "Bad", "mobile": "1"})
        store.conn.execute("UPDATE change_log SET state = 'acked' WHERE record_id = ?", (bad,))
    code, out, err = cli("--db", db, "--json", "sync", "reconcile")
    doc = json.loads(out)
    assert code == 1, out + err
    [named] = doc["remaining"]
    assert named["id"] == bad and named["problem"] == "rejected" and named["portal"] is None
    assert "mobile" in named["message"]


def test_reconcile_that_is_refused_or_cannot_send_exits_1(
        tmp_path, ref_portal, proxy, cli):
    db = tmp_path / "desk.db"
    store = make_desk(db, ref_portal, proxy.url)
    first = store.insert("participant", participant(1))
    store.close()
    code, _, err = cli("--db", db, "sync")
    assert code == 0, err
    with open_store(db) as store:
        lost = store.insert("participant", participant(2))
        store.conn.execute("UPDATE change_log SET state = 'acked' WHERE record_id = ?", (lost,))
    proxy.plan("POST", "/batches", "status:400")  # the portal refuses the whole batch
    code, out, err = cli("--db", db, "--json", "sync", "reconcile")
    assert code == 1, out + err
    assert {d["id"] for d in json.loads(out)["remaining"]} == {lost, first}

    proxy.plan("POST", "/batches", "status:429:3600")  # the portal asks to wait an hour
    with open_store(db) as store:
        store.update("participant", lost, {"designation": "Clerk"})  # leaves quarantine
        store.update("participant", first, {"designation": "Clerk"})
        store.conn.execute("UPDATE change_log SET state = 'acked' WHERE record_id = ?", (lost,))
    code, out, err = cli("--db", db, "--json", "sync", "reconcile")
    doc = json.loads(out)
    assert code == 1, out + err
    assert doc["after"] is None and doc["sync"]["outcome"] == "offline" and doc["equal"] is False
    code, out, err = cli("--db", db, "sync", "reconcile")
    assert code == 1, out + err
    assert "Not checked again: the records queued again were not all sent" in out


def test_another_desks_newer_version_at_the_portal_is_named(tmp_path, ref_portal, cli):
    db, ids = synced_desk(tmp_path, ref_portal, cli)
    other = make_desk(tmp_path / "other.db", ref_portal, ref_portal.url)
    with open_store(db) as store:
        mine = store.record("participant", ids[0])
    other.apply_record(mine)  # e.g. it came by USB
    other.update("participant", ids[0], {"designation": "Head Clerk"})
    theirs = other.record("participant", ids[0])
    other.close()
    code, _, err = cli("--db", tmp_path / "other.db", "sync")
    assert code == 0, err

    code, out, err = cli("--db", db, "--json", "sync", "reconcile")
    assert code == 1, out + err
    [named] = json.loads(out)["remaining"]
    assert named["id"] == ids[0] and named["problem"] == "portal_holds_other"
    assert named["desk"] == {"updated_at": mine["updated_at"], "origin": mine["origin"]}
    assert named["portal"] == {"updated_at": theirs["updated_at"], "origin": theirs["origin"]}


def test_a_later_sync_warns_that_differences_remain(tmp_path, ref_portal, cli):
    db, ids = synced_desk(tmp_path, ref_portal, cli)
    ref_portal.db.put_admin_record({"kind": "participant", "id": ids[0],
                                    "data": {"name_en": "Edited at the portal"}})
    code, out, err = cli("--db", db, "sync", "reconcile")
    assert code == 1, out + err
    code, out, err = cli("--db", db, "--json", "sync")
    assert code == 0, out + err  # nothing pending: sync's own contract
    assert json.loads(out)["differs_from_portal"] == ["participant"]
    code, out, err = cli("--db", db, "sync")
    assert "Warning: this desk and the portal still differ in participant" in out
