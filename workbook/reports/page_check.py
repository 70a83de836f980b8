"""Compare what a PDF page draws with what the signed record would draw.

Certificates are generated deterministically, so the page a genuine certificate shows can be drawn
again from its signed record alone. Both pages are reduced to a canonical tree: every object the
page uses (content streams, fonts and their embedded font files, images, annotations, the page
box), with streams decoded and numbers rounded, so that a harmless re-save that re-compresses or
renumbers objects compares equal while any added, removed, covered or changed mark differs.

The one part not drawn from the record is an organisation's own logo image: it is compared by a
digest of its pixels, which the record signs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from workbook.reports.logo_digest import image_digest, logo_file_digest  # noqa: F401 (used by verify)

# Keys that describe how an object is stored rather than what it shows.
_STORAGE_KEYS = {"/Length", "/Filter", "/DecodeParms", "/Parent", "/Length1", "/Length2", "/Length3"}
_MAX_NODES = 200_000  # a hostile file cannot make the comparison run away
LOGO = "<logo image>"


class PageTooComplex(ValueError):
    """The page holds far more objects than any certificate does."""


@dataclass(frozen=True)
class PageDifference:
    """Where two pages differ, in words a trainer can act on."""

    part: str  # e.g. "page drawing", "annotation", "font", "page size"
    detail: str


def canonical_page(data: bytes | BytesIO | Any, page_number: int = 0) -> Any:
    """The canonical tree of one page of a PDF (bytes, a file object or a path)."""
    source = BytesIO(data) if isinstance(data, bytes) else data
    reader = PdfReader(source)
    page = reader.pages[page_number]
    budget = [_MAX_NODES]
    return _canon(page, budget, set(), top=True)


def _canon(value: Any, budget: list[int], seen: set[int], top: bool = False) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise PageTooComplex("the page holds too many objects to be a certificate")
    if isinstance(value, IndirectObject):
        key = (value.idnum, value.generation)
        if key in seen:  # a reference cycle: name the object instead of following it again
            return ("<ref>",)
        resolved = value.get_object()
        return _canon(resolved, budget, seen | {key})
    if isinstance(value, StreamObject):
        if _is_image(value):
            return _image(value)
        fields = {str(k): _canon(v, budget, seen) for k, v in value.items() if k not in _STORAGE_KEYS}
        return ("stream", tuple(sorted(fields.items())), hashlib.sha256(value.get_data()).hexdigest())
    if isinstance(value, DictionaryObject):
        items = {}
        for key, item in value.items():
            if key in _STORAGE_KEYS or (top and key == "/Contents"):
                continue
            items[str(key)] = _canon(item, budget, seen)
        if top:
            items["/Contents"] = _contents(value, budget)
        return ("dict", tuple(sorted(items.items())))
    if isinstance(value, ArrayObject):
        return ("array", tuple(_canon(item, budget, seen) for item in value))
    if isinstance(value, FloatObject | NumberObject | float | int) and not isinstance(value, BooleanObject):
        return round(float(value), 3)
    if isinstance(value, NullObject):
        return None
    if isinstance(value, TextStringObject | NameObject | str | bytes | BooleanObject):
        return str(value)
    return repr(value)


def _contents(page: DictionaryObject, budget: list[int]) -> Any:
    """A page's drawing as one list of operations, however many streams it is split into."""
    from pypdf.generic import ContentStream

    contents = page.get_contents()
    if contents is None:
        return ("ops", ())
    stream = contents if isinstance(contents, ContentStream) else ContentStream(contents, None)
    ops = []
    for operands, operator in stream.operations:
        budget[0] -= 1
        if budget[0] < 0:
            raise PageTooComplex("the page draws too many operations to be a certificate")
        if operator == b"INLINE IMAGE":
            ops.append(("inline image",))
            continue
        ops.append((operator.decode("latin-1"), tuple(_operand(o) for o in operands)))
    return ("ops", tuple(ops))


def _operand(value: Any) -> Any:
    if isinstance(value, FloatObject | NumberObject) and not isinstance(value, BooleanObject):
        return round(float(value), 3)
    if isinstance(value, ArrayObject):
        return tuple(_operand(item) for item in value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, TextStringObject):
        return value.get_original_bytes().hex()
    return str(value)


def _is_image(stream: StreamObject) -> bool:
    return stream.get("/Subtype") == "/Image"


def _image(stream: StreamObject) -> tuple:
    """An image by its pixels (RGB), so re-compression does not matter; a mask by its bytes."""
    try:
        from pypdf.filters import _xobj_to_image

        image = _xobj_to_image(stream)[2]
        rgb = image.convert("RGB")
        return ("image", image_digest(rgb.width, rgb.height, rgb.tobytes()))
    except Exception:  # an image pypdf cannot decode is compared by its stored bytes
        return ("image-bytes", hashlib.sha256(stream.get_data()).hexdigest())


def differences(expected: Any, actual: Any) -> list[PageDifference]:
    """What differs between two canonical pages, named by the part of the page it is in."""
    found: list[PageDifference] = []
    for path, want, got in _walk_differences(expected, actual, ()):
        found.append(_describe(path, want, got))
    unique: dict[tuple[str, str], PageDifference] = {}
    for difference in found:
        unique.setdefault((difference.part, difference.detail), difference)
    return list(unique.values())


Difference = tuple[tuple[str, ...], Any, Any]


def _walk_differences(want: Any, got: Any, path: tuple[str, ...]) -> Iterator[Difference]:
    if want == got:
        return
    if (isinstance(want, tuple) and isinstance(got, tuple) and want and got and want[0] == got[0] == "dict"):
        wanted, gotten = dict(want[1]), dict(got[1])
        for key in sorted(set(wanted) | set(gotten)):
            yield from _walk_differences(wanted.get(key), gotten.get(key), (*path, key))
        return
    yield path, want, got


def _describe(path: tuple[str, ...], want: Any, got: Any) -> PageDifference:
    top = path[0] if path else ""
    if top == "/Contents":
        return PageDifference("page drawing", _first_op_difference(want, got))
    if top == "/Annots":
        return PageDifference("annotation", "something was added on top of the page (an annotation)"
                              if want is None else "the page's annotations were changed")
    if top in ("/MediaBox", "/CropBox", "/TrimBox", "/ArtBox", "/BleedBox", "/Rotate", "/UserUnit"):
        return PageDifference("page size", f"{top[1:]} changed")
    if top == "/Resources":
        kind = path[1] if len(path) > 1 else ""
        if kind == "/Font":
            return PageDifference("font", "an embedded font was changed or added")
        if kind == "/XObject":
            return PageDifference("image or drawing", "an image or reusable drawing was changed or added")
        return PageDifference("page resources", f"{'/'.join(p.strip('/') for p in path)} changed")
    return PageDifference("page", f"{'/'.join(p.strip('/') for p in path) or 'the page'} changed")


def _first_op_difference(want: Any, got: Any) -> str:
    wanted = want[1] if isinstance(want, tuple) and len(want) == 2 else ()
    gotten = got[1] if isinstance(got, tuple) and len(got) == 2 else ()
    extra = len(gotten) - len(wanted)
    index = next((i for i, (a, b) in enumerate(zip(wanted, gotten, strict=False)) if a != b),
                 min(len(wanted), len(gotten)))
    if extra > 0:
        return f"{extra} drawing operations added (first difference at operation {index + 1})"
    if extra < 0:
        return f"{-extra} drawing operations removed (first difference at operation {index + 1})"
    return f"drawing operations changed (first at operation {index + 1})"
