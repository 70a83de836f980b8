"""Compare the page a PDF presents with the page the signed record draws, as a trainer would see them.

Certificates are drawn deterministically, so a genuine certificate's page can be drawn again from
its signed record alone. Both pages are read with pdfium (reports/pdf_page.py) and compared on:
- the picture: both drawn at the same scale (100 dpi) in colour. Two glyphs swapped change
  about a hundred pixels, a 7 pt full stop one or two, a re-save by pypdf, pdfium or qpdf none; so
  any pixel whose red, green or blue differs by more than a small tolerance counts (in colour, not
  grey: a name recoloured to another colour of the same grey, or pale yellow on white, shows). The
  message says where on the page, and which signed text is printed there;
- the printed text, as text extraction reads it: this catches what the picture cannot, such as
  invisible text (render mode 3) or white text on white added for a search or a copy-paste to find;
- the picture as pdfium prints it, where a layer or an annotation meant for paper only shows;
- the annotations (a stamp or a note laid over the page), the page count and the page boxes.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from msgspec import Struct

from workbook.reports.pdf_page import RENDER_DPI, Box, PageView, TextRun

if TYPE_CHECKING:
    from PIL import Image

TOLERANCE = 16  # levels (of 255) any colour channel of a pixel may differ by before it counts as changed
MIN_CHANGED_PIXELS = 1  # a re-save changes no pixel at all; a 7 pt full stop changes one or two
STRIP = 12  # pixels: rows of the difference are grouped in strips to find separate places
MAX_PLACES = 3  # places named in a message; more are counted
MAX_WORDS = 5_000  # a certificate prints ~250 words; the text comparison stays quick on any file


class PageDifference(Struct, frozen=True):
    """Where two pages differ, in words a trainer can act on."""

    part: str  # e.g. "page drawing", "printed text", "annotation", "page size"
    detail: str


def differences(expected: PageView, actual: PageView) -> list[PageDifference]:
    """What differs between the page drawn from the record and the page in the file."""
    found = []
    if actual.page_count != 1:
        found.append(PageDifference("page count", f"{actual.page_count} pages, a certificate has 1"))
    boxes = [("the page is", expected.media_box, actual.media_box)]
    if not _same_box(actual.crop_box, actual.media_box) or _same_box(expected.media_box, actual.media_box):
        boxes.append(("its visible part (crop box) is", expected.crop_box, actual.crop_box))
    for name, want, got in boxes:  # the sizes of the boxes themselves (one changed box is said once)
        if not _same_box(want, got):
            (width, height), (want_w, want_h) = _box_size(got), _box_size(want)
            moved = "" if (round(width), round(height)) != (round(want_w), round(want_h)) else \
                f" moved to {got[0]:.0f}, {got[1]:.0f}"
            found.append(PageDifference("page size", f"{name} {width:.0f} x {height:.0f} points{moved}, "
                                                     f"the signed page {want_w:.0f} x {want_h:.0f}"))
    if actual.rotation != expected.rotation:
        found.append(PageDifference("page size", f"the page is turned by {actual.rotation} degrees"))
    if actual.annotations != expected.annotations:
        added = [kind for kind in actual.annotations if kind not in expected.annotations]
        found.append(PageDifference("annotation", f"{_kinds(added)} laid on top of the page"
                                    if added else "the page's annotations were changed"))
    want_words, got_words = expected.text.split(), actual.text.split()
    if want_words != got_words:
        found.append(PageDifference("printed text", _text_change(want_words, got_words)))
    if expected.picture is not None and actual.picture is not None:
        if expected.picture.size != actual.picture.size:
            found.append(PageDifference("page drawing", "the page is drawn at another size"))
        else:
            found += [PageDifference("page drawing", detail)
                      for detail in _drawing_changes(expected.picture, expected, actual.picture)]
    if actual.printed is not None and expected.picture is not None and actual.printed.size == \
            expected.picture.size and not any(item.part == "page drawing" for item in found):
        found += [PageDifference("page as printed", detail)
                  for detail in _drawing_changes(expected.picture, expected, actual.printed)]
    return found


def _box_size(box: Box) -> tuple[float, float]:
    return abs(box[2] - box[0]), abs(box[3] - box[1])


def _same_box(want: Box, got: Box) -> bool:
    return all(abs(a - b) <= 0.5 for a, b in zip(want, got, strict=True))


def _kinds(kinds: list[str]) -> str:
    return f"{len(kinds)} {'/'.join(sorted(set(kinds)))} annotation{'s' if len(kinds) != 1 else ''}"


def _text_change(want: list[str], got: list[str]) -> str:
    """The first changes in the printed words: what was added, removed or replaced."""
    matcher = difflib.SequenceMatcher(a=want[:MAX_WORDS], b=got[:MAX_WORDS], autojunk=False)
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = _quote(want[i1:i2]), _quote(got[j1:j2])
        if tag == "insert":
            changes.append(f"{new} added")
        elif tag == "delete":
            changes.append(f"{old} removed")
        elif tag == "replace":
            changes.append(f"{old} became {new}")
    if not changes:  # only beyond MAX_WORDS
        return "the page prints far more text than a certificate"
    more = f" and {len(changes) - 2} more change{'s' if len(changes) > 3 else ''}" if len(changes) > 2 else ""
    return "; ".join(changes[:2]) + more


def _quote(words: list[str], limit: int = 50) -> str:
    text = " ".join(words)
    return f"\u201c{text if len(text) <= limit else text[:limit - 1] + chr(0x2026)}\u201d"


def changed_places(want: Image.Image, got: Image.Image) -> list[tuple[int, int, int, int]]:
    """Pixel boxes (left, top, right, bottom) around each separate place where two pictures of the
    same size differ by more than the tolerance; empty when they look the same."""
    from PIL import ImageChops

    difference = ImageChops.difference(want, got)
    if difference.mode != "L":  # the largest difference in any channel
        channels = difference.split()
        difference = channels[0]
        for channel in channels[1:]:
            difference = ImageChops.lighter(difference, channel)
    mask = difference.point(lambda value: 255 if value > TOLERANCE else 0)
    if mask.histogram()[255] < MIN_CHANGED_PIXELS:
        return []
    width, height = mask.size
    places: list[list[int]] = []
    last_strip = -2
    for strip, top in enumerate(range(0, height, STRIP)):
        box = mask.crop((0, top, width, min(top + STRIP, height))).getbbox()
        if box is None:
            continue
        left, upper, right, lower = box[0], top + box[1], box[2], top + box[3]
        if places and strip - last_strip <= 2:  # next to the place above: the same place
            place = places[-1]
            place[:] = [min(place[0], left), place[1], max(place[2], right), lower]
        else:
            places.append([left, upper, right, lower])
        last_strip = strip
    return [(a, b, c, d) for a, b, c, d in places]


def _drawing_changes(want: Image.Image, expected: PageView, got: Image.Image) -> list[str]:
    places = changed_places(want, got)
    words = [_place_words(place, expected) for place in places[:MAX_PLACES]]
    if len(places) > MAX_PLACES:
        words[-1] += f" (and {len(places) - MAX_PLACES} more places)"
    return words


def _place_words(place: tuple[int, int, int, int], expected: PageView) -> str:
    """'differs at the bottom centre, near "Date of completion"': a third of the page each way, and
    the signed text printed at (or closest to) the place. What the file prints instead is in the
    printed-text difference."""
    width, height = expected.size
    scale = 72 / RENDER_DPI
    left, top, right, bottom = (value * scale for value in place)
    box = (left, height - bottom, right, height - top)  # PDF points, y upwards
    centre_x, centre_y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    across = "left" if centre_x < width / 3 else "right" if centre_x > width * 2 / 3 else "centre"
    down = "top" if centre_y > height * 2 / 3 else "bottom" if centre_y < height / 3 else "middle"
    where = "in the middle of the page" if (down, across) == ("middle", "centre") else \
        f"at the {down} {across}"
    near = _text_at(expected.runs, box) or _nearest(expected.runs, box)
    return f"differs {where}" + (f", near {_quote([near])}" if near else "")


def _text_at(runs: tuple[TextRun, ...], box: Box, margin: float = 3.0) -> str:
    """The printed text whose runs overlap a box, top to bottom."""
    left, bottom, right, top = box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin
    hits = [run for run in runs
            if run.box[0] < right and run.box[2] > left and run.box[1] < top and run.box[3] > bottom]
    hits.sort(key=lambda run: (-round(run.box[3]), run.box[0]))
    return " ".join(run.text for run in hits)


def _nearest(runs: tuple[TextRun, ...], box: Box, reach: float = 40.0) -> str:
    """The closest run of printed text within `reach` points of a box, if any."""
    def distance(run: TextRun) -> float:
        dx = max(run.box[0] - box[2], box[0] - run.box[2], 0.0)
        dy = max(run.box[1] - box[3], box[1] - run.box[3], 0.0)
        return (dx * dx + dy * dy) ** 0.5
    close = [run for run in runs if distance(run) <= reach]
    return min(close, key=distance).text if close else ""
