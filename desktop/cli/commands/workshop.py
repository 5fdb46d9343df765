"""`workshop list|show|copy|link`: workshops with their sessions and counts; the iGOT link."""

from __future__ import annotations

import argparse
from datetime import date

from desktop.cli.base import CliError, emit, open_db, output_file
from desktop.core import workshops
from desktop.core.dates import format_date
from desktop.store import RecordNotFound


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("workshop", help="workshops with their sessions and counts")
    parser.set_defaults(help_parser=parser)
    sub = parser.add_subparsers(dest="workshop_command", metavar="SUBCOMMAND")
    listing = sub.add_parser("list", help="list workshops (newest first) with their sessions")
    listing.add_argument("--when", choices=workshops.WHEN, help="only upcoming, running or past")
    listing.add_argument("--mode", choices=workshops.MODES, help="only institute or field")
    listing.add_argument("--today", help="treat this date (YYYY-MM-DD) as today")
    listing.set_defaults(func=run_list)
    show = sub.add_parser("show", help="one workshop with sessions, marks and enrolment counts")
    show.add_argument("id", help="workshop id")
    show.set_defaults(func=run_show)
    copy = sub.add_parser("copy", help="copy a workshop's plan (sessions, venue) to new dates")
    copy.add_argument("id", help="workshop id to copy")
    copy.add_argument("--start", required=True, help="first day of the copy (YYYY-MM-DD)")
    copy.add_argument("--title", help="English title of the copy (default: the same)")
    copy.set_defaults(func=run_copy)
    link = sub.add_parser(
        "link", help="link a workshop and its sessions to an iGOT blended-programme batch")
    link.add_argument("id", help="workshop id")
    link.add_argument("--igot-course", required=True, help="iGOT course id (do_…)")
    link.add_argument("--igot-batch", required=True, help="iGOT batch id")
    link.add_argument("--session", action="append", default=[], metavar="SESSION_ID=DO_ID",
                      help="a session's iGOT session (content) id; repeat for each session")
    link.set_defaults(func=run_link)
    for name, what, target in (
        ("badges", "badge sheet PDF (10 per A4 page, QR of the participant id)", "workshop id"),
        ("register", "attendance register PDF of one session (signature column)", "session id"),
        ("summary", "workshop summary PDF: who completed, and why not", "workshop id"),
    ):
        pdf = sub.add_parser(name, help=what)
        pdf.add_argument("id", help=target)
        pdf.add_argument("--out", required=True, help="PDF file to write")
        pdf.set_defaults(func=run_pdf, pdf_kind=name)


def _today(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CliError(f"--today: {text!r} is not a date (YYYY-MM-DD)") from exc


def _session_json(s: dict) -> dict:
    return {
        "id": s["id"],
        "date": s["date"],
        "start_time": s["start_time"],
        "end_time": s["end_time"],
        "topic_en": s["topic_en"],
        "topic_hi": s["topic_hi"],
    }


def run_list(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        rows = workshops.list_workshops(
            store, when=args.when, mode=args.mode, today=_today(args.today)
        )
    payload = [
        {
            "id": r["id"],
            "title_en": r["title_en"],
            "title_hi": r["title_hi"],
            "mode": r["mode"],
            "start_date": r["start_date"],
            "end_date": r["end_date"],
            "district_code": r["district_code"],
            "venue": r["venue"],
            "phase": r["phase"],
            "enrolled": r["enrolled"],
            "sessions": [_session_json(s) for s in r["sessions"]],
        }
        for r in rows
    ]

    def text() -> str:
        lines = [
            f"{r['id']}  {format_date(r['start_date'])}…{format_date(r['end_date'])}  {r['mode']:<9} {r['phase']:<8} "
            f"{len(r['sessions']):>2} sessions {r['enrolled']:>4} enrolled  {r['title_en']}"
            for r in payload
        ]
        return "\n".join(lines) or "No workshops."

    emit(args, payload, text)
    return 0


def run_show(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            detail = workshops.workshop_detail(store, args.id)
        except RecordNotFound as exc:
            raise CliError(str(exc)) from exc
    import json

    programme = detail.get("programme") or {}
    payload = {
        "id": detail["id"],
        "title_en": detail["title_en"],
        "title_hi": detail["title_hi"],
        "mode": detail["mode"],
        "programme": {
            k: programme.get(k) for k in ("id", "code", "title_en", "min_attendance_pct")
        },
        "venue": detail["venue"],
        "district_code": detail["district_code"],
        "department": detail["department"],
        "start_date": detail["start_date"],
        "end_date": detail["end_date"],
        "trainers": json.loads(detail["trainers"]) if detail["trainers"] else [],
        "enrolled": detail["enrolled"],
        "enrolment": detail["enrolment"],
        "sessions": [{**_session_json(s), "marks": s["marks"]} for s in detail["sessions"]],
    }

    def text() -> str:
        lines = [
            f"{payload['title_en']} ({payload['mode']}, {format_date(payload['start_date'])}…"
            f"{format_date(payload['end_date'])}, {payload['venue']})",
            f"enrolled: {payload['enrolled']}",
        ]
        for s in payload["sessions"]:
            marks = ", ".join(f"{k} {v}" for k, v in sorted(s["marks"].items())) or "no marks"
            lines.append(
                f"  {s['id']}  {format_date(s['date'])} {s['start_time']}-{s['end_time']}  "
                f"{s['topic_en']}  [{marks}]"
            )
        return "\n".join(lines)

    emit(args, payload, text)
    return 0


def run_copy(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        try:
            new_id = workshops.copy_workshop(store, args.id, args.start, title_en=args.title)
        except RecordNotFound as exc:
            raise CliError(str(exc)) from exc
        except workshops.ValidationError as exc:
            raise CliError(str(exc)) from exc
    emit(args, {"id": new_id}, f"Copied to workshop {new_id}")
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    from desktop.core import badges, registers

    make = {
        "badges": badges.badges_pdf,
        "register": registers.session_register_pdf,
        "summary": registers.workshop_summary_pdf,
    }[args.pdf_kind]
    output_file(args.out)
    with open_db(args) as store:
        try:
            count = make(store, args.id, args.out)
        except RecordNotFound as exc:
            raise CliError(str(exc)) from exc
        except OSError as exc:
            raise CliError(f"cannot write {args.out}: {exc.strerror or exc}") from exc
    emit(args, {"pdf": args.out, "people": count}, f"Wrote {args.out} ({count} people)")
    return 0


def run_link(args: argparse.Namespace) -> int:
    from desktop.core.igot import linking

    try:
        sessions = linking.parse_session_links(args.session)
    except linking.LinkError as exc:
        raise CliError(str(exc)) from exc
    with open_db(args) as store:
        try:
            out = linking.link_workshop(store, args.id, args.igot_course, args.igot_batch,
                                        sessions)
            gaps = linking.missing(store, args.id)
        except (RecordNotFound, linking.LinkError) as exc:
            raise CliError(str(exc)) from exc
    payload = {**out, "sessions_without_id": [s["session_id"] for s in gaps["sessions_without_id"]],
               "participants_without_id": [p["participant_id"]
                                           for p in gaps["participants_without_id"]]}
    emit(args, payload, lambda: (
        f"Linked {args.id} to {out['course_id']} batch {out['batch_id']}; "
        f"{len(sessions)} sessions linked now, "
        f"{len(payload['sessions_without_id'])} sessions and "
        f"{len(payload['participants_without_id'])} enrolled people still without an iGOT id"))
    return 0
