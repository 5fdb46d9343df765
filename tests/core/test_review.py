"""The monthly review's funnel, breakdowns and trend, every number worked out by hand
(the dataset and its story are in review_data.py)."""

from __future__ import annotations

import pytest

from desktop.core.review import Filters, build_review, funnel, months_back, trend


def _five(row):
    return (row.registered, row.enrolled, row.attended, row.completed, row.certified)


def test_funnel_for_the_month_with_shares(dataset):
    store, _ = dataset
    review = build_review(store, "2026-11")
    assert _five(review.funnel) == (6, 5, 3, 2, 1)
    assert review.funnel.shares() == {
        "registered": None,
        "enrolled": 83.3,  # 5 of 6
        "attended": 60.0,  # 3 of 5
        "completed": 66.7,  # 2 of 3
        "certified": 50.0,  # 1 of 2
    }
    assert (review.first_day, review.last_day) == ("2026-11-01", "2026-11-30")


def test_breakdowns(dataset):
    store, ids = dataset
    review = build_review(store, "2026-11")
    by_dept = {r.key: _five(r) for r in review.by_department}
    assert by_dept == {
        "Revenue": (3, 3, 3, 2, 1),
        "Basic Education": (2, 2, 0, 0, 0),
        "Health": (1, 0, 0, 0, 0),
    }
    assert [r.key for r in review.by_department] == ["Basic Education", "Health", "Revenue"]
    assert review.by_department[2].label_hi == "राजस्व"

    assert len(review.by_district) == 76  # the 75 districts and "not given"
    by_district = {r.key: r for r in review.by_district}
    assert _five(by_district["LKO"]) == (3, 3, 2, 1, 1)
    assert _five(by_district["AGR"]) == (2, 2, 1, 1, 0)
    assert _five(by_district[""]) == (1, 0, 0, 0, 0)
    assert _five(by_district["VNS"]) == (0, 0, 0, 0, 0)
    assert (by_district["LKO"].label_en, by_district["LKO"].label_hi) == ("Lucknow", "लखनऊ")
    assert review.by_district[-1].key == ""  # "not given" last

    assert [(r.key, _five(r)) for r in review.by_group] == [
        ("A/B", (2, 2, 1, 1, 1)),
        ("C/D", (3, 3, 2, 1, 0)),
        ("", (1, 0, 0, 0, 0)),
    ]
    assert {r.key: _five(r) for r in review.by_institute} == {
        "TST": (None, 4, 3, 2, 1),
        "XYZ": (None, 2, 1, 0, 0),
    }
    assert {r.label_en: _five(r) for r in review.by_programme} == {
        "Karma": (None, 4, 3, 2, 1),
        "Mission": (None, 2, 1, 0, 0),
    }
    assert review.by_institute[0].shares()["enrolled"] is None  # no roster per institute

    lines = [(w.id, w.enrolled, w.attended, w.completed) for w in review.workshops]
    assert lines == [(ids["W1"], 4, 3, 2), (ids["W2"], 2, 1, None)]


def test_trend_is_twelve_months_ending_with_the_month(dataset):
    store, _ = dataset
    review = build_review(store, "2026-11")
    assert [r.key for r in review.trend] == months_back("2026-11", 12)
    assert review.trend[0].key == "2025-12" and review.trend[-1].key == "2026-11"
    by_month = {r.key: _five(r) for r in review.trend}
    assert by_month["2026-10"] == (6, 2, 2, 2, 1)  # p5's certificate is revoked
    assert by_month["2026-11"] == (6, 5, 3, 2, 1)
    assert by_month["2026-09"] == (6, 0, 0, 0, 0)
    assert months_back("2026-02", 3) == ["2025-12", "2026-01", "2026-02"]
    # the dashboard's own read of the trend gives the same rows
    assert [(r.key, _five(r)) for r in trend(store, "2026-11")] == [
        (r.key, _five(r)) for r in review.trend
    ]
    assert [_five(r) for r in trend(store, "2026-11", Filters(mode="field"), 2)] == [
        (6, 0, 0, 0, 0),
        (6, 2, 1, 0, 0),
    ]


def test_filters_and_range(dataset):
    store, _ = dataset
    assert _five(funnel(store, "2026-11", filters=Filters(mode="field"))) == (6, 2, 1, 0, 0)
    assert _five(funnel(store, "2026-11", filters=Filters(institute_code="XYZ"))) == (
        6, 2, 1, 0, 0,
    )
    assert _five(funnel(store, "2026-11", filters=Filters(department="Revenue"))) == (
        3, 3, 3, 2, 1,
    )
    assert _five(funnel(store, "2026-11", filters=Filters(service_group="C/D"))) == (
        3, 3, 2, 1, 0,
    )
    assert _five(funnel(store, "2026-11", filters=Filters(district_code="AGR"))) == (
        2, 2, 1, 1, 0,
    )
    # October to November as one span: W1, W2 and W3
    assert _five(funnel(store, "2026-10", "2026-11")) == (6, 5, 5, 4, 2)
    # December: W2 has ended (p1 1 of 2 = 50 % → complete; p5 1 of 2 → complete),
    # p3's and p2's new certificates issued for W1, which is not in December
    assert _five(funnel(store, "2026-12")) == (6, 2, 1, 2, 0)
    review = build_review(store, "2026-11", filters=Filters(department="Revenue"))
    assert [r.key for r in review.by_department] == ["Revenue"]
    # what the dashboard asks for: the month and its departments only
    review = build_review(store, "2026-11", trend_months=0, breakdowns=("by_department",))
    assert _five(review.funnel) == (6, 5, 3, 2, 1) and len(review.by_department) == 3
    assert review.trend == [] and review.by_district == [] and review.by_programme == []


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="mode 'online'"):
        Filters(mode="online")
    with pytest.raises(ValueError, match="service group"):
        Filters(service_group="A")


def test_range_must_not_run_backwards(store):
    with pytest.raises(ValueError, match="before --month"):
        funnel(store, "2026-11", "2026-10")
