"""A throw-away PostgreSQL cluster for the tests: initdb in a temp folder, pg_ctl start on a
free loopback port, one fresh database per test. Started once per test process, stopped at
exit. Without PostgreSQL installed the PostgreSQL tests skip and say so, except in CI
(`CI=true`), where `.ci/run` installs it and a missing server is a failure."""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

_cluster: PgCluster | None = None
_names = itertools.count(1)


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    """One postgres server on 127.0.0.1; `new_database()` gives a fresh URL."""

    def __init__(self, *, durable: bool = False) -> None:
        self.bin = pg_bin()
        if self.bin is None:
            raise FileNotFoundError("PostgreSQL is not installed (apt-get install postgresql)")
        self.root = Path(tempfile.mkdtemp(prefix="kd-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres user
            pwd.getpwnam("postgres")
            shutil.chown(self.root, "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        options = [f"-c listen_addresses=127.0.0.1 -c port={self.port}",
                   f"-c unix_socket_directories={self.root}", "-c max_connections=200"]
        if not durable:  # tests: a power cut is not what they test
            options.append("-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-l",
                  str(self.root / "log"), "-o", " ".join(options), "start")
        self.admin_url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self._as, str(self.bin / tool), *args], check=True,
                       capture_output=True, text=True, cwd=self.root)

    def new_database(self) -> str:
        import psycopg

        name = f"portal_{os.getpid()}_{next(_names)}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)


def cluster() -> PgCluster:
    """The test process's cluster (started on first use), or skip/fail as the module says."""
    global _cluster
    if _cluster is None:
        if pg_bin() is None:
            message = "PostgreSQL is not installed (apt-get install postgresql)"
            if os.environ.get("CI"):
                pytest.fail(message + " — .ci/run must install it", pytrace=False)
            pytest.skip(message)
        _cluster = PgCluster()
        atexit.register(_cluster.stop)
    return _cluster


def pg_url() -> str:
    """A fresh, empty database on the test cluster."""
    return cluster().new_database()
