"""A typed turn inside a practice call: the learner writes their own reply, the coach's verdict moves
the caller and picks the branch, the words are saved and replayed, and the debrief explains them."""

from __future__ import annotations

import msgspec
from PySide6.QtCore import Qt

from workbook.core.call_engine import current_node, shown_replies
from workbook.core.coach import coach_reply
from workbook.core.scenario import Rating
from workbook.store import learners, practice_calls

SCENARIO = "delayed-holiday-delivery"  # its opening node is marked `typed: true`
GOOD = ("Four days of watching that page with Thursday so close sounds really stressful, and I'm sorry. "
        "Can I take the order number so I can check it now?")
BLAME = "You should have ordered earlier, it's the busy season. Please calm down."


def _open(navigator, name: str):
    navigator.open_learner(learners.create_learner(name).id)
    card = navigator.home_page.scenario_card(SCENARIO)
    assert card.typed_label is not None and "own words" in card.typed_label.text()
    assert navigator.home_page.scenario_card("healthcare-billing-error").typed_label is None
    card.call_button.click()
    assert navigator.pages.currentWidget() is navigator.calls.page
    return navigator.library.scenario(SCENARIO)


def _say(qtbot, calls, text: str) -> None:
    """Type the words and press Ctrl+Enter; the coach reads them off the GUI thread."""
    page = calls.page
    page.typed_edit.setFocus()
    qtbot.keyClicks(page.typed_edit, text)
    qtbot.keyClick(page.typed_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: calls.judging is None, timeout=30000)


def _finish_with_best_replies(qtbot, navigator, scenario) -> None:
    page = navigator.calls.page
    while (node := current_node(scenario, navigator.calls.state)) is not None:
        offered = shown_replies(scenario, navigator.calls.state)  # in the order on screen
        wanted = next((i for i in offered if node.replies[i].rating == Rating.BEST), offered[0])
        qtbot.keyClick(page.reply_buttons[0], Qt.Key(Qt.Key.Key_0 + offered.index(wanted) + 1))


def test_a_typed_reply_moves_the_call_and_the_debrief_explains_it(qtbot, open_window, library):
    navigator = open_window(library)
    scenario = _open(navigator, "Own Words")
    page = navigator.calls.page
    assert page.typed_box.isVisible() and page.reply_buttons == []
    assert page.typed_edit.hasFocus() and not page.send_button.isEnabled()

    qtbot.keyClicks(page.typed_edit, "1")  # a digit is typed, not taken as "reply 1"
    assert page.typed_edit.toPlainText() == "1" and navigator.calls.state.choices == ()
    page.typed_edit.setPlainText("word " * 200)  # a letter, not a reply: refused with the reason
    assert not page.send_button.isEnabled() and "keep a reply under" in page.length_label.text()
    page.send_typed()
    assert navigator.calls.state.choices == ()
    page.typed_edit.clear()
    _say(qtbot, navigator.calls, GOOD)

    verdict = coach_reply(GOOD, page.coach_rules)
    assert navigator.calls.state.at == "get-details"  # the best reply's branch
    assert navigator.calls.state.mood == scenario.start_mood + verdict.mood_change
    assert page.mood_bar.value() == navigator.calls.state.mood
    assert navigator.calls.call.typed[0].text == GOOD  # saved with the turn
    transcript = page.transcript.toPlainText()
    assert GOOD in transcript and "Coach:" in transcript and "Acknowledge the feeling" in transcript
    assert not page.typed_box.isVisible() and page.reply_buttons  # back to picking

    _finish_with_best_replies(qtbot, navigator, scenario)
    qtbot.keyClick(page.debrief_button, Qt.Key.Key_Space)
    report = page.report.toPlainText()
    assert "You, in your own words:" in report and GOOD in report
    assert "The caller took it as a best reply" in report
    assert "The script's best line here" in report
    assert scenario.nodes["opening"].replies[0].text.split()[0] in report

    from workbook.ui.trainer.learner_detail import learner_detail_html

    trainer_view = learner_detail_html(library, navigator.learner_id)  # the trainer's drill-down
    assert "The learner, in their own words:" in trainer_view and "coach-do" in trainer_view


def test_after_a_rules_edit_the_debrief_shows_the_verdict_that_chose_the_branch(qtbot, open_window,
                                                                                library):
    """The coach's verdict is stored with the turn: drawn later under edited rules (here every rule
    removed) the drill-down still shows what the coach heard when the call took its branch."""
    from workbook.ui.trainer.learner_detail import learner_detail_html

    navigator = open_window(library)
    scenario = _open(navigator, "Rules Edited Later")
    _say(qtbot, navigator.calls, GOOD)
    _finish_with_best_replies(qtbot, navigator, scenario)
    stored = practice_calls.finished_calls(navigator.learner_id, SCENARIO)[0].typed[0]
    assert stored.verdict is not None and stored.verdict.mood_change == stored.mood_change
    assert any(v.present and v.kind == "do" for v in stored.verdict.verdicts)

    edited = msgspec.structs.replace(library, coach=msgspec.structs.replace(library.coach, rules=()))
    assert coach_reply(GOOD, edited.coach).verdicts == ()  # re-running the coach would show nothing
    view = learner_detail_html(edited, navigator.learner_id)
    assert "Acknowledge the feeling" in view and "coach-do" in view


def test_a_blaming_reply_takes_the_poor_branch(qtbot, open_window, library):
    navigator = open_window(library)
    scenario = _open(navigator, "Blunt Typist")
    _say(qtbot, navigator.calls, BLAME)
    assert navigator.calls.state.at == "busy-season"
    assert navigator.calls.state.mood < scenario.start_mood
    assert "Don't blame the caller" in navigator.calls.page.transcript.toPlainText()


def test_a_typed_turn_is_resumed_and_replayed_with_the_same_words(qtbot, open_window, library):
    navigator = open_window(library)
    _open(navigator, "Coming Back")
    _say(qtbot, navigator.calls, GOOD)
    state, call_id = navigator.calls.state, navigator.calls.call.id
    navigator.calls.page.home_requested.emit()

    navigator.home_page.scenario_card(SCENARIO).call_button.click()  # "Resume call"
    assert navigator.calls.call.id == call_id and navigator.calls.state == state
    assert GOOD in navigator.calls.page.transcript.toPlainText()

    navigator.calls.page.press(1)
    navigator.calls.replay_from(2)  # keep the typed turn, choose again from turn 2
    assert navigator.calls.call.id != call_id
    assert navigator.calls.call.typed[0].text == GOOD and navigator.calls.state.mood == state.mood
    assert practice_calls.load_call(navigator.calls.call.id).typed[0].text == GOOD


def test_without_usable_coach_rules_the_typed_point_offers_the_scripted_replies(
        qtbot, open_window, library):
    navigator = open_window(msgspec.structs.replace(library, coach=None))  # as loaded with a broken file
    scenario = _open(navigator, "No Coach")
    page = navigator.calls.page
    assert not page.typed_box.isVisible()
    assert len(page.reply_buttons) == len(scenario.nodes["opening"].replies)
    assert "coach rules cannot be read" in navigator.window.statusBar().currentMessage()
    page.press(1 + page.offered.index(0))  # the script's first reply, wherever it is shown
    assert navigator.calls.state.at == "get-details" and navigator.calls.call.typed == {}


def test_leaving_the_call_while_the_coach_reads_saves_no_turn(qtbot, open_window, library):
    """The verdict comes back off the GUI thread; the learner went home meanwhile, so the call keeps
    no turn and the button waits no longer."""
    navigator = open_window(library)
    _open(navigator, "Walks Away")
    calls, page = navigator.calls, navigator.calls.page
    call_id = calls.call.id
    page.typed_edit.setPlainText(GOOD)
    page.send_typed()
    assert calls.judging is not None and not page.send_button.isEnabled()
    page.send_typed()  # pressed again while reading: nothing more is started
    page.home_requested.emit()
    navigator.home_page.scenario_card(SCENARIO).call_button.click()  # "Resume call": a fresh load
    qtbot.waitUntil(lambda: calls.judging is None, timeout=30000)
    assert calls.call.id == call_id and calls.state.choices == ()
    assert practice_calls.load_call(call_id).typed == {}
    assert not page.send_button.isEnabled()  # the box is empty again: nothing to say yet
