"""`venue host | join | sync | status | leave`: several desks at one venue (desktop.core.venue)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from desktop.cli.base import EXIT_OK, EXIT_PROBLEMS, CliError, db_path, emit, open_db, progress
from desktop.core.venue import code as codes
from desktop.core.venue import link, tls
from desktop.core.venue.client import HubUnreachable, VenueError
from desktop.core.venue.hub import DEFAULT_PORT, VenueHub


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "venue", help="several desks at one venue over the local network",
        description="Share marks and walk-ins between the desks of one venue over the local "
        "network, without internet: one desk hosts, the others join with its code.")
    parser.set_defaults(func=lambda args: _usage(parser), help_parser=parser)
    sub = parser.add_subparsers(dest="venue_command", metavar="SUBCOMMAND")
    host = sub.add_parser(
        "host", help="run the venue hub on this desk's database until Ctrl-C or SIGTERM",
        description="Run the hub in the foreground and print the joining code (a new one "
        "after each desk joins: a code works once). With --json: one line "
        '{"code", "url", "fingerprint"} once listening.')
    host.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    host.add_argument("--bind", default="0.0.0.0", help="address to listen on (default all)")
    host.add_argument("--no-discovery", action="store_true",
                      help="do not announce the hub on the LAN (zeroconf)")
    host.set_defaults(func=run_host)
    join = sub.add_parser(
        "join", help="join a venue with the host's code",
        description="Check the hub's certificate against the code, then join once. CODE is "
        "the whole code (kdv1/…) or, for a hub found on the LAN, just its 8-letter secret.")
    join.add_argument("code", metavar="CODE")
    join.set_defaults(func=run_join)
    sync = sub.add_parser("sync", help="exchange with the hub now",
                          description="Send this desk's marks to the hub and take everyone "
                          "else's. Exit 1 when the hub cannot be reached.")
    sync.set_defaults(func=run_sync)
    st = sub.add_parser("status", help="hosting or joined, the desks, what is waiting")
    st.set_defaults(func=run_status)
    lv = sub.add_parser("leave", help="leave the venue (marks made here stay queued)")
    lv.set_defaults(func=run_leave)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def run_host(args: argparse.Namespace) -> int:
    path = db_path(args)
    with open_db(args) as store:  # a missing or newer database is a usage error, said plainly
        actor = store.actor  # `--user`: hosting is a coordinator's act
    hub = VenueHub(path, bind=args.bind, port=args.port, advertise=not args.no_discovery,
                   actor=actor)

    def joined(_device: str) -> None:
        progress(f"a desk joined; code for the next desk: {hub.code.text()}")

    try:
        hub.start(on_join=joined)
    except OSError as exc:
        raise CliError(f"cannot listen on {args.bind}:{args.port}: {exc}") from exc
    code = hub.code
    if getattr(args, "json", False):
        emit(args, {"code": code.text(), "url": hub.url, "fingerprint": code.fingerprint})
        sys.stdout.flush()
    else:
        print(f"Venue hub at {hub.url}\nJoining code: {code.text()}\n"
              f"Fingerprint: {tls.short(code.fingerprint)}", flush=True)
    progress("press Ctrl-C to stop; desks keep marking and catch up when the hub returns")
    stopping = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    try:
        stopping.wait()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        hub.stop()
    progress("venue hub stopped")
    return EXIT_OK


def _resolve(text: str) -> str:
    """A bare secret: find the one hub on the LAN and make its code."""
    if "/" in text:
        return text
    from desktop.core.venue import discovery

    found = discovery.browse(3.0)
    if len(found) != 1:
        raise CliError(
            f"{len(found)} venue hubs found on this network; give the whole code (kdv1/…).")
    return found[0].code(text).text()


def run_join(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        if link.joined(store) is not None:
            raise CliError("This desk is already in a venue. Leave it first (venue leave).")
        try:
            state = link.join(store, _resolve(args.code))
        except codes.BadCode as exc:
            raise CliError(f"code: {exc}") from exc
        except tls.PinMismatch as exc:
            raise CliError(str(exc)) from exc
        except VenueError as exc:
            raise CliError(str(exc), EXIT_PROBLEMS) from exc
    emit(args, state, f"Joined the venue at {state['url']} "
         f"(certificate {tls.short(state['fingerprint'])}).")
    return EXIT_OK


def run_sync(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            result = link.exchange(store)
        except HubUnreachable as exc:
            emit(args, {"sent": 0, "received": 0, "error": str(exc)}, str(exc))
            return EXIT_PROBLEMS
        except (VenueError, tls.PinMismatch) as exc:
            raise CliError(str(exc), EXIT_PROBLEMS) from exc
    emit(args, {"sent": result["sent"], "received": result["received"]},
         f"Sent {result['sent']} record(s) to the hub; received {result['received']}.")
    return EXIT_OK


def run_status(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        info = link.status(store)

    def text() -> str:
        if info["role"] == "host":
            lines = [f"Hosting the venue at {info['hosting']['url']}"]
        elif info["role"] == "joined":
            lines = [f"Joined the venue at {info['joined']['url']}; last contact "
                     f"{info['last_contact'] or 'never'}"]
            if info["last_error"]:
                lines.append(f"Last problem: {info['last_error']}")
        else:
            lines = ["Not in a venue."]
        for d in info["desks"]:
            lines.append(f"  desk {d['desk_number']}{' (hub)' if d['hub'] else ''}: last "
                         f"contact {d['last_contact'] or '—'}{' — left' if d['left_at'] else ''}")
        lines.append(f"Waiting for the hub: {info['waiting_for_hub']} record(s)")
        lines.append(f"At the hub, waiting for the portal: {info['waiting_for_portal_via_hub']}"
                     f" record(s); relayed here for the portal: {info['relay_records']}")
        return "\n".join(lines)

    emit(args, info, text)
    return EXIT_OK


def run_leave(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        if link.joined(store) is None:
            raise CliError("This desk is not in a venue.")
        link.leave(store)
    emit(args, {"left": True}, "Left the venue; marks made here stay queued for the portal.")
    return EXIT_OK
