"""Practice calls: resume the unfinished call or start one, save each reply before the caller
answers, draw the debrief, and start again from any turn ("Replay from here")."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject

from workbook.core import call_engine
from workbook.core.debrief import debrief
from workbook.core.pace import turn_floor
from workbook.core.scenario import Scenario
from workbook.core.typed_turn import TypedTurn, typed_turn
from workbook.store import practice_calls
from workbook.ui import dialogs
from workbook.ui.call_page import CallPage
from workbook.ui.controllers.session import Session
from workbook.ui.operations import QueryOp


class CallController(QObject):
    def __init__(self, session: Session, home: Callable[[], None]) -> None:
        super().__init__(session.window)
        self.session = session
        self.call: practice_calls.StoredCall | None = None  # the practice call on screen
        self.state: call_engine.CallState | None = None
        self.judging: QueryOp | None = None  # the coach reading a typed reply, if it is
        self.page = CallPage()
        session.window.pages.addWidget(self.page)
        self.page.reply_chosen.connect(self.choose_reply)
        self.page.reply_typed.connect(self.type_reply)
        self.page.debrief_requested.connect(self.show_debrief)
        self.page.replay_requested.connect(self.replay_from)
        self.page.play_again_requested.connect(lambda: self.start_new(self.scenario_id))
        self.page.home_requested.connect(home)

    @property
    def scenario_id(self) -> str | None:
        return self.call.scenario_id if self.call else None

    def open(self, scenario_id: str) -> None:
        """Resume the unfinished call on this scenario, or start a new one."""
        library, learner_id = self.session.library, self.session.learner_id
        scenario = library.scenario(scenario_id) if library else None
        if scenario is None or learner_id is None:
            return
        unfinished = practice_calls.open_call(learner_id, scenario_id)
        if unfinished is None:
            self.start_new(scenario_id)
            return
        try:
            state = _replay(scenario, unfinished)
        except call_engine.CallError:
            dialogs.show_error(self.session.window, self.tr("Call cannot be resumed"),
                               self.tr("The script of \u201c{title}\u201d has changed since this call was "
                                       "started, so it cannot be resumed. A new call starts instead.").format(
                                           title=scenario.title))
            self.start_new(scenario_id)
            return
        self._show(scenario, unfinished, state)

    def start_new(self, scenario_id: str | None, prefix: list[tuple] | None = None,
                  replayed_from: str | None = None) -> None:
        library = self.session.library
        scenario = library.scenario(scenario_id) if library and scenario_id else None
        if scenario is None:
            return
        started = self.session.write(practice_calls.start_call, self.session.learner_id, scenario_id, prefix,
                                     replayed_from)
        if not started:
            return
        self._show(scenario, started.value, _replay(scenario, started.value))

    def _show(self, scenario: Scenario, call: practice_calls.StoredCall,
              state: call_engine.CallState) -> None:
        self.call, self.state = call, state
        coach = self.session.library.coach
        self.page.coach_rules = coach
        if any(node.typed for node in scenario.nodes.values()) and coach is None:
            self.session.window.statusBar().showMessage(
                self.tr("The coach rules cannot be read, so this call offers its scripted replies "
                        "throughout (the Own-words drill on the home screen says why)."), 10000)
        self.page.show_call(scenario, state)
        self.session.show(self.page)

    def choose_reply(self, reply_index: int) -> None:
        self._play(reply_index)

    def type_reply(self, text: str) -> None:
        """The coach judges the learner's own words (off the GUI thread: its encoder reads each
        sentence of a long reply); the call goes on as that verdict says."""
        rules = self.page.coach_rules
        if rules is None or self.call is None or self.judging is not None:
            return
        scenario = self.session.library.scenario(self.call.scenario_id)
        call, state = self.call, self.state
        self.page.send_button.setEnabled(False)
        self.judging = QueryOp(self.session.window, lambda job: typed_turn(scenario, state, text, rules),
                               lambda turn: self._judged(call, state, turn),
                               lambda error: self._judged(call, state, None, error)).start()

    def _judged(self, call: practice_calls.StoredCall, state: call_engine.CallState, turn: TypedTurn | None,
                error: Exception | None = None) -> None:
        self.judging = None
        self.page.typed_changed()  # the button as the box's words allow
        if call is not self.call or state is not self.state:
            return  # the learner left this call (or replayed it) while the coach read
        if turn is None:
            dialogs.show_error(self.session.window, self.tr("Reply not read"),
                               self.tr("The coach could not read your reply: {error}").format(error=error))
            return
        self._play(turn.reply_index, turn.typed)

    def _play(self, reply_index: int, typed: call_engine.TypedReply | None = None) -> None:
        """Save the choice first; the caller only answers once it is on disk."""
        scenario = self.session.library.scenario(self.call.scenario_id)
        state = call_engine.choose(scenario, self.state, reply_index, typed)
        record = partial(practice_calls.record_reply, shown=state.choices[-1].shown,
                         floor=turn_floor(scenario.nodes[self.state.at]))  # the order seen; reading time
        if not self.session.write(record, self.call, self.state.at, reply_index, typed):
            return
        self.state = state
        if state.ended(scenario):
            self.session.write(practice_calls.end_call, self.call, state.at, debrief(scenario, state))
        self.page.show_call(scenario, state)

    def show_debrief(self) -> None:
        library = self.session.library
        scenario = library.scenario(self.call.scenario_id)
        rule = library.course.requires.calls if library.course else None
        self.page.show_debrief(scenario, debrief(scenario, self.state), self.session.skill_label, rule)

    def open_debrief(self, call_id: str) -> None:
        """A finished call's debrief again (from the practice-calls page)."""
        call = practice_calls.load_call(call_id)
        library = self.session.library
        scenario = library.scenario(call.scenario_id) if call and library else None
        if scenario is None or call.learner_id != self.session.learner_id:
            return
        try:
            state = _replay(scenario, call)
        except call_engine.CallError:
            dialogs.show_error(self.session.window, self.tr("Debrief unavailable"),
                               self.tr("The script of \u201c{title}\u201d has changed since this call was "
                                       "played, so its debrief cannot be drawn again.").format(
                                           title=scenario.title))
            return
        self._show(scenario, call, state)
        self.show_debrief()

    def replay_from(self, turn: int) -> None:
        """A new call that copies the first `turn - 1` choices, then lets the learner choose again."""
        prefix = self.call.turns(turn - 1)
        self.start_new(self.call.scenario_id, prefix, replayed_from=self.call.id)


def _replay(scenario: Scenario, call: practice_calls.StoredCall) -> call_engine.CallState:
    """The call's state from its stored replies; raises CallError if the script changed."""
    return call_engine.replay(scenario, call.replies, call.typed, call.nodes, seed=call.seed)
