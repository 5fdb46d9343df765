"""A damaged bundle or receipt (a pulled USB stick, a bad copy) is refused cleanly: exit 2, a
plain message naming the part, no traceback, and the database exactly as before.

Each test writes a real file, then damages it at many seeded random offsets (one byte XORed
with a random non-zero value) and cuts it at random lengths, and runs the CLI in-process on
every copy. A few flips land in bytes that carry no meaning (a ZIP entry's date, JSON
whitespace); the file then reads back exactly as written, so it must be imported as the
intact one is — the test checks that too, and puts the database back afterwards."""

from __future__ import annotations

import json
import random
import re
import sqlite3
import zipfile
from pathlib import Path

from desktop.core.sync.bundle import export_bundle
from desktop.core.sync.receipt import own_fingerprint
from tests.sync.helpers import participant
from tests.sync.receipt_helpers import Relay, new_desk

FLIPS, CUTS = 160, 40


def db_dump(path: Path) -> list[str]:
    """Every row of every table, as SQL text: the database's whole state."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def restore(pristine: Path, path: Path) -> None:
    src, dst = sqlite3.connect(pristine), sqlite3.connect(path)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def damaged_copies(data: bytes, seed: int):
    """(label, damaged bytes): single-byte flips at random offsets (a quarter of them in the
    last 300 bytes, where a ZIP keeps its directory) and truncations at random lengths."""
    rng = random.Random(seed)
    size = len(data)
    tail = range(max(0, size - 300), size)
    offsets = rng.sample(range(size), FLIPS * 3 // 4) + rng.sample(tail, FLIPS // 4)
    for offset in offsets:
        copy = bytearray(data)
        copy[offset] ^= rng.randrange(1, 256)
        yield f"byte {offset} flipped", bytes(copy)
    for length in rng.sample(range(size), CUTS):
        yield f"cut at {length} of {size} bytes", data[:length]


def zip_entries(data: bytes, path: Path) -> dict[str, bytes] | None:
    """The entries as Python's zipfile reads them, or None when it cannot."""
    path.write_bytes(data)
    try:
        with zipfile.ZipFile(path) as zf:
            return {info.filename: zf.read(info) for info in zf.infolist()}
    except Exception:  # noqa: BLE001 - the damaged file fails in many ways
        return None


def check_refusal(code: int, out: str, err: str, what: str, label: str) -> str:
    assert code == 2, f"{label}: exit {code}, {err}"
    assert "Traceback" not in err and "Error:" not in err, f"{label}: {err}"
    assert f"The {what} " in err and "is damaged: " in err, f"{label}: {err}"
    assert "nothing was changed" in err, f"{label}: {err}"
    assert out == "", label
    return err


def test_a_damaged_bundle_is_refused_whole_with_the_part_named(tmp_path, cli):
    field = new_desk(tmp_path / "field.db")
    field.meta_set("sync.limits", json.dumps({"max_records": 10}))
    pids = [field.insert("participant", participant(i)) for i in range(35)]
    field.update("participant", pids[0], {"name_hi": "राम"})
    good = tmp_path / "good.kdbundle"
    export_bundle(field, good)
    fingerprint = own_fingerprint(field)
    field.close()
    relay = tmp_path / "relay.db"
    new_desk(relay).close()
    code, _, err = cli("--db", relay, "sync", "status")  # any upgrade work done before
    assert code == 0, err
    pristine = tmp_path / "pristine.db"
    restore(relay, pristine)
    before = db_dump(relay)
    data = good.read_bytes()
    intact = zip_entries(data, tmp_path / "probe.kdbundle")
    assert intact is not None and sum(n.startswith("batches/") for n in intact) == 4

    bad = tmp_path / "bad.kdbundle"
    refused, reasons = 0, set()
    for label, copy in damaged_copies(data, seed=11):
        bad.write_bytes(copy)
        code, out, err = cli("--db", relay, "bundle", "import", bad, "--trust-signer",
                             fingerprint)
        if zip_entries(copy, tmp_path / "probe.kdbundle") == intact:
            # The flip hit a byte without meaning: the bundle reads back exactly as written.
            assert code == 0 and "35 record(s) applied" in out, f"{label}: {err}"
            restore(pristine, relay)
        else:
            check_refusal(code, out, err, "bundle", label)
            refused += 1
            reasons.add(err.split("is damaged: ", 1)[1].split(". Copy it again", 1)[0])
        assert db_dump(relay) == before, label
    assert refused >= (FLIPS + CUTS) * 3 // 4
    # The damage was met in the entries themselves and in the ZIP's frame, and named.
    assert any(r.startswith("its part batches/") and "bad checksum" in r for r in reasons)
    assert "the file cannot be opened (it is cut short, damaged or not a bundle)" in reasons

    code, out, err = cli("--db", relay, "bundle", "import", good, "--trust-signer", fingerprint)
    assert code == 0 and "35 record(s) applied" in out, err


def flip_inside_first_batch(path: Path) -> str:
    """Store the bundle's entries uncompressed (same bytes, same hashes), then flip one bit in
    the middle of the first batch entry: a damage only its CRC can catch. Returns its name."""
    with zipfile.ZipFile(path) as zf:
        entries = [(info.filename, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, blob in entries:
            zf.writestr(name, blob)
    with zipfile.ZipFile(path) as zf:
        info = next(i for i in zf.infolist() if i.filename.startswith("batches/"))
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0x01
    path.write_bytes(bytes(data))
    return info.filename


def test_a_bundle_entry_with_a_bad_crc_names_the_entry(tmp_path, cli):
    field = new_desk(tmp_path / "field.db")
    field.insert("participant", participant(1))
    bad = tmp_path / "bad.kdbundle"
    export_bundle(field, bad)
    field.close()
    part = flip_inside_first_batch(bad)
    relay = tmp_path / "relay.db"
    new_desk(relay).close()
    before = db_dump(relay)
    code, out, err = cli("--db", relay, "bundle", "import", bad)
    check_refusal(code, out, err, "bundle", "crc")
    assert err.strip() == (
        f"karmayogi-desk: The bundle bad.kdbundle is damaged: its part {part} cannot be read "
        "(bad checksum). Copy it again from the other desk; nothing was changed.")
    assert db_dump(relay) == before


def test_a_damaged_receipt_is_refused_whole_with_the_part_named(tmp_path, cli):
    trip = Relay(tmp_path)
    trip.carry(3)
    trip.carry(2)
    good = trip.receipt()
    fingerprint = own_fingerprint(trip.relay)
    trip.close()
    field = tmp_path / "field.db"
    code, _, err = cli("--db", field, "sync", "status")
    assert code == 0, err
    pristine = tmp_path / "pristine.db"
    restore(field, pristine)
    before = db_dump(field)
    data = good.read_bytes()
    intact = json.loads(data)

    bad = tmp_path / "bad.kdreceipt"
    refused, parts = 0, set()
    for label, copy in damaged_copies(data, seed=12):
        bad.write_bytes(copy)
        code, out, err = cli("--db", field, "receipt", "import", bad, "--trust-signer",
                             fingerprint)
        try:
            same = json.loads(copy) == intact
        except ValueError:
            same = False
        if same:  # JSON whitespace changed into other whitespace: the same receipt
            assert code == 0 and "2 batch(es) marked as received" in out, f"{label}: {err}"
            restore(pristine, field)
        else:
            check_refusal(code, out, err, "receipt", label)
            refused += 1
            part = re.search(r"is damaged: (?:its part (\S+)|the (file))", err)
            parts.add(part.group(1) or part.group(2))
        assert db_dump(field) == before, label
    assert refused >= (FLIPS + CUTS) * 3 // 4
    # The signed text, the file's own signer block (checked against its signed copy) and the
    # file as a whole were each hit and named.
    assert {"receipt", "signer", "file"} <= parts, parts

    code, out, err = cli("--db", field, "receipt", "import", good, "--trust-signer", fingerprint)
    assert code == 0 and "2 batch(es) marked as received" in out, err
