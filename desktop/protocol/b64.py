"""Base64url without padding (RFC 7515 §2): how keys, signatures and JWS parts travel.

`b64u_decode` is what a desk uses on values it made or stored itself; the portal checks what
arrives with `b64u_decode_strict`, which refuses anything outside the alphabet."""

from __future__ import annotations

import base64
import binascii
import re

_ALPHABET = re.compile(r"^[A-Za-z0-9_-]*$")


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64u_decode(text: str) -> bytes:
    """Padding is added back; binascii.Error (a ValueError) on a wrong length."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64u_decode_strict(text: object) -> bytes:
    """Only the base64url alphabet, no padding; ValueError("not base64url") otherwise."""
    if not isinstance(text, str) or not _ALPHABET.match(text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    try:
        return b64u_decode(text)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not base64url") from exc


def b64u_decode_canonical(text: object) -> bytes:
    """As `b64u_decode_strict`, and only the one spelling of those bytes (the last
    character's unused low bits zero, as `b64u` writes them): base64 otherwise lets a few
    different last characters decode to the same bytes, so a copy with that character
    damaged would pass as intact. ValueError("not base64url") otherwise."""
    raw = b64u_decode_strict(text)
    if b64u(raw) != text:
        raise ValueError("not base64url")
    return raw
