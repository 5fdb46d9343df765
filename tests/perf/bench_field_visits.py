"""Benchmark of field visits: `python tests/perf/bench_field_visits.py` prints a table.

Saving, listing with filters, carried-over points, attaching photos (GPS stripped), and the
monthly review PDF, on a throw-away database in a temporary folder."""

from __future__ import annotations

import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PIL import Image  # noqa: E402

from desktop.core import attachments as att  # noqa: E402
from desktop.core import field_report  # noqa: E402
from desktop.core import field_visits as fv  # noqa: E402
from desktop.core.centre import init_centre  # noqa: E402
from desktop.store import open_store  # noqa: E402

VISITS = 5_000
TODAY = "2026-11-23"


def photo(rng: random.Random, size=(2400, 1800)) -> bytes:
    img = Image.effect_noise(size, 40).convert("RGB")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (26.0, 50.0, float(rng.randint(0, 59)))}
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=85, exif=exif.tobytes())
    return buffer.getvalue()


def timed(fn, repeat=1):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    rng = random.Random(1)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        init_centre(store, "BEN", "Bench")
        districts = [r[0] for r in store.conn.execute("SELECT code FROM district")]
        offices = [f"Office {i}" for i in range(40)]

        def make(i: int) -> dict:
            return {
                "district_code": rng.choice(districts[:10]),
                "office": rng.choice(offices),
                "department": "Revenue",
                "visit_date": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
                "purpose": "प्रशिक्षण आवश्यकता का आकलन",
                "team": ["Anita Singh", "अजय वर्मा"],
                "people_met": rng.randint(1, 40),
                "findings": "कार्यालय में कर्मचारियों से भेंट हुई। " * 5,
                "action_points": [
                    {
                        "text": f"कार्य {k}",
                        "owner": "DNO",
                        "due_date": f"2026-{rng.randint(1, 12):02d}-10",
                        "status": rng.choice(["open", "done"]),
                    }
                    for k in range(3)
                ],
            }

        start = time.perf_counter()
        for i in range(VISITS):
            fv.create_visit(store, make(i), today=TODAY)
        per_visit = (time.perf_counter() - start) / VISITS
        rows.append(
            (
                f"save a visit (validated, change-logged; {VISITS} in a row)",
                f"{per_visit * 1000:.2f} ms",
            )
        )
        t, result = timed(lambda: fv.list_visits(store, today=TODAY), 5)
        rows.append((f"list all {len(result)} visits with counts", f"{t * 1000:.0f} ms"))
        t, result = timed(
            lambda: fv.list_visits(store, district=districts[0], month="2026-05", today=TODAY), 5
        )
        rows.append((f"list one district, one month ({len(result)} visits)", f"{t * 1000:.1f} ms"))
        t, result = timed(lambda: fv.list_visits(store, status="overdue", today=TODAY), 5)
        rows.append((f"list overdue ({len(result)} visits)", f"{t * 1000:.0f} ms"))
        t, result = timed(
            lambda: fv.carried_over_points(store, districts[0], "office 3 ", before=TODAY), 5
        )
        rows.append((f"carried-over points for one office ({len(result)})", f"{t * 1000:.1f} ms"))
        pictures = [photo(rng) for _ in range(5)]
        t, _ = timed(lambda: [att.add_bytes(store, p, "p.jpg") for p in pictures])
        size = statistics.mean(len(p) for p in pictures) / 1e6
        rows.append(
            (f"attach a {size:.1f} MB photo, GPS stripped (first time)", f"{t / 5 * 1000:.0f} ms")
        )
        t, _ = timed(lambda: [att.add_bytes(store, p, "p.jpg") for p in pictures])
        rows.append(("attach the same photo again (deduplicated)", f"{t / 5 * 1000:.0f} ms"))
        refs = [att.add_bytes(store, p, "p.jpg").ref() for p in pictures]
        month_ids = [
            v.id for v in fv.list_visits(store, district=districts[0], month="2026-05", today=TODAY)
        ]
        for vid in month_ids[:10]:
            fv.update_visit(store, vid, {"attachments": refs[:2]}, today=TODAY)
        t, result = timed(
            lambda: field_report.monthly_report(
                store, districts[0], "2026-05", Path(tmp) / "m.pdf", today=TODAY
            ),
            3,
        )
        rows.append(
            (
                f"monthly review PDF ({result.visits} visits, {result.pages} pages, photos)",
                f"{t * 1000:.0f} ms",
            )
        )
        store.close()
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  result")
    print(f"{'-' * width}  ------")
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
