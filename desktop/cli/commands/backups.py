"""`backups list | settings | run`: the automatic daily backups (desktop.core.backup_schedule).

The GUI makes them by itself; this is how an administrator sees them, sets how many days are
kept and the second folder (a USB stick), or makes today's from a script (cron, a shortcut)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from desktop.cli.base import EXIT_OK, CliError, db_path, emit, open_db
from desktop.core import backup_schedule
from desktop.store import StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backups", help="the automatic daily backups: list, settings, run",
        description="The automatic daily backups the desk makes into <db name>-backups/ "
        "(encrypted with the key kept in the OS keyring), copied to a second folder if one "
        "is chosen, the last N days kept.")
    parser.set_defaults(func=lambda args: _usage(parser), help_parser=parser)
    sub = parser.add_subparsers(dest="backups_command", metavar="SUBCOMMAND")
    sub.add_parser("list", help="the automatic backups, newest first, and the settings"
                   ).set_defaults(func=run_list)
    settings = sub.add_parser("settings", help="days kept and the second folder")
    settings.add_argument("--keep-days", type=int, help="keep the last N days (1-365)")
    folder = settings.add_mutually_exclusive_group()
    folder.add_argument("--second-folder", type=Path, help="also copy each backup here")
    folder.add_argument("--no-second-folder", action="store_true", help="stop copying")
    settings.set_defaults(func=run_settings)
    run = sub.add_parser("run", help="make today's automatic backup now if none was made today")
    run.add_argument("--even-if-done", action="store_true",
                     help="make one even if today's exists")
    run.set_defaults(func=run_now)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _state(store, path: Path) -> dict:
    folder = backup_schedule.backup_folder(path)
    second = backup_schedule.second_folder(store)
    return {
        "folder": str(folder),
        "keep_days": backup_schedule.keep_days(store),
        "second_folder": str(second) if second else None,
        "backups": [{"path": str(b.path), "made_at": b.made_at.isoformat()}
                    for b in reversed(backup_schedule.found(folder, path))],
    }


def _text(state: dict) -> str:
    lines = [f"Automatic backups in {state['folder']} (last {state['keep_days']} days kept)",
             f"Second folder: {state['second_folder'] or 'none'}"]
    lines += [f"  {b['made_at']}  {b['path']}" for b in state["backups"]] or ["  none yet"]
    return "\n".join(lines)


def run_list(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        state = _state(store, db_path(args))
    emit(args, state, lambda: _text(state))
    return EXIT_OK


def run_settings(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            if args.keep_days is not None:
                backup_schedule.set_keep_days(store, args.keep_days)
            if args.second_folder is not None:
                backup_schedule.set_second_folder(store, args.second_folder.resolve())
            if args.no_second_folder:
                backup_schedule.set_second_folder(store, None)
        except StoreError as exc:
            raise CliError(str(exc)) from exc
        state = _state(store, db_path(args))
    emit(args, state, lambda: _text(state))
    return EXIT_OK


def run_now(args: argparse.Namespace) -> int:
    now = datetime.now().astimezone()
    with open_db(args) as store:
        try:
            result = (backup_schedule.run_now(store, now) if args.even_if_done
                      else backup_schedule.run_if_due(store, now))
        except StoreError as exc:
            raise CliError(str(exc)) from exc
    payload = {
        "made": str(result.made) if result else None,
        "copied_to": str(result.copied_to) if result and result.copied_to else None,
        "second_folder_missing": str(result.second_missing)
        if result and result.second_missing else None,
        "removed": [str(p) for p in result.removed] if result else [],
    }

    def text() -> str:
        if result is None:
            return "Today's automatic backup was already made; nothing to do."
        out = [f"Backup written: {result.made}"]
        if result.copied_to:
            out.append(f"Copied to {result.copied_to}")
        if result.second_missing:
            out.append(f"Second folder {result.second_missing} not found: not copied there")
        out += [f"Removed (older than kept): {p}" for p in result.removed]
        return "\n".join(out)

    emit(args, payload, text)
    return EXIT_OK
