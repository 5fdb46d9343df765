"""The audit log as a table a person reads: names for the ids, one row per entry, and the
same rows written to XLSX (formula-safe: desktop/core/cells.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from desktop.core.audit.log import AuditEntry
from desktop.core.cells import xlsx_row
from desktop.fileio import AtomicFile
from desktop.store import Store

COLUMNS = ("No.", "When (UTC)", "Person", "Action", "Participant", "Workshop", "Target",
           "Details", "Device", "Hash")


@dataclass(frozen=True)
class AuditRow:
    entry: AuditEntry
    participant: str
    workshop: str

    @property
    def details_json(self) -> str:
        """Every detail, as stored (the export)."""
        return json.dumps(self.entry.details, ensure_ascii=False, sort_keys=True)

    @property
    def details_text(self) -> str:
        """The details a person reads on screen: `key: value`, ids and empty values left
        out (the export keeps them)."""
        parts = []
        for key, value in sorted(self.entry.details.items()):
            if key.endswith("_id") or key == "supersedes" or value in (None, "", [], {}):
                continue
            if isinstance(value, list):
                value = ", ".join(map(str, value))
            elif isinstance(value, dict):
                value = json.dumps(value, ensure_ascii=False, sort_keys=True)
            parts.append(f"{key}: {value}")
        return "; ".join(parts)

    def values(self) -> list[object]:
        e = self.entry
        return [e.n, e.at, e.actor or "", e.action, self.participant, self.workshop,
                e.target or "", self.details_json, e.origin, e.hash]


def _names(store: Store, kind: str, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    column = "coalesce(nullif(name_en, ''), name_hi)" if kind == "participant" else "title_en"
    found: dict[str, str] = {}
    chunk = sorted(ids)
    for start in range(0, len(chunk), 500):
        part = chunk[start:start + 500]
        marks = ",".join("?" * len(part))
        for rid, name in store.conn.execute(
            f"SELECT id, {column} FROM {kind} WHERE id IN ({marks})", part
        ):
            found[rid] = name or ""
    return found


def rows(store: Store, entries: list[AuditEntry]) -> list[AuditRow]:
    """Entries with the participant's name and the workshop's title (the id when unknown)."""
    people = _names(store, "participant", {e.participant_id for e in entries if e.participant_id})
    workshops = _names(store, "workshop", {e.workshop_id for e in entries if e.workshop_id})
    return [
        AuditRow(
            e,
            people.get(e.participant_id, e.participant_id) if e.participant_id else "",
            workshops.get(e.workshop_id, e.workshop_id) if e.workshop_id else "",
        )
        for e in entries
    ]


def write_xlsx(store: Store, entries: list[AuditEntry], path: Path | str) -> Path:
    """One sheet, a header row and one row per entry; text that looks like a formula stays
    text. Written to a temporary name and renamed when complete."""
    path = Path(path)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Audit")
    header = []
    for title in COLUMNS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows(store, entries):
        sheet.append(xlsx_row(sheet, row.values()))
    with AtomicFile(path) as tmp:
        book.save(tmp)
    return path
