"""Train the coach's small linear model offline and write its weights to lessons/coach/model.yaml.

Data: every labelled set in tests/fixtures/coach (one file = one labeller), every reply whatever its
`split`: the split marks the replies the phrase rules were not tuned on, and the model is judged more
strictly here, by leaving a whole labeller out. A set with no code for a rule is not used for it.

For each rule ("do" rules too), leave-one-labeller-out cross-validation: a class-balanced L2 logistic
regression over the features of `workbook/core/coach_model.py` is trained on every other labeller and
scores the held-out labeller's replies; the phrase rule is read as it would be without that labeller
(for the sets the rules were written from, entries only that labeller's replies support are dropped,
coach_folds.py).
The practice calls' own "best" replies join as SCRIPT_GROUPS more groups (the calls dealt round),
labelled free of every "avoid" rule: a learner writing like the course's authors must not be
scolded, and the labellers' terse bad replies ("Hold please.") otherwise teach the model that any
short line is a closed door.
A "do" rule's model earns credit only for words the coach reads as meant, as its phrases do
(coach.said_as_meant: not negated, inside a real clause, not taken back by "but ..." before something
to avoid); the words it would highlight are found with the held-out fold's own weights, and a reply
whose words all fail that reading is not flagged by the model at any threshold.
From the out-of-fold scores each rule's reading (phrases alone, or phrases OR model) and threshold
are chosen as the ones under which the most labellers meet the targets (agreement >= TARGET_AGREEMENT,
and for an "avoid" rule recall >= TARGET_RECALL), ties to the higher mean agreement, among the
readings whose model adds at most MAX_SCRIPT_FLAGS flags to the scripts' best replies (scored out of
fold too, so as if written for a new call); a model that raises the mean agreement by less than
MIN_MODEL_GAIN points and brings no more labellers to the targets is left out of the file (judging's
model leaves agreement level but lifts recall 0.74 -> 0.86 and labellers on target 9 -> 17 of 25).
The figures printed for a held-out labeller use a
choice made without that labeller's labels. The model finally
written is trained on every group, with the choice made on all of them.
Usage: python bench/coach_train.py [--dry-run] [--rules RULE,RULE [--write]]   (needs numpy; the app does
not). With --rules the named rules alone are trained and, with --write, only their blocks of the file change.
"""

from __future__ import annotations

import json
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from msgspec.structs import replace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from coach_eval import RULES, Counts, Labelled, load_labelled  # noqa: E402
from coach_folds import trimmed  # noqa: E402
from coach_sets import best_replies, load_leave_alone  # noqa: E402

from workbook.core.coach import (  # noqa: E402
    _NORMALISE,
    MAX_COACHED_CHARS,
    CoachRules,
    coach_reply,
    load_rules,
    model_held_back,
    said_as_meant,
)
from workbook.core.coach_model import MODEL_FILE_NAME, RuleModel, feature_names  # noqa: E402
from workbook.core.coach_model import find as model_find  # noqa: E402

OUT = RULES.parent / MODEL_FILE_NAME
FIXTURES = ROOT / "tests" / "fixtures" / "coach"
# The phrase rules were written after reading these sets: in cross-validation a rule is read without
# the entries only the held-out set supports. The later sets were never read while writing rules.
RULES_WRITTEN_FROM = ("labelled", "second_labeller", "third_labeller", "fourth_labeller", "fifth_labeller",
                      "sixth_labeller")
SCRIPTS = "course_scripts_best"  # the practice calls' best replies, in groups named SCRIPTS_1 ...
SCRIPT_GROUPS = 3
MAX_SCRIPT_FLAGS = 1  # per rule: best script replies the model may flag beyond what the phrases flag
# A model that raises the mean agreement over all labellers by less than this (in points) is not worth
# its weights in the file and the load time: the rule is read by its phrases alone.
MIN_MODEL_GAIN = 0.2
TARGET_AGREEMENT = 0.90
TARGET_RECALL = 0.80
MIN_COUNT = 2  # a feature met in fewer training replies is noise at this size
KEEP = 2000  # features kept per rule in the file, by size of weight
L2 = 0.0001
STEPS = 200
# The balanced fit is not calibrated, so low thresholds are tried too; only the order of scores matters.
THRESHOLDS = [0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25] + [round(0.30 + 0.025 * i, 3) for i in range(27)]


# -- the features of many replies as one sparse matrix ------------------------------------------------

@dataclass
class Design:
    """Every reply's feature columns (ids into `names`) and its row scale 1/sqrt(number of features)."""

    names: list[str]
    columns: list[np.ndarray]
    scale: np.ndarray

    @classmethod
    def of(cls, texts: list[str]) -> Design:
        ids: dict[str, int] = {}
        columns = []
        scale = np.zeros(len(texts))
        for row, text in enumerate(texts):
            found = feature_names(text)
            columns.append(np.array(sorted(ids.setdefault(n, len(ids)) for n in found), dtype=np.int64))
            scale[row] = 1 / math.sqrt(len(found)) if found else 0.0
        return cls(list(ids), columns, scale)


@dataclass
class Sparse:
    """The rows `rows` of a Design as coordinate arrays (row, column, value) for products by bincount."""

    row: np.ndarray
    col: np.ndarray
    value: np.ndarray
    shape: tuple[int, int]

    @classmethod
    def of(cls, design: Design, rows: np.ndarray) -> Sparse:
        cols = [design.columns[r] for r in rows]
        row = np.repeat(np.arange(len(rows)), [len(c) for c in cols])
        col = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
        return cls(row, col, design.scale[rows][row], (len(rows), len(design.names)))

    def times(self, w: np.ndarray) -> np.ndarray:
        return np.bincount(self.row, self.value * w[self.col], minlength=self.shape[0])

    def transposed_times(self, e: np.ndarray) -> np.ndarray:
        return np.bincount(self.col, self.value * e[self.row], minlength=self.shape[1])

    def counts(self) -> np.ndarray:
        return np.bincount(self.col, minlength=self.shape[1])


def fit(x: Sparse, y: np.ndarray, allowed: np.ndarray, l2: float = L2, steps: int = STEPS,
        ) -> tuple[np.ndarray, float]:
    """Weights (0 outside `allowed`) and bias of a class-balanced L2 logistic regression, by Adam on the
    whole batch (deterministic: same data, same weights)."""
    positives = max(1.0, y.sum())
    sample = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * max(1.0, len(y) - positives)))
    w = np.zeros(x.shape[1])
    b = 0.0
    m, v = np.zeros(x.shape[1] + 1), np.zeros(x.shape[1] + 1)
    rate, beta1, beta2 = 0.1, 0.9, 0.999
    for step in range(1, steps + 1):
        p = 1 / (1 + np.exp(-np.clip(x.times(w) + b, -60, 60)))
        error = (p - y) * sample / len(y)
        grad = np.append((x.transposed_times(error) + l2 * w) * allowed, error.sum())
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        move = rate * (m / (1 - beta1 ** step)) / (np.sqrt(v / (1 - beta2 ** step)) + 1e-8)
        w -= move[:-1]
        b -= move[-1]
    return w, float(b)


def fit_kept(x: Sparse, y: np.ndarray, keep: int | None = KEEP, min_count: int = MIN_COUNT, l2: float = L2,
             ) -> tuple[np.ndarray, float]:
    """Fit on the features met in at least `min_count` rows, then refit on the `keep` largest weights."""
    allowed = (x.counts() >= min_count).astype(float)
    w, b = fit(x, y, allowed, l2)
    if keep is not None and allowed.sum() > keep:
        kept = np.argsort(-np.abs(w))[:keep]
        allowed = np.zeros_like(allowed)
        allowed[kept] = 1.0
        w, b = fit(x, y, allowed, l2)
    return w, b


def train(items: list[Labelled], rule_id: str, keep: int | None = KEEP) -> tuple[dict[str, float], float]:
    """{feature: weight} and bias for one rule, trained on `items` (the `keep` largest weights)."""
    design = Design.of([i.text for i in items])
    y = np.array([1.0 if i.expected[rule_id] else 0.0 for i in items])
    w, b = fit_kept(Sparse.of(design, np.arange(len(items))), y, keep)
    return {name: float(w[n]) for n, name in enumerate(design.names) if w[n] != 0.0}, b


def probability(weights: dict[str, float], bias: float, text: str) -> float:
    names = feature_names(text)
    total = bias + (sum(weights.get(n, 0.0) for n in names) / math.sqrt(len(names)) if names else 0.0)
    return 1 / (1 + math.exp(-max(-60.0, min(60.0, total))))


def good_replies(rules: CoachRules, rule_id: str, guards: list[tuple[str, tuple[str, ...]]],
                 sets: dict[str, list[Labelled]], finds: dict[str, list[dict[str, bool]]],
                 holds: dict[str, list[dict[str, bool]]]) -> list[str]:
    """The good replies the written model must leave alone for an avoid rule: the guard file's and the
    scripts' best ones, where the phrases leave them alone and the coach would ask the model (what the
    phrases find is theirs to answer for)."""
    plain = replace(rules, model=None)
    rule = next(r for r in rules.rules if r.id == rule_id)
    out = [text for text, rule_ids in guards if rule_id in rule_ids
           and not coach_reply(text, plain, use_model=False).present[rule_id]
           and not model_held_back(rule, text.translate(_NORMALISE))]
    for name, items in sets.items():
        if name.startswith(SCRIPTS):
            out += [i.text for i, found, held in zip(items, finds[name], holds[name], strict=True)
                    if not found[rule_id] and not held[rule_id]]
    return out


def cleared(threshold: float, weights: dict[str, float], bias: float, good: list[str]) -> float:
    """The lowest threshold of THRESHOLDS, from the chosen one up, above the model's score for every
    good reply: the written model scolds none of them, and no threshold is ever raised by hand."""
    top = max((probability(weights, bias, text) for text in good), default=0.0)
    return next((t for t in THRESHOLDS if t >= threshold and t > top), 1.0)


def _logistic(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(z, -60, 60)))


# -- the labelled sets, and the phrase rules read without each one ------------------------------------

def load_sets(rule_ids: list[str], folder: Path = FIXTURES) -> dict[str, list[Labelled]]:
    """Every labelled set in `folder`, by file name, every split."""
    return {path.stem: load_labelled(path, rule_ids) for path in sorted(folder.glob("*.yaml"))}


def script_best_replies(rules: CoachRules) -> dict[str, list[Labelled]]:
    """The practice calls' "best" replies, each with its caller's line, labelled free of every avoid rule,
    in SCRIPT_GROUPS groups of whole calls."""
    none = {r.id: False for r in rules.rules if r.kind == "avoid"}
    groups: dict[str, list[Labelled]] = {f"{SCRIPTS}_{n + 1}": [] for n in range(SCRIPT_GROUPS)}
    for reply_id, text, caller, number in best_replies():
        groups[f"{SCRIPTS}_{number % SCRIPT_GROUPS + 1}"].append(
            Labelled(reply_id, "tune", text, False, dict(none), context=caller))
    return groups


def rules_without(rules: CoachRules, sets: dict[str, list[Labelled]], held: str) -> CoachRules:
    """`rules` with every rule stripped of the entries that only `held`'s replies support."""
    others = [i for name, group in sets.items() if name != held for i in group]
    kept = tuple(trimmed(rule, sets[held], others) for rule in rules.rules)
    return replace(rules, rules=kept, model=None)


def rule_finds(rules: CoachRules, sets: dict[str, list[Labelled]], honest: bool = True,
               avoided: dict[str, list[list[tuple[int, int]]]] | None = None,
               ) -> dict[str, list[dict[str, bool]]]:
    """Per set, per reply: which rules the phrases find (no model). With `honest`, a set the rules were
    written from is read by the rules without what only it supports. `avoided`, when given, is filled
    with each reply's spans the "avoid" rules' phrases found (what a "but" can take an apology back for)."""
    plain = replace(rules, model=None)
    out = {}
    for name, items in sets.items():
        used = rules_without(rules, sets, name) if honest and name in RULES_WRITTEN_FROM else plain
        results = [coach_reply(i.text, used, i.context, use_model=False) for i in items]
        out[name] = [r.present for r in results]
        if avoided is not None:
            avoided[name] = [[span for v in r.verdicts if v.kind == "avoid" for span in v.spans]
                             for r in results]
    return out


def held_back(rules: CoachRules, sets: dict[str, list[Labelled]]) -> dict[str, list[dict[str, bool]]]:
    """Per set, per reply: for which rules the coach would not ask the model (coach.model_held_back)."""
    return {name: [{r.id: model_held_back(r, i.text.translate(_NORMALISE)) for r in rules.rules}
                   for i in items] for name, items in sets.items()}


# -- cross-validation -----------------------------------------------------------------------------

@dataclass
class Fold:
    """One rule's replies: labeller index, label, phrase find and out-of-fold model score."""

    labellers: list[str]
    who: np.ndarray
    label: np.ndarray
    found: np.ndarray
    score: np.ndarray
    held: np.ndarray  # the coach does not ask the model about this reply

    def flags(self, threshold: float) -> np.ndarray:
        return self.found | ((self.score >= threshold) & ~self.held)


def out_of_fold(design: Design, sets: dict[str, list[Labelled]], finds: dict[str, list[dict[str, bool]]],
                holds: dict[str, list[dict[str, bool]]], rule_id: str, keep: int | None = KEEP,
                l2: float = L2, min_count: int = MIN_COUNT, rules: CoachRules | None = None,
                avoided: dict[str, list[list[tuple[int, int]]]] | None = None,
                ) -> Fold:
    """Every coded reply's model score from a model trained on every other labeller. For a "do" rule
    (given `rules` and `avoided`), a reply whose model words would all fail the coach's reading
    (said_as_meant) counts as held back."""
    names = [n for n, items in sets.items() if items and rule_id in items[0].expected]
    rows, who, label, found, held = [], [], [], [], []
    start = 0
    for name, items in sets.items():
        if name in names:
            for k, item in enumerate(items):
                rows.append(start + k)
                who.append(names.index(name))
                label.append(item.expected[rule_id])
                found.append(finds[name][k][rule_id])
                held.append(holds[name][k][rule_id])
        start += len(items)
    rows_a, who_a, y = np.array(rows), np.array(who), np.array(label, dtype=float)
    score = np.zeros(len(rows))
    held_a = np.array(held, dtype=bool)
    rule = rules.rule(rule_id) if rules is not None and avoided is not None else None
    for index in range(len(names)):
        train_at = who_a != index
        w, b = fit_kept(Sparse.of(design, rows_a[train_at]), y[train_at], keep, min_count, l2)
        out = ~train_at
        score[out] = _logistic(Sparse.of(design, rows_a[out]).times(w) + b)
        if rule is not None and rule.kind == "do":
            model = RuleModel(rule_id, b, 0.0, {design.names[n]: float(w[n]) for n in np.flatnonzero(w)})
            items = sets[names[index]]
            for at, (item, spans) in zip(np.flatnonzero(out), zip(items, avoided[names[index]], strict=True),
                                         strict=True):
                text = item.text[:MAX_COACHED_CHARS].translate(_NORMALISE)
                if not said_as_meant(rule, list(model_find(model, text)), text, rules.reading, spans):
                    held_a[at] = True
    return Fold(names, who_a, y.astype(bool), np.array(found, dtype=bool), score, held_a)


def counts(flag: np.ndarray, label: np.ndarray) -> Counts:
    return Counts(int((flag & label).sum()), int((flag & ~label).sum()), int((~flag & label).sum()),
                  int((~flag & ~label).sum()))


def per_labeller(fold: Fold, flag: np.ndarray) -> list[Counts]:
    return [counts(flag[fold.who == k], fold.label[fold.who == k]) for k in range(len(fold.labellers))]


DO_RULES: set[str] = set()  # filled by main(): a "do" rule's target is agreement alone


def meets(c: Counts, rule_id: str = "") -> bool:
    return c.agreement >= TARGET_AGREEMENT and (rule_id in DO_RULES or c.recall >= TARGET_RECALL)


def readings(fold: Fold) -> list[tuple[str, float, np.ndarray]]:
    """Every candidate reading: (mode, threshold, flags) with mode "rule" or "rule OR model"."""
    out = [("rule", 1.0, fold.found)]
    out += [("rule OR model", t, fold.flags(t)) for t in THRESHOLDS]
    return out


def choose(fold: Fold, among: np.ndarray, rule_id: str = "") -> tuple[str, float]:
    """The reading under which most labellers in `among` (a mask over labellers) meet the targets,
    ties to the higher mean agreement, then to the higher threshold; a reading whose model flags more
    than MAX_SCRIPT_FLAGS of the scripts' best replies the phrases leave alone, or whose mean agreement
    is below the phrases' alone, is not a candidate."""
    scripts = script_mask(fold)
    among = among & ~scripts
    phrase_flags = int((fold.found & scripts[fold.who]).sum())
    phrase_agreement = sum(c.agreement for k, c in enumerate(per_labeller(fold, fold.found)) if among[k])
    best = None
    for mode, threshold, flags in readings(fold):
        every = per_labeller(fold, flags)
        if int((flags & scripts[fold.who]).sum()) - phrase_flags > MAX_SCRIPT_FLAGS:
            continue
        table = [c for k, c in enumerate(every) if among[k]]
        if mode != "rule" and sum(c.agreement for c in table) < phrase_agreement - 1e-9:
            continue  # a model may add recall, never at the cost of agreement with people
        key = (sum(meets(c, rule_id) for c in table), sum(c.agreement for c in table) / len(table), threshold)
        if best is None or key > best[0]:
            best = (key, mode, threshold)
    assert best is not None
    return best[1], best[2]


def script_mask(fold: Fold) -> np.ndarray:
    """Which of the fold's groups are the scripts' best replies."""
    return np.array([name.startswith(SCRIPTS) for name in fold.labellers])


def nested(fold: Fold, rule_id: str = "") -> tuple[list[Counts], list[tuple[str, float]]]:
    """Each labeller's counts under a reading chosen on the other labellers (the scripts' group is
    always the guard, never a held-out labeller)."""
    table, chosen = [], []
    for k in range(len(fold.labellers)):
        if fold.labellers[k].startswith(SCRIPTS):
            continue
        among = np.arange(len(fold.labellers)) != k
        mode, threshold = choose(fold, among, rule_id)
        flags = fold.flags(threshold) if mode != "rule" else fold.found
        table.append(per_labeller(fold, flags)[k])
        chosen.append((mode, threshold))
    return table, chosen


def choose_threshold(rows: list[tuple[float, bool, bool]]) -> tuple[float, Counts, Counts, Counts]:
    """(For coach_cross_set.py) the threshold at which "rule OR model" agrees most often over `rows` of
    (score, rule found, label), with the rule, model and rule-OR-model counts at it."""
    best = None
    for threshold in THRESHOLDS:
        c = [Counts(), Counts(), Counts()]
        for p, found, expected in rows:
            for part, flag in zip(c, (found, p >= threshold, found or p >= threshold), strict=True):
                part.tp += flag and expected
                part.fp += flag and not expected
                part.fn += expected and not flag
                part.tn += not flag and not expected
        key = (c[2].agreement, threshold)
        if best is None or key > best[0]:
            best = (key, threshold, c)
    assert best is not None
    return best[1], *best[2]


def summary(table: list[Counts], rule_id: str = "") -> str:
    """Agreement mean and worst, recall mean and worst, and how many labellers meet both targets."""
    agree = [c.agreement for c in table]
    recall = [c.recall for c in table]
    return (f"{np.mean(agree):6.1%} {min(agree):6.1%}  {np.mean(recall):4.2f} {min(recall):4.2f}  "
            f"{sum(meets(c, rule_id) for c in table):2}/{len(table)}")


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    rules = load_rules(RULES)
    rule_ids = [r.id for r in rules.rules]
    chosen_rules = [r.id for r in rules.rules]
    DO_RULES.update(r.id for r in rules.rules if r.kind == "do")
    if "--rules" in argv:
        chosen_rules = argv[argv.index("--rules") + 1].split(",")
    sets = load_sets(rule_ids)
    sets.update(script_best_replies(rules))
    all_items = [i for items in sets.values() for i in items]
    print(f"Leave-one-labeller-out cross-validation on {len(all_items)} replies from "
          f"{len(sets) - SCRIPT_GROUPS} labellers and the scripts' best replies "
          f"({', '.join(f'{k} {len(v)}' for k, v in sets.items())}).")
    avoided: dict[str, list[list[tuple[int, int]]]] = {}
    finds = rule_finds(rules, sets, avoided=avoided)
    guards = load_leave_alone([r.id for r in rules.rules if r.kind == "avoid"])
    holds = held_back(rules, sets)
    design = Design.of([i.text for i in all_items])
    print(f"{len(design.names)} distinct features; rules read in {time.perf_counter() - started:.0f} s\n")
    print("Per held-out labeller: agreement mean worst, recall mean worst, labellers meeting both targets")
    print(f"{'rule':28} {'phrases alone':>30}  {'chosen reading (nested)':>30}  choice on all")
    out: dict[str, dict] = {}
    for rule_id in chosen_rules:
        fold = out_of_fold(design, sets, finds, holds, rule_id, rules=rules, avoided=avoided)
        labellers = [k for k, name in enumerate(fold.labellers) if not name.startswith(SCRIPTS)]
        alone = [per_labeller(fold, fold.found)[k] for k in labellers]
        table, _chosen = nested(fold, rule_id)
        mode, threshold = choose(fold, np.ones(len(fold.labellers), dtype=bool), rule_id)
        gain = 100 * (np.mean([per_labeller(fold, fold.flags(threshold))[k].agreement for k in labellers])
                      - np.mean([c.agreement for c in alone]))
        with_model = per_labeller(fold, fold.flags(threshold))
        more_meet = (sum(meets(with_model[k], rule_id) for k in labellers)
                     - sum(meets(c, rule_id) for c in alone))
        if mode != "rule" and gain < MIN_MODEL_GAIN and more_meet <= 0:
            mode = "rule"
        flags = fold.flags(threshold) if mode != "rule" else fold.found
        guard = counts(flags[script_mask(fold)[fold.who]], fold.label[script_mask(fold)[fold.who]])
        print(f"{rule_id:28} {summary(alone, rule_id):>30}  {summary(table, rule_id):>30}  {mode} "
              f"{threshold:g}; script best replies flagged out of fold {guard.fp}/{guard.total}", flush=True)
        for name, a, c in zip([fold.labellers[k] for k in labellers], alone, table, strict=True):
            print(f"    {name:18} {a.agreement:6.1%} {a.recall:4.2f}   {c.agreement:6.1%} {c.precision:4.2f} "
                  f"{c.recall:4.2f}", flush=True)
        if mode != "rule":
            coded = [i for i in all_items if rule_id in i.expected]
            weights, bias = train(coded, rule_id, KEEP)
            if rule_id not in DO_RULES:
                good = good_replies(rules, rule_id, guards, sets, finds, holds)
                raised = cleared(threshold, weights, bias, good)
                if raised != threshold:
                    print(f"    written at {raised:g}, not {threshold:g}: the model scores a good reply "
                          f"{max(probability(weights, bias, t) for t in good):.3f}", flush=True)
                threshold = raised
            out[rule_id] = {"threshold": threshold, "bias": bias, "weights": weights}
    print(f"\n{time.perf_counter() - started:.0f} s")
    if "--dry-run" in argv or ("--rules" in argv and "--write" not in argv):
        return 0
    if "--rules" in argv and OUT.exists():  # --write: only the named rules' blocks change
        import yaml

        kept = (yaml.safe_load(OUT.read_text(encoding="utf-8")) or {}).get("rules") or {}
        out = {r.id: out.get(r.id, kept.get(r.id)) for r in rules.rules
               if r.id in out or (r.id in kept and r.id not in chosen_rules)}
    if out:
        OUT.write_text(render(out), encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")
    elif OUT.exists():
        OUT.unlink()
        print(f"no rule gains from a model: removed {OUT.relative_to(ROOT)}")
    return 0


def render(models: dict[str, dict]) -> str:
    """The model file: a header saying what it is, then per rule its threshold, bias and weights."""
    lines = [
        "# The coach's small linear model, written by bench/coach_train.py from every labelled reply in",
        "# tests/fixtures/coach. Do not edit by hand: edit rules.yaml, or retrain.",
        "# A rule listed here is found when its phrases find it OR the model's score reaches `threshold`;",
        "# for a \"do\" rule the model's words must be said as meant, as its phrases must (not negated,",
        "# inside a real clause, not taken back by a \"but\").",
        "# The score is the logistic of bias + (sum of the weights of the reply's features) / sqrt(number",
        "# of features). Features: w:word, b:word pair, c:letters inside a word (spaces mark its edges);",
        "# NOT_ marks a word after a negation. Positive weights point to the rule, negative ones away.",
        "rules:",
    ]
    for rule_id, model in models.items():
        lines += [f"  {rule_id}:", f"    threshold: {model['threshold']}", f"    bias: {model['bias']:.4f}",
                  "    weights:"]
        for name, weight in sorted(model["weights"].items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"      {json.dumps(name)}: {weight:.4f}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
