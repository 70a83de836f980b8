"""English counts for command-line and log text ("1 batch", "3 batches"); the window's text goes
through Qt's translation with real plural forms instead."""

from __future__ import annotations


def plural(count: int, word: str) -> str:
    """`count` and `word`, the word in its plural when the count is not one."""
    if count == 1:
        return f"{count} {word}"
    return f"{count} {word}{'es' if word.endswith(('ch', 'sh', 's', 'x')) else 's'}"
