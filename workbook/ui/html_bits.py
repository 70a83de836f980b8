"""Small pieces of rich text shared by the quiz results and the call debrief."""

from __future__ import annotations

from workbook.ui.theme import SUCCESS, WARNING

AMBER = "#b7791f"


def score_colour(percent: float) -> str:
    """Green from 80%, amber from 50%, red below: the same thresholds everywhere."""
    if percent >= 80:
        return SUCCESS
    return AMBER if percent >= 50 else WARNING


def bar(percent: int, cells: int = 20) -> str:
    """A text bar (QTextBrowser has no progress widget): filled cells in the score's colour."""
    filled = max(0, min(cells, round(percent * cells / 100)))
    block = "\u2588"
    return (f"<span style='color:{score_colour(percent)}'>{block * filled}</span>"
            f"<span style='color:#d5dce5'>{block * (cells - filled)}</span>")
