"""§5 attachments: hash check, size limit, 201 new / 200 already had it."""

from __future__ import annotations

import gzip
import hashlib
import os


def put(desk, data: bytes, sha: str | None = None, **headers: str):
    sha = sha or hashlib.sha256(data).hexdigest()
    return desk.client.put(
        f"/attachments/{sha}", content=data,
        headers={**desk.auth, "Content-Type": "image/jpeg", **headers},
    )


def test_new_then_known(portal, desk):
    data = os.urandom(5000)
    first = put(desk, data)
    assert first.status_code == 201
    again = put(desk, data)
    assert again.status_code == 200
    sha = hashlib.sha256(data).hexdigest()
    assert portal.db.attachment_bytes(sha) == data


def test_body_must_hash_to_the_path(portal, desk):
    wrong = hashlib.sha256(b"something else").hexdigest()
    response = put(desk, b"the real bytes", sha=wrong)
    assert response.status_code == 422
    assert not portal.db.has_attachment(wrong)


def test_malformed_hash_in_path_is_400(desk):
    assert put(desk, b"x", sha="ABC").status_code == 400


def test_over_the_limit_is_413(portal, desk):
    limit = portal.limits.max_attachment_bytes
    big = os.urandom(limit + 1)
    assert put(desk, big).status_code == 413
    assert not portal.db.has_attachment(hashlib.sha256(big).hexdigest())
    assert put(desk, os.urandom(limit)).status_code == 201


def test_gzip_body_is_hashed_after_decompression(portal, desk):
    data = b"A" * 10000
    response = put(desk, gzip.compress(data), sha=hashlib.sha256(data).hexdigest(),
                   **{"Content-Encoding": "gzip"})
    assert response.status_code == 201
    assert portal.db.attachment_bytes(hashlib.sha256(data).hexdigest()) == data


def test_ten_mib_is_the_protocol_limit(tmp_path):
    from desktop.portal.server import Limits

    assert Limits().max_attachment_bytes == 10 * 1024 * 1024
