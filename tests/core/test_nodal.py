"""Nodal officers: a synced kind with its change log, the portal's checks, the CLI, and the
department's monthly review."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from desktop.core.nodal import NodalError, add_officer, officers
from desktop.core.report_pdf import write_pdf
from desktop.core.review import Filters, build_review
from desktop.portal.validate import check_record
from desktop.protocol.records import row_to_record


def test_add_is_logged_for_sync_and_reads_back(store):
    oid = add_officer(
        store, "Revenue", " Anita Verma ", "Special Secretary", "+91 98390-12345", "a@up.gov.in"
    )
    logged = store.conn.execute(
        "SELECT kind, record_id, state FROM change_log WHERE kind = 'nodal_officer'"
    ).fetchall()
    assert [tuple(r) for r in logged] == [("nodal_officer", oid, "pending")]
    record = row_to_record("nodal_officer", store.require("nodal_officer", oid))
    assert record["data"] == {
        "department": "Revenue",
        "name": "Anita Verma",
        "designation": "Special Secretary",
        "phone": "9839012345",
        "email": "a@up.gov.in",
    }
    assert check_record(record) == []  # what the desk sends, the portal accepts
    store.update("nodal_officer", oid, {"designation": "Secretary"})
    assert store.conn.execute(
        "SELECT count(*) FROM change_log WHERE record_id = ?", (oid,)
    ).fetchone()[0] == 2
    assert [o.designation for o in officers(store, "Revenue")] == ["Secretary"]
    assert officers(store, "Health") == []
    store.delete("nodal_officer", oid)
    assert officers(store) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Revenu", "A"), "department 'Revenu'"),
        (("Revenue", "  "), "name: is required"),
        (("Revenue", "A", None, "12345"), "phone '12345'"),
        (("Revenue", "A", None, None, "not-mail"), "email 'not-mail'"),
    ],
)
def test_bad_input_is_named_and_nothing_stored(store, args, message):
    with pytest.raises(NodalError, match=message):
        add_officer(store, *args)
    assert store.conn.execute("SELECT count(*) FROM nodal_officer").fetchone()[0] == 0


def test_portal_refuses_a_bad_phone():
    record = {
        "kind": "nodal_officer",
        "id": "01a2496f-b7ec-707d-a568-7f3250401dfa",
        "updated_at": "2026-11-22T10:15:30.123Z",
        "origin": "01a2496f-b7ec-707d-a568-7f3250401dfb",
        "deleted": False,
        "data": {"department": "Revenue", "name": "A", "designation": None, "phone": "123",
                 "email": None},
    }
    assert [p.message for p in check_record(record)] == ["phone: must be 10 digits starting with 6, 7, 8 or 9"]


def test_cli_add_and_list(cli, db_path):
    code, stdout, _ = cli(
        "--db", db_path, "--json", "nodal", "add", "Revenue", "--name", "Anita Verma",
        "--phone", "9839012345",
    )
    assert code == 0 and json.loads(stdout)["name"] == "Anita Verma"
    code, stdout, _ = cli("--db", db_path, "--json", "nodal", "list", "--department", "Revenue")
    assert code == 0
    assert [(o["name"], o["phone"]) for o in json.loads(stdout)] == [("Anita Verma", "9839012345")]
    code, _, err = cli("--db", db_path, "nodal", "add", "Nowhere", "--name", "X")
    assert code == 2 and "department 'Nowhere'" in err


def test_shown_on_the_department_report(dataset, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    store, _ = dataset
    add_officer(store, "Revenue", "Anita Verma", "Special Secretary", "9839012345")
    add_officer(store, "Basic Education", "Ravi Kant")
    review = build_review(store, "2026-11", filters=Filters(department="Revenue"))
    path = write_pdf(store, review, tmp_path / "r.pdf")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "नोडल अधिकारी / Nodal officer: Anita Verma, Special Secretary, 9839012345" in text
    assert "Ravi Kant" not in text  # another department's officer
    path = write_pdf(store, build_review(store, "2026-11"), tmp_path / "all.pdf")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "नोडल अधिकारी / Nodal officers" in text and "Ravi Kant" in text
    from openpyxl import load_workbook

    from desktop.core.report_xlsx import write_xlsx

    book = load_workbook(write_xlsx(review, tmp_path / "r.xlsx"))
    rows = [[c.value for c in r] for r in book["Nodal officers"].iter_rows(min_row=2)]
    assert rows == [["Revenue", "Anita Verma", "Special Secretary", "9839012345", None]]
