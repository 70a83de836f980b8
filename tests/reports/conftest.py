"""Fixtures shared by the certificate verification tests: a genuine certificate and a folder whose
key issued it (test_certificate_tamper.py keeps its own `issuer_dir`, whose database holds the
register of issues)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reports.test_certificate_tamper import _certificate
from signing_kit import own_key_dir


@pytest.fixture
def issuer_dir(tmp_path: Path) -> Path:
    return own_key_dir(tmp_path)


@pytest.fixture
def genuine(database, library, complete_everything, tmp_path) -> Path:
    return _certificate(library, complete_everything, tmp_path, "Sam Taylor")
