"""The import dialog's preview is the core's own dry run: for every row it shows, it reports
the same fate and the same problems as the import itself, and it writes nothing."""

from __future__ import annotations

from desktop.core.roster.importer import import_roster
from desktop.ui.roster.import_flow import PREVIEW_STATUS, open_import

MAPPING = ["name_en", "employee_code", "igot_user_id", "mobile", "district_code"]

TRICKY = """Name,Employee Code,iGOT User ID,Mobile,District
Ram Kumar,C1,,98765 00011,Lucknow
Ram Again,C1,,9876500012,Agra
Asha Known,A1,,9876500001,Lucknow
Bad Mobile,D1,,12345,Lucknow
Nowhere Man,E1,,9876500015,Atlantis
Rejected First,F1,,555,Agra
F Second,F1,,9876500017,Agra
Borrowed Igot,G1,igot-b,9876500018,Agra
"""

#: row → (status, [(field, problem code)]) as the import decides them
EXPECTED = {
    2: ("created", []),
    3: ("rejected", [("employee_code", "duplicate_in_file")]),  # C1 again in the file
    4: ("updated", []),  # A1 is already in the database: matched and updated
    5: ("rejected", [("mobile", "mobile_invalid")]),
    6: ("rejected", [("district_code", "district_unknown")]),
    7: ("rejected", [("mobile", "mobile_invalid")]),
    8: ("created", []),  # F1's first row was rejected, so this one is no duplicate
    9: ("rejected", [("igot_user_id", "identity_mismatch")]),  # iGOT id of B, code not B1
}


def _known_people(store) -> None:
    store.insert(
        "participant",
        {"name_en": "Asha", "employee_code": "A1", "igot_user_id": "igot-a", "mobile": "9876500001"},
    )
    store.insert(
        "participant",
        {"name_en": "Bharat", "employee_code": "B1", "igot_user_id": "igot-b"},
    )


def _count(store) -> tuple[int, int]:
    conn = store.conn
    return (
        conn.execute("SELECT count(*) FROM participant").fetchone()[0],
        conn.execute("SELECT count(*) FROM change_log").fetchone()[0],
    )


def test_preview_and_import_report_the_same_problems_for_the_same_rows(store, tmp_path):
    _known_people(store)
    path = tmp_path / "tricky.csv"
    path.write_text(TRICKY, encoding="utf-8")
    plan = open_import(path)
    before = _count(store)

    preview = plan.evaluate(store, MAPPING)
    assert _count(store) == before  # the dry run rolled back

    outcomes = []
    result = import_roster(
        store, path, mapping=plan.mapping_dict(MAPPING), on_row=outcomes.append
    )
    imported = {
        o.row: (o.status, [(p.field, p.code) for p in o.errors]) for o in outcomes
    }
    assert imported == EXPECTED  # the file really is tricky in the ways the test means
    assert {
        r.line: (r.status, [(p.field, p.code) for p in r.problems]) for r in preview
    } == {row: (PREVIEW_STATUS[status], problems) for row, (status, problems) in imported.items()}
    # The English text shown for each problem is the import's own, word for word.
    assert {r.line: r.errors for r in preview if r.errors} == {
        row: [p[1] for p in problems]
        for row, problems in _by_row(result.problems).items()
    }
    assert (result.created, result.updated, result.rejected) == (2, 1, 5)


def _by_row(problems) -> dict[int, list]:
    out: dict[int, list] = {}
    for row, problem in problems:
        out.setdefault(row, []).append(problem)
    return out


def test_preview_shows_only_the_first_rows(store, tmp_path):
    path = tmp_path / "tricky.csv"
    path.write_text(TRICKY, encoding="utf-8")
    preview = open_import(path).evaluate(store, MAPPING, limit=3)
    assert [r.line for r in preview] == [2, 3, 4]
    assert [r.status for r in preview] == ["new", "error", "new"]  # A1 unknown here
