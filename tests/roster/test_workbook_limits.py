"""Issue 13 item 6: a workbook whose entries unpack to far more than a roster could is
refused before it is parsed (exit 2, a plain message), quickly and without the memory."""

from __future__ import annotations

import time
import zipfile

import openpyxl
import pytest

from desktop.core.roster.readers import RosterFileError, open_table
from desktop.core.roster.zipcheck import MAX_SHARED_STRINGS, check_workbook_zip


def _bomb(tmp_path, unpacked: int):
    """A real small workbook whose sharedStrings.xml is replaced by `unpacked` bytes that
    pack to almost nothing."""
    book = openpyxl.Workbook()
    book.active.append(["Name (English)", "Mobile"])
    book.active.append(["Ramesh Kumar", "9876500001"])
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    bomb = tmp_path / "bomb.xlsx"
    block = b"<si><t>" + b"A" * 1000 + b"</t></si>"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if not info.filename.endswith("sharedStrings.xml"):
                dst.writestr(info, src.read(info.filename))
        with dst.open("xl/sharedStrings.xml", "w") as out:
            out.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                      b'spreadsheetml/2006/main">')
            written = 0
            while written < unpacked:
                out.write(block * 1000)
                written += len(block) * 1000
            out.write(b"</sst>")
    return plain, bomb


def test_bomb_refused_before_parsing(tmp_path):
    plain, bomb = _bomb(tmp_path, MAX_SHARED_STRINGS + 8 * 1024 * 1024)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    assert check_workbook_zip(plain) is None
    started = time.monotonic()
    with pytest.raises(RosterFileError) as caught:
        open_table(bomb)
    assert time.monotonic() - started < 2
    message = str(caught.value)
    assert "bomb.xlsx" in message and "sharedStrings.xml" in message
    assert "far more than a roster" in message
    with open_table(plain) as table:
        assert table.headers == ["Name (English)", "Mobile"]


def test_cli_refuses_bomb_exit_2(cli, db_path, tmp_path):
    _, bomb = _bomb(tmp_path, MAX_SHARED_STRINGS + 8 * 1024 * 1024)
    code, out, err = cli("--db", db_path, "--json", "roster", "import", bomb)
    assert code == 2
    assert out == ""
    assert "far more than a roster" in err
