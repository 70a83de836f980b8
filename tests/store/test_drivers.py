"""peewee is imported without psycopg (0.1-0.3 s of every start) and given it when a PostgreSQL
database is opened: a learner's SQLite store never loads the driver, and a server opened later in
the same process (a trainer's sync, the tests) still works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, *arguments: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code, *arguments], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_a_sqlite_store_never_imports_the_postgresql_driver(tmp_path):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from workbook.store.connection import open_database\n"
        "from workbook.store.learners import create_learner, active_learners\n"
        "db = open_database(Path(sys.argv[1]) / 'workbook.sqlite')\n"
        "create_learner('Ana')\n"
        "print(len(active_learners()), 'psycopg' in sys.modules)\n"
    )
    assert _run(code, str(tmp_path)) == ["1", "False"]


def test_a_server_opened_after_a_sqlite_store_gets_the_driver(tmp_path, fresh_pg_url):
    """The store is imported (psycopg hidden) and a SQLite file opened first, as in the app; then a
    PostgreSQL database opens, migrates and takes writes, with peewee's psycopg 3 adapter set up as
    its own import would have."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from workbook.store.connection import open_database, open_database_url\n"
        "from workbook.store.learners import create_learner, active_learners\n"
        "open_database(Path(sys.argv[1]) / 'workbook.sqlite').close()\n"
        "assert 'psycopg' not in sys.modules\n"
        "db = open_database_url(sys.argv[2])\n"
        "create_learner('Ana')\n"
        "import peewee, psycopg\n"
        "from psycopg.pq import TransactionStatus\n"
        "adapter = db._adapter\n"
        "idle = adapter.txn_idle is TransactionStatus.IDLE\n"
        "print(type(adapter).__name__, peewee.psycopg is psycopg, idle,\n"
        "      adapter.is_connection_usable(db.connection()), len(active_learners()))\n"
    )
    assert _run(code, str(tmp_path), fresh_pg_url) == ["Psycopg3Adapter", "True", "True", "True", "1"]
