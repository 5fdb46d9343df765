"""What File ▸ Settings… shows and changes: the centre's names and this desk's number (with
the same checks and the same signing-key rule as `karmayogi-desk init`), and the certificate
signing key's id and fingerprint. The GUI is a thin layer over this (no SQL there)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.core.centre import desk_number, own_institute
from desktop.core.certificates import keys
from desktop.core.setup import set_up_centre
from desktop.store import Store, StoreError
from desktop.text.said import said


@dataclass(frozen=True)
class DeskSettings:
    institute_code: str
    name_en: str
    name_hi: str
    desk: int
    signing_kid: str | None
    #: the key's fingerprint, or why it cannot be read (its file is missing)
    signing_fingerprint: str | None


def fingerprint_of_key(public_raw: bytes) -> str:
    """A speakable fingerprint (5 groups of 4 hex digits of SHA-256), as the sync keys show."""
    digest = hashlib.sha256(public_raw).hexdigest().upper()
    return "-".join(digest[4 * i:4 * i + 4] for i in range(5))


def current(store: Store) -> DeskSettings:
    institute = own_institute(store)
    if institute is None:
        raise StoreError(said("This database has no centre yet: set it up first."))
    kid = keys.current_kid(store)
    fingerprint = None
    if kid is not None:
        try:
            _kid, private = keys.signing_key(store)
        except keys.KeyError_ as exc:  # the keys folder was lost: say so where it is shown
            fingerprint = str(exc)
        else:
            raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
            fingerprint = fingerprint_of_key(raw)
    return DeskSettings(institute["code"], institute["name_en"], institute["name_hi"] or "",
                        desk_number(store), kid, fingerprint)


def save(store: Store, name_en: str, name_hi: str, desk: int) -> DeskSettings:
    """Change the centre's names and this desk's number as `init` would (an admin's act;
    a desk number whose range the current signing key is outside of gets a new key)."""
    code = current(store).institute_code
    set_up_centre(store, code, name_en, name_hi, desk)
    return current(store)
