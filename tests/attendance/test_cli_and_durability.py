"""CLI `workshop list|show` and `attendance mark` (JSON, exit codes), and a mark that survives
SIGKILL right after it was reported."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, datetime

import pytest

from desktop.core import enrolment
from desktop.store import open_store
from tests.attendance.helpers import person, workshop_with_people


def _setup(db_path, count=2):
    today = date.today()
    with open_store(db_path) as store:
        ws, sessions, people = workshop_with_people(
            store, today, count, slots=(("00:00", "23:59"),)
        )
        codes = [store.get("participant", p)["employee_code"] for p in people]
        stranger = person(store, 555)
    return ws, sessions, people, codes, stranger


def test_workshop_list_and_show_json(cli, db_path):
    ws, sessions, _, _, _ = _setup(db_path)
    code, out, _ = cli("--db", db_path, "--json", "workshop", "list")
    assert code == 0
    listing = json.loads(out)
    assert [w["id"] for w in listing] == [ws]
    item = listing[0]
    assert {"id", "title_en", "mode", "start_date", "end_date", "sessions"} <= set(item)
    assert item["mode"] == "institute" and item["start_date"] == date.today().isoformat()
    assert [s["id"] for s in item["sessions"]] == sessions
    assert {"id", "date", "start_time"} <= set(item["sessions"][0])
    code, out, _ = cli("--db", db_path, "workshop", "list", "--when", "past", "--json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = cli("--db", db_path, "--json", "workshop", "show", ws)
    shown = json.loads(out)
    assert code == 0 and shown["enrolled"] == 2 and shown["sessions"][0]["marks"] == {}
    code, _, err = cli("--db", db_path, "workshop", "show", "nope")
    assert code == 2 and "No workshop with id nope" in err


def test_attendance_mark_exit_codes(cli, db_path):
    ws, sessions, people, codes, stranger = _setup(db_path)
    s = sessions[0]
    code, out, _ = cli(
        "--db", db_path, "--json", "attendance", "mark", "--session", s, "--code", codes[0].lower()
    )
    result = json.loads(out)
    assert code == 0 and result["outcome"] == "marked" and result["stored"] is True
    code, out, _ = cli(
        "--db", db_path, "--json", "attendance", "mark", "--session", s, "--scan", people[0]
    )
    assert code == 0 and json.loads(out)["outcome"] in ("already", "duplicate")
    code, out, _ = cli(
        "--db",
        db_path,
        "--json",
        "attendance",
        "mark",
        "--session",
        s,
        "--participant",
        people[1],
        "--status",
        "excused",
    )
    assert code == 0 and json.loads(out)["status"] == "excused"
    # refused by the rules: exit 1, nothing stored
    code, out, _ = cli(
        "--db", db_path, "--json", "attendance", "mark", "--session", s, "--participant", stranger
    )
    assert code == 1 and json.loads(out)["outcome"] == "not_enrolled"
    code, _, err = cli(
        "--db", db_path, "attendance", "mark", "--session", s, "--participant", stranger
    )
    assert code == 1 and "not enrolled" in err
    # unusable input: exit 2
    for argv in (("--code", "NOSUCH"), ("--scan", "\x07\ufffd"), ("--participant", "x")):
        code, _, err = cli("--db", db_path, "attendance", "mark", "--session", s, *argv)
        assert code == 2, argv
    code, _, err = cli("--db", db_path, "attendance", "mark", "--session", "nope", "--code", "A")
    assert code == 2 and "No session" in err
    for argv in ((), ("--code", codes[1], "--status", "maybe")):  # argparse usage errors
        with pytest.raises(SystemExit) as exit_:
            cli("--db", db_path, "attendance", "mark", "--session", s, *argv)
        assert exit_.value.code == 2
    with open_store(db_path) as store:
        assert store.conn.execute("SELECT count(*) FROM attendance").fetchone()[0] == 2
        enrolment.withdraw(store, ws, people[1])
    code, _, _ = cli(
        "--db",
        db_path,
        "attendance",
        "mark",
        "--session",
        s,
        "--code",
        codes[1],
        "--status",
        "present",
    )
    assert code == 1


def test_mark_survives_sigkill_right_after_it_is_reported(db_path):
    _, sessions, people, _, _ = _setup(db_path, 1)
    script = textwrap.dedent(f"""
        import sys, time
        from desktop.core.attendance import Desk
        from desktop.store import open_store
        store = open_store({str(db_path)!r})
        result = Desk(store, {sessions[0]!r}).scan({people[0]!r})
        print(result.outcome, result.attendance_id, flush=True)
        time.sleep(60)
    """)
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        text=True,
        cwd=os.getcwd(),
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    try:
        line = proc.stdout.readline().split()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    assert line[0] == "marked"
    with open_store(db_path) as store:
        row = store.get("attendance", line[1])
        assert row is not None and row["status"] in ("present", "late")
        assert datetime.fromisoformat(row["marked_at"].replace("Z", "+00:00"))
        history = store.conn.execute(
            "SELECT count(*) FROM attendance_history WHERE attendance_id = ?", (line[1],)
        ).fetchone()[0]
        assert history == 1
