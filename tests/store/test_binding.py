"""None is bound through the registered NoneType adapter (desktop/store/binding.py) and
still arrives as NULL, in the store's own connections and in a plain executemany."""

from __future__ import annotations

import sqlite3

from desktop.store import open_store
from desktop.store.binding import bind_none_directly, none_binds_directly


def test_the_store_registers_the_none_adapter() -> None:
    import desktop.store.database  # noqa: F401  (registers on import)

    assert none_binds_directly()
    bind_none_directly()  # again: still the same adapter, nothing stacked
    assert none_binds_directly()


def test_none_is_stored_as_null_beside_other_values(tmp_path) -> None:
    with open_store(tmp_path / "desk.db") as store:
        store.conn.execute("CREATE TABLE t (a, b, c)")
        store.conn.executemany(
            "INSERT INTO t VALUES (?, ?, ?)",
            [(None, "x", 1), ("y", None, None), (None, None, 2.5)],
        )
        rows = store.conn.execute("SELECT typeof(a), typeof(b), typeof(c) FROM t").fetchall()
    assert [tuple(r) for r in rows] == [
        ("null", "text", "integer"),
        ("text", "null", "null"),
        ("null", "null", "real"),
    ]


def test_named_parameters_bind_none_as_null_too() -> None:
    bind_none_directly()
    conn = sqlite3.connect(":memory:")
    value = conn.execute("SELECT :v IS NULL, typeof(:v)", {"v": None}).fetchone()
    assert value == (1, "null")
