"""The answer block of one GIFT question, read by its type: choices, true/false, matching, ordering.

`detect` tells the type from the answer block alone, in Moodle's order (a `// workbook:` comment
may name it instead). Each reader fills a `Draft` with that type's fields, and with the line of
each option, pair or item so that later problems point at it; every fault goes to `problem` or
`warn` with the line a trainer has to fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from msgspec import Struct, field

from workbook.core.gift_text import WS, Block, GiftCodec, short

FEEDBACK_PLACEHOLDER = "No feedback for this answer yet (imported from GIFT)."
TRUE_FALSE_PLACEHOLDER = "No feedback for this choice yet (imported from GIFT)."

_WEIGHT = re.compile(r"%(-?\d+(?:\.\d*)?)%")
_LOOKS_WEIGHTED = re.compile(r"%-?\d")
_TRUE = {"T", "TRUE"}
_FALSE = {"F", "FALSE"}

Report = Callable[[int, str, str], None]  # (line, field, message)


class Draft(Struct):
    """A question parsed from GIFT, waiting for its id (titles are made unique file-wide)."""

    data: dict[str, Any]
    line: int
    title: str | None
    meta_id: str | None
    item_lines: dict[tuple, int] = field(default_factory=dict)


class _Answer(Struct):
    text: str
    feedback: str
    correct: bool
    weight: float | None
    line: int


class AnswerReader:
    """Reads answer blocks for the parser of one file, reporting through its `problem` and `warn`."""

    def __init__(self, codec: GiftCodec, problem: Report, warn: Report) -> None:
        self.codec = codec
        self.problem = problem
        self.warn = warn

    def detect(self, answers: str, block: Block, base: int, line: int) -> str | None:
        """The question type from the answer block alone, in Moodle's order; None after a problem."""
        stripped = answers.strip(WS)
        at = block.line_of(base + len(answers) - len(answers.lstrip(WS)))
        if not stripped:
            self.problem(line, "question", "essay questions ('{}' with no answers) are not supported")
        elif stripped.startswith("#"):
            self.problem(at, "question", "numerical questions ('{#...}') are not supported")
        elif "~" in answers:
            return "choice"
        elif "=" in answers and "->" in answers:
            return "matching"
        elif answers.split("#", 1)[0].strip(WS).upper() in _TRUE | _FALSE:
            return "true-false"
        elif "=" not in answers:
            self.problem(at, "answers", f"'{short(self.codec.plain(stripped))}' is not an answer: start "
                         "each answer with '=' (right) or '~' (wrong), or write {T} or {F}")
        else:
            self.problem(at, "question", "short-answer questions (answers that all start with '=') "
                         "are not supported: add wrong answers with '~' to make a multiple choice")
        return None

    def choices(self, answers: str, block: Block, base: int, fmt: str, draft: Draft,
                meta: dict | None, meta_line: int, line: int) -> bool:
        marks = [i for i, char in enumerate(answers) if char in "=~"]
        lead = answers[:marks[0]] if marks else answers
        if lead.strip(WS):
            offset = base + len(lead) - len(lead.lstrip(WS))
            self.problem(block.line_of(offset), "answers", f"'{short(self.codec.plain(lead))}' is not an "
                         "answer: start each answer with '=' (right) or '~' (wrong)")
            return False
        parsed: list[_Answer] = []
        ok = True
        for n, start in enumerate(marks):
            end = marks[n + 1] if n + 1 < len(marks) else len(answers)
            body = answers[start + 1:end]
            at = block.line_of(base + start)
            weight: float | None = None
            stripped = body.lstrip(WS)
            match = _WEIGHT.match(stripped)
            if answers[start] == "~" and match:
                weight = float(match.group(1))
                if not -100 <= weight <= 100:
                    self.problem(at, "weight", f"weight {match.group(1)}% is outside -100% to 100%")
                    ok = False
                body = stripped[match.end():]
            elif answers[start] == "=" and _LOOKS_WEIGHTED.match(stripped):
                self.warn(at, "weight", "Moodle reads '=%...%' as part of the answer text; "
                          "write '~%50%answer' for a weighted answer")
            text_part, _, feedback_part = body.partition("#")
            text, _ = self.codec.formatted(text_part, fmt)
            feedback, _ = self.codec.formatted(feedback_part, fmt)
            if not text:
                self.problem(at, "answers", f"answer {n + 1} has no text")
                ok = False
            correct = answers[start] == "=" or (weight is not None and weight > 0)
            parsed.append(_Answer(text, feedback, correct, weight, at))
        if len(parsed) < 2:
            self.problem(line, "answers", "a multiple-choice question needs at least 2 answers")
            return False
        if not ok:
            return False
        kind = draft.data["type"]
        if kind == "choice":
            rights = sum(a.correct for a in parsed)
            weighted = any(a.weight is not None for a in parsed)
            if rights == 0:
                self.problem(line, "answers", "no answer is marked right: start the right answer with "
                             "'=' or give it a positive weight like '~%50%'")
                return False
            kind = "single-choice" if rights == 1 and not weighted else "multiple-select"
            draft.data["type"] = kind
        if meta and not self.override(parsed, meta, meta_line):
            return False
        missing = [n + 1 for n, a in enumerate(parsed) if not a.feedback]
        if missing:
            which = "" if len(missing) == len(parsed) else \
                f" for answer{'s' if len(missing) > 1 else ''} {', '.join(map(str, missing))}"
            self.warn(parsed[missing[0] - 1].line, "feedback",
                      f"no feedback in the GIFT file{which}; placeholder written")
        options = []
        for n, answer in enumerate(parsed):
            option: dict[str, Any] = {"text": answer.text, "correct": answer.correct,
                                      "feedback": answer.feedback or FEEDBACK_PLACEHOLDER}
            if answer.weight is not None:
                option["weight"] = answer.weight
            options.append(option)
            draft.item_lines[("options", n)] = answer.line
        draft.data["options"] = options
        return True

    def override(self, parsed: list[_Answer], meta: dict, meta_line: int) -> bool:
        """`correct` and `weights` in the comment restore what the Moodle-style weights changed."""
        for key in ("correct", "weights"):
            if key not in meta:
                continue
            values = meta[key]
            if key == "weights" and values is None:
                values = [None] * len(parsed)
            kinds = (bool,) if key == "correct" else (int, float, type(None))
            if (not isinstance(values, list) or len(values) != len(parsed)
                    or not all(isinstance(v, kinds) and not (key == "weights" and isinstance(v, bool))
                               for v in values)):
                self.problem(meta_line, f"workbook.{key}", f"'{key}' must list one value per answer "
                             f"({len(parsed)})")
                return False
            for answer, value in zip(parsed, values, strict=True):
                if key == "correct":
                    answer.correct = value
                    continue
                try:
                    answer.weight = None if value is None else float(value)
                except OverflowError:
                    self.problem(meta_line, "workbook.weights", f"weight {value} is outside -100 to 100")
                    return False
        return True

    def true_false(self, answers: str, block: Block, base: int, fmt: str, draft: Draft) -> bool:
        parts = answers.split("#", 2)
        token = self.codec.plain(parts[0]).upper()
        at = block.line_of(base + len(answers) - len(answers.lstrip(WS)))
        if token not in _TRUE | _FALSE:
            self.problem(at, "answers", f"'{short(self.codec.plain(parts[0]))}' is not a true/false answer: "
                         "write T, TRUE, F or FALSE")
            return False
        answer = token in _TRUE
        wrong = self.codec.formatted(parts[1], fmt)[0] if len(parts) > 1 else ""
        right = self.codec.formatted(parts[2], fmt)[0] if len(parts) > 2 else ""
        feedback_true, feedback_false = (right, wrong) if answer else (wrong, right)
        for name, value in (("feedback_true", feedback_true), ("feedback_false", feedback_false)):
            if not value:
                self.warn(at, name, "no feedback in the GIFT file; placeholder written")
        draft.data.update(answer=answer, feedback_true=feedback_true or TRUE_FALSE_PLACEHOLDER,
                          feedback_false=feedback_false or TRUE_FALSE_PLACEHOLDER)
        return True

    def matching(self, answers: str, block: Block, base: int, fmt: str, draft: Draft,
                 ordering: bool) -> bool:
        marks = [i for i, char in enumerate(answers) if char == "="]
        lead = answers[:marks[0]] if marks else answers
        if lead.strip(WS):
            offset = base + len(lead) - len(lead.lstrip(WS))
            self.problem(block.line_of(offset), "pairs", f"'{short(self.codec.plain(lead))}' is not a pair: "
                         "write each pair as '=left -> right'")
            return False
        pairs: list[tuple[str, str, int]] = []
        ok = True
        for n, start in enumerate(marks):
            end = marks[n + 1] if n + 1 < len(marks) else len(answers)
            body = answers[start + 1:end]
            at = block.line_of(base + start)
            arrow = body.find("->")
            if arrow < 0:
                self.problem(at, "pairs", f"pair '{short(self.codec.plain(body))}' has no '->': "
                             "write '=left -> right'")
                ok = False
                continue
            if "#" in body:
                self.warn(at, "pairs", "GIFT matching pairs have no feedback: the '#' is kept as text")
            left, _ = self.codec.formatted(body[:arrow], fmt)
            right = self.codec.plain(body[arrow + 2:])
            if not left or not right:
                self.problem(at, "pairs", f"pair {n + 1} needs text on both sides of '->'")
                ok = False
            pairs.append((left, right, at))
        if not ok:
            return False
        if len(pairs) < 2:
            self.problem(draft.line, "pairs", f"a matching question needs at least 2 pairs "
                         f"(found {len(pairs)})")
            return False
        if ordering:
            positions = [right for _, right, _ in pairs]
            if sorted(positions, key=lambda x: (len(x), x)) != [str(n) for n in range(1, len(pairs) + 1)]:
                self.problem(draft.line, "items", "an ordering question is exported as pairs "
                             "'=item -> position' with positions 1, 2, 3, ... each used once")
                return False
            ranked = sorted(pairs, key=lambda pair: int(pair[1]))
            draft.data["items"] = [left for left, _, _ in ranked]
            for n, (_, _, at) in enumerate(ranked):
                draft.item_lines[("items", n)] = at
        else:
            draft.data["pairs"] = [{"left": left, "right": right} for left, right, _ in pairs]
            for n, (_, _, at) in enumerate(pairs):
                draft.item_lines[("pairs", n)] = at
        return True
