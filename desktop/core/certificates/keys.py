"""The centre's Ed25519 signing keys: made at `init`, rotated on demand, private halves kept
OUTSIDE the database in a user-only folder beside it; public halves go into `trusted_key`
(and out as the §8 trust list).

Why a file and not the DB: the database travels (backups, USB bundles, support copies) and a
private key inside it would let anyone holding a copy forge certificates.

Key numbers (the part of the §8 `kid` "<institute_code>:<key number>" after the colon) are
partitioned by desk like certificate numbers: desk d uses (d − 1)·100 + 1 … (d − 1)·100 + 99,
so desk 1's keys are 1, 2, … (what every database made before desks existed has), desk 2's
101, 102, … and two laptops of one institute never publish different keys under one kid.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.core.certificates.numbering import desk_number
from desktop.core.users import Permission, require
from desktop.fileio import write_file_atomic
from desktop.protocol import trust as protocol_trust
from desktop.protocol.b64 import b64u, b64u_decode
from desktop.protocol.ids import now_ts
from desktop.store import Store, StoreError
from desktop.text.said import said

KEYS_ENV = "KARMAYOGI_DESK_KEYS"

# In-memory databases (tests, previews) get keys that live only as long as the process.
_memory_keys: dict[tuple[int, str], Ed25519PrivateKey] = {}


class KeyError_(StoreError):
    """The signing key is missing or unreadable (message is for the user)."""


def keys_dir(store: Store) -> Path | None:
    """`<db name>-keys/` beside the database (or $KARMAYOGI_DESK_KEYS); None when in memory."""
    if store.path is None and not os.environ.get(KEYS_ENV):
        return None
    return keys_dir_for(store.path)


def keys_dir_for(db_path: Path | str | None) -> Path:
    """The signing-keys folder of the database file at `db_path` (what `keys_dir` returns for
    a store on that file): $KARMAYOGI_DESK_KEYS, else `<db name>-keys/` beside it."""
    env = os.environ.get(KEYS_ENV)
    if env:
        return Path(env)
    if db_path is None:
        raise StoreError(said("An in-memory database has no keys folder."))
    path = Path(db_path)
    return path.with_name(path.stem + "-keys")


KEYS_PER_DESK = 100


def desk_key_numbers(desk: int) -> tuple[int, int]:
    """(first, last) key number of a desk."""
    base = (desk - 1) * KEYS_PER_DESK
    return base + 1, base + KEYS_PER_DESK - 1


def key_number(kid: str | None) -> int | None:
    try:
        return int(str(kid).rsplit(":", 1)[1])
    except (IndexError, ValueError):
        return None


def _next_key_number(store: Store) -> int:
    """The next key number of this desk's range: above every key of this institute in the
    range that this database knows (its own, or one imported from another desk)."""
    institute = _institute(store)
    desk = desk_number(store)
    first, final = desk_key_numbers(desk)
    used = [
        n
        for (kid,) in store.conn.execute(
            "SELECT kid FROM trusted_key WHERE institute = ?", (institute,)
        )
        if kid.rsplit(":", 1)[0] == institute
        and (n := key_number(kid)) is not None
        and first <= n <= final
    ]
    number = max(used, default=first - 1) + 1
    if number > final:
        raise KeyError_(
            said(
                "Desk {desk} has used all its {count} signing-key numbers ({institute}:{first} to "
                "{institute}:{final}); no new key can be made.",
                desk=desk, count=final - first + 1, institute=institute, first=first, final=final,
            )
        )
    return number


def in_desk_range(store: Store, kid: str | None) -> bool:
    n = key_number(kid)
    first, final = desk_key_numbers(desk_number(store))
    return n is not None and first <= n <= final


def _key_file(folder: Path, kid: str) -> Path:
    return folder / (kid.replace(":", "-") + ".key")


def _institute(store: Store) -> str:
    code = store.institute_code
    if not code:
        raise StoreError(said("Run init first: this database has no institute code."))
    return code


def current_kid(store: Store) -> str | None:
    return store.meta_get("cert_signing_kid")


def _write_private(folder: Path, kid: str, key: Ed25519PrivateKey) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(folder, stat.S_IRWXU)
    except OSError:  # e.g. a filesystem without modes; the file itself is still 0600
        pass
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    write_file_atomic(_key_file(folder, kid), pem, private=True)


def _new_key(store: Store, number: int) -> str:
    institute = _institute(store)
    kid = f"{institute}:{number}"
    key = Ed25519PrivateKey.generate()
    folder = keys_dir(store)
    if folder is None:
        _memory_keys[(id(store), kid)] = key
    else:
        _write_private(folder, kid, key)
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    now = now_ts()
    with store.transaction():
        store.conn.execute(
            "UPDATE trusted_key SET valid_to = ? WHERE own = 1 AND valid_to IS NULL", (now,)
        )
        store.conn.execute(
            "INSERT INTO trusted_key(kid, institute, public_key, valid_from, own) "
            "VALUES (?, ?, ?, ?, 1) ON CONFLICT(kid) DO UPDATE SET public_key = excluded.public_key, "
            "valid_from = excluded.valid_from, valid_to = NULL, own = 1",
            (kid, institute, b64u(public), now),
        )
        store.meta_set("cert_signing_kid", kid)
    return kid


def ensure_signing_key(store: Store) -> str:
    """Make the first signing key if there is none, or a new one when the desk number was
    changed and the current key's number is another desk's (called by `init`); returns the
    kid. An existing key in this desk's range is kept (old databases: desk 1, key 1)."""
    kid = current_kid(store)
    if kid is not None and in_desk_range(store, kid):
        return kid
    return _new_key(store, _next_key_number(store))


def rotate(store: Store) -> str:
    """A new key with the next number of this desk's range; the old one stops signing but
    stays trusted, so certificates it signed keep verifying."""
    require(store, Permission.KEYS)
    return _new_key(store, _next_key_number(store))


def signing_key(store: Store) -> tuple[str, Ed25519PrivateKey]:
    """(kid, private key) for signing now; a clear error when the key file is missing."""
    kid = current_kid(store)
    if kid is None:
        kid = ensure_signing_key(store)
    folder = keys_dir(store)
    if folder is None:
        key = _memory_keys.get((id(store), kid))
        if key is None:
            raise KeyError_(said(
                    "The signing key {kid} is not available in this session.",
                    kid=kid,
                ))
        return kid, key
    path = _key_file(folder, kid)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyError_(
            said(
                "The signing key {kid} is missing ({path}). Restore the keys folder from a backup "
                "or run `keys rotate` to make a new key.",
                kid=kid, path=path,
            )
        ) from exc
    key = serialization.load_pem_private_key(data, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyError_(said("{path} is not an Ed25519 key.", path=path))
    return kid, key


def trust_list(store: Store) -> dict[str, Any]:
    """This centre's public keys as the §8 trust list."""
    rows = store.conn.execute(
        "SELECT kid, public_key, institute, valid_from, valid_to FROM trusted_key "
        "WHERE own = 1 ORDER BY valid_from, kid"
    ).fetchall()
    return protocol_trust.trust_list(rows)


def parse_trust_list(data: str | bytes | dict) -> dict[str, Ed25519PublicKey]:
    """kid → public key from a §8 trust list; raises ValueError naming the bad entry."""
    doc = json.loads(data) if isinstance(data, (str, bytes)) else data
    if not isinstance(doc, dict) or not isinstance(doc.get("keys"), list):
        raise ValueError('a trust list is a JSON object {"keys": [...]}')
    out: dict[str, Ed25519PublicKey] = {}
    for i, entry in enumerate(doc["keys"]):
        try:
            raw = b64u_decode(entry["public_key"])
            if len(raw) != 32:
                raise ValueError("public_key must be 32 bytes")
            out[str(entry["kid"])] = Ed25519PublicKey.from_public_bytes(raw)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"trust list entry {i + 1}: {exc}") from exc
    return out


def import_trust_list(store: Store, data: str | bytes | dict) -> int:
    """Trust another centre's keys (for verifying their certificates offline)."""
    require(store, Permission.KEYS)
    doc = json.loads(data) if isinstance(data, (str, bytes)) else data
    parse_trust_list(doc)
    count = 0
    with store.transaction():
        for entry in doc["keys"]:
            cur = store.conn.execute(
                "INSERT INTO trusted_key(kid, institute, public_key, valid_from, valid_to, own) "
                "VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT(kid) DO NOTHING",
                (
                    entry["kid"],
                    entry.get("institute") or entry["kid"].split(":")[0],
                    entry["public_key"],
                    entry.get("valid_from") or now_ts(),
                    entry.get("valid_to"),
                ),
            )
            count += cur.rowcount
    return count


def known_public_keys(store: Store) -> dict[str, Ed25519PublicKey]:
    rows = store.conn.execute("SELECT kid, public_key FROM trusted_key").fetchall()
    return {
        r["kid"]: Ed25519PublicKey.from_public_bytes(b64u_decode(r["public_key"])) for r in rows
    }
