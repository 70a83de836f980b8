"""Run a long job in a worker process, with progress and cancel, so the window's process never waits.

A thread of the window's process would do, if Python let two threads compute at once: a cohort's
PDF report or a batch of certificates is pure-Python work (reportlab) that holds the interpreter
lock, and its garbage collections froze the window for 100-600 ms at a time. In a process of its
own ('spawn': a fresh interpreter, the same on Windows, macOS and Linux, and in the frozen app, whose
entry point calls `multiprocessing.freeze_support()`) it only costs the window a thread that waits.

    result = run_in_process("workbook.reports.trainer_jobs:cohort_pdf", {...}, progress, cancelled)

The job is named "module:function"; it gets its keyword arguments (plain, picklable values) plus
`progress(done, total)` and `cancelled()`, and returns a picklable result. Messages go over a pipe:
progress at most twenty times a second, then the result, a cancel (`Cancelled`), or a failure
(`JobFailed`, with the job's own message; its traceback goes to the log, never to the user). A
cancel is asked for, not forced: the job stops at its next step, so it never leaves half a change.
If the window's process goes away, the job sees the pipe close and stops the same way.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import logging
import multiprocessing
import os
import sys
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from workbook.core.cancel import Cancelled

log = logging.getLogger("workbook")

POLL_S = 0.1  # how often the waiting thread looks at the cancel flag
PROGRESS_EVERY_S = 0.05
NICENESS = 10  # the job yields a core to the window whenever the window has something to do


class JobFailed(Exception):
    """The job in the worker process raised; the message is the job's own, `details` its traceback."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


def run_in_process(target: str, arguments: dict[str, Any], progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Any:
    """Run `target(**arguments, progress=..., cancelled=...)` in a fresh process and return its result.

    Blocks the calling thread (never the GUI thread: a QueryOp's) while waiting on the pipe, which
    holds no interpreter lock. Raises `Cancelled` once the job has stopped after `cancelled()` turned
    true, or `JobFailed`."""
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe(duplex=True)
    process = context.Process(target=_worker_main, args=(theirs, target, arguments), daemon=True,
                              name=f"workbook job {target}")
    process.start()
    theirs.close()
    asked_to_stop = False
    try:
        while True:
            if not asked_to_stop and cancelled is not None and cancelled():
                with contextlib.suppress(OSError):
                    ours.send(("cancel",))
                asked_to_stop = True
            if not ours.poll(POLL_S):
                continue
            try:
                message = ours.recv()
            except EOFError:
                process.join(5)
                raise JobFailed(f"the worker process stopped unexpectedly (exit code {process.exitcode})"
                                ) from None
            kind = message[0]
            if kind == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif kind == "done":
                return message[1]
            elif kind == "cancelled":
                raise Cancelled(message[1])
            else:
                log.error("the worker process's job %s failed:\n%s", target, message[2])
                raise JobFailed(message[1], message[2])
    finally:
        ours.close()  # the job, if still running (the waiting side failed), takes this as a cancel
        process.join(30)
        if process.is_alive():
            process.kill()
            process.join()
        process.close()


class _Channel:
    """The job's side of the pipe."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._stop = False
        self._last = 0.0

    def progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_EVERY_S:
            self._last = now
            self.send(("progress", done, total))

    def cancelled(self) -> bool:
        if not self._stop:
            try:
                self._stop = self._connection.poll()  # "cancel" is the only thing ever sent; or EOF
            except (OSError, EOFError):
                self._stop = True
        return self._stop

    def send(self, message: tuple) -> None:
        with contextlib.suppress(OSError):  # the window's process went away: nobody to tell
            self._connection.send(message)


def _lower_priority() -> None:
    """Below the window's priority: on a busy machine the window's thread would otherwise wait for a
    core behind its own job. (Against other programs the job keeps its share where the system
    schedules by session or group, as Linux's autogroups do.)"""
    with contextlib.suppress(OSError, AttributeError):
        if hasattr(os, "nice"):
            os.nice(NICENESS)
        elif sys.platform == "win32":
            import ctypes

            below_normal = 0x4000
            kernel = ctypes.windll.kernel32
            kernel.SetPriorityClass(kernel.GetCurrentProcess(), below_normal)


def _worker_main(connection: Connection, target: str, arguments: dict[str, Any]) -> None:
    """The worker process's whole life: import the job, run it, send what came of it."""
    channel = _Channel(connection)
    _lower_priority()
    try:
        module, name = target.split(":")
        job = getattr(importlib.import_module(module), name)
        # What start-up and the imports made lives as long as the process: no collection need walk it.
        gc.collect()
        gc.freeze()
        result = job(progress=channel.progress, cancelled=channel.cancelled, **arguments)
    except Cancelled as stop:
        channel.send(("cancelled", str(stop) or "canceled: nothing was written"))
    except Exception as error:
        channel.send(("failed", str(error) or type(error).__name__, traceback.format_exc()))
    else:
        channel.send(("done", result))
    finally:
        connection.close()
