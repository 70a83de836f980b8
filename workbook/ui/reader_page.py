"""The lesson reader: a module's sections with read marks, the rendered text, and navigation.

A section counts as read under the course's reading rule (`workbook.core.reading`): its end was
reached and it was on screen long enough for its length. A one-second timer adds up the time per
section while the page is visible and shows one quiet line under the text until then.
"""

from __future__ import annotations

import time
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbook.core.images import resolve_image
from workbook.core.reading import ReadingRule, reading_wait
from workbook.ui.elided import ElidedLabel
from workbook.ui.theme import MARK, MUTED, READER_CSS, callout_colours

if TYPE_CHECKING:
    from workbook.core.content import Module

BASE_POINT_SIZE = 12
MIN_ZOOM, MAX_ZOOM = -4, 12
READ_MARK, UNREAD_MARK = "\u2714", "\u25cb"


NOTES_SHOWN = 3


def _clip(note: str, limit: int = 200) -> str:
    text = " ".join(note.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


class ReaderPage(QWidget):
    """Shows one module; announces every section shown, and every section read under the rule."""

    section_reached = Signal(str, str)  # shown (for the learner's own notes and marks)
    section_read = Signal(str, str)  # read under the reading rule: the window records it
    home_requested = Signal()
    quiz_requested = Signal(str)  # module id: the last section leads on to the quiz
    bookmark_toggled = Signal(str, str)  # module id, section id
    note_requested = Signal(str, str)
    all_notes_requested = Signal()
    zoom_changed = Signal(int)

    def __init__(self, assets_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.assets_dir = assets_dir
        self.module: Module | None = None
        self.read_ids: set[str] = set()
        self.current_index = 0
        self.zoom = 0
        self.reading_rule = ReadingRule()  # the course's rule; the navigator sets it
        self.clock = time.monotonic
        self.seconds_on: dict[str, float] = {}  # section id -> seconds on screen this session
        self.reached_end: set[str] = set()
        self._since: float | None = None  # when the time on the current section was last added up
        self.reading_timer = QTimer(self)
        self.reading_timer.setInterval(1000)
        self.reading_timer.timeout.connect(self._check_reading)

        # No Alt letter: Alt+H is the Help menu's; Esc and Ctrl+H go home.
        self.home_button = QPushButton("\u2190 " + self.tr("Home"))
        self.home_button.setToolTip(self.tr("Back to all modules (Esc)"))
        self.home_button.clicked.connect(self.home_requested)
        self.module_title = ElidedLabel("")
        self.module_title.setObjectName("pageTitle")
        self.position_label = QLabel("")
        self.position_label.setObjectName("muted")
        self.bookmark_button = QPushButton("\u2606 " + self.tr("&Bookmark"))
        self.bookmark_button.setToolTip(self.tr("Bookmark this section (Ctrl+Shift+B)"))
        self.bookmark_button.clicked.connect(self._emit_bookmark)
        self.note_button = QPushButton(self.tr("Add a n&ote\u2026"))
        self.note_button.setToolTip(self.tr("A personal note on this section (Ctrl+Shift+N)"))
        self.note_button.clicked.connect(self._emit_note)
        top = QHBoxLayout()
        top.addWidget(self.home_button)
        top.addSpacing(12)
        top.addWidget(self.module_title, 1)
        top.addWidget(self.bookmark_button)
        top.addWidget(self.note_button)
        top.addWidget(self.position_label)

        self.section_list = QListWidget()
        self.section_list.setAccessibleName(self.tr("Sections"))
        self.section_list.setMinimumWidth(220)
        self.section_list.setWordWrap(True)
        self.section_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.section_list.currentRowChanged.connect(self._row_changed)

        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._open_link)
        self.text.setAccessibleName(self.tr("Section text"))
        self.text.document().setDefaultStyleSheet(READER_CSS)
        self.text.document().setDocumentMargin(24)
        # A caret for the keyboard (arrows, Shift+arrows to copy) and Ctrl+Home/End to the very top and
        # bottom of the section: its end reached counts toward reading it.
        self.text.setTextInteractionFlags(self.text.textInteractionFlags()
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.installEventFilter(self)

        self.previous_button = QPushButton("\u2190 " + self.tr("&Previous"))
        self.previous_button.setToolTip(self.tr("Previous section (Alt+Left)"))
        self.previous_button.clicked.connect(self.go_previous)
        self.next_button = QPushButton(self.tr("&Next") + " \u2192")
        self.next_button.setObjectName("primary")
        self.next_button.setToolTip(self.tr("Next section (Alt+Right)"))
        self.next_button.clicked.connect(self.go_next)
        self.reading_label = QLabel("")
        self.reading_label.setObjectName("muted")
        self.reading_label.setAccessibleName(self.tr("Reading progress"))
        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addStretch(1)
        navigation.addWidget(self.reading_label)
        navigation.addSpacing(12)
        navigation.addWidget(self.next_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.notes_strip = QLabel("")
        self.notes_strip.setObjectName("card")
        self.notes_strip.setWordWrap(True)
        self.notes_strip.setTextFormat(Qt.TextFormat.RichText)
        self.notes_strip.setContentsMargins(12, 8, 12, 8)
        self.notes_strip.setAccessibleName(self.tr("Your notes on this section"))
        self.notes_strip.linkActivated.connect(lambda _link: self.all_notes_requested.emit())
        self.notes_strip.hide()
        right_layout.addWidget(self.text, 1)
        right_layout.addWidget(self.notes_strip)
        right_layout.addLayout(navigation)
        splitter = QSplitter()
        splitter.addWidget(self.section_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 740])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        shortcuts = {
            "Alt+Right": self.go_next, "Ctrl+PgDown": self.go_next,
            "Alt+Left": self.go_previous, "Ctrl+PgUp": self.go_previous,
            "Ctrl+=": self.zoom_in, "Ctrl++": self.zoom_in, "Ctrl+-": self.zoom_out,
            "Ctrl+0": self.zoom_reset, "Esc": self.home_requested.emit,
            "F6": self._switch_focus,
            # not the buttons' own shortcuts: those give way to a mnemonic when the label changes
            "Ctrl+Shift+B": self._emit_bookmark, "Ctrl+Shift+N": self._emit_note,
        }
        for keys, action in shortcuts.items():
            QShortcut(QKeySequence(keys), self, action)

    def open_module(self, module: Module, read_ids: set[str], index: int = 0) -> None:
        """Show `module` at section `index`; that section counts as reached."""
        self.module = module
        self.read_ids = set(read_ids)
        self.module_title.setText(module.title)
        self.section_list.blockSignals(True)
        self.section_list.clear()
        for section in module.sections:
            self.section_list.addItem(QListWidgetItem(section.title))
        self.section_list.blockSignals(False)
        self.current_index = -1
        self.show_section(max(0, min(index, len(module.sections) - 1)))
        self.text.setFocus()

    def show_section(self, index: int) -> None:
        if self.module is None or not 0 <= index < len(self.module.sections):
            return
        section = self.module.sections[index]
        self._add_time()
        self.current_index = index
        from workbook.core.markdown_render import render_html  # loaded with the content

        folder = self.module.folder
        html = render_html(section.markdown, lambda source: self._image_url(source, folder),
                           callout_colours())
        self.text.setHtml(html)
        self.text.verticalScrollBar().setValue(0)
        self._since = self.clock() if self.isVisible() else None
        self.reading_label.setText("" if section.id in self.read_ids else self._status(section)[1])
        self.reading_timer.start()
        self.section_list.blockSignals(True)
        self.section_list.setCurrentRow(index)
        self.section_list.blockSignals(False)
        self._refresh_marks()
        total = len(self.module.sections)
        self.position_label.setText(self.tr("Section {number} of {total}").format(number=index + 1,
                                                                                 total=total))
        self.previous_button.setEnabled(index > 0)
        leads_to_quiz = index == total - 1 and self.module.quiz is not None
        next_text = self.tr("Take the &quiz") if leads_to_quiz else self.tr("&Next")
        self.next_button.setText(next_text + " \u2192")
        self.next_button.setEnabled(index < total - 1 or leads_to_quiz)
        self.section_reached.emit(self.module.id, section.id)

    # -- reading time ---------------------------------------------------------------------------

    def _add_time(self) -> None:
        """Add the time since the last count to the section on screen (only while the page shows)."""
        section_id = self.current_section_id()
        now = self.clock()
        if section_id is not None and self._since is not None:
            self.seconds_on[section_id] = self.seconds_on.get(section_id, 0.0) + max(0.0, now - self._since)
        self._since = now if self.isVisible() else None

    def _status(self, section) -> tuple[bool, str]:
        """(read, the line under the text in the interface language, "" once read)."""
        wait = reading_wait(self.reading_rule, section.words,
                            self.seconds_on.get(section.id, 0.0), section.id in self.reached_end)
        if wait.read:
            return True, ""
        if wait.seconds_left:
            return False, self.tr("Keep reading: %n s more", "", wait.seconds_left)
        return False, self.tr("Scroll to the end to finish this section")

    def _check_reading(self) -> None:
        """Each second: note whether the end is on screen, and mark the section read once the rule holds."""
        section_id = self.current_section_id()
        if section_id is None or section_id in self.read_ids or not self.isVisible():
            self.reading_timer.stop()
            self.reading_label.setText("")
            return
        self._add_time()
        bar = self.text.verticalScrollBar()
        if bar.value() >= bar.maximum() - 2:  # at the bottom, or the section fits
            self.reached_end.add(section_id)
        section = self.module.sections[self.current_index]
        read, message = self._status(section)
        self.reading_label.setText(message)
        if read:
            self.reading_timer.stop()
            self.read_ids.add(section_id)
            self._refresh_marks()
            self.section_read.emit(self.module.id, section_id)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._since = self.clock()
        if self.current_section_id() is not None and self.current_section_id() not in self.read_ids:
            self.reading_timer.start()

    def hideEvent(self, event) -> None:
        self._add_time()
        self._since = None
        self.reading_timer.stop()
        super().hideEvent(event)

    def current_section_id(self) -> str | None:
        if self.module is None or not 0 <= self.current_index < len(self.module.sections):
            return None
        return self.module.sections[self.current_index].id

    def _emit_bookmark(self) -> None:
        if self.current_section_id():
            self.bookmark_toggled.emit(self.module.id, self.current_section_id())

    def _emit_note(self) -> None:
        if self.current_section_id():
            self.note_requested.emit(self.module.id, self.current_section_id())

    def show_personal(self, bookmarked: bool, notes: list[str]) -> None:
        """The learner's own marks on the shown section: bookmark state and notes under the text."""
        self.bookmark_button.setText("\u2605 " + self.tr("Bookmarked") if bookmarked
                                     else "\u2606 " + self.tr("&Bookmark"))
        self.note_button.setText(self.tr("Notes ({count}) \u2013 add\u2026").format(count=len(notes)) if notes
                                 else self.tr("Add a n&ote\u2026"))
        self.notes_strip.setVisible(bool(notes))
        if notes:
            shown = "".join(f"<li>{escape(_clip(note))}</li>" for note in notes[:NOTES_SHOWN])
            more = (" " + self.tr("and %n more", "", len(notes) - NOTES_SHOWN)
                    if len(notes) > NOTES_SHOWN else "")
            self.notes_strip.setText(
                "<b>" + self.tr("Your notes") + f"</b>{more} \u00b7 <a href='notes'>"
                + self.tr("edit them in My notes")
                + f"</a> <span style='color:{MUTED}'>(Ctrl+Shift+M)</span><ul style='margin:0'>{shown}</ul>")

    def highlight(self, words: list[str]) -> None:
        """Mark every occurrence of `words` (search terms) in the shown section, and scroll to the first."""
        from PySide6.QtGui import QColor, QTextCursor
        from PySide6.QtWidgets import QTextEdit

        selections = []
        document = self.text.document()
        for word in words:
            cursor = QTextCursor(document)
            while True:
                cursor = document.find(word, cursor)
                if cursor.isNull():
                    break
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format.setBackground(QColor(MARK))
                selections.append(selection)
        self.text.setExtraSelections(selections)
        if selections:
            self.text.setTextCursor(selections[0].cursor)
            self.text.ensureCursorVisible()

    def go_next(self) -> None:
        if self.module is not None and self.current_index == len(self.module.sections) - 1:
            if self.module.quiz is not None:
                self.quiz_requested.emit(self.module.id)
            return
        self.show_section(self.current_index + 1)

    def go_previous(self) -> None:
        self.show_section(self.current_index - 1)

    def set_zoom(self, steps: int) -> None:
        """Text size in steps of one point around the base size; remembered by the window."""
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        font = self.text.font()
        font.setPointSize(BASE_POINT_SIZE + self.zoom)
        self.text.document().setDefaultFont(font)
        self.zoom_changed.emit(self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom - 1)

    def zoom_reset(self) -> None:
        self.set_zoom(0)

    def _refresh_marks(self) -> None:
        for row, section in enumerate(self.module.sections):
            mark = READ_MARK if section.id in self.read_ids else UNREAD_MARK
            item = self.section_list.item(row)
            item.setText(f"{mark}  {section.title}")
            item.setToolTip(self.tr("Read") if section.id in self.read_ids else self.tr("Not read yet"))

    def _row_changed(self, row: int) -> None:
        if row != self.current_index:
            self.show_section(row)

    def _image_url(self, source: str, folder: Path) -> str | None:
        found = resolve_image(source, folder, self.assets_dir)
        return QUrl.fromLocalFile(str(found)).toString() if found is not None else None

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def eventFilter(self, watched, event) -> bool:
        """Ctrl+Home/End on the text: the caret moves there and the view goes all the way (the caret alone
        stops short of the document margin, and the end would not count as reached)."""
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QTextCursor

        if (watched is self.text and event.type() == QEvent.Type.KeyPress
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier
                and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End)):
            end = event.key() == Qt.Key.Key_End
            self.text.moveCursor(QTextCursor.MoveOperation.End if end else QTextCursor.MoveOperation.Start)
            bar = self.text.verticalScrollBar()
            bar.setValue(bar.maximum() if end else bar.minimum())
            return True
        return super().eventFilter(watched, event)

    def _switch_focus(self) -> None:
        (self.text if self.section_list.hasFocus() else self.section_list).setFocus()
