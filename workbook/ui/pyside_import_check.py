"""PySide6 looks at every module imported after it to see whether the module mentions "PySide6" (for
its opt-in `from __feature__ import ...`). It reads the source with `inspect.getsource`, which keeps
every file's lines in `linecache` for the life of the process: about 11 MiB for this app, and a tenth
of the time its imports take. `lighten_pyside_import_check` gives PySide6 the same answer read from
the module's file as bytes (Python source is in an ASCII-compatible encoding, so the word is the same
bytes in any of them; decoding every file, as reading the source does, took two to three times as
long), which keeps nothing. Nothing changes when PySide6 no longer has the check.
"""

from __future__ import annotations

import sys
from importlib.machinery import SourceFileLoader
from types import ModuleType


def mentions_pyside(module: ModuleType) -> bool:
    """PySide6's own test (is "PySide6" anywhere in the module's source?), without `linecache`."""
    spec = getattr(module, "__spec__", None)
    loader = getattr(spec, "loader", None) or getattr(module, "__loader__", None)
    origin = getattr(spec, "origin", None)
    if isinstance(loader, SourceFileLoader) and isinstance(origin, str) and origin.endswith(".py"):
        try:
            return b"PySide6" in loader.get_data(origin)
        except OSError:
            pass  # no file there (a zip, a frozen app): ask the loader for the source
    try:
        source = loader.get_source(module.__name__)  # type: ignore[union-attr]
    except (AttributeError, ImportError, OSError, SyntaxError, UnicodeDecodeError):
        return False
    return source is not None and "PySide6" in source


def lighten_pyside_import_check() -> None:
    """Install `mentions_pyside` as PySide6's check (once PySide6 is imported)."""
    import PySide6.QtCore  # noqa: F401  (the check is installed with QtCore)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = mentions_pyside
