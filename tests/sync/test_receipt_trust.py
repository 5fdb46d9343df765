"""Receipts are applied only from relay-desk keys this desk trusts (SYNC-PROTOCOL.md §9).

A `.kdreceipt` carries its signer's key, so without a trust list anyone could write one that
marks a field desk's batches acked — and a desk that never goes online would then believe
its attendance reached the portal. These tests forge such receipts and check that nothing
becomes acked unless the user confirmed the signer's fingerprint."""

from __future__ import annotations

import json
import re

import pytest

from desktop.core.sync import outbox, trust
from desktop.core.sync.bundle import export_bundle, import_bundle
from desktop.core.sync.keys import DeviceKeys, fingerprint
from desktop.core.sync.receipt import (
    ReceiptError,
    UntrustedSigner,
    export_receipt,
    import_receipt,
    own_fingerprint,
    trusted_signers,
)
from tests.sync.helpers import participant
from tests.sync.receipt_helpers import forge, states


def test_fingerprint_is_short_speakable_and_tied_to_the_key(tmp_path):
    a, b = DeviceKeys(tmp_path / "a"), DeviceKeys(tmp_path / "b")
    fa = a.fingerprint()
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){4}", fa)
    assert fa == fingerprint(a.public_key_b64()) == DeviceKeys(tmp_path / "a").fingerprint()
    assert fa != b.fingerprint()


def test_unknown_signer_is_refused_by_default_and_nothing_changes(trip):
    ids = trip.carry()
    path = trip.receipt()
    with pytest.raises(UntrustedSigner) as info:
        import_receipt(trip.field, path)
    err = info.value
    assert err.device_id == trip.relay.device_id and not err.changed
    assert err.fingerprint == own_fingerprint(trip.relay)
    assert trip.relay.device_id in str(err) and err.fingerprint in str(err)
    assert "does not trust" in str(err)
    assert states(trip.field, ids) == {"queued"}
    assert trusted_signers(trip.field) == []
    assert trip.field.conn.execute("SELECT count(*) FROM sync_receipt_in").fetchone()[0] == 0


def test_wrong_fingerprint_is_refused_and_trusts_nothing(trip):
    ids = trip.carry()
    path = trip.receipt()
    wrong = DeviceKeys(trip.tmp / "other").fingerprint()
    with pytest.raises(UntrustedSigner, match="not the fingerprint"):
        import_receipt(trip.field, path, trust_fingerprint=wrong)
    with pytest.raises(UntrustedSigner):
        import_receipt(trip.field, path, trust_fingerprint="")
    assert states(trip.field, ids) == {"queued"} and trusted_signers(trip.field) == []


def test_matching_fingerprint_trusts_the_key_and_later_receipts_import_silently(trip):
    ids = trip.carry()
    typed = own_fingerprint(trip.relay).lower().replace("-", " ")  # as read out by phone
    got = import_receipt(trip.field, trip.receipt(), trust_fingerprint=typed)
    assert got["acked"] == len(ids) and got["signer"]["newly_trusted"] is True
    assert states(trip.field, ids) == {"acked"}
    [row] = trusted_signers(trip.field)
    assert row["device_id"] == trip.relay.device_id
    assert row["fingerprint"] == own_fingerprint(trip.relay) and row["how"] == "confirmed"

    more = trip.carry()
    second = import_receipt(trip.field, trip.receipt("second.kdreceipt"))  # no confirmation
    assert second["acked"] == len(more) and second["signer"]["newly_trusted"] is False
    assert states(trip.field, more) == {"acked"}
    assert outbox.pending_count(trip.field) == 0


def test_forged_receipt_with_the_relays_device_id_is_refused_and_nothing_is_acked(trip):
    first = trip.carry()
    import_receipt(trip.field, trip.receipt(), trust_fingerprint=own_fingerprint(trip.relay))
    assert states(trip.field, first) == {"acked"}
    # New work leaves on a USB stick that never reaches the portal; a forger answers for it.
    trip.field.insert("participant", participant(999))
    export_bundle(trip.field, trip.tmp / "lost.kdbundle")
    lost = [b.batch_id for b in outbox.sendable(trip.field)]
    forger = DeviceKeys(trip.tmp / "forger")
    path = forge(trip.tmp / "forged.kdreceipt", for_desk=trip.field.device_id, acked=lost,
                 claims=trip.relay.device_id, keys=forger)
    with pytest.raises(UntrustedSigner, match="may be forged") as info:
        import_receipt(trip.field, path)
    assert info.value.changed and info.value.fingerprint == forger.fingerprint()
    assert states(trip.field, lost) == {"queued"}
    assert outbox.pending_count(trip.field) == 1
    # Confirming the relay's real fingerprint does not let the forger's key through either.
    with pytest.raises(UntrustedSigner):
        import_receipt(trip.field, path, trust_fingerprint=own_fingerprint(trip.relay))
    assert states(trip.field, lost) == {"queued"}
    assert [r["fingerprint"] for r in trusted_signers(trip.field)] == [
        own_fingerprint(trip.relay)]


def test_forged_receipt_on_a_desk_that_never_trusted_anyone_is_refused(trip):
    trip.field.insert("participant", participant(1))
    export_bundle(trip.field, trip.tmp / "lost.kdbundle")
    lost = [b.batch_id for b in outbox.sendable(trip.field)]
    path = forge(trip.tmp / "forged.kdreceipt", for_desk=trip.field.device_id, acked=lost,
                 claims=trip.relay.device_id, keys=DeviceKeys(trip.tmp / "forger"))
    with pytest.raises(UntrustedSigner):
        import_receipt(trip.field, path)
    assert states(trip.field, lost) == {"queued"}


def test_a_bundle_cannot_pin_a_key_for_receipts_without_confirmation(trip):
    """A bundle (even an empty one) from an unconfirmed key is refused, so it is no way to
    make a forger's key trusted for receipts; a key confirmed for a desk's bundles is the same
    trusted key for its receipts (one list of trusted desk keys)."""
    ids = trip.carry()
    export_bundle(trip.relay, trip.tmp / "relay.kdbundle")
    with pytest.raises(trust.UntrustedSigner):
        import_bundle(trip.field, trip.tmp / "relay.kdbundle")
    with pytest.raises(UntrustedSigner) as info:
        import_receipt(trip.field, trip.receipt())
    assert not info.value.changed
    assert states(trip.field, ids) == {"queued"} and trusted_signers(trip.field) == []
    import_bundle(trip.field, trip.tmp / "relay.kdbundle",
                  trust_fingerprint=own_fingerprint(trip.relay))
    got = import_receipt(trip.field, trip.receipt("2.kdreceipt"))
    assert got["signer"]["newly_trusted"] is False and states(trip.field, ids) == {"acked"}


def test_a_changed_key_is_accepted_only_when_its_fingerprint_is_confirmed(trip):
    """A reinstalled relay desk has a new key: loud refusal, then explicit trust."""
    first = trip.carry()
    import_receipt(trip.field, trip.receipt(), trust_fingerprint=own_fingerprint(trip.relay))
    ids = trip.carry()
    new_keys = DeviceKeys(trip.tmp / "reinstalled")
    path = trip.tmp / "new-key.kdreceipt"
    export_receipt(trip.relay, path, trip.field.device_id, keys=new_keys)
    with pytest.raises(UntrustedSigner) as info:
        import_receipt(trip.field, path)
    assert info.value.changed and "different key" in str(info.value)
    assert states(trip.field, ids) == {"queued"}
    got = import_receipt(trip.field, path, trust_fingerprint=new_keys.fingerprint())
    assert got["signer"]["newly_trusted"] and states(trip.field, first + ids) == {"acked"}
    assert len(trusted_signers(trip.field)) == 2


def test_a_trusted_key_is_still_checked_against_a_fingerprint_given_by_mistake(trip):
    trip.carry()
    import_receipt(trip.field, trip.receipt(), trust_fingerprint=own_fingerprint(trip.relay))
    ids = trip.carry()
    with pytest.raises(UntrustedSigner, match="not the fingerprint"):
        import_receipt(trip.field, trip.receipt("2.kdreceipt"),
                       trust_fingerprint=DeviceKeys(trip.tmp / "x").fingerprint())
    assert states(trip.field, ids) == {"queued"}


def test_tampered_receipt_from_a_trusted_key_is_still_refused(trip):
    trip.carry()
    import_receipt(trip.field, trip.receipt(), trust_fingerprint=own_fingerprint(trip.relay))
    trip.field.insert("participant", participant(7))
    export_bundle(trip.field, trip.tmp / "lost.kdbundle")
    lost = [b.batch_id for b in outbox.sendable(trip.field)]
    path = trip.receipt("2.kdreceipt")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["receipt"] = doc["receipt"].replace('"acked":[', f'"acked":["{lost[0]}",', 1)
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ReceiptError, match="signature"):
        import_receipt(trip.field, path)
    assert states(trip.field, lost) == {"queued"}


def test_cli_refuses_an_unknown_signer_with_exit_2_until_its_fingerprint_is_given(trip, cli):
    ids = trip.carry()
    path = trip.tmp / "cli.kdreceipt"
    code, out, err = cli("--db", trip.tmp / "relay.db", "receipt", "export", path,
                         "--device", trip.field.device_id)
    relay_fp = own_fingerprint(trip.relay)
    assert code == 0 and f"This desk's key fingerprint: {relay_fp}" in out, err
    code, out, _ = cli("--db", trip.tmp / "relay.db", "--json", "receipt", "export", path,
                       "--device", trip.field.device_id)
    assert code == 0 and json.loads(out)["signer_fingerprint"] == relay_fp
    field_db = trip.tmp / "field.db"

    code, out, err = cli("--db", field_db, "receipt", "import", path)
    assert code == 2 and out == ""
    assert trip.relay.device_id in err and relay_fp in err
    assert f"--db {field_db} receipt import {path} --trust-signer {relay_fp}" in err
    wrong = DeviceKeys(trip.tmp / "other").fingerprint()
    code, out, err = cli("--db", field_db, "receipt", "import", path, "--trust-signer", wrong)
    assert code == 2 and "not the fingerprint" in err and "--trust-signer" not in err
    assert states(trip.field, ids) == {"queued"} and trusted_signers(trip.field) == []

    code, out, err = cli("--db", field_db, "--json", "receipt", "import", path,
                         "--trust-signer", relay_fp)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["acked"] == len(ids) and doc["signer"] == {
        "device_id": trip.relay.device_id, "fingerprint": relay_fp, "newly_trusted": True}
    assert states(trip.field, ids) == {"acked"}

    more = trip.carry()
    code, out, err = cli("--db", field_db, "receipt", "import",
                         trip.receipt("second.kdreceipt"))
    assert code == 0 and "now trusted" not in out and f"{len(more)} batch(es)" in out, err
    assert states(trip.field, more) == {"acked"}


def test_cli_refuses_a_forged_receipt_loudly_with_exit_2(trip, cli):
    trip.carry()
    import_receipt(trip.field, trip.receipt(), trust_fingerprint=own_fingerprint(trip.relay))
    trip.field.insert("participant", participant(999))
    export_bundle(trip.field, trip.tmp / "lost.kdbundle")
    lost = [b.batch_id for b in outbox.sendable(trip.field)]
    path = forge(trip.tmp / "forged.kdreceipt", for_desk=trip.field.device_id, acked=lost,
                 claims=trip.relay.device_id, keys=DeviceKeys(trip.tmp / "forger"))
    code, out, err = cli("--db", trip.tmp / "field.db", "receipt", "import", path)
    assert code == 2 and "may be forged" in err and trip.relay.device_id in err
    assert states(trip.field, lost) == {"queued"}
