"""`init`: create and set up a database for this centre."""

from __future__ import annotations

import argparse

from desktop.cli.base import CliError, db_path, emit, open_db
from desktop.core.centre import DESK_MAX, DESK_MIN, check_desk
from desktop.core.setup import set_up_centre
from desktop.store import StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("init", help="create and set up a database for this centre")
    parser.add_argument("--institute-code", required=True, help="short code, e.g. UPAAM")
    parser.add_argument("--institute-name-en", required=True, help="institute name in English")
    parser.add_argument("--institute-name-hi", help="institute name in Hindi")
    parser.add_argument(
        "--desk",
        metavar="N",
        help=f"this laptop's desk number within the institute, {DESK_MIN}-{DESK_MAX} "
        "(default 1, or the one already recorded). Every laptop of one institute that issues "
        "certificates offline needs a different desk number: it is part of the certificate "
        "numbers and signing-key ids, so two laptops never give the same ones",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:  # checked before the database is even created: exit 2 and nothing changed
        desk = None if args.desk is None else check_desk(args.desk)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    store = open_db(args, create=True)
    try:
        desk = set_up_centre(
            store, args.institute_code, args.institute_name_en, args.institute_name_hi, desk
        )
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()
    emit(
        args,
        {"db": str(db_path(args)), "institute_code": args.institute_code.upper(), "desk": desk},
        f"Database ready at {db_path(args)} for {args.institute_code.upper()}, desk {desk}.",
    )
    return 0

