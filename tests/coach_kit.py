"""The shipped coach rules' path, and what their phrases alone find (without the word model or the
encoder): shared by the coach's test files."""

from __future__ import annotations

from pathlib import Path

from workbook.core.coach import CoachRules, coach_reply

RULES_PATH = Path(__file__).resolve().parent.parent / "lessons" / "coach" / "rules.yaml"


def phrases_find(text: str, rules: CoachRules) -> set[str]:
    """The rule ids the phrases find in `text`."""
    return {v.rule_id for v in coach_reply(text, rules, use_model=False).verdicts if v.present}
