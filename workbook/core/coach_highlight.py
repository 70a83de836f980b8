"""The learner's reply drawn as HTML with the words behind each coach verdict marked, so the learner
sees which words earned or cost the caller's mood."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbook.core.coach import CoachResult

HIGHLIGHT_STYLE = {
    "do": ("coach-do", "background-color:#d4f4dd;color:#0b5d1e"),
    "avoid": ("coach-avoid", "background-color:#fbd9d3;color:#8a1c0c"),
}


def highlight_html(text: str, result: CoachResult) -> str:
    """The reply as HTML with found words wrapped in <span class="coach-do|coach-avoid">.
    Where a "do" and an "avoid" find overlap, "avoid" wins: the learner must see the problem."""
    marks: list[tuple[int, int, str, str]] = [
        (start, end, v.kind, v.title) for v in result.verdicts if v.present for start, end in v.spans
    ]
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    pieces: list[tuple[str, str, list[str]]] = []  # (segment text, kind or "", titles)
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in marks if m[0] <= start and end <= m[1]]
        kind = "avoid" if any(m[2] == "avoid" for m in covering) else ("do" if covering else "")
        titles = sorted({m[3] for m in covering})
        if pieces and pieces[-1][1] == kind and pieces[-1][2] == titles:
            pieces[-1] = (pieces[-1][0] + text[start:end], kind, titles)
        else:
            pieces.append((text[start:end], kind, titles))
    out = []
    for segment, kind, titles in pieces:
        escaped = html.escape(segment)
        if kind:
            title = html.escape("; ".join(titles))
            css_class, style = HIGHLIGHT_STYLE[kind]
            out.append(f'<span class="{css_class}" style="{style}" title="{title}">{escaped}</span>')
        else:
            out.append(escaped)
    return "".join(out)
