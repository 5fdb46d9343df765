"""Several laptops ("desks") of one institute issue offline: certificate numbers and signing
key ids are partitioned by desk number so they never clash."""

from __future__ import annotations

import json
import threading

import pytest
from certdata import make_workshop

from desktop.core.centre import desk_number, init_centre
from desktop.core.certificates import keys
from desktop.core.certificates.issue import issue_certificates
from desktop.core.certificates.numbering import (
    NumberingError,
    desk_clash_warning,
    is_valid_number,
    next_number,
)
from desktop.core.certificates.verify import verify_text
from desktop.core.sync.held import apply_pulled
from desktop.store import StoreError, open_store


def _desk(path, desk: int | None):
    s = open_store(path)
    init_centre(s, "UPAAM", "UP Academy of Administration", desk=desk)
    keys.ensure_signing_key(s)
    return s


def _reserve(store, n: int = 1, year: int = 2026) -> list[str]:
    out = []
    for _ in range(n):
        with store.transaction():
            out.append(next_number(store, "UPAAM", year))
    return out


def test_two_desks_issue_offline_distinct_numbers_and_merged_trust_list(tmp_path):
    paths = {1: tmp_path / "desk1.db", 2: tmp_path / "desk2.db"}
    for d, p in paths.items():
        _desk(p, d).close()
    results: dict[int, list] = {}
    trust: dict[int, dict] = {}
    errors: list[BaseException] = []

    def run(d: int) -> None:
        try:
            with open_store(paths[d]) as s:
                ws = make_workshop(s, 5)
                r = issue_certificates(s, ws["workshop"], workers=1, combined=False)
                results[d] = r.issued
                trust[d] = keys.trust_list(s)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(d,)) for d in paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    numbers = {d: [c.number for c in issued] for d, issued in results.items()}
    every = numbers[1] + numbers[2]
    assert len(every) == 8 == len(set(every))  # 4 eligible on each desk, none shared
    assert sorted(n.split("/")[2][:6] for n in numbers[1]) == [
        "000001", "000002", "000003", "000004",
    ]  # fmt: skip  # desk 1: the numbers it always had
    assert sorted(n.split("/")[2][:6] for n in numbers[2]) == [
        "100001", "100002", "100003", "100004",
    ]  # fmt: skip
    assert all(is_valid_number(n) for n in every)

    kids = {d: [k["kid"] for k in trust[d]["keys"]] for d in trust}
    assert kids == {1: ["UPAAM:1"], 2: ["UPAAM:101"]}
    merged = {"keys": trust[1]["keys"] + trust[2]["keys"]}
    for d, issued in results.items():
        for cert in issued:
            v = verify_text(cert.qr, trust_list=merged)
            assert v.valid, (d, v.reason)
            assert v.kid == kids[d][0]
    # The merged list goes into a third machine's database without losing a key.
    with open_store(tmp_path / "office.db") as office:
        assert keys.import_trust_list(office, merged) == 2
        assert all(verify_text(c.qr, store=office).valid for c in results[1] + results[2])


def test_desk_range_overflow_is_a_clear_error(tmp_path):
    s = _desk(tmp_path / "d.db", 2)
    try:
        s.conn.execute(
            "INSERT INTO certificate_counter(institute, year, last) VALUES ('UPAAM', 2026, 199998)"
        )
        assert _reserve(s)[0].startswith("UPAAM/2026/199999")
        with pytest.raises(NumberingError, match=r"Desk 2 has used all 99,999"):
            _reserve(s)
        # Another year has its own range; the failed attempt left nothing behind.
        assert _reserve(s, year=2027)[0].startswith("UPAAM/2027/100001")
        with pytest.raises(NumberingError, match="init --desk"):
            _reserve(s)
    finally:
        s.close()


def test_key_numbers_stay_in_the_desk_range(tmp_path):
    s = _desk(tmp_path / "d.db", 3)
    try:
        assert keys.current_kid(s) == "UPAAM:201"
        assert keys.rotate(s) == "UPAAM:202"
        # A key of this range imported from elsewhere is never overwritten by our own.
        keys.import_trust_list(
            s, {"keys": [{"kid": "UPAAM:203", "public_key": "A" * 43, "institute": "UPAAM"}]}
        )
        assert keys.rotate(s) == "UPAAM:204"
        s.conn.execute(
            "INSERT INTO trusted_key(kid, institute, public_key, valid_from, own) "
            "VALUES ('UPAAM:299', 'UPAAM', 'x', '2026-01-01', 0)"
        )
        with pytest.raises(keys.KeyError_, match="Desk 3 has used all its 99"):
            keys.rotate(s)
    finally:
        s.close()


def test_existing_database_keeps_numbers_and_kid(tmp_path):
    """A database made before desks existed: no desk_number in meta, counter and key 1."""
    path = tmp_path / "old.db"
    with open_store(path) as s:
        init_centre(s, "UPAAM", "UP Academy of Administration")
        keys.ensure_signing_key(s)
        ws = make_workshop(s, 3)
        old = issue_certificates(s, ws["workshop"], workers=1, combined=False).issued
        s.conn.execute("DELETE FROM meta WHERE key = 'desk_number'")
    with open_store(path) as s:
        assert desk_number(s) == 1
        assert keys.ensure_signing_key(s) == "UPAAM:1"
        assert [c.number[:17] for c in old] == ["UPAAM/2026/000001", "UPAAM/2026/000002"]
        assert _reserve(s)[0].startswith("UPAAM/2026/000003")
        assert keys.rotate(s) == "UPAAM:2"
        assert all(verify_text(c.qr, store=s).valid for c in old)
        # Re-running init without --desk keeps desk 1 and the key.
        init_centre(s, "UPAAM", "UP Academy of Administration")
        assert desk_number(s) == 1 and keys.ensure_signing_key(s) == "UPAAM:2"
        # A laptop that turns out to share desk 1 with another moves to desk 4: its next
        # number and key come from desk 4's range; its old certificates still verify.
        init_centre(s, "UPAAM", "UP Academy of Administration", desk=4)
        assert keys.ensure_signing_key(s) == "UPAAM:301"
        assert _reserve(s)[0].startswith("UPAAM/2026/300001")
        assert all(verify_text(c.qr, store=s).valid for c in old)
        assert {k["kid"] for k in keys.trust_list(s)["keys"]} == {
            "UPAAM:1", "UPAAM:2", "UPAAM:301",
        }  # fmt: skip


@pytest.mark.parametrize("bad", [0, 10, -1, "x"])
def test_init_centre_refuses_a_desk_outside_the_range(tmp_path, bad):
    with open_store(tmp_path / "d.db") as s:
        with pytest.raises(StoreError, match="from 1 to 9"):
            init_centre(s, "UPAAM", "UP Academy", desk=bad)
        assert s.institute_code is None


def test_cli_init_desk(cli, tmp_path):
    db = tmp_path / "cli.db"
    base = ["--db", db, "init", "--institute-code", "UPAAM", "--institute-name-en", "UPAAM"]
    for bad in ("0", "10", "two"):
        code, out, err = cli(*base, "--desk", bad)
        assert code == 2 and "desk number" in err.lower() and "1 to 9" in err
        assert not db.exists()  # refused before anything was made
    code, out, _ = cli(*base, "--desk", "2", "--json")
    assert code == 0 and json.loads(out)["desk"] == 2
    code, out, _ = cli(*base, "--json")  # again without --desk: keeps desk 2
    assert code == 0 and json.loads(out)["desk"] == 2
    code, out, _ = cli("--db", db, "keys", "trust-list", "--json")
    assert [k["kid"] for k in json.loads(out)["keys"]] == ["UPAAM:101"]


def test_same_desk_number_on_two_laptops_is_reported(cli, tmp_path):
    """Laptop B was also set up as desk 1: its certificates reach A (pulled or by bundle);
    A says in words what is wrong, in `sync status`."""
    a, b = _desk(tmp_path / "a.db", 1), _desk(tmp_path / "b.db", 1)
    try:
        with a.transaction():
            a.insert("certificate", _cert(next_number(a, "UPAAM", 2026)))
        assert desk_clash_warning(a) is None
        mine = []
        for _ in range(2):
            with b.transaction():
                mine.append(b.insert("certificate", _cert(next_number(b, "UPAAM", 2026))))
        first, second = (b.record("certificate", i) for i in mine)
        assert apply_pulled(a, first) == "held"  # same number as A's own 000001
        assert apply_pulled(a, second) == "applied"  # 000002: in A's range, from B
        warning = desk_clash_warning(a)
        assert warning and "also uses desk number 1" in warning
        assert "init --desk" in warning
        # A desk with another number is not warned about B's certificates.
        c = _desk(tmp_path / "c.db", 2)
        try:
            assert c.apply_record(second) == "applied"
            assert desk_clash_warning(c) is None
        finally:
            c.close()
    finally:
        a.close()
        b.close()
    code, out, _ = cli("--db", tmp_path / "a.db", "sync", "status")
    assert code == 0 and "Warning: Another laptop of UPAAM also uses desk number 1" in out
    code, out, _ = cli("--db", tmp_path / "a.db", "--json", "sync", "status")
    assert "desk number 1" in json.loads(out)["desk_warning"]


def _cert(number: str) -> dict:
    return {
        "number": number,
        "participant_id": "p",
        "workshop_id": "w",
        "issued_at": "2026-11-20T00:00:00.000Z",
        "pdf_sha256": "0" * 64,
        "qr": "x",
    }
