"""The practice-calls page: every call's best outcome and the learner's finished calls, whose
debriefs open again through the call controller."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from workbook.store import practice_calls
from workbook.ui.calls_page import CallHistory, CallsPage
from workbook.ui.controllers.call import CallController
from workbook.ui.controllers.session import Session


class CallHistoryController(QObject):
    def __init__(self, session: Session, calls: CallController, home: Callable[[], None]) -> None:
        super().__init__(session.window)
        self.session = session
        self.page = CallsPage()
        session.window.pages.addWidget(self.page)
        self.page.call_requested.connect(calls.open)
        self.page.debrief_requested.connect(calls.open_debrief)
        self.page.home_requested.connect(home)

    def open(self) -> None:
        library, learner_id = self.session.library, self.session.learner_id
        if library is None or learner_id is None:
            return
        records = practice_calls.call_records(learner_id)
        self.page.show_calls([CallHistory(scenario, records.get(scenario.id),
                                          practice_calls.finished_calls(learner_id, scenario.id))
                              for scenario in library.scenarios])
        self.session.show(self.page)
