"""Remember which practice-call scripts have already passed the exhaustive walk, and which coach
patterns passed the backtracking guard and compiled.

Walking every reachable state of every script is most of what loading the content costs, yet a
script only needs walking again when it changes (the walk reads nothing else); checking the
coach's hundreds of patterns is most of what remains. The cache maps a digest of everything a
verdict depends on to "passed"; only passing items are remembered, so a broken one is always
checked and reported. `validate` checks everything regardless.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from workbook.files import write_text_atomic

# Bump when the walk's rules change (new checks, limits), so old verdicts are not trusted.
WALK_RULES_VERSION = "3"
MAX_ENTRIES = 2000  # the bundled content has 12 scripts and about 500 patterns


class WalkCache:
    """Digests of scripts and patterns that passed their checks, kept in one small JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._passed: dict[str, None] = {}
        self._dirty = False
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("rules") == WALK_RULES_VERSION:
                self._passed = dict.fromkeys(str(item) for item in data.get("passed", [])[-MAX_ENTRIES:])
        except (OSError, ValueError):
            pass  # no cache yet, or a damaged one: walk everything

    @staticmethod
    def digest(script_text: str, context: str) -> str:
        """Everything a verdict depends on: the text checked, what it was checked for (`context`)
        and the walk's rules."""
        return hashlib.sha256(f"{WALK_RULES_VERSION}\0{context}\0{script_text}".encode()).hexdigest()

    def passed(self, digest: str) -> bool:
        return digest in self._passed

    def remember(self, digest: str) -> None:
        if digest not in self._passed:
            self._passed[digest] = None
            self._dirty = True

    def save(self) -> None:
        """Write the cache if it changed; a cache that cannot be written is simply not kept."""
        if not self._dirty:
            return
        kept = list(self._passed)[-MAX_ENTRIES:]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, json.dumps({"rules": WALK_RULES_VERSION, "passed": kept}))
        except OSError:
            return
        self._dirty = False
