"""A learner's bookmarks and personal notes on lesson sections, listed together and exported.

These are the learner's own words, not a learning record: a note is edited in place and may be
deleted (activity rows, by contrast, are append-only).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from msgspec import Struct, field

from workbook.core.content import Library
from workbook.files import write_text_atomic
from workbook.store.clock import new_id, utc_now_text
from workbook.store.models import BookmarkRecord, LearnerRecord, NoteRecord

MAX_NOTE = 20_000


class NoteError(ValueError):
    """A note the user typed cannot be saved; the message says why."""


def _clean_body(body: str) -> str:
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise NoteError("Write something in the note first.")
    if len(text) > MAX_NOTE:
        raise NoteError(f"Keep a note under {MAX_NOTE:,} characters.")
    return text


# Bookmarks -----------------------------------------------------------------------------------------


class Bookmark(Struct, frozen=True):
    """A lesson section a learner marked to come back to."""

    learner_id: str
    module_id: str
    section_id: str
    created_at: str


class Note(Struct, frozen=True):
    """A learner's own note on a lesson section, as plain data."""

    id: str
    learner_id: str
    module_id: str
    section_id: str
    body: str
    created_at: str
    updated_at: str


def _note(record: NoteRecord) -> Note:
    return Note(record.id, record.learner_id, record.module_id, record.section_id, record.body,
                record.created_at, record.updated_at)


def is_bookmarked(learner_id: str, module_id: str, section_id: str) -> bool:
    return BookmarkRecord.select().where(
        BookmarkRecord.learner == learner_id, BookmarkRecord.module_id == module_id,
        BookmarkRecord.section_id == section_id).exists()


def toggle_bookmark(learner_id: str, module_id: str, section_id: str, now: datetime | None = None) -> bool:
    """Bookmark the section, or remove its bookmark; returns whether it is bookmarked now."""
    with BookmarkRecord._meta.database.atomic():
        removed = BookmarkRecord.delete().where(
            BookmarkRecord.learner == learner_id, BookmarkRecord.module_id == module_id,
            BookmarkRecord.section_id == section_id).execute()
        if removed:
            return False
        BookmarkRecord.create(learner=learner_id, module_id=module_id, section_id=section_id,
                              created_at=utc_now_text(now))
        return True


def bookmarks(learner_id: str) -> list[Bookmark]:
    """A learner's bookmarks, oldest first (see `collect` for content order)."""
    query = (BookmarkRecord.select().where(BookmarkRecord.learner == learner_id)
             .order_by(BookmarkRecord.created_at, BookmarkRecord.module_id, BookmarkRecord.section_id))
    return [Bookmark(row.learner_id, row.module_id, row.section_id, row.created_at) for row in query]


# Notes ---------------------------------------------------------------------------------------------


def add_note(learner_id: str, module_id: str, section_id: str, body: str,
             now: datetime | None = None) -> Note:
    stamp = utc_now_text(now)
    return _note(NoteRecord.create(id=new_id(), learner=learner_id, module_id=module_id,
                                   section_id=section_id, body=_clean_body(body), created_at=stamp,
                                   updated_at=stamp))


def edit_note(learner_id: str, note_id: str, body: str, now: datetime | None = None) -> Note:
    """Change a note's text in place (the same row, a new `updated_at`)."""
    text = _clean_body(body)
    changed = NoteRecord.update(body=text, updated_at=utc_now_text(now)).where(
        NoteRecord.id == note_id, NoteRecord.learner == learner_id).execute()
    if not changed:
        raise NoteError("That note no longer exists.")
    return _note(NoteRecord.get_by_id(note_id))


def take_note(learner_id: str, note_id: str) -> Note | None:
    """Delete one of the learner's own notes and return it, so the user can undo (`restore_note`)."""
    with NoteRecord._meta.database.atomic():
        note = NoteRecord.get_or_none(NoteRecord.id == note_id, NoteRecord.learner == learner_id)
        if note is None:
            return None
        note.delete_instance()
    return _note(note)


def restore_note(note: Note) -> None:
    """Put back a note `take_note` removed: same id, text and dates, as if never deleted."""
    NoteRecord.insert(id=note.id, learner=note.learner_id, module_id=note.module_id,
                      section_id=note.section_id, body=note.body, created_at=note.created_at,
                      updated_at=note.updated_at).on_conflict_ignore().execute()


def notes_for_section(learner_id: str, module_id: str, section_id: str) -> list[Note]:
    return [_note(row) for row in NoteRecord.select().where(
        NoteRecord.learner == learner_id, NoteRecord.module_id == module_id,
        NoteRecord.section_id == section_id).order_by(NoteRecord.created_at, NoteRecord.id)]


# Everything in one place ---------------------------------------------------------------------------


class SectionNotes(Struct):
    """A section with a bookmark or notes. `in_lessons` is False when the content no longer has it
    (the learner's words are kept and listed last, under their ids)."""

    module_id: str
    section_id: str
    module_title: str
    section_title: str
    in_lessons: bool = True
    bookmarked_at: str | None = None
    notes: list[Note] = field(default_factory=list)

    @property
    def bookmarked(self) -> bool:
        return self.bookmarked_at is not None


def collect(library: Library, learner_id: str) -> list[SectionNotes]:
    """Every bookmarked or annotated section of a learner, in the order the lessons run."""
    found: dict[tuple[str, str], SectionNotes] = {}

    def entry(module_id: str, section_id: str) -> SectionNotes:
        key = (module_id, section_id)
        if key not in found:
            module = library.module(module_id)
            section = module.section(section_id) if module is not None else None
            found[key] = SectionNotes(
                module_id, section_id, module.title if module is not None else module_id,
                section.title if section is not None else section_id, in_lessons=section is not None)
        return found[key]

    for mark in bookmarks(learner_id):
        entry(mark.module_id, mark.section_id).bookmarked_at = mark.created_at
    for note in NoteRecord.select().where(NoteRecord.learner == learner_id).order_by(
            NoteRecord.created_at, NoteRecord.id):
        entry(note.module_id, note.section_id).notes.append(_note(note))

    order = {(module.id, section.id): (m, s) for m, module in enumerate(library.modules)
             for s, section in enumerate(module.sections)}
    missing = (len(order) + 1, 0)
    return sorted(found.values(), key=lambda item: (order.get((item.module_id, item.section_id), missing),
                                                    item.module_id, item.section_id))


def _day(stamp: str) -> str:
    return stamp[:10]  # stored stamps are UTC ISO 8601 text: the date is the first ten characters


def _note_text(body: str) -> str:
    """The note as plain text in Markdown: a line that would start a heading, list or quote is
    escaped so it reads as the learner wrote it."""
    lines = (re.sub(r"^(\s*)([#>*+-])", r"\1\\\2", line) for line in body.splitlines())
    return "\n".join(re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", line) for line in lines)


def export_markdown(library: Library, learner_id: str, now: datetime | None = None) -> str:
    """All of a learner's bookmarks and notes as one Markdown document, in content order."""
    learner = LearnerRecord.get_or_none(LearnerRecord.id == learner_id)
    name = learner.display_name if learner is not None else learner_id
    lines = [f"# Notes and bookmarks: {name}", "", f"Exported {_day(utc_now_text(now))}.", ""]
    items = collect(library, learner_id)
    if not items:
        lines += ["No bookmarks or notes yet.", ""]
    module_heading = None
    for item in items:
        heading = item.module_title if item.in_lessons else f"{item.module_title} (no longer in the lessons)"
        if heading != module_heading:
            lines += [f"## {heading}", ""]
            module_heading = heading
        lines += [f"### {item.section_title}" + (" 🔖" if item.bookmarked else ""), ""]
        if item.bookmarked_at is not None:
            lines += [f"Bookmarked {_day(item.bookmarked_at)}.", ""]
        for note in item.notes:
            edited = f", edited {_day(note.updated_at)}" if note.updated_at != note.created_at else ""
            lines += [f"**Note, {_day(note.created_at)}{edited}**", "", _note_text(note.body), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def write_notes_markdown(path: Path, library: Library, learner_id: str, now: datetime | None = None) -> Path:
    """Write the export atomically: a reader never sees half a file, a failure leaves the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, export_markdown(library, learner_id, now))
    return path
