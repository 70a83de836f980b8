"""A logo within the limits keeps every certificate issued with it verifiable; the settings dialog
refuses one beyond them, saying why, with the dialog left open."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from PIL import Image
from signing_kit import KEY

from workbook.reports.issue import CertificateSettings, issue_certificate
from workbook.reports.logo_limits import MAX_LOGO_BYTES, MAX_LOGO_SIDE, logo_problem
from workbook.reports.verify import MAX_FILE_BYTES, Status, verify_certificate
from workbook.store.learners import create_learner

NOW = datetime(2026, 12, 4, 10, 30, tzinfo=UTC)


def _noise(path, width: int, height: int) -> None:
    """The worst case for size: pixels no compression can shrink."""
    chance = random.Random(7)
    Image.frombytes("RGB", (width, height), chance.randbytes(width * height * 3)).save(path)


def test_the_largest_logo_allowed_keeps_the_certificate_verifiable(database, library, complete_everything,
                                                                  tmp_path, issuer_dir):
    logo = tmp_path / "photo.png"
    _noise(logo, 1000, 1000)  # 2.9 MB of noise: as large a file as the limit lets through
    assert logo_problem(logo, (1000, 1000)) is None and logo.stat().st_size <= MAX_LOGO_BYTES
    learner = create_learner("Noor Haddad", None)
    complete_everything(library, learner.id)
    pdf = tmp_path / "certificate.pdf"
    issue_certificate(library, learner.id, tmp_path, pdf, now=NOW, key=KEY,
                      chosen=CertificateSettings("Acme Care", "Dana Reyes", "A4", logo))
    assert pdf.stat().st_size < MAX_FILE_BYTES
    assert verify_certificate(pdf, issuer_dir).status == Status.VALID


def test_logos_beyond_the_limits_are_named(tmp_path):
    wide = tmp_path / "banner.png"
    Image.new("RGB", (MAX_LOGO_SIDE + 400, 300), (10, 60, 120)).save(wide)
    assert logo_problem(wide, (MAX_LOGO_SIDE + 400, 300)) == (
        f"banner.png is {MAX_LOGO_SIDE + 400} x 300 pixels; a logo may be at most {MAX_LOGO_SIDE} pixels "
        "on its longer side (scale it down in an image editor)")
    heavy = tmp_path / "heavy.png"
    _noise(heavy, 1100, 1100)
    assert logo_problem(heavy, (1100, 1100)).startswith("heavy.png is 3.5 MB; a logo may be at most 3 MB")
    text = tmp_path / "notes.png"
    text.write_text("not an image")
    assert logo_problem(text, None) == "notes.png: not a PNG or JPEG image this workbook can read"


def test_the_settings_dialog_keeps_a_logo_too_large_out(qtbot, tmp_path):
    from PySide6.QtWidgets import QDialog

    from workbook.ui.certificate_settings_dialog import CertificateSettingsDialog

    wide = tmp_path / "banner.png"
    Image.new("RGB", (4000, 500), (10, 60, 120)).save(wide)
    dialog = CertificateSettingsDialog(CertificateSettings("Acme", "Dana", "A4", None))
    qtbot.addWidget(dialog)
    dialog.logo.setText(str(wide))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.problem.isHidden() and "4000 x 500 pixels" in dialog.problem.text()
    small = tmp_path / "mark.png"
    Image.new("RGB", (300, 100), (10, 60, 120)).save(small)
    dialog.logo.setText(str(small))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen().logo == small
