"""A certificate is checked as printed: the page is drawn again from the signed record and compared
with the page in the file, so every visible edit an attacker might make is "tampered", while
harmless re-saves by common PDF tools keep a genuine certificate valid (see README)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ContentStream, DecodedStreamObject, NameObject, TextStringObject
from signing_kit import KEY, with_own_key

from workbook.cli import main
from workbook.reports.issue import issue_certificate
from workbook.reports.verify import Status, verify_certificate
from workbook.store.learners import create_learner

NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)


@pytest.fixture
def issuer_dir(data_dir: Path) -> Path:
    """The issuing PC: KEY is its key and its database (the `database` fixture's) records the issues."""
    return with_own_key(data_dir)


def _certificate(library, complete_everything, tmp_path: Path, name: str) -> Path:
    learner = create_learner(name, None)
    complete_everything(library, learner.id)
    out = tmp_path / f"{learner.id}.pdf"
    issue_certificate(library, learner.id, tmp_path, out, now=NOW, key=KEY)
    return out


def _with_page(source: Path, target: Path, edit) -> Path:
    """Copy a certificate with pypdf, letting `edit(writer, page)` change the page."""
    writer = PdfWriter(clone_from=PdfReader(str(source)))
    edit(writer, writer.pages[0])
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def _overlay(text_ops: bytes):
    """Draw extra marks over the page, as an editor's 'add text' or 'white-out' tool does."""
    def edit(writer, page):
        stream = DecodedStreamObject()
        stream.set_data(text_ops)
        font = {"/Type": "/Font", "/Subtype": "/Type1", "/BaseFont": "/Helvetica"}
        from pypdf.generic import DictionaryObject
        fonts = page["/Resources"].get_object().setdefault(NameObject("/Font"), DictionaryObject())
        fonts.get_object()[NameObject("/Fx")] = DictionaryObject(
            {NameObject(k): NameObject(v) for k, v in font.items()})
        contents = page.get_contents()
        combined = ContentStream(contents, writer) if contents is not None else None
        new = DecodedStreamObject()
        new.set_data((combined.get_data() if combined is not None else b"") + b"\n" + text_ops)
        page[NameObject("/Contents")] = writer._add_object(new)
    return edit


def _change_first_text(mutate):
    """Change the glyphs of one text-show operation (a score, a name) in place."""
    def edit(writer, page):
        content = ContentStream(page.get_contents(), writer)
        for operands, operator in content.operations:
            if operator in (b"Tj", b"TJ"):
                operands[0] = _mutated(operands[0], mutate)
                break
        page.replace_contents(content)
    return edit


def _mutated(operand, mutate):
    """A text-show operand (a string, or a TJ array of strings and kerns) with its glyphs changed."""
    if isinstance(operand, ArrayObject):
        strings = [i for i, item in enumerate(operand) if not isinstance(item, int | float)]
        first = strings[0]
        operand[first] = _mutated(operand[first], mutate)
        return operand
    data = operand.get_original_bytes() if isinstance(operand, TextStringObject) else bytes(operand)
    return TextStringObject(mutate(data).decode("latin-1"))


def _swap(data: bytes) -> bytes:
    return data[1:2] + data[0:1] + data[2:] if len(data) > 1 else data + data


def _metadata(key: str, value: str):
    def edit(writer, page):
        writer.add_metadata({key: value})
    return edit


def _annotation(writer, page):
    from pypdf.annotations import FreeText
    writer.add_annotation(0, FreeText(text="WITH DISTINCTION", rect=(300, 40, 500, 70)))


ATTACKS = {
    "white box over the name with another name": _overlay(
        b"q 1 1 1 rg 200 330 440 40 re f Q BT /Fx 28 Tf 260 340 Td (Alex Morgan) Tj ET"),
    "stamp added": _overlay(b"BT /Fx 20 Tf 300 60 Td (WITH DISTINCTION) Tj ET"),
    "text appended after the name": _overlay(b"BT /Fx 24 Tf 520 350 Td (PhD) Tj ET"),
    "glyphs swapped in a printed text": _change_first_text(_swap),
    "title edited": _metadata("/Title", "Certificate of completion: Alex Morgan"),
    "subject edited": _metadata("/Subject", "Advanced course, completed 1 January 2026"),
    "annotation stamp": _annotation,
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_every_visible_edit_is_tampered(genuine, issuer_dir, tmp_path, attack):
    assert verify_certificate(genuine, issuer_dir).status == Status.VALID
    forged = _with_page(genuine, tmp_path / "forged.pdf", ATTACKS[attack])
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED, result.message
    assert result.changed


def test_a_changed_score_is_tampered(genuine, issuer_dir, tmp_path):
    """Every text-show operation that draws a percentage is edited to draw another glyph run."""
    reader = PdfReader(str(genuine))
    assert "100%" in reader.pages[0].extract_text()

    def edit(writer, page):
        content = ContentStream(page.get_contents(), writer)
        shows = [operands for operands, operator in content.operations if operator == b"Tj"]
        last = shows[-1]  # any one drawn string changed is enough to be caught
        last[0] = _mutated(last[0], lambda data: bytes(reversed(data)))
        page.replace_contents(content)

    forged = _with_page(genuine, tmp_path / "score.pdf", edit)
    assert verify_certificate(forged, issuer_dir).status == Status.TAMPERED


def test_reordered_devanagari_glyphs_are_tampered(database, library, complete_everything, tmp_path,
                                                   issuer_dir):
    pdf = _certificate(library, complete_everything, tmp_path, "अनन्या शर्मा")
    assert verify_certificate(pdf, issuer_dir).status == Status.VALID
    # The name is the largest text on the page: reorder its glyph codes.
    def edit(writer, page):
        content = ContentStream(page.get_contents(), writer)
        size = 0.0
        target = None
        for operands, operator in content.operations:
            if operator == b"Tf":
                size = float(operands[1])
            if operator in (b"Tj", b"TJ") and size >= 20:
                target = operands
        target[0] = _mutated(target[0], _swap)
        page.replace_contents(content)

    forged = _with_page(pdf, tmp_path / "reordered.pdf", edit)
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert any("page drawing" in change for change in result.changed)


def test_pypdf_resave_stays_valid(genuine, issuer_dir, tmp_path):
    resaved = _with_page(genuine, tmp_path / "resaved.pdf",
                         lambda writer, page: page.compress_content_streams())
    assert verify_certificate(resaved, issuer_dir).status == Status.VALID


@pytest.mark.parametrize("incremental", [False, True], ids=["rewritten", "incremental"])
def test_pdfium_resave_stays_valid(genuine, issuer_dir, tmp_path, incremental):
    document = pdfium.PdfDocument(str(genuine))
    target = tmp_path / "pdfium.pdf"
    with target.open("wb") as handle:
        document.save(handle, flags=pdfium.raw.FPDF_INCREMENTAL if incremental else 0)
    document.close()
    assert verify_certificate(target, issuer_dir).status == Status.VALID


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
@pytest.mark.parametrize("options", [["--object-streams=generate", "--recompress-flate"], ["--linearize"],
                                     ["--qdf"], ["--stream-data=uncompress"]])
def test_qpdf_rewrite_stays_valid(genuine, issuer_dir, tmp_path, options):
    target = tmp_path / "qpdf.pdf"
    subprocess.run(["qpdf", *options, str(genuine), str(target)], check=True)
    assert verify_certificate(target, issuer_dir).status == Status.VALID


@pytest.mark.parametrize("keywords", ['WBC1:eyJmaWVsZHMiOiA1fQ==', "WBC1:!!!", "", "x" * 5000])
def test_malformed_records_are_refused_cleanly(genuine, issuer_dir, tmp_path, keywords, capsys):
    forged = _with_page(genuine, tmp_path / "bad.pdf", _metadata("/Keywords", keywords))
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.NOT_A_CERTIFICATE
    assert main(["verify-certificate", str(forged), "--data-dir", str(issuer_dir)]) == 4
    assert "Traceback" not in capsys.readouterr().err


def test_damaged_signing_key_is_reported_not_raised(genuine, issuer_dir, capsys):
    (issuer_dir / "signing-key.pem").write_bytes(b"-----BEGIN PRIVATE KEY-----\nbroken\n")
    assert main(["verify-certificate", str(genuine), "--data-dir", str(issuer_dir)]) == 3
    err = capsys.readouterr().err
    assert "signing key" in err and "Traceback" not in err


def test_valid_is_said_once(genuine, issuer_dir, capsys):
    assert main(["verify-certificate", str(genuine), "--data-dir", str(issuer_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("valid: ") and "valid: valid" not in out


def test_signed_record_names_page_size_and_logo(genuine):
    from workbook.reports.signing import SignedRecord
    record = SignedRecord.from_metadata(PdfReader(str(genuine)).metadata["/Keywords"])
    assert record.fields["page_size"] == "A4" and record.fields["logo_digest"] == ""


def test_custom_logo_is_checked_by_its_pixels(database, library, complete_everything, tmp_path, issuer_dir):
    from PIL import Image

    from workbook.reports.issue import CertificateSettings

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (200, 30, 30)).save(logo)
    learner = create_learner("Logo Person", None)
    complete_everything(library, learner.id)
    pdf = tmp_path / "logo.pdf"
    issue_certificate(library, learner.id, tmp_path, pdf, now=NOW, key=KEY,
                      chosen=CertificateSettings("Acme Care", "Dana Reyes", "Letter", logo))
    assert verify_certificate(pdf, issuer_dir).status == Status.VALID

    def swap_logo(writer, page):
        other = tmp_path / "other.png"
        Image.new("RGB", (120, 40), (30, 200, 30)).save(other)
        for image in page.images:
            image.replace(Image.open(other))

    forged = _with_page(pdf, tmp_path / "swapped.pdf", swap_logo)
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED and "logo" in result.changed


@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript is not installed")
def test_ghostscript_rewrite_is_reported_as_a_changed_page(genuine, issuer_dir, tmp_path):
    """Ghostscript redraws every page (new fonts, new operations), so a certificate it has re-saved
    can no longer be told apart from an edited one: it is reported as tampered (README says so)."""
    target = tmp_path / "gs.pdf"
    subprocess.run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite", f"-sOutputFile={target}",
                    str(genuine)], check=True, capture_output=True)
    result = verify_certificate(target, issuer_dir)
    assert result.status in (Status.TAMPERED, Status.NOT_A_CERTIFICATE)


def test_certificates_issued_before_layout_two_still_verify(database, library, complete_everything,
                                                            tmp_path, issuer_dir):
    """An older certificate signed no page size, logo or layout: it is drawn again with layout 1
    and the page size read from its page box."""
    from workbook.reports.certificate import draw_certificate
    from workbook.reports.certificate_data import PageSetup
    from workbook.reports.issue import build_certificate, certificate_settings, metadata_for
    from workbook.reports.signing import sign_fields
    from workbook.store.learner_progress import learner_record

    learner = create_learner("Old Timer", None)
    complete_everything(library, learner.id)
    data, signed = build_certificate(library, learner.id, learner_record(library, learner.id),
                                     certificate_settings(library), KEY, NOW)
    old_fields = {k: v for k, v in signed.fields.items() if k not in ("page_size", "logo_digest", "layout")}
    old = sign_fields(old_fields, KEY)
    from msgspec.structs import replace
    data = replace(data, verification_code=old.verification_code, qr_payload=old.qr_payload())
    pdf = tmp_path / "old.pdf"
    draw_certificate(data, pdf, PageSetup("Letter", None, layout=1), metadata_for(data, old))
    assert "python main.py" in PdfReader(str(pdf)).pages[0].extract_text()
    assert verify_certificate(pdf, issuer_dir).status == Status.VALID
