"""`export`: every synced row as JSON Lines (tombstones included)."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.base import CliError, open_db, output_file, progress
from desktop.core.export import export_jsonl, parse_kinds


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="every synced row as JSON Lines, one record per line ('-' for stdout)"
    )
    parser.add_argument("--kinds", help="comma-separated kinds, e.g. participant,attendance")
    parser.add_argument("file", help="output file, or - for stdout")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        kinds = parse_kinds(args.kinds)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    if args.file != "-":
        output_file(args.file)
    with open_db(args) as store:
        if args.file == "-":
            count = export_jsonl(store, sys.stdout, kinds)
        else:
            with open(args.file, "w", encoding="utf-8") as out:
                count = export_jsonl(store, out, kinds)
    progress(f"exported {count} records")
    return 0
