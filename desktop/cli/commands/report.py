"""`report monthly`: the monthly department review (registered → enrolled → completed)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from desktop.cli.base import CliError, emit, open_db, output_file
from desktop.core.reports import monthly_report


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="reports for review meetings")
    parser.set_defaults(help_parser=parser)
    sub = parser.add_subparsers(dest="report", metavar="REPORT")
    monthly = sub.add_parser(
        "monthly", help="the monthly department review: registered → enrolled → completed"
    )
    monthly.add_argument("--month", required=True, help="YYYY-MM")
    monthly.add_argument("--out", required=True, help="output file, .xlsx or .pdf")
    monthly.set_defaults(func=run_monthly)


def run_monthly(args: argparse.Namespace) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise CliError(f"--out {out}: the file name must end in .xlsx or .pdf")
    output_file(out)
    with open_db(args) as store:
        try:
            report = monthly_report(store, args.month)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        if suffix == ".xlsx":
            from desktop.core.report_xlsx import write_xlsx

            write_xlsx(report, out)
        else:
            try:
                from desktop.core.report_pdf import write_pdf
            except ImportError as exc:  # until the PDF layout lands, say so plainly
                raise CliError("PDF output is not available in this version; use .xlsx") from exc
            write_pdf(report, out)
    total = report.total
    emit(
        args,
        {
            "month": report.month,
            "out": str(out),
            "registered": total.registered,
            "enrolled": total.enrolled,
            "completed": total.completed,
            "departments": [dataclasses.asdict(r) for r in report.departments],
        },
        f"{report.month}: registered {total.registered}, enrolled {total.enrolled}, "
        f"completed {total.completed} → {out}",
    )
    return 0
