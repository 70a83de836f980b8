"""Every stream of drawing instructions in the file (the page's contents, forms, tiling patterns,
Type 3 glyphs) read with reports/pdf_content.py, and the work of drawing the page counted with its
forms drawn out, before pdfium is asked to load the page at all.

pdfium builds every object of a page when it loads it, forms included: ten forms each drawing the
next ten times are ten thousand million paths from a file of a few hundred bytes. So forms may nest
only a few deep and the page, forms drawn out, may run only so many instructions; a certificate's
page runs about 1,500 and holds no form.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from workbook.reports.pdf_content import Instructions, read_instructions
from workbook.reports.pdf_objects import PdfObjects, Stream

MAX_FORM_DEPTH = 4  # forms drawing forms; a certificate has none
MAX_OPERATIONS = 50_000  # instructions run to draw the page, forms drawn out (a certificate: ~1,500)
MAX_WORDS = 150_000  # operators and operands in all drawing instructions (a certificate: ~5,500)
_WORD = re.compile(rb"[^\t\n\x0c\r ]+")
_ESCAPE = re.compile(r"#([0-9A-Fa-f]{2})")


class _TooMuch(ValueError):
    pass


def drawing_problems(objects: PdfObjects, unpacked: Callable[[Stream], bytes | None]) -> list[str]:
    """What a certificate's drawing never holds: instructions readers may read differently, forms
    nested too deep, or more work than any certificate's page. Empty when there is none."""
    read: dict[int, Instructions] = {}

    def instructions(stream: Stream) -> Instructions:
        if id(stream) not in read:
            data = unpacked(stream)
            read[id(stream)] = read_instructions(data) if data is not None else \
                Instructions(problem="data the check cannot unpack")
        return read[id(stream)]

    roots = _roots(objects)
    streams = {id(stream): stream for stream, _, _ in roots}
    words = sum(len(_WORD.findall(unpacked(stream) or b"")) for stream in streams.values())
    if words > MAX_WORDS:  # counted in C before any is read one by one
        return [f"a page drawing far too complex to be a certificate's ({words:,} words of drawing "
                "instructions; a certificate has about 5,500)"]
    problems = []
    for stream, _, what in roots:
        problem = instructions(stream).problem
        if problem:
            problems.append(f"in {what} drawing instructions, {problem}")
    if problems:
        return list(dict.fromkeys(problems))
    count = [0]
    try:
        for stream, resources, _ in roots:
            _draw_out(stream, resources, resources, 0, objects, instructions, count)
    except _TooMuch as error:
        return [str(error)]
    return []


def _roots(objects: PdfObjects) -> list[tuple[Stream, dict, str]]:
    """Each stream of drawing instructions, the resources it draws with, and what it is. The page's
    contents first; then every form, pattern and glyph, reached or not (an annotation's appearance
    is a form too)."""
    found: list[tuple[Stream, dict, str]] = []
    for value in objects.values:
        if isinstance(value, dict) and value.get("Type") == "Page":
            resources = _page_resources(value, objects)
            contents = objects.resolve(value.get("Contents"))
            for part in contents if isinstance(contents, list) else [contents]:
                part = objects.resolve(part)
                if isinstance(part, Stream):
                    found.append((part, resources, "the page's"))
    for value in objects.values:
        info = value.info if isinstance(value, Stream) else value
        if isinstance(value, Stream) and (info.get("Subtype") == "Form" or "PatternType" in info):
            found.append((value, _dictionary(info.get("Resources"), objects),
                          "a form's" if info.get("Subtype") == "Form" else "a pattern's"))
        if isinstance(info, dict) and isinstance(glyphs := objects.resolve(info.get("CharProcs")), dict):
            resources = _dictionary(info.get("Resources"), objects)
            found += [(glyph, resources, "a glyph's") for glyph in map(objects.resolve, glyphs.values())
                      if isinstance(glyph, Stream)]
    return found


def _draw_out(stream: Stream, resources: dict, page_resources: dict, depth: int, objects: PdfObjects,
              instructions: Callable[[Stream], Instructions], count: list[int]) -> None:
    """Count the instructions `stream` runs, the forms it draws included; raises _TooMuch."""
    read = instructions(stream)
    count[0] += read.operations
    if count[0] > MAX_OPERATIONS:
        raise _TooMuch(f"a page drawing far too complex to be a certificate's (more than {MAX_OPERATIONS:,} "
                       "drawing instructions once its forms are drawn out; a certificate has about 1,500)")
    for name in read.drawn:
        target = _xobject(resources, name, objects) or _xobject(page_resources, name, objects)
        if not isinstance(target, Stream) or target.info.get("Subtype") != "Form":
            continue  # an image (its size is checked apart) or nothing: readers draw nothing for it
        if depth + 1 > MAX_FORM_DEPTH:
            raise _TooMuch(f"forms nested more than {MAX_FORM_DEPTH} deep (a certificate has no form)")
        own = _dictionary(target.info.get("Resources"), objects)
        _draw_out(target, own or resources, page_resources, depth + 1, objects, instructions, count)


def _xobject(resources: dict, name: str, objects: PdfObjects) -> object:
    names = _dictionary(resources.get("XObject"), objects)
    key = _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), name) if "#" in name else name
    return objects.resolve(names.get(key))


def _page_resources(page: dict, objects: PdfObjects) -> dict:
    """The page's resources, or those it inherits from the page tree."""
    node: object = page
    for _ in range(32):
        if not isinstance(node, dict):
            break
        resources = objects.resolve(node.get("Resources"))
        if isinstance(resources, dict):
            return resources
        node = objects.resolve(node.get("Parent"))
    return {}


def _dictionary(value: object, objects: PdfObjects) -> dict:
    value = objects.resolve(value)
    return value if isinstance(value, dict) else {}
