"""`attendance mark`: record one mark, exactly as the desk does.

Exit codes: 0 marked (or already marked: nothing to do); 1 refused by the rules, nothing
stored (not enrolled, withdrawn, another workshop's participant, session closed or not
started); 2 unusable input, nothing stored (unknown session, person or code, garbled scan)."""

from __future__ import annotations

import argparse
from datetime import datetime

from desktop.cli.base import EXIT_PROBLEMS, EXIT_USAGE, CliError, emit, open_db, progress
from desktop.core import attendance
from desktop.store import RecordNotFound

_USAGE_OUTCOMES = {"unknown", "garbled"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("attendance", help="attendance marks")
    parser.set_defaults(help_parser=parser)
    sub = parser.add_subparsers(dest="attendance_command", metavar="SUBCOMMAND")
    mark = sub.add_parser(
        "mark",
        help="record one mark, as the desk does",
        description="Record one attendance mark. Exit 0: marked or already marked; 1: refused "
        "(not enrolled, session closed or not started); 2: unknown session/person/code or "
        "garbled scan. Nothing is stored unless the exit code is 0.",
    )
    mark.add_argument("--session", required=True, help="session id")
    who = mark.add_mutually_exclusive_group(required=True)
    who.add_argument("--participant", help="participant id")
    who.add_argument("--code", help="employee code")
    who.add_argument("--scan", help="text a scanner read (badge QR or employee code)")
    mark.add_argument(
        "--status",
        choices=attendance.STATUSES,
        help="default: present, or late after the grace time",
    )
    mark.add_argument(
        "--at",
        help="local time of the mark (YYYY-MM-DD HH:MM), e.g. when "
        "entering a paper register afterwards; default now",
    )
    mark.set_defaults(func=run_mark)


def run_mark(args: argparse.Namespace) -> int:
    now = None
    if args.at:
        try:
            now = datetime.fromisoformat(args.at)
        except ValueError as exc:
            raise CliError(f"--at: {args.at!r} is not a date and time (YYYY-MM-DD HH:MM)") from exc
    with open_db(args) as store:
        try:
            result = attendance.mark_cli(
                store,
                args.session,
                participant_id=args.participant,
                code=args.code,
                scan=args.scan,
                status=args.status,
                now=now,
            )
        except RecordNotFound as exc:
            raise CliError(str(exc)) from exc
    payload = result.as_json()
    if result.outcome in _USAGE_OUTCOMES:
        code = EXIT_USAGE
    elif result.outcome in attendance.RED:
        code = EXIT_PROBLEMS
    else:
        code = 0
    if code and not getattr(args, "json", False):
        progress(f"karmayogi-desk: {result.message}")
        return code
    emit(args, payload, result.message)
    return code
