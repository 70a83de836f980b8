"""The trainer page as a usability tester drove it, by keyboard, at 1280x720, on a real database: the
learner drill-down speaks of the learner and fits the screen, and learners who just joined are not
listed as stalled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTextBrowser

from workbook.store import cohorts, learners
from workbook.ui import dialogs
from workbook.ui.trainer import passphrase_dialog


def _trainer_page(navigator, monkeypatch, finish, cohort_id: str | None = None):
    """The trainer page, unlocked, with the cohort's dashboard read."""
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: True)
    navigator.window.trainer_requested.emit()
    trainer = navigator.trainer
    if trainer.loading is not None:
        finish(trainer.loading)
    if cohort_id is not None and trainer.page.current_cohort() != cohort_id:
        trainer.refresh(cohort_id)
        finish(trainer.loading)
    return trainer.page


def test_the_drill_down_names_the_learners_answers_and_fits_the_screen(qtbot, open_window, library,
                                                                      monkeypatch, finish,
                                                                      complete_everything):
    navigator = open_window(library)
    ana = learners.create_learner("Ana Lima")
    complete_everything(library, ana.id)
    group = cohorts.create_cohort("Day shift")
    cohorts.enrol(group.id, [ana.id])
    page = _trainer_page(navigator, monkeypatch, finish, group.id)
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # opens the learner, as a double-click does

    def details() -> list[QDialog]:  # built off the GUI thread, then shown
        return [d for d in navigator.window.findChildren(QDialog)
                if d.isVisible() and d.windowTitle() == "Learner detail"]

    qtbot.waitUntil(lambda: bool(details()))
    shown = details()
    assert len(shown) == 1
    detail = shown[0]
    text = detail.findChild(QTextBrowser).toPlainText()
    html = detail.findChild(QTextBrowser).toHtml()
    assert "(learner's answer)" in text and "(your answer)" not in text
    assert "Learner: \u201c" in text and "You: \u201c" not in text and "your pick" not in text
    assert "Points the learner's replies earned" in text and "replay:" not in html  # no dead links
    room = detail.screen().availableGeometry()
    qtbot.waitUntil(lambda: room.contains(detail.frameGeometry()))
    assert detail.width() <= 900 and detail.height() <= 700
    detail.close()


def test_learners_just_enrolled_are_not_listed_as_stalled(qtbot, open_window, library, monkeypatch,
                                                         finish, tmp_path):
    """A roster imported a minute ago: nobody has had a week to make progress yet."""
    navigator = open_window(library)
    roster = tmp_path / "roster.csv"
    roster.write_text("name,employee id\nAna Lima,E-1\nBo Chen,E-2\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_text", lambda *args, **kwargs: "December intake")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *args: str(roster))
    monkeypatch.setattr(dialogs, "show_info", lambda *args: None)
    page = _trainer_page(navigator, monkeypatch, finish)
    page.new_cohort_requested.emit()
    finish(navigator.trainer.loading)
    page.roster_button.click()
    finish(navigator.trainer.loading)
    assert page.proxy.rowCount() == 2
    qtbot.waitUntil(lambda: "No progress for 7 days" in page.insights.text())
    stalled = page.insights.text().split("No progress for 7 days")[1]
    assert "Nobody" in stalled and "Ana Lima" not in stalled and "Bo Chen" not in stalled


def _cohort_on_page(qtbot, navigator, monkeypatch, finish, size=(1280, 720)):
    """Three learners in a cohort, the trainer page showing it in a window of `size`, and the window
    active (keys reach it)."""
    people = [learners.create_learner(name, employee) for name, employee in
              (("Ana Lima", "E-1"), ("Bo Chen", "E-2"), ("Chidi Okafor", None))]
    group = cohorts.create_cohort("December intake")
    cohorts.enrol(group.id, [person.id for person in people])
    navigator.open_learner(people[0].id)
    window = navigator.window
    window.resize(*size)
    page = _trainer_page(navigator, monkeypatch, finish, group.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: page.table.width() > 0 and page.proxy.rowCount() == 3)
    return page


def test_tab_leaves_the_learner_table_and_the_current_cell_shows(qtbot, open_window, library, monkeypatch,
                                                                finish):
    from PySide6.QtWidgets import QApplication

    from workbook.ui.theme import colours

    navigator = open_window(library)
    page = _cohort_on_page(qtbot, navigator, monkeypatch, finish)
    table = page.table
    page.filter.setFocus()
    for _ in range(6):  # forwards from the filter, the table comes within a few Tabs
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if table.hasFocus():
            break
    assert table.hasFocus()
    table.setCurrentIndex(page.proxy.index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Right)  # arrows move inside: to the next column of the same row
    qtbot.keyClick(table, Qt.Key.Key_Right)
    current = table.currentIndex()
    assert (current.row(), current.column()) == (1, 2)

    # The current cell is framed, the rest of its (selected) row is not
    image = table.viewport().grab().toImage()
    frame = colours()["ON_ACCENT"].lower()

    def framed(column: int) -> bool:
        cell = table.visualRect(page.proxy.index(1, column))
        xs = range(cell.left() + 6, cell.right() - 6)
        return any(sum(image.pixelColor(x, y).name() == frame for x in xs) >= 0.9 * len(xs)
                   for y in range(cell.top(), cell.top() + 6))

    assert framed(2) and not framed(3) and not framed(1)

    qtbot.keyClick(table, Qt.Key.Key_Tab)  # out, after one key: the next control gets the focus
    assert not table.hasFocus() and table.isAncestorOf(QApplication.focusWidget()) is False
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Backtab)  # and back out the way it came
    assert not table.hasFocus()


def test_every_trainer_button_has_its_own_mnemonic(qtbot, open_window, library, monkeypatch, finish):
    """Alt+letter of each visible button presses that button (two buttons with the same letter would
    only move the focus between them), and none is a menu's letter."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QLabel, QPushButton

    navigator = open_window(library)
    page = _cohort_on_page(qtbot, navigator, monkeypatch, finish)
    buttons = [b for b in page.findChildren(QPushButton) if b.isVisible()]
    labels = [label for label in page.findChildren(QLabel) if label.isVisible() and label.buddy()]
    letters = {}
    for widget in buttons + labels:
        key = QKeySequence.mnemonic(widget.text()).toString()
        assert key, f"no mnemonic: {widget.text()!r}"
        letters.setdefault(key, []).append(widget.text())
    assert {key: texts for key, texts in letters.items() if len(texts) > 1} == {}
    assert len(buttons) >= 12 and "Alt+D" in letters and "Alt+S" in letters
    menus = {QKeySequence.mnemonic(menu.title()).toString() for menu in navigator.window._menus}
    assert not set(letters) & menus

    page.blockSignals(True)  # the page's requests go nowhere: only which button the key presses counts
    try:
        for button in buttons:
            key = QKeySequence.mnemonic(button.text())[0]
            with qtbot.waitSignal(button.clicked, timeout=2000):
                qtbot.keyClick(navigator.window, key.key(), key.keyboardModifiers())
        for label in labels:
            key = QKeySequence.mnemonic(label.text())[0]
            qtbot.keyClick(navigator.window, key.key(), key.keyboardModifiers())
            assert label.buddy().hasFocus()
    finally:
        page.blockSignals(False)


def test_ctrl_f_on_the_trainer_page_focuses_the_learner_filter(qtbot, open_window, library, monkeypatch,
                                                              finish):
    from PySide6.QtGui import QAction

    from workbook.ui.main_window import shortcuts_help
    from workbook.ui.search_dialog import SearchDialog

    navigator = open_window(library)
    window = navigator.window
    qtbot.waitUntil(lambda: any(a.shortcut().toString() == "Ctrl+F" for a in window.findChildren(QAction)))
    searches = []
    monkeypatch.setattr(SearchDialog, "open", lambda dialog: searches.append(dialog))
    page = _cohort_on_page(qtbot, navigator, monkeypatch, finish)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filter.hasFocus() and searches == []
    qtbot.keyClicks(page.filter, "bo")
    assert page.proxy.rowCount() == 1
    assert "(Ctrl+F)" in page.filter.placeholderText() and "filter the learners" in shortcuts_help()
    qtbot.keyClick(page.filter, Qt.Key.Key_Escape)  # back home: Ctrl+F is the search there
    assert navigator.pages.currentWidget() is navigator.home_page
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert len(searches) == 1


def test_the_table_gets_the_room_and_its_titles_fit_at_1280x720(qtbot, open_window, library, monkeypatch,
                                                               finish):
    navigator = open_window(library)
    page = _cohort_on_page(qtbot, navigator, monkeypatch, finish)
    window = navigator.window
    assert window.width() == 1280 and window.height() == 720
    header = page.table.horizontalHeader()
    qtbot.waitUntil(lambda: page.table.viewport().width() >= 0.5 * page.width())
    metrics = header.fontMetrics()
    for column in range(page.model.columnCount()):
        shown = page.model.headerData(column, Qt.Orientation.Horizontal)
        lines = shown.split("\n")
        assert " ".join(lines) == page.model.title(column)  # every word, on up to three lines
        assert len(lines) <= 3
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        assert widest + 12 <= header.sectionSize(column), shown
    assert header.height() >= 3 * metrics.height()  # tall enough for the three-line titles

    width = page.table.width()
    page.side_button.click()  # the table alone across the page
    assert page.side.isHidden() and "Show" in page.side_button.text()
    qtbot.waitUntil(lambda: page.table.width() >= width + 250)
    page.side_button.click()
    assert page.side.isVisible()


def _batch_answers(monkeypatch, folder, issue_anyway: bool = True) -> tuple[list, list]:
    """Dialogs answered: the folder asked for (counted), and the messages shown (a question as
    ("?", its text), answered `issue_anyway`)."""
    asked, shown = [], []
    monkeypatch.setattr(dialogs, "confirm",
                        lambda parent, title, text, action: shown.append(("?", text)) or issue_anyway)
    monkeypatch.setattr(dialogs, "ask_folder",
                        lambda *args: asked.append(args) or (str(folder) if folder else None))
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(dialogs, "show_error",
                        lambda parent, title, text: shown.append((title, "ERROR " + text)))
    return asked, shown


def test_batch_certificates_with_nobody_eligible_says_who_misses_what_without_asking_a_folder(
        qtbot, open_window, library, monkeypatch, finish):
    from workbook.reports.issue import eligibility_for
    from workbook.ui.requirement_text import requirement_line

    navigator = open_window(library)
    page = _cohort_on_page(qtbot, navigator, monkeypatch, finish)
    asked, shown = _batch_answers(monkeypatch, None)
    page.certificates_button.click()
    finish(navigator.trainer.running)
    assert asked == [] and len(shown) == 1
    title, text = shown[0]
    assert title == "No certificates to issue" and "\u2714" not in navigator.window.save_status.text()
    assert text.startswith("Nobody in this cohort can get a certificate now.")
    for member in cohorts.members(page.current_cohort()):
        missing = eligibility_for(library, member.id).missing
        first = "; ".join(requirement_line(rule) for rule in missing[:2])
        assert f"\n{member.display_name} \u2014 {first}; and {len(missing) - 2} more" in text


def test_batch_certificates_list_who_was_not_eligible_and_why(qtbot, open_window, library, monkeypatch,
                                                             finish, complete_everything, tmp_path):
    navigator = open_window(library)
    page = _cohort_on_page(qtbot, navigator, monkeypatch, finish)
    members = {m.display_name: m for m in cohorts.members(page.current_cohort())}
    complete_everything(library, members["Ana Lima"].id)
    out = tmp_path / "certificates"
    out.mkdir()
    asked, shown = _batch_answers(monkeypatch, out)
    page.certificates_button.click()
    finish(navigator.trainer.running)  # the check
    finish(navigator.trainer.running, 60000)  # the batch, in a worker process
    assert len(asked) == 1 and len(list(out.glob("*.pdf"))) == 1
    title, text = shown[-1]
    assert text.splitlines()[0] == "Certificates issued: 1 \u00b7 not eligible: 2"
    assert text.split("\n\n")[1] == f"Saved in {out}"  # where to find them
    assert "\nBo Chen \u2014 " in text and "\nChidi Okafor \u2014 " in text and "Ana Lima" not in text
    assert navigator.window.save_status.text() == "\u2714 Certificates issued: 1 \u00b7 not eligible: 2"


def test_in_german_the_filter_keeps_room_for_a_name_in_the_first_window_size(qtbot, qapp, open_window,
                                                                             library, monkeypatch, finish):
    """The German words beside the filter ("Kein Fortschritt seit", the overview button) left it a few
    letters wide in the window's first size (1100 px, as a first start on a 1280x720 screen opens it);
    it keeps room for a name, and the window still fits the screen."""
    from workbook.ui.i18n import install_translators, remove_translators

    installed = install_translators(qapp, "de")
    try:
        navigator = open_window(library)
        page = _cohort_on_page(qtbot, navigator, monkeypatch, finish, size=(1100, 672))
        assert page.side_button.text() == "Übersicht aus&blenden"
        qtbot.waitUntil(lambda: page.filter.width() > 0)
        assert page.filter.width() >= page.filter.fontMetrics().horizontalAdvance("M" * 10)
        assert navigator.window.width() == 1100
        assert navigator.window.minimumSizeHint().width() <= 1100
    finally:
        remove_translators(qapp, installed)


def test_a_batch_asks_first_when_someone_getting_a_certificate_rushed(qtbot, open_window, library,
                                                                      monkeypatch, finish,
                                                                      complete_everything, tmp_path):
    """Ana finished everything, answering each quiz at once (the dashboard's ⚠): the batch names her
    and asks before issuing; Cancel (the default) issues nothing and asks for no folder."""
    navigator = open_window(library)
    page = _cohort_on_page(qtbot, navigator, monkeypatch, finish)
    members = {m.display_name: m for m in cohorts.members(page.current_cohort())}
    complete_everything(library, members["Ana Lima"].id)  # every answer in the same second
    navigator.trainer.refresh(page.current_cohort())
    finish(navigator.trainer.loading)
    out = tmp_path / "certificates"
    out.mkdir()
    asked, shown = _batch_answers(monkeypatch, out, issue_anyway=False)
    page.certificates_button.click()
    finish(navigator.trainer.running)  # the check
    assert shown == [("?", "1 learner who would get a certificate answered faster than reading allows in "
                           "some quiz attempts or calls: Ana Lima.\n\nTo check first, cancel and open a "
                           "learner's detail (Enter on the name). Or issue the certificates now.")]
    assert asked == [] and list(out.iterdir()) == []
    asked, shown = _batch_answers(monkeypatch, out, issue_anyway=True)
    page.certificates_button.click()
    finish(navigator.trainer.running)  # the check
    finish(navigator.trainer.running, 60000)  # the batch, in a worker process
    assert shown[0][0] == "?" and len(asked) == 1 and len(list(out.glob("*.pdf"))) == 1


def _read_everything_then_claim_every_quiz(library, learner_id: str) -> None:
    """Every section read at the reading rule's pace, then every quiz "submitted 100%" by a hand-written
    row with no attempt started and no answer (red team 3's rows)."""
    from datetime import UTC, datetime, timedelta

    from workbook.core.activity import Verb
    from workbook.core.reading import word_count
    from workbook.store.activity import record_activity, record_section_read

    at = datetime.now(UTC) - timedelta(hours=2)
    for module in library.modules:
        for section in module.sections:
            at += timedelta(seconds=library.reading_rule.minimum_seconds(word_count(section.markdown)))
            record_section_read(learner_id, module.id, section.id, now=at)
    for module in library.modules:
        if module.quiz is not None:
            record_activity(learner_id, Verb.ATTEMPT_SUBMITTED, f"{module.id}/quiz", module_id=module.id,
                            attempt_id=f"claimed-{module.id}", now=at,
                            payload={"percent": 100, "passed": True, "by_skill": {}, "reason": "submitted"})


def test_batch_certificates_and_the_drill_down_name_claims_that_do_not_hold_up(
        qtbot, open_window, library, monkeypatch, finish):
    from workbook.ui.trainer.learner_detail import learner_detail_html

    navigator = open_window(library)
    page = _cohort_on_page(qtbot, navigator, monkeypatch, finish)
    bo = next(m for m in cohorts.members(page.current_cohort()) if m.display_name == "Bo Chen")
    _read_everything_then_claim_every_quiz(library, bo.id)
    asked, shown = _batch_answers(monkeypatch, None)
    page.certificates_button.click()
    finish(navigator.trainer.running)
    ((_, text),), first = shown, next(m for m in library.modules if m.quiz is not None)
    claim = f"{first.title} quiz: the attempt of "
    bo_line = next(line for line in text.splitlines() if line.startswith("Bo Chen \u2014 "))
    assert f"{first.title} quiz: not taken yet, needs 80% \u2014 {claim}" in bo_line
    assert bo_line.count("has no answers to check") == 2  # the first two open rules, each named
    detail = learner_detail_html(library, bo.id)
    assert "Not eligible yet:" in detail and claim in detail and "has no answers to check" in detail
