"""Linking a workshop to an iGOT blended-programme batch (§10): the course id (`do_…`) and
batch id on the workshop, the session (content) id on each session, and iGOT user ids on
participants — entered, imported, or matched from a list of iGOT users by employee code,
e-mail or mobile. An ambiguous match is listed for a person to decide, never guessed."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.users import Permission, require
from desktop.store import RecordNotFound, Store
from desktop.text.said import said, said_of

_ID = re.compile(r"^[A-Za-z0-9_.:\-]{1,100}$")


class LinkError(ValueError):
    """A link that cannot be stored; the message names the field. Nothing was changed."""


def _check_id(value: str, what: str, *, course: bool = False) -> str:
    value = (value or "").strip()
    if not _ID.match(value):
        raise LinkError(said(
                "{what}: {value!r} is not an iGOT id (letters, digits, _ - . :).",
                what=what, value=value,
            ))
    if course and not value.startswith("do_"):
        raise LinkError(said(
                "{what}: {value!r} is not an iGOT content id (they start with do_).",
                what=what, value=value,
            ))
    return value


def link_workshop(
    store: Store,
    workshop_id: str,
    course_id: str,
    batch_id: str,
    sessions: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Store the workshop's course and batch ids and the given sessions' content ids in one
    transaction; every session must belong to this workshop."""
    require(store, Permission.IGOT)
    course = _check_id(course_id, said("iGOT course id"), course=True)
    batch = _check_id(batch_id, said("iGOT batch id"))
    wanted = {sid: _check_id(do, said("iGOT session id for session {sid}", sid=sid), course=True)
              for sid, do in (sessions or {}).items()}
    changed = 0
    with store.transaction():
        store.require("workshop", workshop_id)
        for sid in wanted:
            row = store.get("session", sid)
            if row is None or row["deleted"] or row["workshop_id"] != workshop_id:
                raise LinkError(said(
                        "session {sid}: not a session of workshop {workshop_id}.",
                        sid=sid, workshop_id=workshop_id,
                    ))
        changed += store.update(
            "workshop", workshop_id, {"igot_course_id": course, "igot_batch_id": batch}
        )
        for sid, do in wanted.items():
            changed += store.update("session", sid, {"igot_session_id": do})
    return {"workshop_id": workshop_id, "course_id": course, "batch_id": batch,
            "sessions": wanted, "changed": changed}


def missing(store: Store, workshop_id: str | None) -> dict[str, Any]:
    """What is still missing before attendance can reach iGOT: the workshop's own ids,
    sessions without a content id, enrolled people without a user id. With no workshop,
    the same over every workshop linked to a batch (the Sync area's view)."""
    if workshop_id is not None:
        ws = store.require("workshop", workshop_id)
        scope, params = "w.id = ?", (workshop_id,)
    else:
        ws = {"igot_course_id": None, "igot_batch_id": None}
        scope, params = "coalesce(w.igot_batch_id, '') <> '' AND w.deleted = 0", ()
    sessions = [
        {"session_id": r["id"], "date": r["date"], "start_time": r["start_time"],
         "topic_en": r["topic_en"], "topic_hi": r["topic_hi"]}
        for r in store.conn.execute(
            "SELECT s.* FROM session s JOIN workshop w ON w.id = s.workshop_id "
            f"WHERE {scope} AND s.deleted = 0 AND coalesce(s.igot_session_id, '') = '' "
            "ORDER BY s.date, s.start_time", params)
    ]
    people = [
        {"participant_id": r["id"], "name_en": r["name_en"], "name_hi": r["name_hi"],
         "employee_code": r["employee_code"]}
        for r in store.conn.execute(
            "SELECT p.* FROM enrolment e JOIN workshop w ON w.id = e.workshop_id "
            "JOIN participant p ON p.id = e.participant_id "
            f"WHERE {scope} AND e.deleted = 0 AND e.status = 'enrolled' "
            "AND p.deleted = 0 AND coalesce(p.igot_user_id, '') = '' "
            "GROUP BY p.id ORDER BY p.name_en", params)
    ]
    return {
        "course_id": ws["igot_course_id"] or None,
        "batch_id": ws["igot_batch_id"] or None,
        "sessions_without_id": sessions,
        "participants_without_id": people,
    }


# -- matching a list of iGOT users -------------------------------------------------------------
@dataclass
class Match:
    participant_id: str
    igot_user_id: str
    by: str  # employee_code, email or mobile


@dataclass
class MatchReport:
    matched: list[Match] = field(default_factory=list)
    #: one row of the list, or one participant, that could mean several: listed, not guessed
    ambiguous: list[dict[str, Any]] = field(default_factory=list)
    unmatched: list[dict[str, Any]] = field(default_factory=list)
    already: int = 0


def _norm_mobile(value: Any) -> str | None:
    digits = re.sub(r"\D", "", str(value or ""))
    return digits[-10:] if len(digits) >= 10 else None


def _norm_email(value: Any) -> str | None:
    text = str(value or "").strip().lower()
    return text or None


def _norm_code(value: Any) -> str | None:
    text = str(value or "").strip().upper()
    return text or None


_KEYS = (("employee_code", _norm_code), ("email", _norm_email), ("mobile", _norm_mobile))


def match_users(store: Store, users: Iterable[Mapping[str, Any]]) -> MatchReport:
    """Match iGOT users (`{"userId", "employee_code"?, "email"?, "mobile"?}`, row numbers
    as `row`) to participants. A user that finds several people, a person found by several
    users, or a person who already holds another iGOT id is listed as ambiguous."""
    index: dict[str, dict[str, set[str]]] = {k: defaultdict(set) for k, _ in _KEYS}
    held: dict[str, str] = {}
    for r in store.conn.execute(
        "SELECT id, employee_code, email, mobile, igot_user_id FROM participant WHERE deleted = 0"
    ):
        for key, norm in _KEYS:
            value = norm(r[key])
            if value:
                index[key][value].add(r["id"])
        if r["igot_user_id"]:
            held[r["id"]] = r["igot_user_id"]
    report = MatchReport()
    candidates: dict[str, list[tuple[dict[str, Any], str]]] = defaultdict(list)
    for n, user in enumerate(users, start=2):
        row = {"row": user.get("row", n), "userId": str(user.get("userId") or "").strip()}
        if not row["userId"]:
            report.unmatched.append({**row, "reason": "no userId"})
            continue
        found: dict[str, str] = {}
        for key, norm in _KEYS:
            value = norm(user.get(key))
            for pid in index[key].get(value, ()) if value else ():
                found.setdefault(pid, key)
        if not found:
            report.unmatched.append({**row, "reason": "no participant has this employee code, "
                                     "e-mail or mobile"})
        elif len(found) > 1:
            report.ambiguous.append({**row, "participant_ids": sorted(found),
                                     "reason": "several participants match"})
        else:
            (pid, by), = found.items()
            candidates[pid].append((row, by))
    for pid, rows in candidates.items():
        ids = {r["userId"] for r, _ in rows}
        if len(ids) > 1:
            report.ambiguous.append({"participant_id": pid, "rows": [r["row"] for r, _ in rows],
                                     "reason": "several iGOT users match this participant"})
            continue
        (uid,) = ids
        if held.get(pid) == uid:
            report.already += 1
        elif pid in held:
            report.ambiguous.append({"participant_id": pid, "rows": [r["row"] for r, _ in rows],
                                     "reason": f"already holds iGOT id {held[pid]}"})
        else:
            report.matched.append(Match(pid, uid, rows[0][1]))
    return report


def apply_matches(store: Store, matches: Iterable[Match]) -> int:
    """Store the matched iGOT user ids in one transaction; returns how many changed."""
    require(store, Permission.IGOT)
    changed = 0
    with store.transaction():
        for m in matches:
            try:
                changed += store.update("participant", m.participant_id,
                                        {"igot_user_id": _check_id(m.igot_user_id, "userId")})
            except RecordNotFound as exc:
                raise LinkError(said_of(exc) or str(exc)) from exc
    return changed


def parse_session_links(pairs: Iterable[str]) -> dict[str, str]:
    """`SESSION_ID=DO_ID` pairs as the CLI takes them."""
    out: dict[str, str] = {}
    for pair in pairs:
        sid, sep, do = pair.partition("=")
        if not sep or not sid.strip() or not do.strip():
            raise LinkError(said("--session {pair!r}: expected SESSION_ID=DO_ID.", pair=pair))
        out[sid.strip()] = do.strip()
    return out


_USER_COLUMNS = {
    "userId": {"userid", "user id", "igot user id", "igot id", "uuid"},
    "employee_code": {"employee code", "employee id", "employeeid", "emp code", "employee_code"},
    "email": {"email", "e-mail", "email id", "primary email", "primaryemail"},
    "mobile": {"mobile", "mobile number", "phone", "phone number", "mobile no"},
}


def read_users_csv(path: str | Path) -> list[dict[str, Any]]:
    """A list of iGOT users (a CSV report from iGOT) as rows for `match_users`; the header
    must name a user id column and at least one of employee code, e-mail or mobile."""
    import csv

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LinkError(said("cannot read {path}: {error}", path=path, error=str(exc))) from exc
    reader = csv.reader(text.splitlines())
    header = [h.strip().lower() for h in next(reader, [])]
    where = {key: next((i for i, h in enumerate(header) if h in names), None)
             for key, names in _USER_COLUMNS.items()}
    if where["userId"] is None or all(where[k] is None for k in _USER_COLUMNS if k != "userId"):
        raise LinkError(said(
                "{path}: the first row must name a userId column and at least one of employee "
                "code, e-mail or mobile.",
                path=path,
            ))
    rows = []
    for row_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        rows.append({"row": row_no, **{key: (row[i].strip() if i is not None and i < len(row)
                                             else None) for key, i in where.items()}})
    return rows
