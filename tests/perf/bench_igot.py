"""iGOT forwarding benchmark (issue 14): 10,000 attended marks of 2,000 learners (5 sessions
of one linked workshop) forwarded to the fake Sunbird course service on loopback; then a run
with nothing new.

Run: `python tests/perf/bench_igot.py [--learners N] [--sessions S]`. Prints a table."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.core.centre import init_centre  # noqa: E402
from desktop.core.igot import settings as igot_settings  # noqa: E402
from desktop.core.igot.client import IgotClient  # noqa: E402
from desktop.core.igot.forward import forward  # noqa: E402
from desktop.store import open_store  # noqa: E402
from desktop.store.bulk import insert_many  # noqa: E402
from tests.igot.fakeigot import FakeIgot  # noqa: E402

COURSE, BATCH = "do_1139000000000001", "01390000000000000001"


def fill(store, learners: int, sessions: int) -> int:
    prog = store.insert("programme", {"code": "P1", "title_en": "Programme", "hours": 6,
                                      "min_attendance_pct": 75})
    ws = store.insert("workshop", {
        "programme_id": prog, "institute_code": "TST", "title_en": "Bench", "mode": "institute",
        "venue": "Hall", "district_code": "LKO", "start_date": "2026-11-20",
        "end_date": "2026-11-24", "trainers": ["T"], "igot_course_id": COURSE,
        "igot_batch_id": BATCH})
    sids = insert_many(store, "session", (
        {"workshop_id": ws, "date": f"2026-11-{20 + i:02d}", "start_time": "10:00",
         "end_time": "13:00", "topic_en": f"Topic {i}", "igot_session_id": f"do_113900{i:08d}"}
        for i in range(sessions)))
    pids = insert_many(store, "participant", (
        {"name_en": f"Learner {i}", "employee_code": f"EMP{i:06d}",
         "igot_user_id": f"uid-{i:06d}"} for i in range(learners)))
    insert_many(store, "attendance", (
        {"session_id": sid, "participant_id": pid, "status": "late" if n % 7 == 0 else "present",
         "marked_at": "2026-11-20T04:45:30.123Z", "method": "scan", "marked_by": "bench"}
        for sid in sids for n, pid in enumerate(pids)))
    return len(sids) * len(pids)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=2_000)
    parser.add_argument("--sessions", type=int, default=5)
    args = parser.parse_args()
    rows: list[tuple[str, float, str]] = []
    fake = FakeIgot()
    fake.add_batch(BATCH, COURSE)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(Path(tmp) / "desk.db")
            init_centre(store, "TST", "Test Institute", "परीक्षण संस्थान")
            marks = fill(store, args.learners, args.sessions)
            igot_settings.save(store, base_url=fake.url, api_key=fake.api_key,
                               token=next(iter(fake.tokens)))
            conf = igot_settings.load(store)
            with IgotClient(conf) as client:
                t = time.perf_counter()
                result = forward(store, client)
                took = time.perf_counter() - t
                assert result.forwarded == marks and result.pending == 0, result.as_json()
                assert len(set(fake.writes)) == marks and not fake.violations
                rows.append((f"forward {marks:,} marks of {args.learners:,} learners "
                             f"({fake.requests:,} requests)", took, "≤ 20 s"))
                times = []
                for _ in range(5):
                    before = fake.requests
                    t = time.perf_counter()
                    idle = forward(store, client)
                    times.append(time.perf_counter() - t)
                    assert fake.requests == before and idle.already == marks
                rows.append(("run with nothing new (median of 5)", sorted(times)[2], "≤ 0.2 s"))
            store.close()
    finally:
        fake.stop()
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'seconds':>8}  target")
    for name, secs, target in rows:
        print(f"{name:<{width}}  {secs:>8.3f}  {target}")
    print(f"(load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
