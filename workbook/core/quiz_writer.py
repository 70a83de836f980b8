"""Write a quiz back to `quiz.yaml`: readable for trainers, and never left half-written.

Imports (GIFT) produce a `QuizFile`; trainers then edit the YAML by hand, so it should look like
the hand-written files (keys in the order of the authoring guide, defaults left out, long texts as
folded blocks) and load back with `load_quiz` to an equal quiz.
"""

from __future__ import annotations

from typing import Any

import yaml

from workbook.core.plain_data import as_data
from workbook.core.quiz import QuizFile

_QUESTION_KEYS = ("id", "type", "skills", "category", "prompt", "context", "caller_line", "options",
                  "answer", "feedback_true", "feedback_false", "items", "pairs", "explanation")
_OPTION_KEYS = ("text", "correct", "feedback", "weight")
_WIDTH = 100
_ODD_BREAKS = "\r\x85\u2028\u2029"


class _Dumper(yaml.SafeDumper):
    """Safe dumper that writes long texts as `>-` blocks and texts with line breaks as `|` blocks,
    and indents list items under their key like the hand-written quizzes."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if any(char in value for char in _ODD_BREAKS):
        style = '"'  # YAML folds or rewrites these breaks in every other style
    elif "\n" in value:
        style = "|"
    elif len(value) > _WIDTH - 20 and value == value.strip() and "  " not in value:
        style = ">"
    # The emitter falls back to a quoted style whenever a block cannot hold the text exactly.
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _FlowList(list):
    """A short list written inline, like `skills: [listening, empathy]` in the authoring guide."""


def _represent_flow_list(dumper: yaml.SafeDumper, value: _FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_FlowList, _represent_flow_list)


def quiz_to_data(quiz: QuizFile) -> dict[str, Any]:
    """Plain data in authoring order: `None`, `correct: false` and default settings left out."""
    data: dict[str, Any] = {}
    settings = as_data(quiz.settings, exclude_defaults=True)
    if settings:
        data["settings"] = settings
    data["questions"] = [_question_data(as_data(q, exclude_none=True))
                         for q in quiz.questions]
    return data


def quiz_to_yaml(quiz: QuizFile) -> str:
    """The `quiz.yaml` text for `quiz`; `load_quiz` reads it back to an equal `QuizFile`."""
    text = yaml.dump(quiz_to_data(quiz), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=_WIDTH, indent=2)
    text = text.replace("\n  - id: ", "\n\n  - id: ").replace("questions:\n\n", "questions:\n", 1)
    return text.replace("\nquestions:\n", "\n\nquestions:\n", 1)





def _question_data(raw: dict[str, Any]) -> dict[str, Any]:
    ordered = {key: raw[key] for key in _QUESTION_KEYS if key in raw}
    ordered.update({key: value for key, value in raw.items() if key not in ordered})
    ordered["skills"] = _FlowList(ordered["skills"])
    if "options" in ordered:
        ordered["options"] = [_option_data(option) for option in ordered["options"]]
    return ordered


def _option_data(raw: dict[str, Any]) -> dict[str, Any]:
    option = {key: raw[key] for key in _OPTION_KEYS if key in raw}
    if not option.get("correct"):
        option.pop("correct", None)
    return option
