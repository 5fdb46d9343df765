"""`roster import|export|search`: the roster from the command line (CLI.md)."""

from __future__ import annotations

import argparse
import time

from desktop.cli.base import (
    EXIT_PROBLEMS,
    CliError,
    emit,
    open_db,
    output_file,
    progress,
    progress_printer,
)
from desktop.core.roster import remembered
from desktop.core.roster.export import export_roster
from desktop.core.roster.importer import ImportResult, import_roster
from desktop.core.roster.readers import (
    RosterFileError,
    UnmappedColumns,
    open_table,
    sheet_names,
)
from desktop.core.roster.search import search


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("roster", help="import, export and search participants")
    parser.set_defaults(help_parser=parser)
    sub = parser.add_subparsers(dest="roster_command", metavar="SUBCOMMAND")

    p = sub.add_parser(
        "import",
        help="import participants from CSV or XLSX",
        description="Import participants from a CSV (UTF-8, UTF-16) or XLSX file. Rows are "
        "matched to existing people by employee code, then iGOT id, then mobile; a match "
        "updates only the changed fields. Everything accepted is committed in one "
        "transaction. Exit 1 when rows were rejected, 2 when the file is unusable (then "
        "nothing was changed).",
    )
    p.add_argument("file", help="the CSV or XLSX file")
    p.add_argument(
        "--format",
        choices=("auto", "kd", "igot"),
        default="auto",
        help="column layout: auto (recognise English/Hindi headers), kd (this program's "
        "export), igot (iGOT bulk-onboarding template)",
    )
    p.add_argument(
        "--sheet",
        metavar="NAME",
        help="the workbook's sheet to read (default: the first one holding data)",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=field",
        help="import the column HEADER into a field (name_en, name_hi, employee_code, "
        "igot_user_id, designation, department, district_code, mobile, email, gender, "
        "service_group); repeatable",
    )
    p.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="HEADER",
        help="leave the column HEADER out even though it holds data; repeatable",
    )
    p.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    p.add_argument("--report", metavar="OUT.csv", help="write the input rows with Status and Error")
    p.set_defaults(func=run_import)

    p = sub.add_parser("export", help="write the roster as CSV or XLSX (by extension)")
    p.add_argument("file", help="output file, .csv or .xlsx")
    p.add_argument(
        "--format",
        choices=("kd", "igot"),
        default="kd",
        help="kd (re-importable, all fields) or igot (the portal's bulk-onboarding columns)",
    )
    p.set_defaults(func=run_export)

    p = sub.add_parser(
        "search", help="search by name (either script, or Latin spelling), employee code, mobile"
    )
    p.add_argument("query", help="what to look for, e.g. 'ramesh', 'रमेश', a code or mobile")
    p.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    p.set_defaults(func=run_search)


def run_import(args: argparse.Namespace) -> int:
    started = time.monotonic()

    extra: dict[str, str] = {}
    for item in args.map:
        header, sep, target = item.rpartition("=")
        if not sep or not header.strip():
            raise CliError(f'--map {item!r}: write it as --map "HEADER=field"')
        extra[header] = target.strip()
    if args.report:
        output_file(args.report)
    with open_db(args) as store:
        try:
            with open_table(args.file, args.sheet) as table:
                headers = list(table.headers)
            chosen = None
            if not extra and not args.ignore:
                chosen = remembered.recall(store.conn, headers)
            if chosen is not None:
                progress(
                    "using the column choices remembered for these headers "
                    f"(saved {chosen[1][:10]}; --map/--ignore to choose again)"
                )
            result = import_roster(
                store,
                args.file,
                layout=args.format,
                mapping=chosen[0] if chosen is not None else None,
                extra_mapping=extra,
                ignore=args.ignore,
                sheet=args.sheet,
                dry_run=args.dry_run,
                report=args.report,
                progress=progress_printer(every=2.0, tty_only=True),
            )
        except UnmappedColumns as exc:
            refused = ImportResult(dry_run=args.dry_run, unmapped_columns=exc.columns)
            if getattr(args, "json", False):
                emit(args, refused.as_dict())
            hints = " ".join(f'--map "{c}=FIELD" or --ignore "{c}"' for c in exc.columns[:1])
            raise CliError(f"{args.file}: {exc} For example: {hints}.") from exc
        except RosterFileError as exc:
            message = f"{args.file}: {exc}" if str(args.file) not in str(exc) else str(exc)
            raise CliError(message + _sheet_hint(args)) from exc
        if (extra or args.ignore) and not args.dry_run:
            # offered for the next file with the same headers (here and in the GUI)
            remembered.remember(store, headers, remembered.fields_of(headers, result.mapping))
    progress(f"{result.rows:,} rows in {time.monotonic() - started:.1f} s")
    emit(args, result.as_dict(), lambda: _summary(result, args))
    return EXIT_PROBLEMS if result.rejected else 0


def _sheet_hint(args: argparse.Namespace) -> str:
    """When a workbook with several sheets was refused and no sheet was named: which exist."""
    if args.sheet:
        return ""
    try:
        sheets = sheet_names(args.file)
    except (RosterFileError, OSError):
        return ""
    if len(sheets) < 2:
        return ""
    return " The workbook has the sheets " + ", ".join(map(repr, sheets)) + (
        ": name the one with the list with --sheet NAME."
    )


def _summary(result: ImportResult, args: argparse.Namespace) -> str:
    counts = (
        f"{result.created} created, {result.updated} updated, "
        f"{result.unchanged} unchanged, {result.rejected} rejected, {result.skipped} skipped"
    )
    lines = [
        f"Dry run, nothing written; the import would give: {counts}" if result.dry_run else counts
    ]
    if result.derived_names:
        lines.append(
            f"{result.derived_names} English names were written from the Hindi: check them "
            "(marked on each person until checked or a later file brings the real one)"
        )
    if result.converted_legacy:
        lines.append(
            f"{result.converted_legacy} cells typed in a legacy font (Kruti Dev, Chanakya, "
            "DevLys) were turned into Unicode"
        )
    for error in result.errors[:50]:
        lines.append(f"  row {error['row']}, {error['field']}: {error['message']}")
    if len(result.errors) > 50:
        lines.append(
            f"  … {len(result.errors) - 50} more"
            + (f" (see {args.report})" if args.report else " (use --report OUT.csv)")
        )
    return "\n".join(lines)


def run_export(args: argparse.Namespace) -> int:
    output_file(args.file)
    with open_db(args) as store:
        try:
            count = export_roster(store, args.file, args.format)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        except OSError as exc:
            raise CliError(f"cannot write {args.file}: {exc.strerror or exc}") from exc
    emit(
        args,
        {"file": str(args.file), "format": args.format, "rows": count},
        f"{count} participants written to {args.file}",
    )
    return 0


def run_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    with open_db(args) as store:
        rows = search(store, args.query, args.limit + 1)  # one more: are there others?
    more = len(rows) > args.limit
    rows = rows[: args.limit]
    if more:
        # On stderr, so stdout (the table, or --json) stays what scripts read.
        progress(
            f"Showing the best {args.limit} matches; more people match. Use --limit N to "
            "see more, or make the search narrower."
        )

    def text() -> str:
        if not rows:
            return "no match"
        return "\n".join(
            f"{r['employee_code'] or '-':<14} {r['name_en']:<30} {r['name_hi'] or '':<24} "
            f"{r['district_code'] or '':<4} {r['mobile'] or ''}"
            for r in rows
        )

    emit(args, rows, text)
    return 0
