"""PySide6 windows and widgets: the only package that imports Qt; thin over core and store."""

from workbook.ui.pyside_import_check import lighten_pyside_import_check

lighten_pyside_import_check()  # before the pages are imported: PySide6 would keep their source
