"""`backup`, `restore`, `check`: keeping the centre's data safe (see core/maintenance.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.base import (
    EXIT_PROBLEMS,
    CliError,
    db_path,
    emit,
    open_db,
    output_file,
    progress,
)
from desktop.core import maintenance
from desktop.store import StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backup",
        help="full backup: database (online backup), signing keys and files (photos, sync keys)",
        description=(
            "Write a full backup: one .kdbackup file (a ZIP) holding the database, the "
            "certificate signing keys and the files folder (photos, certificates, sync keys), "
            "with a manifest of SHA-256 hashes. A FILE ending .db (.sqlite, .sqlite3, .bak) "
            "gets the database alone, as in earlier versions. The backup holds private keys: "
            "it is written readable by you only; keep it as safe as the laptop itself."
        ),
    )
    parser.add_argument(
        "file", nargs="?",
        help="backup file (default: <db name>-backup-<time>.kdbackup beside the database)",
    )
    parser.set_defaults(func=run_backup)
    parser = subparsers.add_parser(
        "restore",
        help="replace the data with a backup (the current state is backed up first)",
        description=(
            "Restore a full backup (.kdbackup: database, keys and files, all checked against "
            "the manifest before anything is changed) or a database file alone (.db: the keys "
            "and files folders are left as they are). The current state is backed up first."
        ),
    )
    parser.add_argument("file", help="the backup to restore (.kdbackup or .db)")
    parser.set_defaults(func=run_restore)
    parser = subparsers.add_parser("check", help="integrity check of the database")
    parser.set_defaults(func=run_check)


def run_backup(args: argparse.Namespace) -> int:
    if args.file and not Path(args.file).is_dir():
        output_file(args.file)  # a mistyped USB path must not land on the laptop's disk
    with open_db(args) as store:
        try:
            result = maintenance.backup_ex(store, Path(args.file) if args.file else None)
        except StoreError as exc:
            raise CliError(str(exc)) from exc
    if not result.full:
        progress(
            "Database only: the signing keys and files (photos) are not in this backup; "
            "give a .kdbackup name (or none) for a full backup."
        )
    emit(
        args,
        {
            "backup": str(result.path),
            "format": "full" if result.full else "database",
            "entries": result.entries,
            "bytes": result.bytes,
        },
        f"Backup written to {result.path}",
    )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    source = Path(args.file)
    full = maintenance.is_full_backup(source)
    try:
        safety = maintenance.restore(source, db_path(args), actor=_restorer(args))
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    emit(
        args,
        {
            "restored": args.file,
            "format": "full" if full else "database",
            "previous_saved_as": str(safety) if safety else None,
        },
        f"Restored {args.file}"
        + (f"; the previous state was saved as {safety}" if safety else ""),
    )
    return 0


def _restorer(args: argparse.Namespace) -> str | None:
    """The `--user` restoring, signed in on the current file (None when it cannot be opened:
    a damaged file is what a restore is for; the core then has nothing to guard)."""
    if not getattr(args, "user", None) or not db_path(args).exists():
        return None
    from desktop.cli.session import act_as
    from desktop.store import open_store

    try:
        current = open_store(db_path(args), create=False, migrate=False)
    except StoreError:
        return None
    with current:
        act_as(current, args)  # a wrong PIN stops the restore (exit 2)
        return current.actor


def run_check(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        problems = maintenance.check(store)
    emit(
        args,
        {"ok": not problems, "problems": problems},
        "Database OK" if not problems else "\n".join(problems),
    )
    return EXIT_PROBLEMS if problems else 0
