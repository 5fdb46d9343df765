"""`bundle export FILE` / `bundle import FILE [--trust-signer FINGERPRINT]` / `bundle key`:
offline transfer (§9).

A bundle is applied only when its signer's key is trusted here (as receipts are): the first
bundle from a desk needs `--trust-signer` with that desk's key fingerprint, which
`bundle export` prints on that desk (compare it with its operator, by phone or in person).
`keys trusted` lists the trusted desk keys, `keys untrust` removes one."""

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
from desktop.core.certificates.numbering import desk_clash_warning
from desktop.core.sync.bundle import BundleError, UntrustedSigner, export_bundle, import_bundle
from desktop.core.sync.keys import DeviceKeys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("bundle", help="offline transfer by USB (.kdbundle)")
    parser.set_defaults(help_parser=parser)
    sub = parser.add_subparsers(dest="bundle_command", metavar="SUBCOMMAND")
    ex = sub.add_parser("export", help="write everything not yet sent to a signed bundle")
    ex.add_argument("file", help="output .kdbundle file")
    ex.add_argument("--to", dest="recipient",
                    help="encrypt the batch files to this key (from `bundle key` on the "
                    "receiving desk)")
    ex.set_defaults(func=run_export)
    im = sub.add_parser("import", help="verify a bundle signed by a trusted desk, apply it "
                        "here and relay it")
    im.add_argument("file", help=".kdbundle file")
    im.add_argument("--trust-signer", metavar="FINGERPRINT",
                    help="trust the bundle's signer from now on: its key fingerprint, as the "
                    "sending desk shows it (Sync page or `bundle export`); it must match")
    im.set_defaults(func=run_import)
    key = sub.add_parser("key", help="print this desk's public key for encrypted bundles")
    key.set_defaults(func=run_key)


def run_export(args: argparse.Namespace) -> int:
    output_file(args.file)
    with open_db(args) as store:
        try:
            summary = export_bundle(store, args.file, recipient=args.recipient)
        except (OSError, ValueError) as exc:
            raise CliError(f"Cannot write the bundle: {exc}") from exc
    emit(args, summary, f"Wrote {summary['batches']} batch(es), {summary['records']} "
         f"record(s), {summary['attachments']} attachment(s) to {summary['file']}"
         + (" (encrypted)." if summary["encrypted"] else ".")
         + f"\nThis desk's key fingerprint: {summary['signer_fingerprint']} (the receiving "
         "desk compares it before trusting the bundle).")
    return EXIT_PROBLEMS if summary["missing_attachments"] else EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            summary = import_bundle(store, args.file, trust_fingerprint=args.trust_signer)
        except UntrustedSigner as exc:
            raise untrusted_signer_error(args, "bundle", exc, "that desk's operator") from exc
        except BundleError as exc:
            raise CliError(str(exc)) from exc
        summary["desk_warning"] = desk_clash_warning(
            store, [c for c in summary["conflicts"] if c.get("number")]
        )

    def text() -> str:
        lines = []
        if summary["signer"]["newly_trusted"]:
            lines.append(f"Desk {summary['signer']['device_id']} (key fingerprint "
                         f"{summary['signer']['fingerprint']}) is now trusted.")
        if summary["already_imported"]:
            lines.append(f"{summary['file']} was already imported; nothing changed.")
            return "\n".join(lines)
        lines.append(f"Imported {summary['batches']} batch(es) from desk "
                     f"{summary['device_id']}: {summary['applied']} record(s) applied, "
                     f"{summary['stale']} already current, {summary['relayed']} batch(es) "
                     "queued for the portal.")
        for c in summary["conflicts"]:
            lines.append(f"  conflict {c['kind']} {c['id']}: {c['message']}")
        if summary["desk_warning"]:
            lines.append("Warning: " + summary["desk_warning"])
        if summary.get("clock_warning"):
            lines.append("Warning: " + summary["clock_warning"]["message"])
        return "\n".join(lines)

    emit(args, summary, text)
    return EXIT_PROBLEMS if summary["conflicts"] else EXIT_OK


def run_key(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        key = DeviceKeys.for_store(store).box_public_b64()
        device = store.device_id
    emit(args, {"device_id": device, "public_key": key}, key)
    return EXIT_OK
