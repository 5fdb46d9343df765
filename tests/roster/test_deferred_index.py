"""A big first import builds the review index once at the end (desktop.store.bulk
.deferred_indexes): it is there afterwards, and a failed import leaves it as it was."""

from __future__ import annotations

import pytest

from desktop.store.bulk import deferred_indexes


def _index_sql(store) -> str | None:
    row = store.conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'participant_review'"
    ).fetchone()
    return row[0] if row else None


def test_the_index_is_built_again_at_the_end(store):
    before = _index_sql(store)
    assert before
    with store.transaction(), deferred_indexes(store, ["participant_review", "no_such_index"]):
        assert _index_sql(store) is None
        store.insert("participant", {"name_en": "Asha", "department": "Revenue"})
    assert _index_sql(store) == before
    plan = " ".join(
        str(r[-1])
        for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM participant "
            "WHERE deleted = 0 AND department = 'Revenue'"
        )
    )
    assert "participant_review" in plan


def test_a_failed_import_restores_the_index(store):
    before = _index_sql(store)

    class Boom(Exception):
        pass

    with pytest.raises(Boom), store.transaction(), deferred_indexes(store, ["participant_review"]):
        raise Boom
    assert _index_sql(store) == before


def test_it_needs_a_transaction(store):
    with pytest.raises(RuntimeError, match="transaction"), deferred_indexes(store, ["x"]):
        pass


def test_an_index_can_be_built_before_the_end_and_is_then_kept_up_to_date(store):
    def sql_of(name: str) -> str | None:
        row = store.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
        ).fetchone()
        return row[0] if row else None

    names = ["participant_mobile", "participant_review"]
    before = {name: sql_of(name) for name in names}
    with store.transaction(), deferred_indexes(store, names) as indexes:
        assert indexes.missing("participant_mobile") and indexes.missing("participant_review")
        assert not indexes.missing("participant_id_unknown")
        store.insert("participant", {"name_en": "Asha", "mobile": "9876500001"})
        indexes.restore(["participant_mobile"])
        assert not indexes.missing("participant_mobile") and sql_of("participant_mobile")
        assert sql_of("participant_review") is None
        store.insert("participant", {"name_en": "Ravi", "mobile": "9876500002"})
    assert {name: sql_of(name) for name in names} == before
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    found = store.conn.execute(
        "SELECT name_en FROM participant INDEXED BY participant_mobile WHERE mobile = ?",
        ("9876500002",),
    ).fetchall()
    assert [r[0] for r in found] == ["Ravi"]
