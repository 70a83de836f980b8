"""The practice-calls page: every call's best outcome (replayed, as the home cards show it) and the
learner's finished calls, whose debriefs open again through the call controller."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from workbook.core.completion import check_eligibility
from workbook.store import practice_calls
from workbook.store.learner_progress import learner_record
from workbook.ui.calls_page import CallHistory, CallsPage
from workbook.ui.controllers.call import CallController
from workbook.ui.controllers.session import Session
from workbook.ui.home_page import LearnerSnapshot, not_counted_note
from workbook.ui.replayed_calls import replayed_call_records


class CallHistoryController(QObject):
    def __init__(self, session: Session, calls: CallController, home: Callable[[], None]) -> None:
        super().__init__(session.window)
        self.session = session
        self.page = CallsPage()
        session.window.pages.addWidget(self.page)
        self.page.call_requested.connect(calls.open)
        self.page.debrief_requested.connect(calls.open_debrief)
        self.page.home_requested.connect(home)

    def open(self, snapshot: LearnerSnapshot | None = None) -> None:
        """Each call's best ending and note as its home card shows them: from `snapshot`, the home
        page's (its record replayed already), or else from the learner's record replayed once here."""
        library, learner_id = self.session.library, self.session.learner_id
        if library is None or learner_id is None:
            return
        if snapshot is not None:
            records, not_counted, doubts = snapshot.calls, snapshot.not_counted, snapshot.doubts
            eligibility, left_out = snapshot.eligibility, snapshot.calls_not_counted
        else:
            record = learner_record(library, learner_id)
            records, not_counted, doubts = (replayed_call_records(library, learner_id, record),
                                            record.not_counted, record.doubts)
            eligibility = check_eligibility(library.course, library, record) if library.course else None
            left_out = record.calls_not_counted
        self.page.show_calls([
            CallHistory(scenario, records.get(scenario.id),
                        practice_calls.finished_calls(learner_id, scenario.id),
                        not_counted_note(f"call:{scenario.id}", not_counted, doubts, eligibility), left_out)
            for scenario in library.scenarios])
        self.session.show(self.page)
