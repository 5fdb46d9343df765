"""Certificate numbers end in a check character people cannot misread (no O, I, L, S, Z);
numbers made with the old check alphabet stay valid; a number typed with 0 for O or 1 for I
gets a "did you mean"; verification speaks in plain words."""

from __future__ import annotations

import json

import pytest
from certdata import make_workshop

from desktop.core.certificates.issue import CertificateNotFound, find_by_number, issue_certificates
from desktop.core.certificates.numbering import (
    CHECK_ALPHABET,
    check_char,
    format_number,
    is_valid_number,
    legacy_check_char,
    look_alike_key,
    suggest_numbers,
)
from desktop.core.certificates.verify import verify_text
from desktop.store import open_store


def test_new_check_characters_never_look_like_digits():
    assert not set("OILSZ") & set(CHECK_ALPHABET) and len(CHECK_ALPHABET) == 31
    checks = {format_number("UPAAM", 2026, n)[-1] for n in range(1, 5000)}
    assert checks <= set(CHECK_ALPHABET) and len(checks) == 31  # every character is used


def test_single_typos_and_neighbour_swaps_are_caught():
    number = format_number("UPAAM", 2026, 123457)
    assert is_valid_number(number) and is_valid_number(number.lower())
    body = number[:-1]
    for i, c in enumerate(body):
        if not c.isalnum():
            continue
        for other in "0123456789":
            if other != c:
                wrong = body[:i] + other + body[i + 1 :] + number[-1]
                assert check_char(wrong[:-1]) != number[-1], wrong
    digits = number.index("/", 6) + 1
    swapped = body[:digits] + body[digits + 1] + body[digits] + body[digits + 2 :]
    assert swapped != body and check_char(swapped) != check_char(body)


def test_numbers_made_with_the_old_alphabet_stay_valid():
    # Serials whose old Luhn-36 check was O or I: exactly the numbers this change is about.
    old = [
        f"UPAAM/2026/{n:06d}" + legacy_check_char(f"UPAAM/2026/{n:06d}")
        for n in range(1, 400)
    ]
    with_o_or_i = [n for n in old if n[-1] in "OI"]
    assert with_o_or_i and all(is_valid_number(n) for n in old)
    assert not is_valid_number("UPAAM/2026/000001" + "#")
    # A wrong check character under both rules is still refused.
    body = "UPAAM/2026/000123"
    bad = next(c for c in CHECK_ALPHABET if c not in (check_char(body), legacy_check_char(body)))
    assert not is_valid_number(body + bad)


def _old_number(store, serial: int) -> str:
    """Store one certificate under a number made by the old rule, ending in O or I."""
    while True:
        body = f"TST/2026/{serial:06d}"
        if legacy_check_char(body) in "OI":
            return body + legacy_check_char(body)
        serial += 1


@pytest.fixture
def issued(db_path):
    from desktop.core.certificates import keys

    with open_store(db_path) as s:
        keys.ensure_signing_key(s)
        ws = make_workshop(s)["workshop"]
        result = issue_certificates(s, ws)
        first = result.issued[0].number
        old = _old_number(s, 500)
        with s.transaction():
            s.conn.execute("UPDATE certificate SET number = ? WHERE number = ?", (old, first))
    return old


def test_did_you_mean_for_zero_and_one(issued, db_path):
    old = issued
    typed = old[:-1] + ("0" if old[-1] == "O" else "1")
    assert look_alike_key(typed) == look_alike_key(old)
    with open_store(db_path) as s:
        assert suggest_numbers(s, typed) == [old]
        assert suggest_numbers(s, typed.lower()) == [old]
        assert find_by_number(s, old.lower())["number"] == old
        with pytest.raises(CertificateNotFound) as caught:
            find_by_number(s, typed)
        assert caught.value.suggestions == [old]
        assert f"Did you mean {old}?" in str(caught.value)
        with pytest.raises(CertificateNotFound) as caught:
            find_by_number(s, "TST/2026/9999998")
        assert caught.value.suggestions == [] and "Did you mean" not in str(caught.value)


def test_cli_revoke_suggests_the_number(cli, issued, db_path):
    old = issued
    typed = old[:-1] + ("0" if old[-1] == "O" else "1")
    code, out, err = cli("--db", db_path, "certificates", "revoke", typed, "--reason", "x")
    assert code == 2 and f"Did you mean {old}?" in err
    code, out, err = cli("--db", db_path, "--json", "certificates", "list", "--search", typed)
    assert code == 0 and out.strip() == "[]" and f"Did you mean {old}?" in err
    code, out, err = cli("--db", db_path, "certificates", "reprint", typed.lower(),
                         "--out", db_path.parent / "c.pdf")  # fmt: skip
    assert code == 2 and f"Did you mean {old}?" in err


def test_verify_reasons_are_plain_words(cli, db_path):
    result = verify_text("hello")
    assert result.reason == "malformed"
    assert result.message == "This QR code is not a Karmayogi certificate."
    assert "JWS" not in result.message and "JWS" in result.detail  # kept for support
    number = format_number("TST", 2026, 7)
    assert verify_text(number).reason == "number_not_qr"
    code, out, err = cli("--db", db_path, "verify", "hello")
    assert code == 1 and "not a Karmayogi certificate" in out and "JWS" not in out
    code, out, _ = cli("--db", db_path, "verify", "hello", "--json")
    assert code == 1 and json.loads(out)["reason"] == "malformed"
