"""Saving field visits: create, update, action-point changes, quick-added people, delete.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from desktop.core.attachments import mark_kept
from desktop.core.field_visits.reading import CarriedPoint, load_visit
from desktop.core.field_visits.rules import (
    FIELD_LABELS,
    VisitError,
    clean_action_point,
    problem,
    validate_visit,
)
from desktop.core.users import Permission, require
from desktop.protocol.fields import normalise_mobile
from desktop.store import Store


def create_visit(store: Store, data: Mapping[str, Any], *, today: date | str | None = None) -> str:
    """Validate and store a new visit; returns its id."""
    require(store, Permission.FIELD_VISITS)
    cleaned = validate_visit(store, data, today=today)
    with store.transaction():
        visit_id = store.insert("field_visit", cleaned)
        mark_kept(store, cleaned["attachments"])
    return visit_id


def update_visit(
    store: Store, visit_id: str, changes: Mapping[str, Any], *, today: date | str | None = None
) -> bool:
    """Edit a visit (a new version); the whole merged record is validated again."""
    require(store, Permission.FIELD_VISITS)
    with store.transaction():
        current = load_visit(store, visit_id)
        merged = {k: current[k] for k in FIELD_LABELS}
        merged.update(changes)
        cleaned = validate_visit(store, merged, today=today)
        mark_kept(store, cleaned["attachments"])
        return store.update("field_visit", visit_id, cleaned)


def save_visit(
    store: Store,
    visit_id: str | None,
    data: Mapping[str, Any],
    *,
    carried: Iterable[CarriedPoint] = (),
    today: date | str | None = None,
) -> str:
    """What the form's Save does: the visit and any carried-over action points it closed or
    updated, in one transaction (all or nothing)."""
    require(store, Permission.FIELD_VISITS)
    with store.transaction():
        if visit_id is None:
            visit_id = create_visit(store, data, today=today)
        else:
            update_visit(store, visit_id, data, today=today)
        for point in carried:
            update_action_point(store, point.visit_id, point.index, point.point)
    return visit_id


def update_action_point(
    store: Store,
    visit_id: str,
    index: int,
    changes: Mapping[str, Any],
) -> bool:
    """Close or edit one action point of a (usually earlier) visit: writes a new version of
    that visit, which is what carries the change to the portal."""
    require(store, Permission.FIELD_VISITS)
    with store.transaction():
        visit = load_visit(store, visit_id)
        points = [dict(p) for p in visit["action_points"]]
        if not 0 <= index < len(points):
            raise VisitError([problem("action_points", "no_action_point", n=index + 1)])
        allowed = ("text", "owner", "due_date", "status")
        points[index].update({k: v for k, v in changes.items() if k in allowed})
        # Only the action points are checked: an older record that would fail today's rules
        # (e.g. synced from elsewhere) must still be closable.
        cleaned, problems = [], []
        for i, point in enumerate(points):
            one, found = clean_action_point(point, i)
            cleaned.append(one)
            problems.extend(found)
        if problems:
            raise VisitError(problems)
        return store.update("field_visit", visit_id, {"action_points": cleaned})


def quick_add_participant(
    store: Store,
    name_en: str,
    *,
    name_hi: str | None = None,
    district_code: str | None = None,
    department: str | None = None,
    designation: str | None = None,
    mobile: str | None = None,
) -> str:
    """A person met who is not on the roster yet: just enough to link them to the visit."""
    require(store, Permission.FIELD_VISITS)
    problems = []
    name_en = (name_en or "").strip()
    if not name_en:
        problems.append(problem("participant_ids", "new_person_name"))
    typed = (mobile or "").strip() or None
    mobile = normalise_mobile(typed) if typed else None  # the shared rule: +91 … → 10 digits
    if typed and mobile is None:
        problems.append(problem("participant_ids", "new_person_mobile", value=typed))
    if problems:
        raise VisitError(problems)
    return store.insert(
        "participant",
        {
            "name_en": name_en,
            "name_hi": (name_hi or "").strip() or None,
            "district_code": district_code,
            "department": department,
            "designation": (designation or "").strip() or None,
            "mobile": mobile,
        },
    )


def delete_visit(store: Store, visit_id: str) -> bool:
    require(store, Permission.FIELD_VISITS)
    return store.delete("field_visit", visit_id)


