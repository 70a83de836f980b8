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
        """A section opens with the words highlighted; a question shows itself with its answer and
        explanation (what the search was for); a call opens its player."""
        from workbook.core.search_index import HitKind, highlight_terms  # see _index

        if hit.kind == HitKind.SECTION:
            self._open_section(hit.owner_id, hit.item_id, highlight_terms(query))
        elif hit.kind == HitKind.QUESTION:
            self.show_question(hit.owner_id, hit.item_id)
        else:
            self._open_call(hit.owner_id)

    def show_question(self, module_id: str, question_id: str) -> None:
        """The question found, its right answer and why, in a dialog; its quiz when it is gone."""
        from workbook.core.attempt import PresentedQuestion
        from workbook.core.quiz_review import review_question
        from workbook.core.scoring import right_response
        from workbook.ui import dialogs

        module = self.session.library.module(module_id) if self.session.library else None
        question = next((q for q in (module.quiz.questions if module and module.quiz else ())
                         if q.id == question_id), None)
        if question is None:
            self._open_quiz(module_id)
            return
        size = len(getattr(question, "options", None) or getattr(question, "items", None)
                   or getattr(question, "pairs", None) or ())
        review = review_question(PresentedQuestion(question, tuple(range(size))), right_response(question))
        dialogs.show_info(self.session.window, self.tr("From the {module} quiz").format(module=module.title),
                          f"{question.prompt}\n\n"
                          + self.tr("Right answer: {answer}").format(answer=review.right_answer)
                          + f"\n\n{review.explanation}")
