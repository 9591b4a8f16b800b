"""A real, throwaway PostgreSQL server for the tests (Debian's binaries).

``scripts/system.sh`` installs the binaries; this module makes a cluster in a temporary
folder, starts it on a free loopback port (its unix socket in that folder, never the
system's), and removes everything at the end. PostgreSQL refuses to run as root, so as
root the cluster runs as the ``postgres`` user the Debian package creates. Nothing is
skipped: if the server cannot start the tests fail, with the server's log.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

USER = "dyad"  # the cluster's superuser; trust authentication on loopback only
START_TIMEOUT_S = 60


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if not found:
        pytest.fail("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); "
                    "run: sudo bash scripts/system.sh", pytrace=False)
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="dyad-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = _free_port()
        self.as_user = None
        if os.geteuid() == 0:
            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                pytest.fail("running as root needs the 'postgres' system user (created by "
                            "Debian's postgresql package): run scripts/system.sh",
                            pytrace=False)
            os.chown(self.root, account.pw_uid, account.pw_gid)
            self.as_user = "postgres"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(a) for a in args]
        if self.as_user:
            cmd = ["runuser", "-u", self.as_user, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=START_TIMEOUT_S)

    def start(self) -> None:
        steps = [
            (self.bin / "initdb", "-D", self.data, "-U", USER, "--auth=trust",
             "--encoding=UTF8", "--no-locale", "--no-sync"),
            (self.bin / "pg_ctl", "-D", self.data, "-l", self.log, "-w",
             "-t", str(START_TIMEOUT_S), "-o",
             f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
             "-c synchronous_commit=off -c full_page_writes=off", "start"),
        ]
        for step in steps:
            done = self._run(*step)
            if done.returncode != 0:
                log = self.log.read_text() if self.log.exists() else ""
                self.remove()
                pytest.fail(f"PostgreSQL did not start: {' '.join(map(str, step))} exited "
                            f"{done.returncode}\n{done.stdout}{done.stderr}{log}", pytrace=False)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "stop")
        self.remove()

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    server = Server()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: Server) -> str:
    """A new, empty database on the test server."""
    return pg_server.create_database()
