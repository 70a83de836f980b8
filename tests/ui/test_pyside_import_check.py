"""PySide6 checks every module imported after it for the word "PySide6"; the app gives it the same
answer without keeping every module's source in `linecache` (about 11 MiB)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_modules_imported_after_the_ui_leave_no_source_behind():
    code = (
        "import linecache, sys\n"
        "import workbook.ui\n"
        "from workbook.core.counting import plural\n"  # PySide6 checks the module `from X` names
        "from workbook.ui.dialogs import show_error\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "for name in ('workbook.core.counting', 'workbook.ui.dialogs'):\n"
        "    module = sys.modules[name]\n"
        "    mentions = 'PySide6' in open(module.__file__, encoding='utf-8').read()\n"
        "    print(name, feature.pyside_feature_dict[name] == (0 if mentions else -1),\n"
        "          module.__file__ in linecache.cache)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["workbook.core.counting", "True", "False",
                                   "workbook.ui.dialogs", "True", "False"]


def test_the_answer_read_as_bytes_is_the_answer_read_as_source():
    from importlib.machinery import SourceFileLoader

    import workbook.ui.navigator  # noqa: F401  (many app, store and library modules loaded)
    from workbook.ui.pyside_import_check import mentions_pyside

    checked = 0
    for name, module in list(sys.modules.items()):
        loader = getattr(getattr(module, "__spec__", None), "loader", None)
        if not isinstance(loader, SourceFileLoader):
            continue
        try:
            source = loader.get_source(name)
        except (ImportError, OSError, SyntaxError, UnicodeDecodeError):
            continue
        assert mentions_pyside(module) == ("PySide6" in source), name
        checked += 1
    assert checked > 100
