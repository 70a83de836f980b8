"""PySide6 windows and widgets: the only package that imports Qt; thin over core and store."""
