"""Completion rules: each requirement of the course file becomes a checklist line a learner can act
on, and eligibility needs them all."""

from __future__ import annotations

import pytest

from workbook.core.completion import CallOutcome, LearnerRecord, check_eligibility
from workbook.core.course import CallRequirements, Course, Requirements
from workbook.core.progress import progress_by_module


def _everything_read(library) -> dict:
    return progress_by_module(library, {m.id: {s.id for s in m.sections} for m in library.modules})


def _all_quizzes(library, score: int) -> dict[str, int]:
    return {m.id: score for m in library.modules if m.quiz is not None}


def _good_calls(library, count: int, skill: int = 80) -> dict:
    return {s.id: [CallOutcome("resolved", skill)] for s in library.scenarios[:count]}


def test_bundled_course_rules_are_loaded(library):
    course = library.course
    assert course is not None and course.requires.modules == "all"
    assert course.requires.quiz_pass_mark == 80
    assert set(course.requires.calls.scenarios) <= {s.id for s in library.scenarios}


def test_a_learner_who_did_everything_is_eligible(library):
    record = LearnerRecord(_everything_read(library), _all_quizzes(library, 90),
                           _good_calls(library, len(library.scenarios)))
    result = check_eligibility(library.course, library, record)
    assert result.eligible and result.reasons() == []


def test_a_new_learner_gets_a_line_for_every_rule(library):
    result = check_eligibility(library.course, library, LearnerRecord({}, {}, {}))
    assert not result.eligible
    kinds = [r.kind for r in result.requirements]
    assert kinds.count("reading") == len(library.modules)
    assert kinds.count("quiz") == sum(1 for m in library.modules if m.quiz)
    assert kinds.count("call") == len(library.course.requires.calls.scenarios)
    assert kinds.count("calls") == 1
    empathy = library.module("empathy")
    assert f"{empathy.title} quiz: not taken yet, needs 80%" in result.reasons()
    assert f"{empathy.title}: lessons: 0 of {len(empathy.sections)} sections read, " \
           f"{len(empathy.sections)} to go" in result.reasons()


def test_reasons_say_what_is_missing(library):
    quiz_best = _all_quizzes(library, 95) | {"empathy": 70}
    calls = _good_calls(library, len(library.scenarios))
    calls["abusive-caller"] = [CallOutcome("hung-up", 30), CallOutcome("formal-complaint", 40)]
    record = LearnerRecord(_everything_read(library), quiz_best, calls)
    result = check_eligibility(library.course, library, record)
    empathy = library.module("empathy").title
    abusive = library.scenario("abusive-caller").title
    assert result.reasons() == [
        f"{empathy} quiz: best 70%, needs 80%",
        f"Practice call \u201c{abusive}\u201d: not yet resolved or escalated appropriately",
    ]


@pytest.mark.parametrize(("good_calls", "skill", "met"), [(5, 60, True), (4, 90, False), (6, 59, False)])
def test_at_least_n_calls_with_a_skill_score(library, good_calls, skill, met):
    course = Course(id="c", title="C", requires=Requirements(
        modules=[], calls=CallRequirements(at_least=5, min_skill_score=60)))
    record = LearnerRecord({}, {}, _good_calls(library, good_calls, skill))
    result = check_eligibility(course, library, record)
    assert result.eligible is met
    assert result.requirements[0].detail.startswith(f"{good_calls if skill >= 60 else 0} of 5 ended well")


def test_listed_modules_only(library):
    course = Course(id="c", title="C", requires=Requirements(modules=["empathy"]))
    empathy = library.module("empathy")
    read = progress_by_module(library, {"empathy": {s.id for s in empathy.sections}})
    result = check_eligibility(course, library, LearnerRecord(read, {"empathy": 80}))
    assert result.eligible
    assert [r.label for r in result.requirements] == [f"{empathy.title}: lessons", f"{empathy.title} quiz"]


def test_course_file_problems_name_their_line(tmp_path, library):
    import shutil

    from workbook.core.loader import load_library

    root = tmp_path / "lessons"
    shutil.copytree(library.root, root)
    shutil.copytree(library.root.parent / "assets", tmp_path / "assets")
    (root / "course.yaml").write_text(
        "id: c\ntitle: C\nrequires:\n  modules: [empathy, no-such-module]\n"
        "  calls:\n    scenarios: [nobody-calls]\n", encoding="utf-8")
    broken = load_library(root)
    assert broken.course is None
    assert [p.format() for p in broken.all_problems()] == [
        f"{root / 'course.yaml'}:4: requires.modules: unknown module 'no-such-module'",
        f"{root / 'course.yaml'}:6: requires.calls.scenarios: unknown practice call 'nobody-calls'",
    ]


def _library_with_a_broken_quiz(content_copy):
    """The bundled lessons with a misspelt field in the active listening quiz: the module stays
    readable, its quiz does not load."""
    from workbook.core.loader import load_library

    quiz = content_copy / "01-active-listening" / "quiz.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("    answer: false\n", "    answr: false\n", 1),
                    encoding="utf-8")
    library = load_library(content_copy)
    module = library.module("active-listening")
    assert module.quiz is None and module.quiz_problems
    return library, module


def test_a_broken_quiz_file_keeps_its_quiz_required(content_copy):
    """A damaged quiz.yaml must not make the course easier: a learner who never passed that quiz is
    not eligible, and the checklist says why."""
    library, module = _library_with_a_broken_quiz(content_copy)
    quiz_best = {m.id: 90 for m in library.modules if m.quiz is not None}
    record = LearnerRecord(_everything_read(library), quiz_best, _good_calls(library, len(library.scenarios)))
    result = check_eligibility(library.course, library, record)
    assert not result.eligible
    assert result.reasons() == [
        f"{module.title} quiz: this quiz cannot be loaded; ask your trainer to fix it"]


def test_a_pass_on_record_still_counts_while_the_quiz_file_is_broken(content_copy):
    library, module = _library_with_a_broken_quiz(content_copy)
    quiz_best = {m.id: 90 for m in library.modules if m.quiz is not None} | {module.id: 85}
    record = LearnerRecord(_everything_read(library), quiz_best, _good_calls(library, len(library.scenarios)))
    result = check_eligibility(library.course, library, record)
    assert result.eligible
    assert [r.detail for r in result.requirements if r.label == f"{module.title} quiz"] == ["best 85%"]
