"""The small rules desk, CLI and portal share from desktop.protocol (one of each)."""

from __future__ import annotations

import pytest

from desktop.protocol.transport import is_loopback
from desktop.protocol.trust import trust_entry, trust_list


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("[::1]", True),
        ("localhost", True), ("LOCALHOST", True), ("localhost.localdomain", True),
        ("0.0.0.0", False), ("192.168.1.5", False), ("portal.example.in", False),
        ("localhost.example.in", False), ("", False), (None, False),
    ],
)
def test_one_loopback_rule_for_the_client_and_portal_serve(host, loopback):
    assert is_loopback(host) is loopback


def test_a_trust_entry_leaves_out_an_empty_valid_to_and_keeps_the_field_order():
    rows = [
        {"valid_to": None, "kid": "LKO:1", "institute": "LKO", "public_key": "k1",
         "valid_from": "2026-01-01"},
        {"kid": "LKO:2", "public_key": "k2", "institute": "LKO", "valid_from": "2026-06-01",
         "valid_to": "2027-06-01", "own": 1},
    ]
    doc = trust_list(rows)
    assert doc == {"keys": [
        {"kid": "LKO:1", "public_key": "k1", "institute": "LKO", "valid_from": "2026-01-01"},
        {"kid": "LKO:2", "public_key": "k2", "institute": "LKO", "valid_from": "2026-06-01",
         "valid_to": "2027-06-01"},
    ]}
    assert list(trust_entry(rows[0])) == ["kid", "public_key", "institute", "valid_from"]
