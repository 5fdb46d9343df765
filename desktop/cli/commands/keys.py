"""`keys trust-list|rotate|import`: the centre's certificate signing keys (public halves)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.base import CliError, emit, open_db
from desktop.core.certificates import keys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("keys", help="certificate signing keys and trust lists")
    sub = parser.add_subparsers(dest="keys_command", required=True)
    p = sub.add_parser("trust-list", help="print this centre's trust list (SYNC-PROTOCOL §8)")
    p.set_defaults(func=run_trust_list)
    p = sub.add_parser("rotate", help="make a new signing key; old certificates stay valid")
    p.set_defaults(func=run_rotate)
    p = sub.add_parser("import", help="trust another centre's keys (their trust list file)")
    p.add_argument("file")
    p.set_defaults(func=run_import)


def run_trust_list(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        keys.ensure_signing_key(store)
        doc = keys.trust_list(store)
    emit(args, doc, None)
    return 0


def run_rotate(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        kid = keys.rotate(store)
    emit(args, {"kid": kid}, f"New signing key {kid}; earlier keys stay in the trust list.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    try:
        data = Path(args.file).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"Cannot read {args.file}: {exc}") from exc
    with open_db(args) as store:
        try:
            count = keys.import_trust_list(store, data)
        except ValueError as exc:
            raise CliError(f"{args.file}: {exc}") from exc
    emit(args, {"imported": count}, f"{count} key(s) added to the trusted keys.")
    return 0
