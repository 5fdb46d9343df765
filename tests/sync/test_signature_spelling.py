"""A signature or key is read only in the one spelling `b64u` writes: base64 lets a few
different last characters decode to the same bytes, and a receipt or bundle with that
character damaged was taken as intact (seen in test_damaged_files: a flipped byte, exit 0)."""

from __future__ import annotations

import pytest

from desktop.core.sync.keys import DeviceKeys, verify_signature
from desktop.protocol.b64 import b64u, b64u_decode, b64u_decode_canonical

_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _same_bytes_other_spellings(text: str) -> list[str]:
    """Every other last character under which `text` still decodes to the same bytes."""
    raw = b64u_decode(text)
    return [text[:-1] + c for c in _ALPHABET
            if c != text[-1] and b64u_decode(text[:-1] + c) == raw]


def test_a_signature_in_another_spelling_of_the_same_bytes_is_refused(tmp_path):
    keys = DeviceKeys(tmp_path / "k")
    data = b"the receipt text"
    signature = keys.sign(data)
    public = keys.public_key_b64()
    assert verify_signature(public, signature, data)
    others = _same_bytes_other_spellings(signature)
    assert len(others) == 15  # 64 bytes: the last character carries 2 bits, 4 unused
    for other in others:
        assert not verify_signature(public, other, data)
    key_others = _same_bytes_other_spellings(public)
    assert len(key_others) == 3  # 32 bytes: 4 bits in the last character, 2 unused
    for other in key_others:
        assert not verify_signature(other, signature, data)


@pytest.mark.parametrize("size", [0, 1, 2, 3, 31, 32, 64])
def test_what_b64u_writes_is_read_back(size):
    data = bytes(range(size))
    assert b64u_decode_canonical(b64u(data)) == data


@pytest.mark.parametrize("text", ["QQ==", "QR", "Q", "Q!", 12])
def test_padding_other_alphabets_and_non_canonical_tails_are_refused(text):
    with pytest.raises(ValueError, match="not base64url"):
        b64u_decode_canonical(text)
