"""Fixtures for certificate tests: a workshop with sessions, enrolments and attendance."""

from __future__ import annotations

import pytest
from certdata import make_workshop  # noqa: E402

from desktop.core.certificates import keys
from desktop.store import open_store


@pytest.fixture
def file_store(db_path):
    s = open_store(db_path)
    keys.ensure_signing_key(s)
    yield s
    s.close()


@pytest.fixture
def workshop(file_store) -> dict:
    return make_workshop(file_store)
