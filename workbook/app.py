"""Build the running app: paint the window first, then open the database, attach the pages, and
take the content from the data folder's cache (unchanged content), or load it in the background.

Only Qt and a few light modules are imported before the first paint; the store (peewee), the
pages and the content loader come in after it, so the window appears as fast as a bare one.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLockFile, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from workbook import APP_NAME
from workbook.core.images import default_assets_dir
from workbook.paths import backups_dir, database_path
from workbook.support_log import attach_file_log, detach_file_log, start_line
from workbook.ui.i18n import (
    install_translators,
    remove_translators,
    resolve_language,
    saved_choice,
    translate,
)
from workbook.ui.main_window import MainWindow
from workbook.ui.theme import apply_theme

log = logging.getLogger("workbook")
SMOKE_ENV = "WORKBOOK_SMOKE_CLOSE"  # set: close the window once the content is shown (smoke tests)
SMOKE_REPORT_ENV = "WORKBOOK_SMOKE_REPORT"  # a PDF path: first build the first cohort's report there


def run_app(data_dir: Path, content_dir: Path, qt_args: Sequence[str] = (),
            language: str | None = None, database_url: str | None = None) -> int:
    """Open the workbook window on `content_dir` with progress kept in `data_dir` (or, with
    `database_url`, on a PostgreSQL server; the data folder still holds the log, lock and keys);
    `qt_args` are Qt's own options (`-style fusion`), given to QApplication; `language` (`--lang`)
    overrides the saved interface language and the system's."""
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(APP_NAME)
    translators = install_translators(app, resolve_language(language, data_dir))
    try:
        return _run_translated(app, data_dir, content_dir, database_url)
    finally:
        remove_translators(app, translators)  # a test's next window starts in English again


def _run_translated(app: QApplication, data_dir: Path, content_dir: Path,
                    database_url: str | None = None) -> int:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _fatal(translate("App", "The data folder {folder} cannot be created:\n{reason}").format(
            folder=data_dir, reason=error.strerror))
        return 1
    write_check = _WriteCheck(data_dir)  # while the style and the theme are set up
    style = app.style().name()  # before the style sheet wraps it (`-style fusion` shows here)
    apply_theme(app)  # light or dark, as the system asks; before any page is imported
    assets_dir = default_assets_dir(content_dir)
    app.setWindowIcon(QIcon(str(assets_dir / "icon.svg")))
    problem = write_check.wait()  # before the log file, the lock and the database
    if problem is not None:
        _fatal(translate("App", "The workbook cannot start: {problem}.").format(problem=problem))
        return 1
    log_handler = attach_file_log(data_dir)
    log.info("%s; content folder %s; style %s", start_line(data_dir, f"Qt {qVersion()}"), content_dir, style)
    from workbook.ui.qt_log import install_qt_message_handler, restore_qt_message_handler

    previous_qt_handler = install_qt_message_handler()
    try:
        code = _run_locked(app, data_dir, content_dir, assets_dir, database_url)
        log.info("exit %s", code)
        return code
    finally:
        restore_qt_message_handler(previous_qt_handler)
        detach_file_log(log_handler)


class _WriteCheck:
    """`folder_write_problem(data_dir)` on a thread of its own: its flush to disk (4-18 ms on the
    development VM) overlaps setting up the style and the theme instead of adding to them."""

    def __init__(self, data_dir: Path) -> None:
        import threading

        from workbook.files import folder_write_problem  # imported here, not on the thread

        self.problem: str | None = None
        self._thread = threading.Thread(target=self._check, args=(folder_write_problem, data_dir),
                                        name="write-check", daemon=True)
        self._thread.start()

    def _check(self, check, data_dir: Path) -> None:
        self.problem = check(data_dir)

    def wait(self) -> str | None:
        """Why nothing can be saved in the data folder, or None; waits for the check to finish."""
        self._thread.join()
        return self.problem


def _run_locked(app: QApplication, data_dir: Path, content_dir: Path, assets_dir: Path,
                database_url: str | None = None) -> int:
    from workbook.files import folder_write_problem

    sys.excepthook = lambda kind, value, trace: _report_unexpected(kind, value, trace, data_dir)

    lock = QLockFile(str(data_dir / "workbook.lock"))
    lock.setStaleLockTime(0)
    if not lock.tryLock(200):
        if lock.error() != QLockFile.LockError.LockFailedError:  # not another copy: a disk problem
            problem = folder_write_problem(data_dir) or f"the lock file in {data_dir} cannot be written"
            _fatal(translate("App", "The workbook cannot start: {problem}.").format(problem=problem))
            return 1
        _fatal(translate("App", "The workbook is already open with this data folder.\n\n"
                   "Switch to that window, or close it first."))
        return 1

    window = MainWindow()
    window.language_choice = saved_choice(data_dir)  # ticked in View > Language
    window.support_folders = (data_dir, content_dir)
    from workbook.ui import window_geometry

    window_geometry.place(window, data_dir)  # the size left at the last close, or one that fits the screen
    outcome = {"code": 0, "db": None, "database_url": database_url}
    window.first_paint_did_happen.connect(
        lambda: _finish_start(window, data_dir, content_dir, assets_dir, outcome))
    window.show()
    code = app.exec()
    from workbook.ui.operations import wait_for_operations

    wait_for_operations()
    if outcome["db"] is not None:
        outcome["db"].close()
        from workbook.store.health import session_ended_cleanly

        session_ended_cleanly(data_dir)
    lock.unlock()
    return outcome["code"] or code


def _finish_start(window: MainWindow, data_dir: Path, content_dir: Path, assets_dir: Path,
                  outcome: dict) -> None:
    """Runs once the window is on screen: database, pages, then content and backup off-thread."""
    from workbook.store import health
    from workbook.store.connection import DatabaseProblem, open_database_url, redact_url, resolve_database_url
    from workbook.store.recovery import open_or_recover
    from workbook.ui.navigator import Navigator
    from workbook.ui.operations import QueryOp

    server = resolve_database_url(outcome.get("database_url"))
    reason = None if server else health.integrity_check_due(data_dir)  # a server checks itself
    if reason:
        log.info("full database check at start: %s", reason)
    try:
        if server:
            log.info("progress database on the server %s", redact_url(server))
            db = open_database_url(server, data_dir)
        else:
            db = open_or_recover(data_dir, _ask_recovery, full_check=reason is not None)
    except DatabaseProblem as error:
        _fatal(translate("App", "The progress database cannot be opened:\n\n{error}").format(error=error))
        outcome["code"] = 1
        window.close()
        return
    if db is None:
        window.close()
        return
    outcome["db"] = db
    if reason:
        health.record_check(data_dir)
    health.session_started(data_dir)
    from workbook.ui.fonts import register_bundled_fonts

    register_bundled_fonts(assets_dir)  # before the first learner name is drawn
    navigator = Navigator(window, data_dir, assets_dir)
    navigator.start()
    library = _cached_content(content_dir, assets_dir, data_dir)
    if library is not None:
        navigator.set_library(library)
    else:
        QueryOp(window, lambda job: _load_content(content_dir, assets_dir, data_dir), navigator.set_library,
                navigator.show_content_error).start()
    if not server:  # a server's backups are its administrator's (pg_dump)
        # Once the home page has painted (or a second from now): a thread started before it would
        # take the interpreter lock from the GUI thread while that builds the page.
        from workbook.ui.after_paint import AfterPaint

        AfterPaint(navigator.home_page, lambda: QueryOp(window, lambda job: _back_up(data_dir),
                                                        lambda copy: None, _backup_failed).start())
    if os.environ.get(SMOKE_ENV):
        _close_once_loaded(window, navigator, data_dir)


def _ask_recovery(report):
    """The recovery dialog's question, its module and dialog class loaded only when a file is damaged."""
    from workbook.ui.recovery_dialog import RecoveryDialog

    return RecoveryDialog.ask(report)


def _close_once_loaded(window: MainWindow, navigator, data_dir: Path) -> None:
    """For the smoke test of a built app: once the modules are shown, log what opened and close."""
    from PySide6.QtCore import QTimer

    def check() -> None:
        if navigator.library is None:
            QTimer.singleShot(100, check)
            return
        log.info("smoke: window opened with %d modules", len(navigator.library.modules))
        _smoke_coach(navigator.library)
        if os.environ.get(SMOKE_REPORT_ENV):
            _smoke_report(navigator.library.root, data_dir, Path(os.environ[SMOKE_REPORT_ENV]))
        window.close()

    check()


def _cached_content(content_dir: Path, assets_dir: Path, data_dir: Path):
    """Unchanged content from the data folder's cache, on the GUI thread (about 20 ms): a worker
    thread would take as long and, holding the interpreter lock, slow the GUI thread's work meanwhile.
    None when the content changed (or a cache cannot be read): `_load_content` then reads the files."""
    from workbook.core.content_cache import cached_library

    try:
        return cached_library(content_dir, data_dir, assets_dir)
    except Exception:  # anything unexpected: the worker's full load reports it properly
        log.exception("the content cache could not be read at start")
        return None


def _smoke_report(content_dir: Path, data_dir: Path, out: Path) -> None:
    """The trainer's cohort PDF report built the way the trainer view builds it, in a worker process:
    in the frozen app that process starts through the executable's `freeze_support()`."""
    from workbook.store.cohorts import list_cohorts
    from workbook.store.reconnect import connection_spec
    from workbook.worker_process import run_in_process

    cohort = list_cohorts()[0]
    written = run_in_process("workbook.reports.trainer_jobs:cohort_pdf",
                             {"store": connection_spec(), "content_dir": content_dir, "data_dir": data_dir,
                              "cohort_id": cohort.id, "out": out})
    log.info("smoke: cohort report written in a worker process (%d bytes)", Path(written).stat().st_size)


def _smoke_coach(library) -> None:
    """A typed reply read by the coach's encoder, which runs in a process of its own: in the frozen app
    that process starts through the executable's `freeze_support()`, with the bundled onnxruntime."""
    from workbook.core.coach_encoder import scores, unavailable

    encoder = library.coach.encoder if library.coach is not None else None
    if encoder is not None and scores(encoder, "I've given you the answer already.") is not None:
        log.info("smoke: the coach's encoder read a reply in its own process")
    else:
        log.warning("smoke: the coach's encoder is not used: %s", unavailable(encoder))


def _load_content(content_dir: Path, assets_dir: Path, data_dir: Path):
    """Runs on a worker thread: the loader's imports (pydantic, markdown) stay off the start path.
    Unchanged content comes from the data folder's cache; scripts that passed the exhaustive walk at
    an earlier start are not walked again."""
    from workbook.core.content_cache import load_library_cached

    return load_library_cached(content_dir, data_dir, assets_dir)


def _back_up(data_dir: Path) -> Path | None:
    """Runs on a worker thread: a start-of-session copy on its own connection."""
    from datetime import timedelta

    from workbook.store.backups import take_backup

    return take_backup(database_path(data_dir), backups_dir(data_dir), keep=None,
                       at_most_every=timedelta(hours=20))


def _backup_failed(error: Exception) -> None:
    """A failed backup must never stop the learner: it is logged (with its traceback), not shown."""
    log.warning("start-up backup failed: %s", error)


def _report_unexpected(kind, value, trace, data_dir: Path | None = None) -> None:
    """Log the traceback to the data folder; the user sees a plain message, not the trace. A failure
    that comes from a damaged database file says so (rather than "your progress is safe") and has the
    next start check the file, where the user is offered the backups."""
    from workbook.ui import dialogs

    log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, trace)))
    damage = _database_damage(value)
    if damage is not None:
        log.error("the progress database is damaged: %s", damage)
        if data_dir is not None:
            from workbook.store.health import request_check

            request_check(data_dir)
        dialogs.show_error(None, APP_NAME, translate(
            "App", "Your progress database is damaged.\n\n{damage}\n\nQuit the workbook and start it again: "
                   "it will check the file and offer to restore a backup. Nothing is deleted.").format(
                damage=damage))
        return
    dialogs.show_error(None, APP_NAME,
                       translate("App", "Something went wrong: {error}\n\nYour saved progress is safe. "
                           "Details were written to workbook.log in the data folder.").format(error=value))


def _database_damage(error: BaseException) -> str | None:
    try:
        from workbook.store.connection import damage_behind

        return damage_behind(error)
    except Exception:  # the check itself failed: the plain message stands
        log.exception("the database could not be checked after an unexpected error")
        return None


def _fatal(message: str) -> None:
    from workbook.ui import dialogs

    dialogs.show_error(None, APP_NAME, message)
