"""The first window fits the screen it opens on (a 1280x720 laptop included), and the next start brings
back the size the user left."""

from __future__ import annotations

from PySide6.QtCore import QRect

from workbook.ui import window_geometry
from workbook.ui.main_window import MainWindow


def test_the_first_window_fits_a_1280x720_screen(qtbot, data_dir):
    window = MainWindow()
    qtbot.addWidget(window)
    available = QRect(0, 0, 1280, 720 - 30)  # a 720-pixel screen with a taskbar
    assert window_geometry.place(window, data_dir, available) is False  # nothing saved yet
    with_frame = window.size() + window_geometry.FRAME_ALLOWANCE
    assert with_frame.height() <= available.height() and with_frame.width() <= available.width()
    assert window.width() == 1100  # as wide as it prefers where there is room
    assert available.contains(window.geometry())


def test_a_big_screen_gets_the_preferred_size(qtbot, data_dir):
    window = MainWindow()
    qtbot.addWidget(window)
    window_geometry.place(window, data_dir, QRect(0, 0, 1920, 1040))
    assert (window.width(), window.height()) == (1100, 760)


def test_the_size_left_at_close_comes_back_at_the_next_start(qtbot, data_dir):
    window = MainWindow()
    qtbot.addWidget(window)
    window_geometry.place(window, data_dir, QRect(0, 0, 1280, 690))
    window.show()
    qtbot.waitExposed(window)
    window.resize(700, 480)  # the offscreen screen is 800x600: a size that fits it
    qtbot.waitUntil(lambda: window.width() == 700)
    window.close()
    assert (data_dir / window_geometry.GEOMETRY_FILE).is_file()

    again = MainWindow()
    qtbot.addWidget(again)
    assert window_geometry.place(again, data_dir, QRect(0, 0, 1280, 690)) is True
    assert (again.width(), again.height()) == (700, 480)


def test_a_damaged_geometry_file_falls_back_to_fitting_the_screen(qtbot, data_dir):
    (data_dir / window_geometry.GEOMETRY_FILE).write_text("not base64 at all!\n", encoding="ascii")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window_geometry.place(window, data_dir, QRect(0, 0, 1280, 690)) is False
    assert window.height() <= 690 - window_geometry.FRAME_ALLOWANCE.height()
