"""The own-words drill: the coach judges a typed reply against the loaded rules; when the rules
cannot be used, it says why in the validator's words instead of opening."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from workbook.core.coach import RULES_FILE
from workbook.ui import dialogs
from workbook.ui.coach_page import CoachPage
from workbook.ui.controllers.session import Session


class CoachController(QObject):
    def __init__(self, session: Session, home: Callable[[], None]) -> None:
        super().__init__(session.window)
        self.session = session
        self.page = CoachPage()
        session.window.pages.addWidget(self.page)
        self.page.home_requested.connect(home)

    def open(self) -> None:
        library = self.session.library
        if library is None:
            return
        if library.coach is None:
            dialogs.show_error(self.session.window, self.tr("Coach unavailable"),
                               self.tr("The coach rules cannot be used:\n\n{reason}").format(
                                   reason=self._unavailable()))
            return
        self.page.start(library, library.coach)
        self.session.show(self.page)

    def _unavailable(self) -> str:
        """Why the coach's rules cannot be used, as the validator put it (`path:line: ...`)."""
        path = self.session.library.root / RULES_FILE
        found = [str(p) for p in self.session.library.problems if p.path == path]
        return "\n".join(found) or self.tr("{file} is missing.").format(file=path)
