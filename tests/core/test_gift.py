"""Moodle GIFT import/export: each GIFT feature lands in the right field, each unsupported or broken
question is reported at its line, quizzes survive a round trip, and the CLI never half-writes."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.cli import main
from workbook.core import schemas
from workbook.core.gift_answers import FEEDBACK_PLACEHOLDER, TRUE_FALSE_PLACEHOLDER
from workbook.core.gift_import import ImportMode, apply_gift_import, plan_gift_import
from workbook.core.gift_parser import EXPLANATION_PLACEHOLDER, parse_gift
from workbook.core.gift_writer import write_gift
from workbook.core.loader import load_library
from workbook.core.plain_data import as_data
from workbook.core.quiz import (
    BestResponse,
    FeedbackTiming,
    Matching,
    MultipleSelect,
    Option,
    Ordering,
    Pair,
    QuestionType,
    QuizFile,
    QuizSettings,
    SingleChoice,
    TrueFalse,
)
from workbook.core.quiz_loader import load_quiz
from workbook.core.quiz_writer import quiz_to_yaml
from workbook.core.yaml_lines import load_yaml_text
from workbook.files import write_text_atomic
from workbook.paths import bundled_assets_dir, bundled_content_dir

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "gift"
SUPPORTED = ["choices.gift", "true_false.gift", "matching.gift", "escapes_formats.gift", "categories.gift"]
SKILLS = ["listening"]


def parse_fixture(name: str, skills: list[str] | None = None):
    path = FIXTURES / name
    return parse_gift(path.read_text(encoding="utf-8"), path, skills or SKILLS)


def by_id(result) -> dict:
    return {q.id: q for q in result.questions}


def messages(problems) -> list[tuple[int, str, str]]:
    return [(p.line, p.field, p.message) for p in problems]


# --- supported features ----------------------------------------------------------------------


def test_multiple_choice_single_right_answer_is_single_choice_with_feedback_and_explanation():
    result = parse_fixture("choices.gift")
    assert result.problems == []
    question = by_id(result)["first-move"]
    assert isinstance(question, SingleChoice)
    assert question.prompt == "A caller starts with \"I've been charged twice!\" What do you do first?"
    assert [o.correct for o in question.options] == [True, False, False]
    assert question.options[0].text == "Let them finish, then sum up what you heard."
    assert question.options[1].feedback == "Too early: you do not know what happened yet."
    assert question.explanation.startswith("Listen to the end, then summarize")
    assert all(o.weight is None for o in question.options)
    assert question.skills == SKILLS
    assert result.settings is None


def test_several_right_answers_make_a_multiple_select_and_multi_line_text_reads_as_spaces():
    question = by_id(parse_fixture("choices.gift"))["verbal-nods"]
    assert isinstance(question, MultipleSelect)
    assert question.prompt == ("A caller is explaining a long billing history. "
                               "Which of these show you are still listening?")
    assert [o.correct for o in question.options] == [True, True, False]
    assert all(o.weight is None for o in question.options)


def test_percent_weights_make_a_multiple_select_with_correct_from_positive_weights():
    question = by_id(parse_fixture("choices.gift"))["weighted-picks"]
    assert isinstance(question, MultipleSelect)
    assert [o.weight for o in question.options] == [50.0, 50.0, -100.0, 0.0]
    assert [o.correct for o in question.options] == [True, True, False, False]
    assert question.options[0].text == '"That sounds really frustrating."'


def test_missing_feedback_and_explanation_get_placeholders_and_warnings_at_their_lines():
    result = parse_fixture("choices.gift")
    question = by_id(result)["no-feedback-at-all"]
    assert [o.feedback for o in question.options] == [FEEDBACK_PLACEHOLDER] * 3
    assert question.explanation == EXPLANATION_PLACEHOLDER
    assert (29, "feedback", "no feedback in the GIFT file; placeholder written") in messages(result.warnings)
    assert any(w.line == 29 and w.field == "explanation" for w in result.warnings)
    formatted = [str(w) for w in result.warnings]
    assert f"{FIXTURES / 'choices.gift'}:29: feedback: no feedback in the GIFT file; placeholder written" \
        in formatted


def test_true_false_feedback_follows_moodle_order_wrong_then_right():
    result = parse_fixture("true_false.gift")
    assert result.problems == []
    questions = by_id(result)
    notes = questions["notes-for-the-next-colleague"]
    assert isinstance(notes, TrueFalse) and notes.answer is True
    # {TRUE#wrong#right}: choosing True is right, so True gets the second text.
    assert notes.feedback_true.startswith("Right: the test of a note")
    assert notes.feedback_false == "Think about the caller's next contact."
    assert notes.explanation == "Notes serve the caller's next call."
    agreeing = questions["acknowledging-is-agreeing"]
    assert agreeing.answer is False
    # {F#wrong#right}: choosing True is the wrong answer here, so True gets the first text.
    assert agreeing.feedback_true == "Not quite: acknowledging shows you heard them."
    assert agreeing.feedback_false == "Right: acknowledgement is attention, not an admission."


def test_true_false_short_forms_and_partial_feedback():
    result = parse_fixture("true_false.gift")
    questions = by_id(result)
    short = questions["short-forms"]
    assert short.answer is True
    assert short.feedback_true == short.feedback_false == TRUE_FALSE_PLACEHOLDER
    right_only = questions["right-feedback-only"]
    assert right_only.answer is False
    assert right_only.feedback_false == "Right: on the phone they cannot."
    assert right_only.feedback_true == TRUE_FALSE_PLACEHOLDER
    placeholder = (9, "feedback_true", "no feedback in the GIFT file; placeholder written")
    assert placeholder in messages(result.warnings)
    assert not any(w.line == 9 and w.field == "feedback_false" for w in result.warnings)


def test_matching_pairs_multi_line_and_inline():
    result = parse_fixture("matching.gift")
    assert result.problems == []
    kinds = by_id(result)["kinds-of-question"]
    assert isinstance(kinds, Matching)
    assert kinds.pairs[0] == Pair(left='"Can you walk me through what happened?"', right="Open question")
    assert [p.right for p in kinds.pairs] == ["Open question", "Closed question", "Clarifying question"]
    short = by_id(result)["short-pairs"]
    assert [(p.left, p.right) for p in short.pairs] == [
        ("AHT", "Average handle time"), ("FCR", "First contact resolution"),
        ("CSAT", "Customer satisfaction")]


def test_escapes_and_new_lines():
    question = by_id(parse_fixture("escapes_formats.gift"))["escapes-all-of-them"]
    assert question.prompt == "Which reply uses the ratio 1:2 {as agreed}?"
    assert question.options[0].text == "Costs = 50% of ~100 # fees"
    assert question.options[0].feedback == "Yes: a backslash \\ stays."
    assert question.explanation == "Line one\nLine two"


def test_format_markers_are_stripped_and_html_loses_its_tags():
    questions = by_id(parse_fixture("escapes_formats.gift"))
    markdown = questions["markdown"]
    assert markdown.prompt == "Which is **bold**?"
    assert markdown.options[0].text == "**this**"
    assert markdown.explanation == "Markdown is kept as written."
    html = questions["html"]
    assert html.prompt == "Pick the right one & only one."
    assert html.options[0].text == "Right"  # answers take the question's format
    assert html.options[0].feedback == "Yes"
    assert html.options[1].feedback == "No\nreally."
    assert html.explanation == "HTML tags are removed."
    assert questions["moodle-format"].prompt == "A [moodle] prefix is dropped too."


def test_categories_titles_and_ids():
    result = parse_fixture("categories.gift")
    assert result.problems == []
    first, untitled, second = result.questions
    assert first.id == "summarize-first"
    assert first.category == "$course$/top/Listening"
    assert untitled.id == "what-does-fcr-stand-for"
    assert untitled.category == "$course$/top/Listening"
    assert second.id == "summarize-first-2"
    assert second.category == "$course$/top/Empathy"
    assert result.lines == [4, 11, 15]
    fields = {(w.line, w.field) for w in result.warnings}
    assert (11, "id") in fields and (15, "id") in fields


def test_comments_anywhere_in_a_question_are_ignored():
    text = ("// heading\n::Q:: Which one?\n// a note between lines\n{\n=a#yes\n// another\n~b#no\n"
            "####why\n}\n")
    result = parse_gift(text, Path("c.gift"), SKILLS)
    assert result.problems == []
    assert [o.text for o in result.questions[0].options] == ["a", "b"]


# --- unsupported and malformed input ---------------------------------------------------------


def test_unsupported_question_types_are_named_at_their_lines():
    result = parse_fixture("unsupported.gift")
    assert result.questions == []
    found = {(p.line, p.message.split(" ")[0]) for p in result.problems}
    assert found == {(3, "numerical"), (5, "short-answer"), (7, "essay"), (9, "missing-word"), (11, "no")}
    assert "GIFT descriptions" in next(p.message for p in result.problems if p.line == 11)


MALFORMED = {
    3: "never closed",  # unclosed '{' (the brace's line)
    7: "title that is never closed",
    9: "is not an answer",
    11: "at least 2 pairs",
    13: "'}' without an opening '{'",
    15: "no answer is marked right",
    17: "'maybe' is not an answer",
    19: "weight 150% is outside",
    21: "'{' inside the answer block",
    23: "has no '->'",
}


def test_malformed_questions_are_problems_with_line_numbers():
    result = parse_fixture("malformed.gift")
    assert result.questions == []
    assert {p.line for p in result.problems} == set(MALFORMED)
    for problem in result.problems:
        assert MALFORMED[problem.line] in problem.message, problem


def test_problem_line_points_at_the_faulty_answer_in_a_long_question():
    text = "::Q:: Pick.\n{\n=a\n~b\n~%250%c\n}\n"
    result = parse_gift(text, Path("w.gift"), SKILLS)
    assert [(p.line, p.field) for p in result.problems] == [(5, "weight")]


def test_rules_of_the_quiz_are_checked_with_gift_lines():
    text = "::Q:: Pick one. {\n=Same#a\n~same#b\n####x\n}\n"
    result = parse_gift(text, Path("r.gift"), SKILLS)
    assert [(p.line, "appears twice" in p.message) for p in result.problems] == [(3, True)]


def test_empty_file_and_only_comments_are_a_problem():
    for text in ("", "// nothing here\n\n$CATEGORY: x\n"):
        result = parse_gift(text, Path("e.gift"), SKILLS)
        assert messages(result.problems) == [(1, "questions", "no questions found in the file")]


def test_bad_workbook_comments_are_problems():
    text = ('// workbook-settings: {"pass_mark": 0}\n\n'
            '// workbook: {"id": "q", "type": "essay"}\n::Q:: Pick. {=a#x ~b#y ####z}\n\n'
            '// workbook: {not json\n::R:: Pick. {=a#x ~b#y ####z}\n')
    result = parse_gift(text, Path("m.gift"), SKILLS)
    assert [(p.line, p.field) for p in result.problems] == [
        (1, "settings.pass_mark"), (3, "workbook.type"), (6, "workbook")]
    assert result.questions == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("{}=~#:\\/$%->[] \n\tabT") + [
    "::", "//", "$CATEGORY:", "####", "[html]", "->", "\n\n", "// workbook: {", '"type"', "%50%", "TRUE"]),
    max_size=60).map("".join))
def test_parse_never_raises_on_arbitrary_text(text: str):
    result = parse_gift(text, Path("fuzz.gift"), SKILLS)
    assert result.questions or result.problems
    assert all(p.line >= 1 for p in result.problems + result.warnings)


# --- round trips -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled():
    library = load_library(bundled_content_dir())
    modules = [m for m in library.modules if m.quiz is not None]
    assert modules, "the bundled lessons have quizzes"
    return modules


def test_every_bundled_quiz_survives_gift_round_trip(bundled):
    for module in bundled:
        result = parse_gift(write_gift(module.quiz), Path("x.gift"), list(module.meta.skills))
        assert result.problems == [], module.id
        assert result.settings == module.quiz.settings
        assert result.questions == list(module.quiz.questions), module.id


def test_every_bundled_quiz_has_all_types_covered(bundled):
    kinds = {q.type for m in bundled for q in m.quiz.questions}
    assert kinds == set(QuestionType)  # so the round trip above exercises every type


def test_every_bundled_quiz_survives_yaml_round_trip(bundled, tmp_path: Path):
    for module in bundled:
        folder = tmp_path / module.id
        folder.mkdir()
        (folder / "quiz.yaml").write_text(quiz_to_yaml(module.quiz), encoding="utf-8")
        loaded, problems = load_quiz(folder, {})
        assert problems == [] and loaded == module.quiz, module.id


@pytest.mark.parametrize("name", SUPPORTED)
def test_fixture_gift_survives_parse_write_parse(name: str):
    first = parse_fixture(name)
    assert first.problems == [] and first.questions
    quiz = QuizFile(settings=first.settings or QuizSettings(), questions=first.questions)
    second = parse_gift(write_gift(quiz), Path("again.gift"), SKILLS)
    assert second.problems == []
    assert second.warnings == []  # placeholders are now real text; ids come from the comments
    assert second.questions == first.questions
    assert second.settings == quiz.settings


def test_export_types_without_gift_equivalent_read_as_plain_gift_without_the_comments(bundled):
    """Moodle sees ordering as matching to positions and best response as a multiple choice."""
    quiz = bundled[0].quiz
    text = write_gift(quiz)
    stripped = "\n".join(line for line in text.split("\n") if not line.startswith("// workbook"))
    result = parse_gift(stripped, Path("m.gift"), ["listening"])
    assert result.problems == []
    plain = {q.id: q for q in result.questions}
    ordering = next(q for q in quiz.questions if isinstance(q, Ordering))
    as_matching = plain[ordering.id]
    assert isinstance(as_matching, Matching)
    assert [(p.left, p.right) for p in as_matching.pairs] == [
        (item, str(n)) for n, item in enumerate(ordering.items, 1)]
    best = next(q for q in quiz.questions if isinstance(q, BestResponse))
    as_choice = plain[best.id]
    assert isinstance(as_choice, SingleChoice)
    assert best.context in as_choice.prompt and best.caller_line in as_choice.prompt
    assert as_choice.prompt.endswith(best.prompt)


def test_multiple_select_export_uses_moodle_weights_but_reads_back_without_them():
    question = MultipleSelect(
        id="m", type=QuestionType.MULTIPLE_SELECT, skills=["listening"], prompt="Pick all.",
        explanation="x", options=[Option(text=t, correct=c, feedback="f") for t, c in
                                  (("a", True), ("b", True), ("c", True), ("d", False))])
    quiz = QuizFile(questions=[question])
    text = write_gift(quiz)
    assert "~%33.33333%a" in text and "~%-33.33333%d" in text
    assert parse_gift(text, Path("w.gift"), SKILLS).questions == [question]


def test_edge_texts_round_trip():
    """Texts that look like GIFT syntax: markers, weights, arrows, comments, backslashes."""
    texts = ["[html]<b>x</b>", "%50%off", "a -> b", "// not a comment", "::x::", "back\\slash\\n",
             "line\nbreak", "$CATEGORY: no", "{T}", "####", "a-", "-> start"]
    options = [Option(text=t, correct=n == 0, feedback=t) for n, t in enumerate(texts[:8])]
    questions = [
        SingleChoice(id="s", type=QuestionType.SINGLE_CHOICE, skills=["a"], prompt="[markdown]x",
                     explanation="[plain]y", options=options, category="cat: one\\two"),
        Matching(id="m", type=QuestionType.MATCHING, skills=["a"], prompt="p", explanation="e",
                 pairs=[Pair(left=t, right=t) for t in texts[:10]]),
        Ordering(id="o", type=QuestionType.ORDERING, skills=["a"], prompt="p", explanation="e",
                 items=texts[2:12]),
        TrueFalse(id="t", type=QuestionType.TRUE_FALSE, skills=["a"], prompt="{F}", explanation="#",
                  answer=False, feedback_true="[html]a", feedback_false="#b#"),
    ]
    quiz = QuizFile(settings=QuizSettings(pass_mark=55, feedback=FeedbackTiming.AT_END), questions=questions)
    result = parse_gift(write_gift(quiz), Path("e.gift"), ["z"])
    assert result.questions == questions
    assert result.settings == quiz.settings


# --- generated quizzes -------------------------------------------------------------------------

def checked(model):
    """Build `model`'s record as a loaded file would hold it (texts stripped as the schema does)."""
    return lambda **fields: schemas.validate(model, as_data(fields))


_GIFT_CHARS = list("~=#{}:\\%[]<>-/$\n\t ") + ["->", "::", "//", "[html]", "####", "\\n"]
_pieces = st.one_of(st.sampled_from(_GIFT_CHARS),
                    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"))
texts = st.lists(_pieces, min_size=1, max_size=20).map("".join).filter(lambda s: s.strip())
short_texts = st.lists(_pieces, min_size=1, max_size=12).map("".join).filter(lambda s: s.strip())
slugs = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
weights = st.none() | st.floats(min_value=-100, max_value=100, allow_nan=False)
options = st.builds(checked(schemas.Option), text=texts, correct=st.booleans(), feedback=texts,
                    weight=weights)


def _common(kind: QuestionType) -> dict:
    return {"id": slugs, "type": st.just(kind), "skills": st.lists(slugs, min_size=1, max_size=3),
            "prompt": texts, "explanation": texts, "category": st.none() | short_texts}


questions = st.one_of(
    st.builds(checked(schemas.SingleChoice), options=st.lists(options, min_size=2, max_size=5),
              **_common(QuestionType.SINGLE_CHOICE)),
    st.builds(checked(schemas.MultipleSelect), options=st.lists(options, min_size=2, max_size=5),
              **_common(QuestionType.MULTIPLE_SELECT)),
    st.builds(checked(schemas.BestResponse), context=texts, caller_line=texts,
              options=st.lists(options, min_size=3, max_size=5), **_common(QuestionType.BEST_RESPONSE)),
    st.builds(checked(schemas.TrueFalse), answer=st.booleans(), feedback_true=texts, feedback_false=texts,
              **_common(QuestionType.TRUE_FALSE)),
    st.builds(checked(schemas.Ordering), items=st.lists(short_texts, min_size=3, max_size=5),
              **_common(QuestionType.ORDERING)),
    st.builds(checked(schemas.Matching),
              pairs=st.lists(st.builds(checked(schemas.Pair), left=short_texts, right=short_texts),
                             min_size=2, max_size=4), **_common(QuestionType.MATCHING)),
)
quiz_settings = st.builds(
    checked(schemas.QuizSettings), pass_mark=st.integers(1, 100),
    questions_per_attempt=st.none() | st.integers(1, 50),
    shuffle_questions=st.booleans(), shuffle_options=st.booleans(), feedback=st.sampled_from(FeedbackTiming),
    time_limit_minutes=st.none() | st.integers(1, 600))
quizzes = st.builds(checked(schemas.QuizFile), settings=quiz_settings,
                    questions=st.lists(questions, min_size=1, max_size=4, unique_by=lambda q: q.id))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quizzes)
def test_any_quiz_survives_gift_round_trip(quiz: QuizFile):
    result = parse_gift(write_gift(quiz), Path("gen.gift"), ["unused"])
    assert result.settings == quiz.settings
    assert result.questions == list(quiz.questions)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quizzes)
def test_any_quiz_survives_yaml_round_trip(quiz: QuizFile):
    loaded = schemas.validate(schemas.QuizFile, load_yaml_text(quiz_to_yaml(quiz)).data)
    assert loaded == quiz


# --- YAML writer -------------------------------------------------------------------------------


def test_quiz_yaml_is_readable_and_leaves_out_defaults(bundled):
    text = quiz_to_yaml(bundled[0].quiz)
    assert "correct: false" not in text and "weight" not in text and "null" not in text
    assert "skills: [listening]" in text
    assert text.index("id:") < text.index("type:") < text.index("prompt:")


def test_atomic_write_replaces_the_file_and_leaves_no_temp_files(tmp_path: Path):
    target = tmp_path / "quiz.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_text_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["quiz.yaml"]


# --- command line ------------------------------------------------------------------------------


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of the bundled lessons (and the assets beside them) to import into."""
    shutil.copytree(bundled_content_dir(), tmp_path / "lessons")
    shutil.copytree(bundled_assets_dir(), tmp_path / "assets")
    return tmp_path / "lessons"


def quiz_path(content: Path, module_id: str) -> Path:
    library = load_library(content)
    return next(m.folder for m in library.modules if m.id == module_id) / "quiz.yaml"


def test_export_then_replace_import_gives_the_same_quiz_and_keeps_a_backup(content: Path, tmp_path: Path,
                                                                          capsys):
    target = quiz_path(content, "empathy")
    before = target.read_bytes()
    original, _ = load_quiz(target.parent, {})
    out = tmp_path / "empathy.gift"
    assert main(["export-gift", "--module", "empathy", "--out", str(out), "--content", str(content)]) == 0
    assert "exported to" in capsys.readouterr().out
    assert parse_gift(out.read_text(encoding="utf-8"), out, ["x"]).questions == list(original.questions)

    assert main(["import-gift", str(out), "--module", "empathy", "--replace", "--content", str(content)]) == 0
    output = capsys.readouterr().out
    assert f"{len(original.questions)} questions imported into {target}" in output
    assert (target.parent / "quiz.yaml.bak").read_bytes() == before
    reloaded, problems = load_quiz(target.parent, {})
    assert problems == [] and reloaded == original
    assert load_library(content).all_problems() == []


def test_import_refuses_to_overwrite_without_a_flag(content: Path, capsys):
    target = quiz_path(content, "empathy")
    before = target.read_bytes()
    code = main(["--content", str(content), "import-gift", str(FIXTURES / "choices.gift"),
                 "--module", "empathy"])
    assert code == 1
    assert "--replace" in capsys.readouterr().err
    assert target.read_bytes() == before
    assert not (target.parent / "quiz.yaml.bak").exists()


def test_import_with_problems_prints_them_all_and_writes_nothing(content: Path, capsys):
    target = quiz_path(content, "empathy")
    before = target.read_bytes()
    source = FIXTURES / "malformed.gift"
    code = main(["import-gift", str(source), "--module", "empathy", "--replace", "--content", str(content)])
    assert code == 1
    printed = capsys.readouterr().out
    lines = {int(n) for n in re.findall(r"malformed\.gift:(\d+): ", printed)}
    assert lines == set(MALFORMED)
    assert target.read_bytes() == before
    assert not (target.parent / "quiz.yaml.bak").exists()


def test_import_into_a_module_without_a_quiz_creates_it_and_prints_warnings(content: Path, capsys):
    target = quiz_path(content, "active-listening")
    target.unlink()
    code = main(["import-gift", str(FIXTURES / "choices.gift"), "--module", "active-listening",
                 "--content", str(content)])
    assert code == 0
    output = capsys.readouterr().out
    assert "choices.gift:29: feedback: no feedback in the GIFT file; placeholder written" in output
    assert "4 questions imported into" in output
    quiz, problems = load_quiz(target.parent, load_library(content).skills)
    assert problems == []
    assert quiz == QuizFile(questions=parse_fixture("choices.gift", ["listening"]).questions)
    assert all(q.skills == ["listening"] for q in quiz.questions)  # the module's skills


def test_append_adds_questions_and_keeps_settings(content: Path, capsys):
    target = quiz_path(content, "empathy")
    original, _ = load_quiz(target.parent, {})
    code = main(["import-gift", str(FIXTURES / "matching.gift"), "--module", "empathy", "--append",
                 "--content", str(content)])
    assert code == 0, capsys.readouterr()
    quiz, problems = load_quiz(target.parent, {})
    assert problems == []
    assert quiz.settings == original.settings
    assert quiz.questions[:len(original.questions)] == original.questions
    assert [q.id for q in quiz.questions[len(original.questions):]] == ["kinds-of-question", "short-pairs"]


def test_append_with_an_id_clash_writes_nothing(content: Path, tmp_path: Path, capsys):
    target = quiz_path(content, "empathy")
    before = target.read_bytes()
    out = tmp_path / "e.gift"
    assert main(["export-gift", "--module", "empathy", "--out", str(out), "--content", str(content)]) == 0
    code = main(["import-gift", str(out), "--module", "empathy", "--append", "--content", str(content)])
    assert code == 1
    assert "is already used in quiz.yaml" in capsys.readouterr().out
    assert target.read_bytes() == before


def test_unknown_skill_from_a_workbook_comment_is_a_problem(content: Path, tmp_path: Path, capsys):
    target = quiz_path(content, "empathy")
    before = target.read_bytes()
    source = tmp_path / "s.gift"
    source.write_text('// workbook: {"id": "new-one", "skills": ["juggling"]}\n'
                      "::New:: Pick. {=a#yes ~b#no ####why}\n", encoding="utf-8")
    code = main(["import-gift", str(source), "--module", "empathy", "--append", "--content", str(content)])
    assert code == 1
    assert "s.gift:2: skills: unknown skill 'juggling'" in capsys.readouterr().out
    assert target.read_bytes() == before


def test_import_reports_unreadable_and_non_utf8_files(content: Path, tmp_path: Path, capsys):
    target = quiz_path(content, "empathy")
    before = target.read_bytes()
    latin = tmp_path / "latin.gift"
    latin.write_bytes("::Q:: Caf\u00e9? {=oui ~non}\n".encode("latin-1"))
    assert main(["import-gift", str(latin), "--module", "empathy", "--replace",
                 "--content", str(content)]) == 1
    assert "not UTF-8" in capsys.readouterr().err
    missing = tmp_path / "missing.gift"
    assert main(["import-gift", str(missing), "--module", "empathy", "--replace",
                 "--content", str(content)]) == 3
    assert "cannot read" in capsys.readouterr().err
    assert target.read_bytes() == before


def test_unknown_module_and_module_without_quiz(content: Path, tmp_path: Path, capsys):
    out = tmp_path / "x.gift"
    assert main(["export-gift", "--module", "nope", "--out", str(out), "--content", str(content)]) == 3
    assert "Unknown module 'nope'" in capsys.readouterr().err
    assert main(["import-gift", str(FIXTURES / "choices.gift"), "--module", "nope",
                 "--content", str(content)]) == 3
    quiz_path(content, "empathy").unlink()
    assert main(["export-gift", "--module", "empathy", "--out", str(out), "--content", str(content)]) == 1
    assert "has no quiz" in capsys.readouterr().err
    assert not out.exists()


def test_export_of_a_broken_quiz_is_refused(content: Path, tmp_path: Path, capsys):
    target = quiz_path(content, "empathy")
    target.write_text("questions: []\n", encoding="utf-8")
    out = tmp_path / "x.gift"
    assert main(["export-gift", "--module", "empathy", "--out", str(out), "--content", str(content)]) == 1
    assert "problems" in capsys.readouterr().err
    assert not out.exists()


def test_settings_comment_is_imported_with_replace(content: Path, tmp_path: Path):
    source = tmp_path / "s.gift"
    source.write_text('// workbook-settings: {"pass_mark": 65, "feedback": "at-end"}\n\n'
                      + (FIXTURES / "true_false.gift").read_text(encoding="utf-8"), encoding="utf-8")
    target = quiz_path(content, "empathy")
    assert main(["import-gift", str(source), "--module", "empathy", "--replace",
                 "--content", str(content)]) == 0
    quiz, problems = load_quiz(target.parent, {})
    assert problems == []
    assert quiz.settings == QuizSettings(pass_mark=65, feedback=FeedbackTiming.AT_END)
    assert len(quiz.questions) == 4


def test_cli_round_trip_of_every_bundled_module(content: Path, tmp_path: Path, capsys):
    library = load_library(content)
    for module in library.modules:
        out = tmp_path / f"{module.id}.gift"
        assert main(["export-gift", "--module", module.id, "--out", str(out), "--content", str(content)]) == 0
        assert main(["import-gift", str(out), "--module", module.id, "--replace",
                     "--content", str(content)]) == 0
    capsys.readouterr()
    again = load_library(content)
    assert again.all_problems() == []
    assert {m.id: m.quiz for m in again.modules} == {m.id: m.quiz for m in library.modules}


def test_import_leaves_no_temp_files_in_the_module_folder(content: Path):
    """The import checks the YAML in a scratch folder and leaves nothing behind in the module."""
    folder = quiz_path(content, "empathy").parent
    names = sorted(p.name for p in folder.iterdir())
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "q.gift"
        source.write_text("::Q:: Pick. {=a#yes ~b#no ####why}\n", encoding="utf-8")
        assert main(["import-gift", str(source), "--module", "empathy", "--append",
                     "--content", str(content)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == names
    assert all(not n.startswith(".") for n in names)


# --- the import policy, without the command line ---------------------------------------------------


def test_the_import_plan_decides_per_mode_and_writes_nothing_until_applied(content: Path):
    library = load_library(content)
    module = library.module("empathy")
    target = module.folder / "quiz.yaml"
    before = target.read_bytes()
    existing, _ = load_quiz(module.folder, library.skills)
    text = (FIXTURES / "matching.gift").read_text(encoding="utf-8")
    source = FIXTURES / "matching.gift"

    refused = plan_gift_import(text, source, module, library.skills, ImportMode.NEW)
    assert refused.refusal is not None and "already exists" in refused.refusal and refused.quiz is None
    with pytest.raises(ValueError):
        apply_gift_import(refused)

    appended = plan_gift_import(text, source, module, library.skills, ImportMode.APPEND)
    assert appended.refusal is None and appended.imported == 2
    assert appended.quiz.settings == existing.settings
    assert appended.quiz.questions[:len(existing.questions)] == existing.questions

    too_small = plan_gift_import(text, source, module, library.skills, ImportMode.REPLACE)
    assert too_small.refusal is not None and "would not pass the quiz checks" in too_small.refusal
    assert [(p.path, p.field) for p in too_small.problems] == [(target, "settings.questions_per_attempt")]

    exported = write_gift(existing)
    replaced = plan_gift_import(exported, source, module, library.skills, ImportMode.REPLACE)
    assert replaced.refusal is None and replaced.quiz == existing
    assert target.read_bytes() == before and not replaced.backup.exists()  # planning wrote nothing

    apply_gift_import(replaced)
    assert replaced.backup.read_bytes() == before
    assert f"The old quiz was kept as {replaced.backup}." in replaced.notes
    assert load_quiz(module.folder, library.skills) == (existing, [])


def test_appending_twice_is_refused_with_the_clashing_ids_at_their_lines(content: Path):
    library = load_library(content)
    module = library.module("empathy")
    source = FIXTURES / "matching.gift"
    text = source.read_text(encoding="utf-8")
    apply_gift_import(plan_gift_import(text, source, module, library.skills, ImportMode.APPEND))
    again = plan_gift_import(text, source, module, library.skills, ImportMode.APPEND)
    assert again.refusal == f"2 problems in {source}: nothing was imported"
    assert [(p.path, p.field) for p in again.problems] == [(source, "id"), (source, "id")]
    assert all("already used in quiz.yaml" in p.message for p in again.problems)
