"""`bundle export FILE` / `bundle import FILE` / `bundle key`: offline transfer (§9)."""

from __future__ import annotations

import argparse

from desktop.cli.base import EXIT_OK, EXIT_PROBLEMS, CliError, emit, open_db
from desktop.core.sync.bundle import BundleError, export_bundle, import_bundle
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
    im = sub.add_parser("import", help="verify a bundle, apply it here and relay it")
    im.add_argument("file", help=".kdbundle file")
    im.set_defaults(func=run_import)
    key = sub.add_parser("key", help="print this desk's public key for encrypted bundles")
    key.set_defaults(func=run_key)


def run_export(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            summary = export_bundle(store, args.file, recipient=args.recipient)
        except (OSError, ValueError) as exc:
            raise CliError(f"Cannot write the bundle: {exc}") from exc
    emit(args, summary, f"Wrote {summary['batches']} batch(es), {summary['records']} "
         f"record(s), {summary['attachments']} attachment(s) to {summary['file']}"
         + (" (encrypted)." if summary["encrypted"] else "."))
    return EXIT_PROBLEMS if summary["missing_attachments"] else EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            summary = import_bundle(store, args.file)
        except BundleError as exc:
            raise CliError(str(exc)) from exc

    def text() -> str:
        if summary["already_imported"]:
            return f"{summary['file']} was already imported; nothing changed."
        lines = [f"Imported {summary['batches']} batch(es) from desk {summary['device_id']}: "
                 f"{summary['applied']} record(s) applied, {summary['stale']} already current, "
                 f"{summary['relayed']} batch(es) queued for the portal."]
        for c in summary["conflicts"]:
            lines.append(f"  conflict {c['kind']} {c['id']}: {c['message']}")
        return "\n".join(lines)

    emit(args, summary, text)
    return EXIT_PROBLEMS if summary["conflicts"] else EXIT_OK


def run_key(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        key = DeviceKeys.for_store(store).box_public_b64()
        device = store.device_id
    emit(args, {"device_id": device, "public_key": key}, key)
    return EXIT_OK
