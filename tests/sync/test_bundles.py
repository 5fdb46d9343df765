"""USB bundles and receipts (SYNC-PROTOCOL.md §9)."""

from __future__ import annotations

import json
import zipfile

import pytest

from desktop.core.centre import init_centre
from desktop.core.export import export_jsonl
from desktop.core.sync import outbox, reconcile
from desktop.core.sync.bundle import BundleError, export_bundle, import_bundle
from desktop.core.sync.engine import SyncEngine, enrol
from desktop.core.sync.keys import DeviceKeys
from desktop.core.sync.receipt import (
    ReceiptError,
    export_receipt,
    import_receipt,
    own_fingerprint,
)
from desktop.store import open_store
from tests.sync.fakeportal import FakePortal
from tests.sync.helpers import fast_backoff, participant

URL = "http://127.0.0.1:9/v1"


def new_desk(code: str = "TST"):
    s = open_store(None)
    init_centre(s, code, "Test Institute", "परीक्षण संस्थान")
    return s


@pytest.fixture
def desks():
    a, b = new_desk(), new_desk()
    yield a, b
    a.close()
    b.close()


def dump(store) -> list[str]:
    import io

    out = io.StringIO()
    export_jsonl(store, out)
    return sorted(out.getvalue().splitlines())


def test_field_desk_to_relay_desk_to_portal_and_receipt_back(desks, tmp_path):
    field, relay = desks
    portal = FakePortal()
    enrol(relay, URL, "CODE1", transport=portal.transport())
    pids = [field.insert("participant", participant(i)) for i in range(30)]
    field.update("participant", pids[0], {"name_hi": "राम"})
    bad = field.insert("participant", {"name_en": "Bad", "mobile": "1"})
    path = tmp_path / "field.kdbundle"
    summary = export_bundle(field, path)
    assert summary["records"] == 31 and summary["batches"] == 1
    field_batches = {b.batch_id: b.body for b in outbox.sendable(field)}

    result = import_bundle(relay, path, trust_fingerprint=own_fingerprint(field))
    assert result["applied"] == 31 and result["relayed"] == 1
    assert relay.record("participant", pids[0])["data"]["name_hi"] == "राम"
    again = import_bundle(relay, path)
    assert again["already_imported"] is True
    assert outbox.pending_count(relay) == 31  # the relayed batch only, not re-batched

    portal.reject = lambda r: ("invalid_field", "mobile: must be 10 digits") if r["data"].get(
        "mobile") == "1" else None
    backoff, _ = fast_backoff()
    res = SyncEngine(relay, transport=portal.transport(), backoff=backoff).sync()
    assert res.pending == 0
    # relayed unchanged: same ids, same bytes
    assert {k: b for k, b in portal.posts} == field_batches
    assert {portal.records[p]["origin"] for p in pids} == {field.device_id}

    receipt = tmp_path / "back.kdreceipt"
    assert export_receipt(relay, receipt, field.device_id)["acked"] == 1
    got = import_receipt(field, receipt, trust_fingerprint=own_fingerprint(relay))
    assert got == {"file": str(receipt), "acked": 1, "rejected": 1, "unknown": 0,
                   "already_imported": False, "clock_warning": None,
                   "signer": {"device_id": relay.device_id,
                              "fingerprint": own_fingerprint(relay), "newly_trusted": True}}
    assert import_receipt(field, receipt)["already_imported"] is True
    assert outbox.pending_count(field) == 0
    assert [q["record_id"] for q in outbox.quarantined(field)] == [bad]
    assert reconcile.local_digest(field)["participant"] == portal.digest(
        field.device_id)["participant"]


def test_two_desks_exchanging_bundles_converge(desks, tmp_path):
    a, b = desks
    shared = a.insert("participant", participant(1))
    export_bundle(a, tmp_path / "a1.kdbundle")
    import_bundle(b, tmp_path / "a1.kdbundle", trust_fingerprint=own_fingerprint(a))
    a.update("participant", shared, {"name_en": "From A"})
    b.update("participant", shared, {"name_en": "From B"})  # later: wins everywhere
    a.insert("attendance", {"session_id": "s", "participant_id": shared, "status": "present"})
    b.insert("programme", {"code": "P", "title_en": "P", "hours": 2, "min_attendance_pct": 70})
    export_bundle(a, tmp_path / "a2.kdbundle")
    export_bundle(b, tmp_path / "b1.kdbundle")
    import_bundle(b, tmp_path / "a2.kdbundle")
    import_bundle(a, tmp_path / "b1.kdbundle", trust_fingerprint=own_fingerprint(b))
    assert dump(a) == dump(b)
    assert a.record("participant", shared)["data"]["name_en"] == "From B"


def _rewrite(src, dst, change):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for name in zin.namelist():
            data = change(name, zin.read(name))
            if data is not None:
                zout.writestr(name, data)


@pytest.mark.parametrize("what", ["batch", "manifest", "extra", "missing", "signature"])
def test_tampered_bundle_is_refused_whole_and_nothing_changes(desks, tmp_path, what):
    a, b = desks
    for i in range(3):
        a.insert("participant", participant(i))
    good = tmp_path / "good.kdbundle"
    export_bundle(a, good)
    bad = tmp_path / "bad.kdbundle"

    def change(name, data):
        if what == "batch" and name.startswith("batches/"):
            return data.replace(b"Person 1", b"Person X")
        if what == "manifest" and name == "manifest.json":
            return data.replace(b'"format"', b'"format" ')
        if what == "missing" and name.startswith("batches/"):
            return None
        if what == "signature" and name == "manifest.sig":
            return DeviceKeys.for_store(b).sign(b"other")
        return data

    _rewrite(good, bad, change)
    if what == "extra":
        with zipfile.ZipFile(bad, "a") as z:
            z.writestr("batches/evil.json", b"{}")
    before = dump(b)
    with pytest.raises(BundleError):
        import_bundle(b, bad, trust_fingerprint=own_fingerprint(a))
    assert dump(b) == before and outbox.sendable(b) == []


def test_a_known_desk_with_a_new_key_is_refused(desks, tmp_path):
    a, b = desks
    a.insert("participant", participant(1))
    export_bundle(a, tmp_path / "1.kdbundle")
    import_bundle(b, tmp_path / "1.kdbundle", trust_fingerprint=own_fingerprint(a))
    a.insert("participant", participant(2))
    other = DeviceKeys(tmp_path / "otherkeys")
    export_bundle(a, tmp_path / "2.kdbundle", keys=other)
    with pytest.raises(BundleError, match="different key"):
        import_bundle(b, tmp_path / "2.kdbundle")


def test_encrypted_bundle_only_opens_for_its_recipient(desks, tmp_path):
    a, b = desks
    c = new_desk()
    pid = a.insert("participant", participant(1, name_hi="सीता"))
    path = tmp_path / "enc.kdbundle"
    export_bundle(a, path, recipient=DeviceKeys.for_store(b).box_public_b64())
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        manifest = json.loads(z.read("manifest.json"))  # readable without the key
        blob = b"".join(z.read(n) for n in names if n.startswith("batches/"))
    assert manifest["encryption"]["alg"].startswith("X25519")
    assert b"Person" not in blob and "सीता".encode() not in blob
    with pytest.raises(BundleError, match="encrypted for another desk"):
        import_bundle(c, path, trust_fingerprint=own_fingerprint(a))
    assert import_bundle(b, path, trust_fingerprint=own_fingerprint(a))["applied"] == 1
    assert b.record("participant", pid)["data"]["name_hi"] == "सीता"
    c.close()


def test_bundle_from_another_institute_is_refused(tmp_path):
    a, other = new_desk("TST"), new_desk("OTH")
    a.insert("participant", participant(1))
    export_bundle(a, tmp_path / "x.kdbundle")
    with pytest.raises(BundleError, match="institute"):
        import_bundle(other, tmp_path / "x.kdbundle")


def test_receipt_for_another_desk_or_forged_is_refused(desks, tmp_path):
    a, b = desks
    path = tmp_path / "r.kdreceipt"
    export_receipt(b, path, "someone-else")
    with pytest.raises(ReceiptError, match="is for desk"):
        import_receipt(a, path)
    export_receipt(b, path, a.device_id)
    doc = json.loads(path.read_text())
    doc["receipt"] = doc["receipt"].replace('"acked":[]', '"acked":["x"]')
    path.write_text(json.dumps(doc))
    with pytest.raises(ReceiptError, match="signature"):
        import_receipt(a, path)


def test_cli_bundle_and_receipt_round_trip(tmp_path, cli):
    from desktop.core.centre import init_centre as init

    paths = []
    for name in ("a.db", "b.db"):
        p = tmp_path / name
        with open_store(p) as s:
            init(s, "TST", "Test")
            if name == "a.db":
                s.insert("participant", participant(7))
        paths.append(p)
    out = tmp_path / "a.kdbundle"
    code, stdout, _ = cli("--db", paths[0], "--json", "bundle", "export", out)
    assert code == 0 and json.loads(stdout)["records"] == 1
    fingerprint = json.loads(stdout)["signer_fingerprint"]
    code, stdout, _ = cli("--db", paths[1], "bundle", "import", out, "--json",
                          "--trust-signer", fingerprint)
    assert code == 0 and json.loads(stdout)["applied"] == 1
    code, stdout, err = cli("--db", paths[1], "bundle", "import", out)
    assert code == 0 and "already imported" in stdout
    code, stdout, _ = cli("--db", paths[1], "--json", "sync", "status")
    assert code == 0 and json.loads(stdout)["pending"] == 1
    (tmp_path / "junk.kdbundle").write_bytes(b"junk")
    code, _, err = cli("--db", paths[1], "bundle", "import", tmp_path / "junk.kdbundle")
    assert code == 2 and "is damaged: the file cannot be opened" in err
    code, _, err = cli("--db", paths[1], "sync")
    assert code == 2 and "not enrolled" in err


def test_cli_receipt_round_trip_exits_1_when_the_portal_rejected_records(tmp_path, cli):
    """`receipt export|import` (CLI.md): exit 1 when the receipt brings rejections the user
    must act on, 0 when everything arrived; importing it again changes nothing."""
    field_path, relay_path = tmp_path / "field.db", tmp_path / "relay.db"
    for p in (field_path, relay_path):
        with open_store(p) as s:
            init_centre(s, "TST", "Test Institute")
    portal = FakePortal()
    portal.reject = lambda r: ("invalid_field", "mobile: must be 10 digits") if r[
        "data"].get("mobile") == "1" else None
    with open_store(field_path) as field:
        field.insert("participant", participant(1))
        bad = field.insert("participant", {"name_en": "Bad", "mobile": "1"})
        field_id = field.device_id
    bundle = tmp_path / "f.kdbundle"
    code, out, _ = cli("--db", field_path, "bundle", "export", bundle)
    assert code == 0
    [field_fp] = [line.split(": ")[1].split()[0] for line in out.splitlines()
                  if line.startswith("This desk's key fingerprint")]
    assert cli("--db", relay_path, "bundle", "import", bundle, "--trust-signer", field_fp)[0] == 0
    with open_store(relay_path) as relay:
        enrol(relay, URL, "CODE1", transport=portal.transport())
        backoff, _ = fast_backoff()
        assert SyncEngine(relay, transport=portal.transport(), backoff=backoff).sync().pending == 0
    receipt = tmp_path / "back.kdreceipt"
    code, out, err = cli("--db", relay_path, "--json", "receipt", "export", receipt,
                         "--device", field_id)
    assert code == 0 and json.loads(out)["acked"] == 1, err
    fingerprint = json.loads(out)["signer_fingerprint"]
    code, out, err = cli("--db", field_path, "--json", "receipt", "import", receipt,
                         "--trust-signer", fingerprint)
    doc = json.loads(out)
    assert code == 1, err
    assert doc["acked"] == 1 and doc["rejected"] == 1
    with open_store(field_path) as field:
        assert [q["record_id"] for q in outbox.quarantined(field)] == [bad]
        assert outbox.pending_count(field) == 0
    code, out, _ = cli("--db", field_path, "receipt", "import", receipt)
    assert code == 0 and "already imported" in out
