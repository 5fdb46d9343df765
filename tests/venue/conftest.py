"""Fixtures for the venue tests: a hub and two joined desks on loopback (real HTTPS)."""

from __future__ import annotations

import pytest

from tests.venue.helpers import Venue


@pytest.fixture
def venue(tmp_path):
    v = Venue(tmp_path)
    yield v
    v.close()
