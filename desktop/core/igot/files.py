"""iGOT's bulk-enrolment file: `batchId,userIds`, the columns the portal's bulk enrolment
takes. Export writes one row per enrolled person holding an iGOT user id (a `userIds` cell may
also hold several ids separated by commas, semicolons or spaces, which import accepts).
Import enrols the listed users into the workshop linked to that batch; a row that cannot be
used is named with its spreadsheet row number and nothing is written."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from desktop.core.cells import csv_row
from desktop.core.enrolment import enrol
from desktop.core.users import Permission, require
from desktop.fileio import write_file_atomic
from desktop.store import Store
from desktop.text.said import said

HEADER = ("batchId", "userIds")


class EnrolmentFileError(ValueError):
    """The file cannot be used at all (unreadable, wrong columns, workshop not linked)."""


def _linked(store: Store, workshop_id: str) -> dict[str, Any]:
    ws = store.require("workshop", workshop_id)
    if not ws["igot_batch_id"]:
        raise EnrolmentFileError(
            said(
                "Workshop {workshop_id} is not linked to an iGOT batch (workshop link ID "
                "--igot-course DO_ID --igot-batch BATCH_ID).",
                workshop_id=workshop_id,
            )
        )
    return ws


def export_enrolment_file(store: Store, workshop_id: str, out: Path) -> dict[str, Any]:
    """Write the file; returns the rows written and the people skipped (no iGOT user id)."""
    ws = _linked(store, workshop_id)
    rows = store.conn.execute(
        "SELECT p.id, p.igot_user_id FROM enrolment e JOIN participant p "
        "ON p.id = e.participant_id AND p.deleted = 0 WHERE e.workshop_id = ? "
        "AND e.deleted = 0 AND e.status = 'enrolled' GROUP BY p.id ORDER BY p.name_en, p.id",
        (workshop_id,),
    ).fetchall()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_row(HEADER))
    written, skipped = 0, []
    for pid, uid in rows:
        if uid:
            writer.writerow(csv_row((ws["igot_batch_id"], uid)))
            written += 1
        else:
            skipped.append({"participant_id": pid, "reason": "no iGOT user id"})
    # 0600 like every file holding people's ids the desk writes for another system
    write_file_atomic(Path(out), buffer.getvalue().encode("utf-8"), private=True)
    return {"file": str(out), "batch_id": ws["igot_batch_id"], "rows": written,
            "skipped": skipped}


def import_enrolment_file(store: Store, workshop_id: str, path: Path) -> dict[str, Any]:
    """Enrol the listed users into the linked workshop, all or nothing: any row error (wrong
    batch, unknown user id) is reported with its row number and nothing is enrolled."""
    require(store, Permission.IGOT)
    ws = _linked(store, workshop_id)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise EnrolmentFileError(said("cannot read {path}: {error}", path=path, error=str(exc))) from exc
    reader = csv.reader(io.StringIO(text))
    header = [h.strip() for h in next(reader, [])]
    if [h.lower() for h in header[:2]] != [h.lower() for h in HEADER]:
        raise EnrolmentFileError(
            said(
                "{path}: the first row must be the columns batchId,userIds (found {found}).",
                path=path, found=header[:2],
            )
        )
    by_user = {r[0]: r[1] for r in store.conn.execute(
        "SELECT igot_user_id, id FROM participant WHERE deleted = 0 "
        "AND coalesce(igot_user_id, '') <> ''")}
    errors: list[dict[str, Any]] = []
    wanted: list[str] = []
    for row_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        batch = row[0].strip() if row else ""
        if batch != ws["igot_batch_id"]:
            errors.append({"row": row_no, "field": "batchId",
                           "message": f"{batch!r} is not this workshop's batch "
                                      f"{ws['igot_batch_id']!r}"})
            continue
        ids = [u for u in re.split(r"[,;\s]+", ",".join(row[1:])) if u]
        if not ids:
            errors.append({"row": row_no, "field": "userIds", "message": "no user id"})
        for uid in ids:
            if uid not in by_user:
                errors.append({"row": row_no, "field": "userIds",
                               "message": f"no participant has the iGOT user id {uid!r}"})
            else:
                wanted.append(by_user[uid])
    counts = {"created": 0, "reactivated": 0, "already": 0}
    if not errors:
        with store.transaction():
            for pid in dict.fromkeys(wanted):
                counts[enrol(store, workshop_id, pid, source="imported")] += 1
    return {"enrolled": counts["created"] + counts["reactivated"], "already": counts["already"],
            "errors": errors}
