"""The objects pdfium finds on a page, counted by kind (through form XObjects too), with their
marks, path segments and image sizes: read before the page is drawn, so a page too heavy to draw
is refused first, and compared with the page drawn again from the signed record, so content added
where no pixel shows it (an image in a hidden layer, a clipped or zero-size drawing) still counts.
Segments and image sizes are compared too: merging paths frees no room for other objects.
"""

from __future__ import annotations

import ctypes
from collections import Counter
from typing import TYPE_CHECKING

from msgspec import Struct, field

from workbook.reports.pdf_logo import MAX_LOGO_PIXELS
from workbook.reports.pdf_page import MAX_OBJECTS, PageTooComplex, PdfUnreadable

if TYPE_CHECKING:
    import pypdfium2 as pdfium

MAX_SEGMENTS = 200_000  # a certificate's paths have ~3,300 segments (most in the QR code)
KINDS = {1: "text", 2: "path", 3: "image", 4: "shading", 5: "form"}


class PageObjects(Struct):
    counts: Counter[str] = field(default_factory=Counter)  # "text": 81, "path": 35, ...
    marks: Counter[str] = field(default_factory=Counter)  # marked-content tags, e.g. "OC" for a layer
    segments: int = 0
    largest_image: tuple[int, int] = (0, 0)  # pixels
    images: Counter[tuple[int, int]] = field(default_factory=Counter)  # each image's size in pixels

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def page_objects(document: pdfium.PdfDocument) -> PageObjects:
    """Everything on the first page. Raises PageTooComplex past MAX_OBJECTS objects, PdfUnreadable
    when pdfium cannot load the page."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        page = document[0]
    except pdfium.PdfiumError as error:
        raise PdfUnreadable(str(error).splitlines()[0][:200] if str(error) else "page") from error
    try:
        found = PageObjects()
        todo = [raw.FPDFPage_GetObject(page, index)
                for index in range(min(raw.FPDFPage_CountObjects(page), MAX_OBJECTS + 1))]
        seen = 0
        while todo:
            seen += 1
            if seen > MAX_OBJECTS:
                raise PageTooComplex("the page holds too many objects to be a certificate")
            item = todo.pop()
            kind = KINDS.get(raw.FPDFPageObj_GetType(item), "unknown")
            found.counts[kind] += 1
            for index in range(raw.FPDFPageObj_CountMarks(item)):
                found.marks[_mark_name(raw, raw.FPDFPageObj_GetMark(item, index))] += 1
            if kind == "path":
                found.segments += max(raw.FPDFPath_CountSegments(item), 0)
            elif kind == "image":
                width, height = ctypes.c_uint(), ctypes.c_uint()
                if raw.FPDFImageObj_GetImagePixelSize(item, ctypes.byref(width), ctypes.byref(height)):
                    found.images[(width.value, height.value)] += 1
                    if width.value * height.value > found.largest_image[0] * found.largest_image[1]:
                        found.largest_image = (width.value, height.value)
            elif kind == "form":
                todo += [raw.FPDFFormObj_GetObject(item, index)
                         for index in range(min(raw.FPDFFormObj_CountObjects(item), MAX_OBJECTS))]
        return found
    finally:
        page.close()


def too_heavy_to_draw(found: PageObjects) -> str:
    """Why pdfium must not draw the page ("" when it may): an image or paths far beyond a certificate's."""
    width, height = found.largest_image
    if width * height > MAX_LOGO_PIXELS:
        return f"an image of {width:,} x {height:,} pixels, far larger than a certificate's logo"
    if found.segments > MAX_SEGMENTS:
        return (f"a page drawing far too complex to be a certificate's ({found.segments:,} path segments; "
                "a certificate has about 3,300)")
    return ""


def object_changes(expected: PageObjects, actual: PageObjects) -> list[str]:
    """The objects added to or missing from the page drawn from the record, e.g. "1 image added"."""
    changes = []
    for kind in sorted(set(expected.counts) | set(actual.counts)):
        difference = actual.counts[kind] - expected.counts[kind]
        if difference:
            noun = f"{abs(difference)} {kind} object{'s' if abs(difference) != 1 else ''}"
            changes.append(f"{noun} {'added' if difference > 0 else 'missing'}")
    if not changes and actual.segments != expected.segments:  # paths merged to free room for others
        changes.append(f"{actual.segments:,} path segments, the drawn page has {expected.segments:,}")
    if not changes and actual.images != expected.images:
        sizes = ", ".join(f"{w} x {h}" for w, h in sorted(actual.images - expected.images))
        changes.append(f"images of other sizes ({sizes} pixels)" if sizes else "images of other sizes")
    added = sorted(mark for mark in actual.marks  # "OC" is named as a layer (reports/pdf_structure.py)
                   if actual.marks[mark] > expected.marks[mark] and mark != "OC")
    if added:
        changes.append(f"marked content added ({', '.join(added)})")
    return changes


def _mark_name(raw, mark) -> str:
    length = ctypes.c_ulong()
    if not mark or not raw.FPDFPageObjMark_GetName(mark, None, 0, ctypes.byref(length)) or length.value > 512:
        return "?"
    buffer = (ctypes.c_ushort * (length.value // 2 + 1))()
    raw.FPDFPageObjMark_GetName(mark, buffer, length, ctypes.byref(length))
    return bytes(buffer)[:max(length.value - 2, 0)].decode("utf-16-le", errors="replace")
