"""A learner plays a practice call to two different endings with the keyboard, reads the debrief,
replays from a turn, and resumes a call after the app was killed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from workbook.core.call_engine import current_node, shown_replies
from workbook.core.scenario import EndingKind, Rating
from workbook.store import learners, practice_calls

SCENARIO = "healthcare-billing-error"


def _start(navigator, name: str):
    navigator.open_learner(learners.create_learner(name).id)
    card = navigator.home_page.scenario_card(SCENARIO)
    assert card.call_button.text() == "Start call"
    card.call_button.click()
    assert navigator.pages.currentWidget() is navigator.call_page
    return navigator.library.scenario(SCENARIO)


def _play(qtbot, navigator, scenario, rating: Rating) -> None:
    """Pick the first offered reply with `rating` (else the first), by its number key."""
    page = navigator.call_page
    while current_node(scenario, navigator.call_state) is not None:
        node = current_node(scenario, navigator.call_state)
        offered = shown_replies(scenario, navigator.call_state)  # in the order on screen
        wanted = next((i for i in offered if node.replies[i].rating == rating), offered[0])
        turns = len(navigator.call_state.choices)
        qtbot.keyClick(page.reply_buttons[0], Qt.Key(Qt.Key.Key_0 + offered.index(wanted) + 1))
        assert len(navigator.call_state.choices) == turns + 1
        assert navigator.call.replies[-1] == wanted  # saved as chosen


def test_best_replies_end_well_and_the_debrief_explains(qtbot, open_window, library):
    navigator = open_window(library)
    scenario = _start(navigator, "Best Caller")
    page = navigator.call_page
    assert scenario.persona.name in page.persona_name.text()
    start_mood = page.mood_bar.value()
    _play(qtbot, navigator, scenario, Rating.BEST)
    ending = scenario.endings[navigator.call_state.at]
    assert ending.kind == EndingKind.RESOLVED_WITH_FOLLOW_UP
    assert page.mood_bar.value() > start_mood
    assert "Call ended" in page.transcript.toPlainText()
    assert page.debrief_button.isVisible()
    qtbot.keyClick(page.debrief_button, Qt.Key.Key_Space)
    report = page.report.toPlainText()
    assert ending.title in report and "Simulated CSAT" in report and "5 / 5" in report
    assert "A better line" not in report  # every reply was the best one
    record = practice_calls.call_records(navigator.learner_id)[SCENARIO]
    assert record.best_kind == str(EndingKind.RESOLVED_WITH_FOLLOW_UP) and not record.unfinished


def test_poor_replies_fail_and_replay_from_a_turn_changes_the_ending(qtbot, open_window, library):
    navigator = open_window(library)
    scenario = _start(navigator, "Poor Caller")
    page = navigator.call_page
    _play(qtbot, navigator, scenario, Rating.POOR)
    ending = scenario.endings[navigator.call_state.at]
    assert not ending.kind.strong
    first_call = navigator.call
    page.debrief_requested.emit()
    report = page.report.toPlainText()
    assert "A better line" in report and "Replay from here" in report

    page.replay_requested.emit(2)  # keep turn 1, choose again from turn 2
    assert navigator.call.id != first_call.id and navigator.call.replayed_from == first_call.id
    assert navigator.call.replies == first_call.replies[:1]
    _play(qtbot, navigator, scenario, Rating.BEST)
    assert scenario.endings[navigator.call_state.at].kind.strong
    records = practice_calls.call_records(navigator.learner_id)[SCENARIO]
    assert records.played == 2 and EndingKind(records.best_kind).strong
    page.home_requested.emit()
    assert "Best:" in navigator.home_page.scenario_card(SCENARIO).record_label.text()
    for module_id in scenario.modules:  # the modules it practises count it as handled well
        assert "Practice calls: 1 of" in navigator.home_page.card(module_id).calls_label.text()


_STEPS_BEFORE_KILL = """
from workbook.core.call_engine import current_node
navigator.open_learner(create_learner("Killed Mid-Call").id)
navigator.open_call("healthcare-billing-error")
scenario = navigator.library.scenario("healthcare-billing-error")
page = navigator.call_page
for _ in range(3):  # the best reply each time, by the key of the place it is shown at
    node = current_node(scenario, navigator.call_state)
    page.press(next(n for n, i in enumerate(page.offered, 1) if node.replies[i].rating == "best"))
app.processEvents()
print(navigator.call.id, navigator.call_state.at, navigator.call_state.mood,
      ",".join(map(str, page.offered)), flush=True)
"""


def test_call_resumes_after_the_app_is_killed(qtbot, open_window, library, data_dir: Path, kill_app_after):
    line = kill_app_after(_STEPS_BEFORE_KILL, data_dir)
    call_id, node, mood, shown = line[0], line[1], int(line[2]), [int(i) for i in line[3].split(",")]

    navigator = open_window(library)
    navigator.profile_page.open_button.click()
    card = navigator.home_page.scenario_card(SCENARIO)
    assert card.call_button.text() == "Resume call"
    card.call_button.click()
    assert navigator.call.id == call_id
    assert len(navigator.call_state.choices) == 3
    assert (navigator.call_state.at, navigator.call_state.mood) == (node, mood)
    assert navigator.call_page.mood_bar.value() == mood
    assert len(navigator.call_page.transcript.toPlainText().split("You\n")) == 4  # three replies shown
    page = navigator.call_page
    assert page.offered == shown  # the replies come back in the order the killed app showed them
    replies = navigator.library.scenario(SCENARIO).nodes[node].replies
    assert [b.accessibleName() for b in page.reply_buttons] == [
        f"Reply {n}: {replies[i].text}" for n, i in enumerate(shown, 1)]
    qtbot.keyClick(page.reply_buttons[0], Qt.Key.Key_2)  # key 2 says the reply shown second
    assert navigator.call.replies[-1] == shown[1]


def test_the_debrief_shows_the_replies_in_the_order_seen(qtbot, open_window, library):
    navigator = open_window(library)
    scenario = _start(navigator, "Order Seen")
    page = navigator.call_page
    seen = []  # per turn: the button texts top to bottom, and the key pressed
    while (node := current_node(scenario, navigator.call_state)) is not None:
        texts = [node.replies[i].text for i in page.offered]
        assert [b.accessibleName() for b in page.reply_buttons] == [
            f"Reply {n}: {text}" for n, text in enumerate(texts, 1)]
        place = len(texts)  # always the reply shown last
        seen.append((texts, place))
        qtbot.keyClick(page.reply_buttons[0], Qt.Key(Qt.Key.Key_0 + place))
    stored = practice_calls.load_call(navigator.call.id)
    assert stored.seed == navigator.call_state.seed is not None
    page.debrief_requested.emit()
    _assert_lists_in_order(page.report.toPlainText(), seen)
    # the trainer's drill-down replays the stored call with its seed: the same lists
    from PySide6.QtGui import QTextDocument

    from workbook.ui.trainer.controller import learner_detail_html

    drill_down = QTextDocument()
    drill_down.setHtml(learner_detail_html(library, navigator.learner_id))
    _assert_lists_in_order(drill_down.toPlainText(), seen)


def _assert_lists_in_order(report: str, seen: list[tuple[list[str], int]]) -> None:
    at = 0
    for texts, place in seen:
        listed = "\n".join(f"{n}. \u201c{t}\u201d" + (" \u2190 your pick" if n == place else "")
                           for n, t in enumerate(texts, 1))
        found = report.find("As shown:\n" + listed, at)
        assert found >= at, f"turn not shown as seen: {texts}"
        at = found + 1


def test_a_call_stored_before_shuffling_resumes_in_script_order(qtbot, open_window, library):
    """A call started by an older workbook has no seed: it replays and resumes in script order."""
    from workbook.core.activity import Verb
    from workbook.store.activity import record_activity

    navigator = open_window(library)
    learner = learners.create_learner("Old Call")
    record_activity(learner.id, Verb.CALL_STARTED, f"call/{SCENARIO}", attempt_id="old-call",
                    payload={"scenario_id": SCENARIO, "replayed_from": None, "prefix": 0})
    scenario = library.scenario(SCENARIO)
    record_activity(learner.id, Verb.REPLY_CHOSEN, f"call/{SCENARIO}/{scenario.start}", attempt_id="old-call",
                    payload={"turn": 1, "node": scenario.start, "reply": 0, "replayed": False})
    navigator.open_learner(learner.id)
    navigator.open_call(SCENARIO)
    assert navigator.call.id == "old-call" and navigator.call.seed is None
    from workbook.core.call_engine import offered_replies, start_call

    assert navigator.call_page.offered == offered_replies(scenario, navigator.call_state)
    assert navigator.call_state.choices[0].shown == tuple(offered_replies(scenario, start_call(scenario)))
