"""Issuing and verifying certificates end to end: real database, real PDFs read back with pypdf,
real Ed25519 keys; tampering with the name or a score is caught, and so is an unknown issuer."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from signing_kit import KEY, own_key_dir

from workbook.cli import main
from workbook.reports.issue import issue_certificate, issued_certificates
from workbook.reports.signing import SignedRecord
from workbook.reports.verify import Status, verify_certificate
from workbook.store.learners import create_learner

NAME = "José Müller-Łukasiewicz"
NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)


@pytest.fixture
def graduate(database, library, complete_everything):
    learner = create_learner(NAME, "E-2041")
    complete_everything(library, learner.id)
    return learner


def _issue(library, learner, data_dir: Path, out: Path) -> Path:
    issue_certificate(library, learner.id, data_dir, out, now=NOW, key=KEY)
    return out


def _rewrite_record(source: Path, target: Path, change) -> None:
    """Copy a certificate, editing its signed record the way a forger would."""
    reader = PdfReader(str(source))
    record = SignedRecord.from_metadata(reader.metadata["/Keywords"])
    fields = dict(record.fields)
    change(fields)
    forged = SignedRecord(fields, record.key_id, record.signature, record.field_signatures)
    writer = PdfWriter(clone_from=reader)
    writer.add_metadata({"/Keywords": forged.to_metadata()})
    with target.open("wb") as handle:
        writer.write(handle)


def _own_key_dir(tmp_path: Path) -> Path:
    return own_key_dir(tmp_path)


def test_certificate_holds_name_course_date_and_id_and_verifies(graduate, library, tmp_path):
    pdf = _issue(library, graduate, tmp_path, tmp_path / "cert.pdf")
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    record = SignedRecord.from_metadata(reader.metadata["/Keywords"])
    assert NAME in text and library.course.title in text and "23 November 2026" in text
    assert record.fields["certificate_id"] in text
    result = verify_certificate(pdf, _own_key_dir(tmp_path))
    assert result.status == Status.VALID, result.message
    assert issued_certificates(graduate.id)[0].certificate_id == record.fields["certificate_id"]


def test_output_is_identical_under_a_fixed_clock_and_key(graduate, library, tmp_path):
    first = _issue(library, graduate, tmp_path, tmp_path / "a.pdf")
    second = _issue(library, graduate, tmp_path, tmp_path / "b.pdf")
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(("change", "field"), [
    (lambda f: f.update(learner_name="Someone Else"), "learner name"),
    (lambda f: f.update(modules=f["modules"].replace("100", "60", 1)), "module scores"),
    (lambda f: f.update(completed_on="2020-01-01"), "completion date"),
])
def test_an_edited_field_fails_verification_and_is_named(graduate, library, tmp_path, change, field):
    pdf = _issue(library, graduate, tmp_path, tmp_path / "cert.pdf")
    forged = tmp_path / "forged.pdf"
    _rewrite_record(pdf, forged, change)
    result = verify_certificate(forged, _own_key_dir(tmp_path))
    assert result.status == Status.TAMPERED
    assert field in result.changed


def test_a_page_that_no_longer_shows_the_signed_name_is_tampered(graduate, library, tmp_path,
                                                                 complete_everything):
    """A genuine record pasted onto a page printed for someone else."""
    genuine = _issue(library, graduate, tmp_path, tmp_path / "genuine.pdf")
    impostor = create_learner("Impostor Person")
    complete_everything(library, impostor.id)
    other = _issue(library, impostor, tmp_path, tmp_path / "other.pdf")
    reader = PdfReader(str(other))
    writer = PdfWriter(clone_from=reader)
    writer.add_metadata({"/Keywords": PdfReader(str(genuine)).metadata["/Keywords"]})
    pasted = tmp_path / "pasted.pdf"
    with pasted.open("wb") as handle:
        writer.write(handle)
    result = verify_certificate(pasted, _own_key_dir(tmp_path))
    assert result.status == Status.TAMPERED
    assert "printed learner name" in result.changed


def test_cli_exit_codes(graduate, library, tmp_path, data_dir, capsys):
    newcomer = create_learner("Not Yet Done")
    out = tmp_path / "refused.pdf"
    assert main(["certificate", "--learner", newcomer.display_name, "--out", str(out),
                 "--data-dir", str(data_dir)]) == 1
    assert "is not eligible" in capsys.readouterr().err and not out.exists()

    pdf = tmp_path / "issued.pdf"
    assert main(["certificate", "--learner", "E-2041", "--out", str(pdf), "--data-dir", str(data_dir),
                 "--page-size", "Letter"]) == 0
    assert main(["verify-certificate", str(pdf), "--data-dir", str(data_dir)]) == 0
    assert "valid:" in capsys.readouterr().out

    stranger = tmp_path / "stranger"
    assert main(["verify-certificate", str(pdf), "--data-dir", str(stranger)]) == 4
    assert "does not know" in capsys.readouterr().err
    public = tmp_path / "issuer.pem"
    assert main(["export-key", "--out", str(public), "--data-dir", str(data_dir)]) == 0
    assert main(["import-key", str(public), "--data-dir", str(stranger), "--name", "Trainer PC"]) == 0
    assert "not its certificates" in capsys.readouterr().out
    assert main(["verify-certificate", str(pdf), "--data-dir", str(stranger)]) == 4  # for progress only
    assert "signed by 'Trainer PC' (" in capsys.readouterr().err
    assert main(["import-key", str(public), "--certificates", "--data-dir", str(stranger)]) == 0
    assert main(["verify-certificate", str(pdf), "--data-dir", str(stranger)]) == 0

    forged = tmp_path / "forged.pdf"
    _rewrite_record(pdf, forged, lambda f: f.update(learner_name="Forger"))
    assert main(["verify-certificate", str(forged), "--data-dir", str(data_dir)]) == 4
    assert "learner name" in capsys.readouterr().err
    not_ours = tmp_path / "plain.pdf"
    not_ours.write_bytes(b"%PDF-1.4 not really")
    assert main(["verify-certificate", str(not_ours), "--data-dir", str(data_dir)]) == 4
    assert main(["verify-certificate", str(tmp_path / "missing.pdf"), "--data-dir", str(data_dir)]) == 3


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="POSIX permissions")
def test_the_signing_key_is_written_whole_and_readable_by_its_owner_only(tmp_path):
    from workbook.reports.signing import KEY_FILE, load_or_create_key

    key = load_or_create_key(tmp_path)
    path = tmp_path / KEY_FILE
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [KEY_FILE]  # no temp file left beside it
    assert load_or_create_key(tmp_path).private_bytes_raw() == key.private_bytes_raw()


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="POSIX permissions")
def test_a_signing_key_with_loosened_permissions_is_made_owner_only_again(tmp_path):
    from workbook.reports.signing import KEY_FILE, load_or_create_key

    key = load_or_create_key(tmp_path)
    path = tmp_path / KEY_FILE
    path.chmod(0o644)  # e.g. copied back from a backup stick
    assert load_or_create_key(tmp_path).private_bytes_raw() == key.private_bytes_raw()
    assert path.stat().st_mode & 0o777 == 0o600
