"""Choose the encoder's epochs and per-rule thresholds on the validation writers (step 2 of README.md).

For each epoch's validation scores (finetune.py validate), and each rule, the threshold under which the
most validation writers meet both goals (agreement >= 90%, recall >= 0.8) when the coach reads a reply
with its phrases and word model (never the shipped encoder: use_encoder=False) OR the new encoder;
ties to the higher mean agreement, then the higher threshold. The epoch: the most writer-rule pairs
on target, then the higher mean agreement, then the fewer epochs. Writes OUT/choice.json and prints
the table per writer. Run with the app's venv (it asks
the app's own coach): python bench/coach_encoder/choose.py OUT
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import data  # noqa: E402

sys.path.insert(0, str(data.ROOT))
from workbook.core.coach import coach_reply, load_rules  # noqa: E402

GRID = [round(0.01 * k, 2) for k in range(1, 100)]
TARGET_AGREEMENT, TARGET_RECALL = 0.90, 0.80


def stats(flag: np.ndarray, label: np.ndarray) -> tuple[float, float]:
    """(agreement, recall) of one writer's flags against their labels."""
    tp, fp, fn = int((flag & label).sum()), int((flag & ~label).sum()), int((~flag & label).sum())
    return (len(label) - fp - fn) / len(label), (tp / (tp + fn) if tp + fn else 1.0)


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    rules = load_rules(data.ROOT / "lessons" / "coach" / "rules.yaml")
    writers = []  # (labels, mask, coach flags) per validation writer, in the order of the scores
    for path in data.validation_paths():
        _stem, _ids, callers, texts, labels, mask = data.load(path)
        flags = np.array([[coach_reply(t, rules, c, use_encoder=False).present[r] for r in data.RULE_IDS]
                          for t, c in zip(texts, callers, strict=True)])
        writers.append((labels.astype(bool), mask.astype(bool), flags))
    epochs = {}
    for path in sorted(out.glob("validation_e*.npy")):
        scores = np.load(path)
        chosen = {}
        for k, rule_id in enumerate(data.RULE_IDS):
            best = None
            for threshold in GRID:
                rows, start = [], 0
                for labels, mask, flags in writers:
                    part = scores[start:start + len(labels), k] >= threshold
                    start += len(labels)
                    m = mask[:, k]
                    if m.any():
                        rows.append(stats((flags[:, k] | part)[m], labels[m, k]))
                key = (sum(a >= TARGET_AGREEMENT and r >= TARGET_RECALL for a, r in rows),
                       float(np.mean([a for a, _r in rows])), threshold)
                if best is None or key >= best:
                    best = key
            chosen[rule_id] = best
        epoch = int(path.stem.removeprefix("validation_e"))
        epochs[epoch] = chosen
        print(f"epoch {epoch}: " + "; ".join(f"{r} t={v[2]:.2f}, {v[0]} writers on target, mean {v[1]:.1%}"
                                            for r, v in chosen.items()))
    epoch = max(epochs, key=lambda e: (sum(v[0] for v in epochs[e].values()),
                                       np.mean([v[1] for v in epochs[e].values()]), -e))
    thresholds = {r: v[2] for r, v in epochs[epoch].items()}
    (out / "choice.json").write_text(json.dumps({"epochs": epoch, "thresholds": thresholds}, indent=1))
    print(f"chosen: {epoch} epochs, thresholds {thresholds}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
