"""Qt's own warnings and errors (a missing image plugin, a bad style sheet) go to the workbook log
instead of a console nobody sees on a training-room PC."""

from __future__ import annotations

import logging

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

qt_log = logging.getLogger("workbook.qt")

_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
           QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
           QtMsgType.QtFatalMsg: logging.CRITICAL}


def install_qt_message_handler():
    """Route Qt's messages to the log; returns the handler it replaced (pass it to `restore`).
    A handler installed before (pytest-qt's) still sees every message."""
    previous = None

    def forward(kind, context, message) -> None:
        category = getattr(context, "category", None)
        where = f"[{category}] " if category and category != "default" else ""
        qt_log.log(_LEVELS.get(kind, logging.WARNING), "%s%s", where, message)
        if previous is not None:
            previous(kind, context, message)

    previous = qInstallMessageHandler(forward)
    return previous


def restore_qt_message_handler(previous) -> None:
    qInstallMessageHandler(previous)
