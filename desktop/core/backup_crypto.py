"""Encrypting a full backup with a passphrase (or a key kept in the OS keyring), streaming.

A standard construction from `cryptography`, nothing home-made in the primitives:
- the passphrase goes through **scrypt** (salt 16 bytes, n = 2**17, r = 8, p = 1: about
  128 MiB and a fraction of a second, so guessing is slow) to a 32-byte master key; a key
  from the keyring is already random and is used as the master key directly;
- HKDF-SHA256 derives from it an AES-256-GCM key, a MAC key and a key-check value;
- the archive is cut into 1 MiB chunks, each sealed with **AES-256-GCM** under the nonce
  `prefix(7) | counter(4) | last(1)` (the STREAM construction: chunks cannot be reordered,
  dropped or the file cut short without the tag check failing), with the header's SHA-256
  as associated data;
- the header (format, KDF parameters, the plain manifest so a restore can say what it holds
  before anything is decrypted) is authenticated by HMAC-SHA256 under the MAC key.

So a wrong passphrase (the key check differs) is told apart from a forged manifest or
header (the key is right, the HMAC is not) and from a changed archive (a chunk's tag fails).
The passphrase itself is never stored, logged or put in a message. Memory stays at a few
MiB whatever the size of the database."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.store import StoreError
from desktop.text.said import said

MAGIC = b"KDBKENC1"
FORMAT = "karmayogi-desk-backup-encrypted"
VERSION = 1
CHUNK = 1024 * 1024
TAG = 16
#: scrypt cost (2**17: ~128 MiB of memory per guess); tests may lower it
SCRYPT_N = 2**17
MIN_PASSPHRASE = 8


class BackupKeyError(StoreError):
    """Base of the refusals below; the message never holds the passphrase."""


class PassphraseNeeded(BackupKeyError):
    """The backup is encrypted and no passphrase (or keyring key) was given."""


class WrongPassphrase(BackupKeyError):
    """The passphrase (or key) does not open this backup."""


class ForgedBackup(BackupKeyError):
    """The key is right but the header/manifest or the archive was changed."""


@dataclass(frozen=True)
class Protection:
    """How a backup is (to be) encrypted: a passphrase, or a raw key from the keyring."""

    passphrase: str | None = None
    key: bytes | None = None
    key_label: str | None = None  # where the key lives (shown, stored in the header)

    def __post_init__(self) -> None:
        if (self.passphrase is None) == (self.key is None):
            raise ValueError("a Protection holds a passphrase or a key, not both")

    def __repr__(self) -> str:  # never print the secret
        return f"Protection(source={'keyring' if self.key else 'passphrase'})"


def check_new_passphrase(passphrase: str) -> str | None:
    """Why a new passphrase is refused, or None."""
    if len(passphrase) < MIN_PASSPHRASE:
        return f"The passphrase must be at least {MIN_PASSPHRASE} characters long."
    return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text), validate=True)


def _subkeys(master: bytes, salt: bytes) -> tuple[bytes, bytes, bytes]:
    def derive(info: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(master)

    return derive(b"kd-backup/1 enc"), derive(b"kd-backup/1 mac"), derive(b"kd-backup/1 check")


def _master(protection: Protection, kdf: dict[str, Any]) -> bytes:
    if protection.key is not None:
        return protection.key
    assert protection.passphrase is not None
    return Scrypt(
        salt=_unb64(kdf["salt"]), length=32, n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"])
    ).derive(protection.passphrase.encode("utf-8"))


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if last else b"\x00")


def is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def key_source(path: Path) -> str | None:
    """'passphrase' or 'keyring' for an encrypted backup (None: not one, or unreadable)."""
    try:
        with path.open("rb") as handle:
            return read_header(handle, path).key_source
    except (OSError, StoreError):
        return None


def encrypt_file(
    source: Path,
    out: IO[bytes],
    protection: Protection,
    manifest: dict[str, Any],
    step: Callable[[int], None] | None = None,
) -> None:
    """Write `source` (the plain archive) to `out`, sealed; `manifest` goes in the header."""
    salt = os.urandom(16)
    kdf: dict[str, Any] = {"name": "scrypt", "salt": _b64(salt), "n": SCRYPT_N, "r": 8, "p": 1}
    if protection.key is not None:
        kdf = {"name": "none", "salt": _b64(salt)}
    enc, mac, check = _subkeys(_master(protection, kdf), salt)
    prefix = os.urandom(7)
    header = json.dumps({
        "format": FORMAT, "version": VERSION, "kdf": kdf, "cipher": "AES-256-GCM",
        "chunk": CHUNK, "nonce_prefix": _b64(prefix),
        "key_source": "keyring" if protection.key is not None else "passphrase",
        "key_label": protection.key_label, "key_check": _b64(check[:16]),
        "manifest": manifest,
    }, ensure_ascii=False, sort_keys=True).encode("utf-8")
    head = MAGIC + struct.pack(">I", len(header)) + header
    out.write(head)
    out.write(hmac.new(mac, head, hashlib.sha256).digest())
    aad = hashlib.sha256(head).digest()
    aes = AESGCM(enc)
    counter = 0
    with source.open("rb") as src:
        chunk = src.read(CHUNK)
        while True:
            following = src.read(CHUNK) if len(chunk) == CHUNK else b""
            last = not following
            out.write(aes.encrypt(_nonce(prefix, counter, last), chunk, aad))
            if step is not None:
                step(len(chunk))
            if last:
                break
            counter += 1
            chunk = following


@dataclass(frozen=True)
class Header:
    raw: bytes
    doc: dict[str, Any]
    mac: bytes

    @property
    def manifest(self) -> dict[str, Any]:
        return self.doc.get("manifest") or {}

    @property
    def key_source(self) -> str:
        return str(self.doc.get("key_source") or "passphrase")

    @property
    def key_label(self) -> str | None:
        return self.doc.get("key_label")


def read_header(handle: IO[bytes], label: Path) -> Header:
    """The header of an encrypted backup (not yet authenticated: `decrypt_to` does that)."""
    def bad(why: str) -> ForgedBackup:
        return ForgedBackup(said(
            "{label} is not a usable encrypted backup: {why}. Nothing was changed.",
            label=label, why=why,
        ))

    magic = handle.read(len(MAGIC))
    if magic != MAGIC:
        raise bad(said("it does not start like one"))
    size_bytes = handle.read(4)
    if len(size_bytes) != 4:
        raise bad(said("it is cut short"))
    (size,) = struct.unpack(">I", size_bytes)
    if size > 64 * 1024 * 1024:
        raise bad(said("its header is implausibly large"))
    header = handle.read(size)
    mac = handle.read(32)
    if len(header) != size or len(mac) != 32:
        raise bad(said("it is cut short"))
    try:
        doc = json.loads(header.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise bad(said("its header is not readable")) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise bad(said("its header is not a Karmayogi Desk backup header"))
    if not isinstance(doc.get("version"), int) or doc["version"] > VERSION:
        raise StoreError(said(
                "{label} was written by a newer version of Karmayogi Desk. Install the newer "
                "version to restore it; nothing was changed.",
                label=label,
            ))
    return Header(magic + size_bytes + header, doc, mac)


def _keys(source: Path, header: Header, protection: Protection | None) -> tuple[bytes, bytes]:
    """The encryption and MAC keys for `protection`, after checking it opens `source`."""
    doc = header.doc
    if protection is None:
        where = f" (kept in {header.key_label})" if header.key_label else ""
        raise PassphraseNeeded(
            f"{source} is encrypted. Give its passphrase"
            + (f", or make its key available{where}" if header.key_source == "keyring"
               else "")
            + "; nothing was changed."
        )
    try:
        kdf = doc["kdf"]
        salt = _unb64(kdf["salt"])
        _unb64(doc["nonce_prefix"]), int(doc["chunk"])  # readable, or the header was changed
        if protection.passphrase is not None and kdf.get("name") != "scrypt":
            raise WrongPassphrase(
                said(
                    "{source} was encrypted with a key kept in {place}, not with a passphrase; "
                    "nothing was changed.",
                    source=source, place=header.key_label or said('the OS keyring'),
                ))
        enc, mac, check = _subkeys(_master(protection, kdf), salt)
    except (KeyError, ValueError, TypeError):
        raise ForgedBackup(said(
                "{source}: its header was changed (unreadable key parameters). Nothing was "
                "changed.",
                source=source,
            )) from None
    if not hmac.compare_digest(_b64(check[:16]), str(doc.get("key_check"))):
        raise WrongPassphrase(
            said(
                "The passphrase does not open {source}. Check it (capital letters, Hindi or "
                "English keyboard) and try again; nothing was changed.",
                source=source,
            ))
    return enc, mac


def check_passphrase(source: Path, protection: Protection) -> None:
    """Raise WrongPassphrase (or PassphraseNeeded, ForgedBackup) unless `protection`
    opens `source`: asked before a restore starts, so a typo is said at once."""
    with source.open("rb") as handle:
        _keys(source, read_header(handle, source), protection)


def decrypt_to(
    source: Path,
    out: IO[bytes],
    protection: Protection | None,
    step: Callable[[int], None] | None = None,
) -> Header:
    """Check the key, authenticate the header and manifest, then decrypt chunk by chunk into
    `out`. Raises PassphraseNeeded, WrongPassphrase or ForgedBackup; `out` then holds at most
    chunks that were authentic (the caller discards it)."""
    with source.open("rb") as handle:
        header = read_header(handle, source)
        doc = header.doc
        enc, mac = _keys(source, header, protection)
        prefix, chunk_size = _unb64(doc["nonce_prefix"]), int(doc["chunk"])  # checked there
        if not hmac.compare_digest(hmac.new(mac, header.raw, hashlib.sha256).digest(),
                                   header.mac):
            raise ForgedBackup(
                said(
                    "{source}: the passphrase is right but the backup's manifest or header was "
                    "changed after it was written (forged or tampered). It is refused; nothing "
                    "was changed.",
                    source=source,
                ))
        aad = hashlib.sha256(header.raw).digest()
        aes = AESGCM(enc)
        counter = 0
        block = handle.read(chunk_size + TAG)
        while True:
            following = handle.read(chunk_size + TAG) if len(block) == chunk_size + TAG else b""
            last = not following
            try:
                plain = aes.decrypt(_nonce(prefix, counter, last), block, aad)
            except Exception:  # InvalidTag: changed, reordered or cut short
                raise ForgedBackup(
                    said(
                        "{source}: part {part} of the encrypted archive was changed, damaged or "
                        "cut short. It is refused; nothing was changed.",
                        source=source, part=counter + 1,
                    )) from None
            out.write(plain)
            if step is not None:
                step(len(plain))
            if last:
                return header
            counter += 1
            block = following
