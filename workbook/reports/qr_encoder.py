"""reportlab's QR encoder without the rest of its barcode package.

Importing anything under `reportlab.graphics.barcode` first runs the package's `__init__`, which
imports every barcode widget, platypus and the graphics shapes (about a quarter of a headless
`certificate` command). The encoder itself is one self-contained file, so it is loaded on its own
from there; where it cannot be (a frozen build without the source file), the ordinary import is used.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

_NAME = "workbook._reportlab_qrencoder"


def _load() -> ModuleType:
    if _NAME in sys.modules:
        return sys.modules[_NAME]
    import reportlab

    source = Path(reportlab.__file__).resolve().parent / "graphics" / "barcode" / "qrencoder.py"
    spec = importlib.util.spec_from_file_location(_NAME, source) if source.is_file() else None
    if spec is None or spec.loader is None:
        from reportlab.graphics.barcode import qrencoder as packaged

        return packaged
    module = importlib.util.module_from_spec(spec)
    sys.modules[_NAME] = module
    spec.loader.exec_module(module)
    return module


qrencoder = _load()
