"""Content validation: each broken file is reported as `path:line: field: message` at the right place."""

from __future__ import annotations

import re

from content_kit import INTRO_MD, MODULE_YAML, make_content, write_module

from workbook.cli import main
from workbook.core.content import Library
from workbook.core.loader import load_library

INTRO_WORDS = 9  # as the reading rule counts them: the title's words too


def problems(library: Library) -> list[str]:
    return [problem.format() for problem in library.all_problems()]


def yaml_with(old: str, new: str, module_id: str = "x") -> str:
    text = MODULE_YAML.format(module_id=module_id)
    assert old in text
    return text.replace(old, new)


def test_valid_fixture_has_no_problems(tmp_path):
    """The helper's content loads cleanly, so every later problem comes from the one thing broken."""
    root = make_content(tmp_path)
    write_module(root)
    library = load_library(root)
    assert problems(library) == []
    assert [m.id for m in library.modules] == ["x"]
    assert library.modules[0].words == INTRO_WORDS


def test_yaml_syntax_error_names_its_line(tmp_path):
    """A YAML syntax error on line 3 is reported on line 3 under the field `yaml`."""
    root = make_content(tmp_path)
    folder = write_module(root, yaml_text=yaml_with("summary: A short", "summary: bad: A short"))
    assert problems(load_library(root)) == [
        f"{folder / 'module.yaml'}:3: yaml: mapping values are not allowed in this context"
    ]


def test_unclosed_bracket_is_reported_on_its_own_line(tmp_path):
    """An unclosed `[` on line 3 is reported on line 3, not on the innocent line after it."""
    root = make_content(tmp_path)
    folder = write_module(root, yaml_text=yaml_with("summary: A short", "summary: [A short"))
    found = load_library(root).all_problems()
    assert [(p.path, p.line, p.field) for p in found] == [(folder / "module.yaml", 3, "yaml")]


def test_missing_field_is_required(tmp_path):
    """A module.yaml without `title` reports field `title`: is required."""
    root = make_content(tmp_path)
    folder = write_module(root, yaml_text=yaml_with("title: Module x\n", ""))
    assert problems(load_library(root)) == [f"{folder / 'module.yaml'}:1: title: is required"]


def test_wrong_field_type_names_field_and_line(tmp_path):
    """A value of the wrong type is reported on the line of its key."""
    root = make_content(tmp_path)
    folder = write_module(root, yaml_text=yaml_with("minutes: 10", "minutes: soon"))
    found = load_library(root).all_problems()
    assert [(p.path, p.line, p.field) for p in found] == [(folder / "module.yaml", 5, "minutes")]


def test_duplicate_module_id_is_reported_on_second_id_line(tmp_path):
    """Two folders with one id: the second folder's `id` line is flagged and the first still loads."""
    root = make_content(tmp_path)
    write_module(root, "01-first")
    second = write_module(root, "02-second", yaml_text="# same id as 01-first\n" + MODULE_YAML.format(
        module_id="x"))
    library = load_library(root)
    assert problems(library) == [
        f"{second / 'module.yaml'}:2: id: duplicate id 'x', already used by 01-first/module.yaml"
    ]
    assert [m.folder.name for m in library.modules] == ["01-first"]
    assert [u.folder.name for u in library.unavailable] == ["02-second"]


def test_unknown_prerequisite_is_reported_on_its_list_item(tmp_path):
    """An unknown prerequisite is reported on the line of that list item, not the key."""
    root = make_content(tmp_path)
    write_module(root, "01-y", module_id="y")
    folder = write_module(root, "02-x", yaml_text=yaml_with(
        "prerequisites: []", "prerequisites:\n  - y\n  - nowhere"))
    assert problems(load_library(root)) == [
        f"{folder / 'module.yaml'}:10: prerequisites: unknown module 'nowhere'"
    ]


def test_unknown_skill_is_reported_on_its_list_item(tmp_path):
    """A skill id missing from skills.yaml is reported on its list item's line."""
    root = make_content(tmp_path)
    folder = write_module(root, yaml_text=yaml_with("  - listening", "  - listening\n  - juggling"))
    assert problems(load_library(root)) == [
        f"{folder / 'module.yaml'}:8: skills: unknown skill 'juggling' (see skills.yaml)"
    ]


def test_missing_image_is_reported_on_its_line(tmp_path):
    """An image that is in neither the module folder nor assets/ is reported on its own line."""
    root = make_content(tmp_path)
    folder = write_module(root, sections={"01-intro.md": INTRO_MD + "\n![Call flow](images/flow.svg)\n"})
    assert problems(load_library(root)) == [
        f"{folder / '01-intro.md'}:5: image: image 'images/flow.svg' not found in 01-x/ or assets/"
    ]


def test_images_in_module_folder_or_assets_are_found(tmp_path):
    """Images found beside the section or in the top-level assets/ folder raise no problem."""
    root = make_content(tmp_path)
    (tmp_path / "assets" / "shared.svg").write_text("<svg/>", encoding="utf-8")
    folder = write_module(root, sections={
        "01-intro.md": INTRO_MD + "\n![Shared](shared.svg)\n\n![Local](local.svg)\n"})
    (folder / "local.svg").write_text("<svg/>", encoding="utf-8")
    assert problems(load_library(root)) == []


def test_missing_image_inside_a_paragraph_is_reported_on_its_line(tmp_path):
    """An image on the second line of a paragraph is reported on that second line."""
    root = make_content(tmp_path)
    write_module(root, sections={"01-intro.md": INTRO_MD + "\nA diagram follows.\n![Flow](flow.svg)\n"})
    assert [p.line for p in load_library(root).all_problems()] == [6]


def test_title_only_section_is_empty(tmp_path):
    """A section with a title and no text is reported as empty on its title line."""
    root = make_content(tmp_path)
    folder = write_module(root, sections={"01-intro.md": INTRO_MD, "02-blank.md": "\n# Nothing yet\n\n"})
    assert problems(load_library(root)) == [
        f"{folder / '02-blank.md'}:2: section: section is empty: add text below the title"
    ]


def test_section_without_title_line(tmp_path):
    """A section whose first text is not a `# ` heading is reported on that first line."""
    root = make_content(tmp_path)
    folder = write_module(root, sections={"01-intro.md": "\n\nIntroduction\n\nSome words.\n"})
    assert problems(load_library(root)) == [
        f"{folder / '01-intro.md'}:3: title: the first line must be the section title, "
        "e.g. '# The listening loop'"
    ]


def test_unclosed_callout_is_reported_on_its_opening_line(tmp_path):
    """A `:::say` never closed is reported on the line that opened it."""
    root = make_content(tmp_path)
    folder = write_module(root, sections={"01-intro.md": INTRO_MD + "\n:::say\n- \"Hello.\"\n\nMore.\n"})
    assert problems(load_library(root)) == [
        f"{folder / '01-intro.md'}:5: callout: callout is never closed with ':::'"
    ]


def test_unknown_callout_kind(tmp_path):
    """A callout of an unknown kind names the kind and the four allowed ones."""
    root = make_content(tmp_path)
    folder = write_module(root, sections={"01-intro.md": INTRO_MD + "\n:::tip\nA hint.\n:::\n"})
    assert problems(load_library(root)) == [
        f"{folder / '01-intro.md'}:5: callout: unknown callout 'tip' (use one of say, avoid, example, try)"
    ]


def test_broken_module_is_unavailable_while_good_one_loads(tmp_path):
    """A broken module is set aside with its problems; the good module beside it is usable."""
    root = make_content(tmp_path)
    write_module(root, "01-good", module_id="good")
    write_module(root, "02-bad", module_id="bad", sections={"01-intro.md": "# Title only\n"})
    library = load_library(root)
    assert [m.id for m in library.modules] == ["good"]
    assert [(u.folder.name, u.title) for u in library.unavailable] == [("02-bad", "Module bad")]
    reason = "01-intro.md:1: section: section is empty: add text below the title"
    assert library.unavailable[0].reason == reason
    assert library.module("bad") is None


def test_cli_validate_good_content_prints_summary(tmp_path, capsys):
    """`validate DIR` on good content returns 0 and prints module, section and word counts."""
    root = make_content(tmp_path)
    write_module(root, "01-x", module_id="x")
    write_module(root, "02-y", module_id="y", sections={"01-intro.md": INTRO_MD, "02-more.md": INTRO_MD})
    assert main(["validate", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.strip() == (f"{root}: 2 modules, 3 sections, {3 * INTRO_WORDS} words, "
                           "0 quizzes with 0 questions, 0 practice calls: all valid")


def test_cli_validate_broken_content_prints_one_line_per_problem(tmp_path, capsys, monkeypatch):
    """`validate DIR` on broken content returns 1 and prints each problem as `path:line: field: message`."""
    root = make_content(tmp_path)
    write_module(root, yaml_text=yaml_with("minutes: 10", "minutes: 0"),
                 sections={"01-intro.md": INTRO_MD + "\n:::tip\nA hint.\n:::\n"})
    monkeypatch.chdir(tmp_path)  # problems are shown relative to the working folder
    assert main(["validate", str(root)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "lessons/01-x/01-intro.md:5: callout: unknown callout 'tip' (use one of say, avoid, example, try)",
        "lessons/01-x/module.yaml:5: minutes: Input should be greater than 0",
    ]
    assert captured.err.strip() == f"2 problems in {root}"


def test_cli_validate_bundled_lessons(capsys):
    """`validate` with no folder checks the bundled lessons, which are all valid."""
    assert main(["validate"]) == 0
    summary = re.fullmatch(r".*: (\d+) modules, (\d+) sections, ([\d,]+) words, "
                           r"(\d+) quizzes with (\d+) questions, (\d+) practice calls: all valid",
                           capsys.readouterr().out.strip())
    assert summary is not None
    assert int(summary.group(1)) >= 8


def test_table_cells_stay_apart_in_search_text():
    """A snippet from a table reads 'FCR · 75%;', not 'FCR 75% CSAT 85%' run together."""
    from workbook.core.markdown_render import plain_text

    text = plain_text("Targets:\n\n| Metric | Target |\n|---|---|\n| FCR | 75% |\n| CSAT | 85% |\n")
    assert text == "Targets Metric \u00b7 Target; FCR \u00b7 75%; CSAT \u00b7 85%;"


def test_a_quiz_passing_at_another_mark_than_the_course_is_a_warning_naming_its_line(tmp_path, capsys,
                                                                                    monkeypatch):
    """The result page goes by the quiz's mark, the checklist by the course's: valid, but a learner
    between the two would be told both, so `validate` warns (file, line, field) and still passes."""
    import shutil

    from workbook.paths import bundled_content_dir

    root = tmp_path / "lessons"
    shutil.copytree(bundled_content_dir(), root)
    quiz = root / "02-empathy" / "quiz.yaml"
    text = quiz.read_text(encoding="utf-8")
    assert "  pass_mark: 80\n" in text
    quiz.write_text(text.replace("  pass_mark: 80\n", "  pass_mark: 70\n", 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", str(root)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "warning: lessons/02-empathy/quiz.yaml:3: settings.pass_mark: 70% here, but the course counts this "
        "quiz as passed at 80% (course.yaml requires.quiz_pass_mark): a learner scoring between the two is "
        "told one thing on the result page and another on the checklist; use one mark in both files"]
    assert captured.out.strip().endswith("all valid")


def test_the_bundled_lessons_have_no_warnings():
    from workbook.paths import bundled_content_dir

    assert load_library(bundled_content_dir()).warnings == []
