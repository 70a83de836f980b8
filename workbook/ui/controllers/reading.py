"""The lesson reader: opens a module at a section, records each section the learner reaches, and
keeps the reading zoom between sessions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from workbook.core.progress import continue_target, first_unread_index
from workbook.store import activity, settings
from workbook.store.learner_progress import counted_sections
from workbook.ui.controllers.session import Session
from workbook.ui.reader_page import ReaderPage


class ReadingController(QObject):
    def __init__(self, session: Session, assets_dir: Path, home: Callable[[], None]) -> None:
        super().__init__(session.window)
        self.session = session
        self.page = ReaderPage(assets_dir)
        session.window.pages.addWidget(self.page)
        self.page.section_read.connect(self._record_section)  # read under the course's rule
        self.page.home_requested.connect(home)
        self.page.zoom_changed.connect(self._save_zoom)

    def restore_zoom(self) -> None:
        """The text size chosen last time, set without writing it back: a start writes nothing (and a
        database that cannot be written must not greet the learner with an error for it)."""
        zoom = settings.get_setting(settings.READER_ZOOM, "0")
        self.page.zoom_changed.disconnect(self._save_zoom)
        try:
            self.page.set_zoom(int(zoom) if zoom.lstrip("-").isdigit() else 0)
        finally:
            self.page.zoom_changed.connect(self._save_zoom)

    def zoom(self, step: int) -> None:
        """+1 in, -1 out, 0 back to the default (View menu)."""
        self.page.set_zoom(self.page.zoom + step if step else 0)

    def open_module(self, module_id: str, index: int | None = None,
                    counted: dict[str, set[str]] | None = None) -> None:
        """Open at `index`, or at the first section not read yet; `counted`: the learner's counted
        sections when the caller has read them already."""
        library, learner_id = self.session.library, self.session.learner_id
        module = library.module(module_id) if library else None
        if module is None or learner_id is None:
            return
        if counted is None:
            counted = counted_sections(library, learner_id)
        read = counted.get(module_id, set())  # sections read too fast are timed again
        start = first_unread_index(module, read) if index is None else index
        self.page.reading_rule = library.reading_rule
        self.session.show(self.page)
        self.page.open_module(module, read, start)

    def open_section(self, module_id: str, section_id: str, highlight: list[str] | None = None) -> None:
        """A section by id (from My notes or a search hit), with `highlight` words marked."""
        module = self.session.library.module(module_id)
        index = module.section_index(section_id) if module else None
        if index is None:
            return
        self.open_module(module_id, index)
        if highlight is not None:
            self.page.highlight(highlight)

    def resume(self) -> None:
        library, learner_id = self.session.library, self.session.learner_id
        if library is None or learner_id is None or not library.modules:
            return
        counted = counted_sections(library, learner_id)
        target = continue_target(library, activity.reading_positions(learner_id), counted)
        if target is None:
            self.open_module(library.modules[0].id, 0, counted)
        else:
            module, index = target
            self.open_module(module.id, index, counted)

    def _record_section(self, module_id: str, section_id: str) -> None:
        learner_id = self.session.learner_id
        if learner_id is None:
            return
        self.session.write(activity.record_section_read, learner_id, module_id, section_id)

    def _save_zoom(self, steps: int) -> None:
        self.session.write(settings.set_setting, settings.READER_ZOOM, str(steps), announce=False)
