"""`report monthly`: the monthly review (funnel, breakdowns, trend) as XLSX or PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.base import CliError, emit, open_db, output_file
from desktop.core import lookups
from desktop.core.review import Filters, as_json, build_review


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="reports for review meetings")
    parser.set_defaults(help_parser=parser)
    sub = parser.add_subparsers(dest="report", metavar="REPORT")
    monthly = sub.add_parser(
        "monthly",
        help="the monthly review: registered → enrolled → attended → completed → certified",
    )
    monthly.add_argument("--month", required=True, help="YYYY-MM")
    monthly.add_argument("--to", help="YYYY-MM: the last month of a range (default: --month)")
    monthly.add_argument("--department", help="only participants of this department (English name)")
    monthly.add_argument("--district", help="only participants of this district (code, e.g. LKO)")
    monthly.add_argument("--institute", help="only workshops of this institute (code)")
    monthly.add_argument("--mode", choices=("institute", "field"), help="only workshops of a mode")
    monthly.add_argument("--group", choices=("A/B", "C/D"), help="officers (A/B) or staff (C/D)")
    monthly.add_argument("--out", required=True, help="output file, .xlsx or .pdf")
    monthly.set_defaults(func=run_monthly)


def _filters(store, args: argparse.Namespace) -> Filters:
    if args.department is not None:
        known = {en for en, _ in lookups.departments(store, active_only=False)}
        if args.department not in known:
            raise CliError(f"--department {args.department!r}: no such department")
    if args.district is not None and not lookups.district_exists(store, args.district):
        raise CliError(f"--district {args.district!r}: no such district code")
    return Filters(
        department=args.department,
        district_code=args.district,
        institute_code=args.institute,
        mode=args.mode,
        service_group=args.group,
    )


def run_monthly(args: argparse.Namespace) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise CliError(f"--out {out}: the file name must end in .xlsx or .pdf")
    output_file(out)
    with open_db(args) as store:
        try:
            review = build_review(store, args.month, args.to, _filters(store, args))
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        if suffix == ".xlsx":
            from desktop.core.report_xlsx import write_xlsx

            write_xlsx(review, out)
        else:
            from desktop.core.report_pdf import write_pdf

            write_pdf(store, review, out)
    f = review.funnel
    emit(
        args,
        as_json(review),
        f"{review.month}: registered {f.registered}, enrolled {f.enrolled}, attended "
        f"{f.attended}, completed {f.completed}, certified {f.certified} → {out}",
    )
    return 0
