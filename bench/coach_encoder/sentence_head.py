"""Train the sentence head (step 6 of README.md): a dig tucked into a long reply.

The encoder reads a reply whole, so one blaming sentence among four kind ones is averaged away (on the
writers asked for long mixed replies it found 59-68% of the replies that blame). This head reads each
sentence: its input is the sentence's pooled embedding and scores beside the whole reply's (the
`pooled` and `probs` outputs of assets/coach/encoder.int8.onnx), and the reply's score is the highest
sentence's ("multiple-instance" learning: the labels are per reply, the head learns which sentence
carries them). Five seeds of a 32-unit layer, averaged; the weights go to assets/coach/sentence_head.npz.

    python bench/coach_encoder/sentence_head.py validate   (torch venv: trains without the 58th-81st
                                                           writers and prints their pooled figures)
    python bench/coach_encoder/sentence_head.py final      (trains on every labeller, writes the asset)

Then run thresholds.py with the app's venv: the file's sha256 goes into encoder.yaml.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import onnxruntime
import torch
from tokenizers import Tokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
import data  # noqa: E402

sys.path.insert(0, str(data.ROOT))
from workbook.core.coach import _NORMALISE  # noqa: E402
from workbook.core.coach_encoder import sentence_parts  # noqa: E402
from workbook.core.encoder_process import sentence_features, sentence_head_scores  # noqa: E402
from workbook.core.sentences import sentences  # noqa: E402

ASSET = data.ROOT / "assets" / "coach" / "sentence_head.npz"
MODEL = data.ROOT / "assets" / "coach" / "encoder.int8.onnx"
RULES = list(data.SENTENCE_CHOSEN)  # blame and judging: closing the door gained nothing (session 32)
SEEDS, HIDDEN, EPOCHS, BATCH = 5, 32, 20, 128
HELD_OUT = range(58, 82)  # validate: the writers of session 31, which the shipped encoder never saw


class Embedder:
    """The shipped encoder's pooled embedding and scores, as the app's process reads them."""

    def __init__(self) -> None:
        self.tokenizer = Tokenizer.from_file(str(data.ROOT / "assets" / "coach" / "tokenizer.json"))
        self.tokenizer.enable_truncation(128)
        self.tokenizer.no_padding()
        self.session = onnxruntime.InferenceSession(str(MODEL), providers=["CPUExecutionProvider"])

    def __call__(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        encoding = self.tokenizer.encode(text)
        ids = np.array([encoding.ids], dtype=np.int64)
        mask = np.array([encoding.attention_mask], dtype=np.int64)
        probs, pooled = self.session.run(["probs", "pooled"], {"input_ids": ids, "attention_mask": mask})
        return probs[0], pooled[0]


def features(embed: Embedder, text: str) -> np.ndarray:
    """One row per sentence, as the app builds them (encoder_process.sentence_features)."""
    normal = text.translate(_NORMALISE)
    parts = [embed(normal[start:end]) for start, end in sentence_parts(normal, sentences(normal))]
    return sentence_features(np, embed(normal), parts).astype(np.float32)


def writer_number(stem: str) -> int | None:
    found = re.fullmatch(r"labeller_w(\d+)", stem)
    return int(found.group(1)) if found else None


def load_all(embed: Embedder) -> list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]:
    """(file stem, features, labels (3,), mask (3,)) for every labelled reply."""
    rows = []
    for path in data.fixture_paths():
        stem, _ids, _callers, texts, labels, mask = data.load(path)
        rows += [(stem, features(embed, t), labels[i], mask[i]) for i, t in enumerate(texts)]
        print(f"{stem}: {len(texts)} replies", flush=True)
    return rows


def train(rows: list, rule: int, seed: int, mu: np.ndarray, sd: np.ndarray) -> torch.nn.Sequential:
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    xs = [torch.tensor((r[1] - mu) / sd) for r in rows]
    ys = torch.tensor([float(r[2][rule]) for r in rows])
    head = torch.nn.Sequential(torch.nn.Linear(xs[0].shape[1], HIDDEN), torch.nn.ReLU(),
                               torch.nn.Linear(HIDDEN, 1))
    optimiser = torch.optim.AdamW(head.parameters(), lr=1e-3, weight_decay=1e-4)
    for _epoch in range(EPOCHS):
        order = rng.permutation(len(xs))
        for start in range(0, len(order), BATCH):
            batch = order[start:start + BATCH]
            sizes = torch.tensor([len(xs[j]) for j in batch])
            owner = torch.repeat_interleave(torch.arange(len(batch)), sizes)
            scores = head(torch.cat([xs[j] for j in batch])).squeeze(-1)
            reply = torch.full((len(batch),), -1e9).scatter_reduce(0, owner, scores, reduce="amax")
            loss = torch.nn.functional.binary_cross_entropy_with_logits(reply, ys[batch])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    return head


def fit(rows: list) -> dict[str, np.ndarray]:
    """The arrays of the .npz: normalisation, and per rule x seed the two layers' weights."""
    everything = np.concatenate([r[1] for r in rows])
    mu, sd = everything.mean(0), everything.std(0) + 1e-6
    layers: dict[str, list] = {"w1": [], "b1": [], "w2": [], "b2": []}
    for rule_id in RULES:
        rule = data.RULE_IDS.index(rule_id)
        coded = [r for r in rows if r[3][rule]]
        heads = [train(coded, rule, seed, mu, sd) for seed in range(SEEDS)]
        for key, index, part in (("w1", 0, "weight"), ("b1", 0, "bias"), ("w2", 2, "weight"),
                                 ("b2", 2, "bias")):
            layers[key].append(np.stack([getattr(h[index], part).detach().numpy() for h in heads]))
        print(f"{rule_id}: {SEEDS} seeds on {len(coded)} replies", flush=True)
    arrays = {key: np.stack(value).astype(np.float32) for key, value in layers.items()}
    return {"rules": np.array(RULES), "mean": mu.astype(np.float32), "scale": sd.astype(np.float32), **arrays}


def main(argv: list[str]) -> int:
    torch.set_num_threads(2)
    rows = load_all(Embedder())
    if argv and argv[0] == "validate":
        arrays = fit([r for r in rows if writer_number(r[0]) not in HELD_OUT])
        held = [r for r in rows if writer_number(r[0]) in HELD_OUT]
        scores = np.stack([sentence_head_scores(np, arrays, r[1]).max(-1) for r in held])
        for k, rule_id in enumerate(RULES):
            rule = data.RULE_IDS.index(rule_id)
            for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
                found = scores[:, k] >= threshold
                want = np.array([r[2][rule] > 0 for r in held])
                print(f"{rule_id} {threshold}: head alone agreement {100 * np.mean(found == want):.1f}%, "
                      f"recall {found[want].mean():.2f}")
        return 0
    np.savez(ASSET, **fit(rows))
    print(f"-> {ASSET.relative_to(data.ROOT)}, {ASSET.stat().st_size / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
