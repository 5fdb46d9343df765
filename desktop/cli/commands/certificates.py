"""`certificates issue|list|revoke|reprint`: the certificate register from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.base import (
    EXIT_PROBLEMS,
    CliError,
    emit,
    make_output_folder,
    open_db,
    output_file,
    output_folder,
    progress,
    progress_printer,
)
from desktop.core.certificates.issue import (
    CertificateError,
    copy_out,
    issue_certificates,
    list_certificates,
    reprint_bytes,
    revoke,
)
from desktop.core.certificates.numbering import suggest_numbers
from desktop.core.certificates.template import TemplateError
from desktop.core.dates import format_date
from desktop.store import RecordNotFound, StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "certificates", help="issue, list, revoke and reprint certificates"
    )
    sub = parser.add_subparsers(dest="certificates_command", required=True)

    p = sub.add_parser(
        "issue", help="issue certificates to every eligible participant not yet holding one"
    )
    p.add_argument("--workshop", required=True, help="workshop id")
    p.add_argument("--participant", action="append", help="only this participant (repeatable)")
    p.add_argument("--out", help="also copy the PDFs and the combined print file here")
    p.add_argument("--template", help="template name or folder (default: academy)")
    p.add_argument(
        "--reissue-reason", help="re-issue to those who already hold one (new number), because…"
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="with --reissue-reason and no --participant: really re-issue to every holder",
    )
    p.add_argument("--workers", type=int, help="rendering processes (default: all cores)")
    p.set_defaults(func=run_issue)

    p = sub.add_parser("list", help="the register of issued certificates")
    p.add_argument("--workshop", help="only this workshop")
    p.add_argument("--search", help="number, name (either script) or employee code")
    p.add_argument("--status", choices=["valid", "revoked"])
    p.set_defaults(func=run_list)

    p = sub.add_parser("revoke", help="revoke a certificate (syncs as a new version)")
    p.add_argument("number")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=run_revoke)

    p = sub.add_parser("reprint", help="write the stored, issued PDF (REVOKED stamp if revoked)")
    p.add_argument("number")
    p.add_argument("--out", required=True, help="output PDF file")
    p.set_defaults(func=run_reprint)


def run_issue(args: argparse.Namespace) -> int:
    if args.reissue_reason is not None and not args.participant and not args.all:
        # A bulk re-issue by accident renumbers everyone and revokes every old certificate.
        raise CliError(
            "Re-issuing to everyone who already holds a certificate needs --all "
            "(or name them with --participant ID)."
        )
    out_dir = output_folder(args.out) if args.out else None  # checked before issuing
    with open_db(args) as store:
        try:
            result = issue_certificates(
                store,
                args.workshop,
                participant_ids=args.participant,
                reissue_reason=args.reissue_reason,
                template=args.template,
                workers=args.workers,
                progress=progress_printer(),
            )
        except (CertificateError, TemplateError, RecordNotFound, StoreError) as exc:
            raise CliError(str(exc)) from exc
        copies = copy_out(result, make_output_folder(out_dir)) if out_dir else {}
    for pid, reason in result.skipped:
        progress(f"skipped {pid}: {reason}")
    rows = [
        {
            "number": i.number,
            "participant_id": i.participant_id,
            "pdf": str(copies.get(i.certificate_id, i.pdf)),
            "qr": i.qr,
        }
        for i in result.issued
    ]
    batch = result.batch_pdf
    emit(
        args,
        rows,
        lambda: "\n".join(
            [f"{r['number']}  {r['pdf']}" for r in rows]
            + [f"{len(rows)} issued, {len(result.skipped)} skipped"]
            + ([f"print file: {batch}"] if batch else [])
        ),
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        rows = list_certificates(
            store, search=args.search, workshop_id=args.workshop, status=args.status
        )
        hints = suggest_numbers(store, args.search) if args.search and not rows else []
    if hints:  # a number typed with 0 for O or 1 for I (stderr: stdout stays the list)
        progress(f"No certificate numbered {args.search}. Did you mean {' or '.join(hints)}?")
    out = [
        {
            "number": r["number"],
            "participant_id": r["participant_id"],
            "name_en": r["name_en"],
            "name_hi": r["name_hi"],
            "workshop_id": r["workshop_id"],
            "issued_at": r["issued_at"],
            "status": "revoked" if r["revoked_at"] else "valid",
            "revoked_at": r["revoked_at"],
            "revocation_reason": r["revocation_reason"],
            "supersedes": r["supersedes"],
        }
        for r in rows
    ]
    emit(
        args,
        out,
        lambda: (
            "\n".join(
                f"{r['number']}  {r['status']:7}  {format_date(r['issued_at'])}  {r['name_en']}"
                + (f" / {r['name_hi']}" if r["name_hi"] else "")
                for r in out
            )
            or "No certificates."
        ),
    )
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            cert = revoke(store, args.number, args.reason)
        except RecordNotFound as exc:
            raise CliError(str(exc)) from exc
        except CertificateError as exc:
            raise CliError(str(exc), EXIT_PROBLEMS) from exc
    emit(
        args,
        {
            "number": cert["number"],
            "revoked_at": cert["revoked_at"],
            "reason": cert["revocation_reason"],
        },
        f"Revoked {cert['number']} ({cert['revocation_reason']}).",
    )
    return 0


def run_reprint(args: argparse.Namespace) -> int:
    output_file(args.out)
    with open_db(args) as store:
        try:
            data = reprint_bytes(store, args.number)
        except (RecordNotFound, CertificateError) as exc:
            raise CliError(str(exc)) from exc
    Path(args.out).write_bytes(data)
    emit(args, {"number": args.number, "pdf": args.out}, f"Wrote {args.out}.")
    return 0
