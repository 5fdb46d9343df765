"""`audit [filters] [--out FILE.xlsx]`, `audit verify`: the tamper-evident audit log (see
core/audit)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.base import EXIT_PROBLEMS, emit, open_db, output_file
from desktop.core import audit
from desktop.core.audit import view


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "audit", help="the audit log: who did what on this desk (verify: check its chain)",
        description=(
            "List the audit log, newest first, filtered; --out writes the entries to XLSX. "
            "`audit verify` checks the hash chain."
        ),
    )
    # dest `person`, not `user`: the global --user (who acts) must not be overwritten
    parser.add_argument("--user", dest="person", metavar="NAME", help="only what NAME did")
    parser.add_argument("--participant", metavar="ID", help="only entries about this participant")
    parser.add_argument("--workshop", metavar="ID", help="only entries about this workshop")
    parser.add_argument("--since", metavar="DATE", help="from this day (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE", help="up to this day (YYYY-MM-DD)")
    parser.add_argument("--limit", type=int, default=200, help="at most this many (200)")
    parser.add_argument("--out", metavar="FILE.xlsx", help="write the entries to this XLSX file")
    parser.set_defaults(func=run_list)
    sub = parser.add_subparsers(dest="audit_command", metavar="verify")
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
    out = output_file(args.out) if args.out else None
    with open_db(args) as store:
        entries = audit.query(
            store, actor=args.person, participant_id=args.participant,
            workshop_id=args.workshop, date_from=args.since, date_to=args.until,
            limit=args.limit,
        )
        if out is not None:
            view.write_xlsx(store, entries, Path(out))
    payload = {"entries": [e.data() | {"id": e.id, "origin": e.origin} for e in entries],
               "out": str(out) if out else None}
    emit(args, payload, lambda: (f"{len(entries)} entries written to {out}" if out else "\n".join(
        f"{e.n:>6} {e.at} {e.actor or '-':<12} {e.action:<20} {e.target or ''}" for e in entries
    ) or "No entries."))
    return 0
