"""`run_in_process` with real 'spawn' worker processes: the result comes back, progress is relayed,
a cancel stops the job at its next step, a failure brings its own message (the traceback kept
aside for the log), and a worker that dies is reported in words."""

from __future__ import annotations

import os
import time

import pytest

from workbook.core.cancel import Cancelled
from workbook.worker_process import JobFailed, run_in_process

HERE = __name__  # the worker imports the jobs below from this module


def count_to(*, upto: int, progress, cancelled) -> int:
    for number in range(1, upto + 1):
        if cancelled():
            raise Cancelled("stopped at the user's request")
        time.sleep(0.01)
        progress(number, upto)
    return upto * 2


def fail(*, progress, cancelled) -> None:
    raise ValueError("row 3 of the roster has no name")


def die(*, progress, cancelled) -> None:
    os._exit(3)


def test_the_result_and_the_progress_come_back():
    seen: list[tuple[int, int]] = []
    result = run_in_process(f"{HERE}:count_to", {"upto": 20}, lambda done, total: seen.append((done, total)))
    assert result == 40
    assert seen and seen[-1] == (20, 20) and all(total == 20 for _, total in seen)


def test_a_cancel_stops_the_job_at_its_next_step():
    seen: list[int] = []
    with pytest.raises(Cancelled, match="stopped at the user's request"):
        run_in_process(f"{HERE}:count_to", {"upto": 100_000}, lambda done, total: seen.append(done),
                       cancelled=lambda: bool(seen))
    assert seen and seen[-1] < 100_000


def test_a_failure_brings_the_jobs_own_message_and_keeps_the_traceback_for_the_log():
    with pytest.raises(JobFailed) as failed:
        run_in_process(f"{HERE}:fail", {})
    assert str(failed.value) == "row 3 of the roster has no name"
    assert "Traceback" in failed.value.details and "ValueError" in failed.value.details


def test_a_worker_that_dies_is_reported_in_words():
    with pytest.raises(JobFailed, match=r"the worker process stopped unexpectedly \(exit code 3\)"):
        run_in_process(f"{HERE}:die", {})
