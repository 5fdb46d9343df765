"""Deterministic UUIDv7-shaped ids for demo data, so the same seed gives the same export."""

from __future__ import annotations

import random
import uuid

_BASE_MS = 1_767_225_600_000  # 2026-01-01T00:00:00Z


def demo_id(rng: random.Random, counter: int) -> str:
    """Version 7 layout: 48-bit milliseconds, version, 74 bits from the seeded generator."""
    value = (_BASE_MS + counter) << 80
    value |= 0x7 << 76
    value |= rng.getrandbits(12) << 64
    value |= 0b10 << 62
    value |= rng.getrandbits(62)
    return str(uuid.UUID(int=value))
