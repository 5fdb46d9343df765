"""`enrol --portal URL --code CODE`: enrol this desk with a portal (SYNC-PROTOCOL.md §2)."""

from __future__ import annotations

import argparse

from desktop.cli.base import CliError, emit, open_db
from desktop.core.sync.client import InsecureUrl, PortalError, Refused, Transient
from desktop.core.sync.engine import enrol


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "enrol",
        help="enrol this desk with a portal using a one-time code",
        description="Enrol this desk with the portal. The token is kept in a file readable "
        "only by you beside the database, never in the database or a log.",
    )
    parser.add_argument("--portal", required=True, help="portal base URL, e.g. https://host/v1")
    parser.add_argument("--code", required=True, help="one-time enrolment code from the portal")
    parser.add_argument("--name", help="name of this desk shown on the portal (default: host)")
    parser.add_argument("--ca-bundle", help="PEM file of extra CA certificates to trust")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            info = enrol(store, args.portal, args.code, device_name=args.name,
                         ca_bundle=args.ca_bundle)
        except (InsecureUrl, Refused) as exc:
            raise CliError(str(exc)) from exc
        except Transient as exc:
            raise CliError(f"Could not reach the portal: {exc}", 1) from exc
        except PortalError as exc:
            raise CliError(str(exc)) from exc
    inst = info["institute"]
    emit(args, info, f"Enrolled with {info['portal']} as desk {info['device_id']} of "
         f"{inst.get('code')} {inst.get('name_en') or ''}.")
    return 0
