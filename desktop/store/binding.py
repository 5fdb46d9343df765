"""How Python values are bound to SQLite parameters, where the standard module is slow.

Python 3.11's `sqlite3` looks up an adapter for every `None` it binds and, finding none in
its registry, asks the `PrepareProtocol` type for `__adapt__`, which formats an
AttributeError only to discard it (~2,100 instructions per `None`, valgrind callgrind) before
binding NULL. A roster import binds two or three empty fields for each of 1.88 million rows:
that lookup was a tenth of the participant inserts' work. An adapter registered for
`NoneType` is found at the registry's first lookup and returns `None`, which is bound as NULL
as before. `set().discard` is used as that adapter because it is a C callable that returns
`None` for any hashable argument (a Python function costs a frame per call: ~250 more
instructions). Registration is process-wide, as the standard module's registry is."""

from __future__ import annotations

import sqlite3

_NULL_ADAPTER = set().discard


def bind_none_directly() -> None:
    """Register the NoneType adapter (idempotent; `desktop.store.database` calls it on
    import, so every connection the program opens binds None this way)."""
    sqlite3.register_adapter(type(None), _NULL_ADAPTER)


def none_binds_directly() -> bool:
    """Whether the NoneType adapter is the one registered (the tests hold it to that)."""
    return sqlite3.adapters.get((type(None), sqlite3.PrepareProtocol)) is _NULL_ADAPTER
