"""Benchmark of the monthly review at state scale: 1,880,000 participants and 5,000,000
attendance rows.

    python tests/perf/bench_reports.py [--db /tmp/kd-bench-reports.db] [--fresh]

Measures (targets from the issue): the funnel the dashboard refreshes after a filter change
(≤ 1 s), the whole review with its 12-month trend, the monthly workbook and the PDF for all
departments (≤ 10 s each; the review read cold, nothing kept, as `report monthly` in a new
process), and Export… of the whole 1.88M roster to XLSX and CSV (`--no-export` skips it). The database is bench_attendance.py's (generated once, cached),
with the roster spread over the starter departments, the 75 districts and the four service
groups so that every breakdown has rows."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_attendance import ATTENDANCE, PARTICIPANTS, generate  # noqa: E402

from desktop.core.lookups import district_names  # noqa: E402
from desktop.core.report_pdf import write_pdf  # noqa: E402
from desktop.core.report_xlsx import write_xlsx  # noqa: E402
from desktop.core.review import Filters, build_review, clear_cache, trend  # noqa: E402
from desktop.core.roster.listing import iter_roster, roster_count  # noqa: E402
from desktop.core.table_export import export_table  # noqa: E402
from desktop.store import open_store  # noqa: E402

BENCH_VERSION = "reports-1"
MONTH = "2025-03"  # inside the generated workshops' span (Jan 2024 – Aug 2025)


def spread(path: Path) -> None:
    """Give the generated roster departments, districts and groups (by seq, reproducibly)."""
    with open_store(path) as store, store.transaction():
        departments = [r[0] for r in store.conn.execute("SELECT name_en FROM department")]
        districts = [r[0] for r in store.conn.execute("SELECT code FROM district")]
        store.conn.execute("CREATE TEMP TABLE d(i INTEGER PRIMARY KEY, v TEXT)")
        store.conn.executemany("INSERT INTO d VALUES (?, ?)", enumerate(departments))
        store.conn.execute("CREATE TEMP TABLE z(i INTEGER PRIMARY KEY, v TEXT)")
        store.conn.executemany("INSERT INTO z VALUES (?, ?)", enumerate(districts))
        store.conn.execute(
            "UPDATE participant SET "
            f"department = (SELECT v FROM d WHERE i = seq % {len(departments)}), "
            f"district_code = (SELECT v FROM z WHERE i = seq % {len(districts)}), "
            "service_group = substr('ABCCDD', 1 + seq % 6, 1)"
        )
        store.conn.execute("DELETE FROM change_log")  # a synced desk: nothing pending
        store.meta_set("bench.version", BENCH_VERSION)
    with open_store(path) as store:
        store.conn.execute("ANALYZE")


def export_roster(store, path: Path) -> int:
    """What Export… on the roster page writes for the whole list (English names)."""
    districts = district_names(store)  # the English page: stored (English) departments
    headers = ["Name (Hindi)", "Name (English)", "Employee code", "Designation", "Department",
               "District", "Mobile"]
    rows = (
        [r.name_hi, r.name_en, r.employee_code, r.designation, r.department,
         districts.get(r.district_code, (r.district_code,))[0], r.mobile]
        for r in iter_roster(store)
    )
    return export_table(path, headers, rows, total=roster_count(store), title="Roster")


def timed(label: str, fn):
    t0 = time.perf_counter()
    result = fn()
    took = time.perf_counter() - t0
    print(f"  {label}: {took:.2f} s", flush=True)
    return result, took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.path.join(tempfile.gettempdir(), "kd-bench-reports.db"))
    parser.add_argument("--fresh", action="store_true", help="regenerate the cached database")
    parser.add_argument("--no-export", action="store_true", help="skip the roster export")
    args = parser.parse_args()
    path = Path(args.db)
    cached = False
    if path.exists() and not args.fresh:
        with open_store(path) as store:
            cached = store.meta_get("bench.version") == BENCH_VERSION
    if not cached:
        print(f"generating {PARTICIPANTS:,} participants, {ATTENDANCE:,} marks in {path} …")
        generate(path)
        spread(path)
    out = Path(tempfile.mkdtemp(prefix="kd-bench-reports-"))
    with open_store(path) as store:
        n_people = store.conn.execute("SELECT max(seq) FROM participant").fetchone()[0]
        n_marks = store.conn.execute("SELECT count(*) FROM attendance").fetchone()[0]
        print(f"database: {n_people:,} participants, {n_marks:,} attendance rows", flush=True)

        def dashboard(f: Filters):  # what the page reads first: the month, no trend
            return build_review(
                store, MONTH, filters=f, trend_months=0, breakdowns=("by_department",),
                workshop_lines=False,
            )

        _, cold = timed("dashboard month, first", lambda: dashboard(Filters()))
        refresh = []
        for f in (
            Filters(department="Revenue"),
            Filters(district_code="LKO"),
            Filters(service_group="A/B"),
            Filters(mode="institute"),
        ):
            refresh.append(timed(f"dashboard month, {f}", lambda f=f: dashboard(f))[1])
        _, t_trend = timed("dashboard trend, 12 months", lambda: trend(store, MONTH))
        clear_cache()  # the report as `report monthly` makes it: a new process, nothing kept
        review, t_review = timed(
            "whole review (funnel, breakdowns, 12-month trend)", lambda: build_review(store, MONTH)
        )
        _, t_xlsx = timed("workbook", lambda: write_xlsx(review, out / "review.xlsx"))
        _, t_pdf = timed(
            "PDF, all departments", lambda: write_pdf(store, review, out / "review.pdf")
        )
        exports = [] if args.no_export else [
            (fmt, *timed(f"roster export, {fmt}", lambda fmt=fmt: export_roster(
                store, out / f"roster.{fmt}")))
            for fmt in ("csv", "xlsx")
        ]
    rows = [
        ("database", f"{n_people:,} participants, {n_marks:,} attendance rows", ""),
        (
            "dashboard refresh after a filter change",
            f"max {max(refresh):.2f} s (first {cold:.2f} s)",
            "≤ 1 s",
        ),
        ("dashboard 12-month trend (read after the month is shown)", f"{t_trend:.2f} s", ""),
        (
            "monthly workbook, all departments",
            f"{t_review + t_xlsx:.1f} s (review {t_review:.1f} s + file {t_xlsx:.1f} s)",
            "≤ 10 s",
        ),
        (
            "monthly PDF, all departments",
            f"{t_review + t_pdf:.1f} s (review {t_review:.1f} s + file {t_pdf:.1f} s)",
            "≤ 10 s",
        ),
    ]
    for fmt, count, took in exports:
        size = (out / f"roster.{fmt}").stat().st_size / 2**20
        rows.append((f"Export… the whole roster to {fmt.upper()}",
                     f"{count:,} rows in {took:.0f} s ({size:.0f} MiB)", ""))
    print()
    print("| measure | result | target |")
    print("| --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    ok = max(refresh) <= 1 and t_review + t_xlsx <= 10 and t_review + t_pdf <= 10
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
