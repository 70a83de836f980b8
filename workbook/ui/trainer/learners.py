"""Restore and merge learner profiles from the trainer views (already behind the passphrase).

A restore brings an archived profile back to the PC's profile list; a merge records that two
profiles are the same person (store/merges.py). Questions go through `workbook.ui.dialogs`, so tests
answer them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from workbook.core.outside_text import printable
from workbook.store import learners
from workbook.store.learners import get_learner
from workbook.store.merges import MergeError, merge_learners
from workbook.ui import dialogs
from workbook.ui.controllers.session import Session
from workbook.ui.trainer.learners_view import LearnersView


class TrainerLearners(QObject):
    def __init__(self, session: Session, changed: Callable[[], None]) -> None:
        super().__init__(session.window)
        self.session = session
        self.changed = changed  # the dashboard reads again after a restore or merge
        self.view: LearnersView | None = None

    def open(self, archived_only: bool = False) -> LearnersView:
        """Show the learner list (not modal-blocking: `open()`), archived ones only when asked."""
        if self.view is None:
            self.view = LearnersView(self.session.window, archived_only)
            self.view.restore_requested.connect(self.restore)
            self.view.merge_requested.connect(self.merge)
            self.view.archived_only_changed.connect(lambda _: self.refresh())
        else:
            self.view.show_filter.setCurrentIndex(int(archived_only))
        self.refresh()
        self.view.open()
        return self.view

    def refresh(self) -> None:
        if self.view is not None:
            self.view.show_learners(learners.trainer_listing(self.view.archived_only),
                                    learners.trainer_listing())

    def restore(self, learner_id: str) -> None:
        if self.session.write(learners.unarchive_learner, learner_id):
            self.session.window.save_status.setText("\u2714 " + self.tr("Restored to the profile list"))
            self.refresh()
            self.changed()

    def merge(self, from_id: str | None, into_id: str | None) -> None:
        source, target = get_learner(from_id or ""), get_learner(into_id or "")
        if source is None or target is None:
            return
        if source.id == target.id:
            dialogs.show_info(self.session.window, self.tr("Merge profiles"),
                              self.tr("Choose two different profiles."))
            return
        question = self.tr("Merge {source} ({source_who})\ninto {target} ({target_who})?\n\n"
                           "Everything {source} did counts for {target} from now on, on this PC and on every "
                           "PC its progress bundles reach. Nothing is deleted, but a merge cannot be "
                           "undone.").format(source=printable(source.display_name),
                                             source_who=printable(learners.describe(source)),
                                             target=printable(target.display_name),
                                             target_who=printable(learners.describe(target)))
        if not dialogs.confirm(self.session.window, self.tr("Merge profiles"), question, self.tr("Merge")):
            return
        done = self.session.write(merge_learners, source.id, target.id, refuses=(MergeError,),
                                  refusal_title=self.tr("Not merged"))
        if done:
            self.session.window.save_status.setText(
                "\u2714 " + self.tr("Merged: %n record(s) now count for {name}", "",
                                     done.value.rows_moved_over).format(name=printable(target.display_name)))
            self.refresh()
            self.changed()
