"""The `field` CLI commands and the demo part."""

from __future__ import annotations

import json
import shutil

import pytest
from fv_helpers import TODAY, jpeg, visit_data

from desktop.core import attachments as att
from desktop.core import field_visits as fv
from desktop.core.demo import build_demo
from desktop.store import open_store


def _seed(db_path):
    with open_store(db_path) as store:
        return fv.create_visit(store, visit_data(), today=TODAY)


def test_field_list_json_and_filters(cli, db_path):
    vid = _seed(db_path)
    code, out, _ = cli("--db", db_path, "--json", "field", "list", "--district", "LKO")
    assert code == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [vid]
    assert rows[0]["status"] == "overdue" and rows[0]["open_points"] == 2
    code, out, _ = cli("--db", db_path, "field", "list", "--month", "2026-09", "--json")
    assert json.loads(out) == []
    code, _, err = cli("--db", db_path, "field", "list", "--month", "Oct")
    assert code == 2 and "YYYY-MM" in err


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_field_report_month(cli, db_path, tmp_path):
    _seed(db_path)
    out = tmp_path / "m.pdf"
    code, stdout, _ = cli(
        "--db",
        db_path,
        "--json",
        "field",
        "report",
        "--month",
        "2026-10",
        "--district",
        "LKO",
        "--out",
        out,
    )
    assert code == 0 and json.loads(stdout)["visits"] == 1
    assert out.read_bytes().startswith(b"%PDF")
    code, _, err = cli("--db", db_path, "field", "report", "--month", "2026-10", "--out", out)
    assert code == 2 and "--district" in err
    code, _, err = cli(
        "--db", db_path, "field", "report", "--month", "2026-09", "--district", "LKO", "--out", out
    )
    assert code == 2 and "no field visits" in err


def test_field_attach(cli, db_path, tmp_path):
    vid = _seed(db_path)
    photo = tmp_path / "p.jpg"
    photo.write_bytes(jpeg(gps=True))
    missing = tmp_path / "missing.jpg"
    code, out, err = cli("--db", db_path, "--json", "field", "attach", vid, photo, missing)
    assert code == 1 and "missing.jpg" in err
    result = json.loads(out)
    assert len(result["attached"]) == 1
    with open_store(db_path) as store:
        refs = fv.load_visit(store, vid)["attachments"]
        assert refs == result["attached"]
        assert not att.has_location(att.read_attachment(store, refs[0]["sha256"]))
        # named by the saved visit: never a clean-up candidate
        assert att.attachment_info(store, refs[0]["sha256"])["staged_at"] is None


def _content(store):
    rows = store.conn.execute(
        "SELECT id, district_code, office, visit_date, purpose, team, people_met, findings, "
        "action_points, attachments FROM field_visit ORDER BY id"
    ).fetchall()
    return [tuple(r) for r in rows]


def test_demo_is_deterministic_and_strips_gps():
    a, b = open_store(None), open_store(None)
    try:
        ctx_a = build_demo(a, participants=120, seed=7)
        build_demo(b, participants=120, seed=7)
        assert _content(a) == _content(b)
        assert len(ctx_a["field_visit_ids"]) >= 8
        visits = [fv.load_visit(a, vid) for vid in ctx_a["field_visit_ids"]]
        refs = [r for v in visits for r in v["attachments"]]
        assert refs, "the demo should attach photos"
        assert any(v["action_points"] for v in visits)
        kept = {
            r[0] for r in a.conn.execute("SELECT sha256 FROM attachment WHERE kept_location = 1")
        }
        for ref in refs:
            data = att.read_attachment(a, ref["sha256"])
            assert att.has_location(data) == (ref["sha256"] in kept)
        # the demo's photos belong to saved visits: none waits to be cleaned up
        assert a.conn.execute(
            "SELECT count(*) FROM attachment WHERE staged_at IS NOT NULL"
        ).fetchone()[0] == 0
        # some office was visited more than once, so points carry over
        offices = [(v["district_code"], fv.normalize_office(v["office"])) for v in visits]
        assert len(set(offices)) < len(offices)
    finally:
        a.close()
        b.close()


def test_field_report_one_visit_and_unknown_visit(cli, db_path, tmp_path):
    vid = _seed(db_path)
    out = tmp_path / "one.pdf"
    code, stdout, _ = cli(
        "--db", db_path, "--json", "field", "report", "--visit", vid, "--out", out
    )
    assert code == 0 and json.loads(stdout) == {
        "pdf": str(out),
        "visits": 1,
        "pages": 1,
        "missing_attachments": 0,
    }
    code, _, err = cli("--db", db_path, "field", "report", "--visit", "nope", "--out", out)
    assert code == 2 and "No field_visit with id nope" in err
    code, _, err = cli(
        "--db", db_path, "field", "report", "--visit", vid, "--month", "2026-10", "--out", out
    )
    assert code == 2 and "not both" in err


def test_field_report_and_list_take_the_district_name(cli, db_path, tmp_path):
    vid = _seed(db_path)
    out = tmp_path / "m.pdf"
    for district in ("Lucknow", "lucknow", "लखनऊ", "LKO"):
        code, stdout, err = cli("--db", db_path, "--json", "field", "report", "--month",
                                "2026-10", "--district", district, "--out", out)  # fmt: skip
        assert code == 0 and json.loads(stdout)["visits"] == 1, (district, err)
        code, stdout, _ = cli("--db", db_path, "--json", "field", "list", "--district", district)
        assert [r["id"] for r in json.loads(stdout)] == [vid]
    code, _, err = cli("--db", db_path, "field", "report", "--month", "2026-10",
                       "--district", "Atlantis", "--out", out)  # fmt: skip
    assert code == 2 and "'Atlantis' is not a UP district" in err
