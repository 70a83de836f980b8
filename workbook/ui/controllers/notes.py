"""Bookmarks and notes: on the reader (the section's own bookmark and notes), on the My notes page
(edit, delete, remove, with one step of undo) and exported as Markdown."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject

from workbook.store import notes
from workbook.ui import dialogs
from workbook.ui.controllers.session import Session
from workbook.ui.notes_page import NotesPage
from workbook.ui.reader_page import ReaderPage


class NotesController(QObject):
    def __init__(self, session: Session, reader: ReaderPage, home: Callable[[], None]) -> None:
        super().__init__(session.window)
        self.session = session
        self.reader = reader
        self.undo: Callable[[], object] | None = None  # puts back the last note or bookmark removed
        reader.bookmark_toggled.connect(self._toggle_bookmark)
        reader.note_requested.connect(self._add_note)
        reader.section_reached.connect(self._show_personal)
        self.page = NotesPage()
        session.window.pages.addWidget(self.page)
        self.page.home_requested.connect(home)
        self.page.edit_note_requested.connect(self._edit_note)
        self.page.delete_note_requested.connect(self._delete_note)
        self.page.remove_bookmark_requested.connect(self._remove_bookmark)
        self.page.undo_requested.connect(self._undo)
        self.page.export_requested.connect(self.export)

    # -- on the reader ------------------------------------------------------------------------

    def _show_personal(self, module_id: str, section_id: str) -> None:
        learner_id = self.session.learner_id
        if learner_id is None:
            return
        own = [n.body for n in notes.notes_for_section(learner_id, module_id, section_id)]
        self.reader.show_personal(notes.is_bookmarked(learner_id, module_id, section_id), own)

    def _toggle_bookmark(self, module_id: str, section_id: str) -> None:
        if self.session.write(notes.toggle_bookmark, self.session.learner_id, module_id, section_id):
            self._show_personal(module_id, section_id)

    def _add_note(self, module_id: str, section_id: str) -> None:
        body = dialogs.ask_multiline(self.session.window, self.tr("Add a note"),
                                     self.tr("Your note on this section:"))
        if body and self._write_note(notes.add_note, self.session.learner_id, module_id, section_id, body):
            self._show_personal(module_id, section_id)

    def _write_note(self, change: Callable[..., object], *args: object) -> bool:
        """A note write; a note too long to keep is explained, not raised."""
        return bool(self.session.write(change, *args, refuses=(notes.NoteError,),
                                       refusal_title=self.tr("Note not saved")))

    # -- My notes -----------------------------------------------------------------------------

    def open(self) -> None:
        """Every bookmark and note of the learner, in lesson order (View › My notes, Ctrl+Shift+M)."""
        if self.session.learner_id is None or self.session.library is None:
            return
        self.undo = None
        self.page.hide_undo()
        self._refresh()
        self.session.show(self.page)

    def _refresh(self, keep: tuple[str, ...] | None = None) -> None:
        self.page.show_items(notes.collect(self.session.library, self.session.learner_id),
                             keep or self.page.selected())

    def _edit_note(self, note_id: str, body: str) -> None:
        text = dialogs.ask_multiline(self.session.window, self.tr("Edit note"), self.tr("Your note:"), body)
        if text and text != body and self._write_note(notes.edit_note, self.session.learner_id, note_id,
                                                      text):
            self._refresh(("note", note_id))

    def _delete_note(self, note_id: str) -> None:
        taken = self.session.write(notes.take_note, self.session.learner_id, note_id)
        if not taken or taken.value is None:  # not saved, or already gone
            self._refresh()
            return
        self.undo = partial(notes.restore_note, taken.value)
        self.page.show_undo(self.tr("Note deleted: \u201c{note}\u201d").format(note=taken.value.body[:60]))
        self._refresh()

    def _remove_bookmark(self, module_id: str, section_id: str) -> None:
        learner_id = self.session.learner_id
        if self.session.write(notes.toggle_bookmark, learner_id, module_id, section_id):
            self.undo = partial(notes.toggle_bookmark, learner_id, module_id, section_id)
            self.page.show_undo(self.tr("Bookmark removed."))
            self._refresh(("section", module_id, section_id))

    def _undo(self) -> None:
        if self.undo is not None and self.session.write(self.undo):
            self.undo = None
            self.page.hide_undo()
            self._refresh()

    def export(self) -> None:
        library, learner_id = self.session.library, self.session.learner_id
        if learner_id is None or library is None:
            return
        chosen = dialogs.ask_save_path(self.session.window, self.tr("Export notes and bookmarks"),
                                       "workbook-notes.md", self.tr("Markdown (*.md)"))
        if chosen and self.session.write(notes.write_notes_markdown, Path(chosen), library, learner_id):
            dialogs.show_info(self.session.window, self.tr("Exported"),
                              self.tr("Notes and bookmarks written to {file}").format(file=chosen))
