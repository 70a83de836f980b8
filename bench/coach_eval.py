"""How often the typed-reply coach agrees with a trainer, rule by rule, on a labelled set of replies.

Prints agreement %, precision, recall and counts per rule for the whole set, the part the rules were
tuned on, the held-out part (`split: test`), the replies written after the rules were frozen
(`fresh`), the held-out replies of a second labeller who never saw the rules' patterns (`second`),
which is the most honest number, and a fourth labeller's tuning replies (`fourth`), each with the
caller's line the reply answers (given to the coach as context). A set that has no code for a rule
is not counted for that rule. Run after editing lessons/coach/rules.yaml.
With --no-model the phrase rules are read alone (without lessons/coach/model.yaml).
Usage: python bench/coach_eval.py [--misses] [--no-model] [RULES] [LABELLED ...]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from coach_sets import load_leave_alone  # noqa: E402,F401 (the tests read the guard file through here)

from workbook.core.coach import CoachRules, coach_reply, load_rules  # noqa: E402
from workbook.core.typed_turn import rating_from  # noqa: E402

RULES = ROOT / "lessons" / "coach" / "rules.yaml"
LABELLED = ROOT / "tests" / "fixtures" / "coach" / "labelled.yaml"
SECOND_LABELLER = ROOT / "tests" / "fixtures" / "coach" / "second_labeller.yaml"
THIRD_LABELLER = ROOT / "tests" / "fixtures" / "coach" / "third_labeller.yaml"  # all for tuning
FOURTH_LABELLER = ROOT / "tests" / "fixtures" / "coach" / "fourth_labeller.yaml"  # all for tuning
# "fresh": held-out replies written after the rules were frozen; "second": another labeller's;
# "fourth": the fourth labeller's tuning replies, shown on their own.
SPLITS = ("all", "tune", "test", "fresh", "second", "fourth")
USE_MODEL = True  # --no-model: the phrase rules alone


@dataclass(frozen=True)
class Labelled:
    """One typed reply and the trainer's true/false for every rule."""

    id: str
    split: str
    text: str
    fresh: bool
    expected: dict[str, bool]  # only the rules this set has a code for
    second: bool = False  # written and labelled by the second labeller
    context: str = ""  # the caller's line the reply answers, when the set gives it
    fourth: bool = False  # written and labelled by the fourth labeller


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


def load_labelled(path: Path, rule_ids: list[str], second: bool = False, fourth: bool = False,
                  ) -> list[Labelled]:
    """The labelled replies; `present` lists the codes judged present, every other coded rule is
    absent. A rule the set has no code for (one added after it was labelled) is left out."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    codes: dict[str, str] = data["codes"]
    unknown = set(codes.values()) - set(rule_ids)
    if unknown:
        raise ValueError(f"{path.name}: codes for rules that do not exist: {sorted(unknown)}")
    items = []
    for raw in data["replies"]:
        yes = raw.get("present") or []
        bad = [code for code in yes if code not in codes]
        if bad:
            raise ValueError(f"{raw['id']}: unknown label codes {bad}")
        expected = {rule_id: code in yes for code, rule_id in codes.items()}
        items.append(Labelled(str(raw["id"]), raw.get("split", "tune"), raw["text"],
                              bool(raw.get("fresh")), expected, second, str(raw.get("caller") or ""), fourth))
    return items


def evaluate(rules: CoachRules, items: list[Labelled]) -> dict[str, dict[str, Counts]]:
    """{split: {rule id: Counts}} comparing the coach with the labels."""
    table = {split: {rule.id: Counts() for rule in rules.rules} for split in SPLITS}
    for item in items:
        found = coach_reply(item.text, rules, item.context, USE_MODEL).present
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
    if item.fourth:
        return ("all", item.split, "fourth")
    if item.second:  # the second labeller's held-out half is its own column
        return ("all", item.split, "second") if item.split == "test" else ("all", item.split)
    return ("all", item.split, "fresh") if item.fresh else ("all", item.split)


def _rating(present: dict[str, bool], rules: CoachRules, coded: dict[str, bool]) -> str:
    """Best, okay or poor as a typed turn in a call would rate these findings (over the rules the
    labelled set has codes for, so a newer rule does not count against an older set)."""
    return rating_from((rule.kind, present[rule.id]) for rule in rules.rules if rule.id in coded)


def misses(rules: CoachRules, items: list[Labelled]) -> list[str]:
    """One line per disagreement, for tuning (look at the tune split only)."""
    lines = []
    for item in items:
        found = coach_reply(item.text, rules, item.context, USE_MODEL).present
        for rule_id, expected in item.expected.items():
            if found[rule_id] != expected:
                kind = "missed" if expected else "false alarm"
                lines.append(f"{item.id} [{item.split}] {rule_id}: {kind}: {item.text}")
    return lines


def scripted_replies_flagged(rules: CoachRules) -> str:
    """How many of the practice calls' scripted replies, by rating, some "avoid" rule flags: a best
    reply flagged is a false alarm on the lessons' authors' text. The model is trained with the best
    replies as good examples, so this count flatters it; coach_train.py prints the out-of-fold one."""
    counts: dict[str, list[int]] = {}
    for path in sorted((ROOT / "lessons" / "practice-calls").glob("*.yaml")):
        nodes = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nodes") or {}
        for node in nodes.values() if isinstance(nodes, dict) else nodes:
            for reply in (node or {}).get("replies") or []:
                result = coach_reply(str(reply.get("text") or ""), rules, str(node.get("caller") or ""),
                                     USE_MODEL)
                tally = counts.setdefault(str(reply.get("rating")), [0, 0])
                tally[0] += any(v.present for v in result.verdicts if v.kind == "avoid")
                tally[1] += 1
    return "script replies flagged by an avoid rule: " + ", ".join(
        f"{rating} {flagged}/{total}" for rating, (flagged, total) in sorted(counts.items()))


def main(argv: list[str]) -> int:
    show_misses = "--misses" in argv
    if "--no-model" in argv:
        global USE_MODEL
        USE_MODEL = False
    paths = [Path(a) for a in argv if not a.startswith("--")]
    rules = load_rules(paths[0] if paths else RULES)
    rule_ids = [r.id for r in rules.rules]
    if len(paths) > 1:
        items = [item for path in paths[1:] for item in load_labelled(path, rule_ids)]
    else:
        items = (load_labelled(LABELLED, rule_ids) + load_labelled(SECOND_LABELLER, rule_ids, second=True)
                 + load_labelled(THIRD_LABELLER, rule_ids)
                 + load_labelled(FOURTH_LABELLER, rule_ids, fourth=True))
    table = evaluate(rules, items)
    sizes = {split: sum(1 for i in items if split in _groups(i)) for split in SPLITS}
    print(f"Coach agreement with trainer labels: {sizes['all']} replies "
          f"({sizes['tune']} tune, {sizes['test']} held-out test; of these, {sizes['fresh']} written after "
          f"the rules were frozen and {sizes['second']} written by a second labeller; {sizes['fourth']} "
          "tuning replies from a fourth labeller, with the caller's line)\n")
    header = (f"{'rule':28} {'split':6} {'agree':>7} {'prec':>6} {'recall':>6} "
              f"{'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4}")
    print(header)
    print("-" * len(header))
    for rule in rules.rules:
        for split in SPLITS:
            c = table[split][rule.id]
            if not c.total:  # no reply of this split is labelled for this rule
                continue
            print(f"{rule.id:28} {split:6} {c.agreement:7.1%} {c.precision:6.2f} {c.recall:6.2f} "
                  f"{c.tp:4} {c.fp:4} {c.fn:4} {c.tn:4}")
    print("-" * len(header))
    for split in SPLITS:
        counts = [c for c in table[split].values() if c.total]
        if not sizes[split]:
            continue
        agree = sum(c.tp + c.tn for c in counts) / sum(c.total for c in counts)
        worst = min(counts, key=lambda c: c.agreement).agreement if counts else 1.0
        exact = sum(1 for i in items if split in _groups(i)
                    and {k: v for k, v in coach_reply(i.text, rules, i.context, USE_MODEL).present.items()
                         if k in i.expected} == i.expected)
        print(f"overall {split:6}: {agree:.1%} of rule verdicts agree, lowest rule {worst:.1%}, "
              f"{exact}/{sizes[split]} replies fully right")
    print()
    for split in SPLITS:
        group = [i for i in items if split in _groups(i)]
        if group:
            same = sum(1 for i in group
                       if _rating(coach_reply(i.text, rules, i.context, USE_MODEL).present, rules, i.expected)
                       == _rating(i.expected, rules, i.expected))
            print(f"typed-turn rating {split:6}: {same}/{len(group)} ({same / len(group):.1%}) replies "
                  "rated best/okay/poor as the trainer's labels rate them")
    print()
    print(scripted_replies_flagged(rules))
    if show_misses:
        print()
        print("\n".join(misses(rules, items)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
