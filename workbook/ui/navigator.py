"""Switches between the pages and keeps who is training; each feature's work is in its controller
(`workbook/ui/controllers/`), and this module only says which request opens which feature.

Only the profile and home pages are built at start: the features (reader, quiz, calls, trainer...)
are built, and their modules imported, just after the home page first shows (or a second after the
content arrives if no learner is opened meanwhile), or at once when anything asks for one, so the
home page paints sooner.
"""

from __future__ import annotations

import gc
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices

from workbook import APP_NAME
from workbook.core.completion import calls_handled_well, check_eligibility
from workbook.core.content import Library
from workbook.core.progress import continue_target, resume_target
from workbook.core.standing import quiz_standings
from workbook.store import activity, learners, quiz_attempts, review, settings
from workbook.store.certificates import issued_certificates
from workbook.store.learner_progress import record_and_sections
from workbook.ui import dialogs
from workbook.ui.after_paint import AfterPaint
from workbook.ui.controllers.session import Session
from workbook.ui.controllers.sync import SyncController
from workbook.ui.home_page import HomePage, LearnerSnapshot
from workbook.ui.main_window import MainWindow
from workbook.ui.profile_page import ProfilePage
from workbook.ui.replayed_calls import replayed_call_records


class Navigator(QObject):
    """Owns the current learner and the profile and home pages; the features own their pages."""

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
        self._assets_dir = assets_dir
        self._features: dict[str, QObject] = {}
        self._shown: tuple[str, LearnerSnapshot] | None = None  # for whom, and what the home page shows
        self.sync = SyncController(self.session)  # at start: it syncs in the background
        self._route()

    def _build_features(self) -> None:
        """Build every feature's controller and page once, in this order (later ones lead to earlier
        ones' pages), and connect the pages that lead on to another feature's page."""
        if self._features:
            return
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
        from workbook.ui.trainer.controller import TrainerController

        home, built = self.show_home, self._features
        built["reading"] = reading = ReadingController(self.session, self._assets_dir, home)
        reading.restore_zoom()
        built["quiz"] = quiz = QuizController(self.session, home)
        built["calls"] = calls = CallController(self.session, home)
        built["call_history"] = CallHistoryController(self.session, calls, home)
        built["notes"] = notes = NotesController(self.session, reading.page, home)
        built["review"] = ReviewController(self.session, home)
        built["coach"] = CoachController(self.session, home)
        built["search"] = SearchController(self.session, reading.open_section, quiz.open, calls.open)
        built["trainer"] = TrainerController(self.session, home)
        built["certificates"] = CertificateController(self.session, home, built["trainer"].unlock)
        built["progress_export"] = ProgressExport(self.session, built["trainer"].allows)
        reading.page.quiz_requested.connect(quiz.open)
        reading.page.all_notes_requested.connect(notes.open)
        quiz.page.lessons_requested.connect(reading.open_module)
        notes.page.open_section_requested.connect(reading.open_section)
        calls.page.breathing_requested.connect(self.offer_breathing)
        if self.session.library is not None:
            _leave_out_of_collections()  # the pages and the content live as long as the app
        gc.enable()  # paused while the app started (workbook.cli): what it built is in place now

    def _feature(self, name: str):
        self._build_features()
        return self._features[name]

    reading = property(lambda self: self._feature("reading"))
    quiz = property(lambda self: self._feature("quiz"))
    calls = property(lambda self: self._feature("calls"))
    call_history = property(lambda self: self._feature("call_history"))
    notes = property(lambda self: self._feature("notes"))
    review = property(lambda self: self._feature("review"))
    coach = property(lambda self: self._feature("coach"))
    search = property(lambda self: self._feature("search"))
    certificates = property(lambda self: self._feature("certificates"))
    trainer = property(lambda self: self._feature("trainer"))
    progress_export = property(lambda self: self._feature("progress_export"))

    def _route(self) -> None:
        """Which request opens which feature: the profile and home pages and the window's menus. The
        feature is looked up when the request comes (building the features if they are not yet)."""
        window, home = self.window, self.home_page
        self.profile_page.learner_chosen.connect(self.open_learner)
        home.module_open_requested.connect(lambda module_id: self.reading.open_module(module_id))
        home.resume_requested.connect(lambda: self.reading.resume())
        home.quiz_requested.connect(lambda module_id: self.quiz.open(module_id))
        home.call_requested.connect(lambda scenario_id: self.calls.open(scenario_id))
        home.calls_requested.connect(lambda: self.call_history.open(self._home_snapshot()))
        home.certificate_requested.connect(lambda: self.certificates.issue())
        home.review_requested.connect(lambda: self.review.open())
        home.coach_requested.connect(lambda: self.coach.open())
        home.notes_requested.connect(lambda: self.notes.open())
        home.search_requested.connect(lambda: self.search.open())
        window.switch_profile_requested.connect(self.show_profiles)
        window.home_requested.connect(self.show_home)
        window.zoom_requested.connect(lambda step: self.reading.zoom(step))
        window.notes_requested.connect(lambda: self.notes.open())
        window.search_requested.connect(self._search)
        window.export_notes_requested.connect(lambda: self.notes.export())
        window.export_progress_requested.connect(lambda: self.progress_export.start())
        window.certificate_settings_requested.connect(lambda: self.certificates.edit_settings())
        window.verify_certificate_requested.connect(lambda: self.certificates.verify())
        window.sync_settings_requested.connect(self.sync.edit_settings)
        window.progress_saved.connect(self.sync.request)
        window.progress_saved.connect(self._forget_snapshot)
        window.trainer_requested.connect(lambda: self.trainer.open())
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
        """Ask who is training (the reader's zoom is restored when the reader is built)."""
        self.show_profiles()
        if self.library is not None:  # given at construction (tests): no load to wait for
            QTimer.singleShot(0, self._build_features)
        self.sync.start()

    def show_profiles(self) -> None:
        """The profile list; whoever picks from it next is asked for the trainer passphrase again."""
        self._lock_trainer()
        self._clear_status()
        self.profile_page.refresh(preselect_id=settings.get_setting(settings.LAST_LEARNER))
        self.pages.setCurrentWidget(self.profile_page)
        self.window.setWindowTitle(APP_NAME)

    def open_learner(self, learner_id: str) -> None:
        learner = learners.get_learner(learner_id)
        if learner is None:
            return
        self._lock_trainer()
        if learner_id != self.session.learner_id:
            self._clear_status()
        self.session.learner_id = learner_id
        self.session.write(settings.set_setting, settings.LAST_LEARNER, learner_id, announce=False)
        self.window.setWindowTitle(f"{APP_NAME} \u2014 {learner.display_name}")
        self.show_home()

    def _search(self) -> None:
        """Ctrl+F / Ctrl+K: on the trainer page and on My notes, the page's own filter (as their hints
        say; the workbook's search does not read notes); elsewhere the search of lessons, quizzes and
        calls."""
        shown = self.pages.currentWidget()
        pages = [self._features[name].page for name in ("trainer", "notes") if name in self._features]
        if shown in pages:
            shown.focus_filter()
        elif self.learner_id:
            self.search.open()

    def _clear_status(self) -> None:
        """The status bar's last word was for the person before ("Report saved to /…/cohort.pdf",
        "Progress saved"): the next one starts with none."""
        self.window.save_status.setText("")
        self.window.statusBar().clearMessage()

    def _lock_trainer(self) -> None:
        """Trainer access ends with the profile: it never carries over to the next person."""
        if "trainer" in self._features:  # not built yet: nothing was unlocked
            self._features["trainer"].lock()

    def show_home(self) -> None:
        if self.learner_id is None:
            self.show_profiles()
            return
        name = learners.get_learner(self.learner_id).display_name
        self._shown = None
        if self.library is None:
            self.home_page.show_loading(name)
        else:
            self._shown = (self.learner_id, self._snapshot(name))
            self.home_page.populate(self.library, self._shown[1])
        self.pages.setCurrentWidget(self.home_page)
        if self.library is not None and self.library.modules:
            self.home_page.resume_button.setFocus()

    def _home_snapshot(self) -> LearnerSnapshot | None:
        """What the home page shows, while it still holds (the learner's, and no progress saved since),
        for the practice-calls page to show the same best endings without replaying the calls again."""
        if self._shown is None or self._shown[0] != self.learner_id:
            return None
        return self._shown[1]

    def _forget_snapshot(self) -> None:
        self._shown = None

    def _snapshot(self, name: str) -> LearnerSnapshot:
        """Everything the home screen shows, each set of rows read once. Its cards and counts read the
        record the checklist reads (replayed once, here), never the scores the rows claim."""
        library, learner_id = self.library, self.learner_id
        record, read = record_and_sections(library, learner_id)  # sections read too fast: timed again
        reading = record.reading
        eligibility = check_eligibility(library.course, library, record) if library.course else None
        bar = library.course.requires.calls.min_skill_score if library.course else 0
        positions = activity.reading_positions(learner_id)
        calls = replayed_call_records(library, learner_id, record)  # the best endings that hold up
        return LearnerSnapshot(
            name, reading, continue_target(library, positions, read), quiz_standings(library, record),
            quiz_attempts.unfinished_quiz_modules(learner_id), calls,
            eligibility, issued_certificates(learner_id),
            review.due_count(library, learner_id, datetime.now(UTC)),
            left_off=resume_target(library, positions),
            handled_well=calls_handled_well(record.calls, bar), skill_bar=bar,
            not_counted=record.not_counted, doubts=record.doubts, calls_not_counted=record.calls_not_counted)

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
        from workbook.ui import breathing_dialog

        breathing_dialog.offer_breathing(self.window)

    def set_library(self, library: Library) -> None:
        """Content finished loading (it loads off the GUI thread at start)."""
        self.session.library = library
        if self._features:
            _leave_out_of_collections()
        if self.pages.currentWidget() is self.home_page:
            self.show_home()
        # The home page paints first (when a learner is opened at once), else a second from now.
        AfterPaint(self.home_page, self._build_features)
        if library.unavailable:
            count = len(library.unavailable)
            self.window.statusBar().showMessage(
                self.tr("%n module(s) unavailable: see the home screen", "", count), 10000)

    def show_content_error(self, error: Exception) -> None:
        self.session.library = Library(root=Path("."))
        QTimer.singleShot(0, self._build_features)
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
