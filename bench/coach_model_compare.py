"""Would a small trained model beat the coach's phrase rules? A side-by-side on the held-out replies.

The model is the smallest honest baseline that runs offline with nothing fetched: one logistic
regression per rule over word unigrams and bigrams (words after a negation marked, so "not sorry"
differs from "sorry"), trained on every `split: tune` reply of the labelled sets and judged on the
held-out `split: test` replies, exactly like the rules. It is not shipped: it cannot say *which
words* triggered a verdict the way a rule's highlight does, and a trainer cannot read or edit it.
Also prints "rules or model" (a find by either), the shape a hybrid would have.
Usage: python bench/coach_model_compare.py [RULES] [LABELLED ...]   (needs numpy)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from coach_eval import (  # noqa: E402
    FOURTH_LABELLER,
    LABELLED,
    RULES,
    SECOND_LABELLER,
    THIRD_LABELLER,
    Counts,
    Labelled,
    load_labelled,
)

from workbook.core.coach import coach_reply, load_rules  # noqa: E402

_TOKEN = re.compile(r"[a-z0-9]+|[.,!?;]")
_NEGATION = re.compile(r"^(not|no|never|dont|cant|wont|isnt|didnt|doesnt|wasnt|arent|nothing)$")


def features(text: str) -> list[str]:
    """Word unigrams and bigrams; words after a negation (to the next punctuation) get a NOT_ mark."""
    words, negated = [], False
    for token in _TOKEN.findall(text.lower().replace("'", "").replace("\u2019", "")):
        if token in ".,!?;":
            negated = False
            words.append(token)
            continue
        words.append(("NOT_" if negated else "") + token)
        if _NEGATION.match(token):
            negated = True
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


class Model:
    """One L2-regularised logistic regression per rule, balanced for rare labels."""

    def __init__(self, vocabulary: dict[str, int]) -> None:
        self.vocabulary = vocabulary
        self.weights: dict[str, np.ndarray] = {}

    def matrix(self, texts: list[str]) -> np.ndarray:
        x = np.zeros((len(texts), len(self.vocabulary) + 1))
        x[:, -1] = 1.0  # bias
        for row, text in enumerate(texts):
            for feature in features(text):
                column = self.vocabulary.get(feature)
                if column is not None:
                    x[row, column] = 1.0
        return x

    def fit(self, rule_id: str, x: np.ndarray, y: np.ndarray, steps: int = 400, rate: float = 0.5,
            l2: float = 0.01) -> None:
        positives = max(1.0, y.sum())
        weight = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * max(1.0, len(y) - positives)))
        w = np.zeros(x.shape[1])
        for _ in range(steps):
            p = 1 / (1 + np.exp(-(x @ w)))
            gradient = x.T @ ((p - y) * weight) / len(y) + l2 * w
            w -= rate * gradient
        self.weights[rule_id] = w

    def predict(self, rule_id: str, x: np.ndarray) -> np.ndarray:
        return (x @ self.weights[rule_id]) > 0


def _count(counts: Counts, found: bool, expected: bool) -> None:
    if found and expected:
        counts.tp += 1
    elif found:
        counts.fp += 1
    elif expected:
        counts.fn += 1
    else:
        counts.tn += 1


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv]
    rules = load_rules(paths[0] if paths else RULES)
    ids = [r.id for r in rules.rules]
    items: list[Labelled] = (load_labelled(LABELLED, ids) + load_labelled(SECOND_LABELLER, ids, second=True)
                             + load_labelled(THIRD_LABELLER, ids)
                             + load_labelled(FOURTH_LABELLER, ids, fourth=True))
    if len(paths) > 1:  # another labelled set to judge on (e.g. a held-out set): all of it is held out
        items += [Labelled(i.id, "test", i.text, i.fresh, i.expected, i.second, i.context)
                  for path in paths[1:] for i in load_labelled(path, ids)]
    tune = [i for i in items if i.split == "tune"]
    test = [i for i in items if i.split == "test"]
    vocabulary: dict[str, int] = {}
    seen: dict[str, int] = {}
    for item in tune:
        for feature in set(features(item.text)):
            seen[feature] = seen.get(feature, 0) + 1
    for feature, count in sorted(seen.items()):
        if count >= 2:  # a feature met once is noise at this size
            vocabulary[feature] = len(vocabulary)
    model = Model(vocabulary)
    x_test = model.matrix([i.text for i in test])
    found_by_rules = [coach_reply(i.text, rules, i.context).present for i in test]
    print(f"Trained on {len(tune)} tuning replies ({len(vocabulary)} features); judged on {len(test)} "
          "held-out replies.\n")
    print(f"{'rule':28} {'n+':>3}  {'rules agree/recall':>18}  {'model agree/recall':>18}  "
          f"{'either agree/recall':>19}")
    for rule in rules.rules:
        train = [i for i in tune if rule.id in i.expected]
        judged = [(n, i) for n, i in enumerate(test) if rule.id in i.expected]
        if not train or not judged:
            print(f"{rule.id:28}   (no labelled replies for this rule on one side)")
            continue
        y = np.array([1.0 if i.expected[rule.id] else 0.0 for i in train])
        model.fit(rule.id, model.matrix([i.text for i in train]), y)
        predicted = model.predict(rule.id, x_test)
        by = {"rules": Counts(), "model": Counts(), "either": Counts()}
        for n, item in judged:
            expected = item.expected[rule.id]
            _count(by["rules"], found_by_rules[n][rule.id], expected)
            _count(by["model"], bool(predicted[n]), expected)
            _count(by["either"], found_by_rules[n][rule.id] or bool(predicted[n]), expected)
        positives = sum(1 for _n, i in judged if i.expected[rule.id])
        cells = "  ".join(f"{c.agreement:8.1%} / {c.recall:5.2f}  " for c in by.values())
        print(f"{rule.id:28} {positives:3}  {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
