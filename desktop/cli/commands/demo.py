"""`demo`: create a realistic demo database (seeded, repeatable)."""

from __future__ import annotations

import argparse

from desktop.cli.base import db_path, emit, open_db, progress_printer
from desktop.core.demo import build_demo


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo", help="create a realistic demo database; the same seed gives the same data"
    )
    parser.add_argument("--participants", type=int, default=500, help="roster size (default 500)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--team",
        action="store_true",
        help="besides the admin without a PIN (user 'Admin'), add a sample team: "
        "'Kavita Rao' coordinator PIN 2222, 'Tara Singh' trainer 3333, 'Om Prakash' operator "
        "1111 (demo PINs: never on a real desk)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_db(args, create=True) as store:
        context = build_demo(
            store, args.participants, args.seed, progress=progress_printer(), team=args.team
        )
    summary = {k: (len(v) if isinstance(v, list) else v) for k, v in context.items()}
    emit(args, {"db": str(db_path(args)), **summary}, f"Demo database ready at {db_path(args)}")
    return 0
