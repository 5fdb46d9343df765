"""`roster import|export|search` through the CLI: JSON shapes, exit codes, round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FILES = Path(__file__).parent / "files"


def count(db_path):
    from desktop.store import open_store

    with open_store(db_path, create=False) as s:
        return s.conn.execute("SELECT count(*) FROM participant").fetchone()[0]


def test_import_json_shape_and_exit_codes(cli, db_path):
    code, out, _ = cli("--db", db_path, "--json", "roster", "import", FILES / "utf8_bom.csv")
    assert code == 0
    payload = json.loads(out)
    assert {k: payload[k] for k in ("created", "updated", "unchanged", "rejected", "errors")} == {
        "created": 4,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
        "errors": [],
    }
    code, out, _ = cli("--db", db_path, "roster", "import", FILES / "duplicates.csv", "--json")
    assert code == 1
    payload = json.loads(out)
    assert payload["rejected"] == 2
    assert {"row", "field", "message"} == set(payload["errors"][0])


@pytest.mark.parametrize(
    "name",
    [
        "empty.csv",
        "missing_required.csv",
        "binary_garbage.csv",
        "cp437.csv",
        "nope.csv",
        "not_a_workbook.xlsx",
        "old_excel.xls",
    ],
)
def test_unusable_file_exit_2_and_nothing_changed(cli, db_path, name):
    cli("--db", db_path, "roster", "import", FILES / "utf8_bom.csv")
    code, out, err = cli("--db", db_path, "--json", "roster", "import", FILES / name)
    assert code == 2
    assert out == ""
    assert "karmayogi-desk:" in err
    assert count(db_path) == 4


def test_dry_run_and_report(cli, db_path, tmp_path):
    report = tmp_path / "rep.csv"
    code, out, _ = cli(
        "--db",
        db_path,
        "--json",
        "roster",
        "import",
        FILES / "bad_values.csv",
        "--dry-run",
        "--report",
        report,
    )
    assert code == 1
    assert json.loads(out)["dry_run"] is True
    assert count(db_path) == 0
    text = report.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].endswith(",Status,Error")
    assert "Atlantis" in text


def test_newer_database_is_refused(cli, db_path):
    from desktop.store import open_store

    with open_store(db_path) as s:
        s.conn.execute(
            "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES (?, ?, ?)",
            ("karmayogi-desk", "9999_from_the_future", "2030-01-01"),
        )
    before = db_path.read_bytes()
    code, _, err = cli("--db", db_path, "roster", "import", FILES / "utf8_bom.csv")
    assert code == 2 and "newer version" in err
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("fmt", ["kd", "igot"])
@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_export_round_trips_through_import(cli, db_path, tmp_path, fmt, ext):
    cli("--db", db_path, "roster", "import", FILES / "hindi_headers.csv")
    out_file = tmp_path / f"roster.{ext}"
    code, out, _ = cli("--db", db_path, "--json", "roster", "export", out_file, "--format", fmt)
    assert code == 0 and json.loads(out)["rows"] == 3
    code, out, _ = cli("--db", db_path, "--json", "roster", "import", out_file)
    assert code == 0
    payload = json.loads(out)
    assert (payload["unchanged"], payload["created"], payload["updated"]) == (3, 0, 0)
    # And into an empty database it recreates the same people.
    fresh = tmp_path / "fresh.db"
    cli("--db", fresh, "init", "--institute-code", "NEW", "--institute-name-en", "New")
    code, out, _ = cli("--db", fresh, "--json", "roster", "import", out_file)
    assert json.loads(out)["created"] == 3


def test_search_json(cli, db_path):
    cli("--db", db_path, "roster", "import", FILES / "utf8_bom.csv")
    code, out, _ = cli("--db", db_path, "--json", "roster", "search", "ramesh")
    assert code == 0
    rows = json.loads(out)
    assert rows[0]["name_hi"] == "रमेश कुमार"
    assert {"id", "name_en", "name_hi", "employee_code", "district_code"} <= set(rows[0])
    code, out, _ = cli("--db", db_path, "--json", "roster", "search", "UP1003", "--limit", "1")
    assert [r["name_en"] for r in json.loads(out)] == ["Rima Singh"]
    code, out, _ = cli("--db", db_path, "--json", "roster", "search", "zzzz")
    assert json.loads(out) == []
