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
from desktop.text.said import said_of

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
    #: what the GUI words in the user's language: ok, not_linked, auth, network,
    #: unknown_batch, wrong_course, not_started, ended, not_ongoing, other
    code: str = "other"

    def as_json(self) -> dict[str, Any]:
        return {"workshop_id": self.workshop_id, "ok": self.ok, "code": self.code,
                "message": self.message}


def linked_workshops(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in store.conn.execute(
        "SELECT id, title_en, igot_course_id, igot_batch_id FROM workshop WHERE deleted = 0 "
        "AND coalesce(igot_batch_id, '') <> '' ORDER BY start_date, id")]


def test_batch(client: IgotClient, workshop: dict[str, Any]) -> Check:
    """Read the workshop's batch on iGOT; the answer in words a coordinator can act on."""
    wid, batch_id = workshop["id"], workshop.get("igot_batch_id")
    if not batch_id or not workshop.get("igot_course_id"):
        return Check(wid, False, "This workshop is not linked to an iGOT batch yet "
                                 "(workshop link ID --igot-course DO_ID --igot-batch BATCH_ID).", "not_linked")
    try:
        batch = client.read_batch(batch_id)
    except IgotAuthError:
        return Check(wid, False, "iGOT does not accept the coordinator's access token or the "
                                 "API key: enter a new token in the iGOT settings.", "auth")
    except Transient as exc:
        return Check(wid, False, f"No connection to iGOT: {exc}", "network")
    except IgotError as exc:
        return Check(wid, False, said_of(exc) or str(exc))
    if batch is None:
        return Check(wid, False, f"iGOT does not know the batch {batch_id}: check the batch id "
                                 "on the programme's page on iGOT.", "unknown_batch")
    course = batch.get("courseId")
    if course and course != workshop["igot_course_id"]:
        return Check(wid, False, f"The batch {batch_id} belongs to the course {course}, not "
                                 f"to {workshop['igot_course_id']}: check the course id.", "wrong_course")
    state = batch.get("status")
    if state != 1:
        what = _BATCH_STATE.get(state, f"is not ongoing (status {state})")
        return Check(wid, False, f"The batch {batch_id} {what}: iGOT takes attendance only "
                                 "for an ongoing batch.",
                     {0: "not_started", 2: "ended"}.get(state, "not_ongoing"))
    return Check(wid, True, f"Connected: the batch {batch_id} is ongoing on iGOT.", "ok")


def workshop_view(store: Store, workshop_id: str | None) -> dict[str, Any]:
    """Everything the workshop's iGOT panel shows, with people's names and session labels:
    the link, what is missing per session and per person, the counts, refusals and marks
    that need action on iGOT. With no workshop: every linked workshop (the Sync area)."""
    from desktop.core.igot.linking import missing

    gaps = missing(store, workshop_id)
    st = status(store, workshop_id)
    pids = {r["participant_id"] for r in st["rejected"] + st["needs_action"] + st["skipped"]}
    sids = {r["session_id"] for r in st["rejected"] + st["needs_action"]}
    names = {r[0]: (r[1], r[2]) for r in store.conn.execute(
        "SELECT id, name_en, name_hi FROM participant WHERE id IN (SELECT value FROM "
        "json_each(?))", (_json_list(pids),))}
    sessions = {r[0]: (r[1], r[2], r[3], r[4]) for r in store.conn.execute(
        "SELECT id, date, start_time, topic_en, topic_hi FROM session WHERE id IN "
        "(SELECT value FROM json_each(?))", (_json_list(sids),))}

    def person(pid: str) -> dict[str, Any]:
        en, hi = names.get(pid, (pid, None))
        return {"participant_id": pid, "name_en": en, "name_hi": hi}

    def session(sid: str) -> dict[str, Any]:
        d, t, en, hi = sessions.get(sid, (None, None, sid, None))
        return {"session_id": sid, "date": d, "start_time": t, "topic_en": en, "topic_hi": hi}

    return {
        "linked_workshops": len(linked_workshops(store)) if workshop_id is None else None,
        "course_id": gaps["course_id"],
        "batch_id": gaps["batch_id"],
        "sessions_without_id": gaps["sessions_without_id"],
        "participants_without_id": gaps["participants_without_id"],
        "counts": {"forwarded": st["forwarded"], "waiting": st["pending"] + st["not_yet_sent"],
                   "refused": len(st["rejected"]), "skipped": len(st["skipped"]),
                   "needs_action": len(st["needs_action"])},
        "rejected": [{**person(r["participant_id"]), **session(r["session_id"]),
                      "reason": r["reason"]} for r in st["rejected"]],
        "needs_action": [{**person(r["participant_id"]), **session(r["session_id"]),
                          "status": r["status"]} for r in st["needs_action"]],
    }


def _json_list(values: set[str]) -> str:
    import json

    return json.dumps(sorted(values))
