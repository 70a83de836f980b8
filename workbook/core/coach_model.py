"""A tiny linear model beside the coach's phrase rules, for the rephrasings no phrase list foresees.

Phrase rules read well but miss a new writer's wording ("that was your call, not ours"). For most
rules the coach also asks a logistic regression over words, word pairs and letter runs,
trained offline on every labelled reply (`bench/coach_train.py`) and saved as plain weights in
`lessons/coach/model.yaml`; a rule is found when its phrases find it OR the model's score reaches the
rule's threshold (chosen by leave-one-labeller-out cross-validation). Scoring is a sum of weights in
pure Python, and the words whose weights pushed the score up are the ones highlighted, so a verdict
still points at words.
"""

from __future__ import annotations

import functools
import math
import re
from pathlib import Path
from typing import Any

from msgspec import Struct

from workbook.core.problems import Problem

MODEL_FILE_NAME = "model.yaml"  # next to rules.yaml
HIGHLIGHTED_WORDS = 3  # at most this many words are highlighted for a model's find
_NEGATIONS = frozenset({"not", "no", "never", "dont", "cant", "wont", "isnt", "didnt", "doesnt", "wasnt",
                        "arent", "nothing", "shouldnt", "wouldnt", "couldnt", "havent", "hasnt"})
CHAR_SIZES = (3, 4, 5)
Span = tuple[int, int]


class RuleModel(Struct, frozen=True):
    """One rule's weights: found when bias + the weights of the reply's features >= threshold."""

    rule_id: str
    bias: float
    threshold: float
    weights: dict[str, float]


class CoachModel(Struct, frozen=True):
    """The rules that have a model, by rule id."""

    rules: dict[str, RuleModel]


def _tokens(text: str) -> list[tuple[str, Span]]:
    """Lower-case words (apostrophes dropped: "don't" is "dont") and punctuation, with their spans."""
    lowered = text.lower()
    out = []
    for match in re.finditer(r"[a-z0-9']+|[.,!?;:]", lowered):
        word = match.group().replace("'", "")
        if word:
            out.append((word, match.span()))
    return out


def features(text: str) -> list[tuple[str, tuple[Span, ...]]]:
    """Every feature of `text` with the word spans it came from: words ("w:"), marked "NOT_" after a
    negation up to the next punctuation, word pairs ("b:") and letter runs of 3-5 inside a word ("c:")."""
    words: list[tuple[str, Span]] = []
    negated = False
    for token, span in _tokens(text.replace("\u2019", "'")):
        if not token[0].isalnum():
            negated = False
            words.append((token, span))
            continue
        words.append((("NOT_" if negated else "") + token, span))
        if token in _NEGATIONS:
            negated = True
    found: list[tuple[str, tuple[Span, ...]]] = []
    for word, span in words:
        found.append(("w:" + word, (span,)))
    for (a, sa), (b, sb) in zip(words, words[1:], strict=False):
        found.append((f"b:{a} {b}", (sa, sb)))
    for word, span in words:
        plain = word.removeprefix("NOT_")
        if not plain[0].isalnum():
            continue
        padded = f" {plain} "
        for size in CHAR_SIZES:
            for start in range(0, max(0, len(padded) - size) + 1):
                found.append(("c:" + padded[start:start + size], (span,)))
    return found


@functools.lru_cache(maxsize=64)
def feature_names(text: str) -> frozenset[str]:
    """The distinct feature names of `text` (what the trainer counts). Kept for the last few replies:
    the coach asks every rule's model about the same reply."""
    return frozenset(name for name, _spans in features(text))


def score(model: RuleModel, text: str) -> float:
    """The model's probability-like score in 0..1: the logistic of the bias plus the weights of the
    reply's features, divided by the square root of how many features it has (so length alone does
    not push the score)."""
    names = feature_names(text)
    if not names:
        return 1.0 / (1.0 + math.exp(-model.bias))
    total = model.bias + sum(model.weights.get(name, 0.0) for name in names) / math.sqrt(len(names))
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, total))))


def find(model: RuleModel, text: str) -> tuple[Span, ...]:
    """The spans of the words that pushed the score up most, or () when the score is below threshold."""
    if score(model, text) < model.threshold:
        return ()
    per_word: dict[Span, float] = {}
    for name, spans in dict(features(text)).items():  # a feature met twice counts once, as in score()
        weight = model.weights.get(name, 0.0)
        for span in spans:
            per_word[span] = per_word.get(span, 0.0) + weight / len(spans)
    ranked = sorted((w, span) for span, w in per_word.items()
                    if w > 0 and text[span[0]:span[1]].strip(".,!?;:"))
    top = [span for _w, span in reversed(ranked[-HIGHLIGHTED_WORDS:])]
    return tuple(sorted(top)) or ((0, len(text)),)


def check_model(path: Path, rule_ids: dict[str, str]) -> tuple[CoachModel | None, list[Problem]]:
    """(model, problems) for a model file; `rule_ids` maps each rule id to its kind. A "do" rule's
    model earns credit only for words the coach reads as meant (coach.said_as_meant): not negated,
    inside a real clause, not taken back by a "but"."""
    from workbook.core.schema_problems import read_mapping  # YAML: only to load

    located, problems = read_mapping(path, "rules", "expected a 'rules:' mapping of rule id to weights")
    if located is None:
        return None, problems
    data = located.data
    raw_rules = data.get("rules")

    def report(where: tuple, field_name: str, message: str) -> None:
        problems.append(Problem(path, located.line_of(where), field_name, message))

    if not isinstance(raw_rules, dict):
        report(("rules",), "rules", "expected a 'rules:' mapping of rule id to weights")
        return None, problems
    models: dict[str, RuleModel] = {}
    for rule_id, raw in raw_rules.items():
        at = ("rules", rule_id)
        label = f"rules.{rule_id}"
        if rule_id not in rule_ids:
            report(at, label, "no rule with this id in rules.yaml")
            continue
        model = _read_rule_model(rule_id, raw, at, label, report)
        if model is not None:
            models[rule_id] = model
    if problems:
        return None, problems
    return CoachModel(models), []


def _number(value: Any) -> bool:
    return type(value) in (int, float) and math.isfinite(value)


def _read_rule_model(rule_id: str, raw: Any, at: tuple, label: str, report) -> RuleModel | None:
    if not isinstance(raw, dict):
        report(at, label, "expected bias, threshold and weights")
        return None
    ok = True
    for key in ("bias", "threshold"):
        if not _number(raw.get(key)):
            report(at + (key,), f"{label}.{key}", "expected a number")
            ok = False
    threshold = raw.get("threshold")
    if _number(threshold) and not 0 < threshold <= 1:
        report(at + ("threshold",), f"{label}.threshold", "expected a number above 0 and at most 1")
        ok = False
    weights = raw.get("weights")
    if not isinstance(weights, dict) or not all(isinstance(k, str) and _number(v)
                                                for k, v in weights.items()):
        report(at + ("weights",), f"{label}.weights", "expected feature: number lines")
        ok = False
    if not ok:
        return None
    return RuleModel(rule_id, float(raw["bias"]), float(threshold),
                     {str(k): float(v) for k, v in weights.items()})
