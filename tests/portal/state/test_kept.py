"""The state's figures kept in the database (`kept`): what a page decodes is exactly what the
review core reads, they follow new data, and one process at a time reads ahead."""

from __future__ import annotations

import pytest

from desktop.core import review as core
from desktop.core.reports import month_bounds
from desktop.portal.state import figures, kept

from ..samples import record
from . import dataset


def read_now(portal, first, last):
    with portal.db.reading() as conn:
        return figures.read_facts(conn, first, last, figures.data_version(conn), {})


def test_kept_facts_decode_to_what_the_core_read(state_portal):
    for first, last in (month_bounds("2026-11"), ("2026-10-01", "2026-11-30")):
        facts = read_now(state_portal, first, last)
        with state_portal.db.transaction() as conn:
            kept.store(conn, first, last, facts)
        with state_portal.db.reading() as conn:
            back = kept.load(conn, first, last)
        assert back.version == facts.version and back.read_at == facts.read_at
        assert back.facts == facts.facts and back.people == facts.people
        assert back.workshops == facts.workshops
        # pairs: W1 p1 p2 p3 and W2 p2 p4 in November; W3 p1 too in the range
        assert len(back.facts.enrolled) == (5 if first == "2026-11-01" else 6)


def test_a_new_process_shows_the_kept_figures_without_reading(state_portal, monkeypatch):
    first = figures.Figures(state_portal.db.reading, writing=state_portal.db.transaction)
    assert first.view("2026-11", None, core.Filters()).funnel.counts() == dataset.NOV

    def refuse(*args, **kwargs):
        raise AssertionError("read by the core although kept")

    monkeypatch.setattr(figures, "read_facts", refuse)
    monkeypatch.setattr(figures, "read_reference", refuse)
    second = figures.Figures(state_portal.db.reading, writing=state_portal.db.transaction)
    view = second.view("2026-11", None, core.Filters(department="Revenue"))
    assert view.funnel.counts() == dataset.NOV_REVENUE
    months = {r.key: r.counts() for r in second.view("2026-11", None, core.Filters()).by_month}
    assert months["2026-10"] == dataset.OCT and months["2026-11"] == dataset.NOV
    with pytest.raises(AssertionError, match="read by the core"):  # a range never read
        second.view("2026-10", "2026-11", core.Filters())


def test_the_keeper_reads_ahead_and_follows_new_data(state_portal):
    keeper = kept.Keeper(state_portal.db, figures.read_facts, figures.read_reference,
                         min_gap=0)
    assert keeper._lease()
    # the roster's counts, October, November and the quarter October–December
    assert keeper.refresh() == 4
    with state_portal.db.reading() as conn:
        held = {(r[0], r[1]) for r in conn.execute("SELECT first_day, last_day FROM state_facts")}
    assert held == {kept.REFERENCE, month_bounds("2026-10"), month_bounds("2026-11"),
                    ("2026-10-01", "2026-12-31")}
    assert keeper.refresh() == 0  # nothing new
    gone = next(r for r in state_portal.records(["participant"])
                if not r["deleted"] and r["data"]["employee_code"] == "P4")
    tombstone = record("participant", {}, origin=dataset.ORIGIN, record_id=gone["id"],
                       deleted=True)
    del tombstone["updated_at"]
    assert state_portal.put_record(tombstone) == "applied"
    assert keeper.refresh() == 4
    # a page that may not read (max_age 0, new data): the keeper's facts are current
    page = figures.Figures(state_portal.db.reading, max_age=0,
                           writing=state_portal.db.transaction)
    view = page.view("2026-11", None, core.Filters())
    # p4 deleted: registered 5; enrolled p1 p2 p3; attended and completed p1 p2; certified p1
    assert view.funnel.counts() == {"registered": 5, "enrolled": 3, "attended": 2,
                                    "completed": 2, "certified": 1}
    with state_portal.db.reading() as conn:
        stored = kept.load(conn, *month_bounds("2026-11"))
        assert stored.version == figures.data_version(conn)


def test_one_keeper_at_a_time(state_portal):
    one = kept.Keeper(state_portal.db, figures.read_facts, figures.read_reference)
    other = kept.Keeper(state_portal.db, figures.read_facts, figures.read_reference)
    assert one._lease() and not other._lease()
    assert one._lease()  # renewed by its holder
    with state_portal.db.transaction() as conn:  # the holder died: its lease runs out
        conn.execute("UPDATE meta SET value = ? WHERE key = ?",
                     (f"{one._owner} 0", kept.LEASE_KEY))
    assert other._lease() and not one._lease()
