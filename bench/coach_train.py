"""Train the coach's small linear model offline and write its weights to lessons/coach/model.yaml.

Only `split: tune` replies are used. For each "avoid" rule: one logistic regression (balanced for the
rare label, L2) over the features of `workbook/core/coach_model.py`; its threshold is chosen by
leave-one-labeller-out cross-validation (train on three labellers' tuning replies, score the fourth's,
pool the four folds) as the one where "rule OR model" agrees with the labels most often. The rule in
each fold is read without the entries only the held-out labeller's replies support (see
coach_folds.py), since the phrase rules were written after reading every tuning reply. A rule keeps
its model only when, in that cross-validation, "rule OR model" agrees at least as often as the rule
alone, with precision at least MIN_PRECISION and recall at least MIN_RECALL_GAIN higher. With no rule
kept, the model file is removed (the coach then reads with the phrase rules alone).
Usage: python bench/coach_train.py [--dry-run]   (needs numpy; the app does not)
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from coach_eval import RULES, Counts, Labelled  # noqa: E402
from coach_folds import load_tuning, without_labeller  # noqa: E402

from workbook.core.coach import CoachRules, coach_reply, load_rules  # noqa: E402
from workbook.core.coach_model import MODEL_FILE_NAME, feature_names  # noqa: E402

OUT = RULES.parent / MODEL_FILE_NAME
MIN_PRECISION = 0.8
MIN_RECALL_GAIN = 0.05  # a model that finds one more reply in a hundred is not worth its weights
MIN_COUNT = 2  # a feature met in fewer tuning replies is noise at this size
KEEP = 250  # features kept per rule in the file, by size of weight
# The balanced fit is not calibrated (a rare label's replies often score 0.05-0.4), so low thresholds
# are tried too; only the order of the scores matters here.
THRESHOLDS = [0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25] + [round(0.30 + 0.025 * i, 3) for i in range(27)]


def _matrix(texts: list[str], vocabulary: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(texts), len(vocabulary)))
    for row, text in enumerate(texts):
        names = feature_names(text)
        scale = 1 / math.sqrt(len(names)) if names else 0.0
        for name in names:
            column = vocabulary.get(name)
            if column is not None:
                x[row, column] = scale
    return x


def _vocabulary(texts: list[str]) -> dict[str, int]:
    seen: dict[str, int] = {}
    for text in texts:
        for name in feature_names(text):
            seen[name] = seen.get(name, 0) + 1
    return {name: n for n, name in enumerate(sorted(k for k, v in seen.items() if v >= MIN_COUNT))}


def fit(x: np.ndarray, y: np.ndarray, steps: int = 800, rate: float = 20.0, l2: float = 0.001,
        ) -> tuple[np.ndarray, float]:
    """Weights and bias of a class-balanced L2 logistic regression, by plain gradient descent."""
    positives = max(1.0, y.sum())
    sample = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * max(1.0, len(y) - positives)))
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        error = (p - y) * sample / len(y)
        w -= rate * (x.T @ error + l2 * w)
        b -= rate * error.sum()
    return w, b


def train(items: list[Labelled], rule_id: str, keep: int | None = None) -> tuple[dict[str, float], float]:
    """{feature: weight} and bias for one rule, trained on `items` (refit on the `keep` largest)."""
    texts = [i.text for i in items]
    y = np.array([1.0 if i.expected[rule_id] else 0.0 for i in items])
    vocabulary = _vocabulary(texts)
    w, b = fit(_matrix(texts, vocabulary), y)
    if keep is not None and len(vocabulary) > keep:
        names = sorted(vocabulary, key=lambda n: -abs(w[vocabulary[n]]))[:keep]
        vocabulary = {name: n for n, name in enumerate(sorted(names))}
        w, b = fit(_matrix(texts, vocabulary), y)
    return {name: float(w[n]) for name, n in vocabulary.items()}, float(b)


def probability(weights: dict[str, float], bias: float, text: str) -> float:
    names = feature_names(text)
    total = bias + (sum(weights.get(n, 0.0) for n in names) / math.sqrt(len(names)) if names else 0.0)
    return 1 / (1 + math.exp(-max(-60.0, min(60.0, total))))


def _count(counts: Counts, found: bool, expected: bool) -> None:
    counts.tp += found and expected
    counts.fp += found and not expected
    counts.fn += expected and not found
    counts.tn += not found and not expected


def cross_validate(rules: CoachRules, tuning: dict[str, list[Labelled]], rule_id: str,
                   ) -> list[tuple[float, bool, bool]]:
    """(model score out of fold, rule found, label) for every tuning reply coded for the rule."""
    rows = []
    for held_out, items in tuning.items():
        judged = [i for i in items if rule_id in i.expected]
        train_on = [i for name, group in tuning.items() if name != held_out for i in group
                    if rule_id in i.expected]
        if not judged or not any(i.expected[rule_id] for i in train_on):
            continue
        weights, bias = train(train_on, rule_id, KEEP)
        trimmed = without_labeller(rules, rule_id, tuning, held_out)
        for item in judged:
            found = coach_reply(item.text, trimmed, item.context, use_model=False).present[rule_id]
            rows.append((probability(weights, bias, item.text), found, item.expected[rule_id]))
    return rows


def choose_threshold(rows: list[tuple[float, bool, bool]]) -> tuple[float, Counts, Counts, Counts]:
    """The threshold (and the rule, model and rule-OR-model counts at it) at which "rule OR model"
    agrees with the labels most often, the highest such threshold on a tie."""
    best = None
    for threshold in THRESHOLDS:
        counts = [Counts(), Counts(), Counts()]
        for p, found, expected in rows:
            _count(counts[0], found, expected)
            _count(counts[1], p >= threshold, expected)
            _count(counts[2], found or p >= threshold, expected)
        key = (counts[2].agreement, threshold)
        if best is None or key > best[0]:
            best = (key, threshold, counts)
    assert best is not None
    return best[1], *best[2]


def main(argv: list[str]) -> int:
    rules = load_rules(RULES)
    avoid = [r.id for r in rules.rules if r.kind == "avoid"]
    tuning = load_tuning([r.id for r in rules.rules])
    all_tune = [i for group in tuning.values() for i in group]
    print(f"Leave-one-labeller-out cross-validation on {len(all_tune)} tuning replies "
          f"({', '.join(f'{k} {len(v)}' for k, v in tuning.items())}).\n")
    print(f"{'rule':28} {'thr':>5}  {'rules agree/recall':>18}  {'model agree/prec/recall':>23}  "
          f"{'either agree/prec/recall':>24}  kept")
    out: dict[str, dict] = {}
    for rule_id in avoid:
        rows = cross_validate(rules, tuning, rule_id)
        if not rows:
            continue
        threshold, by_rule, by_model, either = choose_threshold(rows)
        keep = (either.agreement >= by_rule.agreement and either.precision >= MIN_PRECISION
                and either.recall >= by_rule.recall + MIN_RECALL_GAIN)
        print(f"{rule_id:28} {threshold:5.3f}  {by_rule.agreement:8.1%} / {by_rule.recall:5.2f}  "
              f"{by_model.agreement:8.1%} / {by_model.precision:4.2f} / {by_model.recall:4.2f}  "
              f"{either.agreement:9.1%} / {either.precision:4.2f} / {either.recall:4.2f}  "
              f"{'yes' if keep else 'no'}")
        if keep:
            weights, bias = train([i for i in all_tune if rule_id in i.expected], rule_id, KEEP)
            out[rule_id] = {"threshold": threshold, "bias": bias, "weights": weights}
    if "--dry-run" in argv:
        return 0
    if out:
        OUT.write_text(render(out), encoding="utf-8")
        print(f"\nwrote {OUT.relative_to(ROOT)}")
    elif OUT.exists():
        OUT.unlink()
        print(f"\nno rule gains from a model: removed {OUT.relative_to(ROOT)}")
    else:
        print("\nno rule gains from a model: no model file written")
    return 0


def render(models: dict[str, dict]) -> str:
    """The model file: a header saying what it is, then per rule its threshold, bias and weights."""
    lines = [
        "# The coach's small linear model, written by bench/coach_train.py from the labelled tuning replies",
        "# (tests/fixtures/coach, `split: tune` only). Do not edit by hand: edit rules.yaml, or retrain.",
        "# A rule listed here is found when its phrases find it OR the model's score reaches `threshold`.",
        "# The score is the logistic of bias + (sum of the weights of the reply's features) / sqrt(number",
        "# of features). Features: w:word, b:word pair, c:letters inside a word (spaces mark its edges);",
        "# NOT_ marks a word after a negation. Positive weights point to the rule, negative ones away.",
        "rules:",
    ]
    for rule_id, model in models.items():
        lines += [f"  {rule_id}:", f"    threshold: {model['threshold']}", f"    bias: {model['bias']:.4f}",
                  "    weights:"]
        for name, weight in sorted(model["weights"].items(), key=lambda kv: -kv[1]):
            lines.append(f"      {json.dumps(name)}: {weight:.4f}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
