"""Command-line tests never touch a real data folder: the default one points at an empty temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def decoy_data_dir(tmp_path, monkeypatch) -> Path:
    """Point the default data folder at an empty temp folder so no test can touch a real one."""
    decoy = tmp_path / "decoy"
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(decoy))
    return decoy

