"""`restore-backup` while the real app runs on the same data folder is refused, and the app's saves
stay in the live database (before, the restore moved the file away under the running app)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from workbook.cli import main
from workbook.paths import backups_dir, database_path
from workbook.store.backups import take_backup
from workbook.store.connection import open_database
from workbook.store.learners import create_learner
from workbook.store.lock import LOCK_FILE

ROOT = Path(__file__).resolve().parents[2]


def test_restore_backup_is_refused_while_the_app_is_open(data_dir, capsys):
    db = open_database(database_path(data_dir))
    create_learner("Ana")
    db.close()
    take_backup(database_path(data_dir), backups_dir(data_dir), now=datetime(2026, 1, 1, tzinfo=UTC))
    app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)],
                           env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT)),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (data_dir / LOCK_FILE).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert (data_dir / LOCK_FILE).exists(), "the app never took the data folder's lock"
        assert main(["restore-backup", "--data-dir", str(data_dir)]) == 1
        assert "close it first" in capsys.readouterr().err
        assert not list(data_dir.glob("workbook.sqlite.replaced-*"))
        assert (data_dir / LOCK_FILE).exists()  # the app's lock was left alone
    finally:
        app.terminate()
        app.wait(timeout=30)
