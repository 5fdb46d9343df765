"""`backup`, `restore`, `check`: keeping the database file safe."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.base import EXIT_PROBLEMS, CliError, db_path, emit, open_db
from desktop.core import maintenance
from desktop.store import StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("backup", help="online backup of the database")
    parser.add_argument("file", nargs="?", help="backup file (default: beside the database)")
    parser.set_defaults(func=run_backup)
    parser = subparsers.add_parser(
        "restore", help="replace the database with a backup (the current file is backed up first)"
    )
    parser.add_argument("file", help="the backup to restore")
    parser.set_defaults(func=run_restore)
    parser = subparsers.add_parser("check", help="integrity check of the database")
    parser.set_defaults(func=run_check)


def run_backup(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            path = maintenance.backup(store, Path(args.file) if args.file else None)
        except StoreError as exc:
            raise CliError(str(exc)) from exc
    emit(args, {"backup": str(path)}, f"Backup written to {path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    try:
        safety = maintenance.restore(Path(args.file), db_path(args))
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    emit(
        args,
        {"restored": args.file, "previous_saved_as": str(safety) if safety else None},
        f"Restored {args.file}" + (f"; the previous file was saved as {safety}" if safety else ""),
    )
    return 0


def run_check(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        problems = maintenance.check(store)
    emit(
        args,
        {"ok": not problems, "problems": problems},
        "Database OK" if not problems else "\n".join(problems),
    )
    return EXIT_PROBLEMS if problems else 0
