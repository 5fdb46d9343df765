"""`portal …`: run and administer the central portal (the server side of SYNC-PROTOCOL.md).

The portal keeps its own data in `--data DIR` (SQLite) or `--database postgresql://…`; the
desk's `--db` is not used here."""

from __future__ import annotations

import argparse
import signal
import sys

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
        help="serve the protocol (uvicorn) until Ctrl-C or SIGTERM",
        description="Serve SYNC-PROTOCOL.md §2-8 at the root URL and under --prefix "
        "(default /offline/v1). Plain HTTP only on loopback, unless --insecure-http.",
    )
    _data(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, required=True, help="TCP port (0: any free port)")
    serve.add_argument("--prefix", default="/offline/v1", help="extra base path also served")
    serve.add_argument("--workers", type=int, default=1,
                       help="server processes on the one store (default 1)")
    serve.add_argument("--tls-cert", metavar="PEM", help="TLS certificate chain (PEM)")
    serve.add_argument("--tls-key", metavar="PEM", help="TLS private key (PEM)")
    serve.add_argument(
        "--enrolment-code", action="append", default=[], metavar="CODE",
        help="add a one-time enrolment code before serving (repeatable)",
    )
    _institute(serve, required=False)
    serve.add_argument(
        "--insecure-http", "--allow-non-loopback", dest="insecure_http", action="store_true",
        help="serve plain HTTP on a non-loopback address (only behind a TLS reverse proxy)",
    )
    serve.add_argument("--max-records", type=int, default=1000, help="batch record limit")
    serve.add_argument("--max-bytes", type=int, default=5 * 1024 * 1024, help="batch byte limit")
    serve.add_argument("--rate", type=float, default=20.0,
                       help="requests per second per device and worker (beyond it: 429)")
    serve.add_argument("--burst", type=int, default=120, help="requests per device in a burst")
    serve.add_argument("--quiet", action="store_true", help="do not log each request")
    serve.set_defaults(func=run_serve)

    backup = sub.add_parser(
        "backup", help="a consistent copy of the portal's data while it serves "
        "(SQLite online backup, or pg_dump for PostgreSQL) into an empty folder")
    _data(backup)
    backup.add_argument("dest", help="folder to write the backup into (created; empty)")
    backup.set_defaults(func=run_backup)

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
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--data", metavar="DIR", help="the portal's data folder (SQLite)")
    where.add_argument("--database", metavar="URL",
                       help="the portal's PostgreSQL database, postgresql://user@host/db "
                       "(a password is better in ~/.pgpass or PGPASSWORD than here)")


def _institute(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--institute-code", required=required, metavar="C")
    parser.add_argument("--institute-name-en", metavar="N")
    parser.add_argument("--institute-name-hi", metavar="N")


def _target(args: argparse.Namespace) -> str:
    if args.database:
        if not args.database.startswith(("postgresql://", "postgres://")):
            raise CliError("--database must be a postgresql:// URL")
        return args.database
    return args.data


def _where(args: argparse.Namespace) -> str:
    """The store, named for a message (a database URL without its password)."""
    if args.database:
        from desktop.portal.conninfo import redact

        return redact(args.database)
    return str(args.data)


def _open(args: argparse.Namespace, pool_size: int = 4):
    try:
        from desktop.portal.stores import open_portal_store

        return open_portal_store(_target(args), pool_size=pool_size)
    except ImportError as exc:
        raise CliError(f"the portal needs its extra packages: pip install "
                       f"'karmayogi-desk[portal]' ({exc.name} is missing)") from exc
    except CliError:
        raise
    except Exception as exc:  # unreadable folder, not a database, no server, ...
        raise CliError(f"cannot open portal data in {_where(args)}: {exc}") from exc


def run_serve(args: argparse.Namespace) -> int:
    from desktop.portal.db import PortalError

    tls = bool(args.tls_cert or args.tls_key)
    if tls and not (args.tls_cert and args.tls_key):
        raise CliError("--tls-cert and --tls-key go together")
    if not is_loopback(args.host) and not tls and not args.insecure_http:
        raise CliError(
            f"{args.host} is not a loopback address and no --tls-cert/--tls-key was given; "
            "plain HTTP is only for loopback (SYNC-PROTOCOL.md §1). Behind a TLS reverse "
            "proxy, say so with --insecure-http."
        )
    if args.max_records < 1 or args.max_bytes < 1024 or args.workers < 1 or args.rate <= 0:
        raise CliError("--max-records and --workers must be ≥ 1, --max-bytes ≥ 1024, "
                       "--rate > 0")
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
    except PortalError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()  # each worker opens its own connections
    return _serve(args, tls)


def _serve(args: argparse.Namespace, tls: bool) -> int:
    import os

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from desktop.portal import server as portal_server

    limits = portal_server.Limits(max_records=args.max_records, max_bytes=args.max_bytes,
                                  rate=args.rate, burst=args.burst)
    os.environ[portal_server.CONFIG_ENV] = portal_server.worker_environment(
        _target(args), limits, args.prefix, args.quiet)
    try:
        sock = portal_server.listening_socket(args.host, args.port)
    except OSError as exc:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc}") from exc
    config = portal_server.uvicorn_config(
        "desktop.portal.server:app_from_env", tls_cert=args.tls_cert, tls_key=args.tls_key,
        workers=args.workers)
    host, port = sock.getsockname()[:2]
    scheme = "https" if tls else "http"
    url = f"{scheme}://[{host}]:{port}" if ":" in host else f"{scheme}://{host}:{port}"
    progress(f"portal serving {url} (also {url}{args.prefix}) with {args.workers} worker(s); "
             f"data in {_where(args)}")
    progress("press Ctrl-C to stop")
    if getattr(args, "json", False):  # one document, at start: scripts learn the port
        emit(args, {"url": url, "prefixed_url": url + args.prefix, "data": _where(args)})
        sys.stdout.flush()
    # uvicorn re-raises the signal that stopped it once it has shut down: a quiet handler
    # for SIGTERM, KeyboardInterrupt caught for SIGINT, so both end with exit 0.
    previous = signal.signal(signal.SIGTERM, lambda *_: None)
    try:
        if args.workers > 1:
            import inspect

            extra = {}
            if "target" in inspect.signature(Multiprocess).parameters:  # uvicorn < 0.50
                extra["target"] = uvicorn.Server(config).run
            Multiprocess(config, sockets=[sock], **extra).run()
        else:
            config.load()
            uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        sock.close()
    progress("portal stopped")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from desktop.portal.db import PortalError

    db = _open(args, pool_size=1)
    try:
        written = db.backup(args.dest)
    except PortalError as exc:
        raise CliError(str(exc)) from exc
    finally:
        db.close()
    emit(args, {"backup": str(written)}, f"Backup written to {written}")
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
