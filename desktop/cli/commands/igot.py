"""`igot settings|test|forward|status|match|enrolment-file` (SYNC-PROTOCOL.md §10, CLI.md).

The API key and the coordinator's token come from files (never from the command line, where
`ps` and shell history would show them) and go to 0600 files beside the sync keys; nothing
here prints them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    CliError,
    emit,
    open_db,
    output_file,
    progress,
    progress_printer,
)
from desktop.core.igot import settings as igot_settings
from desktop.core.igot.client import IgotClient
from desktop.core.igot.files import (
    EnrolmentFileError,
    export_enrolment_file,
    import_enrolment_file,
)
from desktop.core.igot.forward import forward
from desktop.core.igot.status import linked_workshops, status, test_batch
from desktop.store import RecordNotFound, Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "igot", help="forward attendance to iGOT Karmayogi (SYNC-PROTOCOL.md §10)")
    parser.set_defaults(help_parser=parser)
    sub = parser.add_subparsers(dest="igot_command", metavar="SUBCOMMAND")

    st = sub.add_parser(
        "settings", help="iGOT base URL, API key and coordinator token (kept outside the database)",
        description="Set the iGOT connection; without options, show what is set (never the "
        "secrets). The API key and token are read from the first line of the files named.")
    st.add_argument("--base", help="iGOT course service base URL, e.g. https://…/api/course")
    st.add_argument("--api-key-file", help="file whose first line is the API key")
    st.add_argument("--token-file", help="file whose first line is the coordinator's access token")
    st.set_defaults(func=run_settings)

    te = sub.add_parser(
        "test", help="read the linked batch on iGOT and say what is wrong, if anything",
        description="Exit 0 when every tested workshop's batch is reachable and ongoing.")
    te.add_argument("--workshop", help="workshop id (default: every linked workshop)")
    te.set_defaults(func=run_test)

    fw = sub.add_parser(
        "forward", help="forward attended marks (present, late) to iGOT",
        description="Exit 0 only when nothing is pending or rejected. --json prints "
        '{"forwarded", "already", "pending", "rejected": [{"participant_id", "session_id", '
        '"reason"}], "skipped": [{"participant_id", "reason"}], …}.')
    fw.add_argument("--workshop", help="only this workshop (default: every linked workshop)")
    fw.add_argument("--dry-run", action="store_true", help="say what would be sent; send nothing")
    fw.set_defaults(func=run_forward)

    ss = sub.add_parser(
        "status", help="what was forwarded, waits, was refused or needs action on iGOT")
    ss.add_argument("--workshop", help="only this workshop")
    ss.set_defaults(func=run_status)

    mt = sub.add_parser(
        "match", help="match a list of iGOT users to participants (employee code, e-mail, mobile)",
        description="Reads a CSV with a userId column and employee code, e-mail or mobile. "
        "An ambiguous match is listed, never guessed. Without --apply nothing is stored. "
        "Exit 0 when every row matched one person.")
    mt.add_argument("file", help="CSV list of iGOT users")
    mt.add_argument("--apply", action="store_true", help="store the unambiguous matches")
    mt.set_defaults(func=run_match)

    ef = sub.add_parser(
        "enrolment-file", help="write (or read back) iGOT's bulk-enrolment file batchId,userIds",
        description="--out writes the linked batch's enrolment file; --import enrols the "
        "users it lists into the workshop (all rows or none).")
    ef.add_argument("--workshop", required=True, help="workshop id (linked to an iGOT batch)")
    what = ef.add_mutually_exclusive_group(required=True)
    what.add_argument("--out", help="CSV file to write")
    what.add_argument("--import", dest="import_file", help="CSV file to read and enrol from")
    ef.set_defaults(func=run_enrolment_file)


def _settings(store: Store) -> igot_settings.IgotSettings:
    loaded = igot_settings.load(store)
    if loaded is None:
        raise CliError("iGOT is not set up: igot settings --base URL --api-key-file F "
                       "--token-file F")
    return loaded


def _require_workshop(store: Store, workshop_id: str | None) -> None:
    if workshop_id is None:
        return
    try:
        store.require("workshop", workshop_id)
    except RecordNotFound as exc:
        raise CliError(str(exc)) from exc


def run_settings(args: argparse.Namespace) -> int:
    try:
        api_key = (igot_settings.secret_from_file(args.api_key_file, "--api-key-file")
                   if args.api_key_file else None)
        token = (igot_settings.secret_from_file(args.token_file, "--token-file")
                 if args.token_file else None)
    except igot_settings.SettingsError as exc:
        raise CliError(str(exc)) from exc
    with open_db(args) as store:
        if args.base or api_key or token:
            try:
                igot_settings.save(store, base_url=args.base, api_key=api_key, token=token)
            except igot_settings.SettingsError as exc:
                raise CliError(str(exc)) from exc
        shown = igot_settings.describe(store)

    def text() -> str:
        return (f"iGOT base URL: {shown['base_url'] or '(not set)'}\n"
                f"API key: {'set' if shown['api_key_set'] else 'not set'}\n"
                f"coordinator token: {'set' if shown['token_set'] else 'not set'}")

    emit(args, shown, text)
    return EXIT_OK


def run_test(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        _require_workshop(store, args.workshop)
        conf = _settings(store)
        if args.workshop:
            targets = [dict(store.require("workshop", args.workshop))]
        else:
            targets = linked_workshops(store)
    if not targets:
        emit(args, {"checks": [], "ok": False},
             "No workshop is linked to an iGOT batch yet: nothing to test.")
        return EXIT_PROBLEMS
    try:
        with IgotClient(conf) as client:
            checks = [test_batch(client, w) for w in targets]
    except igot_settings.SettingsError as exc:
        raise CliError(str(exc)) from exc
    ok = all(c.ok for c in checks)
    emit(args, {"checks": [c.as_json() for c in checks], "ok": ok},
         lambda: "\n".join(f"{c.workshop_id}: {c.message}" for c in checks))
    return EXIT_OK if ok else EXIT_PROBLEMS


def run_forward(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        _require_workshop(store, args.workshop)
        if args.dry_run:
            result = forward(store, None, workshop_id=args.workshop, dry_run=True)
        else:
            conf = _settings(store)
            with IgotClient(conf) as client:
                result = forward(
                    store, client, workshop_id=args.workshop,
                    progress=progress_printer(every=1.0))
    payload = result.as_json()
    if result.stopped:
        progress(result.stopped)

    def text() -> str:
        lines = [f"forwarded {result.forwarded}, already {result.already}, "
                 f"pending {result.pending}, rejected {len(result.rejected)}, "
                 f"skipped {len(result.skipped)}"
                 + (f", would send {result.would_send}" if args.dry_run else "")]
        lines += [f"  rejected: participant {r['participant_id']} session {r['session_id']}: "
                  f"{r['reason']}" for r in result.rejected]
        lines += [f"  skipped: participant {s['participant_id']}: {s['reason']}"
                  for s in result.skipped]
        lines += [f"  session {u['session_id']} has no iGOT session id ({u['marks']} marks)"
                  for u in result.unlinked_sessions]
        if result.needs_action:
            lines.append(f"  {result.needs_action} forwarded marks were corrected since: "
                         "they need action on iGOT (igot status)")
        return "\n".join(lines)

    emit(args, payload, text)
    return EXIT_OK if result.pending == 0 and not result.rejected else EXIT_PROBLEMS


def run_status(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        _require_workshop(store, args.workshop)
        payload: dict[str, Any] = status(store, args.workshop)

    def text() -> str:
        lines = [f"forwarded {payload['forwarded']}, waiting {payload['pending']}, "
                 f"not yet sent {payload['not_yet_sent']}, rejected {len(payload['rejected'])}, "
                 f"skipped {len(payload['skipped'])}, "
                 f"needs action on iGOT {len(payload['needs_action'])}"]
        lines += [f"  needs action on iGOT: participant {n['participant_id']} session "
                  f"{n['session_id']} is now {n['status']}" for n in payload["needs_action"]]
        lines += [f"  rejected: participant {r['participant_id']} session {r['session_id']}: "
                  f"{r['reason']}" for r in payload["rejected"]]
        return "\n".join(lines)

    emit(args, payload, text)
    return EXIT_OK


def run_match(args: argparse.Namespace) -> int:
    from desktop.core.igot import linking

    try:
        users = linking.read_users_csv(args.file)
    except linking.LinkError as exc:
        raise CliError(str(exc)) from exc
    with open_db(args) as store:
        report = linking.match_users(store, users)
        applied = linking.apply_matches(store, report.matched) if args.apply else 0
    payload = {
        "matched": [{"participant_id": m.participant_id, "igot_user_id": m.igot_user_id,
                     "by": m.by} for m in report.matched],
        "ambiguous": report.ambiguous, "unmatched": report.unmatched,
        "already": report.already, "applied": applied,
    }
    emit(args, payload, lambda: "\n".join(
        [f"matched {len(report.matched)}, already linked {report.already}, "
         f"ambiguous {len(report.ambiguous)}, unmatched {len(report.unmatched)}"
         + (f"; stored {applied}" if args.apply else " (nothing stored: --apply stores)")]
        + [f"  ambiguous: {a}" for a in report.ambiguous]
        + [f"  unmatched: row {u['row']}: {u['reason']}" for u in report.unmatched]))
    return EXIT_OK if not report.ambiguous and not report.unmatched else EXIT_PROBLEMS


def run_enrolment_file(args: argparse.Namespace) -> int:
    out = output_file(args.out) if args.out else None
    with open_db(args) as store:
        _require_workshop(store, args.workshop)
        try:
            if out is not None:
                payload = export_enrolment_file(store, args.workshop, out)
                emit(args, payload, f"Wrote {out} ({payload['rows']} rows, "
                                    f"{len(payload['skipped'])} without iGOT user id)")
                return EXIT_OK
            payload = import_enrolment_file(store, args.workshop, Path(args.import_file))
        except EnrolmentFileError as exc:
            raise CliError(str(exc)) from exc
    if payload["errors"]:
        emit(args, payload, lambda: "Nothing enrolled:\n" + "\n".join(
            f"  row {e['row']} {e['field']}: {e['message']}" for e in payload["errors"]))
        return EXIT_USAGE
    emit(args, payload, f"Enrolled {payload['enrolled']}, already enrolled {payload['already']}")
    return EXIT_OK

