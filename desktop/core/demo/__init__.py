"""`demo`: a realistic, seeded dataset. The same seed gives the same data.

Parts are modules `pNN_<what>.py` in this package with `seed(store, rng, context)`, applied
in file-name order (roster first, then workshops, attendance, field visits, certificates);
each feature adds its own part. `context` carries what earlier parts made (ids) to later ones."""

from __future__ import annotations

import importlib
import pkgutil
import random
from typing import Any

from desktop.core.progress import Progress
from desktop.store import Store


def build_demo(
    store: Store,
    participants: int = 500,
    seed: int = 1,
    progress: Progress | None = None,
    *,
    team: bool = False,
) -> dict[str, Any]:
    """`team`: besides the PIN-less admin every demo has, a sample team with PINs."""
    rng = random.Random(seed)
    context: dict[str, Any] = {"participants": participants, "seed": seed, "team": team}
    parts = sorted(
        info.name for info in pkgutil.iter_modules(__path__) if info.name.startswith("p")
    )
    for step, name in enumerate(parts):
        module = importlib.import_module(f"{__name__}.{name}")
        if progress:
            progress(step, len(parts), f"demo: {name[4:]}")
        module.seed(store, rng, context)
    return context
