"""`--self-test`: prove that this installation works, end to end, on a throw-away database.

Run from source (`python -m desktop --self-test`) and inside the bundle (CI runs it after
building), so a bundle that lacks a module, a font, a template or a Qt plugin fails here,
naming the step, before a centre ever gets it. Each step uses the same core functions the
GUI and the CLI use; nothing touches the user's own data (everything lives in a temporary
folder, removed afterwards). The GUI step (the main window, offscreen) is added by the caller,
since the core imports no Qt."""

from __future__ import annotations

import csv
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

#: 24 people: enough for certificate rendering to use its worker processes (POOL_THRESHOLD),
#: the part of a frozen build most likely to break (they start the bundle's own executable)
PEOPLE = 24


class SelfTestFailed(Exception):
    """A step failed; `step` names it."""

    def __init__(self, step: str, detail: str) -> None:
        super().__init__(f"{step}: {detail}")
        self.step = step
        self.detail = detail


@dataclass
class SelfTest:
    """The state the steps share, and what each step took."""

    folder: Path
    timings: list[tuple[str, float]] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def db_path(self) -> Path:
        return self.folder / "self-test.db"


Step = Callable[[SelfTest], None]


def _roster_csv(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Name (English)", "Name (Hindi)", "Employee Code", "Mobile", "District",
                      "Designation", "Department"])  # fmt: skip
        for i in range(PEOPLE):
            out.writerow([f"Sita Devi {i}", f"सीता देवी {i}", f"ST{i:04d}", f"98765{i:05d}",
                          "Lucknow", "Assistant", "Revenue"])  # fmt: skip


def step_database(t: SelfTest) -> None:
    from desktop.core.setup import set_up_centre
    from desktop.store import open_store

    with open_store(t.db_path, create=True) as store:
        set_up_centre(store, "SELFTEST", "Self-test Centre", "स्व-परीक्षण केंद्र", desk=1)
        if store.institute_code != "SELFTEST":
            raise AssertionError(f"institute is {store.institute_code!r}")


def step_roster(t: SelfTest) -> None:
    from desktop.core.roster.importer import import_roster
    from desktop.store import open_store

    source = t.folder / "roster.csv"
    _roster_csv(source)
    with open_store(t.db_path) as store:
        result = import_roster(store, source, reader_process=False)
    if result.created != PEOPLE or result.rejected:
        raise AssertionError(
            f"created {result.created} of {PEOPLE}, rejected {result.rejected}: {result.errors[:2]}"
        )


def step_workshop(t: SelfTest) -> None:
    from desktop.core.enrolment import enrol
    from desktop.core.workshops import SessionPlan, WorkshopPlan, create_workshop, save_programme
    from desktop.store import open_store

    day = date.today().isoformat()
    with open_store(t.db_path) as store:
        programme = save_programme(
            store,
            {"code": "SELF", "title_en": "Self-test programme", "title_hi": "स्व-परीक्षण",
             "hours": 3, "min_attendance_pct": 75},
        )  # fmt: skip
        workshop = create_workshop(
            store,
            WorkshopPlan(
                programme_id=programme, title_en="Self-test workshop", title_hi="स्व-परीक्षण",
                mode="institute", venue="Lucknow", district_code="LKO", start_date=day,
                end_date=day, sessions=[SessionPlan(day, "00:00", "23:59", "Self-test")],
            ),
        )  # fmt: skip
        people = [r[0] for r in store.conn.execute("SELECT id FROM participant ORDER BY id")]
        for person in people:
            enrol(store, workshop, person)
        session = store.conn.execute(
            "SELECT id FROM session WHERE workshop_id = ?", (workshop,)
        ).fetchone()[0]
    t.facts.update(workshop=workshop, session=session, people=people)


def step_attendance(t: SelfTest) -> None:
    from desktop.core.attendance.desk import Desk
    from desktop.store import open_store

    with open_store(t.db_path) as store:
        desk = Desk(store, t.facts["session"])
        for person in t.facts["people"]:
            result = desk.mark(person, status="present", method="search", check_window=False)
            if result.outcome != "marked":
                raise AssertionError(f"{person}: {result.outcome} ({result.message})")


def step_certificate(t: SelfTest) -> None:
    from desktop.core.certificates.issue import issue_certificates
    from desktop.core.certificates.verify import verify_file
    from desktop.store import open_store

    with open_store(t.db_path) as store:
        result = issue_certificates(store, t.facts["workshop"], workers=2)
        if len(result.issued) != PEOPLE:
            raise AssertionError(f"issued {len(result.issued)} of {PEOPLE}: {result.skipped[:2]}")
        first = result.issued[0]
        check = verify_file(first.pdf, store=store)
        if not check.valid:
            raise AssertionError(f"{first.number} does not verify: {check.reason} {check.detail}")
    t.facts["certificate"] = first.number


def step_report(t: SelfTest) -> None:
    from desktop.core.report_pdf import write_pdf
    from desktop.core.report_xlsx import write_xlsx
    from desktop.core.review import build_review
    from desktop.store import open_store

    month = date.today().strftime("%Y-%m")
    with open_store(t.db_path) as store:
        review = build_review(store, month)
        if review.funnel.attended != PEOPLE:
            raise AssertionError(f"the review counts {review.funnel.attended} attended")
        for out in (t.folder / "review.xlsx", t.folder / "review.pdf"):
            if out.suffix == ".xlsx":
                write_xlsx(review, out)
            else:
                write_pdf(store, review, out)
            if out.stat().st_size < 1000:
                raise AssertionError(f"{out.name} is only {out.stat().st_size} bytes")


STEPS: list[tuple[str, Step]] = [
    ("open a temporary database", step_database),
    ("import a roster", step_roster),
    ("plan a workshop and enrol", step_workshop),
    ("mark a session", step_attendance),
    ("render and verify a certificate", step_certificate),
    ("write a report", step_report),
]


@contextmanager
def scratch() -> Iterator[SelfTest]:
    with tempfile.TemporaryDirectory(prefix="kd-self-test-") as folder:
        yield SelfTest(Path(folder))


def run_steps(t: SelfTest, steps: list[tuple[str, Step]], report: Callable[[str], None]) -> None:
    """Run `steps` in order; the first failure raises SelfTestFailed naming its step."""
    for name, step in steps:
        started = time.perf_counter()
        try:
            step(t)
        except SelfTestFailed:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure is reported with its step
            raise SelfTestFailed(name, f"{type(exc).__name__}: {exc}") from exc
        took = time.perf_counter() - started
        t.timings.append((name, took))
        report(f"ok   {name} ({took:.2f} s)")
