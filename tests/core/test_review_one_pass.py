"""The 12-month trend is read in one pass (issue 15, performance): month for month it must
give exactly what the funnel of that month alone gives, whatever the filters."""

from __future__ import annotations

import pytest

from desktop.core.demo import build_demo
from desktop.core.review import Filters, funnel, months_back, trend
from desktop.store import open_store

FILTERS = [
    Filters(),
    Filters(service_group="A/B"),
    Filters(service_group="C/D", mode="institute"),
    Filters(mode="field"),
    Filters(department="Revenue"),
    Filters(district_code="LKO"),
]


def _month_by_month(store, month, f, count=12):
    return [funnel(store, m, filters=f).counts() for m in months_back(month, count)]


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_one_pass_equals_the_funnel_month_by_month_hand_dataset(store, dataset, f):
    rows = trend(store, "2026-12", f, 4)
    assert [r.key for r in rows] == ["2026-09", "2026-10", "2026-11", "2026-12"]
    assert [r.counts() for r in rows] == _month_by_month(store, "2026-12", f, 4)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_store(path) as store:
        build_demo(store, participants=600, seed=3)
        last = store.conn.execute("SELECT max(substr(start_date, 1, 7)) FROM workshop")
        month = last.fetchone()[0]
    with open_store(path) as store:
        yield store, month


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_one_pass_equals_the_funnel_month_by_month_demo(demo, f):
    store, month = demo
    rows = trend(store, month, f)
    expected = _month_by_month(store, month, f)
    assert [r.counts() for r in rows] == expected
    if f == Filters():
        # a real comparison: people reached the steps (the hand dataset has certificates)
        assert all(sum(r[step] for r in expected) > 0
                   for step in ("enrolled", "attended", "completed"))
