"""`field`: field visits from the command line (list, report PDF, attach)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from desktop.cli.base import EXIT_PROBLEMS, CliError, emit, open_db, output_file, progress
from desktop.core import attachments as att
from desktop.core import field_report
from desktop.core.dates import format_date
from desktop.core.field_visits import STATUS_FILTERS, VisitError, list_visits, load_visit
from desktop.store import StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("field", help="field visits: list them, make the report PDF")
    sub = parser.add_subparsers(dest="field_command", metavar="COMMAND", required=True)

    ls = sub.add_parser("list", help="field visits, newest first, with open/overdue counts")
    ls.add_argument("--district", help="district code or name, e.g. LKO, Lucknow or लखनऊ")
    ls.add_argument("--department", help="department name (English)")
    ls.add_argument("--month", help="YYYY-MM")
    ls.add_argument("--status", choices=STATUS_FILTERS, help="by action points")
    ls.set_defaults(func=run_list)

    rep = sub.add_parser(
        "report",
        help="bilingual PDF: every visit of a month in a district (--month --district), "
        "or one visit (--visit ID)",
    )
    rep.add_argument("--month", help="YYYY-MM (with --district)")
    rep.add_argument(
        "--district", help="district code or name, e.g. LKO, Lucknow or लखनऊ (with --month)"
    )
    rep.add_argument("--visit", help="the id of one visit instead")
    rep.add_argument("--out", required=True, help="the PDF file to write")
    rep.set_defaults(func=run_report)

    attach = sub.add_parser("attach", help="attach files from disk to a visit")
    attach.add_argument("visit", help="visit id")
    attach.add_argument("files", nargs="+", help="photos or documents (10 MiB each at most)")
    attach.add_argument(
        "--keep-location", action="store_true", help="keep GPS/location data in photos"
    )
    attach.set_defaults(func=run_attach)


def run_list(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            rows = list_visits(
                store,
                district=args.district,
                department=args.department,
                month=args.month,
                status=args.status,
            )
        except VisitError as exc:
            raise CliError(str(exc)) from exc
    payload = [{**asdict(r), "status": r.status} for r in rows]

    def text() -> str:
        lines = [
            f"{format_date(r.visit_date)}  {r.district_code:4} {r.office[:30]:30} "
            f"{r.status:8} open {r.open_points} overdue {r.overdue_points}  {r.id}"
            for r in rows
        ]
        return "\n".join(lines) or "No field visits match."

    emit(args, payload, text)
    return 0


def run_report(args: argparse.Namespace) -> int:
    if args.visit and (args.month or args.district):
        raise CliError("Give either --visit ID, or --month and --district, not both.")
    if not args.visit and not (args.month and args.district):
        raise CliError("Give --month YYYY-MM and --district CODE|NAME (or --visit ID).")
    output_file(args.out)
    with open_db(args) as store:
        try:
            if args.visit:
                load_visit(store, args.visit)
                result = field_report.visit_report(store, [args.visit], Path(args.out))
            else:
                result = field_report.monthly_report(
                    store, args.district, args.month, Path(args.out)
                )
        except (VisitError, StoreError) as exc:
            raise CliError(str(exc)) from exc
    if result.missing_attachments:
        progress(f"{result.missing_attachments} attachment(s) are missing from disk")
    emit(
        args,
        {
            "pdf": str(result.path),
            "visits": result.visits,
            "pages": result.pages,
            "missing_attachments": result.missing_attachments,
        },
        f"Wrote {result.path} ({result.visits} visit(s), {result.pages} page(s))",
    )
    return EXIT_PROBLEMS if result.missing_attachments else 0


def run_attach(args: argparse.Namespace) -> int:
    from desktop.core.field_visits import update_visit

    with open_db(args) as store:
        try:
            visit = load_visit(store, args.visit)
        except StoreError as exc:
            raise CliError(str(exc)) from exc
        refs = list(visit["attachments"])
        added, errors = [], []
        for name in args.files:
            try:
                stored = att.add_attachment(store, name, keep_location=args.keep_location)
            except att.AttachmentError as exc:
                errors.append(str(exc))
                continue
            if all(r["sha256"] != stored.sha256 for r in refs):
                refs.append(stored.ref())
            added.append(stored.ref())
        if added:
            update_visit(store, args.visit, {"attachments": refs})
    for message in errors:
        progress(message)
    emit(
        args,
        {"attached": added, "errors": errors},
        f"Attached {len(added)} file(s)" + (f"; {len(errors)} refused" if errors else ""),
    )
    return EXIT_PROBLEMS if errors else 0
