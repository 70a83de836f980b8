"""The main window: switches between profile, home and reader pages and records progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget

from workbook import APP_NAME, __version__
from workbook.core.progress import first_unread_index, progress_by_module, resume_target
from workbook.store import activity, learners, settings
from workbook.store.connection import StoreError
from workbook.ui import dialogs
from workbook.ui.home_page import HomePage
from workbook.ui.profile_page import ProfilePage
from workbook.ui.reader_page import ReaderPage

if TYPE_CHECKING:
    from workbook.core.content import Library

SHORTCUTS_HELP = """<table cellpadding="3">
<tr><td><b>Alt+Right</b>, <b>Ctrl+PgDown</b></td><td>Next section</td></tr>
<tr><td><b>Alt+Left</b>, <b>Ctrl+PgUp</b></td><td>Previous section</td></tr>
<tr><td><b>Ctrl+=</b> / <b>Ctrl+-</b> / <b>Ctrl+0</b></td><td>Zoom in / out / reset</td></tr>
<tr><td><b>F6</b></td><td>Move between the section list and the text</td></tr>
<tr><td><b>Esc</b></td><td>Back to the modules</td></tr>
<tr><td><b>Ctrl+R</b></td><td>Continue where you left off (home)</td></tr>
<tr><td><b>Tab</b>, <b>Enter</b></td><td>Move between module cards, open one</td></tr>
<tr><td><b>Ctrl+Shift+P</b></td><td>Switch profile</td></tr>
<tr><td><b>Ctrl+Q</b></td><td>Quit (progress is already saved)</td></tr>
</table>"""


class MainWindow(QMainWindow):
    """Owns the current learner; pages receive data and report what the user did."""

    learner_did_change = Signal(str)
    first_paint_did_happen = Signal()
    section_did_record = Signal(str, str)

    def __init__(self, data_dir: Path, assets_dir: Path, library: Library | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.library = library
        self.learner_id: str | None = None
        self._painted = False
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 760)

        self.profile_page = ProfilePage()
        self.home_page = HomePage()
        self.reader_page = ReaderPage(assets_dir)
        self.pages = QStackedWidget()
        for page in (self.profile_page, self.home_page, self.reader_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.save_status = QLabel("")
        self.statusBar().addPermanentWidget(self.save_status)

        self.profile_page.learner_chosen.connect(self.open_learner)
        self.home_page.module_open_requested.connect(self.open_module)
        self.home_page.resume_requested.connect(self.resume)
        self.reader_page.section_reached.connect(self._record_section)
        self.reader_page.home_requested.connect(self.show_home)
        self.reader_page.zoom_changed.connect(
            lambda steps: self._save(settings.set_setting, settings.READER_ZOOM, str(steps)))
        self._build_menus()

        zoom = settings.get_setting(settings.READER_ZOOM, "0")
        self.reader_page.set_zoom(int(zoom) if zoom.lstrip("-").isdigit() else 0)
        self.show_profiles()

    # Pages -----------------------------------------------------------------------------------

    def show_profiles(self) -> None:
        self.profile_page.refresh(preselect_id=settings.get_setting(settings.LAST_LEARNER))
        self.pages.setCurrentWidget(self.profile_page)
        self.setWindowTitle(APP_NAME)

    def open_learner(self, learner_id: str) -> None:
        learner = learners.get_learner(learner_id)
        if learner is None:
            return
        self.learner_id = learner_id
        self._save(settings.set_setting, settings.LAST_LEARNER, learner_id)
        self.setWindowTitle(f"{APP_NAME} \u2014 {learner.display_name}")
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
            self.statusBar().showMessage(
                f"{count} module{'s' if count > 1 else ''} unavailable: see the home screen", 10000)

    def show_content_error(self, error: Exception) -> None:
        from workbook.core.content import Library

        self.library = Library(root=Path("."))
        dialogs.show_error(self, "Content could not be loaded",
                           f"The lessons could not be loaded:\n\n{error}")

    # Saving ----------------------------------------------------------------------------------

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
            self.save_status.setText("\u26a0 Progress not saved")
            dialogs.show_error(self, "Progress not saved",
                               f"The last step could not be saved to {self.data_dir}:\n\n{error}\n\n"
                               "Earlier progress is safe. Check free disk space and that no other "
                               "program holds the database, then carry on.")
            return False
        self.save_status.setText("\u2714 Progress saved")
        return True

    # Menus -----------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "Switch &profile…", "Ctrl+Shift+P", self.show_profiles)
        self._action(file_menu, "Open &data folder", None, self._open_data_folder)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)
        view_menu = self.menuBar().addMenu("&View")
        self._action(view_menu, "&Modules", "Ctrl+H", self.show_home)
        view_menu.addSeparator()
        self._action(view_menu, "Zoom &in", None, self.reader_page.zoom_in)
        self._action(view_menu, "Zoom &out", None, self.reader_page.zoom_out)
        self._action(view_menu, "&Reset zoom", None, self.reader_page.zoom_reset)
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", "F1", self._show_shortcuts)
        self._action(help_menu, "&About", None, self._show_about)

    def _action(self, menu, text: str, keys, slot) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    def _show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS_HELP)

    def _show_about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}",
                          f"<b>{APP_NAME}</b> {__version__}<br>Offline training for handling "
                          f"difficult calls.<br><br>Your progress is stored in<br>{self.data_dir}")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:  # heavy start-up work waits until the user sees the window
            self._painted = True
            QTimer.singleShot(0, self.first_paint_did_happen.emit)

    def closeEvent(self, event: QCloseEvent) -> None:  # every write is already committed
        event.accept()
