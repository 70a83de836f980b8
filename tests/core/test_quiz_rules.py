"""Quiz validation: each broken `quiz.yaml` is reported as `path:line: field: message` at the line to
fix, the module stays readable without its quiz, and the bundled lessons ship complete quizzes."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_kit import line_of, make_content, with_changes, write_module

from workbook.cli import main
from workbook.core.loader import load_library
from workbook.core.quiz import QUIZ_FILE, Matching, Ordering, QuestionType
from workbook.paths import bundled_content_dir

# A valid quiz: each case below changes one thing in it.
QUIZ_YAML = """\
settings:
  pass_mark: 80
  questions_per_attempt: 3
questions:
  - id: first-words
    type: single-choice
    skills: [listening]
    prompt: What do you do while the caller explains?
    explanation: Listening to the end shows the caller you care.
    options:
      - text: Listen to the end
        correct: true
        feedback: The caller finishes and feels heard.
      - text: Interrupt with the fix
        feedback: The caller has to repeat the part you cut off.
  - id: acknowledge
    type: true-false
    skills: [listening, empathy]
    prompt: Acknowledging what the caller said means agreeing with them.
    explanation: Acknowledging shows attention; it admits nothing.
    answer: false
    feedback_true: Not quite; acknowledging is proof of attention.
    feedback_false: Right; you can acknowledge before you check anything.
  - id: feelings
    type: matching
    skills: [empathy]
    prompt: Match what you hear to the reply that names it.
    explanation: Name the feeling you hear, not the one you expect.
    pairs:
      - left: Angry
        right: That sounds infuriating.
      - left: Worried
        right: I can see why that worries you.
"""
SCHEMA_TYPES = "single-choice, multiple-select, best-response, true-false, ordering, matching"


def write_quiz_module(root: Path, quiz_text: str | None) -> Path:
    """One valid module folder `01-x`, with `quiz_text` as its quiz.yaml (none when None)."""
    folder = write_module(root)
    if quiz_text is not None:
        (folder / QUIZ_FILE).write_text(quiz_text, encoding="utf-8")
    return folder


def quiz_with(*changes: tuple[str, str]) -> str:
    return with_changes(QUIZ_YAML, *changes)


SC_OPTIONS = "    options:\n      - text: Listen to the end"
BEST_RESPONSE_HEAD = ("    type: single-choice\n",
                      "    type: best-response\n    context: A billing call.\n"
                      "    caller_line: Why was I charged twice?\n")


def _case(name, changes, marker, field, message, occurrence=1, marks=()):
    text = quiz_with(*changes) if isinstance(changes, list) else changes
    expected = (line_of(text, marker, occurrence), field, message)
    return pytest.param(text, expected, id=name, marks=marks)


CASES = [
    _case("bad-yaml", [("prompt: What do you do while", "prompt: Note: what do you do while")],
          "prompt: Note:", "yaml", "mapping values are not allowed in this context"),
    _case("unknown-type", [("type: true-false", "type: essay")], "type: essay", "questions.1.type",
          f"unknown type 'essay' (use one of: {SCHEMA_TYPES})"),
    _case("missing-type", [("    type: true-false\n", "")], "- id: acknowledge", "questions.1.type",
          f"is required (one of: {SCHEMA_TYPES})"),
    _case("option-without-feedback", [("        feedback: The caller has to repeat the part you cut off.\n",
                                       "")],
          "- text: Interrupt", "questions.0.options.1.feedback", "is required"),
    _case("misspelt-correct", [("        correct: true\n", "        corect: true\n")],
          "corect: true", "questions.0.options.0.corect", "unknown field"),
    _case("true-false-without-feedback", [("    feedback_false: Right; you can acknowledge before you "
                                           "check anything.\n", "")],
          "- id: acknowledge", "questions.1.feedback_false", "is required"),
    _case("single-choice-no-right", [("        correct: true\n", "")], "    options:", "questions.0.options",
          "single-choice needs exactly one option with 'correct: true' (found 0)"),
    _case("single-choice-two-right", [("        feedback: The caller has to repeat",
                                       "        correct: true\n        feedback: The caller has to repeat")],
          "    options:", "questions.0.options",
          "single-choice needs exactly one option with 'correct: true' (found 2)"),
    _case("multiple-select-none-right", [("    type: single-choice", "    type: multiple-select"),
                                         ("        correct: true\n", "")],
          "    options:", "questions.0.options",
          "multiple select needs at least one option with 'correct: true'"),
    _case("best-response-two-options", [BEST_RESPONSE_HEAD], "    options:", "questions.0.options",
          "List should have at least 3 items after validation, not 2"),
    _case("best-response-two-right", [BEST_RESPONSE_HEAD, (SC_OPTIONS, SC_OPTIONS.replace(
        "options:", "options:\n      - text: Say nothing\n        correct: true\n"
                    "        feedback: Silence without a cue confuses the caller."))],
          "    options:", "questions.0.options",
          "best-response needs exactly one option with 'correct: true' (found 2)"),
    _case("duplicate-option-text", [("- text: Interrupt with the fix", "- text: LISTEN to the end")],
          "- text: LISTEN", "questions.0.options", "'LISTEN to the end' appears twice"),
    _case("duplicate-question-id", [("- id: acknowledge", "- id: first-words")], "- id: first-words",
          "questions.1.id", "duplicate question id 'first-words' (first used by question 1)", occurrence=2),
    _case("unknown-skill", [("    skills: [listening, empathy]",
                             "    skills:\n      - listening\n      - juggling")],
          "- juggling", "questions.1.skills", "unknown skill 'juggling'"),
    _case("matching-duplicate-right", [("right: I can see why that worries you.",
                                        "right: THAT sounds infuriating.")],
          "right: THAT", "questions.2.pairs", "'THAT sounds infuriating.' appears twice"),
    _case("matching-duplicate-left", [("- left: Worried", "- left: angry")], "- left: angry",
          "questions.2.pairs", "'angry' appears twice"),
    _case("matching-one-pair", [("      - left: Worried\n        right: I can see why that worries you.\n",
                                 "")],
          "    pairs:", "questions.2.pairs", "List should have at least 2 items after validation, not 1"),
    _case("ordering-duplicate-item", QUIZ_YAML + (
        "  - id: loop\n    type: ordering\n    skills: [listening]\n    prompt: Order the loop.\n"
        "    explanation: Hear first.\n    items:\n      - Hear\n      - Confirm\n      - hear\n"),
        "      - hear", "questions.3.items", "'hear' appears twice"),
    _case("pass-mark-0", [("pass_mark: 80", "pass_mark: 0")], "pass_mark: 0", "settings.pass_mark",
          "Input should be greater than or equal to 1"),
    _case("pass-mark-150", [("pass_mark: 80", "pass_mark: 150")], "pass_mark: 150", "settings.pass_mark",
          "Input should be less than or equal to 100"),
    _case("unknown-setting", [("pass_mark: 80", "passmark: 80")], "passmark: 80", "settings.passmark",
          "unknown field"),
    _case("per-attempt-bigger-than-bank", [("questions_per_attempt: 3", "questions_per_attempt: 5")],
          "questions_per_attempt: 5", "settings.questions_per_attempt",
          "asks for 5 questions but the bank has 3"),
    _case("no-questions", "settings:\n  pass_mark: 80\nquestions: []\n", "questions: []", "questions",
          "List should have at least 1 item after validation, not 0"),
    _case("not-a-mapping", "- id: first-words\n  type: single-choice\n", "- id: first-words", "quiz",
          "expected 'settings:' and 'questions:'"),
]


def load_broken(tmp_path: Path, quiz_text: str):
    root = make_content(tmp_path)
    folder = write_quiz_module(root, quiz_text)
    return root, folder, load_library(root)


def test_valid_quiz_fixture_loads(tmp_path):
    """The base quiz loads cleanly, so every problem below comes from the one thing changed."""
    root, _folder, library = load_broken(tmp_path, QUIZ_YAML)
    assert library.all_problems() == []
    module = library.module("x")
    assert module is not None and module.quiz is not None
    assert [q.id for q in module.quiz.questions] == ["first-words", "acknowledge", "feelings"]
    assert module.quiz_problems == ()
    assert main(["validate", str(root)]) == 0


@pytest.mark.parametrize(("quiz_text", "expected"), CASES)
def test_quiz_problem_is_reported_at_its_line(tmp_path, quiz_text, expected):
    """Exactly one problem, as `path:line: field: message`, on the line a trainer has to fix."""
    _root, folder, library = load_broken(tmp_path, quiz_text)
    line, field, message = expected
    found = [p.format() for p in library.all_problems()]
    assert found == [f"{folder / QUIZ_FILE}:{line}: {field}: {message}"]


@pytest.mark.parametrize(("quiz_text", "expected"), [
    pytest.param(*case.values, id=case.id) for case in CASES])  # without the line-bug marks
def test_broken_quiz_leaves_module_readable(tmp_path, capsys, quiz_text, expected):
    """The module with a broken quiz still loads (quiz None, quiz_problems set) and validate fails."""
    root, folder, library = load_broken(tmp_path, quiz_text)
    _line, _field, message = expected
    assert [m.id for m in library.modules] == ["x"]
    assert library.unavailable == []
    module = library.module("x")
    assert module.quiz is None
    assert module.quiz_problems
    assert all(p.path == folder / QUIZ_FILE for p in module.quiz_problems)
    assert [p.message for p in module.quiz_problems] == [message]
    assert list(module.quiz_problems) == library.all_problems()
    assert len(module.sections) == 1 and module.words > 0
    capsys.readouterr()
    assert main(["validate", str(root)]) == 1
    captured = capsys.readouterr()
    assert message in captured.out
    assert captured.err.strip() == f"1 problem in {root}"


def test_quiz_rule_and_schema_problems_are_listed_together(tmp_path):
    """Several rule problems in one file are all reported, each on its own line."""
    text = quiz_with(("- id: acknowledge", "- id: first-words"),
                     ("questions_per_attempt: 3", "questions_per_attempt: 9"),
                     ("    skills: [empathy]", "    skills: [juggling]"))
    _root, folder, library = load_broken(tmp_path, text)
    path = folder / QUIZ_FILE
    assert [p.format() for p in library.all_problems()] == [
        f"{path}:3: settings.questions_per_attempt: asks for 9 questions but the bank has 3",
        f"{path}:{line_of(text, '- id: first-words', 2)}: questions.1.id: "
        "duplicate question id 'first-words' (first used by question 1)",
        f"{path}:{line_of(text, '[juggling]')}: questions.2.skills: unknown skill 'juggling'",
    ]


def test_module_without_quiz_has_no_quiz_problems(tmp_path):
    """A module with no quiz.yaml is fine: quiz None and nothing to report."""
    root = make_content(tmp_path)
    write_quiz_module(root, None)
    library = load_library(root)
    assert library.all_problems() == []
    assert library.module("x").quiz is None
    assert library.module("x").quiz_problems == ()


# --- the bundled lessons ------------------------------------------------------------------------

MIN_PER_MODULE = 10
MIN_IN_ALL = 80


@pytest.fixture(scope="module")
def bundled():
    """The bundled lessons loaded on their own, so a quiz being written cannot break other tests."""
    return load_library(bundled_content_dir())


def test_bundled_quizzes_that_exist_are_complete(bundled):
    """Every quiz.yaml in the bundled lessons loads, has 10+ questions and feedback on every option."""
    folders = sorted(p.parent.name for p in bundled_content_dir().glob(f"*/{QUIZ_FILE}"))
    assert folders, "no bundled quiz at all"
    problems = [p.format() for p in bundled.all_problems()]
    assert problems == []
    by_folder = {m.folder.name: m for m in bundled.modules}
    short, no_feedback = {}, []
    for name in folders:
        quiz = by_folder[name].quiz
        assert quiz is not None, name
        if len(quiz.questions) < MIN_PER_MODULE:
            short[name] = len(quiz.questions)
        for question in quiz.questions:
            if not isinstance(question, Ordering | Matching):  # the choice types have options
                no_feedback += [(name, question.id, n) for n, option in enumerate(question.options)
                                if not option.feedback.strip()]
            assert question.explanation.strip()
    assert short == {}
    assert no_feedback == []


def test_every_bundled_module_has_a_quiz_and_all_types_are_used(bundled):
    """Every module has a quiz of 10+ questions, 80+ in all, and every question type is used."""
    without = [m.folder.name for m in bundled.modules if m.quiz is None]
    assert without == []
    assert bundled.unavailable == []
    counts = {m.id: len(m.quiz.questions) for m in bundled.modules}
    assert {k: v for k, v in counts.items() if v < MIN_PER_MODULE} == {}
    assert sum(counts.values()) >= MIN_IN_ALL
    used = {q.type for m in bundled.modules for q in m.quiz.questions}
    assert set(QuestionType) - used == set()
