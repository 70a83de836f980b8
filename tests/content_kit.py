"""A minimal valid content folder for validation tests, and helpers to break one thing in a text
and find the line a problem must be reported on. Each test changes one thing from valid."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Literal

from workbook.core.quiz import Question, QuestionType, _Question
from workbook.core.schemas import validate_question
from workbook.paths import bundled_content_dir

MODULE_YAML = """\
id: {module_id}
title: Module {module_id}
summary: A short summary for the home card.
order: 1
minutes: 10
skills:
  - listening
prerequisites: []
"""
INTRO_MD = "# Introduction\n\nSome words for the reader to see here.\n"


def make_content(tmp_path: Path, real_skills: bool = False) -> Path:
    """`lessons/` with a skills.yaml (two skills, or the shipped file) and `assets/` beside it."""
    root = tmp_path / "lessons"
    root.mkdir()
    (tmp_path / "assets").mkdir()
    if real_skills:
        shutil.copy(bundled_content_dir() / "skills.yaml", root / "skills.yaml")
    else:
        (root / "skills.yaml").write_text("listening: Active listening\nempathy: Empathy\n", encoding="utf-8")
    return root


def write_module(root: Path, folder: str = "01-x", module_id: str = "x", yaml_text: str | None = None,
                 sections: dict[str, str] | None = None) -> Path:
    """Write one module folder; by default it is valid."""
    path = root / folder
    path.mkdir()
    text = yaml_text if yaml_text is not None else MODULE_YAML.format(module_id=module_id)
    (path / "module.yaml").write_text(text, encoding="utf-8")
    for name, markdown in (sections or {"01-intro.md": INTRO_MD}).items():
        (path / name).write_text(markdown, encoding="utf-8")
    return path


def with_changes(text: str, *changes: tuple[str, str]) -> str:
    """`text` with each `old` replaced by `new`; every `old` must occur exactly once."""
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def line_of(text: str, marker: str, occurrence: int = 1) -> int:
    """The 1-based line of the `occurrence`-th line containing `marker`."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if marker in line]
    assert len(found) >= occurrence, marker
    return found[occurrence - 1]


# -- one question of every type, and one of a type the code does not know ---------------------------

OPTIONS = [{"text": "Own it", "correct": True, "feedback": "It helps."},
           {"text": "Blame", "feedback": "It hurts."},
           {"text": "Stall", "feedback": "It drags."}]
BASE = {"skills": ["empathy"], "prompt": "What now?", "explanation": "Because."}
SAMPLES = {
    QuestionType.SINGLE_CHOICE: {"options": OPTIONS},
    QuestionType.MULTIPLE_SELECT: {"options": OPTIONS},
    QuestionType.BEST_RESPONSE: {"context": "A late parcel.", "caller_line": "Where is it?",
                                 "options": OPTIONS},
    QuestionType.TRUE_FALSE: {"answer": True, "feedback_true": "Yes.", "feedback_false": "No."},
    QuestionType.ORDERING: {"items": ["Greet", "Listen", "Act"]},
    QuestionType.MATCHING: {"pairs": [{"left": "Angry", "right": "Calm"}, {"left": "Sad", "right": "Kind"}]},
}


def every_question() -> list[Question]:
    """One valid question of each type, in the order of `QuestionType`."""
    return [validate_question({"id": f"q-{kind}", "type": str(kind), **BASE, **fields})
            for kind, fields in SAMPLES.items()]


class Hotspot(_Question):
    """A question type the code does not know (not in the `Question` union)."""

    type: Literal["hotspot"] = "hotspot"


UNKNOWN = Hotspot(id="hotspot", skills=["empathy"], prompt="Click the bad word.", explanation="Because.")
