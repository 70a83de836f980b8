"""Read Moodle GIFT text into a module's quiz models, reporting everything it cannot use as `path:line`.

Trainers often already have question banks in GIFT (Moodle's plain-text format). `parse_gift` turns
such a file into our question models like the content loader does, and reads back the
`// workbook:` comments that `gift_writer` adds (see `gift_syntax`).

The parser follows Moodle's own importer (question/format/gift/format.php) where it matters: the
answer block decides the type, `####` starts the general feedback, true/false feedback is
`#for a wrong answer#for the right answer`. Physical line breaks inside a question read as spaces;
write `\\n` for a real line break.

This module reads the file: question blocks, comments, categories, settings, ids and the final
models. The answer block of each question type is `gift_answers.py`; escapes, format markers and
HTML in a piece of text are `gift_text.py`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from msgspec import Struct, field
from pydantic import ValidationError

from workbook.core import schemas
from workbook.core.gift_answers import AnswerReader, Draft
from workbook.core.gift_syntax import META_PREFIX, SETTINGS_PREFIX, best_response_text
from workbook.core.gift_text import WS, Block, GiftCodec, short
from workbook.core.problems import Problem
from workbook.core.quiz import QuestionType, QuizFile, QuizSettings
from workbook.core.quiz_loader import check_quiz_rules
from workbook.core.yaml_lines import LocatedYaml

EXPLANATION_PLACEHOLDER = "No explanation yet (imported from GIFT)."

_META_KEYS = {"id", "type", "skills", "context", "caller_line", "category", "correct", "weights"}
_UNSET: Any = object()


class GiftResult(Struct):
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


class _Parser:
    def __init__(self, text: str, path: Path, default_skills: list[str]) -> None:
        self.text = text[1:] if text.startswith("\ufeff") else text
        self.path = path
        self.default_skills = default_skills
        self.codec = GiftCodec(self.text)
        self.reader = AnswerReader(self.codec, self.problem, self.warn)
        self.result = GiftResult()
        self.category: str | None = None
        self.settings_line: int | None = None
        self.drafts: list[Draft] = []

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
            if line.strip(WS):
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
            stripped = line.strip(WS)
            if stripped.startswith("//"):
                rows.append("")
                comment = stripped[2:].strip(WS)
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
                value = self.codec.decode(self.codec.encode(stripped[len("$CATEGORY:"):])).strip(WS)
                if len(value) > 300:
                    self.problem(number, "category", "category is longer than 300 characters")
                    value = value[:300].strip(WS)
                if seen_question:
                    after_category = value or None
                else:
                    self.category = value or None
                continue
            seen_question = True
            rows.append(self.codec.encode(line))
        start = next((i for i, row in enumerate(rows) if row.strip(WS)), None)
        if start is not None:
            # Rows before the question text are comments or categories: they do not count.
            text = "\n".join(rows[start:]).rstrip(WS)
            self.question(Block(text, block[start][0]), meta, meta_line, meta_failed)
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
            self.result.settings = schemas.validate(schemas.QuizSettings, data)
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
    def question(self, block: Block, meta: dict | None, meta_line: int | None, meta_failed: bool) -> None:
        s = block.text
        p = len(s) - len(s.lstrip(WS))
        line = block.line_of(p)
        count_before = len(self.result.problems)
        title: str | None = None
        if s.startswith("::", p):
            end = s.find("::", p + 2)
            if end < 0:
                self.problem(line, "title", "'::' opens a question title that is never closed "
                             "(write '::Title::' or escape a colon as '\\:')")
                return
            title = self.codec.plain(s[p + 2:end]) or None
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
        if after.strip(WS):
            offset = closing + 1 + len(after) - len(after.lstrip(WS))
            self.problem(block.line_of(offset), "question", "missing-word questions (text after the "
                         "answer block '{...}') are not supported: put the answers at the end")
            return
        prompt, fmt = self.codec.formatted(s[p:opening])
        answers = s[opening + 1:closing]
        explanation: str | None = None
        split = answers.rfind("####")
        if split >= 0:
            explanation, _ = self.codec.formatted(answers[split + 4:], fmt)
            answers = answers[:split]
        base = opening + 1

        kind = meta.get("type") if meta else None
        if kind is None:
            kind = self.reader.detect(answers, block, base, line)
            if kind is None:
                return
        draft_data: dict[str, Any] = {"type": kind}
        draft = Draft(draft_data, line, title, None)
        if kind == "true-false":
            ok = self.reader.true_false(answers, block, base, fmt, draft)
        elif kind in ("matching", "ordering"):
            ok = self.reader.matching(answers, block, base, fmt, draft, ordering=kind == "ordering")
        else:
            ok = self.reader.choices(answers, block, base, fmt, draft, meta, meta_line or line, line)
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

    def apply_meta(self, draft: Draft, meta: dict, meta_line: int) -> bool:
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
            prefix = best_response_text(context.strip(WS), caller.strip(WS), "")
            if not data["prompt"].startswith(prefix):
                self.problem(draft.line, "prompt", "the question text no longer starts with the "
                             "context and caller line of its '// workbook:' comment: edit both "
                             "together, or delete the comment to import a multiple choice")
                return False
            data.update(context=context, caller_line=caller, prompt=data["prompt"][len(prefix):].strip(WS))
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
                self.warn(draft.line, "id", f"title '{short(draft.title)}' gives id '{base}', "
                          f"already used; this question gets '{new_id}'")
        lines: dict[tuple, int] = {}
        for draft in self.drafts:
            try:
                question = schemas.validate_question(draft.data)
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

def _slugify(text: str, limit: int) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
        slug = slug.strip("-")
    return slug or "question"


