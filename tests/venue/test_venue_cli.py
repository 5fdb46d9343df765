"""`venue host | join | sync | status | leave` as scripts use them (CLI.md)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

from desktop.core.venue import link
from tests.venue.helpers import make_db


def _host(db, *extra):
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--db", str(db), "--json", "venue", "host",
         "--port", "0", "--bind", "127.0.0.1", "--no-discovery", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stdout.readline()
    assert line, proc.stderr.read()
    return proc, json.loads(line)


def test_host_join_sync_status_leave(tmp_path, cli):
    hub_db = tmp_path / "hub.db"
    make_db(hub_db, 1).close()
    desk_db = tmp_path / "desk.db"
    make_db(desk_db, 2).close()
    proc, started = _host(hub_db)
    try:
        assert started["code"].startswith("kdv1/127.0.0.1/")
        assert started["url"].startswith("https://127.0.0.1:")
        assert len(started["fingerprint"]) == 64
        code, out, err = cli("--db", desk_db, "venue", "join", started["code"])
        assert code == 0, err
        assert "Joined the venue" in out
        code, out, _ = cli("--db", desk_db, "--json", "venue", "sync")
        assert code == 0
        assert set(json.loads(out)) == {"sent", "received"}
        code, out, _ = cli("--db", desk_db, "--json", "venue", "status")
        info = json.loads(out)
        assert info["role"] == "joined" and {d["desk_number"] for d in info["desks"]} == {1, 2}
        code, _, err = cli("--db", desk_db, "venue", "join", started["code"])
        assert code == 2 and "Leave it first" in err
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    code, out, _ = cli("--db", desk_db, "--json", "venue", "sync")
    assert code == 1 and json.loads(out)["error"]
    code, out, _ = cli("--db", desk_db, "venue", "leave")
    assert code == 0
    with link.open_store(desk_db) as store:
        assert link.joined(store) is None


def test_a_bad_code_is_a_usage_error_naming_the_part(tmp_path, cli):
    desk_db = tmp_path / "desk.db"
    make_db(desk_db, 2).close()
    code, _, err = cli("--db", desk_db, "venue", "join", "kdv1/10.0.0.1/99999/x/ABCDEFGH")
    assert code == 2 and "port" in err
    code, _, err = cli("--db", desk_db, "venue", "leave")
    assert code == 2 and "not in a venue" in err
