"""SYNC-PROTOCOL §1's one transport rule that both sides check: plain HTTP only on loopback.

The desk refuses an `http://` portal address that is not this computer (names and mobile
numbers must not cross a network in clear), and `portal serve` refuses to listen on a
non-loopback address without `--allow-non-loopback`; both ask `is_loopback`."""

from __future__ import annotations

import ipaddress

_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain"})


def is_loopback(host: str | None) -> bool:
    """True for localhost and any loopback address (127.0.0.0/8, ::1, `[::1]` as in a URL)."""
    if not host:
        return False
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
