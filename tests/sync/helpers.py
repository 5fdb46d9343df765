"""Shared helpers for the sync tests."""

from __future__ import annotations

import random
from typing import Any

from desktop.core.sync.client import Backoff


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def fast_backoff(max_attempts: int = 6, budget: float = 1000.0) -> tuple[Backoff, Sleeps]:
    sleeps = Sleeps()
    return Backoff(base=0.01, cap=0.05, max_attempts=max_attempts, budget=budget, sleep=sleeps,
                   rng=random.Random(1)), sleeps


def participant(i: int, **extra: Any) -> dict[str, Any]:
    return {"name_en": f"Person {i}", "mobile": f"98765{i:05d}"[:10], **extra}


def outbox_states(store) -> dict[str, int]:
    return {r[0]: r[1] for r in store.conn.execute(
        "SELECT state, count(*) FROM sync_batch GROUP BY state")}


def engine(store, portal, **kw):
    """A SyncEngine on the fake portal whose back-off sleeps are recorded, not slept."""
    from desktop.core.sync.engine import SyncEngine

    backoff, sleeps = fast_backoff(**kw)
    eng = SyncEngine(store, transport=portal.transport(), backoff=backoff)
    eng.sleeps = sleeps
    return eng
