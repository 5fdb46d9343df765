"""`audit verify`, `audit list`: the tamper-evident audit log (see core/audit)."""

from __future__ import annotations

import argparse

from desktop.cli.base import EXIT_PROBLEMS, emit, open_db
from desktop.core import audit


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("audit", help="the audit log: who did what on this desk")
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = sub.add_parser(
        "verify",
        help="check the audit chain (exit 0 intact, 1 broken: names the first bad entry)",
        description=(
            "Walk the audit log's hash chain from the first entry. Every entry holds the "
            "hash of the one before; an entry changed, removed or inserted by editing the "
            "database file breaks the chain at that entry, which is named."
        ),
    )
    verify.set_defaults(func=run_verify)
    listing = sub.add_parser("list", help="the newest entries, filtered")
    listing.add_argument("--person", help="only what this user did")
    listing.add_argument("--participant", help="participant id")
    listing.add_argument("--workshop", help="workshop id")
    listing.add_argument("--from", dest="date_from", help="YYYY-MM-DD")
    listing.add_argument("--to", dest="date_to", help="YYYY-MM-DD")
    listing.add_argument("--limit", type=int, default=50)
    listing.set_defaults(func=run_list)


def run_verify(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        result = audit.verify(store)
    payload = {"intact": result.intact, "entries": result.entries,
               "bad_entry": result.bad_entry, "problem": result.problem, "head": result.head}
    if result.intact:
        text = f"Audit chain intact: {result.entries} entries, head {result.head or '-'}"
    else:
        text = (f"Audit chain BROKEN at entry {result.bad_entry} of {result.entries}: "
                f"{result.problem}. The database file was edited outside the program.")
    emit(args, payload, text)
    return 0 if result.intact else EXIT_PROBLEMS


def run_list(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        rows = audit.query(
            store, actor=args.person, participant_id=args.participant,
            workshop_id=args.workshop, date_from=args.date_from, date_to=args.date_to,
            limit=args.limit,
        )
    payload = [e.as_record()["data"] | {"id": e.id, "origin": e.origin} for e in rows]
    emit(args, payload, lambda: "\n".join(
        f"{e.n:>6} {e.at} {e.actor or '-':<12} {e.action:<20} {e.target or ''}" for e in rows
    ) or "No entries.")
    return 0
