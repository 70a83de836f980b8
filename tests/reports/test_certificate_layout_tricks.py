"""Files that different PDF readers open differently: a web page holding the certificate, a forged
document joined to it, a hybrid cross-reference, a second page object, overprint that only a
printer (or a print preview) applies. Each is named, while the re-saves a trainer's tools make
(pypdf, pdfium, qpdf, linearized too) stay valid."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import BooleanObject, DictionaryObject, NameObject, NumberObject
from reports.test_certificate_structure import _append_content, _resources
from reports.test_certificate_tamper import _with_page

from workbook.reports.pdf_structure import (
    DATA_AFTER_END,
    HYBRID,
    NOT_PDF_FIRST,
    OVERPRINT,
    SECOND_PDF,
    SPOT_COLOURS,
    UNLISTED_UPDATE,
)
from workbook.reports.verify import Status, verify_certificate


def _tampered_with(path: Path, issuer_dir: Path) -> tuple[str, ...]:
    result = verify_certificate(path, issuer_dir)
    assert result.status == Status.TAMPERED, result.message
    return result.changed


def _forged_page(genuine: Path, target: Path) -> Path:
    """The certificate with a score drawn over, as the forged half of a joined file."""
    def stamp(writer, page):
        _resources(page, "Font")[NameObject("/Fz")] = writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica")}))
        _append_content(writer, page, b"BT /Fz 20 Tf 300 60 Td (55%) Tj ET")
    return _with_page(genuine, target, stamp)


def test_a_web_page_holding_the_certificate_is_tampered(genuine, issuer_dir, tmp_path):
    html = tmp_path / "certificate.html"
    html.write_bytes(b"<!DOCTYPE html><html><body>Forged<!--\n" + genuine.read_bytes() + b"\n-->")
    assert NOT_PDF_FIRST in _tampered_with(html, issuer_dir)


def test_a_zip_after_the_certificate_is_tampered(genuine, issuer_dir, tmp_path):
    import zipfile
    both = tmp_path / "certificate.pdf"
    both.write_bytes(genuine.read_bytes())
    with zipfile.ZipFile(both, "a") as archive:
        archive.writestr("note.txt", "the certificate is also a zip")
    assert DATA_AFTER_END in _tampered_with(both, issuer_dir)


def test_a_document_joined_to_the_certificate_is_tampered(genuine, issuer_dir, tmp_path):
    forged = _forged_page(genuine, tmp_path / "forged.pdf").read_bytes()
    joined = tmp_path / "joined.pdf"
    joined.write_bytes(forged + genuine.read_bytes())
    assert SECOND_PDF in _tampered_with(joined, issuer_dir)
    # The second header taken out: two cross-reference tables still each start a document.
    joined.write_bytes(forged + genuine.read_bytes().replace(b"%PDF-1.", b"%XXX-1.", 1))
    assert any("another document joined" in item for item in _tampered_with(joined, issuer_dir))


def test_a_hybrid_cross_reference_is_tampered(genuine, issuer_dir, tmp_path):
    """A classic trailer pointing also to a cross-reference stream, which some readers follow."""
    raw = genuine.read_bytes()
    at = raw.rindex(b"trailer")
    hybrid = tmp_path / "hybrid.pdf"
    hybrid.write_bytes(raw[:at] + raw[at:].replace(b"<<", b"<< /XRefStm 0", 1))
    assert HYBRID in _tampered_with(hybrid, issuer_dir)


def test_a_second_page_object_the_document_does_not_use_is_tampered(genuine, issuer_dir, tmp_path):
    def spare_page(writer, page):
        spare = DictionaryObject({NameObject("/Type"): NameObject("/Page"),
                                  NameObject("/MediaBox"): page["/MediaBox"]})
        writer._root_object[NameObject("/Spare")] = writer._add_object(spare)
    forged = _with_page(genuine, tmp_path / "spare.pdf", spare_page)
    assert any("2 pages" in item for item in _tampered_with(forged, issuer_dir))


@pytest.mark.parametrize("keys", [{"/OP": BooleanObject(True), "/op": BooleanObject(True)},
                                  {"/OPM": NumberObject(1)}])
def test_overprint_is_tampered(genuine, issuer_dir, tmp_path, keys):
    def overprint(writer, page):
        state = DictionaryObject({NameObject("/Type"): NameObject("/ExtGState"),
                                  **{NameObject(key): value for key, value in keys.items()}})
        _resources(page, "ExtGState")[NameObject("/GOP")] = writer._add_object(state)
        _append_content(writer, page, b"q /GOP gs Q")
    forged = _with_page(genuine, tmp_path / "overprint.pdf", overprint)
    assert OVERPRINT in _tampered_with(forged, issuer_dir)


def test_other_graphics_state_settings_are_named(genuine, issuer_dir, tmp_path):
    def smooth(writer, page):
        state = DictionaryObject({NameObject("/SA"): BooleanObject(True)})
        _resources(page, "ExtGState")[NameObject("/G1")] = writer._add_object(state)
    forged = _with_page(genuine, tmp_path / "state.pdf", smooth)
    assert "graphics state settings a certificate never uses (SA)" in _tampered_with(forged, issuer_dir)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
@pytest.mark.parametrize("options", [["--linearize"], ["--linearize", "--object-streams=generate"],
                                     ["--object-streams=generate"]])
def test_resaves_have_one_header_and_stay_valid(genuine, issuer_dir, tmp_path, options):
    target = tmp_path / "qpdf.pdf"
    subprocess.run(["qpdf", *options, str(genuine), str(target)], check=True)
    raw = target.read_bytes()
    assert raw.startswith(b"%PDF-") and not re.search(rb"[\r\n]%PDF-", raw)
    assert verify_certificate(target, issuer_dir).status == Status.VALID
    writer = PdfWriter(clone_from=PdfReader(str(target)))
    with (tmp_path / "pypdf.pdf").open("wb") as handle:
        writer.write(handle)
    assert verify_certificate(tmp_path / "pypdf.pdf", issuer_dir).status == Status.VALID


def _descriptors(page) -> dict[str, DictionaryObject]:
    fonts = (ref.get_object() for ref in page["/Resources"]["/Font"].values())
    found = {}
    for font in fonts:
        for descendant in [font, *(item.get_object() for item in font.get("/DescendantFonts", []))]:
            if "/FontDescriptor" in descendant:
                name = str(descendant["/BaseFont"]).split("+")[-1]
                found[name] = descendant["/FontDescriptor"].get_object()
    return found


@pytest.mark.parametrize("change", ["flags", "program"])
def test_a_font_other_readers_draw_differently_is_tampered(genuine, issuer_dir, tmp_path, change):
    """A descriptor's flags turned symbolic, or a font program grown by a table pdfium never reads:
    pdfium's picture and text are the same, poppler or Ghostscript may pick other glyphs."""
    def edit(writer, page):
        descriptor = _descriptors(page)["NotoSerif-Regular"]
        if change == "flags":
            descriptor[NameObject("/Flags")] = NumberObject(32 + 4)
        else:
            program = descriptor["/FontFile2"].get_object()
            program.set_data(program.get_data() + b"\0" * 16)

    forged = _with_page(genuine, tmp_path / "font.pdf", edit)
    assert _tampered_with(forged, issuer_dir) == (
        "embedded fonts not as the workbook embeds them (glyph programs or flags of NotoSerif-Regular)",)


def test_a_spot_colour_is_tampered(genuine, issuer_dir, tmp_path):
    """The name filled with a Separation colour whose tint function gives the genuine colour in
    pdfium: other readers (or a printer's plates) may evaluate it otherwise."""
    def separation(writer, page):
        from pypdf.generic import ArrayObject, FloatObject, StreamObject
        function = StreamObject()
        function.set_data(b"{ pop .113725 .152941 .2 }")
        function.update({NameObject("/FunctionType"): NumberObject(4),
                         NameObject("/Domain"): ArrayObject([NumberObject(0), NumberObject(1)]),
                         NameObject("/Range"): ArrayObject([FloatObject(v) for v in (0, 1, 0, 1, 0, 1)])})
        _resources(page, "ColorSpace")[NameObject("/CSX")] = ArrayObject([
            NameObject("/Separation"), NameObject("/X"), NameObject("/DeviceRGB"),
            writer._add_object(function)])
        _append_content(writer, page, b"q /CSX cs 1 scn Q")
    forged = _with_page(genuine, tmp_path / "spot.pdf", separation)
    assert SPOT_COLOURS in _tampered_with(forged, issuer_dir)


def test_an_update_the_cross_reference_does_not_list_is_tampered(genuine, issuer_dir, tmp_path):
    """An incremental update (pdfium's own) whose last startxref is set back to the original table:
    pdfium ignores the update, a reader rebuilding the file shows it."""
    import pypdfium2 as pdfium
    document = pdfium.PdfDocument(str(genuine))
    updated = tmp_path / "updated.pdf"
    with updated.open("wb") as handle:
        document.save(handle, flags=pdfium.raw.FPDF_INCREMENTAL)
    document.close()
    original, raw = genuine.read_bytes(), updated.read_bytes()
    old = re.findall(rb"startxref\s+(\d+)", original)[-1]
    at = raw.rindex(b"startxref")
    unlisted = tmp_path / "unlisted.pdf"
    unlisted.write_bytes(raw[:at] + b"startxref\n" + old + b"\n%%EOF\n")
    assert verify_certificate(updated, issuer_dir).status == Status.VALID
    assert UNLISTED_UPDATE in _tampered_with(unlisted, issuer_dir)
