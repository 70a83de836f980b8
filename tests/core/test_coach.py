"""Typed-reply coach: the shipped rules load, each rule catches clear cases, highlighting is safe HTML,
and the rules keep agreeing with the trainers' labelled replies (so a rules edit that breaks it fails)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from coach_kit import RULES_PATH, phrases_find
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.core.coach import (
    CoachRules,
    CoachRulesError,
    check_rules,
    coach_reply,
    load_rules,
    phrase_pattern,
)
from workbook.core.coach_highlight import highlight_html
from workbook.core.coach_model import score
from workbook.core.regex_guard import backtracking_risk

ROOT = Path(__file__).resolve().parents[2]
LABELLED_PATH = ROOT / "tests" / "fixtures" / "coach" / "labelled.yaml"
RULE_IDS = [
    "acknowledge-feeling", "apology-or-ownership", "clarifying-question", "next-step-with-time-frame",
    "avoid-blame", "avoid-judging-or-correcting", "avoid-calm-down", "avoid-jargon", "avoid-overpromising",
    "avoid-stonewalling",
]
NEWER_RULES = {"avoid-stonewalling"}  # added after the first three labelled sets were written
AVOID_RULE_IDS = [r for r in RULE_IDS if r.startswith("avoid-")]


@pytest.fixture(scope="module")
def rules() -> CoachRules:
    return load_rules(RULES_PATH)


def _bench():
    spec = importlib.util.spec_from_file_location("coach_eval", ROOT / "bench" / "coach_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("coach_eval", module)
    spec.loader.exec_module(module)
    return module


def test_shipped_rules_load_with_every_rule(rules: CoachRules) -> None:
    assert [r.id for r in rules.rules] == RULE_IDS
    for rule in rules.rules:
        assert rule.title and rule.explanation
        assert (rule.mood > 0) if rule.kind == "do" else (rule.mood < 0)


RULE = """\
rules:
  - id: avoid-calm-down
    kind: avoid
    title: Don't say calm down
    explanation: It judges the feeling.
    mood: -8
    phrases:
      - calm down
"""


def test_a_mood_range_wider_than_a_call_allows_is_refused(tmp_path: Path) -> None:
    """A typed turn moves a caller by 20 at most, so the coach may not promise more."""
    path = tmp_path / "rules.yaml"
    path.write_text("mood_range: [-40, 40]\n" + RULE, encoding="utf-8")
    rules, problems = check_rules(path)
    assert rules is None and [(p.line, p.field) for p in problems] == [(1, "mood_range")]
    assert "-20 <= low <= 0 <= high <= 20" in problems[0].message


@pytest.mark.parametrize(("old", "new", "line", "field"), [
    ("    kind: avoid\n", "    kind: maybe\n", 3, "rules.0.kind"),
    ("    mood: -8\n", "    mood: 8\n", 6, "rules.0.mood"),
    ("      - calm down\n", "      - calm down\n    patterns:\n      - '(unclosed'\n", 10,
     "rules.0.patterns.0"),
    ("    explanation: It judges the feeling.\n", "", 2, "rules.0.explanation"),
    ("    phrases:\n", "    phrase:\n", 7, "rules.0.phrase"),
    ("    title: Don't say calm down\n", "    title: [unclosed\n", 4, "yaml"),
])
def test_broken_rules_file_names_path_and_line(tmp_path: Path, old: str, new: str, line: int,
                                                field: str) -> None:
    path = tmp_path / "rules.yaml"
    assert old in RULE
    path.write_text(RULE.replace(old, new), encoding="utf-8")
    rules, problems = check_rules(path)
    assert rules is None
    assert any(p.field == field for p in problems), problems
    problem = next(p for p in problems if p.field == field)
    assert problem.line == line
    assert str(problem).startswith(f"{path}:{problem.line}: {field}: ")
    with pytest.raises(CoachRulesError) as raised:
        load_rules(path)
    assert raised.value.problems == problems


def test_duplicate_rule_id_is_reported_at_the_second_rule(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(RULE + RULE.removeprefix("rules:\n"), encoding="utf-8")
    _, problems = check_rules(path)
    assert [(p.line, p.field) for p in problems] == [(9, "rules.1.id")]


@pytest.mark.parametrize(("rule_id", "present", "absent"), [
    ("acknowledge-feeling", "I can hear how worrying this bill is.", "I understand."),
    ("acknowledge-feeling", "That sounds really frustrating.", "There's nothing to worry about."),
    ("apology-or-ownership", "I'm sorry, that was our mistake.", "I'm sorry you feel that way."),
    ("apology-or-ownership", "Leave it with me.", "It's not our fault the courier lost it."),
    ("apology-or-ownership", "I'll deal with this personally.", "I will not deal with this."),
    ("apology-or-ownership", "Let me put this right for you now.",
     "I can't put that right, sorry you feel that way."),
    ("apology-or-ownership", "I can sort this out myself.", "I can't sort this out myself."),
    ("clarifying-question", "Which card did you use?", "Did you not read the email?"),
    ("clarifying-question", "Could you confirm the postcode?", "Is there anything else I can help with?"),
    ("next-step-with-time-frame", "I'll call you back by 5pm.", "I'll look into it."),
    ("next-step-with-time-frame", "The refund will show within 3 working days.",
     "I'm sorry for the wait today."),
    ("avoid-blame", "You should have cancelled sooner.", "No problem, we should have told you."),
    ("avoid-blame", "Because you paid late, a fee was added.", "You'll see the credit tomorrow."),
    ("avoid-judging-or-correcting", "There's no need to be rude.", "I need you to stop calling me names."),
    ("avoid-judging-or-correcting", "You're overreacting.", "I'll call you back, as I said I would."),
    ("avoid-calm-down", "Calm down, please.", "I'm not going to tell you to calm down."),
    ("avoid-calm-down", "Just relax.", "Let me give you a moment."),
    ("avoid-jargon", "I'll raise an escalation ticket with tier 2.", "I'll ask our billing specialists."),
    ("avoid-jargon", "It's a system limitation, as per policy.", "Our system can't change that date."),
    ("avoid-jargon", "The refund is in the BACS cycle, ref OUT-2291.",
     "I AM SO SORRY. CAN I TAKE YOUR NHS NUMBER?"),
    ("avoid-blame", "The system shows you entered the wrong date.",
     "You entered it right; the fault is ours."),
    ("avoid-judging-or-correcting", "As I already explained, that's not what the policy says.",
     "Let me explain how the policy works."),
    ("avoid-overpromising", "I guarantee it will never happen again.", "I can't guarantee a time."),
    ("avoid-overpromising", "It'll 100% be there tomorrow.", "I definitely understand why."),
])
def test_each_rule_on_clear_examples(rules: CoachRules, rule_id: str, present: str, absent: str) -> None:
    assert coach_reply(present, rules).verdict(rule_id).present
    assert not coach_reply(absent, rules).verdict(rule_id).present


def test_spans_point_at_the_words_found(rules: CoachRules) -> None:
    text = "OK, calm down. You should have called."
    result = coach_reply(text, rules)
    assert [text[s:e] for s, e in result.verdict("avoid-calm-down").spans] == ["calm down"]
    # The whole shape is marked: the modal and what the caller should have done.
    assert [text[s:e] for s, e in result.verdict("avoid-blame").spans] == ["You should have called"]
    assert "feeling" in result.verdict("avoid-calm-down").explanation


def test_curly_apostrophes_and_missing_ones_still_match(rules: CoachRules) -> None:
    assert coach_reply("You didn\u2019t send the form.", rules).verdict("avoid-blame").present
    assert coach_reply("dont panic", rules).verdict("avoid-calm-down").present


def test_mood_moves_with_the_reply_and_is_clamped(rules: CoachRules) -> None:
    good = coach_reply("I'm so sorry, that sounds stressful. Which account is it? "
                       "I'll call you back by 4pm today.", rules)
    bad = coach_reply("Calm down. You should have read the terms, you're overreacting. "
                      "It's a backend issue, I guarantee it.", rules)
    assert good.mood_change > 0
    assert bad.mood_change < 0
    assert rules.mood_min <= bad.mood_change and good.mood_change <= rules.mood_max
    assert coach_reply("Ok.", rules).mood_change == 0
    assert all(v.ok for v in good.verdicts)


def test_highlight_escapes_html_and_wraps_found_words(rules: CoachRules) -> None:
    text = "<b>Calm down</b> & I'm sorry"
    html = highlight_html(text, coach_reply(text, rules))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert 'class="coach-avoid"' in html and ">Calm down</span>" in html
    assert 'class="coach-do"' in html and ">sorry</span>" in html
    plain = "a < b"
    assert highlight_html(plain, coach_reply(plain, rules)) == "a &lt; b"


def test_labelled_set_is_complete_and_big_enough(rules: CoachRules) -> None:
    bench = _bench()
    items = bench.load_labelled(LABELLED_PATH, [r.id for r in rules.rules])
    assert len(items) >= 160
    assert len({i.id for i in items}) == len(items)
    assert all(set(i.expected) == set(RULE_IDS) - NEWER_RULES for i in items)
    held_out = sum(1 for i in items if i.split == "test")
    assert held_out >= 0.2 * len(items)
    assert {i.split for i in items} == {"tune", "test"}


def test_second_labellers_set_loads_with_a_held_out_half(rules: CoachRules) -> None:
    bench = _bench()
    items = bench.load_labelled(ROOT / "tests" / "fixtures" / "coach" / "second_labeller.yaml",
                                [r.id for r in rules.rules], second=True)
    assert len(items) >= 80 and len({i.id for i in items}) == len(items)
    assert sum(1 for i in items if i.split == "test") >= 40
    table = bench.evaluate(rules, items)
    assert sum(c.total for c in table["second"].values()) == 40 * len(set(RULE_IDS) - NEWER_RULES)


def test_third_labellers_tuning_set_loads(rules: CoachRules) -> None:
    bench = _bench()
    items = bench.load_labelled(bench.THIRD_LABELLER, [r.id for r in rules.rules])
    assert len(items) >= 100 and len({i.id for i in items}) == len(items)
    assert {i.split for i in items} == {"tune"}


def test_coach_agrees_with_trainers_on_every_rule(rules: CoachRules) -> None:
    bench = _bench()
    items = bench.load_labelled(LABELLED_PATH, [r.id for r in rules.rules])
    table = bench.evaluate(rules, items)
    low = {rule_id: f"{c.agreement:.1%}" for rule_id, c in table["all"].items() if c.agreement < 0.90}
    assert not low, f"rules below 90% agreement with the labelled replies: {low}"


def test_the_content_loader_checks_the_coach_rules(tmp_path: Path) -> None:
    """`validate` and the app read the rules with the rest of the content: a broken file is named at
    its line and leaves the coach off, and a good one is loaded once for every screen."""
    from content_kit import make_content, write_module

    from workbook.core.loader import load_library

    root = make_content(tmp_path)
    write_module(root)
    (root / "coach").mkdir()
    (root / "coach" / "rules.yaml").write_text(RULES_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    library = load_library(root)
    assert library.coach is not None and [r.id for r in library.coach.rules] == RULE_IDS
    assert library.all_problems() == []

    (root / "coach" / "rules.yaml").write_text("rules:\n  - id: Bad Id\n", encoding="utf-8")
    library = load_library(root)
    assert library.coach is None
    assert any(p.path.name == "rules.yaml" and p.line == 2 for p in library.all_problems())


def test_fourth_labellers_set_gives_the_callers_line_and_codes_every_rule(rules: CoachRules) -> None:
    bench = _bench()
    items = bench.load_labelled(bench.FOURTH_LABELLER, [r.id for r in rules.rules], fourth=True)
    assert len(items) >= 100 and len({i.id for i in items}) == len(items)
    assert all(i.context for i in items) and all(set(i.expected) == set(RULE_IDS) for i in items)


def test_coach_agrees_with_every_tuning_set_on_every_rule(rules: CoachRules) -> None:
    bench = _bench()
    ids = [r.id for r in rules.rules]
    items = (bench.load_labelled(bench.LABELLED, ids) + bench.load_labelled(bench.SECOND_LABELLER, ids)
             + bench.load_labelled(bench.THIRD_LABELLER, ids)
             + bench.load_labelled(bench.FOURTH_LABELLER, ids, fourth=True))
    table = bench.evaluate(rules, [i for i in items if i.split == "tune"])
    # Judging's model is held to the 90% here: these early writers flag less judging than the
    # 25 labellers since, and leaving each of those out in turn (bench/coach_train.py) the model keeps
    # mean agreement level while recall rises from 0.74 to 0.86; the other rules keep 95%.
    floor = {"avoid-judging-or-correcting": 0.90}
    low = {rule_id: f"{c.agreement:.1%}" for rule_id, c in table["tune"].items()
           if c.agreement < floor.get(rule_id, 0.95)}
    assert not low, f"rules below their floor of agreement with the tuning replies: {low}"
    weak = {rule_id: f"{c.recall:.2f}" for rule_id, c in table["tune"].items()
            if rules.rule(rule_id).kind == "avoid" and c.recall < 0.8}
    assert not weak, f"'avoid' rules with recall below 0.8 on the tuning replies: {weak}"


# -- reading sentences, not keywords (issue 13) ------------------------------------------------------

def _found(text: str, rules: CoachRules, context: str = "") -> set[str]:
    return {v.rule_id for v in coach_reply(text, rules, context).verdicts if v.present}


@pytest.mark.parametrize(("text", "present", "absent"), [
    ("I'm not sorry, this is your fault.", {"avoid-blame"}, {"apology-or-ownership"}),
    ("I'm not going to apologise for the courier.", set(), {"apology-or-ownership"}),
    ("I won't say sorry for that.", set(), {"apology-or-ownership"}),
    ("I can't imagine how stressful that was.", {"acknowledge-feeling"}, set()),
    ("Sorry, but it's your fault.", {"avoid-blame"}, {"apology-or-ownership"}),
    ("I apologise, but the courier is responsible.", {"avoid-blame"}, {"apology-or-ownership"}),
    ("I understand, but rules are rules.", {"avoid-stonewalling"}, set()),
    ("Sorry you feel that way, but the courier is responsible.", {"avoid-blame", "avoid-stonewalling"},
     {"apology-or-ownership"}),
    ("I'm sorry, but I'll need your postcode before I can look.", {"apology-or-ownership"}, set()),
])
def test_negation_and_contrast_are_read(rules: CoachRules, text: str, present: set, absent: set) -> None:
    found = _found(text, rules)
    assert present <= found and not (absent & found), found


def test_keywords_strung_together_earn_nothing(rules: CoachRules) -> None:
    from workbook.core.typed_turn import rating_for

    for stuffed in ("Sorry. Frustrating. What?", "Sorry. Third call. Frustrating. Reference?",
                    "Sorry. Angry. Help?"):
        result = coach_reply(stuffed, rules)
        assert not any(v.present for v in result.verdicts if v.kind == "do"), stuffed
        assert rating_for(result).value != "best"
    # A short opener next to a real clause, and a reply that is one short sentence, still count.
    assert {"apology-or-ownership", "clarifying-question"} <= _found("Sorry! What's your postcode?", rules)
    assert "apology-or-ownership" in _found("It was our error, and it shouldn't have happened. I'm sorry.",
                                            rules)
    assert "apology-or-ownership" in _found("So sorry!", rules)


def test_the_callers_own_words_and_a_reference_number_are_not_jargon(rules: CoachRules) -> None:
    reply = "I'm sorry the MRI was billed to you. I'll fix it today."
    assert "avoid-jargon" in _found(reply, rules)
    assert "avoid-jargon" not in _found(reply, rules, context="Why am I being billed for my MRI?")
    assert "avoid-jargon" not in _found("Your reference number is CMP-48213, quote it if you call.", rules)
    assert "avoid-jargon" in _found("I'll raise a CR-04 reversal with the back office.", rules)


@pytest.mark.parametrize(("text", "not_found"), _bench().load_leave_alone(AVOID_RULE_IDS),
                         ids=lambda value: value[:40] if isinstance(value, str) else None)
def test_the_coach_leaves_the_good_replies_in_the_guard_file_alone(rules: CoachRules, text: str,
                                                                   not_found: tuple[str, ...]) -> None:
    """tests/fixtures/coach/guards/leave_alone.yaml: slowing your own pace, a hold with a reason, a way
    forward after a refusal, a boundary on the caller's behaviour, ... (the trainer keeps the model's
    thresholds above all of them)."""
    assert not set(not_found) & _found(text, rules)


@pytest.mark.parametrize(("text", "rule_id"), [
    ("There's nothing I can do.", "avoid-stonewalling"),
    ("That's our policy.", "avoid-stonewalling"),
    ("Policy is policy.", "avoid-stonewalling"),
    ("Rules are rules, I'm afraid.", "avoid-stonewalling"),
    ("That's not our problem.", "avoid-stonewalling"),
    ("Sorry you feel that way.", "avoid-stonewalling"),
    ("Please hold.", "avoid-stonewalling"),
    ("That's the courier's fault, you'll need to ring them.", "avoid-blame"),
    ("It's the bank who took the payment twice, not us.", "avoid-blame"),
    ("As I said, the fee stands.", "avoid-judging-or-correcting"),
    ("Slow down!", "avoid-calm-down"),
])
def test_the_things_the_lessons_say_to_avoid_are_found(rules: CoachRules, text: str, rule_id: str) -> None:
    assert rule_id in _found(text, rules)


def test_highlight_marks_the_triggering_words_and_not_a_negated_apology(rules: CoachRules) -> None:
    text = "I'm not sorry. Policy is policy."
    html = highlight_html(text, coach_reply(text, rules))
    assert 'class="coach-avoid"' in html and ">Policy is policy</span>" in html
    assert 'class="coach-do"' not in html


def test_a_catastrophic_pattern_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(RULE + "    patterns:\n      - '(\\w+\\s?)+!$'\n", encoding="utf-8")
    rules, problems = check_rules(path)
    assert rules is None
    assert [(p.line, p.field) for p in problems] == [(10, "rules.0.patterns.0")]
    assert "exponential" in problems[0].message


def test_a_bad_reading_block_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("reading:\n  negations: not\n  negation_reach: 40\n  guesses: [a]\n" + RULE,
                    encoding="utf-8")
    _rules, problems = check_rules(path)
    assert [(p.line, p.field) for p in problems] == [
        (2, "reading.negations"), (3, "reading.negation_reach"), (4, "reading.guesses")]


def test_every_shipped_pattern_is_fast_on_hostile_text(rules: CoachRules) -> None:
    import time

    hostile = ["a" * 2000 + "!", ("word " * 400) + "?", ("sorry, " * 300), ("I " * 1000) + "x",
               ("A-" * 1000), ("'" * 2000)]
    plain = "I'm sorry the parcel is late, let me check where it is and call you back by five. "

    def seconds(texts: list[str]) -> float:
        started = time.perf_counter()
        for text in texts:
            coach_reply(text, rules, context=text)
        return time.perf_counter() - started

    # Against ordinary replies of the same length, read in the same run: a pattern that backtracks
    # catastrophically takes thousands of times longer, whatever else the machine is doing.
    ordinary = [(plain * (len(text) // len(plain) + 1))[:len(text)] for text in hostile]
    assert seconds(hostile) < 10 * seconds(ordinary) + 0.5


# -- shapes, not phrases: rephrasings a new writer uses ----------------------------------------------

@pytest.mark.parametrize(("text", "rule_id"), [
    ("You could have just rung us before you sent it back.", "avoid-blame"),
    ("If you'd opted for the annual plan this wouldn't be an issue.", "avoid-blame"),
    ("That happened because you never returned the form.", "avoid-blame"),
    ("You were meant to give us 30 days' notice.", "avoid-blame"),
    ("You probably typed the card number in wrong.", "avoid-blame"),
    ("It's the warehouse's mistake, they packed the wrong size.", "avoid-blame"),
    ("The engineers caused this, not me.", "avoid-blame"),
    ("Our notes say you agreed to the upgrade.", "avoid-blame"),
    ("Like I said, the fee is correct.", "avoid-judging-or-correcting"),
    ("You're not understanding me, the credit was applied.", "avoid-judging-or-correcting"),
    ("You need to listen to what I'm telling you.", "avoid-judging-or-correcting"),
    ("Actually, you're wrong about the date.", "avoid-judging-or-correcting"),
    ("Don't use that tone with me.", "avoid-judging-or-correcting"),
    ("Your claim will definitely be approved.", "avoid-overpromising"),
    ("I'm positive it'll be there by Monday.", "avoid-overpromising"),
    ("The insurer will cover it, I swear.", "avoid-overpromising"),
    ("You opted out of paper bills, so the letter went to your inbox.", "avoid-blame"),
    ("That's what happens when you leave it to the last day.", "avoid-blame"),
    ("Next time, make sure you keep the receipt.", "avoid-blame"),
    ("Don't be silly, it's a small charge.", "avoid-judging-or-correcting"),
    ("If you'd just let me finish, I can explain the fee.", "avoid-judging-or-correcting"),
    ("No, the window isn't 30 days, it's 14.", "avoid-judging-or-correcting"),
    ("You're confusing the deposit with the first payment.", "avoid-judging-or-correcting"),
    ("Take a deep breath for me.", "avoid-calm-down"),
    ("Please lower your voice.", "avoid-calm-down"),
])
def test_shapes_find_rephrasings(rules: CoachRules, text: str, rule_id: str) -> None:
    assert rule_id in _found(text, rules)


# -- the optional linear model beside the rules (lessons/coach/model.yaml) ---------------------------

MODEL = """\
rules:
  avoid-blame:
    threshold: 0.6
    bias: -2.0
    weights:
      "w:yours": 30.0
      "b:your call": 30.0
      "c: cal": 1.0
      "w:sorry": -3.0
"""


def _rules_with_model(tmp_path: Path, model: str) -> tuple[CoachRules | None, list]:
    (tmp_path / "rules.yaml").write_text(RULES_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "model.yaml").write_text(model, encoding="utf-8")
    return check_rules(tmp_path / "rules.yaml")


def test_a_model_finds_what_the_phrases_miss_and_highlights_its_top_words(tmp_path: Path) -> None:
    rules, problems = _rules_with_model(tmp_path, MODEL)
    assert problems == [] and rules is not None and rules.model is not None
    text = "That was your call, the choice was yours."
    assert "avoid-blame" not in {v.rule_id for v in coach_reply(text, rules, use_model=False).verdicts
                                 if v.present}
    verdict = coach_reply(text, rules).verdict("avoid-blame")
    assert verdict.present
    assert {text[s:e] for s, e in verdict.spans} <= {"your", "call", "yours"}
    assert "yours" in {text[s:e] for s, e in verdict.spans}
    assert not coach_reply("I'm sorry, I'll call you back today.", rules).verdict("avoid-blame").present
    assert 'class="coach-avoid"' in highlight_html(text, coach_reply(text, rules))


DO_MODEL = """\
rules:
  acknowledge-feeling:
    threshold: 0.6
    bias: -2.0
    weights:
      "w:rotten": 30.0
      "w:week": 10.0
  apology-or-ownership:
    threshold: 0.6
    bias: -2.0
    weights:
      "w:regret": 30.0
"""


def test_a_do_rules_model_earns_credit_only_for_words_said_as_meant(tmp_path: Path) -> None:
    """A "do" rule's model finds a wording its phrases miss, under the same reading as the phrases:
    negated, strung together as keywords, or taken back by a "but", the words earn nothing."""
    rules, problems = _rules_with_model(tmp_path, DO_MODEL)
    assert problems == [] and rules is not None
    text = "What a rotten week you have had with this."
    assert not coach_reply(text, rules, use_model=False).verdict("acknowledge-feeling").present
    verdict = coach_reply(text, rules).verdict("acknowledge-feeling")
    assert verdict.present and {text[s:e] for s, e in verdict.spans} <= {"rotten", "week"}
    assert 'class="coach-do"' in highlight_html(text, coach_reply(text, rules))
    assert coach_reply("I regret the mix-up with your order.", rules).verdict("apology-or-ownership").present
    model = rules.model.rules
    for unmeant, rule_id in [("Rotten. Week. Order number?", "acknowledge-feeling"),
                             ("I regret it, but you should have read the letter.", "apology-or-ownership")]:
        assert score(model[rule_id], unmeant) >= model[rule_id].threshold  # the model alone would credit it
        assert not coach_reply(unmeant, rules).verdict(rule_id).present, unmeant


@pytest.mark.parametrize(("model", "where"), [
    (MODEL.replace("avoid-blame", "avoid-nothing"), (2, "rules.avoid-nothing")),
    (MODEL.replace("threshold: 0.6", "threshold: 3"), (3, "rules.avoid-blame.threshold")),
    (MODEL.replace('"w:yours": 30.0', '"w:yours": heavy'), (5, "rules.avoid-blame.weights")),
    ("rules: [1, 2]\n", (1, "rules")),
])
def test_a_broken_model_file_is_named_at_its_line(tmp_path: Path, model: str, where: tuple) -> None:
    rules, problems = _rules_with_model(tmp_path, model)
    assert rules is None
    assert [(p.line, p.field) for p in problems] == [where]
    assert problems[0].path.name == "model.yaml"


# -- generalising to new writers: clause shapes, who is blamed, a door closed with no way forward -----

@pytest.mark.parametrize(("text", "rule_id"), [
    ("There's nothing anybody could do about the storm.", "avoid-stonewalling"),
    ("Head office can't do anything about that.", "avoid-stonewalling"),
    ("Not a lot else we can offer, I'm afraid.", "avoid-stonewalling"),
    ("Delivery slots are policy.", "avoid-stonewalling"),
    ("That's simply how the system works.", "avoid-stonewalling"),
    ("I'm unable to help with that.", "avoid-stonewalling"),
    ("The depot sent it back, not me, so take it up with them.", "avoid-stonewalling"),
    ("Hold on.", "avoid-stonewalling"),
    ("I need you to hold.", "avoid-stonewalling"),
    ("It's nothing to do with me.", "avoid-stonewalling"),
    ("That's the landlord's mess, not ours.", "avoid-blame"),
    ("Honestly, that one's on them.", "avoid-blame"),
    ("The late fee was down to the agency, not us.", "avoid-blame"),
    ("We're not the ones who messed up your booking.", "avoid-blame"),
    ("I won't apologise for something the airline did.", "avoid-blame"),
    ("Your pharmacy is dragging its feet again.", "avoid-blame"),
    ("Times are long because the overflow team keeps dropping calls.", "avoid-blame"),
    ("You should have checked the delivery date first.", "avoid-judging-or-correcting"),
    ("If you'd opened the letter you would know the date.", "avoid-judging-or-correcting"),
    ("The fee is as stated in your agreement.", "avoid-judging-or-correcting"),
    ("Look at the statement properly and you'll see it.", "avoid-judging-or-correcting"),
    ("As I've told you, the form has to be signed.", "avoid-judging-or-correcting"),
    ("You're getting very emotional about a parking charge.", "avoid-judging-or-correcting"),
    ("Everybody else has to wait their turn.", "avoid-judging-or-correcting"),
    ("Don't worry, it'll correct itself automatically.", "avoid-overpromising"),
    ("It will clear by itself overnight.", "avoid-overpromising"),
    ("I can garantee it arrives Friday.", "avoid-overpromising"),
    ("I'll make sure this never happens to you.", "avoid-overpromising"),
    ("We'll send it out, wherever you are.", "avoid-overpromising"),
    ("It's waiting on an RT4 form from the team.", "avoid-jargon"),
    ("You'll need to pass KYC&AML first.", "avoid-jargon"),
    ("It's sitting in the Q-queue.", "avoid-jargon"),
])
def test_new_writers_rephrasings_are_found(rules: CoachRules, text: str, rule_id: str) -> None:
    assert rule_id in _found(text, rules)


def test_an_offer_only_reopens_the_door_when_it_comes_after_the_refusal(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(RULE.replace("calm down", "nothing I can do")
                    + "    unless_offered:\n      phrases: [but I can]\n", encoding="utf-8")
    rules, problems = check_rules(path)
    assert rules is not None, problems
    assert not coach_reply("There's nothing I can do, but I can call them.", rules).verdicts[0].present
    assert coach_reply("But I can see it: there's nothing I can do.", rules).verdicts[0].present


def test_a_bad_unless_offered_group_is_named_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(RULE + "    unless_offered: [but I can]\n", encoding="utf-8")
    _rules, problems = check_rules(path)
    assert [p.field for p in problems] == ["rules.0.unless_offered"]


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_a_phrase_pattern_can_never_backtrack_so_phrases_skip_the_guard(phrase):
    assert backtracking_risk(phrase_pattern(phrase)) is None


# -- the model retrained on every labeller: new writers' wordings the phrases miss --------------------

# Written for these tests (not taken from any labelled set); the phrase rules alone miss every one.
# (Of 21 such paraphrases written for the weak rules, the model finds these 11; it finds none of the
# four "judging" ones: that model cannot fire more often without flagging the scripts' best replies.
# Four closed doors it found then are now found by the phrases' shapes, and tested with them below:
# "You'll just have to wait like everyone else." since coach27.)
MODEL_FINDS = [
    ("The garage caused all of this, so you'd be better off asking them.", "avoid-blame"),
    ("Your bank bounced the payment, that's why the account is frozen.", "avoid-blame"),
    ("Head office makes those decisions, not me.", "avoid-stonewalling"),
    ("Can we keep this civil, please?", "avoid-calm-down"),
    ("Your refund is a done deal, it will be with you tomorrow.", "avoid-overpromising"),
]


@pytest.mark.parametrize(("text", "rule_id"), MODEL_FINDS)
def test_the_model_finds_what_the_phrases_miss(rules: CoachRules, text: str, rule_id: str) -> None:
    assert rule_id not in {v.rule_id for v in coach_reply(text, rules, use_model=False).verdicts if v.present}
    verdict = coach_reply(text, rules).verdict(rule_id)
    assert verdict.present
    # The highlight points at words of the reply (at most three), never at the whole reply or punctuation.
    words = [text[start:end] for start, end in verdict.spans]
    assert 1 <= len(words) <= 3 and all(w.strip(".,!?;:") for w in words) and text not in words
    assert 'class="coach-avoid"' in highlight_html(text, coach_reply(text, rules))


TRAINING_LABELLERS = (11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 25, 26, 27)  # 300 replies, every rule coded


def test_the_shipped_model_reads_every_avoid_rule_and_every_labeller_is_a_fixture(rules: CoachRules) -> None:
    assert rules.model is not None
    assert set(rules.model.rules) >= {r.id for r in rules.rules if r.kind == "avoid"}
    bench = _bench()
    ids = [r.id for r in rules.rules]
    for n in TRAINING_LABELLERS:
        items = bench.load_labelled(ROOT / "tests" / "fixtures" / "coach" / f"labeller_l{n}.yaml", ids)
        assert len(items) == 300 and all(i.context and set(i.expected) == set(ids) for i in items)


@pytest.mark.parametrize(("text", "rule_id"), [
    # Judging: shrinking the caller's reaction or problem, telling them it won't help, disbelief, lectures.
    ("There's honestly no need to get so wound up about a late bus.", "avoid-judging-or-correcting"),
    ("Shouting at me isn't going to get the boiler fixed any sooner.", "avoid-judging-or-correcting"),
    ("It's a dent, not a write-off.", "avoid-judging-or-correcting"),
    ("Come on, it's really not that serious.", "avoid-judging-or-correcting"),
    ("You ordered the cheapest room, so what did you expect?", "avoid-judging-or-correcting"),
    ("I very much doubt that, our drivers are all vetted.", "avoid-judging-or-correcting"),
    ("Are you sure you didn't leave the gate open yourself?", "avoid-judging-or-correcting"),
    ("Next time, check the date before you travel.", "avoid-judging-or-correcting"),
    ("I won't tolerate being shouted at.", "avoid-judging-or-correcting"),
    ("Everyone is queueing, sir, you're not special.", "avoid-judging-or-correcting"),
    ("There's no point shouting at me, I didn't set the price.", "avoid-judging-or-correcting"),
    ("Please don't take it out on me.", "avoid-judging-or-correcting"),
    # Closing the door: out of reach, sent away, nothing more to say, a tautology, a bare refusal.
    ("The landlord decides that, so it's out of our hands.", "avoid-stonewalling"),
    ("A late fee isn't something we can waive.", "avoid-stonewalling"),
    ("The decision is final and the charge stands.", "avoid-stonewalling"),
    ("The courier has it now, so you'll need to contact them directly.", "avoid-stonewalling"),
    ("That's all I can tell you at the moment.", "avoid-stonewalling"),
    ("If it was declined, it was declined.", "avoid-stonewalling"),
    ("The parts will arrive when they arrive.", "avoid-stonewalling"),
    ("We don't give refunds on sale items.", "avoid-stonewalling"),
    ("Ring back when you're ready to be polite.", "avoid-stonewalling"),
    ("Okay, hang on.", "avoid-stonewalling"),
    # Once found only by the model; the phrases' shapes find them now.
    ("That's not something we deal with here.", "avoid-stonewalling"),
    ("Unfortunately that's out of my hands.", "avoid-stonewalling"),
    ("You'll need to write in, I can't discuss it on the phone.", "avoid-stonewalling"),
    # The agent as a mere go-between, and a door shut on whatever the caller does next.
    ("Head office sets the fees, I'm just the messenger.", "avoid-stonewalling"),
    ("Look, I only work here.", "avoid-stonewalling"),
    ("Complain if you like, it won't change anything.", "avoid-stonewalling"),
    ("There's nothing any of us can do about the snow.", "avoid-stonewalling"),
])
def test_judging_and_closed_door_shapes_are_found_by_the_phrases(rules: CoachRules, text: str,
                                                                  rule_id: str) -> None:
    assert rule_id in phrases_find(text, rules)


@pytest.mark.parametrize(("text", "rule_id"), [
    # Reassurance and owning it are not judging.
    ("There's no need to apologize, you've done nothing wrong.", "avoid-judging-or-correcting"),
    ("I'm sure we can sort this out today.", "avoid-judging-or-correcting"),
    ("I can hear this has been a horrible week; I'd like to put it right.", "avoid-judging-or-correcting"),
    ("Next time you call, you can ask for me by name.", "avoid-judging-or-correcting"),
    # A closed door with a way forward after it, a hold with a reason, a recap that asks for more.
    ("The weather is out of our control, but I can rebook you on Friday's sailing.", "avoid-stonewalling"),
    ("The courier has it, so I'll contact them for you and call you back by four.", "avoid-stonewalling"),
    ("Hang on a moment while I check the booking.", "avoid-stonewalling"),
    ("So: refund today, replacement tomorrow. Anything else?", "avoid-stonewalling"),
    ("I can't refund that myself, but I can open a complaint now with the fee in it.", "avoid-stonewalling"),
    ("So I know I've explained it clearly, what happens next?", "avoid-stonewalling"),
    ("I'm just the messenger on the fees, but I can ask for the late fee to be waived today.",
     "avoid-stonewalling"),
    ("Changing the date won't change anything on your bill, so that's one less worry.", "avoid-stonewalling"),
])
def test_judging_and_closed_door_shapes_leave_good_replies_alone(rules: CoachRules, text: str,
                                                                   rule_id: str) -> None:
    assert rule_id not in phrases_find(text, rules)


@pytest.mark.parametrize(("text", "rule_id"), [
    # Shapes several of labellers l11-l32 used (coach26).
    ("Honestly, resetting a password is not rocket science.", "avoid-judging-or-correcting"),
    ("So, for the third time, the refund goes back to the card.", "avoid-judging-or-correcting"),
    ("Per my last email, the offer ended in June.", "avoid-judging-or-correcting"),
    ("Most customers manage to book online without any trouble.", "avoid-judging-or-correcting"),
    ("You knew that when you signed the lease.", "avoid-judging-or-correcting"),
    ("It says so right there on the booking page.", "avoid-judging-or-correcting"),
    ("I've been nothing but polite to you on this call.", "avoid-judging-or-correcting"),
    ("I'm not here to argue about the price of bread with you.", "avoid-judging-or-correcting"),
    ("I'm not sure what you want me to do about it.", "avoid-stonewalling"),
    ("The deadline's the deadline.", "avoid-stonewalling"),
    ("Your repair will get done when it gets done.", "avoid-stonewalling"),
    ("The fee was applied correctly and that's the end of it.", "avoid-stonewalling"),
    ("I'm afraid I've no control over the courier's rounds.", "avoid-stonewalling"),
    ("Everyone's waiting, so you'll just have to be patient.", "avoid-stonewalling"),
    ("The renewal price is set by head office, and that's the price, I'm afraid.", "avoid-stonewalling"),
    ("You ticked the paperless box, which is on you.", "avoid-blame"),
    ("The engineers are the ones holding it up, they're useless.", "avoid-blame"),
    ("You'd have had a text the day before.", "avoid-blame"),
    ("We did send a reminder a week before.", "avoid-blame"),
    ("It's probably your router, the site works fine for everyone else.", "avoid-blame"),
])
def test_shapes_from_labellers_l30_l32_are_found_by_the_phrases(rules: CoachRules, text: str,
                                                                rule_id: str) -> None:
    assert rule_id in phrases_find(text, rules)


@pytest.mark.parametrize(("text", "rule_id"), [
    ("Are you sure you're warm enough while we wait for the engineer?", "avoid-judging-or-correcting"),
    ("I'll check the booking page with you now so we both see it.", "avoid-judging-or-correcting"),
    ("I'm afraid that's the earliest slot, but I can ring you if one frees up today.", "avoid-stonewalling"),
    ("I'm afraid the fee applies, but I can set up a payment plan today.", "avoid-stonewalling"),
    ("That's on us, and I'm sorry. I'll send the right part today.", "avoid-blame"),
])
def test_shapes_from_labellers_l30_l32_leave_good_replies_alone(rules: CoachRules, text: str,
                                                               rule_id: str) -> None:
    assert rule_id not in phrases_find(text, rules)


@pytest.mark.parametrize(("text", "rule_id"), [
    # Shapes several of labellers l11-l39 used (coach27), one sentence per new entry.
    ("I'm sure you'll appreciate that the trains run to a timetable.", "avoid-judging-or-correcting"),
    ("Did you actually read the instructions before plugging it in?", "avoid-judging-or-correcting"),
    ("The opening hours are right there on the website.", "avoid-judging-or-correcting"),
    ("To be fair, the parking rules haven't changed in years.", "avoid-judging-or-correcting"),
    ("Right, I'll keep it basic so we get through this.", "avoid-judging-or-correcting"),
    ("Most customers find the heating controls easy enough.", "avoid-judging-or-correcting"),
    ("You're hardly the only one waiting for a plumber this week.", "avoid-judging-or-correcting"),
    ("Maybe read the menu before ordering, sir.", "avoid-judging-or-correcting"),
    ("There isn't anything further I can add on the parking permit.", "avoid-stonewalling"),
    ("The panel reviewed it and the decision stands.", "avoid-stonewalling"),
    ("If you don't like the new tariff, you're welcome to go elsewhere.", "avoid-stonewalling"),
    ("Not sure what you want me to do, the system shows it as paid.", "avoid-stonewalling"),
    ("There's no slot this week, you'll just have to wait.", "avoid-stonewalling"),
    ("The gym closes at ten. So no.", "avoid-stonewalling"),
    ("The missing bolts have nothing to do with us.", "avoid-blame"),
    ("It's the removals firm who've let you down there.", "avoid-blame"),
    ("That's between you and the garage that did the repair.", "avoid-blame"),
    ("You never set up the direct debit, so it lapsed.", "avoid-blame"),
    ("That's what happens when people leave the renewal to the last day.", "avoid-blame"),
    ("Don't get yourself so het up over a parking ticket.", "avoid-calm-down"),
    ("Keep your hair on, the bus is only ten minutes behind.", "avoid-calm-down"),
    ("Can we take it down a notch while I look at your account?", "avoid-calm-down"),
    ("There's no need to cry, it's only a form.", "avoid-calm-down"),
    ("Ring back when you're calmer and we'll go through it.", "avoid-calm-down"),
    ("Getting angry with me won't bring the engineer any sooner.", "avoid-calm-down"),
])
def test_shapes_from_labellers_l33_l39_are_found_by_the_phrases(rules: CoachRules, text: str,
                                                                rule_id: str) -> None:
    assert rule_id in phrases_find(text, rules)


@pytest.mark.parametrize(("text", "rule_id"), [
    ("I can't change the date myself, but I can ask the depot to ring you by noon today.",
     "avoid-stonewalling"),
    ("I'm so sorry the delivery let you down. I'll rebook it for tomorrow morning.", "avoid-blame"),
    ("I can hear how worried you are, so let's go through it together, one step at a time.",
     "avoid-calm-down"),
    ("I'll make sure this doesn't happen again, and I'll email you the new date today.",
     "avoid-judging-or-correcting"),
    # The agent's own call-back, keeping at it, reassurance, and a feeling named with sympathy: the
    # shapes are read as said TO the caller, not by the agent about themselves.
    ("I'll call back tomorrow at 10 with an update on the engineer.", "avoid-stonewalling"),
    ("I'll keep trying the depot until I get an answer, and call you by 3pm.", "avoid-stonewalling"),
    ("I've cancelled that payment, so you can stop worrying about it.", "avoid-calm-down"),
    ("No wonder you're wound up, I would be too. Let me fix this now.", "avoid-calm-down"),
    ("I can hear you're getting really irritated, and I'd feel the same. Let me sort it.", "avoid-calm-down"),
    ("Most customers would be just as upset, and rightly so. I'll refund it today.",
     "avoid-judging-or-correcting"),
    ("It's a bit early to say, but I'll call you at 4 with what the lab says.",
     "avoid-judging-or-correcting"),
    ("To be fair, nobody told you about the fee, so I'll take it off now.", "avoid-judging-or-correcting"),
    ("In fairness to you, the letter was confusing. I'll explain it properly now.",
     "avoid-judging-or-correcting"),
])
def test_shapes_from_labellers_l33_l39_leave_good_replies_alone(rules: CoachRules, text: str,
                                                               rule_id: str) -> None:
    assert rule_id not in phrases_find(text, rules)


# -- a boundary names the caller's behaviour; a judgement names the person ----------------------------


@pytest.mark.parametrize("text", [
    "You're being rude.",
    "You're overreacting.",
    "There's no need for that tone.",
    "I need you to stop swearing; you're being really rude.",
    "I need you to stop shouting and calm down.",
    "I'm happy to help, but not while you're being so unreasonable about it.",
    "Stop shouting, please.",
    "There's no need to be swearing at me.",
    "I'm not going to be spoken to like that.",
])
def test_a_judgement_of_the_person_is_still_judging(rules: CoachRules, text: str) -> None:
    """A label for the caller or their reaction is judging, alone or beside a boundary."""
    assert "avoid-judging-or-correcting" in phrases_find(text, rules)


# -- what holds the encoder back: shapes the lessons teach, not the rule's own wordings ---------------


@pytest.mark.parametrize(("text", "rule_id"), [
    ("If the name-calling carries on, I'll have to end this call. I'd rather finish it.",
     "avoid-stonewalling"),
    ("I want to help you, but I'm not able to carry on if the shouting continues.", "avoid-stonewalling"),
    ("That's your decision, and it won't change how I handle this. Now, your costs.", "avoid-stonewalling"),
    ("Yes. Here's how.", "avoid-stonewalling"),
    ("So I know I explained it well, what will you do when the letter arrives?",
     "avoid-judging-or-correcting"),
    ("I'm going to slow down a little so we get every detail right.", "avoid-judging-or-correcting"),
])
def test_taught_shapes_are_left_alone_by_the_whole_coach(rules: CoachRules, text: str, rule_id: str) -> None:
    """Phrases, word model and encoder together: the lessons' own boundary, teach-back and pace."""
    assert not coach_reply(text, rules).present[rule_id]


@pytest.mark.parametrize(("text", "rule_id"), [
    ("I'm ending this call now.", "avoid-stonewalling"),
    ("There's nothing more I can do. Goodbye.", "avoid-stonewalling"),
    ("As I've explained three times already, the fee stands.", "avoid-judging-or-correcting"),
])
def test_the_same_rules_still_find_a_door_shut_or_a_lecture(rules: CoachRules, text: str,
                                                            rule_id: str) -> None:
    assert coach_reply(text, rules).present[rule_id]
