"""Qt's own command-line options (`-style fusion`, `-platform offscreen`, ...) go to QApplication,
not to argparse, which would refuse them. Imports no Qt."""

from __future__ import annotations

from collections.abc import Sequence

# Options QGuiApplication and QApplication read, and whether each takes a value.
QT_OPTIONS = {
    "-style": True, "-stylesheet": True, "-platform": True, "-platformpluginpath": True,
    "-platformtheme": True, "-plugin": True, "-qmljsdebugger": True, "-qwindowgeometry": True,
    "-qwindowicon": True, "-qwindowtitle": True, "-geometry": True, "-display": True, "-title": True,
    "-name": True, "-session": True, "-fontengine": True, "-reverse": False, "-widgetcount": False,
    "-nograb": False, "-dograb": False, "-visual": True,
}


def split_qt_args(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(our arguments, Qt's arguments): Qt's are taken out wherever they stand, with their value
    (`-style fusion` or `-style=fusion`). Only the one-dash spelling: `--name` is one of ours."""
    ours: list[str] = []
    qt: list[str] = []
    items = list(argv)
    index = 0
    while index < len(items):
        item = items[index]
        name, equals, _value = item.partition("=")
        takes_value = QT_OPTIONS.get(name)
        if takes_value is None:
            ours.append(item)
        elif takes_value and not equals and index + 1 < len(items):
            qt += [name, items[index + 1]]
            index += 1
        else:
            qt.append(name + (equals + _value if equals else ""))
        index += 1
    return ours, qt
