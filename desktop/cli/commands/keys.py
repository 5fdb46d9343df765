"""`keys trust-list|rotate|import`: the centre's certificate signing keys (public halves).
`keys trusted|untrust`: the other desks' keys this desk trusts for bundles and receipts
(SYNC-PROTOCOL.md §9; `desktop.core.sync.trust`) — a different thing from certificate keys."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.base import CliError, emit, open_db
from desktop.core.certificates import keys
from desktop.core.sync import trust


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "keys", help="certificate signing keys and trust lists; desk keys trusted for bundles "
        "and receipts")
    sub = parser.add_subparsers(dest="keys_command", required=True)
    p = sub.add_parser("trust-list", help="print this centre's trust list (SYNC-PROTOCOL §8)")
    p.set_defaults(func=run_trust_list)
    p = sub.add_parser("rotate", help="make a new signing key; old certificates stay valid")
    p.set_defaults(func=run_rotate)
    p = sub.add_parser("import", help="trust another centre's keys (their trust list file)")
    p.add_argument("file")
    p.set_defaults(func=run_import)
    p = sub.add_parser("trusted", help="list the other desks' keys this desk trusts for "
                       "bundles and receipts (device id, key fingerprint, since when, how)")
    p.set_defaults(func=run_trusted)
    p = sub.add_parser("untrust", help="stop trusting a desk key: its bundles and receipts are "
                       "refused until its fingerprint is confirmed again")
    p.add_argument("fingerprint", metavar="FINGERPRINT",
                   help="the key fingerprint as `keys trusted` shows it")
    p.set_defaults(func=run_untrust)


def run_trust_list(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        keys.ensure_signing_key(store)
        doc = keys.trust_list(store)
    emit(args, doc, None)
    return 0


def run_rotate(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        kid = keys.rotate(store)
    emit(args, {"kid": kid}, f"New signing key {kid}; earlier keys stay in the trust list.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    try:
        data = Path(args.file).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"Cannot read {args.file}: {exc}") from exc
    with open_db(args) as store:
        try:
            count = keys.import_trust_list(store, data)
        except ValueError as exc:
            raise CliError(f"{args.file}: {exc}") from exc
    emit(args, {"imported": count}, f"{count} key(s) added to the trusted keys.")
    return 0


HOW = {"confirmed": "fingerprint confirmed",
       "carried_over": "bundles imported before confirmation was asked (bundles only)"}


def run_trusted(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        rows = trust.trusted_keys(store)

    def text() -> str:
        if not rows:
            return "No desk keys are trusted yet."
        return "\n".join(
            f"{r['fingerprint']}  desk {r['device_id']}  ({r['institute_code'] or '?'})  "
            f"since {r['trusted_at']}: {HOW.get(r['how'], r['how'])}" for r in rows)

    emit(args, rows, text)
    return 0


def run_untrust(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        removed = trust.untrust(store, args.fingerprint)
    if not removed:
        raise CliError(f"No trusted desk key has the fingerprint {args.fingerprint}; "
                       "`keys trusted` lists them. Nothing was changed.")
    emit(args, {"removed": removed}, "\n".join(
        f"Desk {r['device_id']} (key fingerprint {r['fingerprint']}) is no longer trusted; "
        "its bundles and receipts are refused until the fingerprint is confirmed again."
        for r in removed))
    return 0
