"""Write a module's quiz as Moodle GIFT text that Moodle imports and `gift_parser` reads back equal.

Pure text from models; the caller writes the file. See `gift_syntax` for the `// workbook:` comments.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, assert_never

from workbook.core.gift_syntax import FORMAT_MARK, META_PREFIX, SETTINGS_PREFIX, best_response_text
from workbook.core.plain_data import as_data
from workbook.core.quiz import (
    BestResponse,
    Matching,
    MultipleSelect,
    Ordering,
    Question,
    QuizFile,
    SingleChoice,
    TrueFalse,
)


def write_gift(quiz: QuizFile) -> str:
    """GIFT text for `quiz` that Moodle can import and `parse_gift` reads back to an equal quiz."""
    out = [
        "// Quiz exported from the Difficult Calls Workbook in Moodle GIFT format.",
        "// The '// workbook:' comments keep what GIFT cannot say (ids, skills, question types);",
        "// Moodle ignores them. Keep each one on the line just above its question.",
        f"// {SETTINGS_PREFIX} {_json(as_data(quiz.settings))}",
        "",
    ]
    category: str | None = None
    for question in quiz.questions:
        meta: dict[str, Any] = {"id": question.id, "type": str(question.type),
                                "skills": list(question.skills)}
        if question.category != category:
            if question.category is None:
                meta["category"] = None  # GIFT cannot leave a category; this question has none
            else:
                category = question.category
                out += [f"$CATEGORY: {_escape_category(category)}", ""]
        out += _write_question(question, meta)
        out.append("")
    return "\n".join(out)


def _write_question(question: Question, meta: dict[str, Any]) -> list[str]:
    prompt = question.prompt
    body: list[str]
    match question:
        case TrueFalse():
            right, wrong = ((question.feedback_true, question.feedback_false) if question.answer
                            else (question.feedback_false, question.feedback_true))
            body = [f"\t{'TRUE' if question.answer else 'FALSE'}#{_text(wrong)}#{_text(right)}"]
        case Matching():
            body = [f"\t={_text(p.left, arrow=True)} -> {_escape(p.right)}" for p in question.pairs]
        case Ordering():
            body = [f"\t={_text(item, arrow=True)} -> {n}" for n, item in enumerate(question.items, 1)]
        case BestResponse():  # GIFT has no context or caller line: they go into the question text
            meta["context"] = question.context
            meta["caller_line"] = question.caller_line
            prompt = best_response_text(question.context, question.caller_line, question.prompt)
            body = _write_options(question, meta)
        case SingleChoice() | MultipleSelect():
            body = _write_options(question, meta)
        case _:
            assert_never(question)
    return [f"// {META_PREFIX} {_json(meta)}",
            f"::{question.id}:: {_text(prompt)} {{",
            *body,
            f"\t####{_text(question.explanation)}",
            "}"]


def _write_options(question: SingleChoice | MultipleSelect | BestResponse, meta: dict[str, Any]) -> list[str]:
    """`=` for a right answer, `~` for a wrong one, `~%w%` with a weight. A multiple-select
    question without weights gets Moodle's usual ones (right 100/n, wrong -100/n) so Moodle
    shows check boxes; the comment says they were not in the quiz."""
    options = question.options
    invent = isinstance(question, MultipleSelect) and any(o.weight is None for o in options)
    rights = max(1, sum(o.correct for o in options))
    lines, derived_correct = [], []
    for option in options:
        weight = option.weight
        if weight is None and invent:
            weight = round((100 if option.correct else -100) / rights, 5)
        if weight is None:
            marker, correct = ("=" if option.correct else "~"), option.correct
        else:
            marker, correct = f"~%{_number(weight)}%", weight > 0
        derived_correct.append(correct)
        line = f"\t{marker}{_text(option.text, percent=marker == '~')}#{_text(option.feedback)}"
        lines.append(line)
    if derived_correct != [o.correct for o in options]:
        meta["correct"] = [o.correct for o in options]
    if invent:
        weights = [o.weight for o in options]
        meta["weights"] = None if all(w is None for w in weights) else weights
    return lines


def _escape(text: str) -> str:
    """Moodle's own escaping: backslash first, then the GIFT control characters and new lines."""
    out = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        out = out.replace(char, "\\" + char)
    return out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _text(text: str, percent: bool = False, arrow: bool = False) -> str:
    """Escaped text; `[moodle]` in front when the text itself starts like a format marker (or
    like a weight after `~`), so the reader does not eat its first characters."""
    out = _escape(text)
    if arrow:
        out = out.replace("->", "-\\>")  # a matching left side ends at the first '->'
    if FORMAT_MARK.match(text) or (percent and text.startswith("%")):
        out = "[moodle]" + out
    return out


def _escape_category(category: str) -> str:
    """Moodle writes category paths raw; only what would break the line is escaped."""
    out = category.replace("\\", "\\\\")
    return out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _number(value: float) -> str:
    """A weight as plain decimals (Moodle reads no exponents) that reads back to the same float."""
    if value == int(value):
        return str(int(value))
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)
