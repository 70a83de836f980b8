"""The main window shell: menus, status bar and a page stack, cheap enough to paint at once.

The pages and their logic (`navigator.py` and the feature controllers) are attached right after the
first paint, so the user sees the window while the database opens and the content loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPushButton, QStackedWidget

from workbook import APP_NAME, __version__
from workbook.ui.plain_text import plain_label

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QPaintEvent

# Every shortcut the F1 list shows, as (keys, what they do); tests press each one.
SHORTCUTS: list[tuple[tuple[str, ...], str]] = [
    (("Alt+Right", "Ctrl+PgDown"), QT_TRANSLATE_NOOP("Shortcuts", "Next section")),
    (("Alt+Left", "Ctrl+PgUp"), QT_TRANSLATE_NOOP("Shortcuts", "Previous section")),
    (("Ctrl+=", "Ctrl+-", "Ctrl+0"), QT_TRANSLATE_NOOP("Shortcuts", "Zoom in / out / reset")),
    (("F6",), QT_TRANSLATE_NOOP("Shortcuts", "Move between the section list and the text")),
    (("Esc",), QT_TRANSLATE_NOOP("Shortcuts", "Back to the modules")),
    (("Ctrl+H",), QT_TRANSLATE_NOOP("Shortcuts", "The modules (home)")),
    (("Ctrl+R",), QT_TRANSLATE_NOOP("Shortcuts", "Continue where you left off (home)")),
    (("Tab", "Enter"), QT_TRANSLATE_NOOP("Shortcuts", "Move between module cards, open one")),
    (("Ctrl+Shift+P",), QT_TRANSLATE_NOOP("Shortcuts", "Switch profile")),
    (("Ctrl+T",), QT_TRANSLATE_NOOP("Shortcuts", "Trainer views (passphrase)")),
    (("1\u20139", "Enter"),
     QT_TRANSLATE_NOOP("Shortcuts", "Quiz: pick an option (as many keys as options), check and move on")),
    (("1\u20134",), QT_TRANSLATE_NOOP("Shortcuts", "Practice call: pick a reply")),
    (("Ctrl+Enter",),
     QT_TRANSLATE_NOOP("Shortcuts", "Practice call or own-words drill: say your typed reply")),
    (("Ctrl+D", "Ctrl+Shift+C", "Ctrl+Shift+O"),
     QT_TRANSLATE_NOOP("Shortcuts", "Home: daily review, practice calls, own-words drill")),
    (("Ctrl+F", "Ctrl+K"), QT_TRANSLATE_NOOP("Shortcuts", "Search lessons, quizzes and calls "
                                                          "(trainer views: filter the learners)")),
    (("Ctrl+Shift+B", "Ctrl+Shift+N"),
     QT_TRANSLATE_NOOP("Shortcuts", "Reader: bookmark the section, add a note")),
    (("Ctrl+Shift+M",),
     QT_TRANSLATE_NOOP("Shortcuts", "My notes and bookmarks (F2 edit, Del delete, Ctrl+Z undo)")),
    (("Ctrl+B",), QT_TRANSLATE_NOOP("Shortcuts", "A short breathing reset")),
    (("Ctrl+Q",), QT_TRANSLATE_NOOP("Shortcuts", "Quit (progress is already saved)")),
]


def shortcuts_help() -> str:
    """The F1 list as a table, in the interface language: keys as the keyboard labels them there
    (Qt's own catalogue says "Strg" for Ctrl in German); "1\u20139" stays as it is."""
    from PySide6.QtGui import QKeySequence

    def shown(key: str) -> str:
        return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) or key

    return '<table cellpadding="3">' + "".join(
        f"<tr><td>{', '.join(f'<b>{shown(key)}</b>' for key in keys)}</td>"
        f"<td>{QCoreApplication.translate('Shortcuts', what)}</td></tr>"
        for keys, what in SHORTCUTS) + "</table>"


class MainWindow(QMainWindow):
    """Menus announce what the user asked for; the navigator decides what happens."""

    first_paint_did_happen = Signal()
    switch_profile_requested = Signal()
    home_requested = Signal()
    zoom_requested = Signal(int)  # +1 in, -1 out, 0 reset
    open_data_folder_requested = Signal()
    certificate_settings_requested = Signal()
    verify_certificate_requested = Signal()
    sync_settings_requested = Signal()
    progress_saved = Signal()  # a learner's progress reached the database (store_op.write)
    trainer_requested = Signal()
    breathing_requested = Signal()
    export_notes_requested = Signal()
    export_progress_requested = Signal()
    notes_requested = Signal()
    search_requested = Signal()
    language_chosen = Signal(str)  # "system", "en", "de": saved for the next start

    def __init__(self) -> None:
        super().__init__()
        self.navigator = None  # set once the database is open
        self.support_folders = None  # (data folder, content folder), for Help > Copy diagnostic info
        self._painted = False
        self.language_choice = "system"  # which View > Language entry is ticked; set before the menus fill
        self.geometry_file = None  # set by `window_geometry.place` at app start: saved there at close
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 760)
        self.pages = QStackedWidget()
        opening = QLabel(self.tr("Opening your workbook\u2026"))
        opening.setStyleSheet("qproperty-alignment: AlignCenter;")  # the Qt enum namespace costs 30 ms
        opening.setObjectName("muted")
        self.pages.addWidget(opening)
        self.setCentralWidget(self.pages)
        self.save_status = plain_label()  # names a learner, a cohort or a file at times
        self.statusBar().addPermanentWidget(self.save_status)
        self._build_menus()
        QApplication.instance().focusChanged.connect(self._watch_focused_button)

    def _watch_focused_button(self, old: QObject | None, new: QObject | None) -> None:
        """Enter is checked on the focused push button alone (see `eventFilter`), where the key arrives:
        a filter on the whole app brought every event of the app into Python (about 1,800 for
        building the home page once)."""
        if isinstance(new, QPushButton) and new.window() is self:
            new.installEventFilter(self)  # again for a button that had the focus before: still once

    def _build_menus(self) -> None:
        """Menu titles paint with the window; their actions are filled in right after the first
        paint, because parsing shortcut strings wakes the Qt enum tables (about 30 ms)."""
        self._menus = [self.menuBar().addMenu(title)
                       for title in (self.tr("&File"), self.tr("&View"), self.tr("&Help"))]

    def _fill_menus(self) -> None:
        file_menu, view_menu, help_menu = self._menus
        self._action(file_menu, self.tr("Switch &profile\u2026"), "Ctrl+Shift+P",
                     self.switch_profile_requested.emit)
        self._action(file_menu, self.tr("Open &data folder"), None, self.open_data_folder_requested.emit)
        self._action(file_menu, self.tr("&Export my notes and bookmarks\u2026"), None,
                     self.export_notes_requested.emit)
        self._action(file_menu, self.tr("Export this PC's &progress\u2026"), None,
                     self.export_progress_requested.emit)
        self._action(file_menu, self.tr("&Certificate settings\u2026"), None,
                     self.certificate_settings_requested.emit)
        self._action(file_menu, self.tr("&Verify a certificate\u2026"), None,
                     self.verify_certificate_requested.emit)
        self._action(file_menu, self.tr("S&ync with a server\u2026"), None, self.sync_settings_requested.emit)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), "Ctrl+Q", self.close)  # StandardKey.Quit: empty on Windows
        self._action(view_menu, self.tr("&Modules"), "Ctrl+H", self.home_requested.emit)
        self._action(view_menu, self.tr("My &notes and bookmarks"), "Ctrl+Shift+M",
                     self.notes_requested.emit)
        self._action(view_menu, self.tr("&Search\u2026"), ("Ctrl+F", "Ctrl+K"), self.search_requested.emit)
        self._action(view_menu, self.tr("&Trainer views\u2026"), "Ctrl+T", self.trainer_requested.emit)
        self._action(view_menu, self.tr("&Breathing reset\u2026"), "Ctrl+B", self.breathing_requested.emit)
        view_menu.addSeparator()
        self._action(view_menu, self.tr("Zoom &in"), None, lambda: self.zoom_requested.emit(1))
        self._action(view_menu, self.tr("Zoom &out"), None, lambda: self.zoom_requested.emit(-1))
        self._action(view_menu, self.tr("&Reset zoom"), None, lambda: self.zoom_requested.emit(0))
        view_menu.addSeparator()
        self._fill_language_menu(view_menu.addMenu(self.tr("&Language")))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), "F1", self._show_shortcuts)
        self._action(help_menu, self.tr("Copy &diagnostic info"), None, self.copy_diagnostics)
        self._action(help_menu, self.tr("&About"), None, self._show_about)

    def _show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # the class is made when first used, not at start

        QMessageBox.information(self, self.tr("Keyboard shortcuts"), shortcuts_help())

    def _fill_language_menu(self, menu) -> None:
        """System / English / Deutsch as one radio group; the navigator saves the choice."""
        from PySide6.QtGui import QAction, QActionGroup

        from workbook.ui.i18n import LANGUAGES, SYSTEM

        group = QActionGroup(self)
        self.language_actions = {}
        for code, name in [(SYSTEM, self.tr("System language")), *LANGUAGES.items()]:
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.language_choice)
            action.triggered.connect(lambda _checked=False, code=code: self._choose_language(code))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[code] = action

    def _choose_language(self, code: str) -> None:
        self.language_choice = code
        self.language_chosen.emit(code)
        self.statusBar().showMessage(self.tr("The new interface language applies the next time you start "
                                             "the workbook."), 10000)

    def _action(self, menu, text: str, keys, slot) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if isinstance(keys, tuple):
            action.setShortcuts([QKeySequence(k) for k in keys])
        elif keys is not None:
            action.setShortcut(QKeySequence(keys))  # window-wide, the default context
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def copy_diagnostics(self) -> str:
        """Versions, folders and the log's last lines to the clipboard, for a support ticket."""
        from PySide6.QtCore import qVersion
        from PySide6.QtWidgets import QApplication

        from workbook.support_log import diagnostic_text

        data_dir, content_dir = self.support_folders or ("(not set)", "(not set)")
        text = diagnostic_text(data_dir, content_dir, f"Qt {qVersion()}")
        QApplication.clipboard().setText(text)
        copied = self.tr("Diagnostic info copied: paste it into your message to support.")
        self.statusBar().showMessage(copied, 8000)
        return text

    def _show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About {app}").format(app=APP_NAME),
                          f"<b>{APP_NAME}</b> {__version__}<br>"
                          + self.tr("Offline training for handling difficult calls."))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:  # heavy start-up work waits until the user sees the window
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self._fill_menus()
        self.first_paint_did_happen.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a focused push button of this window presses it, as Space does (Qt only does this
        in dialogs). Checked where the key arrives, so an Enter that a list used and passed on never
        presses a button that took the focus meanwhile."""
        if event.type() == QEvent.Type.KeyPress and self._enter_presses(watched, event):
            watched.click()
            return True
        return False

    def _enter_presses(self, watched: QObject, event: QKeyEvent) -> bool:
        from PySide6.QtCore import Qt

        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        return (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain
                and isinstance(watched, QPushButton) and watched.hasFocus() and watched.isEnabled()
                and watched.window() is self)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Every write is already committed; a long job under way (a report, a batch of certificates,
        an export) is named and stopped on request instead of holding the quit until it ends."""
        from workbook.ui import operations

        jobs = operations.running_jobs()
        if jobs and not self.confirm_close_during(jobs):
            event.ignore()
            return
        operations.cancel_running()
        event.accept()
        if self.geometry_file is not None:
            from workbook.ui import window_geometry

            window_geometry.save(self, self.geometry_file)

    def confirm_close_during(self, jobs: list[str]) -> bool:
        from workbook.ui import dialogs

        return dialogs.confirm(
            self, self.tr("Stop and quit?"),
            self.tr("Still working: {jobs}. Quitting stops it at its next step: files it has already "
                    "finished stay, and none is left half-written.").format(jobs=", ".join(jobs)),
            self.tr("Stop and quit"))
