"""Where files live: bundled resources (source tree or PyInstaller bundle) and per-user data."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import platformdirs

from desktop import APP_NAME

DB_ENV_VAR = "KARMAYOGI_DESK_DB"


def _root() -> Path:
    # Inside a PyInstaller bundle everything added as `datas` sits under sys._MEIPASS.
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def bundle_root() -> Path:
    """The folder holding `forms/`, `resources/` (and in a bundle, `build_info.json`)."""
    return _root()


def resource_path(*parts: str) -> Path:
    """A file under `resources/`, the same call from source and from the bundle."""
    return _root().joinpath("resources", *parts)


def forms_path(name: str) -> Path:
    """A Designer `.ui` file under `forms/`."""
    return _root().joinpath("forms", name)


def data_dir() -> Path:
    """The per-user directory for the database, backups, logs and generated PDFs."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


DB_FILE_NAME = "karmayogi-desk.db"
#: in the per-user data folder: the database file the first-run wizard put elsewhere
LOCATION_FILE = "database-location.txt"


def default_db_path() -> Path:
    """`--db` default: the environment variable, else the file the first-run wizard was told to
    keep the data in (CLI and GUI alike), else the per-user data directory."""
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Path(env)
    return remembered_db_path() or data_dir() / DB_FILE_NAME


def remembered_db_path() -> Path | None:
    """The database file chosen in the first-run wizard, if one was chosen."""
    try:
        text = (data_dir() / LOCATION_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return Path(text) if text else None


def remember_db_path(path: Path) -> None:
    """Make `path` the database of every later start without `--db` (written atomically)."""
    target = data_dir() / LOCATION_FILE
    temporary = target.with_suffix(".tmp")
    temporary.write_text(f"{path}\n", encoding="utf-8")
    os.replace(temporary, target)


def files_dir(db_path: Path | str) -> Path:
    """Generated and attached files belong beside their database, so a backup copy of the
    folder keeps them together."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.stem + "-files")


_scratch_folders: dict[tuple[int, str], Path] = {}


def store_folder(db_path: Path | str | None, name: str, *, owner: object) -> Path:
    """`files_dir(db)/name` (keys, attachments). A database in memory has no folder beside it:
    it gets a temporary one, the same for the same `owner` (its Store) every time."""
    if db_path is not None:
        return files_dir(db_path) / name
    key = (id(owner), name)
    folder = _scratch_folders.get(key)
    if folder is None:
        folder = _scratch_folders[key] = Path(tempfile.mkdtemp(prefix=f"kd-{name}-"))
    return folder
