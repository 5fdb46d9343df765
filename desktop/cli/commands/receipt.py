"""`receipt export FILE --device ID` / `receipt import FILE [--trust-signer FINGERPRINT]` (§9).

A receipt is applied only when its signer's key is trusted here; the first receipt from a
relay desk needs `--trust-signer` with that desk's key fingerprint, which `receipt export`
prints on the relay desk (compare it with the relay operator, by phone or in person)."""

from __future__ import annotations

import argparse

from desktop.cli.base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    CliError,
    emit,
    open_db,
    output_file,
    untrusted_signer_error,
)
from desktop.core.sync.receipt import (
    ReceiptError,
    UntrustedSigner,
    export_receipt,
    import_receipt,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("receipt", help="acknowledgements back to the field desk")
    parser.set_defaults(help_parser=parser)
    sub = parser.add_subparsers(dest="receipt_command", metavar="SUBCOMMAND")
    ex = sub.add_parser("export", help="write a signed receipt of relayed batches the portal "
                        "acknowledged; prints this desk's key fingerprint for the field desk "
                        "to compare")
    ex.add_argument("file", help="output .kdreceipt file")
    ex.add_argument("--device", required=True, help="device id of the field desk")
    ex.set_defaults(func=run_export)
    im = sub.add_parser("import", help="mark this desk's batches acknowledged from a receipt "
                        "signed by a trusted relay desk")
    im.add_argument("file", help=".kdreceipt file")
    im.add_argument("--trust-signer", metavar="FINGERPRINT",
                    help="trust the receipt's signer from now on: its key fingerprint, as the "
                    "relay desk shows it (Sync page or `receipt export`); it must match")
    im.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    output_file(args.file)
    with open_db(args) as store:
        try:
            summary = export_receipt(store, args.file, args.device)
        except OSError as exc:
            raise CliError(f"Cannot write the receipt: {exc}") from exc
    emit(args, summary, f"Receipt for {summary['acked']} batch(es) of desk "
         f"{summary['device_id']} written to {summary['file']}.\n"
         f"This desk's key fingerprint: {summary['signer_fingerprint']} (the field desk "
         "compares it before trusting the receipt).")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            summary = import_receipt(store, args.file, trust_fingerprint=args.trust_signer)
        except UntrustedSigner as exc:
            raise untrusted_signer_error(
                args, "receipt", exc, "the relay desk's operator"
            ) from exc
        except ReceiptError as exc:
            raise CliError(str(exc)) from exc

    def text() -> str:
        lines = []
        if summary["signer"]["newly_trusted"]:
            lines.append(f"Desk {summary['signer']['device_id']} (key fingerprint "
                         f"{summary['signer']['fingerprint']}) is now trusted for receipts.")
        if summary["already_imported"]:
            lines.append("Receipt already imported; nothing changed.")
            return "\n".join(lines)
        lines.append(f"{summary['acked']} batch(es) marked as received by the portal; "
                     f"{summary['rejected']} record(s) rejected there.")
        if summary["rejected"]:
            lines.append("Rejected records are listed by `sync status`: fix or discard them.")
        if summary["unknown"]:
            lines.append(f"{summary['unknown']} batch(es) in the receipt are unknown here.")
        if summary.get("clock_warning"):
            lines.append("Warning: " + summary["clock_warning"]["message"])
        return "\n".join(lines)

    emit(args, summary, text)
    # Exit 1 (CLI.md): done, with problems the output names — records the user must act on.
    return EXIT_PROBLEMS if summary["rejected"] or summary["unknown"] else EXIT_OK
