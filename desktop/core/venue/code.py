"""The joining code: what a desk needs to reach and trust the hub, and to be let in once.

Text form (also what the QR holds): `kdv1/<address>/<port>/<fingerprint>/<secret>` where the
fingerprint is the hub certificate's SHA-256 in base64url (43 characters) and the secret is
a one-time word of 8 letters and digits. Typed codes are forgiving about spaces and case of
the secret; a code that does not parse says which part is wrong."""

from __future__ import annotations

import base64
import binascii
import io
import ipaddress
import secrets
from dataclasses import dataclass

import segno

PREFIX = "kdv1"
_SECRET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed


class BadCode(ValueError):
    """The text is not a joining code; the message says which part is wrong."""


@dataclass(frozen=True)
class JoinCode:
    host: str
    port: int
    fingerprint: str  # hex, lower case
    secret: str

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"https://{host}:{self.port}"

    def text(self) -> str:
        fp = base64.urlsafe_b64encode(bytes.fromhex(self.fingerprint)).rstrip(b"=").decode()
        return f"{PREFIX}/{self.host}/{self.port}/{fp}/{self.secret}"


def new_secret() -> str:
    return "".join(secrets.choice(_SECRET_ALPHABET) for _ in range(8))


def normalise_secret(text: str) -> str:
    return "".join(text.split()).replace("-", "").upper()


def parse(text: str) -> JoinCode:
    parts = "".join(text.split()).split("/")
    if len(parts) != 5 or parts[0].lower() != PREFIX:
        raise BadCode(
            "Not a venue joining code: it should look like kdv1/ADDRESS/PORT/FINGERPRINT/SECRET."
        )
    _, host, port_text, fp_text, secret = parts
    try:
        ipaddress.ip_address(host)
    except ValueError:
        if not host or any(c in host for c in " @?#"):
            raise BadCode(f"address: {host!r} is not a network address.") from None
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise BadCode(f"port: {port_text!r} is not a port number (1–65535).")
    try:
        raw = base64.urlsafe_b64decode(fp_text + "=" * (-len(fp_text) % 4))
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise BadCode("fingerprint: damaged (expected 43 characters). Scan the code again.")
    secret = normalise_secret(secret)
    if len(secret) != 8 or any(c not in _SECRET_ALPHABET for c in secret):
        raise BadCode("secret: expected 8 letters and digits.")
    return JoinCode(host, int(port_text), raw.hex(), secret)


def qr_png(code: JoinCode, scale: int = 6) -> bytes:
    """The code as a QR image (PNG bytes) for the host's screen."""
    out = io.BytesIO()
    segno.make(code.text(), error="m").save(out, kind="png", scale=scale, border=2)
    return out.getvalue()
