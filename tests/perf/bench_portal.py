"""Reference portal throughput: `python tests/perf/bench_portal.py [N]`.

Posts N attendance records (default 100,000) in batches of 1,000 (gzip, as a desk would)
to a portal on loopback, then times what an idle sync asks (info, changes, digest)."""

from __future__ import annotations

import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx  # noqa: E402

from desktop.portal.server import start_portal  # noqa: E402
from desktop.protocol.ids import new_id, now_ts  # noqa: E402


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp, start_portal(Path(tmp) / "p") as portal:
        portal.add_enrolment_code("BENCH", "TST")
        device = new_id()
        with httpx.Client(base_url=portal.url, timeout=60) as client:
            token = client.post("/devices/enrol", json={
                "enrolment_code": "BENCH", "device_id": device, "device_name": "bench",
                "institute_code": "TST", "public_key": "A" * 43}).json()["device_token"]
            auth = {"Authorization": f"Bearer {token}"}
            sessions = [new_id() for _ in range(20)]
            bodies = []
            t0 = time.perf_counter()
            for start in range(0, total, 1000):
                batch_id = new_id()
                records = [{
                    "kind": "attendance", "id": new_id(), "updated_at": now_ts(),
                    "origin": device, "deleted": False,
                    "data": {"session_id": sessions[i % 20], "participant_id": new_id(),
                             "status": "present", "marked_at": now_ts(), "method": "scan",
                             "marked_by": "bench"}} for i in range(start, min(total, start + 1000))]
                raw = json.dumps({"protocol": 1, "batch_id": batch_id, "device_id": device,
                                  "institute_code": "TST", "created_at": now_ts(),
                                  "records": records}).encode()
                bodies.append((batch_id, gzip.compress(raw, compresslevel=5)))
            build = time.perf_counter() - t0
            t0 = time.perf_counter()
            for batch_id, body in bodies:
                r = client.post("/batches", content=body, headers={
                    **auth, "Idempotency-Key": batch_id, "Content-Type": "application/json",
                    "Content-Encoding": "gzip"})
                assert r.status_code == 200, r.text
            push = time.perf_counter() - t0
            t0 = time.perf_counter()
            for batch_id, body in bodies[:10]:
                r = client.post("/batches", content=body, headers={
                    **auth, "Idempotency-Key": batch_id, "Content-Type": "application/json",
                    "Content-Encoding": "gzip"})
                assert r.headers["Idempotent-Replay"] == "true"
            replay = (time.perf_counter() - t0) / 10
            assert len(portal.records(["attendance"])) == total
            rows.append((f"build+gzip {total:,} records (client side, not portal)",
                         f"{build:.2f} s"))
            rows.append((f"POST {len(bodies)} batches of ≤1,000 attendance (gzip)",
                         f"{push:.2f} s ({total / push:,.0f} records/s)"))
            rows.append(("replay of a stored batch", f"{replay * 1000:.1f} ms"))
            for label, path in [("GET /info", "/info"), ("GET /changes (nothing new)",
                                                          "/changes?since=" + str(total)),
                                ("GET /devices/{id}/digest", f"/devices/{device}/digest")]:
                times = []
                for _ in range(5):
                    t0 = time.perf_counter()
                    assert client.get(path, headers=auth).status_code == 200
                    times.append(time.perf_counter() - t0)
                rows.append((label, f"{statistics.median(times) * 1000:.1f} ms (median of 5)"))
    width = max(len(a) for a, _ in rows)
    print(f"{'reference portal, loopback':<{width}} | result")
    print("-" * width + "-|-" + "-" * 30)
    for a, b in rows:
        print(f"{a:<{width}} | {b}")


if __name__ == "__main__":
    main()
