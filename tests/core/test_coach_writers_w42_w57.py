"""Shapes read from the 42nd-57th writers (session 31): blame with no fault word, and the good replies
the blame and judging phrases used to catch. Each shape was checked against every fixture set before
it went into lessons/coach/rules.yaml (see its comments)."""

from __future__ import annotations

import pytest
from coach_kit import RULES_PATH, phrases_find

from workbook.core.coach import CoachRules, coach_reply, load_rules


@pytest.fixture(scope="module")
def rules() -> CoachRules:
    return load_rules(RULES_PATH)


@pytest.mark.parametrize("text", [
    "To be fair, you've had three reminders and a final notice.",
    "I'm not sure what you expected to happen if you didn't pay.",
    "I think you'll find the terms are pretty clear if you actually read them.",
    "You shouldn't have let him get at the chocolate in the first place.",
    "Families are supposed to label everything before it comes in.",
    "The cleaning's done by an outside company, so it's really down to them.",
    "The other branch entered the wrong date, so that's on them rather than us.",
])
def test_blame_with_no_fault_word_is_found_by_the_phrases(rules: CoachRules, text: str) -> None:
    assert "avoid-blame" in phrases_find(text, rules)


@pytest.mark.parametrize("text", [
    "I'm updating your address and reissuing the pack today, so you should have it by Friday.",
    "I'm so sorry nobody told you, and you should have heard it from us.",
    "You were told the meter would be changed on the 4th and no one came. I'm sorry, I've rebooked it.",
    "I'm sorry you were told otherwise. I've processed the refund to your card.",
    "I'm sorry you couldn't get through, you must have been frightened with her being so sick.",
    "I'm sorry you missed it. I can walk you over to their desk right now.",
    "Because you now live alone, you're entitled to a 25 percent reduction, and I've applied it.",
    "Our app servers had an outage this morning, that's why your plugs weren't responding.",
    "I'm sorry, I know you were meant to be at your father's birthday tonight.",
    "The payments were made by someone who had your card details. None of this is your fault.",
    "That sounds frightening, seeing payments on your card that you didn't make.",
])
def test_what_the_caller_is_owed_or_feels_is_not_blame(rules: CoachRules, text: str) -> None:
    assert not coach_reply(text, rules).present["avoid-blame"]


@pytest.mark.parametrize("text", [
    "I know that's not what you want to hear. What I can do is switch you to the monthly plan today.",
    "I'm sorry you were spoken to that way. That's not how we want anyone treated.",
    "No, you're not being unreasonable at all, four price rises in two years is a lot.",
    "Which room were you in, and roughly when did you check out?",
    "I'm going to stop you there. I won't continue a call with threats in it. You can still report the "
    "leak online and it will be picked up within 24 hours.",
])
def test_owning_the_callers_disappointment_is_not_judging(rules: CoachRules, text: str) -> None:
    assert not coach_reply(text, rules).present["avoid-judging-or-correcting"]


def test_a_bare_you_should_have_is_blame_and_as_i_said_is_judging(rules: CoachRules) -> None:
    """Where writers who never saw the rules put them: "you should have checked" is blame (most of them
    do not also call it judging), "as I said" is judging (most do not also call it closing the door)."""
    should = phrases_find("You should have checked before you packed it.", rules)
    assert "avoid-blame" in should and "avoid-judging-or-correcting" not in should
    said = phrases_find("As I said before, breakfast is not included in your rate.", rules)
    assert "avoid-judging-or-correcting" in said and "avoid-stonewalling" not in said
