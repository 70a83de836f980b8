"""Moves the learner between the profile, home and reader pages and records what they read."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from workbook import APP_NAME
from workbook.core.progress import first_unread_index, progress_by_module, resume_target
from workbook.store import activity, learners, settings
from workbook.store.connection import StoreError
from workbook.ui import dialogs
from workbook.ui.home_page import HomePage
from workbook.ui.main_window import MainWindow
from workbook.ui.profile_page import ProfilePage
from workbook.ui.reader_page import ReaderPage

if TYPE_CHECKING:
    from workbook.core.content import Library


class Navigator(QObject):
    """Owns the current learner; pages receive data and report what the user did."""

    learner_did_change = Signal(str)
    section_did_record = Signal(str, str)

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
        self.pages = window.pages
        for page in (self.profile_page, self.home_page, self.reader_page):
            self.pages.addWidget(page)
        window.navigator = self

        self.profile_page.learner_chosen.connect(self.open_learner)
        self.home_page.module_open_requested.connect(self.open_module)
        self.home_page.resume_requested.connect(self.resume)
        self.reader_page.section_reached.connect(self._record_section)
        self.reader_page.home_requested.connect(self.show_home)
        self.reader_page.zoom_changed.connect(
            lambda steps: self._save(settings.set_setting, settings.READER_ZOOM, str(steps)))
        window.switch_profile_requested.connect(self.show_profiles)
        window.home_requested.connect(self.show_home)
        window.zoom_requested.connect(self._zoom)
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
            read = activity.read_sections(self.learner_id)
            positions = activity.reading_positions(self.learner_id)
            self.home_page.populate(name, self.library, progress_by_module(self.library, read),
                                    resume_target(self.library, positions))
        self.pages.setCurrentWidget(self.home_page)
        if self.home_page.cards:
            self.home_page.resume_button.setFocus()

    def open_module(self, module_id: str, index: int | None = None) -> None:
        module = self.library.module(module_id) if self.library else None
        if module is None or self.learner_id is None:
            return
        read = activity.read_sections(self.learner_id).get(module_id, set())
        start = first_unread_index(module, read) if index is None else index
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
        try:
            write(*args)
        except StoreError as error:
            self.window.save_status.setText("\u26a0 Progress not saved")
            dialogs.show_error(self.window, "Progress not saved",
                               f"The last step could not be saved to {self.data_dir}:\n\n{error}\n\n"
                               "Earlier progress is safe. Check free disk space and that no other "
                               "program holds the database, then carry on.")
            return False
        self.window.save_status.setText("\u2714 Progress saved")
        return True
