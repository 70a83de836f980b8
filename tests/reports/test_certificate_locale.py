"""A certificate issued and verified while the process runs under another locale (Qt sets the
locale from the environment) prints the same English date and verifies anywhere."""

from __future__ import annotations

import locale
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbook.reports.issue import issue_certificate
from workbook.reports.verify import Status, verify_certificate
from workbook.store.learners import create_learner

LOCALES = ("de_DE", "fr_FR", "ar_EG", "hi_IN")
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def locale_folder(tmp_path_factory) -> Path:
    """The four locales compiled into a temporary folder (LOCPATH), without touching the system."""
    if shutil.which("localedef") is None:
        pytest.skip("localedef (glibc's locales) is not installed")
    folder = tmp_path_factory.mktemp("locales")
    for name in LOCALES:
        subprocess.run(["localedef", "-i", name, "-f", "UTF-8", str(folder / f"{name}.UTF-8")],
                       check=False, capture_output=True)
    return folder


@pytest.fixture
def under_locale(locale_folder, monkeypatch):
    monkeypatch.setenv("LOCPATH", str(locale_folder))
    previous = locale.setlocale(locale.LC_ALL)

    def switch(name: str) -> None:
        locale.setlocale(locale.LC_ALL, f"{name}.UTF-8")

    yield switch
    locale.setlocale(locale.LC_ALL, previous)
    os.environ.pop("LOCPATH", None)


@pytest.mark.parametrize("name", LOCALES)
def test_certificate_under_a_foreign_locale_is_valid(qapp, database, library, complete_everything, tmp_path,
                                                     under_locale, name):
    under_locale(name)
    assert datetime(2026, 12, 3).strftime("%B") != "December"  # the locale really is in force
    learner = create_learner("Zoë Ångström", None)
    complete_everything(library, learner.id)
    pdf = tmp_path / "cert.pdf"
    issue_certificate(library, learner.id, tmp_path, pdf, now=NOW)
    assert "3 December 2026" in PdfReader(str(pdf)).pages[0].extract_text()
    result = verify_certificate(pdf, tmp_path)
    assert result.status == Status.VALID, result.message
