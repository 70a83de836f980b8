"""The trainer's PDF report runs in a real worker process: the window's buttons start it, the PDF it
writes is read back, a cancel mid-job leaves no file (not even a temp file), and a failing job shows
its own message, no traceback. (Batch certificates through the worker: test_trainer_flow.)"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbook.core.content_cache import load_library_cached
from workbook.paths import content_cache_path
from workbook.store import cohorts, learners
from workbook.ui import dialogs
from workbook.ui.operations import Outcome
from workbook.ui.trainer import passphrase_dialog


@pytest.fixture(scope="session")
def cached_content(tmp_path_factory, library) -> Path:
    """The content cache the window writes at start, made once: the worker reads the library from it."""
    folder = tmp_path_factory.mktemp("content-cache")
    load_library_cached(library.root, folder)
    return content_cache_path(folder, library.root)


@pytest.fixture
def trainer(qtbot, open_window, library, data_dir, cached_content, monkeypatch):
    """The trainer view unlocked on a cohort; returns (navigator, cohort id, shown messages, answers)."""
    target = content_cache_path(data_dir, library.root)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached_content, target)
    shown: list[str] = []
    answers: dict[str, str] = {}
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: True)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: answers["save"])
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append("ERROR " + text))
    navigator = open_window(library)
    cohort = cohorts.create_cohort("Evening shift")
    return navigator, cohort.id, shown, answers


def _open(qtbot, navigator, finish) -> None:
    navigator.window.trainer_requested.emit()
    finish(navigator.trainer.loading)


def test_the_pdf_report_is_built_in_a_worker_process_and_reads_back(qtbot, trainer, library, finish,
                                                                    complete_everything, tmp_path):
    navigator, cohort_id, shown, answers = trainer
    ana, bo = learners.create_learner("Ana Lima"), learners.create_learner("Bo Chen")
    cohorts.enrol(cohort_id, [ana.id, bo.id])
    complete_everything(library, ana.id)
    answers["save"] = str(tmp_path / "evening.pdf")
    _open(qtbot, navigator, finish)
    steps: list[tuple[int, int]] = []

    navigator.trainer.page.pdf_button.click()
    running = navigator.trainer.running
    running._progressed.connect(lambda done, total: steps.append((done, total)))
    finish(running, 60000)

    assert running.outcome is Outcome.SUCCEEDED, shown
    assert shown == [f"Report saved to {tmp_path / 'evening.pdf'}"]
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "evening.pdf").pages)
    assert "Evening shift" in text and "Ana Lima" in text and "Bo Chen" in text
    assert steps and steps[-1][0] == steps[-1][1]  # progress came over the pipe, ending at the total
    assert sorted(os.listdir(tmp_path)) == sorted(["data", "evening.pdf"])


def test_cancelling_the_report_mid_job_leaves_no_file(qtbot, trainer, finish, tmp_path):
    navigator, cohort_id, shown, answers = trainer
    members = [learners.create_learner(f"Learner {number:03}").id for number in range(300)]
    cohorts.enrol(cohort_id, members)
    answers["save"] = str(tmp_path / "out" / "evening.pdf")
    (tmp_path / "out").mkdir()
    _open(qtbot, navigator, finish)
    steps: list[int] = []

    navigator.trainer.page.pdf_button.click()
    running = navigator.trainer.running

    def cancel_once_started(done: int, total: int) -> None:
        steps.append(done)
        if len(steps) == 1:
            running.cancel()

    running._progressed.connect(cancel_once_started)
    finish(running, 60000)

    assert steps and steps[0] < 300  # it was under way when asked to stop
    assert running.outcome is Outcome.CANCELLED and shown == []
    assert navigator.window.save_status.text() == "Canceled: nothing was written"
    assert os.listdir(tmp_path / "out") == []  # no report, and no temp file of one


def test_a_failing_report_shows_its_message_without_a_traceback(qtbot, trainer, finish, tmp_path):
    navigator, cohort_id, shown, answers = trainer
    cohorts.enrol(cohort_id, [learners.create_learner("Ana Lima").id])
    answers["save"] = str(tmp_path / "removed-folder" / "evening.pdf")  # the folder is gone meanwhile
    _open(qtbot, navigator, finish)

    navigator.trainer.page.pdf_button.click()
    running = navigator.trainer.running
    finish(running, 60000)

    assert running.outcome is Outcome.FAILED
    assert len(shown) == 1 and shown[0].startswith("ERROR The job stopped: ")
    assert "removed-folder" in shown[0] and "Traceback" not in shown[0] and "\n" not in shown[0]
    assert not (tmp_path / "removed-folder").exists()


def test_who_would_get_a_certificate_is_checked_in_the_worker_process(qtbot, trainer, library, finish,
                                                                      monkeypatch):
    """Replaying 2,000 learners' evidence held the window's interpreter for 50-80 ms at a time as a
    thread; the check runs in the worker process (the window's own copy of it would refuse)."""
    from workbook.reports import batch

    def not_here(*args, **kwargs):
        raise AssertionError("the eligibility check ran in the window's process")

    monkeypatch.setattr(batch, "check_cohort", not_here)
    navigator, cohort_id, shown, _answers = trainer
    ana = learners.create_learner("Ana Lima")
    cohorts.enrol(cohort_id, [ana.id])
    _open(qtbot, navigator, finish)

    navigator.trainer.page.certificates_button.click()
    running = navigator.trainer.running
    finish(running, 60000)

    assert running.outcome is Outcome.SUCCEEDED, shown
    assert len(shown) == 1 and shown[0].startswith("Nobody in this cohort can get a certificate now.")
    assert "Ana Lima" in shown[0] and "Traceback" not in shown[0]
