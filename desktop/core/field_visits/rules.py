"""What a valid field visit is: action-point states, field names, messages, and
`validate_visit`, the one place that decides (form, CLI and demo refuse the same things).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Any

from desktop.core import lookups
from desktop.core.problems import Catalogue, Problem
from desktop.protocol.fields import is_date
from desktop.store import Store

#: Action point states; the first two are "open" (still to do).
AP_OPEN = "open"
AP_IN_PROGRESS = "in_progress"
AP_DONE = "done"
AP_DROPPED = "dropped"
AP_STATUSES = (AP_OPEN, AP_IN_PROGRESS, AP_DONE, AP_DROPPED)
OPEN_STATUSES = frozenset({AP_OPEN, AP_IN_PROGRESS})

#: List filter on a visit's action points.
STATUS_FILTERS = ("open", "overdue", "closed")

REQUIRED = ("district_code", "office", "visit_date", "purpose")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

FIELD_LABELS = {
    "district_code": "District",
    "office": "Office",
    "department": "Department",
    "visit_date": "Visit date",
    "purpose": "Purpose",
    "team": "Team",
    "people_met": "People met",
    "participant_ids": "Participants met",
    "findings": "Findings",
    "action_points": "Action points",
    "attachments": "Attachments",
}


#: English messages by code (the GUI translates by code: desktop/ui/field_visits/common.py).
MESSAGES = {
    "required": "required",
    "district_unknown": "{value!r} is not a UP district code",
    "district_not_found": "{value!r} is not a UP district (give its code, or its English or "
    "Hindi name)",
    "district_ambiguous": "district {value!r} could be {options}; give the full name or code",
    "not_whole_number": "{value!r} is not a whole number",
    "negative": "cannot be negative",
    "not_a_date": "{value!r} is not a date (YYYY-MM-DD)",
    "future_but_done": (
        "{value} is in the future, but the visit already has {done}: a completed visit cannot "
        "be dated after today ({today})"
    ),
    "ap_text_missing": "row {row}: the text is missing",
    "ap_owner_missing": "row {row}: the owner is missing",
    "ap_due_invalid": "row {row}: due date {value!r} is not a date (YYYY-MM-DD)",
    "ap_status_invalid": "row {row}: status {value!r} is not one of {options}",
    "attachment_invalid": "row {row}: not a SHA-256 reference",
    "participants_unknown": "unknown participant(s) {ids}",
    "no_action_point": "the visit has no action point {n}",
    "new_person_name": "the new person's name (English) is required",
    "new_person_mobile": "mobile {value!r}: 10 digits starting 6–9",
    "month_invalid": "month {value!r} is not YYYY-MM",
    "status_filter_invalid": "status filter {value!r} is not one of {options}",
    "no_institute": "this desk has no institute yet (run init)",
    "programme_required": "choose the programme the field workshop belongs to",
    "days_invalid": "a workshop lasts at least one day",
}
problem = Catalogue(MESSAGES, FIELD_LABELS)


class VisitError(ValueError):
    """Bad input for a field visit. `problems` holds (field, message) pairs — `Problem`s with
    a `code` and `params` — so a form can mark each field and word the message in its own
    language; str() is one readable English message naming every field."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{FIELD_LABELS.get(f, f)}: {m}" for f, m in problems))

    @property
    def fields(self) -> list[str]:
        return [f for f, _ in self.problems]


def normalize_office(name: str | None) -> str:
    """The key that says two visits went to the same office: case, spacing and punctuation
    differences ("Vikas Bhawan ", "vikas  bhawan.") do not make a new office."""
    text = unicodedata.normalize("NFC", name or "").casefold()
    text = re.sub(r"[\s.,;:()\-_/]+", " ", text)
    return text.strip()


def today_iso(today: date | str | None = None) -> str:
    if today is None:
        return date.today().isoformat()
    return today if isinstance(today, str) else today.isoformat()


def _clean_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _clean_names(values: Any) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        values = re.split(r"[,\n;]+", values)
    return [str(v).strip() for v in values if str(v).strip()]


def clean_action_point(point: Mapping[str, Any], index: int) -> tuple[dict, list]:
    """One action point in protocol shape, and the problems found (naming its row)."""
    problems: list[Problem] = []
    row = index + 1
    text = _clean_str(point.get("text"))
    owner = _clean_str(point.get("owner"))
    due = _clean_str(point.get("due_date"))
    status = _clean_str(point.get("status")) or AP_OPEN
    if not text:
        problems.append(problem("action_points", "ap_text_missing", row=row))
    if not owner:
        problems.append(problem("action_points", "ap_owner_missing", row=row))
    if due is not None and not is_date(due):
        problems.append(problem("action_points", "ap_due_invalid", row=row, value=due))
    if status not in AP_STATUSES:
        problems.append(
            problem(
                "action_points",
                "ap_status_invalid",
                row=row,
                value=status,
                options=", ".join(AP_STATUSES),
            )
        )
    return {"text": text, "owner": owner, "due_date": due, "status": status}, problems


def validate_visit(
    store: Store | None, data: Mapping[str, Any], *, today: date | str | None = None
) -> dict[str, Any]:
    """Clean and check a whole visit; returns the data to store or raises VisitError.

    A visit dated after today is a *planned* visit: allowed, but it cannot yet hold what only
    a completed visit has (findings, people met, participants) — that combination is what a
    mistyped year looks like."""
    problems: list[Problem] = []
    unknown = sorted(set(data) - set(FIELD_LABELS))
    if unknown:
        raise ValueError(f"field_visit has no field(s) {', '.join(unknown)}")
    out: dict[str, Any] = {
        "district_code": (_clean_str(data.get("district_code")) or "").upper() or None,
        "office": _clean_str(data.get("office")),
        "department": _clean_str(data.get("department")),
        "visit_date": _clean_str(data.get("visit_date")),
        "purpose": _clean_str(data.get("purpose")),
        "team": _clean_names(data.get("team")),
        "findings": _clean_str(data.get("findings")) or "",
        "participant_ids": list(dict.fromkeys(data.get("participant_ids") or [])),
        "attachments": list(data.get("attachments") or []),
    }
    for name in REQUIRED:
        if not out[name]:
            problems.append(problem(name, "required"))
    code = out["district_code"]
    if code and store is not None:
        if not lookups.district_exists(store, code):
            problems.append(problem("district_code", "district_unknown", value=code))
    people = data.get("people_met")
    try:
        people_n = int(people) if people not in (None, "") else 0
        if isinstance(people, float) and people != int(people):
            raise ValueError
    except (TypeError, ValueError):
        problems.append(problem("people_met", "not_whole_number", value=people))
        people_n = 0
    if people_n < 0:
        problems.append(problem("people_met", "negative"))
    out["people_met"] = people_n
    visit_date = out["visit_date"]
    if visit_date and not is_date(visit_date):
        problems.append(problem("visit_date", "not_a_date", value=visit_date))
    elif visit_date and visit_date > today_iso(today):
        done = [
            k
            for k, filled in (
                ("findings", bool(out["findings"])),
                ("people_met", people_n > 0),
                ("participant_ids", bool(out["participant_ids"])),
            )
            if filled
        ]
        if done:
            problems.append(
                problem(
                    "visit_date",
                    "future_but_done",
                    value=visit_date,
                    done=", ".join(FIELD_LABELS[k] for k in done).lower(),
                    done_fields=done,
                    today=today_iso(today),
                )
            )
    points = []
    for i, point in enumerate(data.get("action_points") or []):
        cleaned, point_problems = clean_action_point(point, i)
        points.append(cleaned)
        problems.extend(point_problems)
    out["action_points"] = points
    for i, att in enumerate(out["attachments"]):
        sha = str(att.get("sha256") or "")
        if not re.fullmatch(r"[0-9a-f]{64}", sha):
            problems.append(problem("attachments", "attachment_invalid", row=i + 1))
    if store is not None and out["participant_ids"]:
        marks = ",".join("?" for _ in out["participant_ids"])
        found = {
            r[0]
            for r in store.conn.execute(
                f"SELECT id FROM participant WHERE deleted = 0 AND id IN ({marks})",
                out["participant_ids"],
            )
        }
        missing = [p for p in out["participant_ids"] if p not in found]
        if missing:
            problems.append(
                problem("participant_ids", "participants_unknown", ids=", ".join(missing))
            )
    if problems:
        raise VisitError(problems)
    return out


