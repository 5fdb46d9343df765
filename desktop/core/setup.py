"""Setting a centre up: everything `init` does, above the centre's identity (core.centre)
and the certificate keys that depend on it, so that neither imports the other back."""

from __future__ import annotations

from desktop.core.centre import desk_number, init_centre
from desktop.core.certificates import keys
from desktop.core.users import Permission, require
from desktop.store import Store


def set_up_centre(
    store: Store, code: str, name_en: str, name_hi: str | None = None, desk: int | None = None
) -> int:
    """Everything `init` does, in one transaction: the institute and desk (init_centre) and
    the certificate signing key of this desk. Returns the desk number. Used by the CLI's
    `init` and the GUI's first-run set-up, so both make the same centre."""
    require(store, Permission.SETTINGS)
    with store.transaction():
        init_centre(store, code, name_en, name_hi, desk)
        keys.ensure_signing_key(store)
    return desk_number(store)
