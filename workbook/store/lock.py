"""The data folder's lock: the app holds it while open, and commands that replace the database
take it too, so a restore can never pull the file from under a running app.

The file is the one the app's QLockFile writes (`workbook.lock`: the holder's process id, its name
and its host on the first three lines), read and written here without Qt so commands stay light.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbook.store.connection import DatabaseLockedError

LOCK_FILE = "workbook.lock"


def lock_holder(data_dir: Path) -> int | None:
    """The process id holding the data folder's lock, or None when it is free (or stale)."""
    try:
        lines = (data_dir / LOCK_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError:
        return None
    try:
        pid = int(lines[0])
    except (IndexError, ValueError):
        return None
    host = lines[2] if len(lines) > 2 else ""
    if host and host != socket.gethostname():
        return pid  # held from another machine (a shared folder): we cannot tell, so respect it
    return pid if _alive(pid) else None


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def holding_lock(data_dir: Path, holder: str = "workbook-command") -> Iterator[None]:
    """Hold the data folder's lock for the block; DatabaseLockedError if the app (or another
    command) holds it."""
    path = data_dir / LOCK_FILE
    pid = lock_holder(data_dir)
    if pid is not None:
        raise DatabaseLockedError(f"the workbook is open with the data folder {data_dir} (process {pid}): "
                                  "close it first, then run this command again")
    path.unlink(missing_ok=True)  # stale: its process is gone
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError as error:  # someone took it between the check and now
        raise DatabaseLockedError(f"the data folder {data_dir} was just opened by another program: "
                                  "close it first, then run this command again") from error
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()}\n{holder}\n{socket.gethostname()}\n")
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
