"""Leave-one-labeller-out folds for the coach's benches: each labeller's tuning replies, and the rules
as they would read without the entries only one labeller's replies support.

The phrase rules were written after reading every tuning reply, so scoring them on those replies
flatters them. Dropping, for a held-out labeller, every entry whose finds all come from that
labeller's replies approximates "the rules written without seeing this labeller"; entries no tuning
reply supports (written from how people phrase things) stay.
"""

from __future__ import annotations

import sys
from pathlib import Path

from msgspec.structs import replace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from coach_eval import FOURTH_LABELLER, LABELLED, SECOND_LABELLER, THIRD_LABELLER, Labelled, load_labelled  # noqa: E402, I001

from workbook.core.coach import CoachRule, CoachRules  # noqa: E402

LABELLERS = {"first": LABELLED, "second": SECOND_LABELLER, "third": THIRD_LABELLER, "fourth": FOURTH_LABELLER}


def load_tuning(rule_ids: list[str]) -> dict[str, list[Labelled]]:
    """The `split: tune` replies of each labeller (never the held-out ones)."""
    return {name: [i for i in load_labelled(path, rule_ids) if i.split == "tune"]
            for name, path in LABELLERS.items()}


def supported_by(rule: CoachRule, items: list[Labelled]) -> list[bool]:
    """For each entry of the rule: does it find a reply in `items` that is labelled with the rule?"""
    marked = [i.text for i in items if i.expected.get(rule.id)]
    return [any(m.search(text) for text in marked) for m in rule.matchers]


def trimmed(rule: CoachRule, held: list[Labelled], others: list[Labelled]) -> CoachRule:
    """`rule` without the entries that only the `held` replies support (none of the `others` do)."""
    own, theirs = supported_by(rule, held), supported_by(rule, others)
    keep = tuple(m for m, mine, seen in zip(rule.matchers, own, theirs, strict=True) if seen or not mine)
    return replace(rule, matchers=keep)


def without_labeller(rules: CoachRules, rule_id: str, tuning: dict[str, list[Labelled]], held: str,
                     ) -> CoachRules:
    """`rules` with `rule_id` stripped of the entries that only `held`'s tuning replies support."""
    others = [i for name, group in tuning.items() if name != held for i in group]
    return replace(rules, rules=tuple(trimmed(r, tuning[held], others) if r.id == rule_id else r
                                                  for r in rules.rules))
