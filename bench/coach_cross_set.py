"""Cross-set figures for the coach: tune on two labellers' sets, measure on the third, rotate.

The three sets (the fourth, fifth and sixth labellers', each written by people who never saw the
rules) are scored two ways, rule by rule:
- "full": the shipped rules and model on the whole set (flattering for a set the rules were tuned on);
- "held": the rules as they would read without having seen the set: every phrase or pattern whose finds
  on replies labelled with the rule all come from the held-out set is dropped (see coach_folds.py;
  an entry that finds labelled replies in two sets, or none at all, stays), and each rule's model is
  retrained on every other labelled set (needs numpy). This is the honest "new writer" figure.
Prints agreement, precision and recall per rule and set, and the pooled "held" figures.
With --try-model RULE,RULE: would a model help those rules? For each held-out set the model is
trained on every other labelled set and its threshold chosen by an inner leave-one-set-out run over
those (never on the held-out set); prints the rule alone and "rule OR model" on the held-out set.
Usage: python bench/coach_cross_set.py [--full-only] [--misses] [--try-model RULES] [SET.yaml ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from msgspec.structs import replace

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
from coach_folds import trimmed  # noqa: E402

from workbook.core.coach import CoachRules, coach_reply, load_rules  # noqa: E402
from workbook.core.coach_model import CoachModel, RuleModel  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "coach"
SETS = {"fourth": FOURTH_LABELLER, "fifth": FIXTURES / "fifth_labeller.yaml",
        "sixth": FIXTURES / "sixth_labeller.yaml"}
OLDER = (LABELLED, SECOND_LABELLER, THIRD_LABELLER)  # only ever used to train a fold's model


def without_set(rules: CoachRules, sets: dict[str, list[Labelled]], held: str,
                older: list[Labelled]) -> CoachRules:
    """`rules` as if written without `held`: entries only its replies support are dropped, and each
    model is retrained on the other sets and the older ones."""
    others = [i for name, group in sets.items() if name != held for i in group] + older
    kept = tuple(trimmed(rule, sets[held], others) for rule in rules.rules)
    model = rules.model
    if model is not None:
        from coach_train import KEEP, train  # numpy, for the bench only

        retrained = {}
        for rule_id, old in model.rules.items():
            weights, bias = train([i for i in others if rule_id in i.expected], rule_id, KEEP)
            retrained[rule_id] = RuleModel(rule_id, bias, old.threshold, weights)
        model = CoachModel(retrained)
    return replace(rules, rules=kept, model=model)


def score(rules: CoachRules, items: list[Labelled], show: bool = False) -> dict[str, Counts]:
    table = {rule.id: Counts() for rule in rules.rules}
    for item in items:
        found = coach_reply(item.text, rules, item.context).present
        for rule_id, expected in item.expected.items():
            counts = table[rule_id]
            counts.tp += found[rule_id] and expected
            counts.fp += found[rule_id] and not expected
            counts.fn += expected and not found[rule_id]
            counts.tn += not found[rule_id] and not expected
            if show and found[rule_id] != expected:
                print(f"    {item.id} {rule_id}: {'missed' if expected else 'false alarm'}: {item.text}")
    return table


def _add(total: Counts, part: Counts) -> None:
    for key in ("tp", "fp", "fn", "tn"):
        setattr(total, key, getattr(total, key) + getattr(part, key))


def try_model(rules: CoachRules, sets: dict[str, list[Labelled]], older: list[Labelled], rule_id: str,
              ) -> None:
    """Nested leave-one-set-out: would "rule OR model" beat the rule alone on a set neither saw?"""
    from coach_train import KEEP, choose_threshold, probability, train

    groups = dict(sets)
    for n, path in enumerate(OLDER):
        groups[f"older{n}"] = load_labelled(path, [r.id for r in rules.rules])
    groups = {k: [i for i in v if rule_id in i.expected] for k, v in groups.items()}
    groups = {k: v for k, v in groups.items() if v}
    pooled = [Counts(), Counts()]
    for held in sets:
        inner = []
        for inner_held in groups:
            if inner_held == held:
                continue
            train_on = [i for k, v in groups.items() if k not in (held, inner_held) for i in v]
            weights, bias = train(train_on, rule_id, KEEP)
            trimmed = without_set(replace(rules, model=None), {k: v for k, v in groups.items()
                                                                              if k != held}, inner_held, [])
            for item in groups[inner_held]:
                found = coach_reply(item.text, trimmed, item.context).present[rule_id]
                inner.append((probability(weights, bias, item.text), found, item.expected[rule_id]))
        threshold = choose_threshold(inner)[0]
        weights, bias = train([i for k, v in groups.items() if k != held for i in v], rule_id, KEEP)
        trimmed = without_set(replace(rules, model=None), sets, held, older)
        counts = [Counts(), Counts()]
        for item in groups[held]:
            found = coach_reply(item.text, trimmed, item.context).present[rule_id]
            either = found or probability(weights, bias, item.text) >= threshold
            for c, f in zip(counts + pooled, (found, either, found, either), strict=True):
                c.tp += f and item.expected[rule_id]
                c.fp += f and not item.expected[rule_id]
                c.fn += item.expected[rule_id] and not f
                c.tn += not f and not item.expected[rule_id]
        print(f"{rule_id:28} {held:7} thr {threshold:5.3f}  rule " + _cell(counts[0]) + "  rule OR model "
              + _cell(counts[1]))
    print(f"{rule_id:28} pooled             rule " + _cell(pooled[0]) + "  rule OR model " + _cell(pooled[1]))


def _cell(c: Counts) -> str:
    return f"{c.agreement:6.1%} {c.precision:4.2f} {c.recall:4.2f}"


def main(argv: list[str]) -> int:
    if "--try-model" in argv:
        wanted = argv[argv.index("--try-model") + 1].split(",")
        rules = load_rules(RULES)
        ids = [r.id for r in rules.rules]
        sets = {name: load_labelled(path, ids) for name, path in SETS.items()}
        older = [i for path in OLDER for i in load_labelled(path, ids)]
        for rule_id in wanted:
            try_model(rules, sets, older, rule_id)
        return 0
    paths = [Path(a) for a in argv if not a.startswith("--")]
    rules = load_rules(RULES)
    ids = [r.id for r in rules.rules]
    named = {p.stem: p for p in paths} if paths else SETS
    sets = {name: load_labelled(path, ids) for name, path in named.items()}
    older = [i for path in OLDER for i in load_labelled(path, ids)]
    modes = ("full",) if "--full-only" in argv else ("full", "held")
    results: dict[str, dict[str, dict[str, Counts]]] = {}
    for mode in modes:
        for name, items in sets.items():
            used = rules if mode == "full" else without_set(rules, sets, name, older)
            if "--misses" in argv:
                print(f"  [{mode} {name}]")
            results.setdefault(mode, {})[name] = score(used, items, "--misses" in argv)
    header = f"{'rule':28} " + " ".join(f"{f'{m} {n}':>21}" for m in modes for n in sets)
    if "held" in modes:
        header += f" {'held pooled':>21}"
    print("agreement / precision / recall per rule; 'held' = the rules without what only that set supports")
    print(header)
    print("-" * len(header))
    for rule in rules.rules:
        cells = []
        for mode in modes:
            for name in sets:
                c = results[mode][name][rule.id]
                cells.append(f"{c.agreement:6.1%} {c.precision:4.2f} {c.recall:4.2f}  ")
        if "held" in modes:
            pooled = Counts()
            for name in sets:
                _add(pooled, results["held"][name][rule.id])
            cells.append(f"{pooled.agreement:6.1%} {pooled.precision:4.2f} {pooled.recall:4.2f}  ")
        print(f"{rule.id:28} " + " ".join(f"{c:>21}" for c in cells))
    for mode in modes:
        worst = {name: min(c.agreement for c in results[mode][name].values()) for name in sets}
        low_recall = {name: min(c.recall for r, c in results[mode][name].items()
                                if rules.rule(r).kind == "avoid") for name in sets}
        print(f"{mode}: lowest agreement " + ", ".join(f"{n} {v:.1%}" for n, v in worst.items())
              + "; lowest avoid recall " + ", ".join(f"{n} {v:.2f}" for n, v in low_recall.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
