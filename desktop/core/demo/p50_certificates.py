"""Demo part: certificates issued for a couple of finished workshops, one of them revoked,
so the register, reprint (with its REVOKED stamp) and verify screens have something to show."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from desktop.store import Store

PER_WORKSHOP = 8


def seed(store: Store, rng: random.Random, context: dict[str, Any]) -> None:
    if store.path is None:  # certificates are files beside the database
        return
    from desktop.core.certificates import keys
    from desktop.core.certificates.issue import issue_certificates, revoke
    from desktop.core.completion import eligible_participants

    today = date.fromisoformat(context.get("today") or date.today().isoformat())
    past = [w for w in context.get("workshops", []) if date.fromisoformat(w["end"]) < today]
    if not past:
        return
    keys.ensure_signing_key(store)
    numbers: list[str] = []
    for workshop in sorted(past, key=lambda w: w["end"], reverse=True)[:2]:
        eligible = eligible_participants(store, workshop["id"])
        chosen = sorted(rng.sample(eligible, min(PER_WORKSHOP, len(eligible))))
        if not chosen:
            continue
        result = issue_certificates(
            store,
            workshop["id"],
            participant_ids=chosen,
            workers=1,
            issued_on=date.fromisoformat(workshop["end"]),
        )
        numbers += [i.number for i in result.issued]
    if numbers:
        revoke(store, rng.choice(numbers), "Issued in error (demo)")
    context["certificate_numbers"] = numbers
