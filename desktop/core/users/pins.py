"""PIN and password hashing with a memory-hard KDF (scrypt from the standard library).

A PIN is 4-8 digits: few enough guesses that the lockout in `session` is what protects it
at the desk; scrypt's cost is what makes a stolen hash expensive to try offline. The stored
form names its parameters so that they can be raised later without breaking old hashes:
`scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>`. Neither the PIN nor the hash is ever logged."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from desktop.text.said import said

N, R, P = 2**14, 8, 1  # ~16 MiB and ~50 ms per try on a desk laptop
_LEN = 32
MIN_LENGTH = 4
MAX_LENGTH = 64


class PinRuleError(ValueError):
    """A PIN or password that may not be used (the message never repeats it)."""


def check_pin_rule(pin: str) -> None:
    if not isinstance(pin, str) or len(pin) < MIN_LENGTH:
        raise PinRuleError(said(
                "A PIN or password needs at least {least} characters.",
                least=MIN_LENGTH,
            ))
    if len(pin) > MAX_LENGTH:
        raise PinRuleError(said(
                "A PIN or password may have at most {most} characters.",
                most=MAX_LENGTH,
            ))
    if pin.strip() != pin:
        raise PinRuleError(said("A PIN or password may not begin or end with a space."))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str) -> str:
    check_pin_rule(pin)
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=_LEN)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches the stored hash (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            pin.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=256 * 1024 * 1024,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)
