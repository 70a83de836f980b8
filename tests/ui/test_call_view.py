"""What the learner sees at each turn of a practice call: the caller's line they must answer stays in
view when the typed-reply box appears, and the reply prompt names the real number keys."""

from __future__ import annotations

from workbook.core.call_engine import choose, current_node, offered_replies, start_call
from workbook.store import learners


def _path_to_a_late_typed_turn(library):
    """A scenario and the replies that reach one of its typed turns after several scripted ones."""
    for scenario in library.scenarios:
        stack = [(start_call(scenario), [])]
        while stack:
            state, path = stack.pop()
            node = current_node(scenario, state)
            if node is None or (node.typed and len(path) < 4):
                continue
            if node.typed:
                return scenario, path
            stack.extend((choose(scenario, state, i), path + [i]) for i in offered_replies(scenario, state))
    raise AssertionError("no scenario has a typed turn after four scripted ones")


def test_the_callers_line_stays_in_view_when_the_typed_box_appears(qtbot, open_window, library):
    scenario, path = _path_to_a_late_typed_turn(library)
    navigator = open_window(library)
    navigator.window.resize(1280, 560)  # a short window: the transcript has to scroll
    navigator.open_learner(learners.create_learner("Typed Reply").id)
    navigator.calls.open(scenario.id)
    page = navigator.calls.page
    for reply in path:
        navigator.calls.choose_reply(reply)
    bar = page.transcript.verticalScrollBar()
    qtbot.waitUntil(lambda: page.typed_box.isVisible() and bar.maximum() > 0)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())  # scrolled after the box took its room
    last_line = page.transcript.toPlainText().strip().splitlines()[-1]
    cursor = page.transcript.document().find(last_line)
    assert page.transcript.viewport().rect().contains(page.transcript.cursorRect(cursor).center())


def test_the_reply_prompt_names_the_real_keys(qtbot, open_window, library):
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("Keys Counted").id)
    navigator.calls.open("healthcare-billing-error")
    count = len(offered_replies(library.scenario("healthcare-billing-error"), navigator.calls.state))
    assert navigator.calls.page.prompt_label.text() == f"Your reply (keys 1\u2013{count}):"
