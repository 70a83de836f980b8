"""Shared fixtures: a real SQLite file in a temp folder and the real bundled content."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from workbook.core.content import Library  # noqa: E402
from workbook.core.loader import load_library  # noqa: E402
from workbook.paths import bundled_content_dir, database_path  # noqa: E402
from workbook.store.connection import open_database  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled lessons, loaded once: tests read them, never change them."""
    loaded = load_library(bundled_content_dir())
    assert not loaded.all_problems(), loaded.all_problems()
    return loaded


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def database(data_dir: Path) -> Iterator:
    """A fresh, migrated database file bound to the store's models."""
    db = open_database(database_path(data_dir))
    yield db
    db.close()
