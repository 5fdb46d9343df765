"""`portal …`: run and administer the reference portal (the server side of SYNC-PROTOCOL.md).

The portal keeps its own database in `--data DIR`; the desk's `--db` is not used here."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from desktop.cli.base import EXIT_PROBLEMS, CliError, emit, progress
from desktop.protocol.transport import is_loopback


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "portal", help="run or administer the reference portal (server side of the protocol)"
    )
    parser.set_defaults(help_parser=parser)
    sub = parser.add_subparsers(dest="portal_command", metavar="SUBCOMMAND")

    serve = sub.add_parser(
        "serve",
        help="serve the protocol over plain HTTP on loopback until Ctrl-C",
        description="Serve SYNC-PROTOCOL.md §2-8 at the root URL and under --prefix "
        "(default /offline/v1).",
    )
    _data(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    serve.add_argument("--port", type=int, required=True, help="TCP port (0: any free port)")
    serve.add_argument("--prefix", default="/offline/v1", help="extra base path also served")
    serve.add_argument(
        "--enrolment-code", action="append", default=[], metavar="CODE",
        help="add a one-time enrolment code before serving (repeatable)",
    )
    _institute(serve, required=False)
    serve.add_argument(
        "--allow-non-loopback", action="store_true",
        help="listen on a non-loopback address anyway (plain HTTP: only behind a TLS proxy)",
    )
    serve.add_argument("--max-records", type=int, default=1000, help="batch record limit")
    serve.add_argument("--max-bytes", type=int, default=5 * 1024 * 1024, help="batch byte limit")
    serve.add_argument("--quiet", action="store_true", help="do not log each request")
    serve.set_defaults(func=run_serve)

    code = sub.add_parser("add-code", help="add a one-time enrolment code")
    _data(code)
    code.add_argument("code", help="the code to hand to the centre")
    _institute(code, required=False)
    code.set_defaults(func=run_add_code)

    inst = sub.add_parser("add-institute", help="add or rename an institute")
    _data(inst)
    _institute(inst, required=True)
    inst.set_defaults(func=run_add_institute)

    key = sub.add_parser("add-key", help="publish a certificate-signing key on the trust list")
    _data(key)
    key.add_argument("--kid", required=True, help='"<institute_code>:<key number>"')
    key.add_argument("--public-key", required=True, help="raw 32-byte Ed25519 key, base64url")
    key.add_argument("--institute", required=True, help="institute code")
    key.add_argument("--valid-from", required=True, help="YYYY-MM-DD or RFC 3339 timestamp")
    key.add_argument("--valid-to", help="YYYY-MM-DD or RFC 3339 timestamp")
    key.set_defaults(func=run_add_key)

    load = sub.add_parser(
        "import", help="apply §4 records from a JSON Lines file as the administrator "
        "(programmes, nominations, revocations); last-writer-wins as for a batch")
    _data(load)
    load.add_argument("file", help="JSON Lines, one record per line ('-' for stdin)")
    load.set_defaults(func=run_import)

    dump = sub.add_parser("records", help="print every record the portal holds, as JSON Lines")
    _data(dump)
    dump.add_argument("--kinds", help="comma-separated kinds")
    dump.set_defaults(func=run_records)

    revoke = sub.add_parser("revoke-device", help="stop a device's token (401 from now on)")
    _data(revoke)
    revoke.add_argument("device_id")
    revoke.set_defaults(func=run_revoke)

    _register_admin(sub)


def _register_admin(sub: argparse._SubParsersAction) -> None:
    """`portal admin add|list|disable`: accounts for the state's view (desktop/portal/state)."""
    admin = sub.add_parser("admin", help="admin accounts that may log in to the state's view")
    admin.set_defaults(help_parser=admin)
    verbs = admin.add_subparsers(dest="admin_command", metavar="SUBCOMMAND")
    add = verbs.add_parser(
        "add", help="add an admin account, or set a new password for one",
        description="The password is read from the terminal (asked twice), or from the first "
        "line of --password-file; it is kept only as a scrypt hash.")
    _data(add)
    add.add_argument("name")
    add.add_argument("--password-file", metavar="F", help="read the password from F's first line")
    add.set_defaults(func=run_admin_add)
    listing = verbs.add_parser("list", help="list the admin accounts")
    _data(listing)
    listing.set_defaults(func=run_admin_list)
    disable = verbs.add_parser("disable", help="stop an admin account (its sessions end)")
    _data(disable)
    disable.add_argument("name")
    disable.set_defaults(func=run_admin_disable)


def _data(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", required=True, metavar="DIR", help="the portal's data folder")


def _institute(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--institute-code", required=required, metavar="C")
    parser.add_argument("--institute-name-en", metavar="N")
    parser.add_argument("--institute-name-hi", metavar="N")


def _open(args: argparse.Namespace):
    from desktop.portal.db import PortalDB

    try:
        return PortalDB(args.data)
    except Exception as exc:  # unreadable folder, not a database, ...
        raise CliError(f"cannot open portal data in {args.data}: {exc}") from exc


def run_serve(args: argparse.Namespace) -> int:
    from desktop.portal.db import PortalError
    from desktop.portal.server import Limits, PortalServer

    if not is_loopback(args.host) and not args.allow_non_loopback:
        raise CliError(
            f"{args.host} is not a loopback address; plain HTTP is only for loopback "
            "(SYNC-PROTOCOL.md §1). Use --allow-non-loopback behind a TLS proxy."
        )
    if args.max_records < 1 or args.max_bytes < 1024:
        raise CliError("--max-records must be ≥ 1 and --max-bytes ≥ 1024")
    db = _open(args)
    try:
        if args.institute_code:
            db.add_institute(
                args.institute_code,
                args.institute_name_en or args.institute_code,
                args.institute_name_hi,
            )
        for code in args.enrolment_code:
            db.add_enrolment_code(code, args.institute_code)
        limits = Limits(max_records=args.max_records, max_bytes=args.max_bytes)
        server = PortalServer((args.host, args.port), db, limits, args.prefix, args.quiet)
    except PortalError as exc:
        db.close()
        raise CliError(str(exc)) from exc
    except OSError as exc:
        db.close()
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc}") from exc
    host, port = server.server_address[:2]
    url = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    progress(f"reference portal serving {url} (also {url}{args.prefix}); data in {args.data}")
    progress("press Ctrl-C to stop")
    if getattr(args, "json", False):  # one document, at start: scripts learn the port
        emit(args, {"url": url, "prefixed_url": url + args.prefix, "data": str(args.data)})
        sys.stdout.flush()
    stopping = threading.Event()

    def _stop(*_: object) -> None:
        if not stopping.is_set():
            stopping.set()
            threading.Thread(target=server.shutdown, daemon=True).start()

    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
        server.drop_connections()
        db.close()
    progress("portal stopped")
    return 0


def run_add_code(args: argparse.Namespace) -> int:
    from desktop.portal.db import PortalError

    db = _open(args)
    try:
        db.add_enrolment_code(
            args.code, args.institute_code, args.institute_name_en, args.institute_name_hi
        )
    except PortalError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()
    emit(args, {"code_added": True, "institute_code": args.institute_code},
         "Enrolment code added" + (f" for {args.institute_code}" if args.institute_code else ""))
    return 0


def run_add_institute(args: argparse.Namespace) -> int:
    from desktop.portal.db import PortalError

    db = _open(args)
    try:
        db.add_institute(
            args.institute_code, args.institute_name_en or args.institute_code,
            args.institute_name_hi,
        )
    except PortalError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()
    emit(args, {"institute_code": args.institute_code}, f"Institute {args.institute_code} saved")
    return 0


def run_add_key(args: argparse.Namespace) -> int:
    from desktop.portal.db import PortalError

    db = _open(args)
    try:
        entry = db.add_trust_key(
            args.kid, args.public_key, args.institute, args.valid_from, args.valid_to
        )
    except PortalError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()
    emit(args, entry, f"Key {args.kid} is on the trust list")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    db = _open(args)
    try:
        done = db.revoke_device(args.device_id)
    finally:
        db.close()
    emit(args, {"revoked": done},
         "Device revoked" if done else "No such active device (nothing changed)")
    return 0 if done else EXIT_PROBLEMS


def run_import(args: argparse.Namespace) -> int:
    import json

    try:
        source = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot read {args.file}: {exc}") from exc
    records = []
    with source:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except ValueError as exc:
                raise CliError(f"line {number}: not JSON ({exc}); nothing was applied") from exc
    db = _open(args)
    try:
        results = db.put_admin_records(records)
    finally:
        db.close()
    counts = {s: sum(r["status"] == s for r in results) for s in ("applied", "stale", "rejected")}
    rejected = [r for r in results if r["status"] == "rejected"]
    emit(args, {**counts, "errors": rejected},
         lambda: "\n".join([f"applied {counts['applied']}, stale {counts['stale']}, "
                            f"rejected {counts['rejected']}"]
                           + [f"{r['id']}: {r['code']}: {r['message']}" for r in rejected]))
    return EXIT_PROBLEMS if rejected else 0


def run_records(args: argparse.Namespace) -> int:
    import json

    from desktop.protocol.records import KIND_FIELDS

    kinds = [k.strip() for k in args.kinds.split(",")] if args.kinds else None
    for kind in kinds or []:
        if kind not in KIND_FIELDS:
            raise CliError(f"unknown kind {kind!r}; one of {', '.join(KIND_FIELDS)}")
    db = _open(args)
    try:
        for record in db.records(kinds):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        db.close()
    return 0


def _password(args: argparse.Namespace) -> str:
    if args.password_file:
        try:
            with open(args.password_file, encoding="utf-8") as handle:
                return handle.readline().rstrip("\r\n")
        except OSError as exc:
            raise CliError(f"cannot read --password-file {args.password_file}: {exc}") from exc
    import getpass

    first = getpass.getpass("New password: ")
    if getpass.getpass("Again: ") != first:
        raise CliError("the two passwords differ; nothing changed")
    return first


def run_admin_add(args: argparse.Namespace) -> int:
    from desktop.portal.state import accounts

    password = _password(args)
    db = _open(args)
    try:
        with db.transaction() as conn:
            accounts.ensure(conn)
            new = accounts.add_admin(conn, args.name, password)
    except accounts.AccountError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()
    emit(args, {"name": args.name, "new": new},
         f"Admin {args.name} " + ("added" if new else "now has the new password"))
    return 0


def run_admin_list(args: argparse.Namespace) -> int:
    from desktop.portal.state import accounts

    db = _open(args)
    try:
        with db.transaction() as conn:
            accounts.ensure(conn)
            admins = accounts.list_admins(conn)
    finally:
        db.close()
    emit(args, admins, lambda: "\n".join(
        f"{a['name']}  added {a['created_at'][:10]}"
        + (f"  disabled {a['disabled_at'][:10]}" if a["disabled_at"] else "") for a in admins)
        or "no admin accounts")
    return 0


def run_admin_disable(args: argparse.Namespace) -> int:
    from desktop.portal.state import accounts

    db = _open(args)
    try:
        with db.transaction() as conn:
            accounts.ensure(conn)
            done = accounts.disable_admin(conn, args.name)
    finally:
        db.close()
    emit(args, {"disabled": done},
         f"Admin {args.name} disabled" if done else "No such enabled admin (nothing changed)")
    return 0 if done else EXIT_PROBLEMS
