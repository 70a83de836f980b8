"""Switches between the pages and keeps who is training; each feature's work is in its controller
(`workbook/ui/controllers/`), and this module only says which request opens which feature."""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from workbook import APP_NAME
from workbook.core.completion import check_eligibility
from workbook.core.content import Library
from workbook.core.progress import continue_target, progress_by_module, resume_target
from workbook.reports import issue
from workbook.store import activity, learners, practice_calls, quiz_attempts, settings
from workbook.store.learner_progress import learner_record
from workbook.ui import breathing_dialog, dialogs
from workbook.ui.controllers.call import CallController
from workbook.ui.controllers.call_history import CallHistoryController
from workbook.ui.controllers.certificate import CertificateController
from workbook.ui.controllers.coach import CoachController
from workbook.ui.controllers.notes import NotesController
from workbook.ui.controllers.progress_export import ProgressExport
from workbook.ui.controllers.quiz import QuizController
from workbook.ui.controllers.reading import ReadingController
from workbook.ui.controllers.review import ReviewController
from workbook.ui.controllers.search import SearchController
from workbook.ui.controllers.session import Session
from workbook.ui.controllers.sync import SyncController
from workbook.ui.home_page import HomePage, LearnerSnapshot
from workbook.ui.main_window import MainWindow
from workbook.ui.profile_page import ProfilePage
from workbook.ui.trainer.controller import TrainerController


class Navigator(QObject):
    """Owns the current learner and the profile and home pages; the features own their pages."""

    learner_did_change = Signal(str)

    def __init__(self, window: MainWindow, data_dir: Path, assets_dir: Path,
                 library: Library | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.session = Session(window, data_dir, library)
        self.pages = window.pages
        self.profile_page = ProfilePage()
        self.home_page = HomePage()
        self.pages.addWidget(self.profile_page)
        self.pages.addWidget(self.home_page)
        window.navigator = self

        home = self.show_home
        self.reading = ReadingController(self.session, assets_dir, home)
        self.quiz = QuizController(self.session, home)
        self.calls = CallController(self.session, home)
        self.call_history = CallHistoryController(self.session, self.calls, home)
        self.notes = NotesController(self.session, self.reading.page, home)
        self.review = ReviewController(self.session, home)
        self.coach = CoachController(self.session, home)
        self.search = SearchController(self.session, self.reading.open_section, self.quiz.open,
                                       self.calls.open)
        self.certificates = CertificateController(self.session, home)
        self.trainer = TrainerController(self.session, home)
        self.progress_export = ProgressExport(self.session, self.trainer.allows)
        self.sync = SyncController(self.session)
        self._route()
        if library is not None:
            _leave_out_of_collections()

    def _route(self) -> None:
        """Which request opens which feature: the profile and home pages, the window's menus, and a
        page that leads on to another feature's page."""
        window, home, reader = self.window, self.home_page, self.reading.page
        self.profile_page.learner_chosen.connect(self.open_learner)
        home.module_open_requested.connect(self.reading.open_module)
        home.resume_requested.connect(self.reading.resume)
        home.quiz_requested.connect(self.quiz.open)
        home.call_requested.connect(self.calls.open)
        home.calls_requested.connect(self.call_history.open)
        home.certificate_requested.connect(self.certificates.issue)
        home.review_requested.connect(self.review.open)
        home.coach_requested.connect(self.coach.open)
        home.notes_requested.connect(self.notes.open)
        home.search_requested.connect(self.search.open)
        reader.quiz_requested.connect(self.quiz.open)
        reader.all_notes_requested.connect(self.notes.open)
        self.quiz.page.lessons_requested.connect(self.reading.open_module)
        self.notes.page.open_section_requested.connect(self.reading.open_section)
        self.calls.page.breathing_requested.connect(self.offer_breathing)
        window.switch_profile_requested.connect(self.show_profiles)
        window.home_requested.connect(self.show_home)
        window.zoom_requested.connect(self.reading.zoom)
        window.notes_requested.connect(self.notes.open)
        window.search_requested.connect(lambda: self.search.open() if self.learner_id else None)
        window.export_notes_requested.connect(self.notes.export)
        window.export_progress_requested.connect(self.progress_export.start)
        window.certificate_settings_requested.connect(self.certificates.edit_settings)
        window.sync_settings_requested.connect(self.sync.edit_settings)
        window.progress_saved.connect(self.sync.request)
        window.trainer_requested.connect(self.trainer.open)
        window.breathing_requested.connect(self.offer_breathing)
        window.language_chosen.connect(self.save_language)
        window.open_data_folder_requested.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir))))

    @property
    def library(self) -> Library | None:
        return self.session.library

    @property
    def learner_id(self) -> str | None:
        return self.session.learner_id

    def start(self) -> None:
        """Restore the reader zoom and ask who is training."""
        self.reading.restore_zoom()
        self.show_profiles()
        self.sync.start()

    def show_profiles(self) -> None:
        self.profile_page.refresh(preselect_id=settings.get_setting(settings.LAST_LEARNER))
        self.pages.setCurrentWidget(self.profile_page)
        self.window.setWindowTitle(APP_NAME)

    def open_learner(self, learner_id: str) -> None:
        learner = learners.get_learner(learner_id)
        if learner is None:
            return
        self.session.learner_id = learner_id
        self.session.write(settings.set_setting, settings.LAST_LEARNER, learner_id, announce=False)
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
        library, learner_id = self.library, self.learner_id
        read = activity.read_sections(learner_id)
        reading = progress_by_module(library, read)
        scores = quiz_attempts.quiz_scores(learner_id)
        eligibility = (check_eligibility(library.course, library,
                                         learner_record(library, learner_id, reading, scores))
                       if library.course else None)
        positions = activity.reading_positions(learner_id)
        return LearnerSnapshot(
            name, reading, continue_target(library, positions, read), scores,
            quiz_attempts.unfinished_quiz_modules(learner_id), practice_calls.call_records(learner_id),
            eligibility, issue.issued_certificates(learner_id), self.review.due_count(),
            left_off=resume_target(library, positions))

    def save_language(self, choice: str) -> None:
        """View > Language: kept in the data folder, read at the next start (see workbook.ui.i18n)."""
        from workbook.ui.i18n import save_choice

        try:
            save_choice(self.data_dir, choice)
        except OSError as error:
            dialogs.show_error(self.window, self.tr("Not saved"),
                               self.tr("The language choice could not be saved:\n\n{reason}").format(
                                   reason=error.strerror))

    def offer_breathing(self) -> None:
        breathing_dialog.offer_breathing(self.window)

    def set_library(self, library: Library) -> None:
        """Content finished loading (it loads off the GUI thread at start)."""
        self.session.library = library
        _leave_out_of_collections()
        if self.pages.currentWidget() is self.home_page:
            self.show_home()
        if library.unavailable:
            count = len(library.unavailable)
            self.window.statusBar().showMessage(
                self.tr("%n module(s) unavailable: see the home screen", "", count), 10000)

    def show_content_error(self, error: Exception) -> None:
        self.session.library = Library(root=Path("."))
        dialogs.show_error(self.window, self.tr("Content could not be loaded"),
                           self.tr("The lessons could not be loaded:\n\n{error}").format(error=error))


def _leave_out_of_collections() -> None:
    """The window, its pages and the content live as long as the app. A full garbage collection
    walks every object there is, holding the GIL: with these in it, each one that a background
    job's allocations set off froze the GUI thread for a few hundred ms. Frozen, they are skipped
    (and still freed as usual when nothing refers to them any more). Once per process: a frozen
    object in a cycle is never collected, so a later window (tests make hundreds) is not frozen."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


_frozen = False
