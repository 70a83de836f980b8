"""Reading progress worked out from what a learner has read; pure functions over plain data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from msgspec import Struct

if TYPE_CHECKING:  # the content models pull in pydantic; keep start-up light
    from workbook.core.content import Library, Module


class ReadingProgress(Struct, frozen=True):
    """Sections read out of the module's sections (ids no longer in the module are ignored)."""

    module_id: str
    read: int
    total: int

    @property
    def fraction(self) -> float:
        return self.read / self.total if self.total else 0.0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.read >= self.total


def reading_progress(module: Module, read_ids: Iterable[str]) -> ReadingProgress:
    current = {section.id for section in module.sections}
    return ReadingProgress(module.id, len(current & set(read_ids)), len(current))


def resume_target(library: Library, positions_newest_first: Iterable[tuple[str, str]],
                  ) -> tuple[Module, int] | None:
    """The newest reading position that still exists in the content: (module, section index)."""
    for module_id, section_id in positions_newest_first:
        module = library.module(module_id)
        if module is None:
            continue
        index = module.section_index(section_id)
        if index is not None:
            return module, index
    return None


def continue_target(library: Library, positions_newest_first: Iterable[tuple[str, str]],
                    read: Mapping[str, set[str]]) -> tuple[Module, int] | None:
    """Where "Continue" leads: the newest reading position while that section is unread; once it is
    read, the next unread section of its module (after it, then from the module's start); once that
    module is read, the first unread section after it in course order (then from the start); None
    once every section is read."""
    target = resume_target(library, positions_newest_first)
    modules = list(library.modules)
    start = 0
    if target is not None:
        module, index = target
        done = read.get(module.id, set())
        sections = list(enumerate(module.sections))
        for place, section in sections[index:] + sections[:index]:
            if section.id not in done:
                return module, place
        start = modules.index(module) + 1 if module in modules else 0
    for module in modules[start:] + modules[:start]:
        done = read.get(module.id, set())
        unread = next((i for i, section in enumerate(module.sections) if section.id not in done), None)
        if unread is not None:
            return module, unread
    return None


def first_unread_index(module: Module, read_ids: Iterable[str]) -> int:
    """Where to open a module: its first unread section, or the start once all are read."""
    read = set(read_ids)
    for index, section in enumerate(module.sections):
        if section.id not in read:
            return index
    return 0


def progress_by_module(library: Library, read: Mapping[str, set[str]]) -> dict[str, ReadingProgress]:
    return {module.id: reading_progress(module, read.get(module.id, set()))
            for module in library.modules}
