"""Commands that write where the user says never create missing folders (a mistyped USB path
would put the file on the laptop's own disk), and inputs that look fine but are not say so."""

from __future__ import annotations

import json

import pytest

from desktop.store import open_store


def _missing(tmp_path):
    return tmp_path / "usb-stick" / "backups"


@pytest.mark.parametrize(
    "argv",
    [
        ("backup", "{dir}/centre.kdbackup"),
        ("backup", "{dir}/centre.db"),
        ("report", "monthly", "--month", "2026-11", "--out", "{dir}/review.xlsx"),
        ("report", "monthly", "--month", "2026-11", "--out", "{dir}/review.pdf"),
        ("roster", "export", "{dir}/roster.csv"),
        ("bundle", "export", "{dir}/field.kdbundle"),
        ("export", "{dir}/all.jsonl"),
        ("field", "report", "--month", "2026-10", "--district", "LKO", "--out", "{dir}/f.pdf"),
        ("certificates", "reprint", "TST/2026/0000011", "--out", "{dir}/c.pdf"),
    ],
)
def test_missing_folders_are_refused_not_created(cli, db_path, tmp_path, argv):
    folder = _missing(tmp_path)
    code, out, err = cli("--db", db_path, *[a.format(dir=folder) for a in argv])
    assert code == 2, err
    # The message names the first folder that is missing: what was mistyped.
    assert f"The folder {tmp_path / 'usb-stick'} does not exist" in err
    assert "Nothing was written" in err
    assert not (tmp_path / "usb-stick").exists()


def test_backup_into_an_existing_folder_uses_the_usual_name(cli, db_path, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    code, out, err = cli("--db", db_path, "--json", "backup", stick, "--no-passphrase")
    assert code == 0, err
    written = json.loads(out)["backup"]
    assert written.startswith(str(stick / "desk-backup-")) and written.endswith(".kdbackup")


def test_certificates_issue_out_refuses_before_issuing(cli, db_path, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent / "certificates"))
    from certdata import make_workshop

    with open_store(db_path) as s:
        ws = make_workshop(s)["workshop"]
    code, _, err = cli("--db", db_path, "certificates", "issue", "--workshop", ws,
                       "--out", _missing(tmp_path))  # fmt: skip
    assert code == 2 and "usb-stick does not exist" in err
    with open_store(db_path) as s:
        assert s.conn.execute("SELECT count(*) FROM certificate").fetchone()[0] == 0
    # The named folder itself is made when its parent is there (as mkdir would).
    code, out, err = cli("--db", db_path, "--json", "certificates", "issue", "--workshop", ws,
                         "--out", tmp_path / "out")  # fmt: skip
    assert code == 0 and len(json.loads(out)) == 4 and (tmp_path / "out").is_dir()


def test_restore_of_an_empty_file_explains(cli, db_path, tmp_path):
    empty = tmp_path / "copy.kdbackup"
    empty.write_bytes(b"")
    before = db_path.read_bytes()
    code, _, err = cli("--db", db_path, "restore", empty)
    assert code == 2 and "copy.kdbackup is not a usable Karmayogi Desk backup: the file is empty" in err
    assert "Nothing was changed" in err and "restore FILE" not in err
    assert db_path.read_bytes() == before


def test_restore_of_a_missing_file_says_nothing_changed(cli, db_path, tmp_path):
    code, _, err = cli("--db", db_path, "restore", tmp_path / "usb" / "centre.kdbackup")
    assert code == 2 and "centre.kdbackup does not exist. Nothing was changed." in err


def test_header_only_csv_is_refused(cli, db_path, tmp_path):
    csv = tmp_path / "list.csv"
    csv.write_text("Employee Code,Name (English),Mobile\n", encoding="utf-8")
    code, out, err = cli("--db", db_path, "roster", "import", csv)
    assert code == 2 and "list.csv has a header but no data rows" in err and out == ""
    code, out, err = cli("--db", db_path, "roster", "import", csv, "--dry-run")
    assert code == 2 and "no data rows" in err
    # Blank lines under the header are no data either.
    csv.write_text("Employee Code,Name (English),Mobile\n,,\n\n", encoding="utf-8")
    code, _, err = cli("--db", db_path, "roster", "import", csv)
    assert code == 2 and "no data rows" in err


def test_roster_search_says_when_it_stops(cli, db_path, tmp_path):
    csv = tmp_path / "list.csv"
    rows = [f"EMP{i:04d},Ramesh Kumar {i},98765{i:05d}" for i in range(25)]
    csv.write_text("Employee Code,Name (English),Mobile\n" + "\n".join(rows) + "\n")
    code, _, err = cli("--db", db_path, "roster", "import", csv)
    assert code == 0, err
    code, out, err = cli("--db", db_path, "--json", "roster", "search", "ramesh")
    assert code == 0 and len(json.loads(out)) == 20
    assert "Showing the best 20 matches; more people match. Use --limit N" in err
    code, out, err = cli("--db", db_path, "--json", "roster", "search", "ramesh", "--limit", "30")
    assert len(json.loads(out)) == 25 and "Showing" not in err
    code, out, err = cli("--db", db_path, "roster", "search", "ramesh", "--limit", "25")
    assert len(out.strip().splitlines()) == 25 and "Showing" not in err
