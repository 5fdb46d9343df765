"""Portal throughput.

`python tests/perf/bench_portal.py [N]`: one desk posts N attendance records (default
100,000) in batches of 1,000 (gzip, as a desk would) to a portal on loopback, then times what
an idle sync asks (info, changes, digest).

`python tests/perf/bench_portal.py --desks 50 [--batches 2] [--workers 1,2]`: 50 desks
sync at once, each posting 1,000-record batches to `portal serve --workers W` (a real
server process) on PostgreSQL (a durable throw-away cluster on loopback) and on SQLite:
records/s applied, p50/p95 batch latency, errors, as a table with `uptime`."""

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


def many(desks: int, batches: int, workers: list[int]) -> None:
    """The concurrent benchmark (see the module docstring)."""
    import subprocess
    import threading

    from tests.pg_cluster import PgCluster

    rows = []
    cluster = PgCluster(durable=True)
    try:
        runs = [("postgresql", w) for w in workers] + [("sqlite", max(workers))]
        for store, w in runs:
            with tempfile.TemporaryDirectory() as tmp:
                target = ["--database", cluster.new_database()] if store == "postgresql" \
                    else ["--data", str(Path(tmp) / "p")]
                codes = [f"BENCH-{i}" for i in range(desks)]
                proc = subprocess.Popen(
                    [sys.executable, "-m", "desktop", "--json", "portal", "serve", "--port",
                     "0", "--workers", str(w), "--quiet", "--rate", "1000", "--burst", "1000",
                     "--institute-code", "TST", *target,
                     *[x for c in codes for x in ("--enrolment-code", c)]],
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                    cwd=Path(__file__).resolve().parents[2])
                try:
                    url = json.loads(proc.stdout.readline())["url"]
                    rows.append(_run_desks(url, store, w, codes, batches, threading))
                finally:
                    proc.terminate()
                    proc.wait(timeout=30)
    finally:
        cluster.stop()
    head = ("store", "workers", "desks × batches × records", "records/s applied",
            "p50 batch", "p95 batch", "errors")
    table = [head, *rows]
    widths = [max(len(str(r[i])) for r in table) for i in range(len(head))]
    for i, r in enumerate(table):
        print("| " + " | ".join(f"{str(c):<{widths[j]}}" for j, c in enumerate(r)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (wd + 2) for wd in widths) + "|")
    import os

    print(f"uptime: {os.popen('uptime').read().strip()}")


def _run_desks(url: str, store: str, w: int, codes: list[str], batches: int,
               threading) -> tuple:
    with httpx.Client(base_url=url, timeout=60) as client:
        for _ in range(200):
            try:
                if client.get("/health").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        devices = []
        for code in codes:
            device = new_id()
            answer = client.post("/devices/enrol", json={
                "enrolment_code": code, "device_id": device, "device_name": "bench",
                "institute_code": "TST", "public_key": "A" * 43})
            assert answer.status_code == 201, answer.text
            devices.append((device, answer.json()["device_token"]))
    work = []
    for device, token in devices:
        bodies = []
        for _ in range(batches):
            batch_id = new_id()
            records = [{
                "kind": "attendance", "id": new_id(), "updated_at": now_ts(),
                "origin": device, "deleted": False,
                "data": {"session_id": new_id(), "participant_id": new_id(),
                         "status": "present", "marked_at": now_ts(), "method": "scan",
                         "marked_by": "bench"}} for _ in range(1000)]
            raw = json.dumps({"protocol": 1, "batch_id": batch_id, "device_id": device,
                              "institute_code": "TST", "created_at": now_ts(),
                              "records": records}).encode()
            bodies.append((batch_id, gzip.compress(raw, compresslevel=5)))
        work.append((token, bodies))
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(len(work) + 1)

    def desk(token: str, bodies: list) -> None:
        with httpx.Client(base_url=url, timeout=300) as c:
            c.get("/info")  # connect before the clock starts
            start.wait()
            for batch_id, body in bodies:
                t0 = time.perf_counter()
                try:
                    r = c.post("/batches", content=body, headers={
                        "Authorization": f"Bearer {token}", "Idempotency-Key": batch_id,
                        "Content-Type": "application/json", "Content-Encoding": "gzip"})
                    ok = r.status_code == 200 and all(
                        x["status"] == "applied" for x in r.json()["results"])
                    problem = None if ok else f"{r.status_code} {r.text[:100]}"
                except httpx.HTTPError as exc:
                    problem = repr(exc)
                with lock:
                    latencies.append(time.perf_counter() - t0)
                    if problem:
                        errors.append(problem)

    threads = [threading.Thread(target=desk, args=item) for item in work]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    with httpx.Client(base_url=url, timeout=60) as client:
        held = client.get("/health").json()["seq"]
    total = len(work) * batches * 1000
    assert held == total - 1000 * len(errors), (held, total, errors[:3])
    lat = sorted(latencies)
    return (store, w, f"{len(work)} × {batches} × 1,000", f"{total / wall:,.0f}",
            f"{statistics.median(lat):.2f} s", f"{lat[int(0.95 * (len(lat) - 1))]:.2f} s",
            len(errors))


if __name__ == "__main__":
    if "--desks" in sys.argv:
        import argparse

        parser = argparse.ArgumentParser()
        parser.add_argument("--desks", type=int, default=50)
        parser.add_argument("--batches", type=int, default=2)
        parser.add_argument("--workers", default="2")
        options = parser.parse_args()
        many(options.desks, options.batches, [int(x) for x in options.workers.split(",")])
    else:
        main()
