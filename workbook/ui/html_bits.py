"""Small pieces of rich text shared by the quiz results and the call debrief."""

from __future__ import annotations

from workbook.ui.theme import BORDER, score_colour


def bar(percent: int, cells: int = 20) -> str:
    """A text bar (QTextBrowser has no progress widget): filled cells in the score's colour."""
    filled = max(0, min(cells, round(percent * cells / 100)))
    block = "\u2588"
    return (f"<span style='color:{score_colour(percent)}'>{block * filled}</span>"
            f"<span style='color:{BORDER}'>{block * (cells - filled)}</span>")
