"""`verify`: check a certificate's signed QR offline (QR text, a PDF or a photo/scan)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.base import EXIT_OK, EXIT_PROBLEMS, CliError, db_path, emit
from desktop.core.certificates.verify import IMAGE_SUFFIXES, verify_any
from desktop.core.dates import format_date
from desktop.store import StoreError, open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="check a certificate offline: QR text, FILE.pdf or an image (exit 1: invalid)",
    )
    parser.add_argument("target", help="the QR text, or a PDF / PNG / JPG file")
    parser.add_argument("--trust-list", help="a trust list JSON file of the issuing centre")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target = Path(args.target)
    if target.suffix.lower() in {".pdf"} | IMAGE_SUFFIXES and not target.is_file():
        raise CliError(f"Cannot read {args.target}: no such file.")
    trust = None
    if args.trust_list:
        try:
            trust = Path(args.trust_list).read_text(encoding="utf-8")
        except OSError as exc:
            raise CliError(f"Cannot read the trust list {args.trust_list}: {exc}") from exc
    store = None
    path = db_path(args)
    # The local database adds this desk's keys and revocations; verifying works without one.
    if path.exists():
        try:
            store = open_store(path, create=False)
        except StoreError:
            store = None
    try:
        try:
            result = verify_any(args.target, store=store, trust_list=trust)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
    finally:
        if store is not None:
            store.close()
    p = result.payload or {}

    def text() -> str:
        if not result.valid:
            return f"NOT VALID: {result.message}" + (
                f"\n  {p.get('no')} — {p.get('name_en')}" if p else ""
            )
        lines = [f"VALID certificate {p.get('no')} (key {result.kid})"]
        for key in ("name_en", "name_hi", "employee_code", "programme", "hours", "from", "to",
                    "institute", "issued"):  # fmt: skip
            if key in p:
                value = format_date(p[key]) if key in ("from", "to", "issued") else p[key]
                lines.append(f"  {key}: {value}")
        return "\n".join(lines)

    emit(args, result.to_json(), text)
    return EXIT_OK if result.valid else EXIT_PROBLEMS
