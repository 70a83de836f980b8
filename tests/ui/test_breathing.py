"""The breathing reset: its timing, a run to the end on a fake clock, skipping, and where it is
offered (after a call that ended badly)."""

from __future__ import annotations

import pytest

from workbook.core.breathing import CYCLE, moment_at
from workbook.ui import breathing_dialog
from workbook.ui.breathing_dialog import BreathingDialog


@pytest.mark.parametrize(("elapsed", "phase", "size"), [
    (0.0, "Breathe in", 0.0), (2.0, "Breathe in", 0.5), (5.0, "Hold", 1.0), (9.0, "Breathe out", 0.5),
    (CYCLE + 1.0, "Breathe in", 0.25),
])
def test_the_breath_follows_in_hold_out(elapsed, phase, size):
    moment = moment_at(elapsed, cycles=5)
    assert (moment.phase, moment.size) == (phase, pytest.approx(size))
    assert moment_at(5 * CYCLE, cycles=5).finished


def test_the_exercise_runs_to_the_end_and_can_be_skipped(qtbot):
    now = [0.0]
    dialog = BreathingDialog(cycles=1, clock=lambda: now[0])
    qtbot.addWidget(dialog)
    assert dialog.phase.text().startswith("Breathe in")
    now[0] = CYCLE + 0.1
    with qtbot.waitSignal(dialog.finished_exercise):
        dialog.tick()
    assert "Well done" in dialog.phase.text()
    skipped = BreathingDialog(cycles=5, clock=lambda: 0.0)
    qtbot.addWidget(skipped)
    skipped.skip.click()
    assert skipped.result() == BreathingDialog.DialogCode.Rejected


def test_offered_after_a_call_that_ended_badly(qtbot, open_window, library, monkeypatch):
    from workbook.core.call_engine import current_node, offered_replies
    from workbook.core.scenario import Rating
    from workbook.store import learners

    offered = []
    monkeypatch.setattr(breathing_dialog, "offer_breathing", lambda parent: offered.append(parent))
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("Rough Call").id)
    navigator.calls.open("abusive-caller")
    scenario = library.scenario("abusive-caller")
    while (node := current_node(scenario, navigator.calls.state)) is not None:
        choices = offered_replies(scenario, navigator.calls.state)
        poor = next((i for i in choices if node.replies[i].rating == Rating.POOR), choices[0])
        navigator.calls.choose_reply(poor)
    navigator.calls.show_debrief()
    page = navigator.calls.page
    assert not page.breathe_button.isHidden()
    page.breathe_button.click()
    assert offered
