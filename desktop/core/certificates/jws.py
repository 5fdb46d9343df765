"""JWS compact serialization, EdDSA/Ed25519 (RFC 7515 + RFC 8037), as SYNC-PROTOCOL §8 says.

Verification is strict: the header must be exactly EdDSA with our `typ`, the payload must be
a JSON object, and the signature is checked over the exact transmitted bytes, so no edit to
the payload — even re-encoding — can come out "valid".
"""

from __future__ import annotations

import binascii
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.core.certificates.keys import b64u, b64u_decode

TYP = "kd-cert+jws"
PAYLOAD_FIELDS = (
    "v", "no", "name_en", "name_hi", "employee_code", "programme", "hours", "from", "to",
    "institute", "issued",
)  # fmt: skip
REQUIRED = ("v", "no", "name_en", "programme", "hours", "from", "to", "institute", "issued")


class MalformedToken(ValueError):
    """Not a well-formed certificate JWS (the message says what is wrong)."""


def _compact_json(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def make_payload(**fields: Any) -> dict[str, Any]:
    """The §8 payload in its field order; optional fields that are empty are left out."""
    unknown = set(fields) - set(PAYLOAD_FIELDS)
    if unknown:
        raise ValueError(f"unknown payload fields: {sorted(unknown)}")
    missing = [f for f in REQUIRED if fields.get(f) in (None, "")]
    if missing:
        raise ValueError(f"payload is missing {', '.join(missing)}")
    return {f: fields[f] for f in PAYLOAD_FIELDS if fields.get(f) not in (None, "")}


def sign(payload: dict[str, Any], kid: str, key: Ed25519PrivateKey) -> str:
    header = {"alg": "EdDSA", "kid": kid, "typ": TYP}
    signing_input = b64u(_compact_json(header)) + "." + b64u(_compact_json(payload))
    return signing_input + "." + b64u(key.sign(signing_input.encode("ascii")))


@dataclass(frozen=True)
class Parsed:
    header: dict[str, Any]
    payload: dict[str, Any]
    signing_input: bytes
    signature: bytes


def parse(token: str) -> Parsed:
    """Split and decode; raises MalformedToken for anything that is not a §8 JWS."""
    token = token.strip()
    parts = token.split(".")
    if len(parts) != 3 or not all(parts):
        raise MalformedToken("not a JWS: expected three dot-separated parts")
    try:
        header = json.loads(b64u_decode(parts[0]))
        payload = json.loads(b64u_decode(parts[1]).decode("utf-8"))
        signature = b64u_decode(parts[2])
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise MalformedToken(f"not a JWS: {exc}") from exc
    if not isinstance(header, dict) or not isinstance(payload, dict):
        raise MalformedToken("header and payload must be JSON objects")
    if header.get("alg") != "EdDSA":
        raise MalformedToken(f"unsupported alg {header.get('alg')!r} (only EdDSA)")
    if header.get("typ") != TYP:
        raise MalformedToken(f"unexpected typ {header.get('typ')!r}")
    if not isinstance(header.get("kid"), str) or not header["kid"]:
        raise MalformedToken("header has no kid")
    if len(signature) != 64:
        raise MalformedToken("an Ed25519 signature is 64 bytes")
    missing = [f for f in REQUIRED if f not in payload]
    if missing:
        raise MalformedToken(f"payload is missing {', '.join(missing)}")
    return Parsed(header, payload, (parts[0] + "." + parts[1]).encode("ascii"), signature)


def signature_ok(parsed: Parsed, public: Ed25519PublicKey) -> bool:
    try:
        public.verify(parsed.signature, parsed.signing_input)
    except InvalidSignature:
        return False
    return True
