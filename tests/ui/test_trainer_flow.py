"""A trainer unlocks the trainer views, creates a cohort, imports a roster with bad rows, reads the
dashboard, drills into a learner, and runs a report and batch certificates off the GUI thread."""

from __future__ import annotations

from workbook.store import cohorts, learners
from workbook.ui import dialogs
from workbook.ui.trainer import controller as trainer_controller
from workbook.ui.trainer import passphrase_dialog

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
    html = trainer_controller.learner_detail_html(library, ana.id)
    assert "Ana Lima" in html and "quiz" in html and "Practice call" in html

    page.csv_button.click()
    finish(navigator.trainer.running)
    assert "Ana Lima" in (tmp_path / "nov.csv").read_text(encoding="utf-8-sig")

    page.certificates_button.click()
    finish(navigator.trainer.running)
    assert any("certificate" in str(text).lower() or "issued" in str(text).lower() for text in shown[1:])
    assert len(list((tmp_path / "certs").glob("*.pdf"))) == 1  # only Ana is eligible
    finish(navigator.trainer.loading)  # the dashboard re-read after the job
    assert page.proxy.rowCount() == len(names)
