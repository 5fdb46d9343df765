"""Bundles are applied only from desk keys this desk trusts (SYNC-PROTOCOL.md §9), with the
receipts' rule and table (`desktop.core.sync.trust`).

A `.kdbundle` carries its signer's key in its own manifest, so without a trust list anyone
could write one that overwrites records on the relay desk (last writer wins) and is relayed to
the portal as the institute's work. These tests forge such bundles and check that nothing is
applied or relayed unless the user confirmed the signer's fingerprint."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.core.centre import init_centre
from desktop.core.sync import outbox, trust
from desktop.core.sync.bundle import UntrustedSigner, export_bundle, import_bundle
from desktop.core.sync.engine import SyncEngine
from desktop.core.sync.keys import DeviceKeys
from desktop.core.sync.receipt import UntrustedSigner as UntrustedReceiptSigner
from desktop.core.sync.receipt import export_receipt, import_receipt, own_fingerprint
from desktop.store import open_store
from desktop.store.migrations import m0203_sync_trusted_signer
from tests.sync.helpers import fast_backoff, participant
from tests.sync.receipt_helpers import states


def count(store, table: str) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608


def field_bundle(trip, name: str = "f.kdbundle", *, records: int = 2, keys=None):
    """New work on the field desk, exported (not imported anywhere yet)."""
    for i in range(records):
        trip.field.insert("participant", participant(500 + count(trip.field, "participant") + i))
    path = trip.tmp / name
    export_bundle(trip.field, path, keys=keys)
    return path


def relay_untouched(trip, *, records: int, bundles: int, sendable: int) -> None:
    assert count(trip.relay, "participant") == records
    assert count(trip.relay, "sync_bundle_in") == bundles
    assert len(outbox.sendable(trip.relay)) == sendable


def sync_relay(trip) -> None:
    backoff, _ = fast_backoff()
    SyncEngine(trip.relay, transport=trip.portal.transport(), backoff=backoff).sync()


def test_unknown_signer_is_refused_by_default_with_device_institute_and_fingerprint(trip):
    path = field_bundle(trip)
    with pytest.raises(UntrustedSigner) as info:
        import_bundle(trip.relay, path)
    err = info.value
    fp = own_fingerprint(trip.field)
    assert err.device_id == trip.field.device_id and not err.changed and err.fingerprint == fp
    assert trip.field.device_id in str(err) and "institute TST" in str(err) and fp in str(err)
    assert "does not trust" in str(err) and "import the bundle again" in str(err)
    relay_untouched(trip, records=0, bundles=0, sendable=0)
    assert trust.trusted_keys(trip.relay) == [] and count(trip.relay, "sync_peer") == 0


def test_wrong_or_empty_fingerprint_is_refused_and_trusts_nothing(trip):
    path = field_bundle(trip)
    wrong = DeviceKeys(trip.tmp / "other").fingerprint()
    with pytest.raises(UntrustedSigner, match="not the fingerprint") as info:
        import_bundle(trip.relay, path, trust_fingerprint=wrong)
    assert info.value.given == wrong
    with pytest.raises(UntrustedSigner):
        import_bundle(trip.relay, path, trust_fingerprint="")
    relay_untouched(trip, records=0, bundles=0, sendable=0)
    assert trust.trusted_keys(trip.relay) == []


def test_matching_fingerprint_trusts_in_the_import_and_later_bundles_import_silently(trip):
    typed = own_fingerprint(trip.field).lower().replace("-", " ")  # as read out by phone
    got = import_bundle(trip.relay, field_bundle(trip), trust_fingerprint=typed)
    assert got["applied"] == 2 and got["relayed"] == 1
    assert got["signer"] == {"device_id": trip.field.device_id,
                             "fingerprint": own_fingerprint(trip.field), "newly_trusted": True}
    [row] = trust.trusted_keys(trip.relay)
    assert row["device_id"] == trip.field.device_id and row["how"] == "confirmed"
    assert row["fingerprint"] == own_fingerprint(trip.field) and row["institute_code"] == "TST"

    second = import_bundle(trip.relay, field_bundle(trip, "second.kdbundle"))  # no question
    assert second["applied"] == 2 and second["signer"]["newly_trusted"] is False
    assert len(trust.trusted_keys(trip.relay)) == 1


def test_trust_is_recorded_in_the_same_transaction_as_the_import(trip, monkeypatch):
    """An import that fails half-way leaves the key untrusted, as if nothing happened."""
    path = field_bundle(trip)

    def broken(*a, **k):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(outbox, "add_relayed", broken)
    with pytest.raises(sqlite3.OperationalError):
        import_bundle(trip.relay, path, trust_fingerprint=own_fingerprint(trip.field))
    assert trust.trusted_keys(trip.relay) == []
    relay_untouched(trip, records=0, bundles=0, sendable=0)


def test_forged_bundle_with_a_known_device_id_is_refused_and_nothing_applied_or_relayed(trip):
    ids = trip.carry()  # the relay trusts the field desk's real key
    relayed_before = len(trip.portal.posts)
    shared = trip.field.conn.execute("SELECT id FROM participant LIMIT 1").fetchone()[0]
    trip.field.update("participant", shared, {"name_en": "Forged Name"})
    forger = DeviceKeys(trip.tmp / "forger")
    path = field_bundle(trip, "forged.kdbundle", keys=forger)
    with pytest.raises(UntrustedSigner, match="may be forged") as info:
        import_bundle(trip.relay, path)
    assert info.value.changed and info.value.fingerprint == forger.fingerprint()
    assert info.value.device_id == trip.field.device_id
    # Confirming the desk's real fingerprint does not let the forger's key through either.
    with pytest.raises(UntrustedSigner, match="not the fingerprint"):
        import_bundle(trip.relay, path, trust_fingerprint=own_fingerprint(trip.field))
    assert trip.relay.record("participant", shared)["data"]["name_en"] != "Forged Name"
    relay_untouched(trip, records=2, bundles=1, sendable=0)
    sync_relay(trip)
    assert len(trip.portal.posts) == relayed_before
    assert [r["fingerprint"] for r in trust.trusted_keys(trip.relay)] == [
        own_fingerprint(trip.field)]
    assert states(trip.field, ids) == {"queued"}


def test_forged_bundle_from_an_unseen_desk_is_neither_applied_nor_relayed(trip):
    """The hole this closes: a new device id used to be remembered on first sight and its
    bundle applied and relayed to the portal."""
    trip.carry()
    forger_desk = open_store(trip.tmp / "forger.db")
    try:
        init_centre(forger_desk, "TST", "Test Institute")
        shared = trip.relay.conn.execute("SELECT id FROM participant LIMIT 1").fetchone()[0]
        forger_desk.apply_record(trip.relay.record("participant", shared))
        forger_desk.update("participant", shared, {"name_en": "Overwritten"})
        export_bundle(forger_desk, trip.tmp / "forged.kdbundle")
        posts = len(trip.portal.posts)
        with pytest.raises(UntrustedSigner) as info:
            import_bundle(trip.relay, trip.tmp / "forged.kdbundle")
        assert not info.value.changed and info.value.device_id == forger_desk.device_id
        assert trip.relay.record("participant", shared)["data"]["name_en"] != "Overwritten"
        relay_untouched(trip, records=2, bundles=1, sendable=0)
        sync_relay(trip)
        assert len(trip.portal.posts) == posts
        assert trip.relay.conn.execute(
            "SELECT 1 FROM sync_peer WHERE device_id = ?", (forger_desk.device_id,)
        ).fetchone() is None
    finally:
        forger_desk.close()


def test_a_reinstalled_desk_is_accepted_only_when_its_new_fingerprint_is_confirmed(trip):
    trip.carry()
    new_keys = DeviceKeys(trip.tmp / "reinstalled")
    path = field_bundle(trip, "new-key.kdbundle", keys=new_keys)
    with pytest.raises(UntrustedSigner, match="different key"):
        import_bundle(trip.relay, path)
    got = import_bundle(trip.relay, path, trust_fingerprint=new_keys.fingerprint())
    assert got["applied"] == 2 and got["signer"]["newly_trusted"]
    assert len(trust.trusted_keys(trip.relay)) == 2  # the old key is listed: remove it there


def test_untrust_makes_the_desk_ask_again(trip):
    trip.carry()
    fp = own_fingerprint(trip.field)
    assert trust.untrust(trip.relay, "0000-0000-0000-0000-0000") == []
    [removed] = trust.untrust(trip.relay, fp.lower())
    assert removed["device_id"] == trip.field.device_id and trust.trusted_keys(trip.relay) == []
    path = field_bundle(trip, "after.kdbundle")
    with pytest.raises(UntrustedSigner) as info:
        import_bundle(trip.relay, path)
    assert not info.value.changed
    relay_untouched(trip, records=2, bundles=1, sendable=0)
    assert import_bundle(trip.relay, path, trust_fingerprint=fp)["applied"] == 2


def _as_before_bundle_trust(store, path):
    """Turn an on-disk desk back into one from before m0204 (bundles trusted on first sight),
    keeping what it imported, and reopen it: the migration runs."""
    store.conn.execute("DROP TABLE sync_trusted_signer")
    for statement in m0203_sync_trusted_signer._SQL.split(";"):
        if statement.strip():
            store.conn.execute(statement)
    store.conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0204_sync_trust_bundles'")
    store.conn.commit()
    store.close()
    return open_store(path)


def test_a_desk_imported_from_before_the_upgrade_keeps_working(trip):
    trip.carry()
    trip.relay = _as_before_bundle_trust(trip.relay, trip.tmp / "relay.db")
    [row] = trust.trusted_keys(trip.relay)
    assert row["device_id"] == trip.field.device_id and row["how"] == "carried_over"
    assert row["fingerprint"] == own_fingerprint(trip.field)
    got = import_bundle(trip.relay, field_bundle(trip, "after-upgrade.kdbundle"))  # no question
    assert got["applied"] == 2 and got["signer"]["newly_trusted"] is False
    # Another key claiming that desk is still a possible forgery.
    with pytest.raises(UntrustedSigner, match="may be forged"):
        import_bundle(trip.relay, field_bundle(
            trip, "forged.kdbundle", keys=DeviceKeys(trip.tmp / "forger")))


def test_a_carried_over_key_is_not_trusted_for_receipts_until_confirmed(trip):
    """It was never compared by fingerprint: it keeps bundles working, nothing more."""
    trip.carry()
    trip.relay = _as_before_bundle_trust(trip.relay, trip.tmp / "relay.db")
    path = trip.tmp / "from-field.kdreceipt"
    export_receipt(trip.field, path, trip.relay.device_id)
    with pytest.raises(UntrustedReceiptSigner) as info:
        import_receipt(trip.relay, path)
    assert not info.value.changed
    got = import_receipt(trip.relay, path, trust_fingerprint=own_fingerprint(trip.field))
    assert got["signer"]["newly_trusted"] is True
    [row] = trust.trusted_keys(trip.relay)
    assert row["how"] == "confirmed"


def test_a_desk_known_only_from_receipts_is_not_carried_over(trip):
    trip.carry()
    import_receipt(trip.field, trip.receipt(), trust_fingerprint=own_fingerprint(trip.relay))
    trip.field = _as_before_bundle_trust(trip.field, trip.tmp / "field.db")
    # The dropped table held the confirmed receipt key; the migration does not invent it
    # from sync_peer, because no bundle was ever imported from the relay desk.
    assert trust.trusted_keys(trip.field) == []


# -- command line (CLI.md: refused input is exit 2, nothing changed) ------------------------

def test_cli_refuses_an_unknown_signer_with_exit_2_and_the_command_to_run(trip, cli):
    path = field_bundle(trip)
    relay_db = trip.tmp / "relay.db"
    fp = own_fingerprint(trip.field)
    code, out, err = cli("--db", relay_db, "bundle", "import", path)
    assert code == 2 and out == ""
    assert trip.field.device_id in err and "institute TST" in err and fp in err
    assert f"karmayogi-desk --db {relay_db} bundle import {path} --trust-signer {fp}" in err
    wrong = DeviceKeys(trip.tmp / "other").fingerprint()
    code, out, err = cli("--db", relay_db, "bundle", "import", path, "--trust-signer", wrong)
    assert code == 2 and "not the fingerprint" in err and "--trust-signer" not in err
    relay_untouched(trip, records=0, bundles=0, sendable=0)

    code, out, err = cli("--db", relay_db, "bundle", "import", path, "--trust-signer", fp)
    assert code == 0 and "is now trusted" in out and "2 record(s) applied" in out, err
    code, out, err = cli("--db", relay_db, "bundle", "import",
                         field_bundle(trip, "second.kdbundle"))
    assert code == 0 and "now trusted" not in out and "2 record(s) applied" in out, err


def test_cli_refuses_a_forged_bundle_loudly_with_exit_2(trip, cli):
    trip.carry()
    path = field_bundle(trip, "forged.kdbundle", keys=DeviceKeys(trip.tmp / "forger"))
    code, out, err = cli("--db", trip.tmp / "relay.db", "bundle", "import", path)
    assert code == 2 and "may be forged" in err and trip.field.device_id in err
    relay_untouched(trip, records=2, bundles=1, sendable=0)


def test_cli_lists_and_revokes_trusted_desk_keys(trip, cli):
    relay_db = trip.tmp / "relay.db"
    code, out, _ = cli("--db", relay_db, "keys", "trusted")
    assert code == 0 and "No desk keys are trusted yet." in out
    trip.carry()
    fp = own_fingerprint(trip.field)
    code, out, _ = cli("--db", relay_db, "keys", "trusted")
    assert code == 0 and fp in out and trip.field.device_id in out and "confirmed" in out
    code, out, _ = cli("--db", relay_db, "--json", "keys", "trusted")
    [row] = json.loads(out)
    assert row["fingerprint"] == fp and row["device_id"] == trip.field.device_id

    code, _, err = cli("--db", relay_db, "keys", "untrust", "0000-0000-0000-0000-0000")
    assert code == 2 and "No trusted desk key" in err
    code, out, _ = cli("--db", relay_db, "keys", "untrust", fp.replace("-", "").lower())
    assert code == 0 and "no longer trusted" in out and trip.field.device_id in out
    assert trust.trusted_keys(trip.relay) == []
    code, _, err = cli("--db", relay_db, "bundle", "import", field_bundle(trip, "x.kdbundle"))
    assert code == 2 and "does not trust" in err
