"""The review keeps what it read per state of the data: a filter change reads nothing again,
and any write (or a changed completion rule) is seen at once."""

from __future__ import annotations

import pytest

from desktop.core import review as review_module
from desktop.core.completion import set_rule
from desktop.core.review import Filters, build_review, clear_cache, funnel, trend
from desktop.store import open_store
from tests.core.review_data import build_dataset


def _five(row):
    return (row.registered, row.enrolled, row.attended, row.completed, row.certified)


@pytest.fixture
def on_disk(db_path):
    clear_cache()
    with open_store(db_path) as store:
        _store, ids = build_dataset(store)
        ids.update(dict(store.conn.execute("SELECT name_en, id FROM participant")))
        yield store, ids
    clear_cache()


@pytest.fixture
def reads(monkeypatch):
    """How many times the period's facts and the roster are read from the database."""
    counted = {"facts": 0}
    real = review_module._facts

    def facts(*args, **kwargs):
        counted["facts"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(review_module, "_facts", facts)
    return counted


def test_a_filter_change_reads_nothing_again(on_disk, reads):
    store, _ids = on_disk
    assert _five(funnel(store, "2026-11")) == (6, 5, 3, 2, 1)
    assert reads["facts"] == 1
    # the numbers of test_review.py's hand-computed filters, now from what was kept
    assert _five(funnel(store, "2026-11", filters=Filters(mode="field"))) == (6, 2, 1, 0, 0)
    assert _five(funnel(store, "2026-11", filters=Filters(department="Revenue"))) == (
        3, 3, 3, 2, 1)
    assert _five(funnel(store, "2026-11", filters=Filters(service_group="C/D"))) == (
        3, 3, 2, 1, 0)
    dashboard = build_review(store, "2026-11", filters=Filters(district_code="LKO"),
                             trend_months=0, breakdowns=("by_department",))
    assert reads["facts"] == 1
    assert [(r.key, r.enrolled) for r in dashboard.by_department] == [
        ("Basic Education", 1), ("Revenue", 2)]  # p5 (in W2); p1 and p2


def test_a_write_is_seen_at_once(on_disk, reads):
    store, ids = on_disk
    before = funnel(store, "2026-11", filters=Filters(department="Revenue"))
    kept = trend(store, "2026-11", count=2)
    store.update("participant", ids["p1"], {"department": "Health"})
    after = funnel(store, "2026-11", filters=Filters(department="Revenue"))
    assert reads["facts"] == 2
    assert (before.registered, before.enrolled) == (3, 3)
    assert (after.registered, after.enrolled) == (2, 2)
    kept[-1].enrolled = 999  # a caller's change never reaches the kept rows
    assert trend(store, "2026-11", count=2)[-1].enrolled == 5


def test_a_changed_completion_rule_is_seen(on_disk):
    store, ids = on_disk
    assert funnel(store, "2026-11").completed == 2  # p1 and p3 (late counts as present)
    programme = store.get("workshop", ids["W1"])["programme_id"]
    set_rule(store, programme, late_counts_present=False, excused_excluded=True)
    assert funnel(store, "2026-11").completed == 1  # p3 was late twice
