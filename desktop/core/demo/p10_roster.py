"""Demo part: the centre and a roster of bilingual participants."""

from __future__ import annotations

import random
from typing import Any

from desktop.core import lookups
from desktop.core.centre import init_centre
from desktop.core.demo.ids import demo_id
from desktop.core.demo.names import DESIGNATIONS, GIVEN_FEMALE, GIVEN_MALE, SURNAMES
from desktop.store import Store
from desktop.store.bulk import insert_many

INSTITUTE = (
    "UPAAM",
    "UP Academy of Administration and Management",
    "उत्तर प्रदेश प्रशासन एवं प्रबंधन अकादमी",
)
CHUNK = 50_000


def participant_rows(rng: random.Random, count: int, districts: list[str], departments: list[str]):
    """Yield `count` participant data dicts; employee codes and mobiles are unique."""
    for n in range(count):
        female = rng.random() < 0.4
        given_en, given_hi = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
        sur_en, sur_hi = rng.choice(SURNAMES)
        district = rng.choice(districts)
        yield {
            "name_en": f"{given_en} {sur_en}",
            "name_hi": f"{given_hi} {sur_hi}",
            "employee_code": f"UP{district}{n + 1:07d}",
            "igot_user_id": f"igot-{rng.getrandbits(40):010x}" if rng.random() < 0.6 else None,
            "designation": rng.choice(DESIGNATIONS),
            "department": rng.choice(departments),
            "district_code": district,
            # 6-9 then nine digits; n keeps them unique across the whole roster
            "mobile": f"{rng.choice('6789')}{(n * 7919 + 1_000_003) % 1_000_000_000:09d}",
            "email": None,
            "gender": "female" if female else "male",
            "service_group": rng.choice(("B", "C", "C", "C", "D")),
        }


def seed(store: Store, rng: random.Random, context: dict[str, Any]) -> None:
    if not store.institute_code:
        init_centre(store, *INSTITUTE)
    districts = lookups.district_codes(store)
    departments = [r[0] for r in store.conn.execute("SELECT name_en FROM department")]
    total = int(context["participants"])
    made: list[str] = []
    rows = participant_rows(rng, total, districts, departments)
    counter = 0
    while counter < total:
        size = min(CHUNK, total - counter)
        chunk = [next(rows) for _ in range(size)]
        ids = [demo_id(rng, counter + i) for i in range(size)]
        made.extend(insert_many(store, "participant", chunk, ids=ids))
        counter += size
    context["participant_ids"] = made
