"""Work off the GUI thread: the result comes back on the GUI thread, a failure is shown in words
(never a traceback), and a cancelled job ends as cancelled, recognised by type."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QPushButton, QWidget

from workbook.core.cancel import Cancelled
from workbook.ui import dialogs
from workbook.ui.operations import Outcome, QueryOp


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def errors(monkeypatch) -> list:
    shown: list = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append((title, text)))
    return shown


def test_the_result_arrives_on_the_gui_thread(qtbot, parent, errors):
    got = []
    gui = QThread.currentThread()

    def work(job):
        return ("worker", QThread.currentThread() is not gui)

    op = QueryOp(parent, work, lambda result: got.append((result, QThread.currentThread() is gui)))
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.start()
    assert got == [(("worker", True), True)]
    assert op.outcome is Outcome.SUCCEEDED and errors == []


def test_a_failure_is_shown_in_words_without_a_traceback(qtbot, parent, errors):
    def work(job):
        raise OSError("No space left on device")

    op = QueryOp(parent, work, lambda result: pytest.fail("no result expected"))
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.start()
    assert op.outcome is Outcome.FAILED
    [(title, text)] = errors
    assert "No space left on device" in text and "Traceback" not in text and "File " not in text


def test_a_failure_goes_to_its_own_handler_when_given(qtbot, parent, errors):
    failed = []
    op = QueryOp(parent, lambda job: 1 / 0, lambda result: None, failed.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.start()
    assert [type(e) for e in failed] == [ZeroDivisionError] and errors == []


def test_cancel_stops_the_work_and_ends_as_cancelled(qtbot, parent, errors):
    started, steps, ended = threading.Event(), [], []

    def work(job):
        started.set()
        for step in range(1000):
            job.raise_if_cancelled()
            job.progress(step, 1000)
            steps.append(step)
            threading.Event().wait(0.005)
        return "all done"

    op = QueryOp(parent, work, lambda result: ended.append(result), progress="Counting", cancellable=True,
                 on_cancel=lambda: ended.append("cancelled"))
    op.start()
    assert started.wait(5)
    op.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel button
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert op.outcome is Outcome.CANCELLED and ended == ["cancelled"] and errors == []
    assert len(steps) < 1000


def test_a_cancelled_exception_from_the_reports_is_the_same_type():
    from workbook.reports import cohort_report

    assert cohort_report.Cancelled is Cancelled


def _slow_job(started: threading.Event):
    def work(job):
        started.set()
        for _ in range(2000):  # 10 s unless cancelled
            job.raise_if_cancelled()
            threading.Event().wait(0.005)
        return "all done"
    return work


def test_closing_the_window_during_a_long_job_asks_and_stopping_cancels_it(qtbot, errors, monkeypatch):
    from workbook.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    asked, answers = [], [False, True]
    monkeypatch.setattr(window, "confirm_close_during", lambda jobs: asked.append(jobs) or answers.pop(0))
    started = threading.Event()
    op = QueryOp(window, _slow_job(started), lambda result: None, progress="Issuing certificates",
                 cancellable=True)
    op.start()
    assert started.wait(5)

    window.close()  # the user says "keep working"
    assert asked == [["Issuing certificates"]] and window.isVisible() and not op.done

    window.close()  # now "Stop and quit": the job stops at its next step, long before its 10 s
    assert not window.isVisible()
    qtbot.waitUntil(lambda: op.done, timeout=3000)
    assert op.outcome is Outcome.CANCELLED and errors == []


def test_closing_without_a_long_job_under_way_asks_nothing(qtbot, errors, monkeypatch):
    from workbook.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(window, "confirm_close_during", lambda jobs: pytest.fail(f"asked about {jobs}"))
    op = QueryOp(window, lambda job: 42, lambda result: None)  # a quick query: no label, not cancellable
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.start()
    window.close()
    assert not window.isVisible() and op.outcome is Outcome.SUCCEEDED


def test_the_button_that_started_a_job_has_the_focus_again_after_its_result(qtbot, errors):
    """A "Report saved" box closing may leave no widget focused (the window manager activates nothing):
    the keyboard user finds the focus back on the button they pressed."""
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    start, other = QPushButton("Report PDF\u2026"), QPushButton("Other")
    layout = QVBoxLayout(window)
    layout.addWidget(start)
    layout.addWidget(other)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    start.setFocus()

    def saved(_result) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "Done", "Report saved", parent=window)
        box.show()
        box.setFocus()
        box.done(0)
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()  # what the window manager did: nothing is active after the box

    op = QueryOp(window, lambda job: "report.pdf", saved, progress="Building the report")
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.start()
    assert start.hasFocus() and errors == []
