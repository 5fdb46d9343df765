"""`sync`, `sync status`, `sync reconcile` (SYNC-PROTOCOL.md §6, §6a, §7)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    CliError,
    emit,
    open_db,
    progress_printer,
)
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
    rc = sub.add_parser(
        "reconcile",
        help="compare digests with the portal, send again what differs and compare again",
        description="Compare digests with the portal (§6a), queue and send again what "
        "differs, then compare again. Exit 0 only when desk and portal agree at the end; "
        "exit 1 while differences remain, each named (kind, id, this desk's version and the "
        "portal's) in the output and under `remaining` with --json.")
    rc.add_argument("--portal", dest="portal_rc", help="portal base URL")
    rc.set_defaults(func=run_reconcile)


def _engine(args: argparse.Namespace, store) -> SyncEngine:
    url = getattr(args, "portal", None) or getattr(args, "portal_rc", None)
    return SyncEngine(store, url=url, token=getattr(args, "token", None),
                      progress=progress_printer())


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
        # Kinds whose digests still differ although they were sent again before: `sync
        # reconcile` names the records (sync's exit code stays about what is pending).
        "differs_from_portal": (result.reconcile or {}).get("stuck") or [],
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
        if payload["differs_from_portal"]:
            lines.append("Warning: this desk and the portal still differ in "
                         + ", ".join(payload["differs_from_portal"]) + " although those records "
                         "were sent again; `karmayogi-desk sync reconcile` names them.")
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

    emit(args, report, lambda: reconcile_text(report))
    return EXIT_OK if report["equal"] else EXIT_PROBLEMS


SHOWN = 50  # named differences printed before "… and N more"


def _version(v: dict[str, Any] | None) -> str:
    return f"{v['updated_at']} by {v['origin']}" if v else "unknown"


def reconcile_text(report: dict[str, Any]) -> str:
    """The comparison per kind, then what still differs after sending again, in words."""
    lines = []
    for kind, entry in report["kinds"].items():
        mark = "equal" if entry["equal"] else f"differs — {entry['requeued']} queued again"
        lines.append(f"{kind:12} desk {entry['local']['count']:>7}  portal "
                     f"{entry['portal']['count']:>7}  {mark}")
    if report["equal"]:
        lines.append("The portal holds exactly what this desk has." if not report["requeued"]
                     else "Sent again and checked: the portal now holds exactly what this "
                     "desk has.")
        return "\n".join(lines)
    synced = report.get("sync")
    if report.get("after") is None:
        why = (synced or {}).get("message") or (
            f"{synced['pending']} record(s) still waiting" if synced else "only queued")
        lines.append(f"Not checked again: the records queued again were not all sent ({why}). "
                     "Run `karmayogi-desk sync`, then `sync reconcile` again.")
        return "\n".join(lines)
    still = [k for k, e in report["after"].items() if not e["equal"]]
    lines.append("Sent again and checked: desk and portal still differ in " + ", ".join(
        f"{k} (desk {report['after'][k]['local']['count']}, portal "
        f"{report['after'][k]['portal']['count']})" for k in still) + ".")
    remaining = report["remaining"]
    for d in remaining[:SHOWN]:
        if d["problem"] == "rejected":
            lines.append(f"  {d['kind']} {d['id']}: the portal refused this desk's version "
                         f"({_version(d['desk'])}): {d['message']}")
        else:
            lines.append(f"  {d['kind']} {d['id']}: this desk has the version of "
                         f"{_version(d['desk'])}, the portal holds the version of "
                         f"{_version(d['portal'])}")
    if len(remaining) > SHOWN:
        lines.append(f"  … and {len(remaining) - SHOWN} more (all of them with --json).")
    if not remaining:
        lines.append("  No single record could be named: the portal holds records from this "
                     "desk that it does not have, or another portal's answer gave no versions.")
    return "\n".join(lines)
