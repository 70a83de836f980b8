"""What every feature controller shares: the window, the data folder, the content and the learner."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from msgspec import Struct

from workbook.ui import store_op

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from workbook.core.content import Library
    from workbook.ui.main_window import MainWindow

T = TypeVar("T")


class Session(Struct):
    """The navigator owns it and sets `library` once the content has loaded (it loads off the GUI
    thread) and `learner_id` once a profile is chosen; controllers read both when they act."""

    window: MainWindow
    data_dir: Path
    library: Library | None = None
    learner_id: str | None = None

    def show(self, page: QWidget) -> None:
        self.window.pages.setCurrentWidget(page)

    def skill_label(self, skill: str) -> str:
        return self.library.skill_label(skill) if self.library else skill

    def write(self, change: Callable[..., T], *args: Any, refuses: tuple[type[Exception], ...] = (),
              refusal_title: str | None = None, announce: bool = True) -> store_op.StoreResult[T]:
        """One store write through `store_op.write`: saved or shown, never raised; `announce=False`
        for a setting, so "Progress saved" only ever follows the learner's own progress."""
        return store_op.write(self.window, self.data_dir, change, *args, refuses=refuses,
                              refusal_title=refusal_title, announce=announce)
