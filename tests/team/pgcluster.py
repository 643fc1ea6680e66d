"""A throwaway PostgreSQL cluster for the team library's tests: initdb into a temp dir, a free loopback port.

PostgreSQL refuses to run as root, and CI runs the tests as root: then the cluster belongs to the
``postgres`` system user (created by Debian's package) and every server command runs through
``runuser``; the temp dir is chowned to that user. As an ordinary user the commands run directly.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ADMIN_USER = "postgres"
ADMIN_PASSWORD = "admin-secret"


def find_bindir() -> Path | None:
    """Where initdb/pg_ctl live: pg_config's answer, else Debian's versioned folder, else PATH."""
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip()
        if out and (Path(out) / "initdb").exists():
            return Path(out)
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PgCluster:
    """One cluster: ``start()``, ``stop()``, ``admin_url(db)``; ``destroy()`` removes it."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.as_root = os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(prefix="reader-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        if self.as_root:
            entry = pwd.getpwnam("postgres")
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        pwfile = self.root / "pw"
        self._run_as_owner(["sh", "-c", f"umask 077; printf '%s' '{ADMIN_PASSWORD}' > '{pwfile}'"])
        self._run_as_owner([str(bindir / "initdb"), "-D", str(self.data), "-U", ADMIN_USER,
                            f"--pwfile={pwfile}", "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
                            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])

    def _run_as_owner(self, cmd: list[str], check: bool = True) -> subprocess.CompletedProcess:
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if check and result.returncode != 0:
            raise RuntimeError(f"{cmd!r} failed: {result.stdout}\n{result.stderr}")
        return result

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c max_connections=120 -c shared_buffers=64MB")
        self._run_as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options,
                            "-l", str(self.root / "log"), "-w", "-t", "60", "start"])

    def stop(self, mode: str = "fast") -> None:
        self._run_as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"],
                           check=False)

    def running(self) -> bool:
        status = self._run_as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.data), "status"], check=False)
        return status.returncode == 0

    def admin_url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{ADMIN_USER}:{ADMIN_PASSWORD}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.admin_url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.admin_url(name)

    def destroy(self) -> None:
        self.stop("immediate")
        for _ in range(20):
            if not self.running():
                break
            time.sleep(0.2)
        shutil.rmtree(self.root, ignore_errors=True)
