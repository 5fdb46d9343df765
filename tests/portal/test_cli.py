"""`portal serve` and the admin sub-commands, as a centre would run them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from desktop.portal.db import PortalDB

from .conftest import enrol, http_client

ROOT = Path(__file__).resolve().parents[2]


def test_serve_enrols_with_the_given_code_and_stops_on_ctrl_c(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--json", "portal", "serve", "--port", "0",
         "--data", str(tmp_path / "p"), "--enrolment-code", "HELLO", "--institute-code", "TST",
         "--institute-name-en", "Test Institute", "--quiet"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        started = json.loads(proc.stdout.readline())
        assert started["prefixed_url"] == started["url"] + "/offline/v1"
        with http_client(started["prefixed_url"]) as client:
            response = enrol(client, "HELLO")
            assert response.status_code == 201
            assert response.json()["institute"]["name_en"] == "Test Institute"
            assert enrol(client, "HELLO").status_code == 403
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "portal stopped" in err
    assert "Traceback" not in err


def test_serve_refuses_a_non_loopback_host(cli, tmp_path):
    code, _, err = cli("portal", "serve", "--host", "0.0.0.0", "--port", "0",
                       "--data", tmp_path / "p")
    assert code == 2
    assert "loopback" in err


def test_admin_commands(cli, tmp_path):
    data = tmp_path / "p"
    assert cli("portal", "add-institute", "--data", data, "--institute-code", "LKO1",
               "--institute-name-en", "Lucknow Centre", "--institute-name-hi", "लखनऊ")[0] == 0
    assert cli("portal", "add-code", "--data", data, "SECRET", "--institute-code", "LKO1")[0] == 0
    code, out, _ = cli("--json", "portal", "add-key", "--data", data, "--kid", "LKO1:1",
                       "--public-key", "A" * 43, "--institute", "LKO1",
                       "--valid-from", "2026-01-01")
    assert code == 0 and json.loads(out)["kid"] == "LKO1:1"
    assert cli("portal", "add-key", "--data", data, "--kid", "LKO1:1", "--public-key", "x",
               "--institute", "LKO1", "--valid-from", "2026-01-01")[0] == 2
    code, _, _ = cli("portal", "revoke-device", "--data", data, "0000")
    assert code == 1
    db = PortalDB(data)
    try:
        assert db.trust_list()["keys"][0]["kid"] == "LKO1:1"
        result = db.enrol({"enrolment_code": "SECRET", "device_id":
                           "01936b2e-0000-7000-8000-000000000000", "device_name": "d",
                           "institute_code": "LKO1", "public_key": "A" * 43})
        assert result["institute"] == {"code": "LKO1", "name_en": "Lucknow Centre",
                                       "name_hi": "लखनऊ"}
    finally:
        db.close()


def test_portal_data_survives_a_restart(tmp_path):
    from desktop.portal.server import start_portal

    from .conftest import Desk
    from .samples import record

    with start_portal(tmp_path / "p") as first:
        first.add_enrolment_code("C", "TST")
        with http_client(first.url) as client:
            response = enrol(client, "C")
            token = response.json()["device_token"]
            desk = Desk(client, "01936b2e-0000-7000-8000-00000000000a", "TST", token)
            desk.send(record("participant", origin=desk.device_id))
            kept = first.records()
    with start_portal(tmp_path / "p") as second:
        assert second.records() == kept
        with http_client(second.url) as client:
            assert client.get("/info", headers={"Authorization": f"Bearer {token}"}
                              ).status_code == 200


def test_import_and_records(cli, tmp_path):
    from .samples import record

    data = tmp_path / "p"
    good = record("programme", origin="01936b2e-0000-7000-8000-00000000000b")
    bad = record("programme", {"code": "X"}, origin="01936b2e-0000-7000-8000-00000000000b")
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps(good) + "\n\n" + json.dumps(bad) + "\n", encoding="utf-8")
    code, out, _ = cli("--json", "portal", "import", "--data", data, lines)
    assert code == 1
    report = json.loads(out)
    assert (report["applied"], report["rejected"]) == (1, 1)
    assert report["errors"][0]["code"] == "missing_field"
    code, out, _ = cli("portal", "records", "--data", data, "--kinds", "programme")
    assert code == 0
    assert [json.loads(x) for x in out.splitlines()] == [good]
    lines.write_text("{not json\n", encoding="utf-8")
    assert cli("portal", "import", "--data", data, lines)[0] == 2
