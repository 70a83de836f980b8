"""Practice calls have a page of their own: each call's best outcome, and every finished call whose
debrief opens again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbook.core.call_engine import current_node, offered_replies
from workbook.core.scenario import Rating
from workbook.store import learners

SCENARIO = "healthcare-billing-error"


def _play_to_the_end(navigator, scenario, rating: Rating) -> None:
    navigator.calls.open(scenario.id)
    while (node := current_node(scenario, navigator.calls.state)) is not None:
        offered = offered_replies(scenario, navigator.calls.state)
        wanted = next((i for i in offered if node.replies[i].rating == rating), offered[0])
        navigator.calls.choose_reply(wanted)


def test_the_calls_page_lists_best_outcomes_and_reopens_a_past_debrief(qtbot, open_window, library,
                                                                        human_pace):
    """Played at a person's pace: the best outcome shown is the one that holds up when replayed."""
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("Caller Practice").id)
    scenario = library.scenario(SCENARIO)
    _play_to_the_end(navigator, scenario, Rating.POOR)
    first_call = navigator.calls.call.id
    _play_to_the_end(navigator, scenario, Rating.BEST)
    navigator.show_home()
    navigator.home_page.calls_button.click()
    page = navigator.call_history.page
    assert navigator.pages.currentWidget() is page
    assert page.tree.topLevelItemCount() == len(library.scenarios)
    top = page.item_for("scenario", SCENARIO)
    assert "Best: Resolved with follow-up" in top.text(1) and "played 2" in top.text(1)
    assert top.childCount() == 2 and top.child(1).text(3)  # both calls, with when they ended
    from datetime import datetime

    from workbook.ui.dates import moment_text

    now = datetime.now().astimezone()  # the app's one date format, as the quiz history shows it, not ISO
    assert top.child(1).text(3)[:11] == moment_text(now)[:11] and "-" not in top.child(1).text(3)
    page.tree.setCurrentItem(page.item_for("call", first_call))
    assert page.debrief_button.isEnabled()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    calls = navigator.calls
    assert navigator.pages.currentWidget() is calls.page and calls.call.id == first_call
    assert calls.page.stack.currentWidget() is calls.page.debrief_panel
    assert scenario.endings[calls.state.at].title in calls.page.report.toPlainText()
    navigator.call_history.open()
    page.tree.setCurrentItem(page.item_for("scenario", SCENARIO))
    assert not page.debrief_button.isEnabled()
    page.play_button.click()  # a new call on this scenario
    assert navigator.pages.currentWidget() is calls.page and calls.call.id != first_call


def _agree_with_the_home_cards(navigator, library) -> None:
    """Every scenario's outcome on the practice-calls page is its home card's, note and why included."""
    page, home = navigator.call_history.page, navigator.home_page
    for scenario in library.scenarios:
        card, top = home.scenario_card(scenario.id), page.item_for("scenario", scenario.id)
        notes = [(note.text(), note.toolTip()) for note in card.note_labels]
        shown = top.text(1).split("\n")
        assert shown[0] == card.record_label.text(), scenario.id
        assert [(line, top.toolTip(1)) for line in shown[1:]] == notes, scenario.id


def test_a_doctored_call_is_no_best_outcome_on_the_calls_page_as_on_its_home_card(qtbot, open_window, library,
                                                                                  monkeypatch):
    """The page shows the best ending that holds up when replayed and the card's "1 call not counted",
    from the record the home page replayed (not a second replay), or from one replay of its own when
    the learner saved progress since or the page is opened from elsewhere."""
    from forged_calls_kit import Clock, doctored_call, genuine_call

    from workbook.store import learner_progress, practice_calls

    replays = []
    real = learner_progress.verified_record
    monkeypatch.setattr(learner_progress, "verified_record", lambda *a: replays.append(1) or real(*a))
    required = library.course.requires.calls.scenarios
    played, forged = (library.scenario(s) for s in required[:2])
    navigator = open_window(library)
    learner = learners.create_learner("Doctored Caller")
    clock = Clock()
    genuine_call(learner.id, played, clock)
    doctored_call(learner.id, played, clock)
    doctored_call(learner.id, forged, clock)
    assert practice_calls.call_records(learner.id)[forged.id].best_kind == "resolved"  # what the row claims
    navigator.open_learner(learner.id)
    assert len(replays) == 1  # the home page's record
    navigator.home_page.calls_button.click()
    page = navigator.call_history.page
    assert navigator.pages.currentWidget() is page and len(replays) == 1  # the home page's record again

    top = page.item_for("scenario", forged.id)
    assert top.text(1) == "played 1\u00d7\n1 call not counted: see the checklist"  # not "Best: Resolved"
    assert "has no replies to check" in top.toolTip(1)
    assert top.childCount() == 1  # the call itself is still listed, its debrief opens
    assert top.child(0).text(1).endswith(" (not counted)")  # its row's claimed ending, marked
    assert "the checklist does not count it" in top.child(0).toolTip(1)
    top = page.item_for("scenario", played.id)
    assert top.text(1).startswith("\u2714 Best: ")
    assert top.text(1).endswith("\n1 call not counted: see the checklist")
    marked = [top.child(n).text(1).endswith(" (not counted)") for n in range(top.childCount())]
    assert marked == [False, True]  # the genuine call counts, the doctored one after it does not
    _agree_with_the_home_cards(navigator, library)

    navigator.call_history.open()  # not from the home page: the page replays the record once itself
    assert len(replays) == 2
    assert page.item_for("scenario", forged.id).child(0).text(1).endswith(" (not counted)")
    _agree_with_the_home_cards(navigator, library)

    navigator.show_home()
    assert len(replays) == 3
    navigator.session.write(practice_calls.start_call, learner.id, forged.id)  # progress saved since
    navigator.home_page.calls_button.click()
    assert len(replays) == 4  # the home page's record no longer holds: replayed afresh
    shown = page.item_for("scenario", forged.id).text(1)
    assert shown.startswith("played 1\u00d7  \u00b7  a call in progress\n")


def test_a_call_end_row_without_a_start_row_is_played_and_not_counted_on_the_calls_page(qtbot, open_window,
                                                                                       library):
    from forged_calls_kit import Clock, ended_only_call

    scenario = library.scenario(library.course.requires.calls.scenarios[0])
    navigator = open_window(library)
    learner = learners.create_learner("End Row Caller")
    ended_only_call(learner.id, scenario, Clock())
    navigator.open_learner(learner.id)
    navigator.home_page.calls_button.click()
    top = navigator.call_history.page.item_for("scenario", scenario.id)
    assert top.text(1) == "played 1\u00d7\n1 call not counted: see the checklist"  # not "Not played yet"
    assert "has no start stored to replay it from" in top.toolTip(1)
    assert top.childCount() == 0  # no start row: no debrief to open
    _agree_with_the_home_cards(navigator, library)
