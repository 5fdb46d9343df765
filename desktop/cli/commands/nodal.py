"""`nodal add|list`: each department's nodal officer, printed on its monthly review.

CLI.md has no line for these yet; the shape follows `users add|list`."""

from __future__ import annotations

import argparse
import dataclasses

from desktop.cli.base import CliError, emit, open_db
from desktop.core.nodal import NodalError, add_officer, officers


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("nodal", help="departments' nodal officers")
    parser.set_defaults(help_parser=parser)
    sub = parser.add_subparsers(dest="nodal", metavar="ACTION")
    add = sub.add_parser("add", help="record a department's nodal officer")
    add.add_argument("department", help="the department's English name, e.g. Revenue")
    add.add_argument("--name", required=True)
    add.add_argument("--designation")
    add.add_argument("--phone", help="10-digit mobile number")
    add.add_argument("--email")
    add.set_defaults(func=run_add)
    listing = sub.add_parser("list", help="the nodal officers on record")
    listing.add_argument("--department", help="only this department")
    listing.set_defaults(func=run_list)


def run_add(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            officer_id = add_officer(
                store, args.department, args.name, args.designation, args.phone, args.email
            )
        except NodalError as exc:
            raise CliError(str(exc)) from exc
    emit(
        args,
        {"id": officer_id, "department": args.department, "name": args.name.strip()},
        f"{args.name.strip()} is the nodal officer of {args.department} ({officer_id})",
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        rows = officers(store, args.department)
    lines = [
        "  ".join(x for x in (o.department, o.name, o.designation, o.phone, o.email) if x)
        for o in rows
    ]
    emit(
        args,
        [dataclasses.asdict(o) for o in rows],
        "\n".join(lines) if lines else "no nodal officers on record",
    )
    return 0
