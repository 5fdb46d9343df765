"""Issue 13 item 1: a mapping chosen for a header set is remembered and offered for the next
file with the same headers (CLI here; the GUI in tests/ui/test_gui_roster_office_files.py)."""

from __future__ import annotations

import json

from desktop.core.roster import remembered
from desktop.store import open_store

HEADER = "Name (English),Employee Code,Posting Place,Remarks\n"


def _file(path, rows):
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_cli_remembers_map_and_ignore_for_the_same_headers(cli, db_path, tmp_path):
    first = _file(tmp_path / "may.csv", ["Asha Verma,RM001,Agra,new joiner\n"])
    code, out, err = cli("--db", db_path, "--json", "roster", "import", first)
    assert code == 2 and json.loads(out)["unmapped_columns"] == ["Posting Place", "Remarks"]
    code, out, err = cli(
        "--db", db_path, "--json", "roster", "import", first,
        "--map", "Posting Place=district_code", "--ignore", "Remarks",
    )  # fmt: skip
    assert code == 0, err
    # next month's list, same headers, no options: the choice is offered and used
    second = _file(tmp_path / "june.csv", ["Ravi Yadav,RM002,Lucknow,transfer\n"])
    code, out, err = cli("--db", db_path, "--json", "roster", "import", second)
    assert code == 0, err
    assert "remembered" in err
    assert json.loads(out)["created"] == 1
    with open_store(db_path) as store:
        row = store.conn.execute(
            "SELECT district_code FROM participant WHERE employee_code = 'RM002'"
        ).fetchone()
        assert row[0] == "LKO"


def test_other_headers_are_not_offered_the_choice(cli, db_path, tmp_path):
    first = _file(tmp_path / "may.csv", ["Asha Verma,RM001,Agra,x\n"])
    cli("--db", db_path, "roster", "import", first, "--map", "Posting Place=district_code",
        "--ignore", "Remarks")  # fmt: skip
    other = tmp_path / "other.csv"
    other.write_text(
        "Name (English),Employee Code,Posting Place,Remarks,Extra\nB,RM009,Agra,x,y\n",
        encoding="utf-8",
    )
    code, out, err = cli("--db", db_path, "--json", "roster", "import", other)
    assert code == 2
    assert "Extra" in json.loads(out)["unmapped_columns"]


def test_headers_compare_as_the_vocabulary_does(store):
    remembered.remember(store, ["Name (English)", "मोबाइल नं."], ["name_en", "mobile"])
    found = remembered.recall(store.conn, ["NAME  (english)", "मोबाइल नं"])
    assert found is not None and found[0] == ["name_en", "mobile"]
    assert remembered.recall(store.conn, ["Name (English)"]) is None
