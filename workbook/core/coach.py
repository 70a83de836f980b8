"""Typed-reply coach: check an agent's own reply against editable rules, offline and explainably.

The rules live in `lessons/coach/rules.yaml` so trainers can tune them without touching code; every
verdict carries the character spans it found, so the learner sees *which words* earned or cost mood.
Phrases are read in their sentence (`sentences.py`): a negated "sorry", a "sorry, but ..." that
blames, and keywords strung together without a clause earn nothing; words the caller used
themselves are not jargon; a refusal followed by a way forward ("..., but I can ...") is not a closed
door (`unless_offered`). Patterns that could backtrack catastrophically are refused at load.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from workbook.core.call_engine import TYPED_MOOD_LIMIT
from workbook.core.coach_encoder import ENCODER_FILE_NAME, CoachEncoder, check_encoder
from workbook.core.coach_encoder import find as encoder_find
from workbook.core.coach_model import MODEL_FILE_NAME, CoachModel, check_model
from workbook.core.coach_model import find as model_find
from workbook.core.content_cache import LazyPattern
from workbook.core.problems import Problem
from workbook.core.regex_guard import GUARD_VERSION, backtracking_risk
from workbook.core.sentences import Reading, negated, said_in_a_clause, sentences, taken_back

if TYPE_CHECKING:
    from workbook.core.walk_cache import WalkCache
    from workbook.core.yaml_lines import LocatedYaml

RULES_FILE = Path("coach") / "rules.yaml"
KINDS = ("do", "avoid")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PATTERN_CHECKS = f"coach pattern, guard {GUARD_VERSION}"  # what a remembered pattern passed
_COMPILED_FLAGS = re.compile("", re.IGNORECASE).flags  # as a compiled pattern reports them (an int)
_RULE_KEYS = {"id", "kind", "title", "explanation", "mood", "phrases", "patterns", "exceptions", "requires",
              "unless_offered", "contrast_takes_back", "callers_words_allowed"}
_READING_LISTS = {"negations": "negations", "passed_over": "passed_over", "contrasts": "contrasts",
                  "clause_words": "clause_words"}
_READING_NUMBERS = {"negation_reach": (1, 6), "min_clause_words": (1, 10), "long_clause_words": (1, 20)}
MODEL_MIN_WORDS = 3  # a shorter reply is left to the phrases ("Hold please." is one of theirs)
MAX_COACHED_CHARS = 2000  # a reply is read this far (typed replies are kept to 600 characters)
_GROUP_KEYS = {"phrases", "patterns"}
# Curly quotes typed on phones and word processors; same length, so spans still index the original.
_NORMALISE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
Span = tuple[int, int]


class CoachRulesError(Exception):
    """The rules file cannot be used; `problems` says where (`path:line`) and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class CoachRule(Struct, frozen=True):
    """One thing the coach looks for; `matchers` find it, `exceptions` cancel overlapping finds."""

    id: str
    kind: str
    title: str
    explanation: str
    mood: int
    matchers: tuple[re.Pattern[str], ...]
    exceptions: tuple[re.Pattern[str], ...] = ()
    requires: tuple[re.Pattern[str], ...] = ()
    unless_offered: tuple[re.Pattern[str], ...] = ()  # a way forward after the find cancels it
    contrast_takes_back: bool = False  # "sorry, but <something to avoid>" does not count
    callers_words_allowed: bool = False  # words the caller used themselves are not found


class CoachRules(Struct, frozen=True):
    """All rules, in file order, the range the caller's mood change is kept within, and how
    sentences are read."""

    rules: tuple[CoachRule, ...]
    mood_min: int = -20
    mood_max: int = 20
    reading: Reading = Reading()
    model: CoachModel | None = None  # lessons/coach/model.yaml, when there is one
    encoder: CoachEncoder | None = None  # lessons/coach/encoder.yaml, when there is one

    def rule(self, rule_id: str) -> CoachRule:
        return next(r for r in self.rules if r.id == rule_id)


class RuleVerdict(Struct, frozen=True):
    """Whether one rule was found in the reply, and where, so the words can be highlighted."""

    rule_id: str
    kind: str
    title: str
    present: bool
    spans: tuple[Span, ...]
    explanation: str
    mood_change: int

    @property
    def ok(self) -> bool:
        """True when the reply does what the rule wants (a "do" found, an "avoid" absent)."""
        return self.present == (self.kind == "do")


class CoachResult(Struct, frozen=True):
    """The coach's verdict on a reply: one entry per rule and the clamped mood change."""

    text: str
    verdicts: tuple[RuleVerdict, ...]
    mood_change: int

    def verdict(self, rule_id: str) -> RuleVerdict:
        return next(v for v in self.verdicts if v.rule_id == rule_id)

    @property
    def present(self) -> dict[str, bool]:
        return {v.rule_id: v.present for v in self.verdicts}

    def to_payload(self) -> dict[str, Any]:
        """The verdict as JSON-ready data, stored with a typed turn (the text is stored beside it)."""
        return {"mood_change": self.mood_change,
                "verdicts": [{"rule_id": v.rule_id, "kind": v.kind, "title": v.title, "present": v.present,
                              "spans": [list(span) for span in v.spans], "explanation": v.explanation,
                              "mood_change": v.mood_change} for v in self.verdicts]}

    @classmethod
    def from_payload(cls, text: str, data: Any) -> CoachResult | None:
        """A stored verdict on `text`; None when it is missing or malformed (a tampered row)."""
        try:
            verdicts = tuple(
                RuleVerdict(str(v["rule_id"]), str(v["kind"]), str(v["title"]), bool(v["present"]),
                            tuple((int(start), int(end)) for start, end in v["spans"]),
                            str(v["explanation"]), int(v["mood_change"]))
                for v in data["verdicts"])
            if any(v.kind not in KINDS or any(not 0 <= s <= e <= len(text) for s, e in v.spans)
                   for v in verdicts):
                return None
            return cls(text, verdicts, int(data["mood_change"]))
        except (KeyError, TypeError, ValueError):
            return None


class _Reader(Struct):
    path: Path
    located: LocatedYaml
    problems: list[Problem] = field(default_factory=list)
    known_good: WalkCache | None = None  # patterns that passed the guard and compiled before

    def report(self, where: tuple, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.located.line_of(where), field_name, message))


def phrase_pattern(phrase: str) -> str:
    """A regex for a plain phrase: whole words, any run of spaces, apostrophes optional."""
    parts = []
    for char in phrase.strip():
        if char.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char in "'\u2019":
            parts.append("'?")
        else:
            parts.append(re.escape(char))
    body = "".join(parts)
    start = r"(?<!\w)" if phrase.strip()[:1].isalnum() else ""
    end = r"(?!\w)" if phrase.strip()[-1:].isalnum() else ""
    return start + body + end


def check_rules(path: Path, known_good: WalkCache | None = None, assets_dir: Path | None = None,
                ) -> tuple[CoachRules | None, list[Problem]]:
    """(rules, problems) for a rules file; rules is None whenever there is any problem but the
    encoder's files (`assets_dir`): missing or changed, they are reported and the coach answers
    without the encoder. Patterns that `known_good` remembers passing the backtracking guard and
    compiling are not checked again, and are compiled when first used."""
    from workbook.core.schema_problems import read_mapping  # YAML: only to load

    located, problems = read_mapping(path, "rules", "expected a 'rules:' list")
    if located is None:
        return None, problems
    reader = _Reader(path, located, known_good=known_good)
    data = located.data
    if not isinstance(data.get("rules"), list):
        reader.report(("rules",), "rules", "expected a 'rules:' list")
        return None, reader.problems
    mood_min, mood_max = -20, 20
    if "mood_range" in data:
        value = data["mood_range"]
        if (isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)
                and -TYPED_MOOD_LIMIT <= value[0] <= 0 <= value[1] <= TYPED_MOOD_LIMIT):
            mood_min, mood_max = value
        else:  # a typed turn in a practice call moves the mood by TYPED_MOOD_LIMIT at most
            reader.report(("mood_range",), "mood_range",
                          f"expected [low, high]: whole numbers, -{TYPED_MOOD_LIMIT} <= low <= 0 <= high "
                          f"<= {TYPED_MOOD_LIMIT}")
    reading = _read_reading(reader, data.get("reading"))
    rules: list[CoachRule] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data["rules"]):
        rule = _read_rule(reader, index, raw)
        if rule is None:
            continue
        if rule.id in seen:
            reader.report(("rules", index, "id"), f"rules.{index}.id",
                          f"duplicate rule id '{rule.id}' (first used by rule {seen[rule.id] + 1})")
        seen.setdefault(rule.id, index)
        rules.append(rule)
    if reader.problems:
        return None, reader.problems
    model = None
    if (path.parent / MODEL_FILE_NAME).is_file():
        model, problems = check_model(path.parent / MODEL_FILE_NAME, {r.id: r.kind for r in rules})
        if problems:
            return None, problems
    encoder, problems = None, []
    if (path.parent / ENCODER_FILE_NAME).is_file():
        from workbook.core.images import default_assets_dir

        encoder, problems = check_encoder(path.parent / ENCODER_FILE_NAME, {r.id: r.kind for r in rules},
                                          assets_dir or default_assets_dir(path.parent.parent), known_good)
        if encoder is None:
            return None, problems
    return CoachRules(tuple(rules), mood_min, mood_max, reading, model, encoder), problems


def _read_reading(reader: _Reader, raw: Any) -> Reading:
    """The `reading:` block: word lists and small numbers; anything missing keeps its default."""
    if raw is None:
        return Reading()
    if not isinstance(raw, dict):
        reader.report(("reading",), "reading", "expected word lists such as 'negations:' and 'contrasts:'")
        return Reading()
    values: dict[str, Any] = {}
    for key, value in raw.items():
        where = ("reading", key)
        if key in _READING_LISTS:
            if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
                reader.report(where, f"reading.{key}", "expected a list of words")
                continue
            values[_READING_LISTS[key]] = frozenset(w.strip().lower() for w in value)
        elif key in _READING_NUMBERS:
            low, high = _READING_NUMBERS[key]
            if type(value) is not int or not low <= value <= high:
                reader.report(where, f"reading.{key}", f"expected a whole number from {low} to {high}")
                continue
            values[key] = value
        else:
            known = ", ".join(sorted([*_READING_LISTS, *_READING_NUMBERS]))
            reader.report(where, f"reading.{key}", f"unknown field (expected one of {known})")
    return Reading(**values)


def load_rules(path: Path) -> CoachRules:
    """The coach rules in `path`; raises CoachRulesError listing `path:line` problems."""
    rules, problems = check_rules(path)
    if rules is None:
        raise CoachRulesError(problems)
    return rules


def _read_rule(reader: _Reader, index: int, raw: Any) -> CoachRule | None:
    at = ("rules", index)
    label = f"rules.{index}"
    if not isinstance(raw, dict):
        reader.report(at, label, "expected a rule with id, kind, title, explanation, mood and patterns")
        return None
    before = len(reader.problems)
    for key in raw:
        if key not in _RULE_KEYS:
            reader.report(at + (key,), f"{label}.{key}",
                          f"unknown field (expected one of {', '.join(sorted(_RULE_KEYS))})")
    texts = {}
    for key in ("id", "title", "explanation"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            reader.report(at + (key,), f"{label}.{key}", "required text is missing")
        texts[key] = str(value or "").strip()
    if texts["id"] and not _ID.match(texts["id"]):
        reader.report(at + ("id",), f"{label}.id", "use lower-case letters, digits and hyphens")
    kind = raw.get("kind")
    if kind not in KINDS:
        reader.report(at + ("kind",), f"{label}.kind", f"expected 'do' or 'avoid', got {kind!r}")
    mood = raw.get("mood")
    if type(mood) is not int:
        reader.report(at + ("mood",), f"{label}.mood", "expected a whole number such as 6 or -8")
    elif (kind == "do" and mood < 0) or (kind == "avoid" and mood > 0):
        reader.report(at + ("mood",), f"{label}.mood",
                      "a 'do' rule should raise the mood (>= 0), an 'avoid' rule lower it (<= 0)")
    matchers = _read_group(reader, at, raw, label)
    if not matchers and len(reader.problems) == before:
        reader.report(at, label, "give at least one entry in 'phrases' or 'patterns'")
    groups: dict[str, tuple[re.Pattern[str], ...]] = {}
    for key in ("exceptions", "requires", "unless_offered"):
        if key not in raw:
            continue
        group = raw[key]
        if not isinstance(group, dict) or not set(group) <= _GROUP_KEYS:
            reader.report(at + (key,), f"{label}.{key}", "expected 'phrases:' and/or 'patterns:' lists")
            continue
        groups[key] = _read_group(reader, at + (key,), group, f"{label}.{key}")
    flags = {}
    for key in ("contrast_takes_back", "callers_words_allowed"):
        value = raw.get(key, False)
        if not isinstance(value, bool):
            reader.report(at + (key,), f"{label}.{key}", "expected true or false")
        flags[key] = value is True
    if len(reader.problems) > before:
        return None
    return CoachRule(texts["id"], kind, texts["title"], " ".join(texts["explanation"].split()), mood,
                     matchers, groups.get("exceptions", ()), groups.get("requires", ()),
                     groups.get("unless_offered", ()), **flags)


def _read_group(reader: _Reader, at: tuple, raw: dict, label: str) -> tuple[re.Pattern[str], ...]:
    compiled: list[re.Pattern[str]] = []
    for key in ("phrases", "patterns"):
        items = raw.get(key, [])
        if not isinstance(items, list):
            reader.report(at + (key,), f"{label}.{key}", "expected a list")
            continue
        for number, item in enumerate(items):
            where = at + (key, number)
            if not isinstance(item, str) or not item.strip():
                reader.report(where, f"{label}.{key}.{number}", "expected non-empty text")
                continue
            source = phrase_pattern(item) if key == "phrases" else item
            digest = reader.known_good.digest(source, _PATTERN_CHECKS) if reader.known_good else None
            if digest is not None and reader.known_good.passed(digest):
                compiled.append(LazyPattern(source, _COMPILED_FLAGS))
                continue
            # A phrase's pattern repeats only single characters (`\s+`, `'?`): it cannot backtrack.
            risk = backtracking_risk(source) if key == "patterns" else None
            if risk:
                reader.report(where, f"{label}.{key}.{number}", f"refused: {risk}")
                continue
            try:
                compiled.append(re.compile(source, re.IGNORECASE))
            except re.error as error:
                reader.report(where, f"{label}.{key}.{number}", f"not a valid regular expression: {error}")
                continue
            if digest is not None:
                reader.known_good.remember(digest)
    return tuple(compiled)


def _find(patterns: tuple[re.Pattern[str], ...], text: str) -> list[Span]:
    return [m.span() for pattern in patterns for m in pattern.finditer(text) if m.end() > m.start()]


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def coach_reply(text: str, rules: CoachRules, context: str = "", use_model: bool = True,
                use_encoder: bool = True) -> CoachResult:
    """Check a typed reply against every rule; the mood change is the clamped sum of found rules.

    `context` is what the caller said (their line, or the call so far): words from it are not
    jargon when the caller used them first ("MRI" in a call about an MRI). A rule with a model
    (`coach_model.py`) is also found when the model's score reaches its threshold; the words that
    weighed most are its spans, and for a "do" rule they must pass the same reading as its phrases
    (`said_as_meant`). The model is not asked about a reply of fewer than
    MODEL_MIN_WORDS words, nor when the rule's exceptions or ways forward are in the reply ("I'm going
    to slow down", "I can't promise", "..., but I can ..."); nor is the encoder (`coach_encoder.py`),
    asked after both. `use_model=False`: the phrases alone; `use_encoder=False`: no encoder."""
    normal = text[:MAX_COACHED_CHARS].translate(_NORMALISE)
    reading = rules.reading
    spans = sentences(normal)
    context = context.translate(_NORMALISE)
    found: dict[str, list[Span]] = {}
    for rule in sorted(rules.rules, key=lambda r: r.kind != "avoid"):  # "avoid" first: a "but" needs them
        cancelled = _find(rule.exceptions, normal)
        hits = [span for span in _find(rule.matchers, normal) if not _overlaps(span, cancelled)]
        if hits and rule.unless_offered:  # the door is not closed when a way forward follows the find
            offers = _find(rule.unless_offered, normal)
            hits = [span for span in hits if not any(start >= span[1] for start, _end in offers)]
        if rule.callers_words_allowed and context:
            hits = [span for span in hits if not _said_by_caller(normal[span[0]:span[1]], context)]
        avoided = [span for r in rules.rules if r.kind == "avoid" for span in found.get(r.id, [])]
        if rule.kind == "do":
            hits = said_as_meant(rule, hits, normal, reading, avoided)
        elif rule.contrast_takes_back:
            hits = [span for span in hits if not taken_back(span, normal, spans, avoided, reading)]
        if hits and rule.requires:
            needed = [span for span in _find(rule.requires, normal) if not _overlaps(span, cancelled)]
            hits = hits + needed if needed else []
        if not hits and use_model and not model_held_back(rule, normal):
            hits = _learned(rules, rule.id, normal, spans, use_encoder)
            if rule.kind == "do":  # the model's words earn credit only as the phrases would
                hits = said_as_meant(rule, hits, normal, reading, avoided)
        found[rule.id] = hits
    verdicts = []
    for rule in rules.rules:
        present = bool(found[rule.id])
        verdicts.append(RuleVerdict(rule.id, rule.kind, rule.title, present, _merge(found[rule.id]),
                                    rule.explanation, rule.mood if present else 0))
    total = sum(v.mood_change for v in verdicts)
    return CoachResult(text, tuple(verdicts), max(rules.mood_min, min(rules.mood_max, total)))


def said_as_meant(rule: CoachRule, hits: list[Span], text: str, reading: Reading, avoided: list[Span],
                  ) -> list[Span]:
    """The finds of a "do" rule that count: not negated ("I'm not sorry"), inside a real clause
    ("Sorry. Frustrating. What?" earns nothing) and, for a rule with contrast_takes_back, not taken
    back by a "but" before something to avoid (`avoided`: the spans the "avoid" rules found).
    `text` is the reply as the coach reads it (curly quotes made straight)."""
    spans = sentences(text)
    hits = [span for span in hits
            if not negated(span, text, reading) and said_in_a_clause(span, text, spans, reading)]
    if rule.contrast_takes_back:
        hits = [span for span in hits if not taken_back(span, text, spans, avoided, reading)]
    return hits


def _learned(rules: CoachRules, rule_id: str, text: str, spans: list[Span], use_encoder: bool) -> list[Span]:
    """The linear model's find, else the encoder's (which loads on first use)."""
    model = rules.model.rules.get(rule_id) if rules.model else None
    hits = list(model_find(model, text)) if model is not None else []
    if not hits and use_encoder and rules.encoder is not None and rule_id in rules.encoder.thresholds:
        hits = list(encoder_find(rules.encoder, rule_id, text, spans))
    return hits


def model_held_back(rule: CoachRule, text: str) -> bool:
    """True when the reply is too short for a sum of weights to mean anything, or says something the
    rule lists as not itself (an exception) or a way forward (`unless_offered`): the phrases read
    those in context, a sum of weights cannot."""
    return (len(re.findall(r"[A-Za-z0-9']+", text)) < MODEL_MIN_WORDS
            or bool(_find(rule.exceptions, text) or _find(rule.unless_offered, text)))


def _said_by_caller(words: str, context: str) -> bool:
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words.split()) + r"(?!\w)"
    return re.search(pattern, context, re.IGNORECASE) is not None


# Inline colours as well as classes: Qt rich text has no stylesheet for the reply preview.
