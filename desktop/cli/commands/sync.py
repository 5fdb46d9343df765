"""`sync`, `sync status`, `sync reconcile` (SYNC-PROTOCOL.md §6, §6a, §7)."""

from __future__ import annotations

import argparse

from desktop.cli.base import EXIT_OK, EXIT_PROBLEMS, CliError, emit, open_db, progress
from desktop.core import clock
from desktop.core.certificates.numbering import desk_clash_warning
from desktop.core.dates import format_datetime
from desktop.core.sync.client import AuthError, InsecureUrl, PortalError, Transient
from desktop.core.sync.engine import NotEnrolled, SyncEngine, status


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sync",
        help="push everything pending to the portal and pull changes",
        description="Push everything pending, pull changes, compare digests. Exit 0 only when "
        "nothing is pending (and nothing is waiting in quarantine).",
    )
    parser.add_argument("--portal", help="portal base URL (default: the enrolled one)")
    parser.add_argument("--token", help="device token (default: the stored one)")
    parser.set_defaults(func=run_sync, help_parser=parser)
    sub = parser.add_subparsers(dest="sync_command", metavar="SUBCOMMAND")
    st = sub.add_parser("status", help="outbox state, rejected records, last sync")
    st.set_defaults(func=run_status)
    rc = sub.add_parser("reconcile", help="compare digests with the portal and resend what differs")
    rc.add_argument("--portal", dest="portal_rc", help="portal base URL")
    rc.set_defaults(func=run_reconcile)


def _engine(args: argparse.Namespace, store) -> SyncEngine:
    url = getattr(args, "portal", None) or getattr(args, "portal_rc", None)
    return SyncEngine(store, url=url, token=getattr(args, "token", None),
                      progress=lambda d, t, text: progress(f"{text} ({d}/{t})") if t else None)


def run_sync(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            result = _engine(args, store).sync("cli")
        except InsecureUrl as exc:
            raise CliError(str(exc)) from exc
        except NotEnrolled as exc:
            raise CliError(str(exc)) from exc
        except AuthError as exc:
            raise CliError(str(exc), EXIT_PROBLEMS) from exc
        desk_warning = desk_clash_warning(store)
    payload = {
        "sent_batches": result.sent_batches,
        "acked_records": result.acked_records,
        "rejected": result.rejected,
        "pending": result.pending,
        "pulled": result.pulled,
        "outcome": result.outcome,
        "message": result.message,
        "rejected_records": result.rejected_records,
        "held": result.held,
        "retry_at": result.retry_at,
        "desk_warning": desk_warning,
        "clock_warnings": result.clock_warnings,
    }

    def text() -> str:
        lines = [f"Sent {result.sent_batches} batch(es); {result.acked_records} record(s) "
                 f"acknowledged; {result.pulled} received; {result.pending} pending."]
        if result.message:
            lines.append(result.message)
        for r in result.rejected_records:
            lines.append(f"  rejected {r['kind']} {r['id']}: {r['code']} — {r['message']}")
        for h in result.held:
            lines.append(f"  not applied here {h['kind']} {h['id']}: {h['error']}")
        if payload["desk_warning"]:
            lines.append("Warning: " + payload["desk_warning"])
        lines.extend("Warning: " + w["message"] for w in result.clock_warnings)
        return "\n".join(lines)

    emit(args, payload, text)
    ok = (result.outcome == "ok" and result.pending == 0 and result.rejected == 0
          and not result.held)
    return EXIT_OK if ok else EXIT_PROBLEMS


def run_status(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        info = status(store)
        info["desk_warning"] = desk_clash_warning(store)
        info["clock_warnings"] = [w.as_dict() for w in clock.check(store)]

    def text() -> str:
        lines = [
            f"Portal: {info['portal'] or 'not enrolled'}"
            + (" (token refused: enrol again)" if info["needs_reenrol"] else ""),
            f"Pending records: {info['pending']}",
            "Batches: " + ", ".join(f"{k} {v}" for k, v in info["outbox"].items()),
            f"Last successful sync: {info['last_success'] or 'never'}",
        ]
        for r in info["rejected"]:
            lines.append(f"  rejected {r['kind']} {r['id']}: {r['code']} — {r['message']}")
        for b in info["failed_batches"]:
            lines.append(f"  failed batch {b['batch_id']}: {b['last_error']}")
        for h in info["held"]:
            lines.append(f"  from the portal, not applied here {h['kind']} {h['id']}: "
                         f"{h['error']}")
        if info["desk_warning"]:
            lines.append("Warning: " + info["desk_warning"])
        lines.extend("Warning: " + w["message"] for w in info["clock_warnings"])
        if info["retry_at"]:
            lines.append(f"The portal asked to wait until {format_datetime(info['retry_at'])} (Retry-After).")
        return "\n".join(lines)

    emit(args, info, text)
    return EXIT_OK


def run_reconcile(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            report = _engine(args, store).reconcile()
        except (NotEnrolled, InsecureUrl) as exc:
            raise CliError(str(exc)) from exc
        except (AuthError, Transient) as exc:
            raise CliError(str(exc), EXIT_PROBLEMS) from exc
        except PortalError as exc:
            raise CliError(str(exc), EXIT_PROBLEMS) from exc

    def text() -> str:
        lines = []
        for kind, entry in report["kinds"].items():
            mark = "equal" if entry["equal"] else f"differs — {entry['requeued']} queued again"
            lines.append(f"{kind:12} desk {entry['local']['count']:>7}  portal "
                         f"{entry['portal']['count']:>7}  {mark}")
        return "\n".join(lines)

    emit(args, report, text)
    synced = report.get("sync")
    if report["equal"] or (synced and synced["pending"] == 0 and synced["outcome"] == "ok"):
        return EXIT_OK
    return EXIT_PROBLEMS
