"""Encryption of bundle files to the receiving desk's X25519 key (SYNC-PROTOCOL.md §9).

One ephemeral X25519 key per bundle; the shared secret goes through HKDF-SHA256 to a
ChaCha20-Poly1305 key; each file gets its own random nonce and its path as associated data,
so files cannot be swapped inside the bundle. The manifest and its signature stay readable:
the receiver checks who sent the bundle before decrypting anything."""

from __future__ import annotations

import os

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.protocol.b64 import b64u, b64u_decode
from desktop.text.said import said

ALG = "X25519-HKDF-SHA256-ChaCha20Poly1305"
_INFO = b"kdbundle/1 file key"


def _derive(shared: bytes) -> ChaCha20Poly1305:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(shared)
    return ChaCha20Poly1305(key)


class Sealer:
    """Encrypts the files of one bundle to `recipient_b64`."""

    def __init__(self, recipient_b64: str) -> None:
        recipient = X25519PublicKey.from_public_bytes(b64u_decode(recipient_b64))
        ephemeral = X25519PrivateKey.generate()
        self.header = {
            "alg": ALG,
            "recipient": recipient_b64,
            "ephemeral": b64u(
                ephemeral.public_key().public_bytes(
                    serialization.Encoding.Raw, serialization.PublicFormat.Raw
                )
            ),
        }
        self._aead = _derive(ephemeral.exchange(recipient))

    def seal(self, path: str, data: bytes) -> bytes:
        nonce = os.urandom(12)
        return nonce + self._aead.encrypt(nonce, data, path.encode("utf-8"))


class Opener:
    def __init__(self, header: dict, private: X25519PrivateKey) -> None:
        if header.get("alg") != ALG:
            raise ValueError(said("unknown bundle encryption {alg!r}", alg=header.get('alg')))
        ephemeral = X25519PublicKey.from_public_bytes(b64u_decode(str(header["ephemeral"])))
        self._aead = _derive(private.exchange(ephemeral))

    def open(self, path: str, blob: bytes) -> bytes:
        return self._aead.decrypt(blob[:12], blob[12:], path.encode("utf-8"))
