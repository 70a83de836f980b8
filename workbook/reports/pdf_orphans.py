"""Objects nothing in the document refers to: no reader shows them, so they can carry any data (a
smuggled file, another page) inside a certificate that still looks genuine. A certificate the
workbook writes, and its re-saves by pypdf, qpdf and pdfium, reach every object they hold from the
trailer; the only others are the file's own bookkeeping (cross-reference and object streams, a
linearized file's parameters and hint stream), which are allowed.
"""

from __future__ import annotations

import bisect

from workbook.reports.pdf_objects import PdfObjects, Ref, Stream

MAX_NAMED = 3  # unreached objects named in the message; more are counted


def unreached_objects(objects: PdfObjects, trailers: list[dict]) -> list[str]:
    """A finding for the objects no reference from the `trailers` reaches (empty when there is none).
    The trailers are those the cross-reference chain reaches: a "trailer" written anywhere else (in
    an object's data) is no root."""
    reached = _reached(objects, trailers)
    spans = _stream_spans(objects)
    hint = _hint_stream_start(objects)
    unreached = []
    for start, ref in objects.headers:
        if ref is None or ref in reached or _inside(spans, start):
            continue  # an "N G obj" inside a stream's data is that stream's bytes, checked as such
        value = objects.objects.get(ref)
        if _bookkeeping(value, start, hint, objects, reached):
            continue
        unreached.append(ref)
    for packed in objects.packed.values():  # objects in an object stream have no header of their own
        unreached += [ref for ref in packed if ref not in reached]
    unreached = list(dict.fromkeys(unreached))
    if not unreached:
        return []
    named = ", ".join(f"{ref.number} {ref.generation}" for ref in unreached[:MAX_NAMED])
    more = f" and {len(unreached) - MAX_NAMED} more" if len(unreached) > MAX_NAMED else ""
    return [f"objects nothing in the document refers to, which can hold any hidden data "
            f"(object {named}{more})"]


def _reached(objects: PdfObjects, trailers: list[dict]) -> set[Ref]:
    """Every object reached from the trailers (classic or cross-reference streams), following
    references through dictionaries, arrays and stream dictionaries."""
    reached: set[Ref] = set()
    todo: list[object] = list(trailers)
    while todo:
        value = todo.pop()
        if isinstance(value, Ref):
            if value in reached:
                continue
            reached.add(value)
            value = objects.objects.get(value)
        if isinstance(value, Stream):
            value = value.info
        if isinstance(value, dict):
            todo.extend(value.values())
        elif isinstance(value, list):
            todo.extend(value)
    return reached


def _bookkeeping(value: object, start: int, hint: int | None, objects: PdfObjects, reached: set[Ref]) -> bool:
    """A cross-reference stream (chained from startxref: reports/pdf_structure.py checks that), an
    object stream holding reached objects, a linearized file's parameters, or its hint stream."""
    if isinstance(value, dict):
        return "Linearized" in value
    if not isinstance(value, Stream):
        return False
    kind = value.info.get("Type")
    if kind == "XRef":
        return True
    if kind == "ObjStm":
        return any(ref in reached for ref in objects.packed.get(id(value), ()))
    return hint is not None and start == hint


def _hint_stream_start(objects: PdfObjects) -> int | None:
    """Where a linearized file's hint stream starts (its parameters give the offset)."""
    for _, ref in objects.headers[:3]:
        value = objects.objects.get(ref) if ref is not None else None
        if isinstance(value, dict) and "Linearized" in value:
            hints = objects.resolve(value.get("H"))
            if isinstance(hints, list) and hints and type(hints[0]) is int:
                return hints[0]
    return None


def _stream_spans(objects: PdfObjects) -> list[tuple[int, int]]:
    spans = sorted((value.start, value.start + len(value.data)) for value in objects.objects.values()
                   if isinstance(value, Stream) and value.start >= 0)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    index = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= at < spans[index][1]
