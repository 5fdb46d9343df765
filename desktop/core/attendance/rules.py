"""What a mark is: statuses, methods, outcomes and the colour the desk shows for each, the
record id of a (session, participant) pair, and what marking returns."""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from desktop.protocol.ids import parse_ts

ATTENDANCE_NAMESPACE = uuid.UUID("5b0d4c1e-7a63-4f0e-9a57-3c9e2f1d8a40")
STATUSES = ("present", "late", "excused", "absent")
METHODS = ("scan", "search", "bulk", "import")
DUPLICATE_WINDOW = timedelta(seconds=1)

# Outcomes, and the colour the desk shows for each.
GREEN = {"marked", "changed"}
AMBER = {"already"}
SILENT = {"duplicate"}
RED = {
    "not_enrolled",
    "withdrawn",
    "other_workshop",
    "unknown",
    "garbled",
    "not_started",
    "closed",
    "no_session",
}


def attendance_id(session_id: str, participant_id: str) -> str:
    return str(uuid.uuid5(ATTENDANCE_NAMESPACE, f"{session_id}/{participant_id}"))



@dataclass
class MarkResult:
    outcome: str
    message: str
    participant: dict[str, Any] | None = None
    status: str | None = None
    previous_status: str | None = None
    marked_at: str | None = None  # RFC 3339 UTC of the (first) mark
    attendance_id: str | None = None
    history_seq: int | None = None
    scanned: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def colour(self) -> str:
        if self.outcome in GREEN:
            return "green"
        if self.outcome in AMBER:
            return "amber"
        if self.outcome in SILENT:
            return "none"
        return "red"

    @property
    def stored(self) -> bool:
        return self.outcome in GREEN

    def local_time(self) -> str:
        """HH:MM of the mark in this machine's time zone (what the desk shows)."""
        if not self.marked_at:
            return ""
        return parse_ts(self.marked_at).astimezone().strftime("%H:%M")

    def as_json(self) -> dict[str, Any]:
        person = self.participant or {}
        return {
            "outcome": self.outcome,
            "stored": self.stored,
            "message": self.message,
            "participant_id": person.get("id"),
            "name_en": person.get("name_en"),
            "name_hi": person.get("name_hi"),
            "employee_code": person.get("employee_code"),
            "status": self.status,
            "previous_status": self.previous_status,
            "marked_at": self.marked_at,
            "attendance_id": self.attendance_id,
            **self.extra,
        }


def _aware(now: datetime | None) -> datetime:
    """`now` as an aware datetime; naive values are local time (the desk's wall clock)."""
    if now is None:
        return datetime.now().astimezone()
    return now.astimezone() if now.tzinfo is None else now


def clean_scan(text: str) -> str | None:
    """The scanned text without the scanner's stray control characters; None when what is
    left is not something a badge or a person could have typed (a garbled read)."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc").strip()
    if not text:
        return None
    if any(unicodedata.category(ch) in ("Co", "Cn", "Cs") or ch == "\ufffd" for ch in text):
        return None
    return text
