"""A certificate holds only what the workbook draws: anything else in the file (a layer shown only
on paper or hidden on screen, a script, an action, a form, an attached file, encryption, a scaled
page) makes it "tampered" with a reason naming it, even when the page on screen looks the same.
A page too heavy to draw (a huge image, a path with a million segments) is refused before pdfium
draws it, with a message saying so. Each forgery here is built with pypdf from a genuine
certificate."""

from __future__ import annotations

import contextlib
import random
import shutil
import subprocess
import time
import zlib

import pytest
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ContentStream,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)
from reports.test_certificate_tamper import _overlay, _with_page

from workbook.cli import main
from workbook.reports.pdf_objects import Budget, Name, read_objects
from workbook.reports.pdf_structure import (
    ACTION,
    ATTACHMENT,
    BOOKMARKS,
    ENCRYPTED,
    FORM,
    LAYERS,
    MEDIA,
    SCRIPT,
    USER_UNIT,
    file_structure,
)
from workbook.reports.verify import Status, verify_certificate

# A guard against a hang or a blow-up (the unguarded work takes minutes), not a speed test: the
# figures live in bench/, and a loaded CI machine must not fail this.
HANG_GUARD_S = 20


def _names(**entries) -> DictionaryObject:
    return DictionaryObject({NameObject(f"/{key}"): value for key, value in entries.items()})


def _name(value: str) -> NameObject:
    return NameObject(f"/{value}")


def _resources(page, kind: str) -> DictionaryObject:
    resources = page["/Resources"].get_object()
    if f"/{kind}" not in resources:
        resources[_name(kind)] = DictionaryObject()
    return resources[f"/{kind}"].get_object()


def _append_content(writer, page, ops: bytes) -> None:
    stream = DecodedStreamObject()
    stream.set_data(ops)
    contents = page.raw_get("/Contents")  # the reference: page["/Contents"] would give the stream itself
    parts = contents.get_object() if isinstance(contents.get_object(), ArrayObject) else [contents]
    page[_name("Contents")] = ArrayObject([*parts, writer._add_object(stream)])


def _helvetica(writer, page) -> None:
    _resources(page, "Font")[_name("Hv")] = writer._add_object(_names(
        Type=_name("Font"), Subtype=_name("Type1"), BaseFont=_name("Helvetica-Bold")))


def _layer(view: bool, printed: bool):
    """A layer (optional content group) seen on screen or not, and printed or not."""
    def add(writer, page):
        group = writer._add_object(_names(
            Type=_name("OCG"), Name=TextStringObject("Award"),
            Usage=_names(View=_names(ViewState=_name("ON" if view else "OFF")),
                         Print=_names(PrintState=_name("ON" if printed else "OFF")))))
        default = _names(Order=ArrayObject([group]), **{"ON" if view else "OFF": ArrayObject([group])})
        default[_name("AS")] = ArrayObject([
            _names(Event=_name(event), OCGs=ArrayObject([group]), Category=ArrayObject([_name(event)]))
            for event in ("View", "Print")])
        writer._root_object[_name("OCProperties")] = _names(OCGs=ArrayObject([group]), D=default)
        _resources(page, "Properties")[_name("L1")] = group
        return group
    return add


def _print_only_name(writer, page) -> None:
    """White out the learner's name and print another, on paper only."""
    _layer(view=False, printed=True)(writer, page)
    _helvetica(writer, page)
    _append_content(writer, page, b"/OC /L1 BDC q 1 g 250 330 340 50 re f Q "
                                  b"BT /Hv 26 Tf 0 g 300 345 Td (Jordan Blake) Tj ET EMC")


def _hidden_image(writer, page) -> None:
    """An image in a layer that is off on screen and on paper: a viewer ignoring layers shows it."""
    _layer(view=False, printed=False)(writer, page)
    image = StreamObject()
    image._data = zlib.compress(bytes(range(256)) * 30)
    image.update(_names(Type=_name("XObject"), Subtype=_name("Image"), Width=NumberObject(96),
                        Height=NumberObject(80), ColorSpace=_name("DeviceGray"),
                        BitsPerComponent=NumberObject(8), Filter=_name("FlateDecode")))
    _resources(page, "XObject")[_name("Aw")] = writer._add_object(image)
    _append_content(writer, page, b"/OC /L1 BDC q 200 0 0 40 560 300 cm /Aw Do Q EMC")


def test_a_layer_printed_only_is_tampered_and_shows_on_the_printed_page(genuine, issuer_dir, tmp_path):
    forged = _with_page(genuine, tmp_path / "printed.pdf", _print_only_name)
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert LAYERS in result.changed
    assert any(change.startswith("page as printed (differs in the middle of the page, near \u201cSam Taylor")
               for change in result.changed), result.changed
    assert "layers (optional content) added" in result.message


def test_a_hidden_layer_with_an_image_is_tampered(genuine, issuer_dir, tmp_path):
    forged = _with_page(genuine, tmp_path / "hidden.pdf", _hidden_image)
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert LAYERS in result.changed
    assert "page objects not as the workbook draws them (1 image object added)" in result.changed
    assert not any("page drawing" in change for change in result.changed)  # nothing shows on screen


def test_a_layer_named_with_escapes_is_still_found(genuine, issuer_dir, tmp_path):
    """"/OCPropertie#73" is "/OCProperties" to every PDF reader: the check decodes names too."""
    plain = _with_page(genuine, tmp_path / "plain.pdf", _print_only_name)
    raw = plain.read_bytes()
    assert raw.count(b"/OCProperties <<\n") == 1
    escaped = tmp_path / "escaped.pdf"
    escaped.write_bytes(raw.replace(b"/OCProperties <<\n", b"/OCPropertie#73<<"))
    assert LAYERS in verify_certificate(escaped, issuer_dir).changed
    assert read_objects(b"1 0 obj << /Java#53cript (x) /O#43 /x >> endobj").values == [
        {"JavaScript": b"x", "OC": "x"}]


def test_a_layer_set_on_an_xobject_instead_of_marked_content_is_found(genuine, issuer_dir, tmp_path):
    def form_in_layer(writer, page):
        group = _layer(view=False, printed=True)(writer, page)
        del _resources(page, "Properties")["/L1"]
        form = DecodedStreamObject()
        form.set_data(b"0 0 0 rg 0 0 100 20 re f")
        form.update(_names(Type=_name("XObject"), Subtype=_name("Form"), OC=group,
                           BBox=ArrayObject([NumberObject(0), NumberObject(0), NumberObject(100),
                                             NumberObject(20)])))
        _resources(page, "XObject")[_name("Pf")] = writer._add_object(form)
        _append_content(writer, page, b"q 1 0 0 1 600 300 cm /Pf Do Q")

    result = verify_certificate(_with_page(genuine, tmp_path / "xobject.pdf", form_in_layer), issuer_dir)
    assert result.status == Status.TAMPERED and LAYERS in result.changed


def _open_action(action: DictionaryObject):
    def add(writer, page):
        writer._root_object[_name("OpenAction")] = writer._add_object(action)
    return add


def _named_script(writer, page):
    """A document-level script in the name tree, which Acrobat runs when the file opens."""
    script = writer._add_object(_names(S=_name("JavaScript"), JS=TextStringObject("app.alert('Awarded');")))
    writer._root_object[_name("Names")] = _names(JavaScript=_names(Names=ArrayObject([
        TextStringObject("award"), script])))


def _page_action(writer, page):
    page[_name("AA")] = _names(O=_names(S=_name("URI"), URI=TextStringObject("https://example.org/award")))


def _form_field(writer, page):
    field = writer._add_object(_names(
        Type=_name("Annot"), Subtype=_name("Widget"), FT=_name("Tx"), T=TextStringObject("grade"),
        V=TextStringObject("Distinction"), Rect=ArrayObject([NumberObject(600), NumberObject(300),
                                                              NumberObject(780), NumberObject(330)]),
        P=page.indirect_reference))
    writer._root_object[_name("AcroForm")] = _names(Fields=ArrayObject([field]))
    page[_name("Annots")] = ArrayObject([field])


def _xfa(writer, page):
    template = DecodedStreamObject()
    template.set_data(b"<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'><template><subform><draw><value>"
                      b"<text>Jordan Blake, with distinction</text></value></draw></subform></template>"
                      b"</xdp:xdp>")
    writer._root_object[_name("AcroForm")] = _names(Fields=ArrayObject(), XFA=writer._add_object(template))
    writer._root_object[_name("NeedsRendering")] = BooleanObject(True)


def _attachment(writer, page):
    writer.add_attachment("transcript.txt", b"Sam Taylor: every module 100%, with distinction\n")


def _rich_media(writer, page):
    writer._root_object[_name("Extensions")] = _names(ADBE=_names(
        BaseVersion=_name("1.7"), ExtensionLevel=NumberObject(3)))
    content = _names(Type=_name("RichMediaContent"), Assets=_names(Names=ArrayObject()))
    writer._add_object(_names(Type=_name("Annot"), Subtype=_name("RichMedia"), RichMediaContent=content))


def _bookmark(writer, page):
    writer.add_outline_item(title="Sam Taylor: passed with distinction", page_number=0)


ACTIVE = {
    "bookmark": (_bookmark, BOOKMARKS),
    "script run on opening": (_open_action(_names(S=_name("JavaScript"),
                                                  JS=TextStringObject("this.print();"))), SCRIPT),
    "named script": (_named_script, SCRIPT),
    "program launched on opening": (_open_action(_names(S=_name("Launch"),
                                                        F=TextStringObject("award.exe"))), ACTION),
    "web page opened with the page": (_page_action, ACTION),
    "form submitted on opening": (_open_action(_names(S=_name("SubmitForm"),
                                                      F=TextStringObject("https://example.org"))), ACTION),
    "form field": (_form_field, FORM),
    "XFA form": (_xfa, FORM),
    "attached file": (_attachment, ATTACHMENT),
    "rich media": (_rich_media, MEDIA),
}


@pytest.mark.parametrize("attack", sorted(ACTIVE))
def test_active_content_is_tampered_with_its_reason(genuine, issuer_dir, tmp_path, attack):
    edit, reason = ACTIVE[attack]
    result = verify_certificate(_with_page(genuine, tmp_path / "active.pdf", edit), issuer_dir)
    assert result.status == Status.TAMPERED, result.message
    assert reason in result.changed, result.changed
    assert f"the file holds what a certificate as issued never does: {reason}" in result.message or \
        f", {reason}" in result.message


@pytest.mark.parametrize("unit", [2.0, 1.0])
def test_a_scaled_page_is_tampered(genuine, issuer_dir, tmp_path, unit):
    def scale(writer, page):
        page[_name("UserUnit")] = FloatObject(unit)

    result = verify_certificate(_with_page(genuine, tmp_path / "scaled.pdf", scale), issuer_dir)
    assert result.status == Status.TAMPERED and USER_UNIT in result.changed


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_an_encrypted_copy_is_tampered(genuine, issuer_dir, tmp_path, algorithm):
    def encrypt(writer, page):
        writer.encrypt(user_password="", owner_password="owner", permissions_flag=0, algorithm=algorithm)

    result = verify_certificate(_with_page(genuine, tmp_path / "encrypted.pdf", encrypt), issuer_dir)
    assert result.status == Status.TAMPERED
    assert result.changed == (ENCRYPTED,), result.changed
    assert result.message == "the file holds what a certificate as issued never does: encrypted copy"


def _huge_image(pattern: bool):
    """A 12,000 x 12,000 grey image (144 MB unpacked, 140 KB packed) drawn one point large, on the
    page or in a tiling pattern, where pdfium lists no image object."""
    def add(writer, page):
        image = StreamObject()
        image._data = zlib.compress(b"\xff" * (12_000 * 12_000), 9)
        image.update(_names(Type=_name("XObject"), Subtype=_name("Image"), Width=NumberObject(12_000),
                            Height=NumberObject(12_000), ColorSpace=_name("DeviceGray"),
                            BitsPerComponent=NumberObject(8), Filter=_name("FlateDecode")))
        reference = writer._add_object(image)
        if not pattern:
            _resources(page, "XObject")[_name("Big")] = reference
            _append_content(writer, page, b"q 1 0 0 1 10 10 cm /Big Do Q")
            return
        cell = DecodedStreamObject()
        cell.set_data(b"q 1 0 0 1 0 0 cm /Big Do Q")
        cell.update(_names(Type=_name("Pattern"), PatternType=NumberObject(1), PaintType=NumberObject(1),
                           TilingType=NumberObject(1), XStep=NumberObject(1), YStep=NumberObject(1),
                           BBox=ArrayObject([NumberObject(0), NumberObject(0), NumberObject(1),
                                             NumberObject(1)]),
                           Resources=_names(XObject=_names(Big=reference))))
        _resources(page, "Pattern")[_name("Tile")] = writer._add_object(cell)
        _append_content(writer, page, b"q /Pattern cs /Tile scn 10 10 1 1 re f Q")
    return add


@pytest.mark.parametrize("pattern", [False, True], ids=["on the page", "in a pattern"])
def test_a_huge_image_is_refused_before_it_is_drawn(genuine, issuer_dir, tmp_path, pattern):
    forged = _with_page(genuine, tmp_path / "bomb.pdf", _huge_image(pattern))
    started = time.perf_counter()
    result = verify_certificate(forged, issuer_dir)
    assert time.perf_counter() - started < HANG_GUARD_S  # drawing it would unpack 144 MB
    assert result.status == Status.TAMPERED
    assert result.changed == ("an image of 12,000 x 12,000 pixels, far larger than a certificate's logo",)


def test_an_inline_image_too_large_is_refused_before_it_is_drawn(genuine, issuer_dir, tmp_path):
    """A certificate holds no inline image at all (readers find where its data ends differently:
    tests/reports/test_certificate_readers_agree.py), so this one is refused before it is drawn."""
    data = zlib.compress(b"\x00" * (9000 * 9000), 9)
    forged = _with_page(genuine, tmp_path / "inline.pdf", _overlay(
        b"q 1 0 0 1 10 10 cm BI /W 9000 /H 9000 /BPC 8 /CS /G /F /Fl /L " + str(len(data)).encode() +
        b" ID " + data + b" EI Q"))
    started = time.perf_counter()
    result = verify_certificate(forged, issuer_dir)
    assert time.perf_counter() - started < HANG_GUARD_S  # drawing it would unpack 81 MB
    assert result.status == Status.TAMPERED
    assert result.changed == ("in the page's drawing instructions, an inline image (PDF readers find where "
                              "its data ends in different ways)",)


@pytest.mark.parametrize("segments", [260_000, 1_500_000])
def test_a_path_far_too_complex_is_named_as_such(genuine, issuer_dir, tmp_path, segments):
    """A white hairline zigzag: the smaller is caught by the count of words in its drawing
    instructions, the larger by their size, both before pdfium reads them."""
    spread = 10 if segments < 1_000_000 else 800  # 6 bytes a segment, or 9 to 11
    ops = b"q 1 1 1 RG 0.01 w 0 0 m " + b"".join(b"%d %d l " % (i % spread, i * 7 % 590 % spread)
                                                   for i in range(segments))
    def packed(writer, page):  # 4 MB of instructions or more, in a file under the 8 MB a certificate may be
        _append_content(writer, page, b"")
        stream = page["/Contents"][-1].get_object()
        stream._data = zlib.compress(ops + b"S Q")
        stream[_name("Filter")] = _name("FlateDecode")

    forged = _with_page(genuine, tmp_path / "path.pdf", packed)
    started = time.perf_counter()
    result = verify_certificate(forged, issuer_dir)
    assert time.perf_counter() - started < HANG_GUARD_S
    assert result.status == Status.TAMPERED
    assert len(result.changed) == 1 and result.changed[0].startswith(
        "a page drawing far too complex to be a certificate's"), result.changed
    assert ("words of drawing instructions" if segments < 1_000_000 else "MB of drawing instructions") \
        in result.message
    assert "removed" not in result.message and "printed" not in result.message


def test_page_content_pdfium_cannot_read_is_not_reported_as_removed_text(genuine, issuer_dir, tmp_path):
    """A stream written inside the page's content array (not as its own object) is not a valid PDF:
    pdfium reads nothing on the page; the message says so rather than "name removed"."""
    def broken(writer, page):
        extra = DecodedStreamObject()
        extra.set_data(b"0 0 m 10 10 l S")
        page[_name("Contents")] = ArrayObject([page["/Contents"].get_object(), extra])

    result = verify_certificate(_with_page(genuine, tmp_path / "broken.pdf", broken), issuer_dir)
    assert result.status == Status.TAMPERED
    assert "pdfium cannot read" in result.message and "printed" not in result.message


def test_a_filter_the_check_cannot_read_counts_against_the_file(genuine, issuer_dir, tmp_path):
    def packed(writer, page):
        stream = StreamObject()
        stream._data = b"\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01"
        stream[_name("Filter")] = _name("LZWDecode")
        _resources(page, "XObject")[_name("Lz")] = writer._add_object(stream)

    result = verify_certificate(_with_page(genuine, tmp_path / "lzw.pdf", packed), issuer_dir)
    assert result.status == Status.TAMPERED
    assert result.changed == ("data packed in a way the check cannot read (LZWDecode)",)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_features_inside_object_streams_are_found(genuine, issuer_dir, tmp_path):
    forged = _with_page(genuine, tmp_path / "script.pdf", ACTIVE["script run on opening"][0])
    packed = tmp_path / "packed.pdf"
    subprocess.run(["qpdf", "--object-streams=generate", str(forged), str(packed)], check=True)
    assert b"/JavaScript" not in packed.read_bytes()  # compressed inside an object stream
    assert SCRIPT in verify_certificate(packed, issuer_dir).changed


def test_metadata_only_edits_and_rotate_zero_stay_valid(genuine, issuer_dir, tmp_path):
    def harmless(writer, page):
        writer.add_metadata({"/Producer": "Another tool", "/Grade": "pass"})
        page[_name("Rotate")] = NumberObject(0)

    assert verify_certificate(_with_page(genuine, tmp_path / "meta.pdf", harmless), issuer_dir).status == \
        Status.VALID


def test_hostile_bytes_never_raise(genuine, issuer_dir, tmp_path, capsys):
    """Damaged copies of a genuine certificate and pathological object syntax: a verdict, never a
    traceback, and the object reader stays within its budget."""
    raw = genuine.read_bytes()
    chance = random.Random(20261204)
    for round_ in range(12):
        damaged = bytearray(raw)
        for _ in range(chance.randint(1, 40)):
            at = chance.randrange(len(damaged))
            noise = bytes(chance.randrange(256) for _ in range(chance.randint(0, 8)))
            damaged[at:at + chance.randint(1, 8)] = noise
        target = tmp_path / f"damaged{round_}.pdf"
        target.write_bytes(bytes(damaged) if round_ % 3 else bytes(damaged[:chance.randrange(len(damaged))]))
        assert main(["verify-certificate", str(target), "--data-dir", str(issuer_dir)]) in (0, 3, 4)
        assert "Traceback" not in capsys.readouterr().err
    for text in (b"1 0 obj " + b"[" * 100_000, b"1 0 obj << /W " + b"9" * 6000 + b" >>",
                 b"1 0 obj (" + b"(" * 50_000, b"2 0 obj\n" * 30_000, b"1 0 obj <</Type/ObjStm/N 99/First 9>>"
                 b"stream\nxx\nendstream", b"obj" * 100_000):
        started = time.perf_counter()
        with contextlib.suppress(Budget):
            read_objects(text)
        assert file_structure(text).found is not None
        assert time.perf_counter() - started < HANG_GUARD_S
    assert isinstance(read_objects(b"1 0 obj /JavaScript endobj").values[0], Name)
    odd = b"%PDF-1.7\n1 0 obj << /Type [1] /Subtype << >> >> endobj trailer << /Root 1 0 R >>\n%%EOF"
    assert file_structure(odd).found == ("document entry Subtype that a certificate never has",)


def test_objects_hidden_from_a_simple_reader_are_still_read():
    """A comment inside an object's header, a stream length given by reference with "endstream"
    inside the data, a catalog without its /Type: each is read as pdfium reads it."""
    hidden = b"%PDF-1.7\n1 0 %note\nobj << /OpenAction << /S /Launch >> >> endobj\n%%EOF"
    assert file_structure(hidden).found == (ACTION,)
    data = b"xx endstream yy"
    raw = b"1 0 obj << /Length 2 0 R >> stream\n" + data + b"\nendstream endobj 2 0 obj 15 endobj"
    assert read_objects(raw).objects[next(iter(read_objects(raw).objects))].data == data
    raw = b"%PDF-1.7\n1 0 obj << /Pages 2 0 R /PageLabels << >> >> endobj " \
          b"2 0 obj << /Kids [3 0 R] >> endobj 3 0 obj << /Parent 2 0 R /VP [] >> endobj " \
          b"trailer << /Root 1 0 R >>\n%%EOF"
    assert file_structure(raw).found == ("document entry PageLabels that a certificate never has",
                                         "page entry VP that a certificate never has")


def test_data_packed_twice_to_unpack_huge_is_refused_unread(genuine, issuer_dir, tmp_path):
    """Drawing instructions packed twice with Flate: 180 KB in the file, 96 MB unpacked."""
    def bomb(writer, page):
        stream = StreamObject()
        stream._data = zlib.compress(zlib.compress(b"0 0 m " * 16_000_000, 9), 9)
        stream[_name("Filter")] = ArrayObject([_name("FlateDecode"), _name("FlateDecode")])
        contents = page.raw_get("/Contents")
        page[_name("Contents")] = ArrayObject([contents, writer._add_object(stream)])

    started = time.perf_counter()
    result = verify_certificate(_with_page(genuine, tmp_path / "twice.pdf", bomb), issuer_dir)
    assert time.perf_counter() - started < HANG_GUARD_S
    assert result.changed == ("file far larger inside than a certificate (its streams unpack to more than "
                              "16 MB)",)


def test_drawing_instructions_the_check_cannot_unpack_count_against_the_file(genuine, issuer_dir, tmp_path):
    def predictor(writer, page):
        stream = StreamObject()
        stream._data = zlib.compress(b"0 0 m 10 10 l S")
        stream.update(_names(Filter=_name("FlateDecode"), DecodeParms=_names(Predictor=NumberObject(12))))
        page[_name("Contents")] = ArrayObject([page.raw_get("/Contents"), writer._add_object(stream)])

    result = verify_certificate(_with_page(genuine, tmp_path / "predictor.pdf", predictor), issuer_dir)
    assert result.status == Status.TAMPERED
    assert result.changed == ("data packed in a way the check cannot read (FlateDecode)",)


def test_a_drawing_no_pixel_shows_is_still_content_not_ours(genuine, issuer_dir, tmp_path):
    """A filled box clipped to nothing changes no pixel and no text: the object count tells."""
    forged = _with_page(genuine, tmp_path / "clipped.pdf", _overlay(b"q 0 0 0 0 re W n 0 0 500 500 re f Q"))
    result = verify_certificate(forged, issuer_dir)
    assert result.status == Status.TAMPERED
    assert result.changed == ("page objects not as the workbook draws them (1 path object added)",)


def test_path_segments_added_inside_an_existing_path_are_content_not_ours(genuine, issuer_dir, tmp_path):
    """Paths merged to free object "slots", or segments drawing nothing added to a path already on
    the page: the count of objects stays the same, the count of path segments does not."""
    def grow_first_fill(writer, page):
        content = ContentStream(page.get_contents(), writer)
        at = next(index for index, (_, operator) in enumerate(content.operations) if operator == b"f*")
        content.operations[at:at] = [([NumberObject(0), NumberObject(0)], b"m"),
                                     ([NumberObject(0), NumberObject(0)], b"l"), ([], b"h")]
        page.replace_contents(content)

    result = verify_certificate(_with_page(genuine, tmp_path / "segments.pdf", grow_first_fill), issuer_dir)
    assert result.status == Status.TAMPERED
    assert len(result.changed) == 1, result.changed
    assert "path segments, the drawn page has" in result.changed[0]


def test_a_stream_made_for_one_read_never_gets_anothers_unpacked_data() -> None:
    """`unpack` remembers each stream's data by id(); a temporary stream (as the cross-reference reader
    makes to undo a predictor) freed and followed by another at the same address must not be handed
    the first one's data. It was, in some runs' memory layout, and a genuine certificate re-saved by
    qpdf with object streams read as "tampered"."""
    from workbook.reports.pdf_objects import PdfObjects, Stream, unpack

    objects = PdfObjects()
    for number in range(50):
        payload = f"stream number {number}".encode()
        assert unpack(Stream({"Filter": Name("FlateDecode")}, zlib.compress(payload)), objects) == payload
