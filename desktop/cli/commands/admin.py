"""`backup`, `restore`, `check`: keeping the centre's data safe (see core/maintenance.py).

A full backup is encrypted with a passphrase unless `--no-passphrase` (or `--no-encrypt`) says
otherwise in words. The passphrase comes from the first line of `--passphrase-file`, else
`KARMAYOGI_DESK_BACKUP_PASSPHRASE` (or `KARMAYOGI_DESK_PASSPHRASE`), else the terminal (typed
twice for a new backup). It is never printed, logged or put in an error message."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
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
from desktop.core import backup_crypto, maintenance
from desktop.core.backup_crypto import Protection
from desktop.store import StoreError

PASSPHRASE_ENVS = ("KARMAYOGI_DESK_BACKUP_PASSPHRASE", "KARMAYOGI_DESK_PASSPHRASE")


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
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument(
        "--passphrase-file", metavar="F",
        help="read the passphrase from the first line of F (else "
        "$KARMAYOGI_DESK_BACKUP_PASSPHRASE, else it is asked for)",
    )
    secret.add_argument(
        "--no-passphrase", "--no-encrypt", dest="no_passphrase", action="store_true",
        help="write the full backup UNENCRYPTED: whoever holds the file reads every name, "
        "mobile and e-mail and can sign certificates in this centre's name",
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
    parser.add_argument(
        "--passphrase-file", metavar="F",
        help="an encrypted backup's passphrase: the first line of F (else "
        "$KARMAYOGI_DESK_BACKUP_PASSPHRASE, else it is asked for)",
    )
    parser.set_defaults(func=run_restore)
    parser = subparsers.add_parser("check", help="integrity check of the database")
    parser.set_defaults(func=run_check)


def _given_passphrase(args: argparse.Namespace) -> str | None:
    """From --passphrase-file or the environment; None when neither gives one."""
    if getattr(args, "passphrase_file", None):
        try:
            with open(args.passphrase_file, encoding="utf-8") as handle:
                line = handle.readline().rstrip("\r\n")
        except OSError as exc:
            raise CliError(f"Cannot read the passphrase file {args.passphrase_file}: "
                           f"{exc.strerror}.") from None
        if not line:
            raise CliError(f"The passphrase file {args.passphrase_file} has an empty first line.")
        return line
    for name in PASSPHRASE_ENVS:
        if os.environ.get(name):
            return os.environ[name]
    return None


def _ask(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise CliError(
            "This needs the backup passphrase: give --passphrase-file F or set "
            "KARMAYOGI_DESK_BACKUP_PASSPHRASE (no terminal to ask on)."
        )
    return getpass.getpass(prompt)


def _new_protection(args: argparse.Namespace, full: bool) -> Protection | None:
    if args.no_passphrase or not full:
        return None
    passphrase = _given_passphrase(args)
    if passphrase is None:
        passphrase = _ask("Passphrase for the backup: ")
        if _ask("The same passphrase again: ") != passphrase:
            raise CliError("The two passphrases differ; nothing was written.")
    problem = backup_crypto.check_new_passphrase(passphrase)
    if problem:
        raise CliError(problem + " Nothing was written.")
    return Protection(passphrase=passphrase)


def run_backup(args: argparse.Namespace) -> int:
    if args.file and not Path(args.file).is_dir():
        output_file(args.file)  # a mistyped USB path must not land on the laptop's disk
    full = not args.file or maintenance.is_full_backup_name(args.file) or Path(args.file).is_dir()
    protection = _new_protection(args, full)
    with open_db(args) as store:
        try:
            result = maintenance.backup_ex(
                store, Path(args.file) if args.file else None, protection=protection
            )
        except StoreError as exc:
            raise CliError(str(exc)) from exc
    if result.full and not result.encrypted:
        progress(
            "NOT ENCRYPTED (--no-passphrase): whoever holds this file can read every name, "
            "mobile and e-mail in it and sign certificates in this centre's name."
        )
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
            "encrypted": result.encrypted,
            "entries": result.entries,
            "bytes": result.bytes,
        },
        f"Backup written to {result.path}",
    )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    source = Path(args.file)
    encrypted = backup_crypto.is_encrypted(source)
    full = encrypted or maintenance.is_full_backup(source)
    protection = None
    try:
        try:
            safety = maintenance.restore(source, db_path(args), actor=_restorer(args))
        except backup_crypto.PassphraseNeeded:
            passphrase = _given_passphrase(args)
            if passphrase is None:
                passphrase = _ask(f"Passphrase of {source.name}: ")
            protection = Protection(passphrase=passphrase)
            safety = maintenance.restore(source, db_path(args), protection=protection,
                                         actor=_restorer(args))
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    emit(
        args,
        {
            "restored": args.file,
            "format": "full" if full else "database",
            "encrypted": encrypted,
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
