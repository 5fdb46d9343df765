"""The certificate commands as CLI.md describes them (JSON shapes and exit codes)."""

from __future__ import annotations

import json

from certdata import make_workshop

from desktop.store import open_store


def test_issue_list_revoke_verify(cli, db_path, tmp_path):
    with open_store(db_path) as s:
        ws = make_workshop(s)["workshop"]
    out_dir = tmp_path / "out"
    code, out, err = cli("--db", db_path, "certificates", "issue", "--workshop", ws,
                         "--out", out_dir, "--json")  # fmt: skip
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) == 4 and set(rows[0]) == {"number", "participant_id", "pdf", "qr"}
    assert all((out_dir / r["pdf"].split("/")[-1]).is_file() for r in rows)
    code, out, _ = cli("--db", db_path, "certificates", "issue", "--workshop", ws, "--json")
    assert code == 0 and json.loads(out) == []

    code, out, _ = cli("--db", db_path, "--json", "certificates", "list")
    listed = json.loads(out)
    assert len(listed) == 4 and all(r["status"] == "valid" for r in listed)

    first = rows[0]
    code, out, _ = cli("--db", db_path, "verify", first["qr"], "--json")
    result = json.loads(out)
    assert code == 0 and result["valid"] is True and result["payload"]["no"] == first["number"]
    code, out, _ = cli("--db", db_path, "verify", first["pdf"], "--json")
    assert code == 0 and json.loads(out)["valid"] is True

    code, out, _ = cli("--db", db_path, "certificates", "revoke", first["number"],
                       "--reason", "wrong person", "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["reason"] == "wrong person"
    code, out, _ = cli("--db", db_path, "verify", first["qr"], "--json")
    result = json.loads(out)
    assert code == 1 and result["valid"] is False and result["reason"] == "revoked"

    h, p, sig = rows[1]["qr"].split(".")
    code, out, _ = cli("--db", db_path, "verify", f"{h}.{p[:-2]}AA.{sig}", "--json")
    assert code == 1 and json.loads(out)["valid"] is False
    code, out, _ = cli("--db", db_path, "certificates", "revoke", "NOPE/2026/0000000",
                       "--reason", "x")  # fmt: skip
    assert code == 2

    # Offline elsewhere: no database, only the exported trust list.
    code, out, _ = cli("--db", db_path, "keys", "trust-list", "--json")
    trust = tmp_path / "trust.json"
    trust.write_text(out)
    assert json.loads(out)["keys"][0]["kid"] == "TST:1"
    code, out, _ = cli("--db", tmp_path / "none.db", "verify", rows[2]["qr"],
                       "--trust-list", trust, "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["valid"] is True
    code, out, _ = cli("--db", tmp_path / "none.db", "verify", rows[2]["qr"], "--json")
    assert code == 1 and json.loads(out)["reason"] == "unknown_key"

    code, _, err = cli("--db", db_path, "verify", tmp_path / "missing.png")
    assert code == 2 and "missing.png" in err

    code, out, _ = cli("--db", db_path, "keys", "rotate", "--json")
    assert json.loads(out)["kid"] == "TST:2"
    code, out, _ = cli("--db", db_path, "verify", rows[2]["qr"], "--json")
    assert code == 0  # signed with the old key, still valid


def test_bulk_reissue_needs_all(cli, db_path):
    with open_store(db_path) as s:
        data = make_workshop(s)
    ws = data["workshop"]
    code, out, _ = cli("--db", db_path, "certificates", "issue", "--workshop", ws, "--json")
    first = {r["participant_id"]: r["number"] for r in json.loads(out)}
    code, _, err = cli("--db", db_path, "certificates", "issue", "--workshop", ws,
                       "--reissue-reason", "new template", "--json")  # fmt: skip
    assert code == 2 and "--all" in err
    with open_store(db_path) as s:
        assert s.conn.execute("SELECT count(*) FROM certificate").fetchone()[0] == 4
    pid = data["participants"][0]
    code, out, _ = cli("--db", db_path, "certificates", "issue", "--workshop", ws,
                       "--participant", pid, "--reissue-reason", "name corrected", "--json")  # fmt: skip
    assert code == 0 and [r["participant_id"] for r in json.loads(out)] == [pid]
    code, out, _ = cli("--db", db_path, "certificates", "issue", "--workshop", ws,
                       "--reissue-reason", "new template", "--all", "--json")  # fmt: skip
    again = json.loads(out)
    assert code == 0 and len(again) == 4
    assert not {r["number"] for r in again} & set(first.values())
