"""Practice-call validation: each broken script is reported as `path:line: field: message` on the line
a trainer has to fix, and `python main.py validate` fails on it."""

from __future__ import annotations

from pathlib import Path

import content_kit as kit
import pytest
from content_kit import line_of

from workbook.cli import main
from workbook.core.loader import load_library
from workbook.core.scenario import SCENARIO_FOLDER
from workbook.core.scenario_loader import MAX_DECISIONS

FILE_NAME = "01-test-call.yaml"

# A valid script: each case below changes one thing in it. Every ending is reachable: `resolved`
# through the first replies, `complaint` through the others, `hung-up` through the mood rule.
SCRIPT = """\
id: test-call
title: A test call
summary: A short call for the validator tests.
modules: [x]
persona:
  name: Sam Tester
  situation: Was charged twice for one order.
  context: online shop
start_mood: 40
start: opening
rules:
  - if: mood < 10
    goto: hung-up
nodes:
  opening:
    caller: Why was I charged twice?
    replies:
      - text: Let me look at that for you.
        rating: best
        skills: {listening: 1, empathy: 1}
        mood: 10
        set: [checked]
        feedback: You took it on.
        next: found
      - text: Let me see.
        rating: okay
        feedback: Fine, but flat.
        next: found
      - text: That is not my department.
        rating: poor
        skills: {empathy: -2}
        mood: -40
        feedback: You passed the problem on.
        next: found
  found:
    caller: So what happened?
    replies:
      - text: The payment ran twice; I have refunded one.
        rating: best
        skills: {problem-solving: 2}
        mood: 10
        when: checked
        feedback: Cause and fix.
        next:
          - if: mood >= 50
            goto: resolved
          - goto: complaint
      - text: I would guess a glitch.
        rating: okay
        feedback: A guess.
        next: complaint
      - text: I do not know.
        rating: poor
        mood: -10
        feedback: No answer.
        next: complaint
endings:
  resolved:
    kind: resolved
    title: Fixed
    outcome: The refund is on its way.
  complaint:
    kind: formal-complaint
    title: A complaint
    outcome: She complained.
  hung-up:
    kind: hung-up
    title: Hung up
    outcome: She left the call.
"""
ORPHAN = """\
  orphan:
    caller: Nobody calls me.
    replies:
      - text: One.
        rating: okay
        feedback: One.
        next: resolved
      - text: Two.
        rating: okay
        feedback: Two.
        next: complaint
"""
STUCK = """\
  stuck:
    caller: Round we go.
    replies:
      - text: One.
        rating: okay
        feedback: One.
        next: stuck-again
      - text: Two.
        rating: okay
        feedback: Two.
        next: stuck-again
  stuck-again:
    caller: And again.
    replies:
      - text: One.
        rating: okay
        feedback: One.
        next: stuck
      - text: Two.
        rating: okay
        feedback: Two.
        next: stuck
"""
FIRST_NEXT = "next: found\n      - text: Let me see."
SECOND_NEXT = "feedback: Fine, but flat.\n        next: found"
GUESS_NEXT = "        next: complaint\n      - text: I do not know."
BRANCHES = "next:\n          - if: mood >= 50\n            goto: resolved\n          - goto: complaint"


def make_content(tmp_path: Path) -> Path:
    """`lessons/` with the real skills.yaml and one minimal module `x`, and `assets/` beside it."""
    root = kit.make_content(tmp_path, real_skills=True)
    kit.write_module(root)
    (root / SCENARIO_FOLDER).mkdir()
    return root


def write_script(root: Path, text: str, name: str = FILE_NAME) -> Path:
    path = root / SCENARIO_FOLDER / name
    path.write_text(text, encoding="utf-8")
    return path


def script_with(*changes: tuple[str, str]) -> str:
    return kit.with_changes(SCRIPT, *changes)


def _case(name, changes, marker, field, message, occurrence=1):
    text = script_with(*changes) if isinstance(changes, list) else changes
    return pytest.param(text, (line_of(text, marker, occurrence), field, message), id=name)


NOT_TARGET = "is not a node or an ending"
LOOP = "a call can loop back here forever: give the loop a way out (a flag, a mood rule or an ending)"
CASES = [
    _case("dangling-reply-next", [(FIRST_NEXT, FIRST_NEXT.replace("found", "fuond"))], "next: fuond",
          "nodes.opening.replies.0.next", f"'fuond' {NOT_TARGET}"),
    _case("dangling-branch-goto", [("goto: resolved", "goto: resolvd")], "goto: resolvd",
          "nodes.found.replies.0.next", f"'resolvd' {NOT_TARGET}"),
    _case("dangling-rule-goto", [("goto: hung-up", "goto: hangup")], "goto: hangup", "rules.0.goto",
          f"'hangup' {NOT_TARGET}"),
    _case("dangling-start", [("start: opening", "start: openin")], "start: openin", "start",
          "'openin' is not a node"),
    _case("start-is-an-ending", [("start: opening", "start: resolved")], "start: resolved", "start",
          "'resolved' is not a node"),
    _case("unreachable-node", [("endings:", ORPHAN + "endings:")], "  orphan:", "nodes.orphan",
          "no call can reach this node"),
    _case("endless-loop", [(GUESS_NEXT, GUESS_NEXT.replace("complaint", "found"))], "  found:",
          "nodes.found", LOOP),
    _case("node-that-never-ends", [(SECOND_NEXT, SECOND_NEXT.replace("found", "stuck")),
                                   ("endings:", STUCK + "endings:")],
          "  stuck:", "nodes.stuck", LOOP),
    _case("no-strong-ending", [("kind: resolved\n", "kind: hung-up\n")], "endings:", "endings",
          "no path reaches a strong ending (resolved or escalated appropriately)"),
    _case("no-failing-ending", [("kind: formal-complaint", "kind: resolved-with-follow-up"),
                                ("kind: hung-up", "kind: escalated-appropriately")],
          "endings:", "endings",
          "no path fails (hung up or formal complaint): the learner cannot see what a poor call costs"),
    _case("condition-ends-early", [("when: checked", "when: checked and")], "when: checked and",
          "nodes.found.replies.0.when", "'checked and' ends too early"),
    _case("comparison-without-number", [("if: mood >= 50", "if: mood >=")], "if: mood >=",
          "nodes.found.replies.0.next.0.if", "'mood >=' ends too early"),
    _case("comparison-with-a-name", [("if: mood < 10", "if: mood < x")], "if: mood < x", "rules.0.if",
          "'mood <' must be followed by a whole number"),
    _case("unknown-characters", [("when: checked", "when: checked && mood > 5")], "when: checked &&",
          "nodes.found.replies.0.when", "cannot read '&& mood > 5' in 'checked && mood > 5'"),
    _case("unclosed-bracket", [("when: checked", "when: (checked")], "when: (checked",
          "nodes.found.replies.0.when", "missing ')' in '(checked'"),
    _case("empty-condition", [("when: checked", "when: '  '")], "when: '  '",
          "nodes.found.replies.0.when", "the condition is empty"),
    _case("flag-never-set", [("when: checked", "when: chekced")], "when: chekced",
          "nodes.found.replies.0.when", "flag 'chekced' is never set by any reply ('set: [chekced]')"),
    _case("last-branch-with-if", [("          - goto: complaint",
                                   "          - if: mood < 50\n            goto: complaint")],
          "- if: mood < 50", "nodes.found.replies.0.next.1",
          "the last branch needs no 'if': it is where the call goes otherwise"),
    _case("branch-without-goto", [("          - goto: complaint", "          - if: mood < 50")],
          "- if: mood < 50", "nodes.found.replies.0.next.1.goto", "is required"),
    _case("empty-next", [(BRANCHES, "next: []")], "next: []", "nodes.found.replies.0.next",
          "needs a node or an ending, or at least one branch ('- goto: ...')"),
    _case("next-not-a-slug", [(FIRST_NEXT, FIRST_NEXT.replace("found", "Found it"))], "next: Found it",
          "nodes.opening.replies.0.next",
          "use lower-case letters, digits and single hyphens (e.g. 'active-listening')"),
    _case("next-a-mapping", [(FIRST_NEXT, FIRST_NEXT.replace("found", "{goto: found}"))],
          "next: {goto: found}", "nodes.opening.replies.0.next",
          "must be a node or an ending id, or a list of branches"),
    _case("unknown-skill", [("skills: {listening: 1, empathy: 1}",
                             "skills:\n          listening: 1\n          juggling: 1")],
          "juggling: 1", "nodes.opening.replies.0.skills", "unknown skill 'juggling'"),
    _case("unknown-module", [("modules: [x]", "modules:\n  - x\n  - nowhere")], "- nowhere", "modules",
          "unknown module 'nowhere'"),
    _case("bad-yaml", [("caller: So what happened?", "caller: Note: so what happened?")],
          "caller: Note:", "yaml", "mapping values are not allowed in this context"),
    _case("missing-reply-feedback", [("        feedback: You passed the problem on.\n", "")],
          "- text: That is not my department.", "nodes.opening.replies.2.feedback", "is required"),
    _case("missing-ending-kind", [("    kind: formal-complaint\n", "")], "  complaint:",
          "endings.complaint.kind", "is required"),
    _case("misspelt-field", [("        set: [checked]", "        sets: [checked]")], "sets: [checked]",
          "nodes.opening.replies.0.sets", "unknown field"),
    _case("mood-change-too-big", [("mood: -40", "mood: -80")], "mood: -80", "nodes.opening.replies.2.mood",
          "Input should be greater than or equal to -60"),
    _case("only-one-reply", [("      - text: I would guess a glitch.\n        rating: okay\n"
                              "        feedback: A guess.\n        next: complaint\n"
                              "      - text: I do not know.\n        rating: poor\n        mood: -10\n"
                              "        feedback: No answer.\n        next: complaint\n", "")],
          "    replies:", "nodes.found.replies", "List should have at least 2 items after validation, not 1",
          occurrence=2),
    _case("dead-end", [("rating: okay\n        feedback: A guess.",
                        "rating: okay\n        when: checked\n        feedback: A guess."),
                       ("rating: poor\n        mood: -10",
                        "rating: poor\n        when: checked\n        mood: -10")],
          "  found:", "nodes.found",
          "at some point no reply is offered here (every reply's 'when' is false)"),
    _case("node-and-ending-share-an-id", [("  hung-up:\n    kind: hung-up",
                                           "  opening:\n    kind: resolved\n    title: Odd\n"
                                           "    outcome: Odd.\n  hung-up:\n    kind: hung-up")],
          "  opening:", "endings", "'opening' is both a node and an ending", occurrence=2),
    _case("typed-node-without-a-best-reply",
          [("caller: Why was I charged twice?", "caller: Why was I charged twice?\n    typed: true"),
           ("rating: best\n        skills: {listening: 1, empathy: 1}", "rating: okay\n        skills: {}")],
          "typed: true", "nodes.opening.typed",
          "a typed node needs a reply rated 'best' (a typed reply is matched to one)"),
    _case("typed-node-with-a-hand-over",
          [("caller: Why was I charged twice?", "caller: Why was I charged twice?\n    typed: true"),
           ("feedback: You passed the problem on.",
            "feedback: You passed the problem on.\n        handover: avoidable")],
          "handover: avoidable", "nodes.opening.replies.2.handover",
          "a typed node cannot offer a hand-over (a typed reply never means one)"),
    _case("not-a-mapping", "- id: test-call\n", "- id: test-call", "scenario",
          "expected a mapping of fields"),
    _case("disclosure-before-verification",
          [("        when: checked\n        feedback: Cause and fix.",
            "        when: checked\n        discloses: true\n        feedback: Cause and fix.")],
          "- text: The payment ran twice", "nodes.found.replies.0",
          "this best reply discloses account details (discloses: true) on a path where the caller is "
          "not yet verified (flag 'verified'); only a poor reply may do that"),
]


def test_valid_script_loads(tmp_path, capsys):
    """The base script loads cleanly, so every problem below comes from the one thing changed."""
    root = make_content(tmp_path)
    write_script(root, SCRIPT)
    library = load_library(root)
    assert library.all_problems() == []
    assert [s.id for s in library.scenarios] == ["test-call"]
    assert main(["validate", str(root)]) == 0
    assert "1 practice calls: all valid" in capsys.readouterr().out


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_script_problem_is_reported_at_its_line(tmp_path, capsys, text, expected):
    """Exactly one problem, as `path:line: field: message` on the line to fix; validate fails."""
    root = make_content(tmp_path)
    path = write_script(root, text)
    line, field, message = expected
    library = load_library(root)
    assert [p.format() for p in library.all_problems()] == [f"{path}:{line}: {field}: {message}"]
    assert library.scenarios == []
    assert [m.id for m in library.modules] == ["x"]  # a broken call never takes a module down
    capsys.readouterr()
    assert main(["validate", str(root)]) == 1
    captured = capsys.readouterr()
    assert f":{line}: {field}: {message}" in captured.out
    assert captured.err.strip() == f"1 problem in {root}"


def _chain(name: str, count: int, last: str) -> str:
    """Nodes `name1..name{count}` in a row, the last going on to `last`; each can also end the call
    (alternately well and badly), so every ending stays reachable however long the row."""
    parts = []
    for n in range(1, count + 1):
        target = f"{name}{n + 1}" if n < count else last
        out = "done" if n % 2 else "fail"
        parts.append(f"  {name}{n}:\n    caller: Line {n}.\n    replies:\n"
                     f"      - text: On.\n        rating: best\n        feedback: On.\n"
                     f"        next: {target}\n"
                     f"      - text: Off.\n        rating: poor\n        feedback: Off.\n"
                     f"        next: {out}\n")
    return "".join(parts)


def _long_script(nodes: str, start: str) -> str:
    head = SCRIPT.split("rules:")[0].replace("start: opening", f"start: {start}")
    return (head + "nodes:\n" + nodes + "endings:\n  done:\n    kind: resolved\n    title: Done\n"
            "    outcome: Done.\n  fail:\n    kind: hung-up\n    title: Gone\n    outcome: Gone.\n")


def test_call_longer_than_the_limit_is_reported_where_it_passes_it(tmp_path):
    """A straight call of MAX_DECISIONS + 1 replies is reported at the node that needs reply 31."""
    root = make_content(tmp_path)
    text = _long_script(_chain("c", MAX_DECISIONS + 1, "done"), "c1")
    path = write_script(root, text)
    limit_node = f"c{MAX_DECISIONS + 1}"
    assert [p.format() for p in load_library(root).all_problems()] == [
        f"{path}:{line_of(text, f'  {limit_node}:')}: nodes.{limit_node}: "
        f"a call through here can run past {MAX_DECISIONS} replies without ending"]


def test_long_detour_into_a_shorter_call_is_reported(tmp_path):
    """Bug found: a long detour that joins a node first met by a shorter call (start -> n1, 26 replies)
    was answered from the walk's memo and passed, though start -> a1..a10 -> n1 takes 36 replies.
    It is reported at the node where the longest call passes the limit: n20 after 30 replies."""
    root = make_content(tmp_path)
    start = ("  s:\n    caller: Hello.\n    replies:\n"
             "      - text: Short.\n        rating: best\n        feedback: Short.\n        next: n1\n"
             "      - text: Long.\n        rating: okay\n        feedback: Long.\n        next: a1\n")
    text = _long_script(start + _chain("a", 10, "n1") + _chain("n", 25, "done"), "s")
    path = write_script(root, text)
    assert [p.format() for p in load_library(root).all_problems()] == [
        f"{path}:{line_of(text, '  n20:')}: nodes.n20: "
        f"a call through here can run past {MAX_DECISIONS} replies without ending"]


def test_duplicate_scenario_id_is_reported_on_the_second_file(tmp_path):
    """Two files with one id: the second is flagged on line 1 and the first still loads."""
    root = make_content(tmp_path)
    write_script(root, SCRIPT)
    second = write_script(root, SCRIPT, "02-copy.yaml")
    library = load_library(root)
    assert [p.format() for p in library.all_problems()] == [
        f"{second}:1: id: duplicate id 'test-call', already used by {FILE_NAME}"]
    assert [s.id for s in library.scenarios] == ["test-call"]


def test_one_broken_script_leaves_the_others_playable(tmp_path):
    """A broken call is set aside; a valid one beside it still loads."""
    root = make_content(tmp_path)
    write_script(root, SCRIPT)
    write_script(root, script_with(("id: test-call", "id: other-call"), ("goto: hung-up", "goto: gone")),
                 "02-other.yaml")
    library = load_library(root)
    assert [s.id for s in library.scenarios] == ["test-call"]
    assert [p.field for p in library.all_problems()] == ["rules.0.goto"]


def test_several_problems_in_one_script_are_all_listed(tmp_path):
    """Script checks report every fault they find, each on its own line, in file order."""
    root = make_content(tmp_path)
    text = script_with(("start: opening", "start: openin"), ("when: checked", "when: chekced"),
                       ("goto: resolved", "goto: resolvd"))
    path = write_script(root, text)
    found = sorted(load_library(root).all_problems())
    assert [(p.line, p.field) for p in found] == [
        (line_of(text, "start: openin"), "start"),
        (line_of(text, "when: chekced"), "nodes.found.replies.0.when"),
        (line_of(text, "goto: resolvd"), "nodes.found.replies.0.next"),
    ]
    assert all(p.path == path for p in found)


def test_disclosure_after_verification_is_accepted(tmp_path, capsys):
    """The identity standard: a reply may disclose account details once every path to it has set the
    `verified` flag (here the opening's only non-poor route sets it, and the poor one cannot reach
    the disclosing reply because it needs `checked`)."""
    root = make_content(tmp_path)
    write_script(root, script_with(
        ("        set: [checked]", "        set: [checked, verified]"),
        ("        when: checked\n        feedback: Cause and fix.",
         "        when: checked\n        discloses: true\n        feedback: Cause and fix.")))
    library = load_library(root)
    assert library.problems == []
    assert library.scenarios[0].nodes["found"].replies[0].discloses
