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
