"""The main window's size and place: fitted to the screen on the first start, then as the user left it.

Kept in a small file in the data folder (like the interface language), because the window shows before
the progress database opens.
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget

GEOMETRY_FILE = "window-geometry.txt"
PREFERRED = QSize(1100, 760)
FRAME_ALLOWANCE = QSize(16, 48)  # the title bar and borders the system adds outside the window's size

log = logging.getLogger(__name__)


def fitted_size(wanted: QSize, available: QRect) -> QSize:
    """`wanted`, made smaller where the screen's free area (taskbar excluded) is smaller, frame included."""
    return QSize(min(wanted.width(), available.width() - FRAME_ALLOWANCE.width()),
                 min(wanted.height(), available.height() - FRAME_ALLOWANCE.height()))


def first_size(available: QRect) -> QSize:
    """The main window's preferred size, fitted to the screen."""
    return fitted_size(PREFERRED, available)


def fit_to_screen(widget: QWidget, wanted: QSize, available: QRect) -> None:
    """A dialog sized to `wanted` or less (a 1280x720 laptop) and centred in `available`, frame and
    title bar included: no edge below the taskbar."""
    size = fitted_size(wanted, available)
    widget.resize(size)
    outer = QRect(QPoint(0, 0), size + FRAME_ALLOWANCE)
    outer.moveCenter(available.center())
    widget.move(outer.topLeft())


def place(window: QWidget, data_dir: Path, available: QRect | None = None) -> bool:
    """Restore the size and place saved at the last close (True), else fit the window to the screen
    and centre it; either way the window saves its geometry to `data_dir` when it closes."""
    window.geometry_file = data_dir / GEOMETRY_FILE
    if restore(window, window.geometry_file):
        return True
    area = available if available is not None else window.screen().availableGeometry()
    size = first_size(area)
    window.resize(size)
    window.move(area.x() + max(0, (area.width() - size.width()) // 2),
                area.y() + max(0, (area.height() - size.height() - FRAME_ALLOWANCE.height()) // 2))
    return False


def restore(window: QWidget, path: Path) -> bool:
    """Qt puts a window saved on a screen that is gone or smaller back inside the current one."""
    try:
        saved = base64.b64decode(path.read_text(encoding="ascii").strip(), validate=True)
    except (OSError, ValueError):
        return False
    return bool(saved) and window.restoreGeometry(QByteArray(saved))


def save(window: QWidget, path: Path) -> None:
    """Never stops the window closing: a folder that cannot be written only costs the size next time."""
    from workbook.files import write_text_atomic

    try:
        write_text_atomic(path, base64.b64encode(bytes(window.saveGeometry().data())).decode("ascii") + "\n")
    except OSError as error:
        log.warning("window size not saved: %s", error)
