"""Verification compares what a reader sees: the page drawn by pdfium next to the page drawn again
from the signed record, and the text a search or copy-paste finds. So an edit the eye sees is
caught even when the text is unchanged (a font's glyphs swapped), text the eye cannot see is
caught by the text (invisible or white), logos of every kind verify, and a hostile page box is
refused before anything is drawn."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from msgspec.structs import replace
from pypdf import PdfReader
from pypdf.generic import ArrayObject, FloatObject, NameObject
from reports.test_certificate_tamper import NOW, _overlay, _with_page
from signing_kit import KEY

from workbook.reports.issue import CertificateSettings, issue_certificate
from workbook.reports.verify import Status, verify_certificate
from workbook.store.learners import create_learner

# A guard against a hang or a blow-up (the unguarded work takes minutes), not a speed test: the
# figures live in bench/, and a loaded CI machine must not fail this.
HANG_GUARD_S = 20


def _drawing_change(result) -> str:
    return next((change for change in result.changed if change.startswith("page drawing")), "")


@pytest.mark.parametrize("ops", [
    b"BT 3 Tr /Fx 20 Tf 300 60 Td (WITH DISTINCTION) Tj ET",  # render mode 3: never drawn
    b"BT 1 1 1 rg /Fx 14 Tf 60 350 Td (WITH DISTINCTION) Tj ET",  # white on white, left of the name
], ids=["invisible", "white"])
def test_text_nobody_can_see_is_still_tampered(genuine, issuer_dir, tmp_path, ops):
    forged = _with_page(genuine, tmp_path / "hidden.pdf", _overlay(ops))
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert "printed text (\u201cWITH DISTINCTION\u201d added)" in result.changed
    assert not _drawing_change(result)  # the picture is the same: only the text tells


def test_a_font_with_other_glyphs_is_tampered_though_the_text_reads_the_same(genuine, issuer_dir, tmp_path):
    """The embedded serif font's program is replaced by the page's own sans-serif one: the codes on
    the page now pick other glyphs (the name prints as other letters), while text extraction, which
    reads the unchanged code-to-text map, still says "Sam Taylor"."""
    def swap_glyphs(writer, page):
        fonts = {str(font["/BaseFont"]).split("+")[-1]: font
                 for font in (ref.get_object() for ref in page["/Resources"]["/Font"].values())}
        sans = fonts["NotoSans-Bold"]["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        fonts["NotoSerif-Regular"]["/FontDescriptor"]["/FontFile2"].get_object().set_data(sans)

    forged = _with_page(genuine, tmp_path / "glyphs.pdf", swap_glyphs)
    assert "Sam Taylor" in " ".join(PdfReader(str(forged)).pages[0].extract_text().split())
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert not any(change.startswith("printed") for change in result.changed), result.changed
    assert "CERTIFICATE OF COMPLETION" in _drawing_change(result)  # the first place the serif font draws


def test_the_message_says_where_the_page_differs(genuine, issuer_dir, tmp_path):
    forged = _with_page(genuine, tmp_path / "stamp.pdf",
                        _overlay(b"BT /Fx 14 Tf 60 350 Td (WITH DISTINCTION) Tj ET"))
    assert verify_certificate(forged, issuer_dir).changed == (
        "printed text (\u201cWITH DISTINCTION\u201d added)",
        "page drawing (differs at the middle left, near \u201cModules\u201d)")
    forged = _with_page(genuine, tmp_path / "name.pdf", _overlay(b"BT /Fx 24 Tf 520 350 Td (PhD) Tj ET"))
    assert "page drawing (differs in the middle of the page, near \u201cSam Taylor\u201d)" in \
        verify_certificate(forged, issuer_dir).changed


def test_a_harmless_resave_changes_no_pixel(genuine, issuer_dir, tmp_path):
    """What the tolerance is measured against: a re-save by pypdf draws exactly the same pixels."""
    from workbook.reports.page_check import changed_places
    from workbook.reports.pdf_page import open_document, read_page

    resaved = _with_page(genuine, tmp_path / "resaved.pdf",
                         lambda writer, page: page.compress_content_streams())
    pictures = []
    for pdf in (genuine, resaved):
        document = open_document(pdf.read_bytes())
        pictures.append(read_page(document).picture)
        document.close()
    assert pictures[0].size == (1170, 827)  # A4 landscape at 100 dpi
    assert changed_places(*pictures) == []


def _logo(tmp_path: Path, kind: str) -> Path:
    from PIL import Image, ImageDraw

    if kind == "jpeg":
        path = tmp_path / "logo.jpg"
        image = Image.new("RGB", (300, 100), (20, 90, 200))
        ImageDraw.Draw(image).ellipse((20, 10, 280, 90), fill=(240, 200, 40))
        image.save(path, quality=85)
        return path
    path = tmp_path / "logo.png"
    if kind == "transparent":  # a soft-edged logo on a see-through background
        image = Image.new("RGBA", (160, 60), (0, 0, 0, 0))
        for x in range(160):
            ImageDraw.Draw(image).line((x, 0, x, 59), fill=(200, 30, 30, int(255 * x / 159)))
    elif kind == "palette":
        image = Image.new("P", (90, 30), 0)
        image.putpalette([255, 255, 255, 30, 120, 60] + [0] * 762)
        ImageDraw.Draw(image).rectangle((10, 5, 80, 25), fill=1)
    else:
        image = Image.new("L", (64, 64), 90)
    image.save(path)
    return path


@pytest.mark.parametrize("kind", ["jpeg", "transparent", "palette", "grey"])
def test_a_logo_of_every_kind_verifies(database, library, complete_everything, tmp_path, issuer_dir, kind):
    learner = create_learner("Logo Person", None)
    complete_everything(library, learner.id)
    pdf = tmp_path / "logo.pdf"
    issue_certificate(library, learner.id, tmp_path, pdf, now=NOW, key=KEY,
                      chosen=CertificateSettings("Acme Care", "Dana Reyes", "A4", _logo(tmp_path, kind)))
    result = verify_certificate(pdf, issuer_dir)
    assert result.status == Status.VALID, result.message


@pytest.mark.parametrize("layout", [1, 2, 3])
def test_certificates_signed_with_an_older_layout_still_verify(database, library, complete_everything,
                                                                tmp_path, issuer_dir, layout):
    from workbook.reports.certificate import draw_certificate
    from workbook.reports.certificate_data import PageSetup
    from workbook.reports.issue import build_certificate, certificate_settings, metadata_for
    from workbook.reports.signing import sign_fields
    from workbook.store.learner_progress import learner_record

    learner = create_learner("Mia Wong", None)
    complete_everything(library, learner.id)
    data, signed = build_certificate(library, learner.id, learner_record(library, learner.id),
                                     certificate_settings(library), KEY, NOW)
    record = sign_fields({**signed.fields, "layout": str(layout)}, KEY)
    data = replace(data, verification_code=record.verification_code, qr_payload=record.qr_payload())
    pdf = tmp_path / "older.pdf"
    draw_certificate(data, pdf, PageSetup("A4", None, layout=layout), metadata_for(data, record))
    assert verify_certificate(pdf, issuer_dir).status == Status.VALID
    forged = _with_page(pdf, tmp_path / "forged.pdf", _overlay(b"BT /Fx 20 Tf 330 150 Td (PhD) Tj ET"))
    assert verify_certificate(forged, issuer_dir).status == Status.TAMPERED


def test_a_huge_page_box_is_reported_without_drawing_it(genuine, issuer_dir, tmp_path):
    def enlarge(writer, page):
        box = ArrayObject([FloatObject(0), FloatObject(0), FloatObject(14400), FloatObject(14400)])
        page[NameObject("/MediaBox")] = box
        page[NameObject("/CropBox")] = box

    forged = _with_page(genuine, tmp_path / "huge.pdf", enlarge)
    started = time.perf_counter()
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert "page size (the page is 14400 x 14400 points, the signed page 842 x 595)" in result.changed
    assert time.perf_counter() - started < HANG_GUARD_S  # a 200-inch page at 100 dpi: 20000 pixels a side


def test_a_page_crowded_with_objects_is_refused_cleanly(genuine, issuer_dir, tmp_path):
    """Refused by counting the words of its instructions, before they are read or pdfium loads the page."""
    forged = _with_page(genuine, tmp_path / "busy.pdf", _overlay(b"0 0 1 1 re f\n" * 30_000))
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert len(result.changed) == 1, result.changed
    assert result.changed[0].startswith("a page drawing far too complex to be a certificate's (185,")
    assert result.changed[0].endswith("words of drawing instructions; a certificate has about 5,500)")


def _recolour(old: tuple[float, ...], new: tuple[float, ...]):
    """Fill with `new` wherever the page fills with `old`."""
    def edit(writer, page):
        from pypdf.generic import ContentStream
        content = ContentStream(page.get_contents(), writer)
        for operands, operator in content.operations:
            if operator == b"rg" and all(abs(float(a) - b) < 0.002
                                         for a, b in zip(operands, old, strict=True)):
                operands[:] = [FloatObject(value) for value in new]
        page.replace_contents(content)
    return edit


def test_a_colour_of_the_same_grey_is_tampered(genuine, issuer_dir, tmp_path):
    """The blue headings and name redrawn in a brown of exactly the same grey (71 of 255): only a
    colour comparison sees it."""
    blue, brown = (0.121569, 0.309804, 0.541176), (150 / 255, 45 / 255, 0.0)
    forged = _with_page(genuine, tmp_path / "brown.pdf", _recolour(blue, brown))
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert _drawing_change(result), result.changed



@pytest.mark.parametrize("box, message", [
    ("/MediaBox", "the page is 1000 x 700 points, the signed page 842 x 595"),
    ("/CropBox", "its visible part (crop box) is 500 x 595 points, the signed page 842 x 595"),
])
def test_a_changed_page_box_names_its_own_size(genuine, issuer_dir, tmp_path, box, message):
    """A larger media box under the same crop box shows the same page: the message gives the box's
    real size, not the visible page's."""
    def resize(writer, page):
        page[NameObject("/CropBox")] = ArrayObject([FloatObject(v) for v in (0, 0, 842, 595)])
        size = (1000, 700) if box == "/MediaBox" else (500, 595)
        page[NameObject(box)] = ArrayObject([FloatObject(v) for v in (0, 0, *size)])

    result = verify_certificate(_with_page(genuine, tmp_path / "box.pdf", resize), issuer_dir)
    assert f"page size ({message})" in result.changed, result.changed
