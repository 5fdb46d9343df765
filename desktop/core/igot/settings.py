"""Where iGOT is and who speaks to it: the base URL (in the database, not a secret) and the
API key and the coordinator's access token (in files readable only by the user, beside the
portal token in `<db>-files/keys/`). A copied or backed-up .db never carries them, and
nothing here puts them in a log or an error text (SYNC-PROTOCOL.md §2 and §10)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.sync.client import PortalError, check_url
from desktop.core.sync.keys import _write_private, keys_dir
from desktop.core.users import Permission, require
from desktop.store import Store
from desktop.text.os_reason import os_reason
from desktop.text.said import said

BASE_URL_KEY = "igot.base_url"
API_KEY_FILE = "igot-api-key"
TOKEN_FILE = "igot-token"


class SettingsError(ValueError):
    """Settings that cannot be used; the message names what and never shows a secret."""


@dataclass(frozen=True)
class IgotSettings:
    base_url: str
    api_key: str = field(repr=False)
    token: str = field(repr=False)

    def __str__(self) -> str:  # a stray print or log line shows no secret
        return f"iGOT at {self.base_url}"


def _read(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return text or None


def secret_from_file(path: str | Path, what: str) -> str:
    """The first line of a file a person named (`--api-key-file`, `--token-file`)."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise SettingsError(said(
                "{what}: cannot read {path} ({reason}).",
                what=what, path=path, reason=os_reason(exc),
            )) from exc
    value = lines[0].strip() if lines else ""
    if not value:
        raise SettingsError(said(
                "{what}: the first line of {path} is empty.",
                what=what, path=path,
            ))
    if any(ch.isspace() for ch in value):
        raise SettingsError(said(
                "{what}: the first line of {path} holds spaces; expected one value.",
                what=what, path=path,
            ))
    return value


def normalise_base(url: str) -> str:
    try:
        return check_url(url)
    except PortalError as exc:
        raise SettingsError(str(exc).replace("portal", "iGOT")) from exc


def save(
    store: Store,
    *,
    base_url: str | None = None,
    api_key: str | None = None,
    token: str | None = None,
) -> None:
    """Change what is given; the first time all three are needed."""
    require(store, Permission.IGOT)
    current_base = store.meta_get(BASE_URL_KEY)
    folder = keys_dir(store)
    if current_base is None and not base_url:
        raise SettingsError(said("iGOT settings need the base URL the first time (--base)."))
    if api_key is None and _read(folder / API_KEY_FILE) is None:
        raise SettingsError(said(
                "iGOT settings need the API key the first time (--api-key-file).",
            ))
    if token is None and _read(folder / TOKEN_FILE) is None:
        raise SettingsError(said("iGOT settings need the coordinator's token (--token-file)."))
    base = normalise_base(base_url) if base_url else None
    if api_key is not None:
        _write_private(folder / API_KEY_FILE, api_key.encode("utf-8"))
    if token is not None:
        _write_private(folder / TOKEN_FILE, token.encode("utf-8"))
    if base is not None:
        store.meta_set(BASE_URL_KEY, base)


def load(store: Store) -> IgotSettings | None:
    """The settings, or None while any part is missing."""
    base = store.meta_get(BASE_URL_KEY)
    folder = keys_dir(store)
    api_key = _read(folder / API_KEY_FILE)
    token = _read(folder / TOKEN_FILE)
    if not base or not api_key or not token:
        return None
    return IgotSettings(base, api_key, token)


def describe(store: Store) -> dict[str, object]:
    """What is set, without the secrets themselves (for `igot settings` and the GUI)."""
    folder = keys_dir(store)
    return {
        "base_url": store.meta_get(BASE_URL_KEY),
        "api_key_set": _read(folder / API_KEY_FILE) is not None,
        "token_set": _read(folder / TOKEN_FILE) is not None,
    }

