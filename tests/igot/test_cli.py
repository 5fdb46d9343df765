"""`workshop link` and `igot settings|test|forward|status|enrolment-file` as CLI.md says,
against the fake Sunbird course service; the secrets never reach the database, the output,
the logs or an error text."""

from __future__ import annotations

import csv
import json
import logging

from desktop.store import open_store
from tests.igot.helpers import BATCH, COURSE, linked, make_workshop, person

API_KEY = "APIKEY-7f3a9c2e-secret"
TOKEN = "TOKEN-b81d44e0-secret"


def setup_desk(db_path, tmp_path, fake, token: str = TOKEN):
    fake.api_key = API_KEY
    fake.tokens = {TOKEN}
    with open_store(db_path) as s:
        link = linked(s, learners=4, sessions=2)
    (tmp_path / "key.txt").write_text(API_KEY + "\n")
    (tmp_path / "token.txt").write_text(token + "\n")
    return link


def test_workshop_link_and_missing_ids(cli, db_path):
    with open_store(db_path) as s:
        ws, sids = make_workshop(s, course=None, batch=None)
        s.update("session", sids[1], {"igot_session_id": None})
    code, out, err = cli("--db", db_path, "--json", "workshop", "link", ws, "--igot-course",
                         COURSE, "--igot-batch", BATCH, "--session", f"{sids[0]}=do_9")
    assert code == 0, err
    got = json.loads(out)
    assert got["course_id"] == COURSE and got["sessions"] == {sids[0]: "do_9"}
    assert got["sessions_without_id"] == [sids[1]]
    code, _out, err = cli("--db", db_path, "workshop", "link", ws, "--igot-course", "nodo",
                          "--igot-batch", BATCH)
    assert code == 2 and "start with do_" in err
    code, _out, err = cli("--db", db_path, "workshop", "link", ws, "--igot-course", COURSE,
                          "--igot-batch", BATCH, "--session", "bad")
    assert code == 2 and "SESSION_ID=DO_ID" in err


def test_forward_reports_skipped_and_rejected_as_json(cli, db_path, tmp_path, fake):
    link = setup_desk(db_path, tmp_path, fake)
    code, out, err = cli("--db", db_path, "igot", "settings", "--base", fake.url,
                         "--api-key-file", tmp_path / "key.txt", "--token-file",
                         tmp_path / "token.txt")
    assert code == 0, err
    code, out, _ = cli("--db", db_path, "--json", "igot", "test")
    assert code == 0 and json.loads(out)["ok"] is True
    code, out, _ = cli("--db", db_path, "--json", "igot", "forward", "--dry-run")
    assert code == 1 and json.loads(out)["would_send"] == 6 and fake.requests == 1

    code, out, err = cli("--db", db_path, "igot", "forward", "--json")
    got = json.loads(out)
    assert code == 0, err
    assert (got["forwarded"], got["already"], got["pending"]) == (6, 0, 0)
    assert got["rejected"] == []
    assert got["skipped"] == [{"participant_id": link.people[0], "reason": "no iGOT user id"}]

    # a second batch that has ended: its marks are refused, listed, exit 1
    with open_store(db_path) as s:
        ws2, sids2 = make_workshop(s, sessions=1, batch="B-ENDED")
        s.insert("attendance", {"session_id": sids2[0], "participant_id": link.people[2],
                                "status": "present", "marked_at": "2026-11-20T04:45:30.123Z",
                                "method": "scan", "marked_by": "desk"})
    fake.add_batch("B-ENDED", COURSE, status=2)
    code, out, _ = cli("--db", db_path, "--json", "igot", "forward")
    got = json.loads(out)
    assert code == 1
    assert got["rejected"] == [{"participant_id": link.people[2], "session_id": sids2[0],
                                "reason": "NOT_A_ON_GOING_BATCH"}]
    assert got["already"] == 6 and got["forwarded"] == 0
    code, out, _ = cli("--db", db_path, "--json", "igot", "test", "--workshop", ws2)
    check = json.loads(out)["checks"][0]
    assert code == 1 and "has ended" in check["message"]

    code, out, _ = cli("--db", db_path, "--json", "igot", "status", "--workshop", link.workshop)
    st = json.loads(out)
    assert code == 0 and st["forwarded"] == 6 and st["needs_action"] == []


def test_test_connection_says_what_is_wrong(cli, db_path, tmp_path, fake):
    link = setup_desk(db_path, tmp_path, fake)
    cli("--db", db_path, "igot", "settings", "--base", fake.url, "--api-key-file",
        tmp_path / "key.txt", "--token-file", tmp_path / "token.txt")
    fake.batches.clear()
    code, out, _ = cli("--db", db_path, "igot", "test", "--workshop", link.workshop)
    assert code == 1 and f"does not know the batch {BATCH}" in out
    fake.add_batch(BATCH, COURSE, status=0)
    code, out, _ = cli("--db", db_path, "igot", "test")
    assert code == 1 and "has not started yet" in out
    fake.tokens = {"another"}
    code, out, _ = cli("--db", db_path, "igot", "test")
    assert code == 1 and "new token" in out
    fake.stop()
    code, out, _ = cli("--db", db_path, "igot", "test")
    assert code == 1 and "No connection to iGOT" in out


def test_secrets_never_in_database_output_logs_or_errors(cli, db_path, tmp_path, fake,
                                                          caplog):
    caplog.set_level(logging.DEBUG)
    setup_desk(db_path, tmp_path, fake)
    outputs = []
    (tmp_path / "old.txt").write_text("OLD-TOKEN-expired-secret\n")
    for argv in (
        ("igot", "settings", "--base", fake.url, "--api-key-file", tmp_path / "key.txt",
         "--token-file", tmp_path / "old.txt"),
        ("igot", "settings"),
        ("--json", "igot", "settings"),
        ("igot", "test"),
        ("--json", "igot", "forward"),   # refused token: stops, says so
        ("igot", "forward"),
        ("igot", "settings", "--token-file", tmp_path / "token.txt"),
        ("igot", "forward"),
        ("--json", "igot", "status"),
    ):
        code, out, err = cli("--db", db_path, *argv)
        outputs.append((argv, code, out + err))
    refused = outputs[4]
    assert refused[1] == 1 and "new token" in refused[2]
    assert outputs[7][1] == 0, outputs[7]
    assert outputs[6][2].count("coordinator token: set") == 1
    secrets = (API_KEY, TOKEN, "OLD-TOKEN-expired-secret")
    for argv, _code, text in outputs:
        for secret in secrets:
            assert secret not in text, (argv, secret)
    for record in caplog.records:
        for secret in secrets:
            assert secret not in record.getMessage()
    for f in tmp_path.iterdir():
        if f.name.startswith("desk.db") and f.is_file():
            data = f.read_bytes()
            for secret in secrets:
                assert secret.encode() not in data, (f, secret)
    with open_store(db_path) as s:
        errors = [r[0] for r in s.conn.execute("SELECT last_error FROM igot_request")]
    assert not any(e and any(x in e for x in secrets) for e in errors)


def test_enrolment_file_round_trip(cli, db_path, tmp_path, fake):
    link = setup_desk(db_path, tmp_path, fake)
    out_file = tmp_path / "enrol.csv"
    code, out, err = cli("--db", db_path, "--json", "igot", "enrolment-file", "--workshop",
                         link.workshop, "--out", out_file)
    assert code == 0, err
    got = json.loads(out)
    assert got["rows"] == 3 and got["skipped"] == [
        {"participant_id": link.people[0], "reason": "no iGOT user id"}]
    rows = list(csv.reader(out_file.open(encoding="utf-8")))
    assert rows[0] == ["batchId", "userIds"]
    assert sorted(rows[1:]) == [[BATCH, f"uid-{i:05d}"] for i in (1, 2, 3)]

    with open_store(db_path) as s:
        ws2, _ = make_workshop(s, sessions=1, batch="B2")
        newcomer = person(s, 7)
    (tmp_path / "in.csv").write_text(
        "batchId,userIds\nB2,\"uid-00001,uid-00007\"\nB2,uid-00002\n\n", encoding="utf-8")
    code, out, err = cli("--db", db_path, "--json", "igot", "enrolment-file", "--workshop", ws2,
                         "--import", tmp_path / "in.csv")
    assert code == 0, err
    assert json.loads(out) == {"enrolled": 3, "already": 0, "errors": []}
    with open_store(db_path) as s:
        enrolled = {r[0] for r in s.conn.execute(
            "SELECT participant_id FROM enrolment WHERE workshop_id = ?", (ws2,))}
    assert enrolled == {link.people[1], link.people[2], newcomer}

    (tmp_path / "bad.csv").write_text(
        "batchId,userIds\nB2,uid-00003\nOTHER,uid-00001\nB2,uid-99999\n", encoding="utf-8")
    code, out, _ = cli("--db", db_path, "--json", "igot", "enrolment-file", "--workshop", ws2,
                       "--import", tmp_path / "bad.csv")
    got = json.loads(out)
    assert code == 2 and [(e["row"], e["field"]) for e in got["errors"]] == [
        (3, "batchId"), (4, "userIds")]
    with open_store(db_path) as s:
        assert s.conn.execute("SELECT count(*) FROM enrolment WHERE workshop_id = ?",
                              (ws2,)).fetchone()[0] == 3  # nothing written


def test_match_lists_ambiguous_and_stores_only_with_apply(cli, db_path, tmp_path):
    with open_store(db_path) as s:
        a = person(s, 1, igot=False)
        b = person(s, 2, igot=False, mobile="9000000009")
        c = person(s, 3, igot=False, mobile="9000000009")
    (tmp_path / "users.csv").write_text(
        "User ID,Employee ID,Email,Mobile Number\n"
        "U1,EMP00001,,\n"
        "U9,,,9000000009\n"
        "U8,NOBODY,,\n", encoding="utf-8")
    code, out, _ = cli("--db", db_path, "--json", "igot", "match", tmp_path / "users.csv")
    got = json.loads(out)
    assert code == 1 and got["applied"] == 0
    assert got["matched"] == [{"participant_id": a, "igot_user_id": "U1", "by": "employee_code"}]
    assert got["ambiguous"][0]["participant_ids"] == sorted([b, c])
    assert [u["row"] for u in got["unmatched"]] == [4]
    with open_store(db_path) as s:
        assert s.get("participant", a)["igot_user_id"] is None
    code, out, _ = cli("--db", db_path, "--json", "igot", "match", tmp_path / "users.csv",
                       "--apply")
    assert json.loads(out)["applied"] == 1
    with open_store(db_path) as s:
        assert s.get("participant", a)["igot_user_id"] == "U1"
        assert s.get("participant", b)["igot_user_id"] is None
    (tmp_path / "bad.csv").write_text("Name\nx\n", encoding="utf-8")
    code, _out, err = cli("--db", db_path, "igot", "match", tmp_path / "bad.csv")
    assert code == 2 and "userId column" in err
