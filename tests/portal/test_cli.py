"""`portal serve` and the admin sub-commands, as a centre would run them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

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


def test_serve_refuses_plain_http_off_loopback_unless_told_in_words(cli, tmp_path):
    code, _, err = cli("portal", "serve", "--host", "0.0.0.0", "--port", "0",
                       "--data", tmp_path / "p", "--tls-cert", tmp_path / "c.pem")
    assert code == 2 and "--tls-cert and --tls-key go together" in err
    code, _, err = cli("portal", "serve", "--host", "0.0.0.0", "--port", "0",
                       "--data", tmp_path / "p")
    assert code == 2 and "--insecure-http" in err and "--tls-cert" in err


def test_serve_two_workers_on_postgresql_then_backup(cli, tmp_path):
    """`portal serve --database … --workers 2`: both processes answer, one store; SIGTERM
    stops them cleanly; `portal backup --database` writes a pg_dump."""
    from tests.pg_cluster import pg_url

    from .conftest import Desk
    from .samples import record

    url = pg_url()
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--json", "portal", "serve", "--port", "0",
         "--database", url, "--workers", "2", "--enrolment-code", "TWO",
         "--institute-code", "TST"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        started = json.loads(proc.stdout.readline())
        assert started["data"] == url  # no password in this URL to hide
        with http_client(started["url"]) as client:
            for _ in range(100):  # the workers are up when /health answers
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
            response = enrol(client, "TWO")
            assert response.status_code == 201
            desk = Desk(client, "01936b2e-0000-7000-8000-00000000000c", "TST",
                        response.json()["device_token"])
            sent = [record("programme", origin=desk.device_id) for _ in range(3)]
            assert [r["status"] for r in desk.send(*sent)] == ["applied"] * 3
            assert client.get("/health").json()["seq"] == 3
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "device_token" not in err
    log_lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert {(line["method"], line["path"]) for line in log_lines} >= {
        ("POST", "/devices/enrol"), ("POST", "/batches")}
    code, out, err = cli("--json", "portal", "backup", "--database", url, tmp_path / "bk")
    assert code == 0, err
    dump = tmp_path / "bk" / "portal.dump"
    assert json.loads(out)["backup"] == str(dump)
    assert dump.read_bytes()[:5] == b"PGDMP"
    code, _, err = cli("portal", "backup", "--database", url, tmp_path / "bk")
    assert code == 2 and "exists" in err
