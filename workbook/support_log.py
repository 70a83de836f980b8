"""The log a support desk reads: `workbook.log` in the data folder, rotated, with a start line,
every CLI command and its outcome, Qt's own warnings, and a diagnostic summary the user can paste.
Imports no Qt: the caller passes the Qt version when there is one."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from workbook import APP_NAME, __version__

LOG_NAME = "workbook.log"
MAX_BYTES = 1_000_000  # about 10,000 lines; with 3 old files kept, at most 4 MB
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("workbook")


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_NAME


def attach_file_log(data_dir: Path) -> logging.Handler | None:
    """Send the `workbook` logger to the data folder's rotating log; None when it cannot be opened
    (the log is a help, never a reason not to start). Replaces a handler attached earlier."""
    for old in [h for h in log.handlers if getattr(h, "workbook_file_log", False)]:
        detach_file_log(old)
    try:
        handler = RotatingFileHandler(log_path(data_dir), maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                      encoding="utf-8")
    except OSError:
        return None
    handler.workbook_file_log = True
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def detach_file_log(handler: logging.Handler | None) -> None:
    if handler is not None:
        log.removeHandler(handler)
        handler.close()


def versions(qt_version: str | None = None) -> dict[str, str]:
    """What a support desk asks first, in the order they ask it."""
    found = {"app": f"{APP_NAME} {__version__}" + (" (standalone build)" if getattr(sys, "frozen", False)
                                                      else ""),
             "python": f"{'.'.join(map(str, sys.version_info[:3]))} ({sys.executable})",
             "os": os_name()}
    if qt_version:
        found["qt"] = qt_version
    return found


def os_name() -> str:
    """`platform.platform()`. On Linux it is put together here from `os.uname()` and the C library's
    own answer: the standard one first asks `uname -p` in a subprocess for a processor name that it
    then leaves out (2-25 ms of every start before the window paints), and importing `platform` at
    all costs another 2 ms there."""
    if not sys.platform.startswith("linux"):
        import platform

        return platform.platform()
    system = os.uname()
    parts = (system.sysname, system.release, system.machine, "with", _libc())
    return "-".join(part.strip().replace(" ", "_") for part in parts if part.strip())


def _libc() -> str:
    """The C library as `platform.libc_ver()` words it ("glibc2.36"), asked of the library itself."""
    try:
        answer = os.confstr("CS_GNU_LIBC_VERSION") or ""
    except (ValueError, OSError):  # not glibc (musl): ask platform, which reads the binary
        answer = ""
    if not answer:
        import platform

        return "".join(platform.libc_ver())
    return answer.replace(" ", "")


def start_line(data_dir: Path, qt_version: str | None = None) -> str:
    parts = [f"{key} {value}" for key, value in versions(qt_version).items()]
    return "start: " + "; ".join(parts) + f"; data folder {data_dir}"


def run_logged(command: str, data_dir: Path, run: Callable[[], int]) -> int:
    """Run a CLI command, logging its start and exit code (or its traceback) when the data folder
    exists; a command never creates the folder just to log into it."""
    handler = attach_file_log(data_dir) if Path(data_dir).is_dir() else None
    try:
        if handler is not None:
            log.info("command %s: %s", command, start_line(data_dir))
        try:
            code = run()
        except BaseException as error:
            if not isinstance(error, KeyboardInterrupt | SystemExit):
                log.exception("command %s failed", command)
            else:
                log.info("command %s stopped (%s)", command, type(error).__name__)
            raise
        log.info("command %s exited %s", command, code)
        return code
    finally:
        detach_file_log(handler)


def log_tail(path: Path, lines: int = 40) -> str:
    """The last lines of the log, or a line saying why there are none."""
    try:
        with open(path, "rb") as file:
            file.seek(0, 2)
            file.seek(max(0, file.tell() - 200 * lines))
            text = file.read().decode("utf-8", errors="replace")
    except OSError as error:
        return f"(no log at {path}: {error.strerror or error})"
    return "\n".join(text.splitlines()[-lines:])


def diagnostic_text(data_dir: Path, content_dir: Path, qt_version: str | None = None) -> str:
    """Versions, folders and the log's tail, as plain text for an e-mail or a ticket."""
    rows = [f"{key}: {value}" for key, value in versions(qt_version).items()]
    rows += [f"data folder: {data_dir}", f"content folder: {content_dir}", f"log: {log_path(data_dir)}",
             "", f"--- last lines of {LOG_NAME} ---", log_tail(log_path(data_dir))]
    return "\n".join(rows) + "\n"
