"""A field desk, a relay desk and forged receipts, for the receipt-trust tests."""

from __future__ import annotations

import json

from desktop.core.centre import init_centre
from desktop.core.sync import outbox
from desktop.core.sync.bundle import export_bundle, import_bundle
from desktop.core.sync.engine import SyncEngine, enrol
from desktop.core.sync.keys import DeviceKeys
from desktop.core.sync.receipt import export_receipt, own_fingerprint
from desktop.store import open_store
from tests.sync.fakeportal import FakePortal
from tests.sync.helpers import fast_backoff, participant

URL = "http://127.0.0.1:9/v1"


def new_desk(path, code: str = "TST"):
    s = open_store(path)
    init_centre(s, code, "Test Institute")
    return s


class Relay:
    """A field desk, a relay desk enrolled with a fake portal, and the USB trips between."""

    def __init__(self, tmp_path):
        self.tmp = tmp_path
        self.field = new_desk(tmp_path / "field.db")
        self.relay = new_desk(tmp_path / "relay.db")
        self.portal = FakePortal()
        enrol(self.relay, URL, "CODE1", transport=self.portal.transport())
        self.trips = 0

    def carry(self, records: int = 2) -> list[str]:
        """New work on the field desk goes to the portal through the relay; returns the field
        desk's batch ids of this trip (still `queued` on the field desk)."""
        self.trips += 1
        for i in range(records):
            self.field.insert("participant", participant(100 * self.trips + i))
        path = self.tmp / f"trip{self.trips}.kdbundle"
        export_bundle(self.field, path)
        ids = [b.batch_id for b in outbox.sendable(self.field)]
        # The relay operator confirmed the field desk's key fingerprint on the first trip.
        import_bundle(self.relay, path, trust_fingerprint=own_fingerprint(self.field)
                      if self.trips == 1 else None)
        backoff, _ = fast_backoff()
        assert SyncEngine(self.relay, transport=self.portal.transport(),
                          backoff=backoff).sync().pending == 0
        return ids

    def receipt(self, name: str = "back.kdreceipt"):
        path = self.tmp / name
        export_receipt(self.relay, path, self.field.device_id)
        return path

    def close(self):
        self.field.close()
        self.relay.close()


def forge(path, *, for_desk: str, acked: list[str], claims: str, keys: DeviceKeys,
          institute: str = "TST"):
    """A receipt signed with `keys` but claiming to come from desk `claims`."""
    text = json.dumps({"format": "kdreceipt/1", "device_id": for_desk, "acked": acked,
                       "at": "2026-11-22T10:15:30.123Z"}, separators=(",", ":"))
    doc = {"receipt": text,
           "signer": {"device_id": claims, "institute_code": institute,
                      "public_key": keys.public_key_b64()},
           "signature": keys.sign(text.encode("utf-8"))}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def states(store, ids) -> set[str]:
    return {outbox.get_batch(store, b).state for b in ids}
