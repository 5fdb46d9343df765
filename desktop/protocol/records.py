"""The synced record kinds of SYNC-PROTOCOL.md §4 and how a row maps to a record.

A synced table has one column per `data` field (arrays and objects stored as JSON text) plus
`id`, `updated_at`, `origin` and `deleted`. Tables may carry extra local-only columns (search
keys, links); those never travel because only the fields named here are serialised."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

#: The largest attachment a record may name (SYNC-PROTOCOL §5): desk and portal refuse more.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

#: kind -> data fields, in protocol order. Fields holding arrays/objects are in JSON_FIELDS.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "participant": (
        "name_en",
        "name_hi",
        "employee_code",
        "igot_user_id",
        "designation",
        "department",
        "district_code",
        "mobile",
        "email",
        "gender",
        "service_group",
    ),
    "programme": ("code", "title_en", "title_hi", "igot_course_id", "hours", "min_attendance_pct"),
    "workshop": (
        "programme_id",
        "institute_code",
        "title_en",
        "title_hi",
        "mode",
        "venue",
        "district_code",
        "department",
        "start_date",
        "end_date",
        "trainers",
        "igot_course_id",
        "igot_batch_id",
    ),
    "session": (
        "workshop_id",
        "date",
        "start_time",
        "end_time",
        "topic_en",
        "topic_hi",
        "trainer",
        "igot_session_id",
    ),
    "enrolment": ("workshop_id", "participant_id", "source", "status"),
    "attendance": ("session_id", "participant_id", "status", "marked_at", "method", "marked_by"),
    "field_visit": (
        "district_code",
        "office",
        "department",
        "visit_date",
        "purpose",
        "team",
        "people_met",
        "participant_ids",
        "findings",
        "action_points",
        "attachments",
    ),
    "certificate": (
        "number",
        "participant_id",
        "workshop_id",
        "issued_at",
        "pdf_sha256",
        "qr",
        "revoked_at",
        "revocation_reason",
        "supersedes",
    ),
    "nodal_officer": ("department", "name", "designation", "phone", "email"),
}

JSON_FIELDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("workshop", "trainers"),
        ("field_visit", "team"),
        ("field_visit", "participant_ids"),
        ("field_visit", "action_points"),
        ("field_visit", "attachments"),
    }
)

#: Parents before children: the order batches and bundles apply kinds in.
KIND_ORDER: tuple[str, ...] = (
    "participant",
    "programme",
    "workshop",
    "session",
    "enrolment",
    "attendance",
    "field_visit",
    "certificate",
    "nodal_officer",
)

ENVELOPE = ("id", "updated_at", "origin", "deleted")

#: The optional `data.by` every kind may carry (SYNC-PROTOCOL §4, additive): the name of the
#: desk user who made this version, tombstones included. Omitted when not known (a desk
#: without users, an older desk). Stored in each table's `changed_by` column (`by` is an SQL
#: keyword).
BY_FIELD = "by"
BY_COLUMN = "changed_by"


def data_fields(kind: str) -> tuple[str, ...]:
    """Every `data` field a record of `kind` may carry: its own and the common `by`."""
    return (*KIND_FIELDS[kind], BY_FIELD)


def row_to_record(kind: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """A table row as a §4 record; tombstones carry `data: {}`."""
    deleted = bool(row["deleted"])
    data: dict[str, Any] = {}
    if not deleted:
        for field in KIND_FIELDS[kind]:
            value = row.get(field)
            if (kind, field) in JSON_FIELDS and isinstance(value, str):
                value = json.loads(value)
            data[field] = value
    by = row.get(BY_COLUMN)
    if by is not None:
        data[BY_FIELD] = by
    return {
        "kind": kind,
        "id": row["id"],
        "updated_at": row["updated_at"],
        "origin": row["origin"],
        "deleted": deleted,
        "data": data,
    }


def record_to_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """A §4 record as column values for its table (the inverse of `row_to_record`)."""
    kind = record["kind"]
    row: dict[str, Any] = {
        "id": record["id"],
        "updated_at": record["updated_at"],
        "origin": record["origin"],
        "deleted": 1 if record.get("deleted") else 0,
    }
    data = record.get("data") or {}
    for field in KIND_FIELDS[kind]:
        if field in data:
            value = data[field]
            if (kind, field) in JSON_FIELDS and value is not None:
                value = json.dumps(value, ensure_ascii=False)
            row[field] = value
    row[BY_COLUMN] = data.get(BY_FIELD)
    return row
