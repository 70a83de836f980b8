"""Full-text search over the lessons, quiz explanations and practice calls (SQLite FTS5).

The index lives in its own in-memory connection, rebuilt from the loaded `Library`: it is derived
from the content only (nothing a learner wrote), takes a fraction of a second to build, and so can
never be stale or need a migration.
"""

from __future__ import annotations

import html
import sqlite3
import threading
import time

from msgspec import Struct

from workbook.core.content import Library
from workbook.core.search_index import (
    HitKind,
    documents,
    highlight_terms,
    match_expression,
    phrase_expression,
)

__all__ = ["Hit", "HitKind", "SearchIndex", "highlight_terms"]

_OPEN, _CLOSE = "\x02", "\x03"
# bm25 weights per indexed column: heading (section title, question prompt, call title), context
# (module title, caller's line), body.
_WEIGHTS = (8.0, 3.0, 1.0)
_PHRASE_BOOST = 2.0  # the words together, in order, count double
# Lessons are what a learner came to read, and bm25 already marks long documents (sections) down.
_KIND_BOOST = {HitKind.SECTION: 1.5, HitKind.QUESTION: 1.0, HitKind.CALL: 1.0}


class Hit(Struct, frozen=True):
    """One result. Open a section or question with (owner_id = module id, item_id); a call with
    (owner_id = scenario id, item_id = node id). `snippet` is HTML with matches in <b>…</b>;
    `rank` is lower for better matches (bm25)."""

    kind: HitKind
    owner_id: str
    item_id: str
    title: str
    snippet: str
    rank: float

    @property
    def module_id(self) -> str | None:
        return self.owner_id if self.kind != HitKind.CALL else None

    @property
    def scenario_id(self) -> str | None:
        return self.owner_id if self.kind == HitKind.CALL else None


def _snippet_html(raw: str) -> str:
    return html.escape(raw, quote=False).replace(_OPEN, "<b>").replace(_CLOSE, "</b>")


class SearchIndex:
    """An FTS5 index of one library; build with `SearchIndex.build(library)`."""

    def __init__(self, connection: sqlite3.Connection, build_seconds: float, size: int) -> None:
        self._connection = connection
        self._lock = threading.Lock()  # one connection, possibly used from a worker thread
        self.build_seconds = build_seconds
        self.size = size

    @classmethod
    def build(cls, library: Library) -> SearchIndex:
        started = time.perf_counter()
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        connection.execute(
            "CREATE VIRTUAL TABLE doc USING fts5(kind UNINDEXED, owner_id UNINDEXED, item_id UNINDEXED, "
            "title UNINDEXED, heading, context, body, "
            "tokenize = 'porter unicode61 remove_diacritics 2')")
        rows = [(str(d.kind), d.owner_id, d.item_id, d.display_title, d.heading, d.context, d.body)
                for d in documents(library)]
        with connection:
            connection.executemany("INSERT INTO doc VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        return cls(connection, time.perf_counter() - started, len(rows))

    def close(self) -> None:
        self._connection.close()

    def _query(self, expression: str, limit: int) -> list[tuple]:
        weights = ", ".join(str(w) for w in _WEIGHTS)
        sql = (f"SELECT rowid, kind, owner_id, item_id, title, "
               f"snippet(doc, -1, ?, ?, '…', 16), bm25(doc, 0, 0, 0, 0, {weights}) AS score "
               f"FROM doc WHERE doc MATCH ? ORDER BY score LIMIT ?")
        try:
            return self._connection.execute(sql, (_OPEN, _CLOSE, expression, limit)).fetchall()
        except sqlite3.OperationalError:  # the expression is built to be safe; never surface a fault
            return []

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Best matches first; every word must match (as a prefix), or failing that any word."""
        if limit <= 0:
            return []
        expression = match_expression(query)
        if expression is None:
            return []
        pool = max(limit * 3, 60)  # the phrase boost may lift a match from further down
        with self._lock:
            rows = self._query(expression, pool)
            if not rows:
                rows = self._query(match_expression(query, any_word=True) or expression, pool)
            phrase = phrase_expression(query)
            together = {row[0] for row in self._query(phrase, pool)} if phrase and rows else set()
        hits = [Hit(HitKind(kind), owner, item, title, _snippet_html(snippet),
                    score * _KIND_BOOST[HitKind(kind)] * (_PHRASE_BOOST if rowid in together else 1.0))
                for rowid, kind, owner, item, title, snippet, score in rows]
        hits.sort(key=lambda hit: hit.rank)
        return hits[:limit]
