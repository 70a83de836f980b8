"""All of a learner's bookmarks and notes in one place: sections in lesson order with their notes
under them, a filter, and the full text of what is selected. Open a section (Enter), edit (F2) or
delete (Del, with Undo) a note, remove a bookmark, or export everything to Markdown.

The page draws the `SectionNotes` it is given and reports what the learner asked for; its controller
(`controllers/notes.py`) writes to the store and calls `show_items` again.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbook.ui.dates import stored_day_text
from workbook.ui.plain_text import plain_label
from workbook.ui.theme import MUTED, READER_CSS

if TYPE_CHECKING:
    from workbook.store.notes import SectionNotes

ROLE = Qt.ItemDataRole.UserRole
EMPTY_TEXT = QT_TRANSLATE_NOOP("NotesPage", "No bookmarks or notes yet. In any lesson, press Ctrl+Shift+B to "
                               "bookmark the section or Ctrl+Shift+N to write a note on it; they are all "
                               "listed here.")
PREVIEW_CHARS = 90


def _preview(body: str) -> str:
    first = " ".join(body.split())
    return first if len(first) <= PREVIEW_CHARS else first[:PREVIEW_CHARS - 1].rstrip() + "\u2026"


class NotesPage(QWidget):
    home_requested = Signal()
    open_section_requested = Signal(str, str)  # module id, section id
    edit_note_requested = Signal(str, str)  # note id, current text
    delete_note_requested = Signal(str)  # note id
    remove_bookmark_requested = Signal(str, str)  # module id, section id
    undo_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.items: list[SectionNotes] = []

        home = QPushButton("\u2190 " + self.tr("Home"))
        home.clicked.connect(self.home_requested)
        title = QLabel(self.tr("My notes and bookmarks"))
        title.setObjectName("pageTitle")
        self.export_button = QPushButton(self.tr("&Export to Markdown\u2026"))
        self.export_button.clicked.connect(self.export_requested)
        top = QHBoxLayout()
        top.addWidget(home)
        top.addSpacing(12)
        top.addWidget(title, 1)
        top.addWidget(self.export_button)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by words in a note or a section title (Ctrl+F)"))
        self.filter.setAccessibleName(self.tr("Filter notes"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)

        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("card")
        self.undo_label = plain_label()  # quotes the note deleted
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setToolTip(self.tr("Ctrl+Z"))
        self.undo_button.clicked.connect(self.undo_requested)
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(12, 6, 12, 6)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Section and notes"), self.tr("Date")])
        self.tree.setAccessibleName(self.tr("Bookmarked and annotated sections"))
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.tree.itemActivated.connect(lambda *_: self.open_selected())
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Selected note"))
        self.detail.document().setDefaultStyleSheet(READER_CSS)
        self.empty_label = QLabel(self.tr(EMPTY_TEXT))
        self.empty_label.setObjectName("muted")
        self.empty_label.setWordWrap(True)

        self.open_button = QPushButton(self.tr("&Open section"))
        self.open_button.setToolTip(self.tr("Enter"))
        self.open_button.clicked.connect(self.open_selected)
        self.edit_button = QPushButton(self.tr("Ed&it note\u2026"))
        self.edit_button.setToolTip(self.tr("F2"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("&Delete note"))
        self.delete_button.setToolTip(self.tr("Del; Undo brings it back"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.unbookmark_button = QPushButton(self.tr("Remove &bookmark"))
        self.unbookmark_button.clicked.connect(self.remove_bookmark_selected)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.edit_button, self.delete_button, self.unbookmark_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.filter)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("F2"), self, self.edit_selected, context=context)
        QShortcut(QKeySequence("Del"), self.tree, self.delete_selected, context=context)
        QShortcut(QKeySequence("Ctrl+Z"), self, self._undo_if_offered, context=context)
        QShortcut(QKeySequence("Esc"), self, self.home_requested.emit, context=context)
        self._selection_changed()

    # -- drawing ----------------------------------------------------------------------------

    def show_items(self, items: list[SectionNotes], keep: tuple[str, ...] | None = None) -> None:
        """Draw every section with its notes; `keep` (an item key) stays selected if still there."""
        self.items = items
        self.tree.clear()
        chosen = None
        for entry in items:
            star = "\u2605 " if entry.bookmarked else ""
            gone = "" if entry.in_lessons else " " + self.tr("(no longer in the lessons)")
            section = QTreeWidgetItem([f"{star}{entry.module_title} \u203a {entry.section_title}{gone}",
                                       stored_day_text(entry.bookmarked_at) if entry.bookmarked_at else ""])
            section.setData(0, ROLE, ("section", entry.module_id, entry.section_id))
            section.setToolTip(0, self.tr("Bookmarked") if entry.bookmarked else self.tr("Has notes"))
            for note in entry.notes:
                child = QTreeWidgetItem([_preview(note.body), stored_day_text(note.updated_at)])
                child.setData(0, ROLE, ("note", note.id))
                section.addChild(child)
                if keep == ("note", note.id):
                    chosen = child
            self.tree.addTopLevelItem(section)
            section.setExpanded(True)
            if keep == ("section", entry.module_id, entry.section_id):
                chosen = section
        self.empty_label.setVisible(not items)
        self.tree.setVisible(bool(items))
        self.detail.setVisible(bool(items))
        self._apply_filter(self.filter.text())
        if chosen is None and self.tree.topLevelItemCount():
            chosen = self.tree.topLevelItem(0)
        self.tree.setCurrentItem(chosen)
        self._selection_changed()
        self.tree.setFocus()

    def show_undo(self, message: str) -> None:
        self.undo_label.setText(message)
        self.undo_bar.show()

    def hide_undo(self) -> None:
        self.undo_bar.hide()

    def focus_filter(self) -> None:
        """Ctrl+F while this page is shown: type to filter the notes."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(row)
            section_hit = all(w in section.text(0).casefold() for w in words)
            any_child = False
            for n in range(section.childCount()):
                child = section.child(n)
                body = self._note_body(child.data(0, ROLE)[1]) or ""
                shown = section_hit or all(w in body.casefold() for w in words)
                child.setHidden(not shown)
                any_child = any_child or shown
            section.setHidden(not (section_hit or any_child))

    # -- selection --------------------------------------------------------------------------

    def selected(self) -> tuple[str, ...] | None:
        item = self.tree.currentItem()
        return item.data(0, ROLE) if item is not None and not item.isHidden() else None

    def _entry(self, module_id: str, section_id: str) -> SectionNotes | None:
        return next((e for e in self.items if (e.module_id, e.section_id) == (module_id, section_id)), None)

    def _note_body(self, note_id: str) -> str | None:
        return next((n.body for e in self.items for n in e.notes if n.id == note_id), None)

    def _section_of(self, key: tuple[str, ...]) -> SectionNotes | None:
        if key[0] == "section":
            return self._entry(key[1], key[2])
        return next((e for e in self.items if any(n.id == key[1] for n in e.notes)), None)

    def _selection_changed(self, *_) -> None:
        key = self.selected()
        entry = self._section_of(key) if key else None
        is_note = bool(key) and key[0] == "note"
        self.open_button.setEnabled(entry is not None and entry.in_lessons)
        self.edit_button.setEnabled(is_note)
        self.delete_button.setEnabled(is_note)
        self.unbookmark_button.setEnabled(entry is not None and entry.bookmarked)
        self.detail.setHtml(self._detail_html(key, entry) if entry is not None else "")

    def _detail_html(self, key: tuple[str, ...], entry: SectionNotes) -> str:
        head = f"<h3>{escape(entry.section_title)}</h3><p style='color:{MUTED}'>{escape(entry.module_title)}"
        if entry.bookmarked:
            when = escape(stored_day_text(entry.bookmarked_at) if entry.bookmarked_at else "")
            head += " \u00b7 " + self.tr("bookmarked {date}").format(date=when)
        head += "</p>"
        notes = [n for n in entry.notes if key[0] == "section" or n.id == key[1]]
        if not notes:
            return head + f"<p style='color:{MUTED}'>" + self.tr("No notes on this section yet.") + "</p>"
        body = "".join(
            f"<p style='color:{MUTED}'>"
            + (self.tr("Note, {date}, edited {edited}") if n.updated_at != n.created_at
               else self.tr("Note, {date}")).format(date=escape(stored_day_text(n.created_at)),
                                                    edited=escape(stored_day_text(n.updated_at)))
            + f"</p><p style='white-space:pre-wrap'>{escape(n.body)}</p>" for n in notes)
        return head + body

    # -- actions ----------------------------------------------------------------------------

    def open_selected(self) -> None:
        key = self.selected()
        entry = self._section_of(key) if key else None
        if entry is not None and entry.in_lessons:
            self.open_section_requested.emit(entry.module_id, entry.section_id)

    def edit_selected(self) -> None:
        key = self.selected()
        if key and key[0] == "note":
            self.edit_note_requested.emit(key[1], self._note_body(key[1]) or "")

    def delete_selected(self) -> None:
        key = self.selected()
        if key and key[0] == "note":
            self.delete_note_requested.emit(key[1])

    def remove_bookmark_selected(self) -> None:
        key = self.selected()
        entry = self._section_of(key) if key else None
        if entry is not None and entry.bookmarked:
            self.remove_bookmark_requested.emit(entry.module_id, entry.section_id)

    def _undo_if_offered(self) -> None:
        if self.undo_bar.isVisible():
            self.undo_requested.emit()
