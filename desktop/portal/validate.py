"""Strict checks of one §4 record, so a desk's bug shows up as a rejection, not bad data.

Pure functions: no database, no HTTP. `check_record` returns the problems found as
`Problem(code, message)` with messages of the form "field: what is wrong", in the order the
fields are listed in SYNC-PROTOCOL.md §4. The portal answers the first problem's code and
all messages joined by "; ".

Codes: `invalid_record` (the envelope), `unknown_kind`, `unknown_field`, `missing_field`,
`invalid_field`. (`missing_attachment`, `kind_mismatch`, `version_conflict`,
`duplicate_number` and the QR signature check need the database and are decided in
`desktop.portal.db`.)"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from desktop.paths import resource_path
from desktop.protocol import audit as audit_wire
from desktop.protocol import fields
from desktop.protocol.b64 import b64u_decode_strict
from desktop.protocol.records import BY_FIELD, KIND_FIELDS, MAX_ATTACHMENT_BYTES

is_date = fields.is_date  # the desk's rule; desktop.portal.db checks trust-list dates with it

ENVELOPE_KEYS = ("kind", "id", "updated_at", "origin", "deleted", "data")

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
MEDIA_TYPE_RE = re.compile(r"^[A-Za-z0-9][\w.+-]*/[A-Za-z0-9][\w.+-]*$")



@dataclass(frozen=True)
class Problem:
    code: str
    message: str


@cache
def district_codes() -> frozenset[str]:
    """The 75 UP district codes of `resources/data/up-districts.csv`."""
    with open(resource_path("data", "up-districts.csv"), encoding="utf-8", newline="") as f:
        return frozenset(row["code"] for row in csv.DictReader(f))


# --- value checkers: each returns None when fine, else the message after "field: " --------


def is_uuid(value: Any) -> bool:
    return isinstance(value, str) and UUID_RE.match(value) is not None


def is_timestamp(value: Any) -> bool:
    if not isinstance(value, str) or not TS_RE.match(value):
        return False
    try:
        datetime.fromisoformat(value[:-1])  # the shape is checked; this checks the calendar
    except ValueError:
        return False
    return True


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) else "must be a string"


def _nonblank(value: Any) -> str | None:
    if not isinstance(value, str):
        return "must be a string"
    return None if value.strip() else "must not be empty"


def _uuid(value: Any) -> str | None:
    return None if is_uuid(value) else "must be a UUID (lowercase, 8-4-4-4-12 hex)"


def _timestamp(value: Any) -> str | None:
    if is_timestamp(value):
        return None
    return "must be an RFC 3339 UTC timestamp with milliseconds, e.g. 2026-11-22T10:15:30.123Z"


def _date(value: Any) -> str | None:
    return None if is_date(value) else "must be a date YYYY-MM-DD"


def _time(value: Any) -> str | None:
    ok = isinstance(value, str) and TIME_RE.match(value)
    return None if ok else "must be a time HH:MM (00:00-23:59)"


def _mobile(value: Any) -> str | None:
    # The desk's rule (desktop.protocol.fields): what it stores, the portal accepts.
    return None if fields.is_mobile(value) else "must be 10 digits starting with 6, 7, 8 or 9"


def _email(value: Any) -> str | None:
    return None if fields.is_email(value) else "must be an e-mail address"


def _district(value: Any) -> str | None:
    if isinstance(value, str) and value in district_codes():
        return None
    return "must be a UP district code from up-districts.csv (e.g. LKO)"


def _sha256(value: Any) -> str | None:
    ok = isinstance(value, str) and SHA256_RE.match(value)
    return None if ok else "must be 64 lowercase hex digits (SHA-256)"


def _enum(*allowed: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if isinstance(value, str) and value in allowed:
            return None
        return "must be one of " + ", ".join(allowed)

    return check


def _integer(low: int | None = None, high: int | None = None) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return "must be an integer"
        if low is not None and value < low:
            return f"must be at least {low}"
        if high is not None and value > high:
            return f"must be at most {high}"
        return None

    return check


def _hours(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "must be a number"
    if not math.isfinite(value) or value < 0:
        return "must be a number not below 0"
    return None


def _names(value: Any) -> str | None:
    if not isinstance(value, list):
        return "must be an array of names"
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            return f"item {i} must be a non-empty string"
    return None


def _uuids(value: Any) -> str | None:
    if not isinstance(value, list):
        return "must be an array of ids"
    for i, item in enumerate(value):
        if not is_uuid(item):
            return f"item {i} must be a UUID"
    return None


def _objects(
    fields: Mapping[str, tuple[bool, Callable[[Any], str | None]]],
) -> Callable[[Any], str | None]:
    """An array of objects with exactly the given keys (`required`, checker)."""

    def check(value: Any) -> str | None:
        if not isinstance(value, list):
            return "must be an array of objects"
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                return f"item {i} must be an object"
            for key in item:
                if key not in fields:
                    return f"item {i}: unknown field {key!r}"
            for key, (required, checker) in fields.items():
                if item.get(key) is None:
                    if required:
                        return f"item {i}: {key} is required"
                    continue
                message = checker(item[key])
                if message:
                    return f"item {i}: {key} {message}"
        return None

    return check


def _jws(value: Any) -> str | None:
    """A compact JWS per §8: three base64url parts, EdDSA header, v=1 payload."""
    header, payload, problem = parse_jws(value)
    if problem:
        return problem
    assert header is not None and payload is not None
    if header.get("alg") != "EdDSA":
        return 'header alg must be "EdDSA"'
    if header.get("typ") != "kd-cert+jws":
        return 'header typ must be "kd-cert+jws"'
    kid = header.get("kid")
    if not isinstance(kid, str) or not re.match(r"^[^:]+:\d+$", kid):
        return 'header kid must be "<institute_code>:<key number>"'
    if payload.get("v") != 1:
        return "payload v must be 1"
    return None


b64url_decode = b64u_decode_strict  # RFC 7515 §2; ValueError on bad input


def parse_jws(value: Any) -> tuple[dict | None, dict | None, str | None]:
    """(header, payload, problem) of a compact JWS string."""
    if not isinstance(value, str):
        return None, None, "must be a string"
    parts = value.split(".")
    if len(parts) != 3 or not all(parts):
        return None, None, "must be a compact JWS (header.payload.signature)"
    try:
        header = json.loads(b64url_decode(parts[0]))
        payload = json.loads(b64url_decode(parts[1]))
        signature = b64url_decode(parts[2])
    except (ValueError, UnicodeDecodeError):
        return None, None, "must be a compact JWS with base64url JSON header and payload"
    if not isinstance(header, dict) or not isinstance(payload, dict):
        return None, None, "JWS header and payload must be JSON objects"
    if len(signature) != 64:
        return None, None, "JWS signature must be 64 bytes (Ed25519)"
    return header, payload, None


# --- the §4 table ----------------------------------------------------------------------------

Checker = Callable[[Any], str | None]
#: kind -> field -> (required, checker). Field order follows desktop.protocol.records.KIND_FIELDS.
SCHEMA: dict[str, dict[str, tuple[bool, Checker]]] = {
    "participant": {
        "name_en": (True, _nonblank),
        "name_hi": (False, _text),
        "employee_code": (False, _text),
        "igot_user_id": (False, _text),
        "designation": (False, _text),
        "department": (False, _text),
        "district_code": (False, _district),
        "mobile": (False, _mobile),
        "email": (False, _email),
        "gender": (False, _enum("female", "male", "other")),
        "service_group": (False, _enum("A", "B", "C", "D", "contractual", "other")),
    },
    "programme": {
        "code": (True, _nonblank),
        "title_en": (True, _nonblank),
        "title_hi": (False, _text),
        "igot_course_id": (False, _text),
        "hours": (True, _hours),
        "min_attendance_pct": (True, _integer(0, 100)),
    },
    "workshop": {
        "programme_id": (True, _uuid),
        "institute_code": (True, _nonblank),
        "title_en": (True, _nonblank),
        "title_hi": (False, _text),
        "mode": (True, _enum("institute", "field")),
        "venue": (True, _nonblank),
        "district_code": (True, _district),
        "department": (False, _text),
        "start_date": (True, _date),
        "end_date": (True, _date),
        "trainers": (True, _names),
        "igot_course_id": (False, _text),
        "igot_batch_id": (False, _text),
    },
    "session": {
        "workshop_id": (True, _uuid),
        "date": (True, _date),
        "start_time": (True, _time),
        "end_time": (True, _time),
        "topic_en": (True, _nonblank),
        "topic_hi": (False, _text),
        "trainer": (False, _text),
        "igot_session_id": (False, _text),
    },
    "enrolment": {
        "workshop_id": (True, _uuid),
        "participant_id": (True, _uuid),
        "source": (True, _enum("nominated", "walk_in", "imported")),
        "status": (True, _enum("enrolled", "withdrawn")),
    },
    "attendance": {
        "session_id": (True, _uuid),
        "participant_id": (True, _uuid),
        "status": (True, _enum("present", "late", "excused", "absent")),
        "marked_at": (True, _timestamp),
        "method": (True, _enum("scan", "search", "bulk", "import")),
        "marked_by": (True, _nonblank),
    },
    "field_visit": {
        "district_code": (True, _district),
        "office": (True, _nonblank),
        "department": (False, _text),
        "visit_date": (True, _date),
        "purpose": (True, _nonblank),
        "team": (True, _names),
        "people_met": (True, _integer(0)),
        "participant_ids": (True, _uuids),
        "findings": (True, _text),
        "action_points": (
            True,
            _objects(
                {
                    "text": (True, _nonblank),
                    "owner": (True, _nonblank),
                    "due_date": (False, _date),
                    "status": (True, _nonblank),
                }
            ),
        ),
        "attachments": (
            True,
            _objects(
                {
                    "sha256": (True, _sha256),
                    "filename": (True, _nonblank),
                    "media_type": (
                        True,
                        lambda v: None
                        if isinstance(v, str) and MEDIA_TYPE_RE.match(v)
                        else "must be a media type like image/jpeg",
                    ),
                    "size": (True, _integer(0, MAX_ATTACHMENT_BYTES)),
                }
            ),
        ),
    },
    "certificate": {
        "number": (True, _nonblank),
        "participant_id": (True, _uuid),
        "workshop_id": (True, _uuid),
        "issued_at": (True, _timestamp),
        "pdf_sha256": (True, _sha256),
        "qr": (True, _jws),
        "revoked_at": (False, _timestamp),
        "revocation_reason": (False, _text),
        "supersedes": (False, _uuid),
    },
    "nodal_officer": {
        "department": (True, _nonblank),
        "name": (True, _nonblank),
        "designation": (False, _text),
        "phone": (False, _mobile),
        "email": (False, _email),
    },
}

assert {k: tuple(v) for k, v in SCHEMA.items()} == KIND_FIELDS, "SCHEMA out of step with §4"

#: `data.by`, optional on every kind and on tombstones: who made this version at the desk
BY_RULE: tuple[bool, Callable[[Any], str | None]] = (False, _nonblank)


def check_envelope(record: Any) -> list[Problem]:
    """The parts every record shares; `kind`, `id` problems make the record unusable."""
    if not isinstance(record, dict):
        return [Problem("invalid_record", "record must be a JSON object")]
    problems: list[Problem] = []
    for key in record:
        if key not in ENVELOPE_KEYS:
            problems.append(Problem("unknown_field", f"{key}: not a record field"))
    for key in ENVELOPE_KEYS:
        if key not in record:
            problems.append(Problem("missing_field", f"{key}: is required"))
    if "kind" in record and not (
        isinstance(record["kind"], str) and record["kind"] in (*SCHEMA, audit_wire.KIND)
    ):
        problems.append(
            Problem("unknown_kind", f"kind: must be one of {', '.join(SCHEMA)}, audit_entry")
        )
    if "id" in record and not is_uuid(record["id"]):
        problems.append(Problem("invalid_record", "id: " + (_uuid(record["id"]) or "")))
    if "updated_at" in record and (message := _timestamp(record["updated_at"])):
        problems.append(Problem("invalid_record", f"updated_at: {message}"))
    if "origin" in record and not is_uuid(record["origin"]):
        problems.append(Problem("invalid_record", "origin: must be a device id (UUID)"))
    if "deleted" in record and not isinstance(record["deleted"], bool):
        problems.append(Problem("invalid_record", "deleted: must be true or false"))
    if "data" in record and not isinstance(record["data"], dict):
        problems.append(Problem("invalid_record", "data: must be a JSON object"))
    return problems


def check_data(kind: str, data: Mapping[str, Any], *, deleted: bool) -> list[Problem]:
    """Every field of §4 for `kind`. A tombstone may carry `{}`; fields it does carry are
    still checked, so a misspelt field is refused there too."""
    schema = {**SCHEMA[kind], BY_FIELD: BY_RULE}
    problems: list[Problem] = []
    for key in data:
        if key not in schema:
            problems.append(Problem("unknown_field", f"{key}: not a field of {kind}"))
    for key, (required, checker) in schema.items():
        value = data.get(key)
        if value is None:
            if required and not deleted:
                problems.append(Problem("missing_field", f"{key}: is required"))
            continue
        message = checker(value)
        if message:
            problems.append(Problem("invalid_field", f"{key}: {message}"))
    if not deleted and not problems:
        problems.extend(_cross_field(kind, data))
    return problems


def _cross_field(kind: str, data: Mapping[str, Any]) -> list[Problem]:
    if kind == "workshop" and data["end_date"] < data["start_date"]:
        return [Problem("invalid_field", "end_date: must not be before start_date")]
    if kind == "session" and data["end_time"] < data["start_time"]:
        return [Problem("invalid_field", "end_time: must not be before start_time")]
    if kind == "certificate":
        _, payload, _ = parse_jws(data["qr"])
        if payload is not None and payload.get("no") != data["number"]:
            return [Problem("invalid_field", "qr: payload 'no' must equal number")]
    return []


def check_record(record: Any) -> list[Problem]:
    """All problems of one record, envelope first."""
    problems = check_envelope(record)
    if problems:
        return problems
    if record["kind"] == audit_wire.KIND:
        return check_audit_entry(record)
    return check_data(record["kind"], record["data"], deleted=record["deleted"])


def normalise_data(kind: str, data: Mapping[str, Any], *, deleted: bool) -> dict[str, Any]:
    """The stored form: every field of the kind present (absent optional → null), in §4 order;
    a tombstone keeps what it carried (usually `{}`)."""
    by = data.get(BY_FIELD)
    if deleted and not (set(data) - {BY_FIELD}):
        return {} if by is None else {BY_FIELD: by}
    if kind == audit_wire.KIND:
        return {key: data.get(key) for key in audit_wire.FIELDS}
    stored = {key: data.get(key) for key in SCHEMA[kind]}
    if by is not None:
        stored[BY_FIELD] = by  # the desk user who made this version, kept and shown as sent
    return stored


def check_audit_entry(record: Mapping[str, Any]) -> list[Problem]:
    """An `audit_entry` (desktop/protocol/audit.py): the shape only; whether it extends the
    device's chain is decided in `desktop.portal.apply` for the whole batch."""
    data = record["data"]
    problems = [Problem("unknown_field", f"{k}: not a field of audit_entry")
                for k in data if k not in audit_wire.FIELDS]
    if record["deleted"]:
        problems.append(Problem("invalid_record", "deleted: an audit entry is never deleted"))
    number = data.get("n")
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        problems.append(Problem("invalid_field", "n: must be an integer from 1"))
    for key in ("prev", "hash"):
        if message := _sha256(data.get(key)):
            problems.append(Problem("invalid_field", f"{key}: {message}"))
    if message := _timestamp(data.get("at")):
        problems.append(Problem("invalid_field", f"at: {message}"))
    if message := _nonblank(data.get("action")):
        problems.append(Problem("invalid_field", f"action: {message}"))
    if not isinstance(data.get("details"), dict):
        problems.append(Problem("invalid_field", "details: must be a JSON object"))
    for key in ("actor", "target", "participant_id", "workshop_id"):
        if data.get(key) is not None and (message := _text(data[key])):
            problems.append(Problem("invalid_field", f"{key}: {message}"))
    return problems


def problem_summary(problems: list[Problem]) -> tuple[str, str]:
    """(code, message) for a `rejected` result."""
    return problems[0].code, "; ".join(p.message for p in problems)
