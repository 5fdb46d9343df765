"""Fixtures of the core tests."""

from __future__ import annotations

import pytest

from tests.core.review_data import build_dataset


@pytest.fixture
def dataset(store):
    """The monthly review's hand-computed dataset (see review_data.py)."""
    return build_dataset(store)
