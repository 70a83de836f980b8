"""Search over the lessons, questions and calls: the dialog, and where a chosen hit opens."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workbook.ui.controllers.session import Session
from workbook.ui.search_dialog import SearchDialog

if TYPE_CHECKING:
    from workbook.core.content import Library
    from workbook.store.search import Hit, SearchIndex


class SearchController(QObject):
    def __init__(self, session: Session, open_section: Callable[[str, str, list[str]], None],
                 open_quiz: Callable[[str], None], open_call: Callable[[str], None]) -> None:
        super().__init__(session.window)
        self.session = session
        self._open_section, self._open_quiz, self._open_call = open_section, open_quiz, open_call
        self.index: SearchIndex | None = None  # built on first search (tens of ms)
        self.index_library: Library | None = None

    def open(self) -> None:
        if self.session.library is None:
            return
        dialog = SearchDialog(self._index(), self.session.window)
        dialog.hit_chosen.connect(self.open_hit)
        dialog.open()

    def _index(self) -> SearchIndex:
        # Imported here: the index pulls in markdown-it (about 40 ms, measured with -X importtime),
        # which otherwise loads with the content on a worker thread, not on the GUI thread at start.
        from workbook.store.search import SearchIndex

        if self.index is None or self.index_library is not self.session.library:
            self.index, self.index_library = SearchIndex.build(self.session.library), self.session.library
        return self.index

    def open_hit(self, hit: Hit, query: str) -> None:
        """A section opens with the words highlighted; a question opens its quiz; a call its player."""
        from workbook.core.search_index import HitKind, highlight_terms  # see _index

        if hit.kind == HitKind.SECTION:
            self._open_section(hit.owner_id, hit.item_id, highlight_terms(query))
        elif hit.kind == HitKind.QUESTION:
            self._open_quiz(hit.owner_id)
        else:
            self._open_call(hit.owner_id)
