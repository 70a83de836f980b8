"""A throwaway PostgreSQL cluster for the tests: initdb in a temp folder, a free port, the unix
socket in the same folder, stopped at the end of the session.

Debian's postgresql package puts initdb, pg_ctl and postgres in `pg_config --bindir`. They refuse to
run as root, so as root they run as the `postgres` user the package created (`runuser`). Without
PostgreSQL the tests that need it skip with the reason, unless `CI` or `WORKBOOK_REQUIRE_POSTGRES=1`
is set: then a missing PostgreSQL fails them, so CI cannot pass by skipping.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

ADMIN = "workbook_admin"  # the cluster's superuser: creates the test databases, nothing else
ADMIN_PASSWORD = "admin-secret"  # over TCP every role needs its password (scram), as on a real server
TEMPLATE = "workbook_template"  # migrated once; each test's database is a copy of it, or emptied
VERSION_TABLE = "workbook_schema"


def required() -> bool:
    return bool(os.environ.get("CI")) or os.environ.get("WORKBOOK_REQUIRE_POSTGRES") == "1"


def unavailable(reason: str) -> None:
    """Skip (or, in CI, fail) a test that needs PostgreSQL."""
    message = f"PostgreSQL tests need a local PostgreSQL installation: {reason}"
    if required():
        pytest.fail(message + " (CI / WORKBOOK_REQUIRE_POSTGRES is set, so this is a failure)", pytrace=False)
    pytest.skip(message)


def _bindir() -> Path | None:
    pg_config = shutil.which("pg_config")
    if pg_config is None:
        return None
    try:
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    folder = Path(found.stdout.strip())
    return folder if (folder / "initdb").exists() and (folder / "pg_ctl").exists() else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """A running cluster; `url()` names a database on it, `new_database()` makes one."""

    def __init__(self) -> None:
        self.bindir = _bindir()
        if self.bindir is None:
            raise RuntimeError("pg_config is not on PATH (install Debian's postgresql package)")
        try:
            import psycopg  # noqa: F401
        except ImportError as error:
            raise RuntimeError("the psycopg package is not installed") from error
        self.as_user: list[str] = []
        self.folder = Path(tempfile.mkdtemp(prefix="workbook-pg-"))
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")  # KeyError: no such user
            os.chown(self.folder, account.pw_uid, account.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.data = self.folder / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        secret = self.folder / "pwfile"
        secret.write_text(ADMIN_PASSWORD + "\n", encoding="utf-8")
        if self.as_user:
            os.chown(secret, account.pw_uid, account.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, f"--pwfile={secret}", "--auth-local=trust",
                  "--auth-host=scram-sha-256", "--no-locale", "-E", "UTF8", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                   f"-c unix_socket_directories={self.folder} -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=60")
        log = str(self.folder / "log")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")
        self.admin = self.connect("postgres")

    def _run(self, program: str, *arguments: str) -> None:
        command = [*self.as_user, str(self.bindir / program), *arguments]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.folder)
        if done.returncode != 0:
            raise RuntimeError(f"{program} failed: {done.stderr.strip() or done.stdout.strip()}")

    def url(self, name: str, user: str = ADMIN, password: str | None = ADMIN_PASSWORD) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{name}"

    def connect(self, name: str):
        import psycopg

        return psycopg.connect(host=str(self.folder), port=self.port, user=ADMIN, dbname=name,
                               autocommit=True)

    def new_database(self, template: str | None = None) -> str:
        name = f"test_{next(self._names)}"
        self.admin.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return name

    def emptied(self, name: str) -> bool:
        """Empty every table of database `name` (the schema stays, identities restart), faster than
        a new copy of the template; False when that cannot be done now (a connection left open)."""
        import psycopg

        try:
            with self.connect(name) as connection:
                connection.execute("SET lock_timeout = '2s'")
                connection.execute("SET session_replication_role = replica")  # past the append-only guards
                tables = [row[0] for row in connection.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> %s",
                    (VERSION_TABLE,))]
                connection.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY")
            return True
        except psycopg.Error:
            return False

    def drop_database(self, name: str) -> None:
        with contextlib.suppress(Exception):
            self.admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.admin.close()
        with contextlib.suppress(Exception):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
