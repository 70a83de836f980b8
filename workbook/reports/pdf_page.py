"""What the first page of a PDF shows, read with pdfium: its printed text (and where each run of it
sits), its boxes, its annotations and a colour picture of it.

pdfium is the engine the in-app certificate preview draws with, so verification looks at the page
the way a trainer sees it. Every failure pdfium reports on a damaged file becomes PdfUnreadable, and
a page is only drawn when its size is a certificate's, so a hostile file cannot ask for a huge
picture or hold so many objects that reading it runs away.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from msgspec import Struct
from msgspec.structs import replace

if TYPE_CHECKING:
    import pypdfium2 as pdfium
    from PIL import Image

RENDER_DPI = 100  # a one-character edit changes ~100 pixels at this scale; a harmless re-save none
MAX_DRAWN_POINTS = 1000.0  # certificates are A4 or Letter landscape: at most 842 x 612 points
MAX_OBJECTS = 20_000  # a certificate's page holds ~110 objects

Box = tuple[float, float, float, float]  # left, bottom, right, top, in points


class PdfUnreadable(ValueError):
    """pdfium cannot open the file as a PDF (damaged, encrypted, not a PDF at all)."""


class PageTooComplex(ValueError):
    """The page holds far more objects than any certificate does."""


class TextRun(Struct, frozen=True):
    """One run of printed text and the box it sits in."""

    text: str
    box: Box


class PageView(Struct, frozen=True):
    """The first page of a PDF as a reader sees it."""

    page_count: int
    media_box: Box
    crop_box: Box
    rotation: int
    text: str
    annotations: tuple[str, ...]  # each annotation's kind, e.g. "freetext", "stamp"
    runs: tuple[TextRun, ...] = ()  # only when asked for: the page drawn from the record names places
    picture: Image.Image | None = None  # RGB, RENDER_DPI
    printed: Image.Image | None = None  # the same, as pdfium prints it

    def __eq__(self, other: object) -> bool:  # the pictures left out (a Struct compares every field)
        if type(other) is not type(self):
            return NotImplemented
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def _compared(self) -> tuple:
        return (self.page_count, self.media_box, self.crop_box, self.rotation, self.text, self.annotations,
                self.runs)

    @property
    def size(self) -> tuple[float, float]:
        """The visible page's width and height in points (the crop box)."""
        left, bottom, right, top = self.crop_box
        return right - left, top - bottom


def open_document(raw: bytes) -> pdfium.PdfDocument:
    """A PDF held in memory, or PdfUnreadable naming why pdfium refused it."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(raw)
    except Exception as error:  # PdfiumError for damaged files; anything else must not escape either
        raise PdfUnreadable(_first_line(error)) from error


@contextmanager
def _unreadable_on_pdfium_errors() -> Iterator[None]:
    import pypdfium2 as pdfium

    try:
        yield
    except pdfium.PdfiumError as error:
        raise PdfUnreadable(_first_line(error)) from error


def document_metadata(document: pdfium.PdfDocument) -> dict[str, str]:
    """The document information dictionary (Title, Author, Subject, Keywords, ...)."""
    with _unreadable_on_pdfium_errors():
        return {key: str(value) for key, value in document.get_metadata_dict().items()}


def page_text(document: pdfium.PdfDocument) -> str:
    """Everything the first page prints, as text extraction reads it (empty for no pages)."""
    if len(document) == 0:
        return ""
    with _unreadable_on_pdfium_errors():
        page = document[0]
        try:
            _check_complexity(page)
            textpage = page.get_textpage()
            try:
                return textpage.get_text_range()
            finally:
                textpage.close()
        finally:
            page.close()


def read_page(document: pdfium.PdfDocument, draw: bool = True, with_runs: bool = False,
              as_printed: bool = False) -> PageView:
    """The first page's boxes, text, annotations, (when `draw` and its size is a certificate's) its
    picture, (`as_printed`) its picture as printed, where layers and annotations meant for paper
    only show, and (`with_runs`, for a page we drew ourselves) where each run of text sits.
    Raises PageTooComplex for a page no certificate would hold, PdfUnreadable for one pdfium cannot
    read."""
    with _unreadable_on_pdfium_errors():
        return _read_page(document, draw, with_runs, as_printed)


def _read_page(document: pdfium.PdfDocument, draw: bool, with_runs: bool, as_printed: bool) -> PageView:
    import pypdfium2.raw as raw

    page = document[0]
    try:
        _check_complexity(page)
        media, crop = tuple(page.get_mediabox()), tuple(page.get_cropbox())
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            runs = tuple(_runs(textpage)) if with_runs else ()
        finally:
            textpage.close()
        annotations = tuple(_annotation_kind(raw, page, index)
                            for index in range(raw.FPDFPage_GetAnnotCount(page)))
        view = PageView(len(document), _rounded(media), _rounded(crop), page.get_rotation(), text,
                        annotations, runs)
        width, height = view.size
        if draw and 0 < width <= MAX_DRAWN_POINTS and 0 < height <= MAX_DRAWN_POINTS:
            view = replace(view, picture=_picture(page))
            if as_printed:
                view = replace(view, printed=_picture(page, raw.FPDF_PRINTING))
        return view
    finally:
        page.close()


def _picture(page, flags: int = 0) -> Image.Image:
    bitmap = page.render(scale=RENDER_DPI / 72, draw_annots=True, extra_flags=flags)
    try:
        return bitmap.to_pil().convert("RGB")  # in colour: two colours of the same grey still differ
    finally:
        bitmap.close()


def _check_complexity(page) -> None:
    import pypdfium2.raw as raw

    if raw.FPDFPage_CountObjects(page) > MAX_OBJECTS or raw.FPDFPage_GetAnnotCount(page) > MAX_OBJECTS:
        raise PageTooComplex("the page holds too many objects to be a certificate")


def _runs(textpage) -> list[TextRun]:
    """The page's text in runs (pdfium's text rectangles), each with its box."""
    found = []
    for index in range(min(textpage.count_rects(), MAX_OBJECTS)):
        box = tuple(round(value, 1) for value in textpage.get_rect(index))
        text = " ".join(textpage.get_text_bounded(*box).split())
        if text:
            found.append(TextRun(text, box))  # type: ignore[arg-type]
    return found


_ANNOTATION_KINDS: dict[int, str] = {}


def _annotation_kind(raw, page, index: int) -> str:
    if not _ANNOTATION_KINDS:
        _ANNOTATION_KINDS.update({getattr(raw, name): name.removeprefix("FPDF_ANNOT_").lower()
                                  for name in dir(raw) if name.startswith("FPDF_ANNOT_")
                                  and name.count("_") == 2 and isinstance(getattr(raw, name), int)})
    annotation = raw.FPDFPage_GetAnnot(page, index)
    try:
        return _ANNOTATION_KINDS.get(raw.FPDFAnnot_GetSubtype(annotation), "unknown")
    finally:
        raw.FPDFPage_CloseAnnot(annotation)


def _rounded(box: tuple) -> Box:
    return tuple(round(float(value), 1) for value in box)  # type: ignore[return-value]


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__
