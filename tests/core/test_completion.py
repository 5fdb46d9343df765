"""The completion rule at its boundaries, and over real store rows."""

from __future__ import annotations

import pytest

from desktop.core.completion import Rule, evaluate, evaluate_workshop, set_rule


@pytest.mark.parametrize(
    ("statuses", "pct", "eligible"),
    [
        (["present"] * 3 + ["absent"], 75, True),  # exactly at the minimum
        (["present"] * 2 + ["absent"] * 2, 75, False),
        (["present", "present", "absent", None], 75, False),  # unmarked = absent
        (["present"] * 3 + ["excused"], 100, True),  # excused left out of the count
        (["late"] * 4, 100, True),  # late counts as present by default
        (["excused"] * 2, 50, False),  # nothing left to count
        ([], 0, False),
        (["present"] * 2 + ["absent"], 67, False),  # 66.7% is below 67
        (["present"] * 2 + ["absent"], 66, True),
    ],
)
def test_rule_boundaries(statuses, pct, eligible):
    assert evaluate(statuses, Rule(pct)).eligible is eligible


def test_configured_rule_changes_late_and_excused():
    strict = Rule(75, late_counts_present=False, excused_excluded=False)
    result = evaluate(["present", "present", "late", "excused"], strict)
    assert (result.attended, result.counted, result.eligible) == (2, 4, False)
    assert "below the minimum of 75%" in result.reason


def test_evaluate_workshop_from_store(store):
    prog = store.insert(
        "programme", {"code": "KSK", "title_en": "K", "hours": 6, "min_attendance_pct": 50}
    )
    ws = store.insert("workshop", {"programme_id": prog, "title_en": "W", "mode": "institute"})
    sessions = [
        store.insert("session", {"workshop_id": ws, "date": f"2026-11-0{i}", "start_time": "10:00"})
        for i in (1, 2)
    ]
    people = [store.insert("participant", {"name_en": n}) for n in ("A", "B", "C")]
    for p in people:
        store.insert(
            "enrolment",
            {"workshop_id": ws, "participant_id": p, "source": "nominated", "status": "enrolled"},
        )
    store.insert(
        "attendance", {"session_id": sessions[0], "participant_id": people[0], "status": "present"}
    )
    store.insert(
        "attendance", {"session_id": sessions[0], "participant_id": people[1], "status": "late"}
    )
    withdrawn = store.conn.execute(
        "SELECT id FROM enrolment WHERE participant_id = ?", (people[2],)
    ).fetchone()[0]
    store.update("enrolment", withdrawn, {"status": "withdrawn"})
    results = {r.participant_id: r for r in evaluate_workshop(store, ws)}
    assert set(results) == {people[0], people[1]}
    assert results[people[0]].eligible and results[people[1]].eligible
    set_rule(store, prog, late_counts_present=False, excused_excluded=True)
    results = {r.participant_id: r for r in evaluate_workshop(store, ws)}
    assert results[people[0]].eligible and not results[people[1]].eligible
