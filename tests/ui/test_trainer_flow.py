"""A trainer unlocks the trainer views, creates a cohort, imports a roster with bad rows, reads the
dashboard, drills into a learner, and runs a report and batch certificates off the GUI thread."""

from __future__ import annotations

from workbook.store import cohorts, learners
from workbook.ui import dialogs
from workbook.ui.trainer import learner_detail, passphrase_dialog

ROSTER = """name,employee id,email
Ana Lima,E-100,ana@example.com
,E-101,nobody@example.com
Bo Chen,E-102,not-an-email
Chidi Okafor,E-103,chidi@example.com
"""


def _answers(monkeypatch, **answers) -> list:
    """Route every dialog the trainer would see to canned answers; returns the messages shown."""
    shown: list = []
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: answers.get("pass", True))
    monkeypatch.setattr(dialogs, "ask_text", lambda *args, **kwargs: answers.get("text"))
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *args: answers.get("open"))
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: answers.get("save"))
    monkeypatch.setattr(dialogs, "ask_folder", lambda *args: answers.get("folder"))
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append("ERROR " + text))
    return shown


def test_a_wrong_passphrase_keeps_the_trainer_views_closed(qtbot, open_window, library, monkeypatch):
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("Curious Learner").id)
    _answers(monkeypatch, **{"pass": False})
    navigator.window.trainer_requested.emit()
    assert navigator.pages.currentWidget() is navigator.home_page
    assert not navigator.trainer.unlocked


def test_cohort_roster_dashboard_report_and_certificates(qtbot, open_window, library, monkeypatch,
                                                        tmp_path, complete_everything, finish):
    navigator = open_window(library)
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    shown = _answers(monkeypatch, text="November intake", open=str(roster), save=str(tmp_path / "nov.csv"),
                     folder=str(tmp_path / "certs"))
    (tmp_path / "certs").mkdir()
    navigator.window.trainer_requested.emit()
    page = navigator.trainer.page
    assert navigator.pages.currentWidget() is page

    page.new_cohort_requested.emit()
    finish(navigator.trainer.loading)  # the dashboard is read off the GUI thread; then its actions work
    cohort = cohorts.find_cohort("November intake")
    assert cohort is not None and page.current_cohort() == cohort.id

    page.roster_button.click()
    assert "enrolled" in shown[-1] and ":3:" in shown[-1] and ":4:" in shown[-1]  # bad rows by line
    names = sorted(m.display_name for m in cohorts.members(cohort.id))
    assert "Ana Lima" in names and "Chidi Okafor" in names
    finish(navigator.trainer.loading)
    assert page.proxy.rowCount() == len(names)

    ana = next(m for m in cohorts.members(cohort.id) if m.display_name == "Ana Lima")
    complete_everything(library, ana.id)
    navigator.trainer.show_cohort(cohort.id)
    finish(navigator.trainer.loading)
    html = learner_detail.learner_detail_html(library, ana.id)
    assert "Ana Lima" in html and "quiz" in html and "Practice call" in html

    page.csv_button.click()
    finish(navigator.trainer.running)
    assert "Ana Lima" in (tmp_path / "nov.csv").read_text(encoding="utf-8-sig")

    page.certificates_button.click()
    finish(navigator.trainer.running)  # who is eligible, checked first
    finish(navigator.trainer.running)  # then the batch, in a worker process
    assert any("certificate" in str(text).lower() or "issued" in str(text).lower() for text in shown[1:])
    assert len(list((tmp_path / "certs").glob("*.pdf"))) == 1  # only Ana is eligible
    finish(navigator.trainer.loading)  # the dashboard re-read after the job
    assert page.proxy.rowCount() == len(names)


def test_an_archived_cohort_is_listed_and_restored_with_its_learners(qtbot, open_window, library,
                                                                     monkeypatch, finish):
    navigator = open_window(library)
    shown = _answers(monkeypatch)
    evening = cohorts.create_cohort("Evening shift")
    ana = learners.create_learner("Ana Lima")
    cohorts.enrol(evening.id, [ana.id])
    navigator.window.trainer_requested.emit()
    page = navigator.trainer.page
    finish(navigator.trainer.loading)
    assert page.current_cohort() == evening.id and page.archived.isHidden()  # nothing archived yet

    page.archive_button.click()
    assert page.cohorts.count() == 0 and not page.archived.isHidden()
    assert [page.archived.item(i).text() for i in range(page.archived.count())] == ["Evening shift"]
    assert not page.restore_button.isEnabled()  # until an archived cohort is chosen

    page.archived.setCurrentRow(0)
    page.restore_button.click()
    assert shown == [] and cohorts.find_cohort("Evening shift").id == evening.id
    assert page.current_cohort() == evening.id and page.archived.isHidden()
    assert [m.id for m in cohorts.members(evening.id)] == [ana.id]
    finish(navigator.trainer.loading)  # its dashboard, read off the GUI thread
    assert page.proxy.rowCount() == 1


def test_restoring_next_to_a_cohort_of_the_same_name_is_refused_and_said(qtbot, open_window, library,
                                                                         monkeypatch):
    navigator = open_window(library)
    shown = _answers(monkeypatch)
    old = cohorts.create_cohort("Morning")
    cohorts.archive_cohort(old.id)
    cohorts.create_cohort("Morning")
    navigator.window.trainer_requested.emit()
    page = navigator.trainer.page
    page.archived.setCurrentRow(0)
    page.restore_button.click()
    assert len(shown) == 1 and shown[0].startswith("ERROR ")
    assert page.archived.count() == 1 and cohorts.get_cohort(old.id).archived_at is not None


def test_the_dashboard_and_drill_down_show_pace_and_flag_rushed_attempts(qtbot, open_window, library,
                                                                        monkeypatch, finish):
    """One learner answers a quiz a question a second, another takes their time: the dashboard shows
    each one's median seconds, the rushed one is flagged, and the drill-down says which attempt."""
    import random
    from datetime import UTC, datetime, timedelta

    from PySide6.QtCore import Qt

    from workbook.core.attempt import draw_attempt, grade
    from workbook.core.scoring import right_response
    from workbook.store import quiz_attempts

    def take_quiz(learner_id: str, seconds_each: int) -> None:
        start = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
        plan = draw_attempt(library.module("empathy").quiz, "empathy", random.Random(1))
        attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner_id, plan, now=start))
        for number, presented in enumerate(plan.questions, 1):
            quiz_attempts.record_answer(attempt, presented.id, right_response(presented.question), True,
                                        now=start + timedelta(seconds=seconds_each * number))
        quiz_attempts.submit_attempt(attempt, grade(plan, attempt.responses),
                                     now=start + timedelta(seconds=seconds_each * 20))

    navigator = open_window(library)
    quick, steady = learners.create_learner("Quick Clicker"), learners.create_learner("Steady Reader")
    take_quiz(quick.id, 1)
    take_quiz(steady.id, 40)
    made = cohorts.create_cohort("Pace check")
    cohorts.enrol(made.id, [quick.id, steady.id])
    _answers(monkeypatch)
    navigator.window.trainer_requested.emit()
    page = navigator.trainer.page
    finish(navigator.trainer.loading)
    navigator.trainer.show_cohort(made.id)
    finish(navigator.trainer.loading)  # the dashboard is read off the GUI thread
    model = page.model
    column = next(c for c in range(model.columnCount())
                  if model.title(c) == "Median s / question")
    cells = {model.index(r, 0).data(): model.index(r, column) for r in range(model.rowCount())}
    assert cells["Quick Clicker"].data() == "1 s  \u26a0 1"
    assert "faster than reading allows" in cells["Quick Clicker"].data(Qt.ItemDataRole.ToolTipRole)
    assert cells["Steady Reader"].data() == "40 s"
    assert cells["Steady Reader"].data(Qt.ItemDataRole.ToolTipRole) is None
    qtbot.waitUntil(lambda: "Weakest skills" in page.insights.text())  # the side panel: a turn later
    insights = page.insights.text()
    assert "Answered faster than reading allows" in insights and "Quick Clicker (1)" in insights
    assert "Steady Reader (" not in insights
    quick_html = learner_detail.learner_detail_html(library, quick.id)
    assert "median 1 s per quiz question" in quick_html
    assert "Answered faster than reading allows" in quick_html
    assert "Answered faster than reading allows" not in learner_detail.learner_detail_html(library,
                                                                                              steady.id)


def test_the_drill_down_lists_every_attempt_at_the_top_and_follows_a_link_by_keyboard(
        qtbot, open_window, library, complete_everything):
    """A learner who did everything has a long drill-down: it opens with a list of every quiz attempt
    and call, rushed ones marked, and Tab then Enter on an entry scrolls to that attempt."""
    import random
    from datetime import UTC, datetime, timedelta

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from workbook.core.attempt import draw_attempt, grade
    from workbook.core.scoring import right_response
    from workbook.store import quiz_attempts

    navigator = open_window(library)
    learner = learners.create_learner("Finished Fast")
    complete_everything(library, learner.id)
    start = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    plan = draw_attempt(library.module("empathy").quiz, "empathy", random.Random(2))
    attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner.id, plan, now=start))
    for number, presented in enumerate(plan.questions, 1):  # a question a second: rushed
        quiz_attempts.record_answer(attempt, presented.id, right_response(presented.question),
                                    now=start + timedelta(seconds=number))
    quiz_attempts.submit_attempt(attempt, grade(plan, attempt.responses), now=start + timedelta(seconds=30))

    html = learner_detail.learner_detail_html(library, learner.id)
    attempts = sum(1 for m in library.modules if m.quiz is not None) + 1 + len(library.scenarios)
    assert html.count("<a href='#attempt-") == attempts
    entries = html.split("<ul>", 1)[1].split("</ul>", 1)[0].split("<li>")[1:]
    marked = [entry for entry in entries if "answered faster than reading allows" in entry]
    assert len(marked) == attempts - len(library.scenarios)  # every quiz here was answered at once
    assert all("quiz:" in entry for entry in marked)  # the calls were not timed: never marked
    assert html.index("On this page:") < html.index("<a name='attempt-1'>")

    learner_detail.show_detail_html(navigator.window, html)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Learner detail")
    qtbot.addWidget(dialog)
    view = dialog.findChild(QTextBrowser)
    qtbot.waitExposed(dialog)
    view.setFocus()
    assert view.verticalScrollBar().value() == 0
    for _ in range(attempts):  # to the last entry of the list: the last call, far down the page
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > view.verticalScrollBar().maximum() // 2)
