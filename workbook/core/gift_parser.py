"""Read Moodle GIFT text into a module's quiz models, reporting everything it cannot use as `path:line`.

Trainers often already have question banks in GIFT (Moodle's plain-text format). `parse_gift` turns
such a file into our question models like the content loader does, and reads back the
`// workbook:` comments that `gift_writer` adds (see `gift_syntax`).

The parser follows Moodle's own importer (question/format/gift/format.php) where it matters: the
answer block decides the type, `####` starts the general feedback, true/false feedback is
`#for a wrong answer#for the right answer`. Physical line breaks inside a question read as spaces;
write `\\n` for a real line break.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workbook.core.gift_syntax import FORMAT_MARK, META_PREFIX, SETTINGS_PREFIX, best_response_text
from workbook.core.problems import Problem
from workbook.core.quiz import QuestionAdapter, QuestionType, QuizFile, QuizSettings
from workbook.core.quiz_loader import check_quiz_rules
from workbook.core.yaml_lines import LocatedYaml

FEEDBACK_PLACEHOLDER = "No feedback for this answer yet (imported from GIFT)."
EXPLANATION_PLACEHOLDER = "No explanation yet (imported from GIFT)."
TRUE_FALSE_PLACEHOLDER = "No feedback for this choice yet (imported from GIFT)."

_META_KEYS = {"id", "type", "skills", "context", "caller_line", "category", "correct", "weights"}
_ESCAPABLE = {":": ":", "#": "#", "=": "=", "{": "{", "}": "}", "~": "~", "n": "\n", ">": ">"}
_FORMATS = ("moodle", "html", "plain", "markdown")
_WEIGHT = re.compile(r"%(-?\d+(?:\.\d*)?)%")
_LOOKS_WEIGHTED = re.compile(r"%-?\d")
_TAG_BREAK = re.compile(r"<br\s*/?>|</p\s*>|</div\s*>|</li\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_TRUE = {"T", "TRUE"}
_FALSE = {"F", "FALSE"}
_UNSET: Any = object()
# What pydantic strips from texts (Unicode White_Space); Python's str.strip() also eats \x1c-\x1f.
_WS = ("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
       "\u200a\u2028\u2029\u202f\u205f\u3000")


@dataclass
class GiftResult:
    """What `parse_gift` found: questions that built cleanly, the settings comment if any, errors
    (`problems`: nothing should be imported while there is one) and `warnings` (imported anyway)."""

    questions: list = field(default_factory=list)
    settings: QuizSettings | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # the GIFT line where each question starts


def parse_gift(text: str, path: Path, default_skills: Sequence[str]) -> GiftResult:
    """Read GIFT text into question models; never raises on bad input, every fault is a problem
    with the line a trainer has to fix. Questions without a `// workbook:` skills list get
    `default_skills` (the module's)."""
    return _Parser(text, Path(path), list(default_skills)).run()



class _Codec:
    """Escaped characters become code points absent from the input, as Moodle does with its
    `&&058;` placeholders, so splitting on `~ = # { } ::` never sees them."""

    def __init__(self, text: str) -> None:
        present = set(text)
        free = (chr(code) for code in range(0x10FFFD, 0xFFFF, -1) if chr(code) not in present)
        self.encode_map = {key: next(free) for key in _ESCAPABLE}
        self.decode_map = {ph: _ESCAPABLE[key] for key, ph in self.encode_map.items()}
        self._pattern = re.compile(r"\\(.)", re.DOTALL)
        self._decode_table = str.maketrans(self.decode_map)

    def encode(self, line: str) -> str:
        def replace(match: re.Match) -> str:
            char = match.group(1)
            if char == "\\":
                return "\\"
            return self.encode_map.get(char, match.group(0))

        return self._pattern.sub(replace, line)

    def decode(self, text: str) -> str:
        return text.translate(self._decode_table)


@dataclass
class _Block:
    """One question's text with comments blanked out, and where it sits in the file."""

    text: str
    first_line: int

    def line_of(self, offset: int) -> int:
        return self.first_line + self.text.count("\n", 0, max(0, offset))


@dataclass
class _Answer:
    text: str
    feedback: str
    correct: bool
    weight: float | None
    line: int


@dataclass
class _Draft:
    """A question parsed from GIFT, waiting for its id (titles are made unique file-wide)."""

    data: dict[str, Any]
    line: int
    title: str | None
    meta_id: str | None
    item_lines: dict[tuple, int] = field(default_factory=dict)


class _Parser:
    def __init__(self, text: str, path: Path, default_skills: list[str]) -> None:
        self.text = text[1:] if text.startswith("\ufeff") else text
        self.path = path
        self.default_skills = default_skills
        self.codec = _Codec(self.text)
        self.result = GiftResult()
        self.category: str | None = None
        self.settings_line: int | None = None
        self.drafts: list[_Draft] = []

    # -- reporting
    def problem(self, line: int, field_name: str, message: str) -> None:
        self.result.problems.append(Problem(self.path, line, field_name, message))

    def warn(self, line: int, field_name: str, message: str) -> None:
        self.result.warnings.append(Problem(self.path, line, field_name, message))

    # -- file level
    def run(self) -> GiftResult:
        lines = self.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        block: list[tuple[int, str]] = []
        for number, line in enumerate(lines, 1):
            if line.strip(_WS):
                block.append((number, line))
            elif block:
                self.block(block)
                block = []
        if block:
            self.block(block)
        self.build()
        self.result.problems.sort()
        self.result.warnings.sort()
        return self.result

    def block(self, block: list[tuple[int, str]]) -> None:
        rows: list[str] = []
        meta: dict | None = None
        meta_line: int | None = None
        meta_failed = False
        seen_question = False
        after_category: Any = _UNSET
        for number, line in block:
            stripped = line.strip(_WS)
            if stripped.startswith("//"):
                rows.append("")
                comment = stripped[2:].strip(_WS)
                if comment.startswith(SETTINGS_PREFIX):
                    self.read_settings(comment[len(SETTINGS_PREFIX):], number)
                elif comment.startswith(META_PREFIX):
                    if meta_line is not None:
                        self.problem(number, "workbook", "a second '// workbook:' comment for one "
                                     f"question (the first is on line {meta_line})")
                        meta_failed = True
                        continue
                    meta_line = number
                    meta = self.read_meta(comment[len(META_PREFIX):], number)
                    meta_failed = meta_failed or meta is None
                continue
            if stripped.startswith("$CATEGORY:"):
                rows.append("")
                value = self.codec.decode(self.codec.encode(stripped[len("$CATEGORY:"):])).strip(_WS)
                if len(value) > 300:
                    self.problem(number, "category", "category is longer than 300 characters")
                    value = value[:300].strip(_WS)
                if seen_question:
                    after_category = value or None
                else:
                    self.category = value or None
                continue
            seen_question = True
            rows.append(self.codec.encode(line))
        start = next((i for i, row in enumerate(rows) if row.strip(_WS)), None)
        if start is not None:
            # Rows before the question text are comments or categories: they do not count.
            text = "\n".join(rows[start:]).rstrip(_WS)
            self.question(_Block(text, block[start][0]), meta, meta_line, meta_failed)
        elif meta_line is not None:
            self.warn(meta_line, "workbook", "'// workbook:' comment with no question below it; ignored")
        if after_category is not _UNSET:
            self.category = after_category

    def read_settings(self, raw: str, line: int) -> None:
        if self.settings_line is not None:
            self.problem(line, "settings", f"settings are given twice (first on line {self.settings_line})")
            return
        self.settings_line = line
        try:
            data = json.loads(raw)
        except ValueError as error:
            self.problem(line, "settings", f"the settings comment is not valid JSON ({error})")
            return
        if not isinstance(data, dict):
            self.problem(line, "settings", "the settings comment must be a JSON object {...}")
            return
        try:
            self.result.settings = QuizSettings.model_validate(data)
        except ValidationError as error:
            for item in error.errors():
                where = ".".join(str(part) for part in item["loc"])
                self.problem(line, f"settings.{where}" if where else "settings", str(item["msg"]))

    def read_meta(self, raw: str, line: int) -> dict | None:
        try:
            data = json.loads(raw)
        except ValueError as error:
            self.problem(line, "workbook", f"the '// workbook:' comment is not valid JSON ({error})")
            return None
        if not isinstance(data, dict):
            self.problem(line, "workbook", "the '// workbook:' comment must be a JSON object {...}")
            return None
        unknown = sorted(set(data) - _META_KEYS)
        if unknown:
            self.warn(line, "workbook", f"unknown keys ignored: {', '.join(unknown)}")
        kind = data.get("type")
        if kind is not None and kind not in {str(t) for t in QuestionType}:
            self.problem(line, "workbook.type", f"unknown type '{kind}' "
                         f"(use one of: {', '.join(str(t) for t in QuestionType)})")
            return None
        if "id" in data and not isinstance(data["id"], str):
            self.problem(line, "workbook.id", "the id must be a text like 'my-question'")
            return None
        return data

    # -- one question
    def question(self, block: _Block, meta: dict | None, meta_line: int | None, meta_failed: bool) -> None:
        s = block.text
        p = len(s) - len(s.lstrip(_WS))
        line = block.line_of(p)
        count_before = len(self.result.problems)
        title: str | None = None
        if s.startswith("::", p):
            end = s.find("::", p + 2)
            if end < 0:
                self.problem(line, "title", "'::' opens a question title that is never closed "
                             "(write '::Title::' or escape a colon as '\\:')")
                return
            title = self.plain(s[p + 2:end]) or None
            p = end + 2
        opening, closing = s.find("{", p), s.find("}", p)
        if opening < 0 and closing < 0:
            self.problem(line, "question", "no answer block '{...}': GIFT descriptions "
                         "(text without answers) are not supported")
            return
        if closing >= 0 and (opening < 0 or closing < opening):
            self.problem(block.line_of(closing), "question", "'}' without an opening '{' "
                         "(escape a literal brace as '\\}')")
            return
        if closing < 0:
            self.problem(block.line_of(opening), "question", "'{' is never closed: end the answers "
                         "with '}' (escape a literal brace as '\\{')")
            return
        nested = s.find("{", opening + 1, closing)
        if nested >= 0:
            self.problem(block.line_of(nested), "question", "'{' inside the answer block: a question "
                         "has one block of answers (escape a literal brace as '\\{')")
            return
        after = s[closing + 1:]
        if after.strip(_WS):
            offset = closing + 1 + len(after) - len(after.lstrip(_WS))
            self.problem(block.line_of(offset), "question", "missing-word questions (text after the "
                         "answer block '{...}') are not supported: put the answers at the end")
            return
        prompt, fmt = self.formatted(s[p:opening])
        answers = s[opening + 1:closing]
        explanation: str | None = None
        split = answers.rfind("####")
        if split >= 0:
            explanation, _ = self.formatted(answers[split + 4:], fmt)
            answers = answers[:split]
        base = opening + 1

        kind = meta.get("type") if meta else None
        if kind is None:
            kind = self.detect(answers, block, base, line)
            if kind is None:
                return
        draft_data: dict[str, Any] = {"type": kind}
        draft = _Draft(draft_data, line, title, None)
        if kind == "true-false":
            ok = self.true_false(answers, block, base, fmt, draft)
        elif kind in ("matching", "ordering"):
            ok = self.matching(answers, block, base, fmt, draft, ordering=kind == "ordering")
        else:
            ok = self.choices(answers, block, base, fmt, draft, meta, meta_line or line, line)
        if not prompt:
            self.problem(line, "prompt", "the question has no text before its answers")
            ok = False
        if not ok or meta_failed or len(self.result.problems) > count_before:
            return
        if explanation is None or not explanation:
            explanation = EXPLANATION_PLACEHOLDER
            self.warn(block.line_of(closing), "explanation",
                      "no general feedback ('####...') in the GIFT file; placeholder written")
        draft_data["explanation"] = explanation
        draft_data["prompt"] = prompt
        if not self.apply_meta(draft, meta or {}, meta_line or line):
            return
        self.drafts.append(draft)

    def detect(self, answers: str, block: _Block, base: int, line: int) -> str | None:
        """The question type from the answer block alone, in Moodle's order; None after a problem."""
        stripped = answers.strip(_WS)
        at = block.line_of(base + len(answers) - len(answers.lstrip(_WS)))
        if not stripped:
            self.problem(line, "question", "essay questions ('{}' with no answers) are not supported")
        elif stripped.startswith("#"):
            self.problem(at, "question", "numerical questions ('{#...}') are not supported")
        elif "~" in answers:
            return "choice"
        elif "=" in answers and "->" in answers:
            return "matching"
        elif answers.split("#", 1)[0].strip(_WS).upper() in _TRUE | _FALSE:
            return "true-false"
        elif "=" not in answers:
            self.problem(at, "answers", f"'{_short(self.plain(stripped))}' is not an answer: start "
                         "each answer with '=' (right) or '~' (wrong), or write {T} or {F}")
        else:
            self.problem(at, "question", "short-answer questions (answers that all start with '=') "
                         "are not supported: add wrong answers with '~' to make a multiple choice")
        return None

    def choices(self, answers: str, block: _Block, base: int, fmt: str, draft: _Draft,
                meta: dict | None, meta_line: int, line: int) -> bool:
        marks = [i for i, char in enumerate(answers) if char in "=~"]
        lead = answers[:marks[0]] if marks else answers
        if lead.strip(_WS):
            offset = base + len(lead) - len(lead.lstrip(_WS))
            self.problem(block.line_of(offset), "answers", f"'{_short(self.plain(lead))}' is not an "
                         "answer: start each answer with '=' (right) or '~' (wrong)")
            return False
        parsed: list[_Answer] = []
        ok = True
        for n, start in enumerate(marks):
            end = marks[n + 1] if n + 1 < len(marks) else len(answers)
            body = answers[start + 1:end]
            at = block.line_of(base + start)
            weight: float | None = None
            stripped = body.lstrip(_WS)
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
            text, _ = self.formatted(text_part, fmt)
            feedback, _ = self.formatted(feedback_part, fmt)
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

    def true_false(self, answers: str, block: _Block, base: int, fmt: str, draft: _Draft) -> bool:
        parts = answers.split("#", 2)
        token = self.plain(parts[0]).upper()
        at = block.line_of(base + len(answers) - len(answers.lstrip(_WS)))
        if token not in _TRUE | _FALSE:
            self.problem(at, "answers", f"'{_short(self.plain(parts[0]))}' is not a true/false answer: "
                         "write T, TRUE, F or FALSE")
            return False
        answer = token in _TRUE
        wrong = self.formatted(parts[1], fmt)[0] if len(parts) > 1 else ""
        right = self.formatted(parts[2], fmt)[0] if len(parts) > 2 else ""
        feedback_true, feedback_false = (right, wrong) if answer else (wrong, right)
        for name, value in (("feedback_true", feedback_true), ("feedback_false", feedback_false)):
            if not value:
                self.warn(at, name, "no feedback in the GIFT file; placeholder written")
        draft.data.update(answer=answer, feedback_true=feedback_true or TRUE_FALSE_PLACEHOLDER,
                          feedback_false=feedback_false or TRUE_FALSE_PLACEHOLDER)
        return True

    def matching(self, answers: str, block: _Block, base: int, fmt: str, draft: _Draft,
                 ordering: bool) -> bool:
        marks = [i for i, char in enumerate(answers) if char == "="]
        lead = answers[:marks[0]] if marks else answers
        if lead.strip(_WS):
            offset = base + len(lead) - len(lead.lstrip(_WS))
            self.problem(block.line_of(offset), "pairs", f"'{_short(self.plain(lead))}' is not a pair: "
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
                self.problem(at, "pairs", f"pair '{_short(self.plain(body))}' has no '->': "
                             "write '=left -> right'")
                ok = False
                continue
            if "#" in body:
                self.warn(at, "pairs", "GIFT matching pairs have no feedback: the '#' is kept as text")
            left, _ = self.formatted(body[:arrow], fmt)
            right = self.plain(body[arrow + 2:])
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

    def apply_meta(self, draft: _Draft, meta: dict, meta_line: int) -> bool:
        data = draft.data
        data["skills"] = meta.get("skills", self.default_skills)
        if not data["skills"]:
            self.problem(draft.line, "skills", "no skills: add them in a '// workbook:' comment or "
                         "import into a module that lists skills")
            return False
        category = meta.get("category", self.category)
        if category is not None:
            data["category"] = category
        draft.meta_id = meta.get("id")
        if data["type"] == "best-response":
            context, caller = meta.get("context"), meta.get("caller_line")
            if not isinstance(context, str) or not isinstance(caller, str):
                self.problem(meta_line, "workbook", "a best-response question needs 'context' and "
                             "'caller_line' in its '// workbook:' comment")
                return False
            prefix = best_response_text(context.strip(_WS), caller.strip(_WS), "")
            if not data["prompt"].startswith(prefix):
                self.problem(draft.line, "prompt", "the question text no longer starts with the "
                             "context and caller line of its '// workbook:' comment: edit both "
                             "together, or delete the comment to import a multiple choice")
                return False
            data.update(context=context, caller_line=caller, prompt=data["prompt"][len(prefix):].strip(_WS))
        return True

    # -- ids and models
    def build(self) -> None:
        used = {d.meta_id for d in self.drafts if d.meta_id is not None}
        for draft in self.drafts:
            if draft.meta_id is not None:
                draft.data["id"] = draft.meta_id
                continue
            source = draft.title or draft.data.get("prompt", "")
            base = _slugify(source, 56 if draft.title else 40)
            new_id, k = base, 2
            while new_id in used:
                new_id, k = f"{base}-{k}", k + 1
            used.add(new_id)
            draft.data["id"] = new_id
            if draft.title is None:
                self.warn(draft.line, "id", f"no '::title::'; id '{new_id}' made from the question text "
                          "(ids should not change once learners have attempts)")
            elif new_id != base:
                self.warn(draft.line, "id", f"title '{_short(draft.title)}' gives id '{base}', "
                          f"already used; this question gets '{new_id}'")
        lines: dict[tuple, int] = {}
        for draft in self.drafts:
            try:
                question = QuestionAdapter.validate(draft.data)
            except ValidationError as error:
                for item in error.errors():
                    loc = tuple(part for part in item["loc"] if part not in {str(t) for t in QuestionType})
                    where = ".".join(str(part) for part in loc) or "question"
                    at = draft.item_lines.get(tuple(loc[:2]), draft.line)
                    self.problem(at, where, str(item["msg"]))
                continue
            index = len(self.result.questions)
            self.result.questions.append(question)
            self.result.lines.append(draft.line)
            lines[("questions", index)] = draft.line
            for (name, n), at in draft.item_lines.items():
                lines[("questions", index, name, n)] = at
        if self.settings_line is not None:
            lines[("settings",)] = self.settings_line
        if not self.result.questions:
            if not self.result.problems:
                self.problem(1, "questions", "no questions found in the file")
            return
        quiz = QuizFile(settings=self.result.settings or QuizSettings(), questions=self.result.questions)
        self.result.problems += check_quiz_rules(quiz, self.path, LocatedYaml(None, lines), {})

    # -- text pieces
    def formatted(self, piece: str, default: str = "moodle") -> tuple[str, str]:
        """(text, format) of one piece: format marker stripped, html tags removed, escapes undone."""
        piece = piece.strip(_WS)
        fmt = default
        match = FORMAT_MARK.match(piece)
        if match:
            fmt = match.group(1)
            piece = piece[match.end():]
        if fmt == "html":
            piece = " ".join(part.strip(_WS) for part in piece.split("\n"))
            piece = _TAG_BREAK.sub("\n", piece)
            piece = html.unescape(_TAG.sub("", piece))
            piece = "\n".join(part.strip(_WS) for part in piece.split("\n"))
            return self.codec.decode(piece).strip(_WS), fmt
        return self.plain(piece), fmt

    def plain(self, piece: str) -> str:
        joined = " ".join(part.strip(_WS) for part in piece.split("\n") if part.strip(_WS))
        return self.codec.decode(joined).strip(_WS)


def _slugify(text: str, limit: int) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
        slug = slug.strip("-")
    return slug or "question"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."
