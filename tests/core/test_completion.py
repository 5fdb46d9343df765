"""The completion rule at its boundaries, and over real store rows."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest

from desktop.core.completion import (
    Rule,
    evaluate,
    evaluate_workshop,
    needed_to_complete,
    set_rule,
    standings,
)


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


# -- part-way through a workshop -----------------------------------------------------------


@pytest.mark.parametrize(
    ("held", "remaining", "pct", "needed"),
    [
        (["present", "present"], 3, 75, 2),  # 4 of 5 needed (3.75 rounds up)
        (["present", "present", "present"], 1, 75, 0),  # 3/4 already: reached whatever next
        (["absent", "absent"], 3, 75, None),  # at best 3/5 = 60%
        ([None, "present"], 2, 75, 2),  # unmarked held session = absent: 3/4 at best
        ([], 5, 75, 4),  # nothing held yet
        (["present"], 0, 100, 0),
        (["absent"], 0, 50, None),  # nothing to come: the final decision
        (["excused", "present"], 2, 100, 2),  # excused out of the count
        (["present", "absent", "present"], 3, 67, 3),  # 4/6 = 66.7% < 67: 5 of 6
    ],
)
def test_needed_to_complete(held, remaining, pct, needed):
    assert needed_to_complete(held, remaining, Rule(pct)) == needed


def test_needed_agrees_with_the_final_rule_for_every_outcome():
    """Attending exactly `needed` of the rest completes and one fewer does not, for every
    way the held sessions can have gone (the final decision is `evaluate`, unchanged)."""
    statuses = ("present", "late", "excused", "absent", None)
    for pct in (50, 66, 67, 75, 100):
        for rule in (Rule(pct), Rule(pct, late_counts_present=False, excused_excluded=False)):
            for held in itertools.product(statuses, repeat=3):
                for remaining in range(4):
                    needed = needed_to_complete(list(held), remaining, rule)
                    best = list(held) + ["present"] * remaining
                    assert (needed is not None) == evaluate(best, rule).eligible
                    if needed:
                        fewer = list(held) + ["present"] * (needed - 1)
                        fewer += ["absent"] * (remaining - needed + 1)
                        assert not evaluate(fewer, rule).eligible


def _five_session_workshop(store, pct=75):
    prog = store.insert(
        "programme", {"code": "RUN", "title_en": "R", "hours": 6, "min_attendance_pct": pct}
    )
    ws = store.insert("workshop", {"programme_id": prog, "title_en": "W", "mode": "institute"})
    sessions = [
        store.insert("session", {"workshop_id": ws, "date": day, "start_time": start})
        for day, start in (
            ("2026-11-23", "10:00"),
            ("2026-11-23", "14:00"),
            ("2026-11-24", "10:00"),
            ("2026-11-24", "14:00"),
            ("2026-11-25", "10:00"),
        )
    ]
    people = [store.insert("participant", {"name_en": n}) for n in ("A", "B", "C")]
    for p in people:
        store.insert(
            "enrolment",
            {"workshop_id": ws, "participant_id": p, "source": "nominated", "status": "enrolled"},
        )
    return ws, sessions, people


def _mark(store, session, person, status):
    store.insert("attendance", {"session_id": session, "participant_id": person, "status": status})


def test_standings_count_sessions_not_yet_held_as_to_come_not_absent(store):
    ws, sessions, (a, b, c) = _five_session_workshop(store)
    for s in sessions[:2]:
        _mark(store, s, a, "present")
        _mark(store, s, b, "absent")
    _mark(store, sessions[4], c, "excused")  # excused ahead of the last day
    now = datetime(2026, 11, 23, 18, 0)  # the first day is over
    got = {st.participant_id: st for st in standings(store, ws, now)}
    assert (got[a].so_far.attended, got[a].so_far.counted, got[a].so_far.pct) == (2, 2, 100)
    assert (got[a].held, got[a].remaining, got[a].needed) == (2, 3, 2)
    assert got[a].can_complete
    assert (got[b].so_far.attended, got[b].so_far.counted, got[b].needed) == (0, 2, None)
    assert not got[b].can_complete  # at best 3 of 5 = 60%
    # C was not marked on day one (absent) and is excused from the last session: 3 of 4 count
    assert (got[c].so_far.counted, got[c].remaining, got[c].needed) == (2, 2, None)
    # The evaluation over all sessions (the final decision) is unchanged by the standings.
    assert {r.participant_id: r.counted for r in evaluate_workshop(store, ws)} == {
        a: 5,
        b: 5,
        c: 4,
    }


def test_a_session_is_held_once_started_or_once_anyone_is_marked(store):
    ws, sessions, (a, b, _c) = _five_session_workshop(store)
    before = datetime(2026, 11, 23, 9, 0)
    assert {st.held for st in standings(store, ws, before)} == {0}
    assert {st.held for st in standings(store, ws, datetime(2026, 11, 23, 10, 0))} == {1}
    _mark(store, sessions[0], a, "present")  # the desk opened early
    st = {s.participant_id: s for s in standings(store, ws, before)}
    assert st[a].held == 1 and st[b].so_far.counted == 1 and st[b].so_far.absent == 1
    _mark(store, sessions[1], b, "excused")  # an excuse alone does not hold a session
    assert standings(store, ws, before)[0].held == 1


def test_standings_after_the_last_session_are_the_final_decision(store):
    ws, sessions, people = _five_session_workshop(store)
    for n, s in enumerate(sessions):
        _mark(store, s, people[0], "present" if n else "absent")  # 4/5: completes
        _mark(store, s, people[1], "present" if n > 1 else "absent")  # 3/5: does not
    after = datetime(2026, 11, 26, 9, 0)
    final = {r.participant_id: r.eligible for r in evaluate_workshop(store, ws)}
    for st in standings(store, ws, after):
        assert st.remaining == 0 and st.held == 5
        assert st.can_complete == final[st.participant_id]
        assert st.so_far == next(
            r for r in evaluate_workshop(store, ws) if r.participant_id == st.participant_id
        )
