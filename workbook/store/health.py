"""When the database deserves a full integrity check: after an unclean shutdown, when a week has
passed since the last one, or when asked (`workbook check-database`). Checking a large trainer
database at every start cost seconds to minutes for no reason; a cheap header check still runs
every time (store.connection.check_header).
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from workbook.files import write_text_atomic

RUNNING_MARKER = "workbook.running"  # present while the app runs; left behind by a crash
LAST_CHECK = "cache/last-integrity-check"
CHECK_EVERY = timedelta(days=7)


def integrity_check_due(data_dir: Path, now: datetime | None = None) -> str | None:
    """Why a full check should run now ("the last session did not close cleanly", ...), or None."""
    now = now or datetime.now(UTC)
    if (data_dir / RUNNING_MARKER).exists():
        return "the last session did not close cleanly"
    try:
        last = datetime.fromisoformat((data_dir / LAST_CHECK).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return "no check has been recorded yet"
    if last.tzinfo is None or now - last > CHECK_EVERY:
        return f"the last check was more than {CHECK_EVERY.days} days ago"
    return None


def record_check(data_dir: Path, now: datetime | None = None) -> None:
    """A full check passed: the next one is due in a week (unless a session ends badly)."""
    with contextlib.suppress(OSError):
        (data_dir / LAST_CHECK).parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(data_dir / LAST_CHECK, (now or datetime.now(UTC)).isoformat())


def request_check(data_dir: Path) -> None:
    """Damage was seen while the app ran: the next start runs the full check (and offers backups)."""
    with contextlib.suppress(OSError):
        (data_dir / LAST_CHECK).unlink(missing_ok=True)


def session_started(data_dir: Path) -> None:
    with contextlib.suppress(OSError):
        (data_dir / RUNNING_MARKER).write_text("running\n", encoding="utf-8")


def session_ended_cleanly(data_dir: Path) -> None:
    with contextlib.suppress(OSError):
        (data_dir / RUNNING_MARKER).unlink(missing_ok=True)
