"""How a percentage reads at a glance: green from 80%, amber from 50%, red below. One definition for
the app's screens, the cohort reports and the charts, so a trainer never sees two verdicts."""

from __future__ import annotations

GOOD = 80
FAIR = 50
GREEN = "#1b6e3a"
AMBER = "#b7791f"
RED = "#a12a2a"


def score_colour(percent: float) -> str:
    if percent >= GOOD:
        return GREEN
    return AMBER if percent >= FAIR else RED
