"""Planning a field workshop from a field visit.

A field workshop is an ordinary `workshop` record with `mode="field"`, so it gets the same
sessions, attendance desk and certificates as an institute workshop; only its place and date
come from the visit. The link visit → workshop is kept locally (`field_visit_workshop`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from desktop.core import workshops as ws
from desktop.core.dates import format_date
from desktop.core.field_visits import VisitError, load_visit, problem
from desktop.core.users import Permission, require
from desktop.store import Store


class FieldWorkshopError(VisitError):
    """The workshops core refused the workshop planned from a visit. Still a `VisitError`,
    but its `problems` carry the workshop area's codes, fields and params
    (`desktop.core.workshops.MESSAGES`), so a GUI words them with that area's templates."""


@dataclass(frozen=True)
class SessionPlan:
    start_time: str = "10:00"
    end_time: str = "13:00"
    topic_en: str | None = None
    topic_hi: str | None = None


def programmes(store: Store) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT id, code, title_en, title_hi FROM programme WHERE deleted = 0 ORDER BY code"
        )
    ]


def plan_field_workshop(
    store: Store,
    visit_id: str,
    programme_id: str,
    *,
    title_en: str | None = None,
    title_hi: str | None = None,
    start_date: str | None = None,
    days: int = 1,
    sessions: Sequence[SessionPlan] = (SessionPlan(),),
    trainers: Sequence[str] | None = None,
) -> str:
    """Create a `mode=field` workshop (and its sessions, each day) from a visit; returns the
    workshop id. District, office (as venue), department and date come from the visit."""
    require(store, Permission.FIELD_VISITS)
    problems = []
    if not store.institute_code:
        problems.append(problem("workshop", "no_institute"))
    programme = store.get("programme", programme_id) if programme_id else None
    if programme is None or programme["deleted"]:
        problems.append(problem("programme", "programme_required"))
    if days < 1:
        problems.append(problem("days", "days_invalid"))
    if problems:
        raise VisitError(problems)
    with store.transaction():
        visit = load_visit(store, visit_id)
        start = start_date or visit["visit_date"]
        try:
            first = date.fromisoformat(start)
        except (TypeError, ValueError):
            raise VisitError([problem("visit_date", "not_a_date", value=start)]) from None
        last = first + timedelta(days=days - 1)
        # Both titles name the place: two workshops planned from one visit (or visits to
        # different offices) must not read the same in either language.
        place = visit["office"]
        title = title_en or f"{programme['title_en']} — {place}"
        if not title_hi and programme["title_hi"]:
            title_hi = f"{programme['title_hi']} — {place}"
        if not title_en:
            taken = {
                (r["title_en"], r["title_hi"]) for r in workshops_of_visit(store, visit_id)
            }
            if (title, title_hi) in taken:
                # The same programme again from this visit: the date tells them apart.
                day = format_date(first)
                title = f"{title}, {day}"
                title_hi = f"{title_hi}, {day}" if title_hi else None
        team = list(trainers if trainers is not None else visit["team"])
        plan = ws.WorkshopPlan(
            programme_id=programme_id,
            title_en=title,
            title_hi=title_hi,
            mode="field",
            venue=visit["office"],
            district_code=visit["district_code"],
            department=visit["department"],
            start_date=first.isoformat(),
            end_date=last.isoformat(),
            trainers=team,
            sessions=[
                ws.SessionPlan(
                    date=(first + timedelta(days=day)).isoformat(),
                    start_time=slot.start_time,
                    end_time=slot.end_time,
                    topic_en=slot.topic_en or programme["title_en"],
                    topic_hi=slot.topic_hi or programme["title_hi"],
                    trainer=team[0] if team else None,
                )
                for day in range(days)
                for slot in sessions
            ],
        )
        # The workshops core validates and writes workshop + sessions exactly as for an
        # institute workshop (same checks, same records), inside this transaction.
        try:
            workshop_id = ws.create_workshop(store, plan)
        except ws.ValidationError as exc:
            raise FieldWorkshopError(exc.problems) from exc
        store.conn.execute(
            "INSERT OR IGNORE INTO field_visit_workshop(visit_id, workshop_id) VALUES (?, ?)",
            (visit_id, workshop_id),
        )
    return workshop_id


def workshops_of_visit(store: Store, visit_id: str) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT w.id, w.title_en, w.title_hi, w.start_date, w.end_date, w.venue "
            "FROM field_visit_workshop l JOIN workshop w ON w.id = l.workshop_id "
            "WHERE l.visit_id = ? AND w.deleted = 0 ORDER BY w.start_date",
            (visit_id,),
        )
    ]
