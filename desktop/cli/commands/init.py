"""`init`: create and set up a database for this centre."""

from __future__ import annotations

import argparse

from desktop.cli.base import CliError, db_path, emit, open_db
from desktop.core.centre import init_centre
from desktop.store import StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("init", help="create and set up a database for this centre")
    parser.add_argument("--institute-code", required=True, help="short code, e.g. UPAAM")
    parser.add_argument("--institute-name-en", required=True, help="institute name in English")
    parser.add_argument("--institute-name-hi", help="institute name in Hindi")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = open_db(args, create=True)
    try:
        init_centre(store, args.institute_code, args.institute_name_en, args.institute_name_hi)
        _after_init(store)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()
    emit(
        args,
        {"db": str(db_path(args)), "institute_code": args.institute_code.upper()},
        f"Database ready at {db_path(args)} for {args.institute_code.upper()}.",
    )
    return 0


def _after_init(store) -> None:
    """Set-up steps other features need at init (the certificate signing key, when present)."""
    try:
        from desktop.core.certificates import keys
    except ImportError:
        return
    keys.ensure_signing_key(store)
