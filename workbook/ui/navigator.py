"""Moves the learner between the profile, home and reader pages and records what they read."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from workbook import APP_NAME
from workbook.core import call_engine
from workbook.core.attempt import draw_attempt, grade, seconds_left
from workbook.core.debrief import debrief
from workbook.core.pace import turn_floor
from workbook.core.progress import first_unread_index, progress_by_module, resume_target
from workbook.reports import issue
from workbook.store import activity, learners, practice_calls, quiz_attempts, settings
from workbook.store.connection import StoreError
from workbook.ui import dialogs
from workbook.ui.call_page import CallPage
from workbook.ui.coach_page import CoachPage
from workbook.ui.home_page import HomePage, LearnerSnapshot
from workbook.ui.main_window import MainWindow
from workbook.ui.notes_page import NotesPage
from workbook.ui.profile_page import ProfilePage
from workbook.ui.quiz_page import QuizPage
from workbook.ui.reader_page import ReaderPage
from workbook.ui.review_page import ReviewPage
from workbook.ui.trainer.controller import TrainerController

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbook.core.content import Library


_DONE = object()  # a write that returns nothing succeeded
_FAILED = None


class Navigator(QObject):
    """Owns the current learner; pages receive data and report what the user did."""

    learner_did_change = Signal(str)
    section_did_record = Signal(str, str)
    answer_did_record = Signal(str)  # question id

    def __init__(self, window: MainWindow, data_dir: Path, assets_dir: Path,
                 library: Library | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.library = library
        self.learner_id: str | None = None
        self.profile_page = ProfilePage()
        self.home_page = HomePage()
        self.reader_page = ReaderPage(assets_dir)
        self.quiz_page = QuizPage(skill_label=self._skill_label)
        self.attempt: quiz_attempts.StoredAttempt | None = None  # the attempt on screen
        self.call_page = CallPage()
        self.call: practice_calls.StoredCall | None = None  # the practice call on screen
        self.call_state: call_engine.CallState | None = None
        self.pages = window.pages
        for page in (self.profile_page, self.home_page, self.reader_page, self.quiz_page,
                     self.call_page):
            self.pages.addWidget(page)
        window.navigator = self

        self.profile_page.learner_chosen.connect(self.open_learner)
        self.home_page.module_open_requested.connect(self.open_module)
        self.home_page.resume_requested.connect(self.resume)
        self.home_page.quiz_requested.connect(self.open_quiz)
        self.reader_page.section_read.connect(self._record_section)  # read under the course's rule
        self.reader_page.home_requested.connect(self.show_home)
        self.reader_page.quiz_requested.connect(self.open_quiz)
        self.quiz_page.start_requested.connect(self.start_quiz)
        self.quiz_page.resume_requested.connect(self.resume_quiz)
        self.quiz_page.review_requested.connect(self.review_attempt)
        self.quiz_page.answer_given.connect(self._record_answer)
        self.quiz_page.submit_requested.connect(self.submit_quiz)
        self.quiz_page.home_requested.connect(self.show_home)
        self.quiz_page.lessons_requested.connect(self.open_module)
        self.home_page.call_requested.connect(self.open_call)
        self.home_page.certificate_requested.connect(self.get_certificate)
        self.home_page.review_requested.connect(self.open_review)
        self.home_page.coach_requested.connect(self.open_coach)
        self.home_page.notes_requested.connect(self.open_notes)
        self.home_page.search_requested.connect(self.open_search)
        self.reader_page.bookmark_toggled.connect(self._toggle_bookmark)
        self.reader_page.all_notes_requested.connect(self.open_notes)
        self.reader_page.note_requested.connect(self._add_note)
        self.reader_page.section_reached.connect(lambda m, s: self._show_personal(m, s))
        window.export_notes_requested.connect(self.export_notes)
        window.notes_requested.connect(self.open_notes)
        self.search_index = None  # built on first search (tens of ms)
        self.search_index_library = None
        self.review_page = ReviewPage()
        self.coach_page = CoachPage()
        self.notes_page = NotesPage()
        for page in (self.review_page, self.coach_page, self.notes_page):
            self.pages.addWidget(page)
            page.home_requested.connect(self.show_home)
        self.notes_page.open_section_requested.connect(self._open_section)
        self.notes_page.edit_note_requested.connect(self._edit_note)
        self.notes_page.delete_note_requested.connect(self._delete_note)
        self.notes_page.remove_bookmark_requested.connect(self._remove_bookmark)
        self.notes_page.undo_requested.connect(self._undo_notes)
        self.notes_page.export_requested.connect(self.export_notes)
        self.undo_notes: Callable[[], object] | None = None  # puts back the last note or bookmark removed
        self.review_page.rated.connect(self._rate_card)
        self.call_page.reply_chosen.connect(self.choose_reply)
        self.call_page.reply_typed.connect(self.type_reply)
        self.call_page.debrief_requested.connect(self.show_debrief)
        self.call_page.replay_requested.connect(self.replay_from)
        self.call_page.play_again_requested.connect(lambda: self.start_new_call(self.call_scenario_id))
        self.call_page.home_requested.connect(self.show_home)
        self.reader_page.zoom_changed.connect(
            lambda steps: self._save(settings.set_setting, settings.READER_ZOOM, str(steps)))
        window.switch_profile_requested.connect(self.show_profiles)
        window.home_requested.connect(self.show_home)
        window.zoom_requested.connect(self._zoom)
        window.certificate_settings_requested.connect(self.edit_certificate_settings)
        self.trainer = TrainerController(window, data_dir, lambda: self.library, self.show_home)
        window.trainer_requested.connect(self.trainer.open)
        window.breathing_requested.connect(self.offer_breathing)
        self.call_page.breathing_requested.connect(self.offer_breathing)
        window.open_data_folder_requested.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir))))

    def start(self) -> None:
        """Restore the reader zoom and ask who is training."""
        zoom = settings.get_setting(settings.READER_ZOOM, "0")
        self.reader_page.set_zoom(int(zoom) if zoom.lstrip("-").isdigit() else 0)
        self.show_profiles()

    def show_profiles(self) -> None:
        self.profile_page.refresh(preselect_id=settings.get_setting(settings.LAST_LEARNER))
        self.pages.setCurrentWidget(self.profile_page)
        self.window.setWindowTitle(APP_NAME)

    def open_learner(self, learner_id: str) -> None:
        learner = learners.get_learner(learner_id)
        if learner is None:
            return
        self.learner_id = learner_id
        self._save(settings.set_setting, settings.LAST_LEARNER, learner_id)
        self.window.setWindowTitle(f"{APP_NAME} \u2014 {learner.display_name}")
        self.learner_did_change.emit(learner_id)
        self.show_home()

    def show_home(self) -> None:
        if self.learner_id is None:
            self.show_profiles()
            return
        name = learners.get_learner(self.learner_id).display_name
        if self.library is None:
            self.home_page.show_loading(name)
        else:
            self.home_page.populate(self.library, self._snapshot(name))
        self.pages.setCurrentWidget(self.home_page)
        if self.home_page.cards:
            self.home_page.resume_button.setFocus()

    def _snapshot(self, name: str) -> LearnerSnapshot:
        """Everything the home screen shows, each set of rows read once."""
        from workbook.core.completion import check_eligibility
        from workbook.store.learner_progress import learner_record

        library, learner_id = self.library, self.learner_id
        reading = progress_by_module(library, activity.read_sections(learner_id))
        scores = quiz_attempts.quiz_scores(learner_id)
        eligibility = (check_eligibility(library.course, library,
                                         learner_record(library, learner_id, reading, scores))
                       if library.course else None)
        return LearnerSnapshot(
            name, reading, resume_target(library, activity.reading_positions(learner_id)), scores,
            quiz_attempts.unfinished_quiz_modules(learner_id), practice_calls.call_records(learner_id),
            eligibility, issue.issued_certificates(learner_id), self._review_due())

    def open_module(self, module_id: str, index: int | None = None) -> None:
        module = self.library.module(module_id) if self.library else None
        if module is None or self.learner_id is None:
            return
        read = activity.read_sections(self.learner_id).get(module_id, set())
        start = first_unread_index(module, read) if index is None else index
        self.reader_page.reading_rule = self.library.reading_rule
        self.pages.setCurrentWidget(self.reader_page)
        self.reader_page.open_module(module, read, start)

    def resume(self) -> None:
        if self.library is None or self.learner_id is None or not self.library.modules:
            return
        target = resume_target(self.library, activity.reading_positions(self.learner_id))
        if target is None:
            self.open_module(self.library.modules[0].id, 0)
        else:
            module, index = target
            self.open_module(module.id, index)

    # -- quizzes --------------------------------------------------------------------------

    def open_quiz(self, module_id: str) -> None:
        """The quiz intro: past attempts, and start or resume."""
        module = self.library.module(module_id) if self.library else None
        if module is None or self.learner_id is None:
            return
        if module.quiz is None:
            reason = (str(module.quiz_problems[0].format()) if module.quiz_problems
                      else "This module has no quiz.")
            dialogs.show_error(self.window, "Quiz unavailable",
                               f"The quiz for {module.title} cannot be used:\n\n{reason}")
            return
        self.attempt = None
        self.quiz_page.show_intro(module, quiz_attempts.open_attempt(self.learner_id, module_id),
                                  quiz_attempts.finished_attempts(self.learner_id, module_id))
        self.pages.setCurrentWidget(self.quiz_page)

    def start_quiz(self, module_id: str) -> None:
        module = self.library.module(module_id)
        plan = draw_attempt(module.quiz, module_id, random.Random())
        attempt_id = self._write(quiz_attempts.start_attempt, self.learner_id, plan)
        if attempt_id is None:
            return
        self.attempt = quiz_attempts.load_attempt(attempt_id)
        self.quiz_page.show_attempt(module, self.attempt, self._seconds_left(self.attempt))
        self.pages.setCurrentWidget(self.quiz_page)

    def resume_quiz(self, module_id: str) -> None:
        module = self.library.module(module_id)
        self.attempt = quiz_attempts.open_attempt(self.learner_id, module_id)
        if self.attempt is None:
            self.start_quiz(module_id)
            return
        left = self._seconds_left(self.attempt)
        if left is not None and left <= 0:  # the time ran out while the app was closed
            self.submit_quiz("time-up")
            return
        self.quiz_page.show_attempt(module, self.attempt, left)
        self.pages.setCurrentWidget(self.quiz_page)

    def review_attempt(self, attempt_id: str) -> None:
        attempt = quiz_attempts.load_attempt(attempt_id)
        module = self.library.module(attempt.module_id) if attempt and self.library else None
        if attempt is None or module is None or attempt.learner_id != self.learner_id:
            return
        self.quiz_page.show_review(module, attempt)

    def submit_quiz(self, reason: str) -> None:
        attempt = self.attempt
        if attempt is None:
            return
        result = grade(attempt.plan, attempt.responses)
        if self._write(quiz_attempts.submit_attempt, attempt, result, reason) is None:
            return
        self.attempt = None
        self.quiz_page.show_results(self.library.module(attempt.module_id), attempt, result, reason)

    def _record_answer(self, question_id: str, response: tuple, checked: bool) -> None:
        if self.attempt is not None and self._save(quiz_attempts.record_answer, self.attempt,
                                                   question_id, response, checked):
            self.answer_did_record.emit(question_id)

    @staticmethod
    def _seconds_left(attempt: quiz_attempts.StoredAttempt) -> float | None:
        return seconds_left(attempt.plan.settings, attempt.started_at, datetime.now(UTC))

    def _skill_label(self, skill: str) -> str:
        return self.library.skill_label(skill) if self.library else skill

    # -- certificates -------------------------------------------------------------------

    def get_certificate(self) -> None:
        """Issue the certificate into the data folder, then preview it with "Save as…"."""
        from workbook.ui import certificate_dialog

        learner = learners.get_learner(self.learner_id)
        folder = self.data_dir / "certificates"
        folder.mkdir(parents=True, exist_ok=True)
        stem = "".join(ch if ch.isalnum() else "-" for ch in learner.display_name).strip("-") or "learner"
        target = folder / f"certificate-{stem}.pdf"
        number = 2
        while target.exists():
            target = folder / f"certificate-{stem}-{number}.pdf"
            number += 1
        try:
            issued = issue.issue_certificate(self.library, self.learner_id, self.data_dir, target)
        except issue.NotEligible as refusal:
            dialogs.show_error(self.window, "Not yet", "\n".join(refusal.eligibility.reasons()))
            return
        except (OSError, StoreError) as error:
            dialogs.show_error(self.window, "Certificate not issued",
                               f"The certificate could not be written to {folder}:\n\n{error}")
            return
        self.window.save_status.setText("\u2714 Certificate issued")
        self.show_home()
        certificate_dialog.show_certificate(self.window, issued.path, issued.certificate_id,
                                            learner.display_name)

    # -- review and the own-words drill -------------------------------------------------

    def _review_due(self) -> int:
        from workbook.store import review

        return review.due_count(self.library, self.learner_id, datetime.now(UTC))

    def open_review(self) -> None:
        if self.library is None or self.learner_id is None:
            return
        self.pages.setCurrentWidget(self.review_page)
        self._next_card()

    def _next_card(self) -> None:
        from workbook.store import review

        cards = review.due_cards(self.library, self.learner_id, datetime.now(UTC))
        if cards:
            self.review_page.show_card(cards[0], len(cards))
        else:
            self.review_page.show_done()

    def _rate_card(self, card_id: str, rating: int) -> None:
        """Saved at once, so a session can stop at any card and resume later."""
        from workbook.store import review

        if self._save(review.review, self.learner_id, card_id, rating):
            self._next_card()

    def _coach_unavailable(self) -> str:
        """Why the coach's rules cannot be used, as the validator put it (`path:line: ...`)."""
        from workbook.core.coach import RULES_FILE

        path = self.library.root / RULES_FILE
        found = [str(p) for p in self.library.problems if p.path == path]
        return "\n".join(found) or f"{path} is missing."

    def open_coach(self) -> None:
        if self.library is None:
            return
        if self.library.coach is None:
            dialogs.show_error(self.window, "Coach unavailable",
                               f"The coach rules cannot be used:\n\n{self._coach_unavailable()}")
            return
        self.coach_page.start(self.library, self.library.coach)
        self.pages.setCurrentWidget(self.coach_page)

    # -- bookmarks and notes ------------------------------------------------------------

    def _show_personal(self, module_id: str, section_id: str) -> None:
        from workbook.store import notes

        if self.learner_id is None:
            return
        own = [n.body for n in notes.notes_for_section(self.learner_id, module_id, section_id)]
        self.reader_page.show_personal(notes.is_bookmarked(self.learner_id, module_id, section_id), own)

    def _toggle_bookmark(self, module_id: str, section_id: str) -> None:
        from workbook.store import notes

        if self._save(notes.toggle_bookmark, self.learner_id, module_id, section_id):
            self._show_personal(module_id, section_id)

    def _add_note(self, module_id: str, section_id: str) -> None:
        from workbook.store import notes

        body = dialogs.ask_multiline(self.window, "Add a note", "Your note on this section:")
        if body and self._note_saved(notes.add_note, self.learner_id, module_id, section_id, body):
            self._show_personal(module_id, section_id)

    def _note_saved(self, write, *args) -> bool:
        """A note write; a note too long to keep is explained, not raised."""
        from workbook.store.notes import NoteError

        try:
            return self._save(write, *args)
        except NoteError as error:
            dialogs.show_error(self.window, "Note not saved", str(error))
            return False

    def open_notes(self) -> None:
        """Every bookmark and note of the learner, in lesson order (View › My notes, Ctrl+Shift+M)."""
        if self.learner_id is None or self.library is None:
            return
        self.undo_notes = None
        self.notes_page.hide_undo()
        self._refresh_notes()
        self.pages.setCurrentWidget(self.notes_page)

    def _refresh_notes(self, keep: tuple[str, ...] | None = None) -> None:
        from workbook.store import notes

        self.notes_page.show_items(notes.collect(self.library, self.learner_id), keep or
                                   self.notes_page.selected())

    def _open_section(self, module_id: str, section_id: str) -> None:
        module = self.library.module(module_id)
        index = module.section_index(section_id) if module else None
        if index is not None:
            self.open_module(module_id, index)

    def _edit_note(self, note_id: str, body: str) -> None:
        from workbook.store import notes

        text = dialogs.ask_multiline(self.window, "Edit note", "Your note:", body)
        if text and text != body and self._note_saved(notes.edit_note, self.learner_id, note_id, text):
            self._refresh_notes(("note", note_id))

    def _delete_note(self, note_id: str) -> None:
        from workbook.store import notes

        taken = self._write(notes.take_note, self.learner_id, note_id)
        if taken is None or taken is _DONE:
            self._refresh_notes()
            return
        self.undo_notes = partial(notes.restore_note, taken)
        self.notes_page.show_undo(f"Note deleted: \u201c{taken.body[:60]}\u201d")
        self._refresh_notes()

    def _remove_bookmark(self, module_id: str, section_id: str) -> None:
        from workbook.store import notes

        if self._save(notes.toggle_bookmark, self.learner_id, module_id, section_id):
            self.undo_notes = partial(notes.toggle_bookmark, self.learner_id, module_id, section_id)
            self.notes_page.show_undo("Bookmark removed.")
            self._refresh_notes(("section", module_id, section_id))

    def _undo_notes(self) -> None:
        if self.undo_notes is not None and self._save(self.undo_notes):
            self.undo_notes = None
            self.notes_page.hide_undo()
            self._refresh_notes()

    def export_notes(self) -> None:
        from workbook.store import notes

        if self.learner_id is None or self.library is None:
            return
        chosen = dialogs.ask_save_path(self.window, "Export notes and bookmarks",
                                       str(Path.home() / "workbook-notes.md"), "Markdown (*.md)")
        if chosen and self._save(notes.write_notes_markdown, Path(chosen), self.library, self.learner_id):
            dialogs.show_info(self.window, "Exported", f"Notes and bookmarks written to {chosen}")

    # -- search -------------------------------------------------------------------------

    def open_search(self) -> None:
        from workbook.ui.search_dialog import SearchDialog

        if self.library is None:
            return
        dialog = SearchDialog(self._search_index(), self.window)
        dialog.hit_chosen.connect(self.open_hit)
        dialog.open()

    def _search_index(self):
        from workbook.store.search import SearchIndex

        if self.search_index is None or self.search_index_library is not self.library:
            self.search_index, self.search_index_library = SearchIndex.build(self.library), self.library
        return self.search_index

    def open_hit(self, hit, query: str) -> None:
        """A section opens with the words highlighted; a question opens its quiz; a call its player."""
        from workbook.core.search_index import HitKind, highlight_terms

        if hit.kind == HitKind.SECTION:
            module = self.library.module(hit.owner_id)
            index = module.section_index(hit.item_id) if module else None
            if index is not None:
                self.open_module(module.id, index)
                self.reader_page.highlight(highlight_terms(query))
        elif hit.kind == HitKind.QUESTION:
            self.open_quiz(hit.owner_id)
        else:
            self.open_call(hit.owner_id)

    def offer_breathing(self) -> None:
        from workbook.ui import breathing_dialog

        breathing_dialog.offer_breathing(self.window)

    def edit_certificate_settings(self) -> None:
        from workbook.ui.certificate_settings_dialog import edit_certificate_settings

        if self.library is None:
            return
        chosen = edit_certificate_settings(self.window, issue.certificate_settings(self.library))
        if chosen is not None:
            self._save(issue.save_certificate_settings, chosen)

    # -- practice calls -----------------------------------------------------------------

    @property
    def call_scenario_id(self) -> str | None:
        return self.call.scenario_id if self.call else None

    def open_call(self, scenario_id: str) -> None:
        """Resume the unfinished call on this scenario, or start a new one."""
        scenario = self.library.scenario(scenario_id) if self.library else None
        if scenario is None or self.learner_id is None:
            return
        unfinished = practice_calls.open_call(self.learner_id, scenario_id)
        if unfinished is None:
            self.start_new_call(scenario_id)
            return
        try:
            state = self._replay(scenario, unfinished)
        except call_engine.CallError:
            dialogs.show_error(self.window, "Call cannot be resumed",
                               f"The script of '{scenario.title}' has changed since this call was "
                               "started, so it cannot be resumed. A new call starts instead.")
            self.start_new_call(scenario_id)
            return
        self._show_call(scenario, unfinished, state)

    def start_new_call(self, scenario_id: str | None, prefix: list[tuple] | None = None,
                       replayed_from: str | None = None) -> None:
        scenario = self.library.scenario(scenario_id) if self.library and scenario_id else None
        if scenario is None:
            return
        call = self._write(practice_calls.start_call, self.learner_id, scenario_id, prefix, replayed_from)
        if call is None:
            return
        self._show_call(scenario, call, self._replay(scenario, call))

    def _show_call(self, scenario, call: practice_calls.StoredCall, state: call_engine.CallState) -> None:
        self.call, self.call_state = call, state
        self.call_page.coach_rules = self.library.coach
        if any(node.typed for node in scenario.nodes.values()) and self.library.coach is None:
            self.window.statusBar().showMessage(
                "The coach rules cannot be read, so this call offers its scripted replies throughout "
                "(the Own-words drill on the home screen says why).", 10000)
        self.call_page.show_call(scenario, state)
        self.pages.setCurrentWidget(self.call_page)

    @staticmethod
    def _replay(scenario, call: practice_calls.StoredCall) -> call_engine.CallState:
        """The call's state from its stored replies; raises CallError if the script changed."""
        state = call_engine.start_call(scenario, call.seed)
        for node, reply, typed in call.turns():
            if state.at != node:
                raise call_engine.CallError(f"stored turn at '{node}' but the script is at '{state.at}'")
            state = call_engine.choose(scenario, state, reply, typed)
        return state

    def choose_reply(self, reply_index: int) -> None:
        self._play(reply_index)

    def type_reply(self, text: str) -> None:
        """The coach judges the learner's own words; the call goes on as that verdict says."""
        from workbook.core.typed_turn import typed_turn

        rules = self.call_page.coach_rules
        if rules is None or self.call is None:
            return
        scenario = self.library.scenario(self.call.scenario_id)
        turn = typed_turn(scenario, self.call_state, text, rules)
        self._play(turn.reply_index, turn.typed)

    def _play(self, reply_index: int, typed: call_engine.TypedReply | None = None) -> None:
        """Save the choice first; the caller only answers once it is on disk."""
        scenario = self.library.scenario(self.call.scenario_id)
        state = call_engine.choose(scenario, self.call_state, reply_index, typed)
        record = partial(practice_calls.record_reply, typed=typed, shown=state.choices[-1].shown,
                         floor=turn_floor(scenario.nodes[self.call_state.at]))
        if not self._save(record, self.call, self.call_state.at, reply_index):
            return
        self.call_state = state
        if state.ended(scenario):
            self._save(practice_calls.end_call, self.call, state.at, debrief(scenario, state))
        self.call_page.show_call(scenario, state)

    def show_debrief(self) -> None:
        scenario = self.library.scenario(self.call.scenario_id)
        self.call_page.show_debrief(scenario, debrief(scenario, self.call_state), self._skill_label)

    def replay_from(self, turn: int) -> None:
        """A new call that copies the first `turn - 1` choices, then lets the learner choose again."""
        prefix = self.call.turns(turn - 1)
        self.start_new_call(self.call.scenario_id, prefix, replayed_from=self.call.id)

    def set_library(self, library: Library) -> None:
        """Content finished loading (it loads off the GUI thread at start)."""
        self.library = library
        if self.pages.currentWidget() is self.home_page:
            self.show_home()
        if library.unavailable:
            count = len(library.unavailable)
            self.window.statusBar().showMessage(
                f"{count} module{'s' if count > 1 else ''} unavailable: see the home screen", 10000)

    def show_content_error(self, error: Exception) -> None:
        from workbook.core.content import Library

        self.library = Library(root=Path("."))
        dialogs.show_error(self.window, "Content could not be loaded",
                           f"The lessons could not be loaded:\n\n{error}")

    def _zoom(self, step: int) -> None:
        self.reader_page.set_zoom(self.reader_page.zoom + step if step else 0)

    def _record_section(self, module_id: str, section_id: str) -> None:
        if self.learner_id is None:
            return
        if self._save(activity.record_section_read, self.learner_id, module_id, section_id):
            self.section_did_record.emit(module_id, section_id)

    def _save(self, write, *args) -> bool:
        """Run one store write; a failure is shown, and the learner can keep reading."""
        return self._write(write, *args) is not _FAILED

    def _write(self, write, *args) -> Any:
        """`write(*args)`, or None after showing why it failed (earlier progress is untouched)."""
        try:
            value = write(*args)
        except StoreError as error:
            self.window.save_status.setText("\u26a0 Progress not saved")
            dialogs.show_error(self.window, "Progress not saved",
                               f"The last step could not be saved to {self.data_dir}:\n\n{error}\n\n"
                               "Earlier progress is safe. Check free disk space and that no other "
                               "program holds the database, then carry on.")
            return None
        self.window.save_status.setText("\u2714 Progress saved")
        return _DONE if value is None else value
