"""Opening a test's own database file for a block (several tests play more than one machine)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbook.paths import database_path
from workbook.store.connection import open_database


@contextmanager
def opened(folder: Path) -> Iterator:
    """The database in `folder`, bound to the models, closed afterwards."""
    db = open_database(database_path(folder))
    try:
        yield db
    finally:
        db.close()
