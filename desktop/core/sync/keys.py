"""The device's own secrets: Ed25519 signing key, X25519 bundle key and the portal token.

They live in files readable only by the user (0600) in a `keys` folder beside the database,
never in the database (a copied or backed-up .db must not carry them) and never in a log
(SYNC-PROTOCOL.md §2). Certificate signing keys are a different thing and live elsewhere."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.fileio import write_file_atomic
from desktop.paths import store_folder
from desktop.protocol.b64 import b64u, b64u_decode, b64u_decode_canonical
from desktop.store import Store


def keys_dir(store: Store) -> Path:
    """`<db>-files/keys` (an in-memory store gets a private temporary folder)."""
    return store_folder(store.path, "keys", owner=store)


def _write_private(path: Path, data: bytes) -> None:
    """Write atomically with mode 0600 from the first byte (no window where others can read)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(path.parent, 0o700)
    except OSError:
        pass
    write_file_atomic(path, data, private=True)


class DeviceKeys:
    """Loads or makes this desk's key pairs on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def for_store(cls, store: Store) -> DeviceKeys:
        return cls(keys_dir(store))

    # -- Ed25519: identity and signatures ---------------------------------------------------
    def signing_key(self) -> Ed25519PrivateKey:
        path = self.folder / "device-ed25519.key"
        if path.exists():
            return serialization.load_pem_private_key(path.read_bytes(), None)  # type: ignore[return-value]
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        _write_private(path, pem)
        return key

    def public_key_b64(self) -> str:
        raw = self.signing_key().public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return b64u(raw)

    def sign(self, data: bytes) -> str:
        return b64u(self.signing_key().sign(data))

    def fingerprint(self) -> str:
        """This desk's signing-key fingerprint, for others to compare (see `fingerprint`)."""
        return fingerprint(self.public_key_b64())

    # -- X25519: receiving encrypted bundles -----------------------------------------------
    def box_key(self) -> X25519PrivateKey:
        path = self.folder / "device-x25519.key"
        if path.exists():
            return X25519PrivateKey.from_private_bytes(path.read_bytes())
        key = X25519PrivateKey.generate()
        raw = key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        _write_private(path, raw)
        return key

    def box_public_b64(self) -> str:
        raw = self.box_key().public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return b64u(raw)

    # -- the portal's device token ------------------------------------------------------------
    @property
    def token_path(self) -> Path:
        return self.folder / "portal-token"

    def token(self) -> str | None:
        try:
            text = self.token_path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return text or None

    def save_token(self, token: str) -> None:
        _write_private(self.token_path, token.encode("utf-8"))

    def forget_token(self) -> None:
        try:
            self.token_path.unlink()
        except FileNotFoundError:
            pass


def verify_signature(public_key_b64: str, signature_b64: str, data: bytes) -> bool:
    try:
        # canonical spellings only: a key or signature with a changed character is refused,
        # never read as the same bytes (a damaged file is reported as damaged)
        key = Ed25519PublicKey.from_public_bytes(b64u_decode_canonical(public_key_b64))
        key.verify(b64u_decode_canonical(signature_b64), data)
    except Exception:  # noqa: BLE001 - any decoding or verification failure means "no"
        return False
    return True


FINGERPRINT_GROUPS = 5  # 5 groups of 4 hex digits: 80 bits of SHA-256, read aloud in ~20 s


def fingerprint(public_key_b64: str) -> str:
    """A short, speakable fingerprint of an Ed25519 public key, e.g. `3F2A-9C10-77BE-0D41-E2C5`:
    the first 80 bits of SHA-256 over the raw key bytes. Two people compare it out of band
    (read aloud by phone) before a desk trusts the other's signatures."""
    try:
        raw = b64u_decode(public_key_b64)
    except ValueError:
        raw = public_key_b64.encode("utf-8")
    digest = hashlib.sha256(raw).hexdigest().upper()
    return "-".join(digest[4 * i:4 * i + 4] for i in range(FINGERPRINT_GROUPS))


def same_fingerprint(given: str, fingerprint_text: str) -> bool:
    """`given` as a user typed it (any case, spaces, dashes or colons) matches exactly."""
    def norm(text: str) -> str:
        return re.sub(r"[^0-9A-Z]", "", text.upper())

    wanted = norm(fingerprint_text)
    return bool(wanted) and norm(given) == wanted
