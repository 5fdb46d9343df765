"""deploy/nginx/karmayogi-portal.conf, as shipped, in front of a real portal: nginx (Debian's
package) holds the TLS certificate, the desk trusts the test CA and syncs through it, and the
portal's 429 + Retry-After reaches the desk unchanged."""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from desktop.core.sync.engine import SyncEngine
from desktop.portal.server import start_portal

from .test_served_safely import _desk, make_tls

ROOT = Path(__file__).resolve().parents[2]
CONF = ROOT / "deploy" / "nginx" / "karmayogi-portal.conf"


def _nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx")
                                      else None)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is not installed; .ci/run installs nginx-light", pytrace=False)
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def behind_nginx(tmp_path):
    nginx = _nginx()
    ca, cert, key = make_tls(tmp_path)
    portal = start_portal(tmp_path / "portal", rate=2, burst=4)
    port = _free_port()
    site = CONF.read_text(encoding="utf-8")
    for old, new in (("127.0.0.1:8765", f"127.0.0.1:{portal.port}"),
                     ("listen 443 ssl", f"listen 127.0.0.1:{port} ssl"),
                     ("/etc/ssl/karmayogi/portal.crt", str(cert)),
                     ("/etc/ssl/karmayogi/portal.key", str(key))):
        assert old in site, old  # the shipped file still has what the README tells to change
        site = site.replace(old, new)
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    (prefix / "site.conf").write_text(site, encoding="utf-8")
    (prefix / "nginx.conf").write_text(
        f"worker_processes 1;\nerror_log {prefix}/error.log;\npid {prefix}/nginx.pid;\n"
        f"{'user root;' if os.geteuid() == 0 else ''}\nevents {{}}\nhttp {{\n"
        f"  access_log off;\n  client_body_temp_path {prefix}/body;\n"
        f"  proxy_temp_path {prefix}/proxy;\n  include {prefix}/site.conf;\n}}\n",
        encoding="utf-8")
    proc = subprocess.Popen([nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
                             "-g", "daemon off;"], stderr=subprocess.PIPE, text=True)
    url = f"https://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"nginx did not start: {proc.stderr.read()}")
                time.sleep(0.05)
        yield portal, url, ca
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        portal.stop()


def test_desk_syncs_through_nginx_and_gets_429_retry_after(behind_nginx, tmp_path):
    portal, url, ca = behind_nginx
    with httpx.Client(verify=ssl.create_default_context(cafile=str(ca))) as client:
        assert client.get(url + "/offline/v1/health").json()["status"] == "ok"
        with pytest.raises(httpx.ConnectError):
            httpx.get(url + "/info")  # nginx's certificate is checked
    store = _desk(tmp_path / "desk.db", portal, url + "/offline/v1", "NGINX-1",
                  ca_bundle=str(ca))
    try:
        pid = store.insert("participant", {"name_en": "Ravi Kumar", "mobile": "9876500011"})
        from desktop.core.sync.keys import DeviceKeys

        auth = {"Authorization": f"Bearer {DeviceKeys.for_store(store).token()}"}
        with httpx.Client(verify=ssl.create_default_context(cafile=str(ca))) as client:
            answers = [client.get(url + "/trust-list", headers=auth) for _ in range(8)]
        refused = [a for a in answers if a.status_code == 429]
        assert refused and int(refused[0].headers["Retry-After"]) >= 1
        time.sleep(2.5)  # the bucket refills (2 per second)
        result = SyncEngine(store).sync()
        assert result.outcome == "ok", result
        held = {r["id"]: r for r in portal.records(["participant"])}
        assert held[pid]["data"]["name_en"] == "Ravi Kumar"
    finally:
        store.close()
