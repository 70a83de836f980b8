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


def test_the_calls_page_lists_best_outcomes_and_reopens_a_past_debrief(qtbot, open_window, library):
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
