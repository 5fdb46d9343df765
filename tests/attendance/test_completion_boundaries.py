"""Completion at its boundaries, from marks made through the desk (not hand-built rows)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.core.attendance import Desk
from desktop.core.completion import evaluate_workshop, set_rule
from tests.attendance.helpers import workshop_with_people

DAY = date(2026, 11, 23)
SLOTS = (("09:00", "10:00"), ("10:30", "11:30"), ("12:00", "13:00"), ("14:00", "15:00"))


def run(store, statuses_per_person, pct=75, code="KSK", **rule):
    ws, sessions, people = workshop_with_people(
        store, DAY, len(statuses_per_person), code=code, slots=SLOTS
    )
    store.update(
        "programme", store.get("workshop", ws)["programme_id"], {"min_attendance_pct": pct}
    )
    if rule:
        set_rule(store, store.get("workshop", ws)["programme_id"], **rule)
    for person, statuses in zip(people, statuses_per_person, strict=True):
        for session, status in zip(sessions, statuses, strict=True):
            if status is not None:
                Desk(store, session).mark(
                    person,
                    status=status,
                    method="search",
                    now=datetime(2026, 11, 23, 9, 0),
                    check_window=False,
                )
    results = {r.participant_id: r for r in evaluate_workshop(store, ws)}
    return [results[p] for p in people]


@pytest.mark.parametrize(
    ("statuses", "eligible", "reason_code"),
    [
        (["present", "present", "present", "absent"], True, "ok"),  # exactly 75 %
        (["present", "present", "absent", None], False, "below_minimum"),  # unmarked = absent
        (["present", "present", "late", "absent"], True, "ok"),  # late counts by default
        (["present", "present", "excused", "absent"], False, "below_minimum"),  # 2/3 < 75 %
        (["present", "present", "present", "excused"], True, "ok"),  # 3/3
        (["excused"] * 4, False, "all_excused"),
    ],
)
def test_default_rule(store, statuses, eligible, reason_code):
    (result,) = run(store, [statuses])
    assert (result.eligible, result.reason_code) == (eligible, reason_code)


def test_late_not_counted_and_excused_counted_when_configured(store):
    late, excused = run(
        store,
        [["present", "present", "late", "absent"], ["present", "present", "present", "excused"]],
        late_counts_present=False,
        excused_excluded=False,
    )
    assert (late.attended, late.counted, late.eligible) == (2, 4, False)
    assert (excused.attended, excused.counted, excused.eligible) == (3, 4, True)


def test_hundred_percent_and_zero_percent_minimums(store):
    full, none_ = run(store, [["present"] * 3 + ["late"], ["absent"] * 4], pct=100)
    assert full.eligible and not none_.eligible
    (zero,) = run(store, [["absent"] * 4], pct=0, code="ZERO")
    assert zero.eligible  # a 0 % programme: attending counts for nothing
