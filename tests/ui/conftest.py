"""UI fixtures: the real main window on a real database in a temp folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from workbook.core.content import Library
from workbook.core.images import default_assets_dir
from workbook.paths import database_path
from workbook.store.connection import open_database
from workbook.ui.main_window import MainWindow
from workbook.ui.navigator import Navigator
from workbook.ui.theme import APP_STYLE


@pytest.fixture
def open_window(qtbot, data_dir: Path) -> Callable[[Library], Navigator]:
    """Start the window as the app would: database opened first, then the window shown."""
    opened = []

    def start(library: Library) -> Navigator:
        for db in opened:  # a "restart": the previous instance's connection is closed first
            db.close()
        opened.append(open_database(database_path(data_dir)))
        QApplication.instance().setStyleSheet(APP_STYLE)
        window = MainWindow()
        qtbot.addWidget(window)
        navigator = Navigator(window, data_dir, default_assets_dir(library.root), library)
        navigator.start()
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.isActiveWindow)  # keyboard shortcuts need the active window
        return navigator

    yield start
    for db in opened:
        db.close()
