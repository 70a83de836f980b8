"""How often the typed-reply coach agrees with a trainer, rule by rule, on a labelled set of replies.

Prints agreement %, precision, recall and counts per rule for the whole set, the part the rules were
tuned on, the held-out part (`split: test`), the replies written after the rules were frozen
(`fresh`), and the replies of a second labeller who never saw the rules' patterns (`second`), which
is the most honest number. Run after editing lessons/coach/rules.yaml.
Usage: python bench/coach_eval.py [--misses] [RULES] [LABELLED ...]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbook.core.coach import CoachRules, coach_reply, load_rules  # noqa: E402
from workbook.core.typed_turn import rating_from  # noqa: E402

RULES = ROOT / "lessons" / "coach" / "rules.yaml"
LABELLED = ROOT / "tests" / "fixtures" / "coach" / "labelled.yaml"
SECOND_LABELLER = ROOT / "tests" / "fixtures" / "coach" / "second_labeller.yaml"
THIRD_LABELLER = ROOT / "tests" / "fixtures" / "coach" / "third_labeller.yaml"  # all for tuning
# "fresh": held-out replies written after the rules were frozen; "second": another labeller's.
SPLITS = ("all", "tune", "test", "fresh", "second")


@dataclass(frozen=True)
class Labelled:
    """One typed reply and the trainer's true/false for every rule."""

    id: str
    split: str
    text: str
    fresh: bool
    expected: dict[str, bool]
    second: bool = False  # written and labelled by the second labeller


@dataclass
class Counts:
    """Confusion counts for one rule on one split."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def agreement(self) -> float:
        return (self.tp + self.tn) / self.total if self.total else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_labelled(path: Path, rule_ids: list[str], second: bool = False) -> list[Labelled]:
    """The labelled replies; `present` lists the codes judged present, every other rule is absent."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    codes: dict[str, str] = data["codes"]
    unknown = set(codes.values()) ^ set(rule_ids)
    if unknown:
        raise ValueError(f"labelled set and rules disagree on rule ids: {sorted(unknown)}")
    items = []
    for raw in data["replies"]:
        yes = raw.get("present") or []
        bad = [code for code in yes if code not in codes]
        if bad:
            raise ValueError(f"{raw['id']}: unknown label codes {bad}")
        expected = {rule_id: code in yes for code, rule_id in codes.items()}
        items.append(Labelled(str(raw["id"]), raw.get("split", "tune"), raw["text"],
                              bool(raw.get("fresh")), expected, second))
    return items


def evaluate(rules: CoachRules, items: list[Labelled]) -> dict[str, dict[str, Counts]]:
    """{split: {rule id: Counts}} comparing the coach with the labels."""
    table = {split: {rule.id: Counts() for rule in rules.rules} for split in SPLITS}
    for item in items:
        found = coach_reply(item.text, rules).present
        for rule_id, expected in item.expected.items():
            for split in _groups(item):
                counts = table[split][rule_id]
                if found[rule_id] and expected:
                    counts.tp += 1
                elif found[rule_id]:
                    counts.fp += 1
                elif expected:
                    counts.fn += 1
                else:
                    counts.tn += 1
    return table


def _groups(item: Labelled) -> tuple[str, ...]:
    if item.second:  # the second labeller's held-out half is its own column
        return ("all", item.split, "second") if item.split == "test" else ("all", item.split)
    return ("all", item.split, "fresh") if item.fresh else ("all", item.split)


def _rating(present: dict[str, bool], rules: CoachRules) -> str:
    """Best, okay or poor as a typed turn in a call would rate these findings."""
    return rating_from((rule.kind, present[rule.id]) for rule in rules.rules)


def misses(rules: CoachRules, items: list[Labelled]) -> list[str]:
    """One line per disagreement, for tuning (look at the tune split only)."""
    lines = []
    for item in items:
        found = coach_reply(item.text, rules).present
        for rule_id, expected in item.expected.items():
            if found[rule_id] != expected:
                kind = "missed" if expected else "false alarm"
                lines.append(f"{item.id} [{item.split}] {rule_id}: {kind}: {item.text}")
    return lines


def main(argv: list[str]) -> int:
    show_misses = "--misses" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")]
    rules = load_rules(paths[0] if paths else RULES)
    rule_ids = [r.id for r in rules.rules]
    if len(paths) > 1:
        items = [item for path in paths[1:] for item in load_labelled(path, rule_ids)]
    else:
        items = (load_labelled(LABELLED, rule_ids) + load_labelled(SECOND_LABELLER, rule_ids, second=True)
                 + load_labelled(THIRD_LABELLER, rule_ids))
    table = evaluate(rules, items)
    sizes = {split: sum(1 for i in items if split in _groups(i)) for split in SPLITS}
    print(f"Coach agreement with trainer labels: {sizes['all']} replies "
          f"({sizes['tune']} tune, {sizes['test']} held-out test; of these, {sizes['fresh']} written after "
          f"the rules were frozen and {sizes['second']} written by a second labeller)\n")
    header = (f"{'rule':28} {'split':6} {'agree':>7} {'prec':>6} {'recall':>6} "
              f"{'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4}")
    print(header)
    print("-" * len(header))
    for rule in rules.rules:
        for split in SPLITS:
            c = table[split][rule.id]
            if not sizes[split]:
                continue
            print(f"{rule.id:28} {split:6} {c.agreement:7.1%} {c.precision:6.2f} {c.recall:6.2f} "
                  f"{c.tp:4} {c.fp:4} {c.fn:4} {c.tn:4}")
    print("-" * len(header))
    for split in SPLITS:
        counts = table[split].values()
        if not sizes[split]:
            continue
        agree = sum(c.tp + c.tn for c in counts) / sum(c.total for c in counts)
        worst = min(counts, key=lambda c: c.agreement).agreement if counts else 1.0
        exact = sum(1 for i in items if split in _groups(i)
                    and coach_reply(i.text, rules).present == i.expected)
        print(f"overall {split:6}: {agree:.1%} of rule verdicts agree, lowest rule {worst:.1%}, "
              f"{exact}/{sizes[split]} replies fully right")
    print()
    for split in SPLITS:
        group = [i for i in items if split in _groups(i)]
        if group:
            same = sum(1 for i in group if _rating(coach_reply(i.text, rules).present, rules) ==
                       _rating(i.expected, rules))
            print(f"typed-turn rating {split:6}: {same}/{len(group)} ({same / len(group):.1%}) replies "
                  "rated best/okay/poor as the trainer's labels rate them")
    if show_misses:
        print()
        print("\n".join(misses(rules, items)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
