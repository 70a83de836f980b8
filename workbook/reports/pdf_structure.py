"""What a PDF file holds that a certificate the workbook wrote never does, named so a trainer knows
what was added: layers (optional content), scripts and actions, forms, attached files, encryption,
a scaled page, content only a printer uses. None of it need show on screen (a layer may appear only
when printed, a script may run only in Acrobat), so the page comparison alone cannot see it.

Two views are used: the file's own objects (reports/pdf_objects.py), and pdfium's answers about the
document it opened (forms, attachments, scripts, encryption), so one missing a trick the other
catches it. Re-saves by pypdf, qpdf and pdfium add none of these, so they stay valid.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from msgspec import Struct

from workbook.reports.pdf_drawing import drawing_problems
from workbook.reports.pdf_logo import MAX_LOGO_PIXELS
from workbook.reports.pdf_objects import (
    Budget,
    Name,
    PdfObjects,
    Stream,
    filters,
    parse_value,
    read_objects,
    unpack,
)
from workbook.reports.pdf_orphans import unreached_objects
from workbook.reports.pdf_xref import BROKEN as BROKEN_XREF
from workbook.reports.pdf_xref import xref_chain

if TYPE_CHECKING:
    import pypdfium2 as pdfium

LAYERS = "layers (optional content) added"
SCRIPT = "a script added"
ACTION = "an action added"
FORM = "a form"
ATTACHMENT = "an attached file"
ENCRYPTED = "encrypted copy"
USER_UNIT = "page scaled (UserUnit)"
PRINT_ONLY = "content only a printer uses"
PRINTER_COLOURS = "colour settings for printers (transfer functions, halftones)"
THUMBNAIL = "a page thumbnail"
MEDIA = "embedded media"
EXTERNAL = "content from another file"
SIGNED = "a digital signature or permissions"
BOOKMARKS = "bookmarks added"
OVERPRINT = "overprint settings"
SPOT_COLOURS = "spot colours for printing plates (Separation, DeviceN)"
NOT_PDF_FIRST = "other data before the PDF header (the file is also another kind of file)"
DATA_AFTER_END = "other data after the PDF's end (the file is also another kind of file)"
SECOND_PDF = "a second PDF header inside the file (another document joined to it)"
UNLISTED_UPDATE = "an update the file's cross-reference does not list (some readers show it, others not)"
HYBRID = "a hybrid cross-reference (XRefStm), which PDF readers follow differently"

# Dictionary keys, anywhere in the file, and the feature they belong to.
FEATURE_KEYS = {
    **dict.fromkeys(("OCProperties", "OC", "OCGs"), LAYERS),
    **dict.fromkeys(("JS", "JavaScript"), SCRIPT),
    **dict.fromkeys(("OpenAction", "AA", "A", "Next"), ACTION),
    **dict.fromkeys(("AcroForm", "XFA", "NeedsRendering", "FT", "Fields"), FORM),
    **dict.fromkeys(("EmbeddedFiles", "EF", "AF", "RF", "Collection"), ATTACHMENT),
    "Encrypt": ENCRYPTED, "UserUnit": USER_UNIT,
    **dict.fromkeys(("Alternates", "OPI"), PRINT_ONLY),
    **dict.fromkeys(("TR", "TR2", "HT", "BG", "BG2", "UCR", "UCR2"), PRINTER_COLOURS),
    "Thumb": THUMBNAIL,
    **dict.fromkeys(("RichMediaContent", "RichMediaSettings", "3DD"), MEDIA),
    **dict.fromkeys(("Ref", "FFilter", "FDecodeParms", "Templates"), EXTERNAL),
    **dict.fromkeys(("ByteRange", "DSS", "Legal"), SIGNED),  # (/Perms also sits in an AES-256 /Encrypt)
}
FEATURES = {LAYERS, SCRIPT, ACTION, FORM, ATTACHMENT, ENCRYPTED, USER_UNIT, PRINT_ONLY, PRINTER_COLOURS,
            THUMBNAIL, MEDIA, EXTERNAL, SIGNED, BOOKMARKS, OVERPRINT, SPOT_COLOURS}
# Names given as a value (an action's, an annotation's or an XObject's kind).
FEATURE_VALUES = {
    **dict.fromkeys(("OCG", "OCMD"), LAYERS),
    **dict.fromkeys(("JavaScript", "ECMAScript"), SCRIPT),
    **dict.fromkeys(("Launch", "URI", "SubmitForm", "ResetForm", "ImportData", "GoTo", "GoToR", "GoToE",
                     "Hide", "Named", "SetOCGState", "Rendition", "GoTo3DView", "RichMediaExecute",
                     "Thread"), ACTION),
    **dict.fromkeys(("Widget", "Sig"), FORM),
    **dict.fromkeys(("EmbeddedFile", "FileAttachment"), ATTACHMENT),
    **dict.fromkeys(("RichMedia", "3D", "Screen", "Movie", "Sound"), MEDIA),
    "PS": PRINT_ONLY,
    # Their tint functions (PostScript calculator code) are evaluated differently by each reader.
    **dict.fromkeys(("Separation", "DeviceN", "NChannel"), SPOT_COLOURS),
}
# The keys a certificate's catalog, page tree and page hold (and what re-saves add); any other
# key there is named. Annotations are compared on the page itself (reports/page_check.py).
ALLOWED_KEYS = {
    "Catalog": {"Type", "Pages", "PageMode", "PageLayout", "Outlines", "Metadata", "Lang", "Version"},
    "Pages": {"Type", "Kids", "Count", "Parent", "Resources", "MediaBox", "CropBox", "Rotate"},
    "Page": {"Type", "Parent", "Resources", "MediaBox", "CropBox", "Contents", "Rotate", "Trans", "Annots",
             "Group"},  # a transparency group, which some tools add: what it changes shows in the picture
}
ALLOWED_RESOURCES = {"Font", "ProcSet", "XObject", "ExtGState", "ColorSpace"}
# A graphics state reportlab writes holds only transparency (a certificate's holds none at all).
ALLOWED_GRAPHICS_STATE = {"Type", "CA", "ca"}
OVERPRINT_KEYS = {"OP", "op", "OPM"}
ALLOWED_FONT_KEYS = {"Type", "Subtype", "BaseFont", "Name", "FirstChar", "LastChar", "Widths",
                     "FontDescriptor", "ToUnicode"}
ALLOWED_FILTERS = {"FlateDecode", "DCTDecode", "ASCII85Decode", "ASCIIHexDecode"}
MAX_DRAWING_BYTES = 2 * 1024 * 1024  # a certificate's page draws with ~40 KB of instructions


class Structure(Struct, frozen=True):
    """What the file holds that a certificate never does; `drawable` is False when pdfium must not
    even be asked to draw it (an image or a drawing far too large)."""

    found: tuple[str, ...]
    drawable: bool = True
    objects: PdfObjects | None = None  # the file's objects, when they could all be read (for the font check)
    hidden: tuple[str, ...] = ()  # a broken table, objects no reader shows: named when nothing else is found


def file_structure(raw: bytes) -> Structure:
    """Read every object of the file and name what a certificate never holds."""
    try:
        objects = read_objects(raw)
        layout = _layout(raw, objects)
        if any("Encrypt" in trailer for trailer in objects.trailers):  # its streams cannot be unpacked
            found = [item for item in _features(objects) if item in FEATURES]
            return Structure(tuple(dict.fromkeys([*layout, ENCRYPTED, *found])), drawable=False)
        drawing: dict[int, bytes] = {}
        oversized = _oversized(objects, drawing)
        if oversized:
            return Structure((*layout, oversized), drawable=False)
        drawn = drawing_problems(objects, lambda stream: drawing[id(stream)] if id(stream) in drawing
                                 else unpack(stream, objects))
        # Said when nothing else is: an edit leaves objects behind, a file made by hand a broken table.
        chain = xref_chain(raw, objects)
        hidden = tuple(unreached_objects(objects, chain) if chain is not None else
                       [BROKEN_XREF, *unreached_objects(objects, objects.trailers)])
        if drawn:  # ambiguous or too heavy: pdfium is not asked to load the page
            found = [*layout, *drawn, *_duplicates(objects)]
            return Structure(tuple(dict.fromkeys(found)), drawable=False, hidden=hidden)
        found = _features(objects) + objects.unreadable + _duplicates(objects)
        named = [item for item in found if item in FEATURES]
        found = layout + (named or found)  # "an attached file" says more than "document entry Names"
    except Budget as error:
        return Structure((f"file far larger inside than a certificate ({error})",), drawable=False)
    except (ValueError, TypeError, IndexError, KeyError, MemoryError) as error:  # a case the reader missed
        return Structure((f"a file structure the check cannot read ({type(error).__name__})",), False)
    return Structure(tuple(dict.fromkeys(found)), objects=objects, hidden=hidden)


def document_features(document: pdfium.PdfDocument, with_page: bool = True) -> list[str]:
    """What pdfium itself finds in the document: encryption, a form (XFA too), attached files,
    scripts, and (`with_page`: only for a page safe to load) actions run when it opens or closes."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    found = []
    if raw.FPDF_GetSecurityHandlerRevision(document) != -1:
        found.append(ENCRYPTED)
    if raw.FPDF_GetFormType(document) != raw.FORMTYPE_NONE or raw.FPDF_GetXFAPacketCount(document) > 0:
        found.append(FORM)
    if raw.FPDFDoc_GetAttachmentCount(document) > 0:
        found.append(ATTACHMENT)
    if raw.FPDFDoc_GetJavaScriptActionCount(document) > 0:
        found.append(SCRIPT)
    if with_page and len(document) > 0:
        try:
            page = document[0]
        except pdfium.PdfiumError:
            return found  # the page comparison says the page cannot be read
        try:
            if any(raw.FPDF_GetPageAAction(page, kind) for kind in (raw.FPDFPAGE_AACTION_OPEN,
                                                                      raw.FPDFPAGE_AACTION_CLOSE)):
                found.append(ACTION)
        finally:
            page.close()
    return found


def _layout(raw: bytes, objects: PdfObjects) -> list[str]:
    """How the file is put together, where readers may disagree on what it shows: a file that is
    something else too (a web page holding the PDF, a zip after it), a second document joined to
    it, a hybrid cross-reference, or a second catalog, page tree or page (a document only some
    readers open).
    pypdf, qpdf (linearized too) and pdfium write none of these."""
    found = []
    if not raw.startswith(b"%PDF-"):
        found.append(NOT_PDF_FIRST)
    end = raw.rfind(b"%%EOF")
    if end < 0 or raw[end + 5:].strip(b"\x00\t\n\x0c\r "):
        found.append(DATA_AFTER_END)
    if re.search(rb"[\r\n]%PDF-\d", raw):
        found.append(SECOND_PDF)
    if any("XRefStm" in trailer for trailer in objects.trailers):
        found.append(HYBRID)
    if not found and _unlisted_sections(raw, objects):
        found.append(UNLISTED_UPDATE)
    starts = sum("Prev" not in trailer for trailer in objects.trailers)  # an update's trailer has /Prev
    if starts > 1 and not found:
        found.append(f"another document joined to the file ({starts} cross-reference tables each start one)")
    counts = Counter(kind for value in objects.objects.values()
                     if isinstance(value, dict) and isinstance(kind := value.get("Type"), Name)
                     and kind in ("Catalog", "Pages", "Page"))
    extra = [f"{counts[kind]} {noun}" for kind, noun in (("Catalog", "catalogs"), ("Pages", "page trees"),
                                                          ("Page", "pages")) if counts[kind] > 1]
    if extra:
        found.append(f"a second document or page hidden in the file ({', '.join(extra)})")
    return found


_CLASSIC_XREF = re.compile(rb"(?<![A-Za-z])(?<!start)xref[\x00\t\n\x0c\r ]")
_OBJECT_AT = re.compile(rb"[\x00\t\n\x0c\r ]*\d+[\x00\t\n\x0c\r ]+\d+[\x00\t\n\x0c\r ]+obj")


def _unlisted_sections(raw: bytes, objects: PdfObjects) -> bool:
    """Whether the file holds cross-reference sections that the chain from its last startxref
    (through each trailer's /Prev) never reaches: an update pdfium ignores but a reader rebuilding
    the file may show. When the chain is broken from the start every reader rebuilds alike."""
    total = len(_CLASSIC_XREF.findall(raw)) + sum(
        1 for value in objects.values if isinstance(value, Stream) and value.info.get("Type") == "XRef")
    at = raw.rfind(b"startxref")
    offset = re.match(rb"startxref[\x00\t\n\x0c\r ]+(\d{1,10})", raw[at:]) if at >= 0 else None
    seen: set[int] = set()
    next_at = int(offset.group(1)) if offset else None
    while isinstance(next_at, int) and 0 <= next_at < len(raw) and next_at not in seen and len(seen) < 100:
        seen.add(next_at)
        section = raw[next_at:next_at + 40].lstrip(b"\x00\t\n\x0c\r ")
        if section.startswith(b"xref"):
            trailer_at = raw.find(b"trailer", next_at)
            info = parse_value(raw, trailer_at + 7, objects) if trailer_at >= 0 else None
        else:
            header = _OBJECT_AT.match(raw, next_at)
            info = parse_value(raw, header.end(), objects) if header else None
        if not isinstance(info, dict):
            return False if len(seen) == 1 else len(seen) - 1 < total
        next_at = info.get("Prev")
    return bool(seen) and len(seen) < total


def _features(objects: PdfObjects) -> list[str]:
    found = _entries(objects)
    todo: list[object] = [*objects.values, *objects.trailers]
    while todo:
        value = todo.pop()
        if isinstance(value, Stream):
            found += _stream_problems(value, objects)
            value = value.info
        if isinstance(value, dict):
            found += _dictionary_problems(value, objects)
            todo.extend(value.values())
        elif isinstance(value, list):
            todo.extend(value)
        elif isinstance(value, Name) and value in FEATURE_VALUES:
            found.append(FEATURE_VALUES[value])
    return found


def _entries(objects: PdfObjects) -> list[str]:
    """Keys in the catalog, the page tree and the pages that a certificate's never hold. They are
    found as pdfium finds them (the trailer's root, then its kids) and by their /Type."""
    typed: dict[str, list[dict]] = {kind: [] for kind in ALLOWED_KEYS}
    for value in objects.values:
        if isinstance(value, dict) and isinstance(kind := value.get("Type"), Name) and kind in typed:
            typed[kind].append(value)
    typed["Catalog"] += [root for trailer in objects.trailers
                         if isinstance(root := objects.resolve(trailer.get("Root")), dict)]
    todo = [objects.resolve(catalog.get("Pages")) for catalog in typed["Catalog"]]
    seen: set[int] = set()
    while todo and len(seen) < 1000:
        node = todo.pop()
        if not isinstance(node, dict) or id(node) in seen:
            continue
        seen.add(id(node))
        kids = objects.resolve(node.get("Kids"))
        if isinstance(kids, list):
            typed["Pages"].append(node)
            todo += [objects.resolve(kid) for kid in kids[:1000]]
        else:
            typed["Page"].append(node)
    found = [f"{'page' if kind == 'Page' else 'document'} entry {key} that a certificate never has"
             for kind, dictionaries in typed.items() for info in dictionaries
             for key in info if key not in ALLOWED_KEYS[kind] and key not in FEATURE_KEYS]
    outlines = [objects.resolve(catalog.get("Outlines")) for catalog in typed["Catalog"]]
    if any(isinstance(outline, dict) and "First" in outline for outline in outlines):
        found.append(BOOKMARKS)  # an empty outline is what some re-saves add
    return found


def _dictionary_problems(info: dict, objects: PdfObjects) -> list[str]:
    found = [FEATURE_KEYS[key] for key in info if key in FEATURE_KEYS]
    resources = objects.resolve(info.get("Resources"))
    if isinstance(resources, dict):
        found += [LAYERS if key == "Properties" else f"drawing resources a certificate never uses ({key})"
                  for key in resources if key not in ALLOWED_RESOURCES]
        states = objects.resolve(resources.get("ExtGState"))
        for state in states.values() if isinstance(states, dict) else ():
            state = objects.resolve(state)
            if isinstance(state, dict):
                found += [OVERPRINT if key in OVERPRINT_KEYS else FEATURE_KEYS.get(
                          key, f"graphics state settings a certificate never uses ({key})")
                          for key in state if key not in ALLOWED_GRAPHICS_STATE]
        fonts = objects.resolve(resources.get("Font"))
        for font in fonts.values() if isinstance(fonts, dict) else ():
            found += _font_problems(objects.resolve(font))
    if info.get("Type") == "Font":
        found += _font_problems(info)
    return found


def _font_problems(font: object) -> list[str]:
    """Settings the workbook's fonts never carry: an /Encoding, for one, which readers apply to a
    TrueType font each their own way (poppler draws other glyphs with /MacRomanEncoding)."""
    return [f"font settings a certificate's fonts never have ({key})" for key in
            (font if isinstance(font, dict) else ()) if key not in ALLOWED_FONT_KEYS]


def _stream_problems(stream: Stream, objects: PdfObjects) -> list[str]:
    found = [f"data packed with {name}, which a certificate never uses"
             for name in filters(stream.info, objects) if name not in ALLOWED_FILTERS]
    if "DecodeParms" in stream.info and stream.info.get("Type") != "XRef":  # (a JPEG's colour transform...)
        found.append("data packed with parameters (DecodeParms), which a certificate's never have")
    return found


def _duplicates(objects: PdfObjects) -> list[str]:
    keys = ", ".join(f"/{key}" for key in dict.fromkeys(objects.duplicates))
    return [f"a dictionary holding one key twice ({keys}), which PDF readers resolve differently"
            ] if keys else []


def _oversized(objects: PdfObjects, drawing: dict[int, bytes]) -> str:
    """An image or a page drawing far beyond a certificate's, which pdfium must not be asked to
    draw, or data the check cannot unpack ("" when there is none); the drawing instructions
    unpacked are kept in `drawing` by the stream's id. Raises Budget when unpacking alone reaches
    the file's limit."""
    contents = {id(stream) for page in _pages(objects) for stream in _contents(page, objects)}
    drawing_data, drawing = drawing, 0
    for value in objects.values:
        if not isinstance(value, Stream) or value.info.get("Type") == "XRef":  # (a table of offsets)
            continue
        info = value.info
        if info.get("Subtype") == "Image":  # pdfium unpacks no more than its pixels: those are bounded
            width, height = objects.resolve(info.get("Width")), objects.resolve(info.get("Height"))
            if isinstance(width, int) and isinstance(height, int) and width * height > MAX_LOGO_PIXELS:
                return f"an image of {width:,} x {height:,} pixels, far larger than a certificate's logo"
            continue
        data = unpack(value, objects)  # fonts and metadata too: all count against the file's budget
        if data is None:
            packing = ", ".join(filters(info, objects)) or "damaged"
            return f"data packed in a way the check cannot read ({packing})"
        if id(value) in contents or _draws(info):
            drawing += len(data)
            drawing_data[id(value)] = data
    if drawing > MAX_DRAWING_BYTES:
        return (f"a page drawing far too complex to be a certificate's ({drawing / 1024 / 1024:.1f} MB of "
                "drawing instructions; a certificate has about 40 KB)")
    return ""


def _draws(info: dict) -> bool:
    """A form XObject or a pattern: drawing instructions, like a page's contents."""
    return info.get("Subtype") == "Form" or "PatternType" in info


def _pages(objects: PdfObjects) -> list[dict]:
    return [value for value in objects.values if isinstance(value, dict) and value.get("Type") == "Page"]


def _contents(page: dict, objects: PdfObjects) -> list[Stream]:
    contents = objects.resolve(page.get("Contents"))
    parts = [objects.resolve(part) for part in (contents if isinstance(contents, list) else [contents])]
    return [part for part in parts if isinstance(part, Stream)]
