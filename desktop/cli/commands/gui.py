"""`gui` (also the default with no command): start the desktop application."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop.cli.base import CliError, db_path, open_db, progress, progress_printer
from desktop.paths import DB_ENV_VAR, data_dir
from desktop.syslibs import PACKAGES, missing_message, missing_packages


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gui", help="start the GUI on the database (the default)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use the demo database in the data folder (made on first use) instead of --db",
    )
    parser.set_defaults(func=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    # Before anything else (and before Qt can abort the process): say which system
    # libraries are missing and the line that installs them.
    missing = missing_packages()
    if missing:
        raise CliError(missing_message(missing))
    path = db_path(args)
    # Named: --db, the environment variable or --demo. Otherwise the first-run wizard may
    # start a new database in a folder the user chooses (and remember it).
    named = bool(args.db) or bool(os.environ.get(DB_ENV_VAR)) or getattr(args, "demo", False)
    if getattr(args, "demo", False):
        path = ensure_demo_db(data_dir() / "demo.db")
    try:
        from desktop.ui.app import run  # Qt is imported only when a window is wanted
    except ImportError as exc:
        if ".so" not in str(exc):
            raise
        # A system library Qt links against is missing (e.g. libEGL.so.1).
        raise CliError(f"{exc}\n{missing_message(missing_packages() or list(PACKAGES))}") from exc

    return run(path, db_named=named)


def ensure_demo_db(path: Path) -> Path:
    """The embedded demo database: built once, reused on later starts."""
    if not path.exists():
        from desktop.core.demo import build_demo

        progress(f"building the demo database at {path} …")
        args = argparse.Namespace(db=str(path))
        with open_db(args, create=True) as store:
            build_demo(store, participants=2000, seed=1, progress=progress_printer())
    return path
