"""What reached iGOT and what did not, per workshop, and the "Test connection" that reads the
linked batch and says in words what is wrong (bad token, unknown batch, batch not ongoing,
no network)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.igot.client import IgotAuthError, IgotClient, IgotError
from desktop.core.igot.forward import plan, summary_lists
from desktop.core.sync.client import Transient
from desktop.store import Store

# Sunbird batch status: 0 not started, 1 ongoing, 2 ended
_BATCH_STATE = {0: "has not started yet", 2: "has ended"}


def status(store: Store, workshop_id: str | None = None) -> dict[str, Any]:
    """Forwarded, waiting, refused, skipped, and forwarded marks since corrected to absent or
    excused (or removed), which only a person can undo on iGOT."""
    if workshop_id is not None:
        store.require("workshop", workshop_id)
    found = plan(store, workshop_id)
    lists = summary_lists(store, workshop_id)
    return {
        "forwarded": lists["forwarded"],
        "pending": lists["pending"],
        "not_yet_sent": len(found.new),
        "rejected": lists["rejected"],
        "needs_action": lists["needs_action"],
        "skipped": [{"participant_id": p, "reason": r} for p, r in sorted(found.skipped.items())],
        "unlinked_sessions": [{"session_id": s, "marks": n}
                              for s, n in sorted(found.unlinked_sessions.items())],
    }


@dataclass
class Check:
    workshop_id: str
    ok: bool
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"workshop_id": self.workshop_id, "ok": self.ok, "message": self.message}


def linked_workshops(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.conn.execute(
        "SELECT id, title_en, igot_course_id, igot_batch_id FROM workshop WHERE deleted = 0 "
        "AND coalesce(igot_batch_id, '') <> '' ORDER BY start_date, id")]


def test_batch(client: IgotClient, workshop: dict[str, Any]) -> Check:
    """Read the workshop's batch on iGOT; the answer in words a coordinator can act on."""
    wid, batch_id = workshop["id"], workshop.get("igot_batch_id")
    if not batch_id or not workshop.get("igot_course_id"):
        return Check(wid, False, "This workshop is not linked to an iGOT batch yet "
                                 "(workshop link ID --igot-course DO_ID --igot-batch BATCH_ID).")
    try:
        batch = client.read_batch(batch_id)
    except IgotAuthError:
        return Check(wid, False, "iGOT does not accept the coordinator's access token or the "
                                 "API key: enter a new token in the iGOT settings.")
    except Transient as exc:
        return Check(wid, False, f"No connection to iGOT: {exc}")
    except IgotError as exc:
        return Check(wid, False, str(exc))
    if batch is None:
        return Check(wid, False, f"iGOT does not know the batch {batch_id}: check the batch id "
                                 "on the programme's page on iGOT.")
    course = batch.get("courseId")
    if course and course != workshop["igot_course_id"]:
        return Check(wid, False, f"The batch {batch_id} belongs to the course {course}, not "
                                 f"to {workshop['igot_course_id']}: check the course id.")
    state = batch.get("status")
    if state != 1:
        what = _BATCH_STATE.get(state, f"is not ongoing (status {state})")
        return Check(wid, False, f"The batch {batch_id} {what}: iGOT takes attendance only "
                                 "for an ongoing batch.")
    return Check(wid, True, f"Connected: the batch {batch_id} is ongoing on iGOT.")
