"""The main window shell: menus, status bar and a page stack, cheap enough to paint at once.

The pages and their logic (`navigator.py` and the feature controllers) are attached right after the
first paint, so the user sees the window while the database opens and the content loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget

from workbook import APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent

SHORTCUTS_HELP = """<table cellpadding="3">
<tr><td><b>Alt+Right</b>, <b>Ctrl+PgDown</b></td><td>Next section</td></tr>
<tr><td><b>Alt+Left</b>, <b>Ctrl+PgUp</b></td><td>Previous section</td></tr>
<tr><td><b>Ctrl+=</b> / <b>Ctrl+-</b> / <b>Ctrl+0</b></td><td>Zoom in / out / reset</td></tr>
<tr><td><b>F6</b></td><td>Move between the section list and the text</td></tr>
<tr><td><b>Esc</b></td><td>Back to the modules</td></tr>
<tr><td><b>Ctrl+R</b></td><td>Continue where you left off (home)</td></tr>
<tr><td><b>Tab</b>, <b>Enter</b></td><td>Move between module cards, open one</td></tr>
<tr><td><b>Ctrl+Shift+P</b></td><td>Switch profile</td></tr>
<tr><td><b>Ctrl+T</b></td><td>Trainer views (passphrase)</td></tr>
<tr><td><b>1</b>\u2013<b>9</b>, <b>Enter</b></td><td>Quiz: pick an option, check and move on</td></tr>
<tr><td><b>1</b>\u2013<b>4</b></td><td>Practice call: pick a reply</td></tr>
<tr><td><b>Ctrl+Enter</b></td><td>Practice call or own-words drill: say your typed reply</td></tr>
<tr><td><b>Ctrl+D</b>, <b>Ctrl+K</b>, <b>Ctrl+W</b></td><td>Home: review, search, own-words drill</td></tr>
<tr><td><b>Ctrl+Shift+B</b>, <b>Ctrl+Shift+N</b></td><td>Reader: bookmark the section, add a note</td></tr>
<tr><td><b>Ctrl+Shift+M</b></td><td>My notes and bookmarks (F2 edit, Del delete, Ctrl+Z undo)</td></tr>
<tr><td><b>Ctrl+B</b></td><td>A short breathing reset</td></tr>
<tr><td><b>Ctrl+Q</b></td><td>Quit (progress is already saved)</td></tr>
</table>"""


class MainWindow(QMainWindow):
    """Menus announce what the user asked for; the navigator decides what happens."""

    first_paint_did_happen = Signal()
    switch_profile_requested = Signal()
    home_requested = Signal()
    zoom_requested = Signal(int)  # +1 in, -1 out, 0 reset
    open_data_folder_requested = Signal()
    certificate_settings_requested = Signal()
    trainer_requested = Signal()
    breathing_requested = Signal()
    export_notes_requested = Signal()
    export_progress_requested = Signal()
    notes_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.navigator = None  # set once the database is open
        self._painted = False
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 760)
        self.pages = QStackedWidget()
        opening = QLabel("Opening your workbook\u2026")
        opening.setStyleSheet("qproperty-alignment: AlignCenter;")  # the Qt enum namespace costs 30 ms
        opening.setObjectName("muted")
        self.pages.addWidget(opening)
        self.setCentralWidget(self.pages)
        self.save_status = QLabel("")
        self.statusBar().addPermanentWidget(self.save_status)
        self._build_menus()

    def _build_menus(self) -> None:
        """Menu titles paint with the window; their actions are filled in right after the first
        paint, because parsing shortcut strings wakes the Qt enum tables (about 30 ms)."""
        self._menus = [self.menuBar().addMenu(title) for title in ("&File", "&View", "&Help")]

    def _fill_menus(self) -> None:
        from PySide6.QtGui import QKeySequence
        from PySide6.QtWidgets import QMessageBox

        file_menu, view_menu, help_menu = self._menus
        self._action(file_menu, "Switch &profile\u2026", "Ctrl+Shift+P", self.switch_profile_requested.emit)
        self._action(file_menu, "Open &data folder", None, self.open_data_folder_requested.emit)
        self._action(file_menu, "&Export my notes and bookmarks\u2026", None,
                     self.export_notes_requested.emit)
        self._action(file_menu, "Export this PC's &progress\u2026", None, self.export_progress_requested.emit)
        self._action(file_menu, "&Certificate settings\u2026", None,
                     self.certificate_settings_requested.emit)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)
        self._action(view_menu, "&Modules", "Ctrl+H", self.home_requested.emit)
        self._action(view_menu, "My &notes and bookmarks", "Ctrl+Shift+M", self.notes_requested.emit)
        self._action(view_menu, "&Trainer views\u2026", "Ctrl+T", self.trainer_requested.emit)
        self._action(view_menu, "&Breathing reset\u2026", "Ctrl+B", self.breathing_requested.emit)
        view_menu.addSeparator()
        self._action(view_menu, "Zoom &in", None, lambda: self.zoom_requested.emit(1))
        self._action(view_menu, "Zoom &out", None, lambda: self.zoom_requested.emit(-1))
        self._action(view_menu, "&Reset zoom", None, lambda: self.zoom_requested.emit(0))
        self._action(help_menu, "&Keyboard shortcuts", "F1",
                     lambda: QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS_HELP))
        self._action(help_menu, "&About", None, self._show_about)

    def _action(self, menu, text: str, keys, slot) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))  # window-wide, the default context
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, f"About {APP_NAME}",
                          f"<b>{APP_NAME}</b> {__version__}<br>Offline training for handling "
                          "difficult calls.")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:  # heavy start-up work waits until the user sees the window
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self._fill_menus()
        self.first_paint_did_happen.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # every write is already committed
        event.accept()
