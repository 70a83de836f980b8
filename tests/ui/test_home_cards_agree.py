"""The home page's cards and counts say what the checklist says: both read the evidence replayed in
`core.evidence` (a quiz attempt's stored answers regraded, a call's replies played again from its
seed, reading timed), never the scores the activity rows claim. A doubtful row is named on its card
("1 attempt not counted"), and the checklist is pointed to where it lists why.
Real SQLite file, real content, the real window."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from html import escape

from forged_calls_kit import Clock, doctored_call, ended_only_call, genuine_call

from workbook.core.activity import Verb
from workbook.core.attempt import draw_attempt, grade
from workbook.core.scoring import right_response
from workbook.store import activity, learners, quiz_attempts
from workbook.store.activity import record_activity


def genuine_attempt(learner_id: str, module, clock: Clock, seed: int = 1) -> int:
    """Every answer right, at a person's pace, submitted with the score it earned."""
    plan = draw_attempt(module.quiz, module.id, random.Random(seed))
    attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner_id, plan, now=clock.after()))
    for presented in plan.questions:
        quiz_attempts.record_answer(attempt, presented.id, right_response(presented.question),
                                    now=clock.after())
    result = grade(plan, attempt.responses)
    quiz_attempts.submit_attempt(attempt, result, now=clock.after())
    return result.percent


def doctored_attempt(learner_id: str, module, clock: Clock, wrong_response) -> None:
    """A real attempt answered wrongly, whose submission row claims a 100% pass (rows are append-only
    in the app, so the learner writes the submission with the claim in it)."""
    plan = draw_attempt(module.quiz, module.id, random.Random(7))
    attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner_id, plan, now=clock.after()))
    for presented in plan.questions:
        quiz_attempts.record_answer(attempt, presented.id, wrong_response(presented.question),
                                    now=clock.after())
    assert grade(plan, attempt.responses).percent < module.quiz.settings.pass_mark
    record_activity(learner_id, Verb.ATTEMPT_SUBMITTED, f"{module.id}/quiz", module_id=module.id,
                    attempt_id=attempt.id, now=clock.after(),
                    payload={"percent": 100, "passed": True, "by_skill": {}, "reason": "submitted"})


def checklist_met(panel, label: str) -> bool:
    """Whether the checklist shows its line for `label` ticked (an open line has a circle)."""
    lines = [p for p in panel.requirement_lines().split("</p>") if f"&nbsp; {escape(label)}<span" in p]
    assert len(lines) == 1, label
    return "\u2714" in lines[0]


def test_a_doctored_quiz_row_is_not_passed_on_its_card_as_in_the_checklist(qtbot, open_window, library,
                                                                           wrong_response):
    first, second, third = [m for m in library.modules if m.quiz is not None][:3]
    navigator = open_window(library)  # the database is opened with the window
    learner = learners.create_learner("Mixed Record")
    clock = Clock()
    # `first`: one genuine pass and one doctored row; `second`: the doctored row alone.
    assert genuine_attempt(learner.id, first, clock) == 100
    doctored_attempt(learner.id, first, clock, wrong_response)
    doctored_attempt(learner.id, second, clock, wrong_response)
    assert quiz_attempts.quiz_scores(learner.id)[second.id].ever_passed  # what the rows claim
    navigator.open_learner(learner.id)
    home, panel = navigator.home_page, navigator.home_page.completion

    card = home.card(first.id)
    assert checklist_met(panel, f"{first.title} quiz")
    assert "best 100%" in card.quiz_label.text() and "\u2714 passed" in card.quiz_label.text()
    (note,) = card.note_labels  # the checklist lists no doubt under a met rule: the reason is the tooltip
    assert note.text() == "1 attempt not counted"
    assert "scores 0% from the answers stored, not the 100% claimed" in note.toolTip()

    card = home.card(second.id)
    assert not checklist_met(panel, f"{second.title} quiz")
    assert card.quiz_label.text() == "Quiz: no attempt counted yet (pass mark 80%)"
    assert "passed" not in card.quiz_label.text() and card.quiz_button.text() == "Retake quiz"
    (note,) = card.note_labels
    assert note.text() == "1 attempt not counted: see the checklist" and note.isVisibleTo(card)
    assert escape(note.toolTip()) in panel.requirement_lines()  # the line the checklist shows under the rule

    untouched = home.card(third.id)
    assert untouched.note_labels == [] and "not taken yet" in untouched.quiz_label.text()
    assert not checklist_met(panel, f"{third.title} quiz")
    assert "1 of 8 quizzes passed" in home.overall.text()  # the rows claim 2
    # every quiz card and its checklist line agree
    for module in (m for m in library.modules if m.quiz is not None):
        passed = "\u2714 passed" in home.card(module.id).quiz_label.text()
        assert passed == checklist_met(panel, f"{module.title} quiz"), module.id


def test_a_doctored_call_row_is_not_a_best_ending_on_its_card_as_in_the_checklist(qtbot, open_window,
                                                                                  library):
    required = library.course.requires.calls.scenarios
    played, forged = (library.scenario(s) for s in required[:2])
    navigator = open_window(library)  # the database is opened with the window
    learner = learners.create_learner("Call Record")
    clock = Clock()
    genuine_call(learner.id, played, clock)
    doctored_call(learner.id, played, clock)
    doctored_call(learner.id, forged, clock)
    navigator.open_learner(learner.id)
    home, panel = navigator.home_page, navigator.home_page.completion

    card = home.scenario_card(played.id)
    assert checklist_met(panel, f"Practice call \u201c{played.title}\u201d")
    shown = card.record_label.text()
    assert shown.startswith("\u2714 Best: ") and "played 2\u00d7" in shown
    (note,) = card.note_labels
    # the "Practice calls" rule (5 ended well) is open and lists every call that did not hold up
    assert note.text() == "1 call not counted: see the checklist"

    card = home.scenario_card(forged.id)
    assert not checklist_met(panel, f"Practice call \u201c{forged.title}\u201d")
    assert card.record_label.text() == "played 1\u00d7"  # no "Best: Resolved", as the row claims
    (note,) = card.note_labels
    assert note.text() == "1 call not counted: see the checklist"
    assert "has no replies to check" in note.toolTip()
    assert escape(note.toolTip()) in panel.requirement_lines()
    assert "1 of 12 practice calls ended well" in home.overall.text()


def test_a_call_end_row_without_a_start_row_is_a_call_played_and_not_counted(qtbot, open_window, library):
    scenario = library.scenario(library.course.requires.calls.scenarios[0])
    navigator = open_window(library)  # the database is opened with the window
    learner = learners.create_learner("End Row Only")
    ended_only_call(learner.id, scenario, Clock())
    navigator.open_learner(learner.id)
    card = navigator.home_page.scenario_card(scenario.id)
    assert card.record_label.text() == "played 1\u00d7"  # not "Not played yet", nor the claimed best
    assert card.call_button.text() == "Play again"
    (note,) = card.note_labels
    assert note.text() == "1 call not counted: see the checklist"
    assert "has no start stored to replay it from" in note.toolTip()


def test_sections_marked_read_too_fast_are_named_on_their_card(qtbot, open_window, library):
    module = library.modules[0]
    navigator = open_window(library)  # the database is opened with the window
    learner = learners.create_learner("Fast Reader")
    moment = datetime.now(UTC)
    for section in module.sections:  # all in the same second
        activity.record_section_read(learner.id, module.id, section.id, now=moment)
    navigator.open_learner(learner.id)
    card = navigator.home_page.card(module.id)
    total = len(module.sections)
    read = card.progress_bar.value()
    assert read < total and f"{read} of {total} sections read" in card.progress_label.text()
    assert not checklist_met(navigator.home_page.completion, f"{module.title}: lessons")
    (note,) = card.note_labels
    left_out = total - read
    assert note.text() == f"{left_out} section{'s' if left_out > 1 else ''} not counted: see the checklist"
    assert "marked read faster than the reading rule allows" in note.toolTip()
