"""Does each pattern of an "avoid" rule generalise, or does it only catch one labeller's wording?

For every phrase and pattern of the "avoid" rules, counts per labeller (tuning replies only) the
replies it finds that the labeller marked (hits) and did not mark (false alarms), and how many of
those hits no other entry of the rule finds (only). An entry whose hits all come from one labeller
is memorising that labeller; one that finds replies from several is reading a shape. Also prints,
per rule, leave-one-labeller-out figures for the phrase rules: each labeller's tuning replies scored
by the rule without the entries that only that labeller's replies support (as if the rule had been
written without seeing them), beside the full rule.
Usage: python bench/coach_pattern_gain.py [--misses] [RULE_ID ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from coach_eval import RULES, Counts  # noqa: E402
from coach_folds import load_tuning, without_labeller  # noqa: E402

from workbook.core.coach import coach_reply, load_rules  # noqa: E402


def main(argv: list[str]) -> int:
    rules = load_rules(RULES)
    tuning = load_tuning([r.id for r in rules.rules])
    argv = [a for a in argv if not a.startswith("--")]
    wanted = argv or [r.id for r in rules.rules if r.kind == "avoid"]
    for rule in rules.rules:
        if rule.id not in wanted:
            continue
        print(f"\n{rule.id}")
        per: dict[str, Counts] = {}
        rows = []
        finds: dict[str, list[tuple[int, ...]]] = {}
        for name, items in tuning.items():
            coded = [i for i in items if rule.id in i.expected]
            counts = per.setdefault(name, Counts())
            for item in coded:
                found = coach_reply(item.text, rules, item.context, use_model=False).present[rule.id]
                expected = item.expected[rule.id]
                counts.tp += found and expected
                counts.fp += found and not expected
                counts.fn += expected and not found
                counts.tn += not found and not expected
                finds[f"{name}:{item.id}"] = [tuple(1 if m.search(item.text) else 0 for m in rule.matchers),
                                              (expected,)]
        for index, matcher in enumerate(rule.matchers):
            cells, spread, total_fp = [], 0, 0
            for name in tuning:
                hits = [k for k, (m, (e,)) in finds.items() if k.startswith(name + ":") and m[index] and e]
                only = [k for k in hits if sum(finds[k][0]) == 1]
                false = [k for k, (m, (e,)) in finds.items()
                         if k.startswith(name + ":") and m[index] and not e]
                spread += bool(hits)
                total_fp += len(false)
                cells.append(f"{len(hits):2}/{len(only):<2}/{len(false):<2}")
            rows.append((spread, index, cells, matcher.pattern, total_fp))
        print(f"  {'entry':70} " + " ".join(f"{n:>8}" for n in tuning) + "   (hits/only/false alarms)")
        for spread, _index, cells, pattern, _fp in rows:
            if any(c.strip() != "0/0 /0" for c in cells):
                label = pattern if len(pattern) <= 70 else pattern[:67] + "..."
                print(f"  {label:70} " + " ".join(f"{c:>8}" for c in cells) + ("  one labeller" if spread == 1
                                                                               else ""))
        pooled = Counts()
        for name, counts in per.items():
            held = _held_out(rules, rule, tuning, name, finds)
            for key in ("tp", "fp", "fn", "tn"):
                setattr(pooled, key, getattr(pooled, key) + getattr(held, key))
            print(f"  {name:7}: full rule agreement {counts.agreement:6.1%} recall {counts.recall:4.2f}; "
                  f"held out {held.agreement:6.1%} precision {held.precision:4.2f} recall {held.recall:4.2f} "
                  f"({counts.tp + counts.fn} marked)")
        print(f"  leave-one-labeller-out, pooled: agreement {pooled.agreement:6.1%}, precision "
              f"{pooled.precision:4.2f}, recall {pooled.recall:4.2f}")
    return 0


def _held_out(rules, rule, tuning, held: str, finds) -> Counts:
    """The rule scored on `held`'s replies without the entries only `held`'s replies support."""
    trimmed = without_labeller(rules, rule.id, tuning, held)
    counts = Counts()
    for item in tuning[held]:
        if rule.id not in item.expected:
            continue
        found = coach_reply(item.text, trimmed, item.context, use_model=False).present[rule.id]
        expected = item.expected[rule.id]
        counts.tp += found and expected
        counts.fp += found and not expected
        counts.fn += expected and not found
        counts.tn += not found and not expected
        if SHOW_MISSES and found != expected:
            print(f"    {'missed' if expected else 'false alarm'} when held out: {item.id}: {item.text}")
    return counts


SHOW_MISSES = "--misses" in sys.argv
if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
