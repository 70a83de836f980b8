"""The home checklist and "Get certificate": disabled until every rule is met, then a signed PDF is
issued into the data folder, previewed, saved where the learner chooses, and listed."""

from __future__ import annotations

from pathlib import Path

from workbook.reports.verify import Status, verify_certificate
from workbook.store import learners
from workbook.ui import certificate_dialog, dialogs
from workbook.ui.completion_panel import LINE
from workbook.ui.requirement_text import requirement_line


def test_new_learner_sees_what_is_left(qtbot, open_window, library):
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("Just Started").id)
    panel = navigator.home_page.completion
    assert panel.isVisible() and not panel.certificate_button.isEnabled()
    assert "requirements met" in panel.summary.text()
    assert "not taken yet, needs 80%" in panel.requirement_lines()
    assert "still open" in panel.certificate_button.toolTip() and "unlocks when" in panel.summary.text()
    every = navigator._snapshot("Just Started").eligibility.requirements
    lines = panel.requirement_lines().count(f"<p style='{LINE}'>")
    assert lines == len(every) > 8  # every line, no "and 11 more"
    # in English the interface words each fact exactly as the CLI prints it
    assert [requirement_line(r) for r in every] == [f"{r.label}: {r.detail}" for r in every]
    assert every[0].detail.endswith(" to go") and every[0].detail in panel.requirement_lines()
    assert [group.toggle.text().split(":")[0] for group in panel.groups] == ["Reading", "Quizzes",
                                                                          "Practice calls"]
    reading, quizzes, calls = panel.groups  # only the first group with something left is open
    assert reading.toggle.isChecked() and reading.lines.isVisibleTo(panel)
    assert not quizzes.lines.isVisibleTo(panel) and not calls.lines.isVisibleTo(panel)
    assert quizzes.toggle.text() == "Quizzes: 0 of 8 done"  # a closed group still says where it stands
    quizzes.toggle.click()  # a group opens and closes again
    assert quizzes.lines.isVisibleTo(panel)
    quizzes.toggle.click()
    assert not quizzes.lines.isVisibleTo(panel)
    first_card = navigator.home_page.cards[0]
    qtbot.waitUntil(lambda: first_card.height() > 0 and panel.height() > 0)
    assert panel.geometry().bottom() < first_card.geometry().top()  # the checklist sits above the cards


def test_eligible_learner_gets_a_verified_certificate(qtbot, open_window, library, data_dir, tmp_path,
                                                      monkeypatch, complete_everything, finish):
    navigator = open_window(library)
    learner = learners.create_learner("Ready Graduate")
    complete_everything(library, learner.id)
    navigator.open_learner(learner.id)
    panel = navigator.home_page.completion
    met = navigator._snapshot("Ready Graduate").eligibility.requirements
    assert [requirement_line(r) for r in met] == [f"{r.label}: {r.detail}" for r in met]
    assert panel.certificate_button.isEnabled() and "ready" in panel.summary.text()

    previewed = []
    monkeypatch.setattr(certificate_dialog, "show_certificate",
                        lambda parent, pdf, identity, name: previewed.append((pdf, identity)))
    panel.certificate_button.click()  # drawn off the GUI thread
    finish(navigator.certificates.running)
    pdf, identity = previewed[0]
    assert pdf.parent == data_dir / "certificates" and pdf.is_file()
    assert verify_certificate(pdf, data_dir).status == Status.VALID
    assert identity in navigator.home_page.completion.issued.text()
    assert "Open my" in panel.certificate_button.text()
    panel.certificate_button.click()  # the issued certificate again, not a new ID
    assert previewed[1] == (pdf, identity) and len(list(pdf.parent.glob("*.pdf"))) == 1

    dialog = certificate_dialog.CertificateDialog(pdf, identity, learner.display_name)
    qtbot.addWidget(dialog)
    assert not dialog.preview.pixmap().isNull() and dialog.preview.pixmap().width() > 800
    target = tmp_path / "mine"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: str(target))
    monkeypatch.setattr(dialogs, "show_info", lambda *args: None)
    dialog.save_as()
    assert Path(str(target) + ".pdf").read_bytes() == pdf.read_bytes()


def test_a_refused_certificate_is_explained_and_nothing_is_written(qtbot, open_window, library, data_dir,
                                                                   monkeypatch, finish):
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("Not Yet Done").id)
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append((title, text)))
    navigator.certificates.issue()  # the button is disabled; issuing checks the rules again itself
    finish(navigator.certificates.running)
    [(title, text)] = shown
    assert title == "Not yet" and "Traceback" not in text and text.strip()
    assert list((data_dir / "certificates").glob("*.pdf")) == []


def test_file_menu_verifies_a_certificate_a_learner_sent_back(qtbot, open_window, library, data_dir, tmp_path,
                                                             monkeypatch, complete_everything, finish):
    """File > Verify a certificate: the genuine PDF is reported valid, a copy with bytes added after
    its end is reported tampered, and a file that is no PDF says so; the window never raises."""
    from workbook.reports.issue import issue_certificate

    navigator = open_window(library)
    learner = learners.create_learner("Sam Emailed")
    complete_everything(library, learner.id)
    genuine = issue_certificate(library, learner.id, data_dir, tmp_path / "sam.pdf").path
    changed = tmp_path / "sam-changed.pdf"
    changed.write_bytes(genuine.read_bytes() + b"\n% an editor's trailing note\n")
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("just text", encoding="utf-8")
    said = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: said.append(("info", text)))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: said.append(("error", text)))
    file_menu = navigator.window.menuBar().actions()[0].menu()
    qtbot.waitUntil(lambda: bool(file_menu.actions()))  # the menus fill after the first paint
    verify = next(a for a in file_menu.actions() if a.text() == "&Verify a certificate\u2026")
    for path in (genuine, changed, not_pdf):
        monkeypatch.setattr(dialogs, "ask_open_path", lambda *args, path=path: str(path))
        verify.trigger()
        finish(navigator.certificates.running)
    assert [kind for kind, _text in said] == ["info", "error", "error"]
    assert said[0][1].startswith("Genuine: this certificate is valid.") and "Sam Emailed" in said[0][1]
    assert said[1][1].startswith("Tampered:") and "sam-changed.pdf" in said[1][1]
    assert said[2][1].startswith("Not a workbook certificate.")
    assert "not valid" in navigator.window.save_status.text()
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *args: None)  # cancelled: nothing checked
    verify.trigger()
    assert len(said) == 3
