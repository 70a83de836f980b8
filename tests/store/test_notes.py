"""Bookmarks and personal notes on a real database file: kept across restarts, exported to Markdown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from workbook.paths import database_path
from workbook.store import migrations
from workbook.store.connection import StoreError, open_database
from workbook.store.learners import create_learner
from workbook.store.notes import (
    NoteError,
    add_note,
    bookmarks,
    collect,
    edit_note,
    export_markdown,
    is_bookmarked,
    notes_for_section,
    restore_note,
    take_note,
    toggle_bookmark,
    write_notes_markdown,
)

pytestmark = pytest.mark.both_backends  # the tests using `database` run on SQLite and PostgreSQL

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def test_schema_has_notes_and_bookmarks(database):
    assert migrations.CURRENT_VERSION >= 5
    assert {"bookmark", "note"} <= set(database.get_tables())


def test_notes_and_bookmarks_survive_reopening(data_dir):
    """Written, the app closes, and a new connection to the same file reads them back."""
    path = database_path(data_dir)
    db = open_database(path)
    ana = create_learner("Ana").id
    assert toggle_bookmark(ana, "de-escalation", "the-de-escalation-sequence", now=T0) is True
    note = add_note(ana, "empathy", "apologizing-well", "Apologize for the experience.", now=T0)
    edit_note(ana, note.id, "Apologize once, then act.", now=T0 + timedelta(days=2))
    gone = add_note(ana, "empathy", "apologizing-well", "scratch", now=T0)
    assert take_note(ana, gone.id).body == "scratch"  # the app's Delete (with Undo)
    db.close()

    db = open_database(path)
    try:
        assert is_bookmarked(ana, "de-escalation", "the-de-escalation-sequence")
        [kept] = notes_for_section(ana, "empathy", "apologizing-well")
        assert (kept.id, kept.body) == (note.id, "Apologize once, then act.")  # one row, edited in place
        assert kept.created_at < kept.updated_at
        assert db.execute_sql("SELECT count(*) FROM note").fetchone()[0] == 1
    finally:
        db.close()


def test_a_deleted_note_comes_back_whole_on_undo(database):
    ana = create_learner("Ana").id
    note = add_note(ana, "empathy", "apologizing-well", "Name the impact.", now=T0)
    edit_note(ana, note.id, "Name the impact, then act.", now=T0 + timedelta(days=1))
    taken = take_note(ana, note.id)
    assert notes_for_section(ana, "empathy", "apologizing-well") == []
    restore_note(taken)
    [back] = notes_for_section(ana, "empathy", "apologizing-well")
    assert (back.id, back.body, back.created_at, back.updated_at) == (
        note.id, "Name the impact, then act.", taken.created_at, taken.updated_at)
    restore_note(taken)  # undo pressed twice changes nothing
    assert len(notes_for_section(ana, "empathy", "apologizing-well")) == 1
    assert take_note(create_learner("Ben").id, note.id) is None  # not Ben's to take


def test_toggle_bookmark_twice_removes_it(database):
    ana = create_learner("Ana").id
    assert toggle_bookmark(ana, "empathy", "apologizing-well") is True
    assert toggle_bookmark(ana, "empathy", "apologizing-well") is False
    assert bookmarks(ana) == [] and not is_bookmarked(ana, "empathy", "apologizing-well")


def test_notes_belong_to_their_learner(database):
    ana, ben = create_learner("Ana").id, create_learner("Ben").id
    note = add_note(ana, "empathy", "apologizing-well", "mine")
    assert take_note(ben, note.id) is None
    with pytest.raises(NoteError):
        edit_note(ben, note.id, "theirs")
    assert notes_for_section(ana, "empathy", "apologizing-well")[0].body == "mine"
    assert notes_for_section(ben, "empathy", "apologizing-well") == []


@pytest.mark.parametrize("body", ["", "   \n ", "x" * 20_001])
def test_unusable_note_is_refused(database, body):
    ana = create_learner("Ana").id
    with pytest.raises(NoteError):
        add_note(ana, "empathy", "apologizing-well", body)


def test_note_for_unknown_learner_is_refused(database):
    with pytest.raises(StoreError, match="(?i)foreign key"):
        add_note("nobody", "empathy", "apologizing-well", "text")


def test_export_lists_everything_in_content_order(database, library, tmp_path):
    ana = create_learner("Ana Díaz").id
    # written out of content order, and one on a section the lessons no longer have
    add_note(ana, "measuring-success", "fcr-and-csat", "FCR counts repeat calls.\n# not a heading", now=T0)
    toggle_bookmark(ana, "active-listening", "the-listening-loop", now=T0 + timedelta(days=1))
    add_note(ana, "active-listening", "the-listening-loop", "Listen, check, then act.", now=T0)
    add_note(ana, "old-module", "gone", "Still mine.", now=T0)
    first = add_note(ana, "active-listening", "why-listening-first", "Saves time later.", now=T0)
    edit_note(ana, first.id, "Saves time overall.", now=T0 + timedelta(days=3))
    toggle_bookmark(create_learner("Ben").id, "empathy", "apologizing-well")  # not Ana's

    items = collect(library, ana)
    assert [(i.module_id, i.section_id) for i in items] == [
        ("active-listening", "why-listening-first"), ("active-listening", "the-listening-loop"),
        ("measuring-success", "fcr-and-csat"), ("old-module", "gone")]
    assert [i.bookmarked for i in items] == [False, True, False, False]

    text = export_markdown(library, ana, now=T0 + timedelta(days=5))
    assert text.startswith("# Notes and bookmarks: Ana Díaz\n\nExported 2025-03-06.")
    order = ["## Active listening", "### Why listening first saves time\n",
             "**Note, 2025-03-01, edited 2025-03-04**", "Saves time overall.",
             "### The listening loop 🔖", "Bookmarked 2025-03-02.", "Listen, check, then act.",
             "## Measuring success: FCR, CSAT, AHT and NPS",
             "### First Contact Resolution and Customer Satisfaction",
             "FCR counts repeat calls.\n\\# not a heading",
             "## old-module (no longer in the lessons)", "### gone", "Still mine."]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "Apologizing well" not in text

    path = write_notes_markdown(tmp_path / "out" / "notes.md", library, ana, now=T0 + timedelta(days=5))
    assert path.read_text(encoding="utf-8") == text
    assert [p.name for p in path.parent.iterdir()] == ["notes.md"]  # no temporary file left behind


def test_export_with_nothing(database, library):
    ana = create_learner("Ana").id
    assert "No bookmarks or notes yet." in export_markdown(library, ana)
