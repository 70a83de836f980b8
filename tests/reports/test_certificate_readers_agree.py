"""A certificate pdfium reads as genuine must read the same in every PDF reader: constructs on which
readers part (a dictionary key given twice, an inline image whose end some find by bytes and others
by tokens, loose drawing syntax) make it "tampered", as does data no reader shows (an object nothing
refers to). A hostile file (forms drawing forms, objects inside objects) is refused in bounded work,
never hangs or fills memory. Each forgery is built here from a genuine certificate issued through
the real code; the red team's versions drew another name in poppler, Ghostscript, MuPDF and pdf.js."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject
from reports.test_certificate_tamper import _with_page

from workbook.reports.pdf_content import read_instructions
from workbook.reports.pdf_objects import SCAN_FACTOR, SCAN_SLACK, Budget, PdfObjects, read_objects
from workbook.reports.verify import MAX_FILE_BYTES, Status, verify_certificate

ROOT = Path(__file__).resolve().parents[2]
WIDE = ("a page drawing far too complex to be a certificate's (more than 50,000 drawing instructions once "
        "its forms are drawn out; a certificate has about 1,500)")
OVERLAPPING = (
    "file far larger inside than a certificate (objects inside other objects, which would be read over and "
    "over)",
    "file far larger inside than a certificate (it holds far more objects than a certificate)")
INLINE = ("in the page's drawing instructions, an inline image (PDF readers find where its data ends in "
          "different ways)")


def _content(genuine: Path) -> bytes:
    return PdfReader(str(genuine)).pages[0].get_contents().get_data()


def _forged_name(genuine: Path) -> bytes:
    """The page's instructions with another name printed in the learner's place."""
    content = _content(genuine)
    assert b"(Sam Taylor)" in content
    return content.replace(b"(Sam Taylor)", b"(Sam Tyalor)")


def _with_contents(genuine: Path, target: Path, data: bytes) -> Path:
    def edit(writer, page):
        stream = DecodedStreamObject()
        stream.set_data(data)
        page[NameObject("/Contents")] = writer._add_object(stream)
    return _with_page(genuine, target, edit)


def _rebuilt(raw: bytes) -> bytes:
    """The file with its cross-reference table written again for where its objects now sit."""
    at = raw.rindex(b"\nxref\n") + 1
    body = raw[:at]
    offsets = {int(match.group(1)): match.start(1) for match in re.finditer(rb"(?<=\n)(\d+) 0 obj\n", body)}
    size = max(offsets) + 1
    rows = b"".join(b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
                    for number in range(1, size))
    trailer = raw[raw.index(b"trailer", at):raw.rindex(b"startxref")]
    trailer = re.sub(rb"/Size \d+", b"/Size %d" % size, trailer)
    return body + b"xref\n0 %d\n0000000000 65535 f \n" % size + rows + trailer + \
        b"startxref\n%d\n%%%%EOF\n" % at


def _inserted_before_xref(raw: bytes, extra: bytes) -> bytes:
    """`extra` put just before the cross-reference table, its offset moved (no table row lists it)."""
    at = raw.rindex(b"\nxref\n") + 1
    start = raw.rindex(b"startxref")
    tail = re.sub(rb"startxref\s+(\d+)", lambda match: b"startxref\n%d" % (int(match.group(1)) + len(extra)),
                  raw[start:])
    return raw[:at] + extra + raw[at:start] + tail


def _pdfium_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[0]
        text = page.get_textpage().get_text_range()
        page.close()
        return text
    finally:
        document.close()


def test_a_key_given_twice_is_tampered(genuine, issuer_dir, tmp_path):
    """The page's /Contents twice: Ghostscript draws the first (another name), pdfium the last."""
    raw = genuine.read_bytes()
    forged_content = _forged_name(genuine)
    number = int(re.search(rb"/Size (\d+)", raw).group(1))
    extra = b"%d 0 obj\n<< /Length %d >>\nstream\n" % (number, len(forged_content)) + forged_content + \
        b"\nendstream\nendobj\n"
    raw = re.sub(rb"/Contents (\d+) 0 R",
                 lambda match: b"/Contents %d 0 R /Contents %s 0 R" % (number, match.group(1)), raw, count=1)
    at = raw.rindex(b"\nxref\n") + 1
    forged = tmp_path / "twice.pdf"
    forged.write_bytes(_rebuilt(raw[:at] + extra + raw[at:]))
    assert "Sam Taylor" in _pdfium_text(forged) and "Tyalor" not in _pdfium_text(forged)  # pdfium: the last
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert result.changed == ("a dictionary holding one key twice (/Contents), which PDF readers resolve "
                              "differently",)


def test_an_inline_image_hiding_instructions_is_tampered(genuine, issuer_dir, tmp_path):
    """An unknown filter: pdfium skips the image by tokens (the string hides the rest), poppler,
    MuPDF and pdf.js scan its bytes for "EI" and draw what the string holds."""
    hidden = b"Q q 1 1 1 rg 200 359 440 40 re f BT /F2+0 32 Tf 330 368 Td (Sam Tyalor) Tj ET "
    data = _content(genuine) + b"\nq BI /W 1 /H 1 /BPC 8 /CS /G /F /Foo ID (x EI " + hidden + b") EI Q\n"
    forged = _with_contents(genuine, tmp_path / "inline.pdf", data)
    assert "Tyalor" not in _pdfium_text(forged)
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert result.changed == (INLINE,)


def test_an_image_begun_then_left_is_tampered(genuine, issuer_dir, tmp_path):
    """"BI" followed by instructions: pdfium draws them and skips the rest, poppler skips them and
    draws what hides in the string instead."""
    data = b"BI q\n" + _content(genuine) + b"\nQ ID (x EI q\n" + _forged_name(genuine) + b"\nQ ) EI\n"
    forged = _with_contents(genuine, tmp_path / "begun.pdf", data)
    assert "Sam Taylor" in _pdfium_text(forged)
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert result.changed == (INLINE,)


@pytest.mark.parametrize(("ops", "named"), [
    (b"BX /Foo 1 2 zz EX", "a compatibility section (BX/EX)"),
    (b"1 2 zz", "the unknown instruction 'zz'"),
    (b"% note\n", "a comment"),
    (b"1.2.3 0 m", "the unknown instruction '1.2.3'"),
    (b"0 0 1 m", "the instruction m with operands it does not take (3 given)"),
    (b"(ab) 0 Td", "the instruction Td with operands it does not take (2 given)"),
    (b"0 0", "instructions that stop halfway"),
    (b"(open Tj", "a string that never closes"),
    (b"(a\\\nb) Tj", "a string with an escape a certificate never uses"),
    (b"(a\r\nb) Tj", "a string holding control characters unescaped"),
    (b"<4G> Tj", "a hexadecimal string holding other characters"),
    (b"0\x000 m", "the byte 0x00"),
    (b"/P <</A 1 /A 2>> BDC EMC", "a dictionary operand holding one key twice"),
    (b"[(a) [1]] TJ", "the instruction TJ with operands it does not take (1 given)"),
    (b"0 0 10 10 re f 1 0 0 1 0 0 d0", "glyph drawing instructions outside a glyph"),
])
def test_loose_drawing_syntax_is_named(ops, named):
    assert named in read_instructions(b"q 1 0 0 1 0 0 cm Q " + ops).problem


def test_plain_drawing_syntax_is_read_with_its_forms():
    read = read_instructions(b"q 0.5 g /GS0 gs BT /F1 12 Tf 1 0 0 1 10 10 Tm [(a\\(b) -20 <6263>] TJ "
                             b"(x\\051\\\\) ' ET /Im0 Do /OC /L1 BDC 0 0 m 1 1 l S EMC [1 2] 0 d 0.2 0.3 0.4 "
                             b"sc /P0 scn Q")
    assert read.problem == ""
    assert read.drawn == ["Im0"] and read.operations == 19


def test_genuine_certificates_hold_nothing_readers_disagree_on(genuine):
    read = read_instructions(_content(genuine))
    assert read.problem == "" and read.drawn == [] and 1000 < read.operations < 2500


def _fanned_forms(fan: int, depth: int):
    """Forms X1..Xdepth, each drawing the next `fan` times, the last a tiny box, drawn clipped to nothing."""
    def edit(writer, page):
        box = ArrayObject([NumberObject(0), NumberObject(0), NumberObject(1), NumberObject(1)])
        current = None
        for _ in range(depth + 1):
            form = DecodedStreamObject()
            form.set_data(b" ".join([b"q /X Do Q"] * fan) if current else b"0 0 1 1 re f")
            form.update({NameObject("/Type"): NameObject("/XObject"),
                         NameObject("/Subtype"): NameObject("/Form"), NameObject("/BBox"): box})
            if current:
                form[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): DictionaryObject(
                    {NameObject("/X"): current})})
            current = writer._add_object(form)
        resources = page["/Resources"].get_object()
        resources[NameObject("/XObject")] = DictionaryObject({NameObject("/Xtop"): current})
        extra = DecodedStreamObject()
        extra.set_data(b"q 0 0 0 0 re W n /Xtop Do Q")
        page[NameObject("/Contents")] = ArrayObject([page.raw_get("/Contents"), writer._add_object(extra)])
    return edit


def test_forms_fanning_out_are_refused_before_pdfium_loads_the_page(genuine, issuer_dir, tmp_path):
    """Ten forms deep, each drawing the next ten times: 10^7 paths, which pdfium would build (over
    8 GB) when it loads the page. Run as the command, in a process allowed 2 GB."""
    forged = _with_page(genuine, tmp_path / "fanned.pdf", _fanned_forms(10, 7))

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))

    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(issuer_dir),
                           "verify-certificate", str(forged)], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen"),
                          preexec_fn=limited)
    said = done.stdout + done.stderr
    assert done.returncode == 4, said[-2000:]
    assert "tampered" in said and "forms nested more than 4 deep (a certificate has no form)" in said


def test_forms_fanning_out_within_the_depth_are_refused_by_their_work(genuine, issuer_dir, tmp_path):
    forged = _with_page(genuine, tmp_path / "wide.pdf", _fanned_forms(40, 3))
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert result.changed == (WIDE,)


def test_a_form_a_certificate_could_hold_is_still_compared(genuine, issuer_dir, tmp_path):
    """Forms two deep drawing a few boxes pass these bounds; the page comparison names them."""
    result = verify_certificate(_with_page(genuine, tmp_path / "small.pdf", _fanned_forms(3, 2)), issuer_dir)
    assert result.status == Status.TAMPERED
    assert "form objects added" in result.message


@pytest.mark.parametrize("payload", [b" obj (", b" obj %", b" obj << /K", b" 1 0 obj << >> stream "])
def test_objects_inside_objects_cost_work_in_step_with_the_file(genuine, issuer_dir, tmp_path, payload):
    """An unreferenced stream holding "obj" followed by a string that never closes (a comment, an
    open dictionary, a stream without its end), many times: each is read again from every "obj",
    which once cost time and memory growing with the square of the file's size."""
    raw = genuine.read_bytes()
    sizes = []
    for copies in (2_000, 32_000):
        junk = payload * copies
        forged = _inserted_before_xref(raw, b"999 0 obj\n<< /Length %d >>\nstream\n" % len(junk) + junk +
                                       b"\nendstream\nendobj\n")
        found = PdfObjects()
        with pytest.raises(Budget):
            read_objects(forged, found)
        # Bytes looked at, not time: the allowance, and at most one stream's data past it.
        assert found.scanned <= (SCAN_FACTOR + 1) * len(forged) + SCAN_SLACK
        sizes.append(len(forged))
        target = tmp_path / f"overlap{copies}.pdf"
        target.write_bytes(forged)
        result = verify_certificate(target, issuer_dir)
        assert result.status == Status.TAMPERED
        assert len(result.changed) == 1 and result.changed[0] in OVERLAPPING


def test_a_genuine_certificate_is_read_in_one_pass(genuine):
    found = read_objects(genuine.read_bytes())
    assert found.scanned <= 1.2 * genuine.stat().st_size
    assert found.duplicates == []


@pytest.mark.parametrize(("listed", "packed"), [(False, True), (True, True), (False, False)],
                         ids=["unlisted", "in the cross-reference table", "with a trailer of its own inside"])
def test_an_object_nothing_refers_to_is_tampered(genuine, issuer_dir, tmp_path, listed, packed):
    """Any data (here a text file) in an object no reader shows; a "trailer" written in its data,
    referring to it, does not count: only the cross-reference chain's trailers are roots."""
    text = b"a smuggled file\n" * 4000 + b"trailer << /Prev 9 /Root 999 0 R >>\n"
    data = zlib.compress(text) if packed else text
    orphan = b"999 0 obj\n<< /Length %d %s>>\nstream\n" % (len(data), b"/Filter /FlateDecode " * packed) + \
        data + b"\nendstream\nendobj\n"
    raw = _inserted_before_xref(genuine.read_bytes(), orphan)
    forged = tmp_path / "orphan.pdf"
    forged.write_bytes(_rebuilt(raw) if listed else raw)
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert result.changed == ("objects nothing in the document refers to, which can hold any hidden data "
                              "(object 999 0)",)


def test_a_file_far_larger_than_a_certificate_is_not_read(genuine, issuer_dir, tmp_path):
    large = tmp_path / "large.pdf"
    large.write_bytes(genuine.read_bytes() + b"%" + b"x" * MAX_FILE_BYTES)
    result = verify_certificate(large, issuer_dir)
    assert result.status == Status.NOT_A_CERTIFICATE
    assert result.message == (f"{large} is larger than 8 MB, far larger than any certificate (about 100 KB, "
                              "2 MB with a large logo)")


def test_decoding_parameters_are_tampered(genuine, issuer_dir, tmp_path):
    """A certificate's streams carry none; on a JPEG (/ColorTransform) readers apply them differently."""
    def edit(writer, page):
        page["/Contents"].get_object()[NameObject("/DecodeParms")] = DictionaryObject(
            {NameObject("/ColorTransform"): NumberObject(0)})
    result = verify_certificate(_with_page(genuine, tmp_path / "parameters.pdf", edit), issuer_dir)
    assert result.status == Status.TAMPERED
    assert result.changed == ("data packed with parameters (DecodeParms), which a certificate's never have",)


def test_a_cross_reference_table_pointing_elsewhere_is_tampered(genuine, issuer_dir, tmp_path):
    """Readers rebuild a wrong table each their own way (the first or the last of two objects of one
    number); here one offset is a byte early, which pdfium forgives, so only the table tells."""
    raw = genuine.read_bytes()
    last_row = raw.rindex(b" 00000 n")
    forged = tmp_path / "table.pdf"
    offset = int(raw[last_row - 10:last_row])
    forged.write_bytes(raw[:last_row - 10] + b"%010d" % (offset - 1) + raw[last_row:])
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert result.changed == ("a cross-reference table that does not say where the objects are (readers "
                              "rebuild it, each their own way)",)


def test_a_font_encoding_is_tampered(genuine, issuer_dir, tmp_path):
    """The workbook's TrueType fonts carry no /Encoding; poppler draws other glyphs with MacRoman."""
    def edit(writer, page):
        fonts = page["/Resources"].get_object()["/Font"].get_object()
        font = fonts[sorted(fonts)[0]].get_object()
        font[NameObject("/Encoding")] = NameObject("/MacRomanEncoding")
    result = verify_certificate(_with_page(genuine, tmp_path / "encoding.pdf", edit), issuer_dir)
    assert result.status == Status.TAMPERED
    assert result.changed == ("font settings a certificate's fonts never have (Encoding)",)
