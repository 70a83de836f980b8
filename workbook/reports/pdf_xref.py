"""The cross-reference table must say where each object is, as written. When it does not (a wrong
offset, a missing table), every reader rebuilds the table its own way, and where the file defines
an object twice one may keep the first and another the last: a page only some readers show. The
workbook's certificates and their re-saves by pypdf, qpdf and pdfium always have a correct table.
"""

from __future__ import annotations

import re

from workbook.reports.pdf_objects import PdfObjects, Ref, Stream, parse_value, unpack

BROKEN = ("a cross-reference table that does not say where the objects are (readers rebuild it, each their "
          "own way)")
_START = re.compile(rb"startxref[\x00\t\n\x0c\r ]+(\d{1,10})")
_SUBSECTION = re.compile(rb"[\x00\t\n\x0c\r ]*(\d{1,10})[ ]+(\d{1,10})[ \t]*\r?\n")
_ROW = re.compile(rb"(\d{10}) (\d{5}) ([nf])[ \r\n]{2}")
_HEADER = re.compile(rb"(\d{1,10})[\x00\t\n\x0c\r ]+(\d{1,5})[\x00\t\n\x0c\r ]+obj"
                     rb"(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])")
_OBJECT_AT = re.compile(rb"[\x00\t\n\x0c\r ]*(\d{1,10})[\x00\t\n\x0c\r ]+(\d{1,5})[\x00\t\n\x0c\r ]+obj")
MAX_SECTIONS = 100
MAX_ENTRIES = 100_000


def xref_chain(raw: bytes, objects: PdfObjects) -> list[dict] | None:
    """The trailers of the chain of sections from the last startxref, newest first; None when a
    section cannot be read or lists an object where it is not."""
    start = _START.search(raw, max(0, raw.rfind(b"startxref")))
    at = int(start.group(1)) if start else -1
    seen: set[int] = set()
    trailers = []
    while at is not None:
        if not 0 <= at < len(raw) or at in seen or len(seen) >= MAX_SECTIONS:
            return None
        seen.add(at)
        classic = raw[at:at + 4] == b"xref"
        section = _classic(raw, at, objects) if classic else _stream(raw, at, objects)
        if section is None:
            return None
        entries, trailer = section
        if any(not _object_at(raw, offset, number, generation) for number, generation, offset in entries):
            return None
        trailers.append(trailer)
        following = trailer.get("Prev")
        at = following if type(following) is int else None
    return trailers


def _object_at(raw: bytes, offset: int, number: int, generation: int) -> bool:
    match = _HEADER.match(raw, offset) if 0 <= offset < len(raw) else None
    return match is not None and int(match.group(1)) == number and int(match.group(2)) == generation


def _classic(raw: bytes, at: int, objects: PdfObjects) -> tuple[list[tuple[int, int, int]], dict] | None:
    """The in-use entries of a classic table at `at` (number, generation, offset), and its trailer."""
    pos = at + 4
    entries = []
    while True:
        subsection = _SUBSECTION.match(raw, pos)
        if subsection is None:
            break
        first, count = int(subsection.group(1)), int(subsection.group(2))
        pos = subsection.end()
        if len(entries) + count > MAX_ENTRIES:
            return None
        for index in range(count):
            row = _ROW.match(raw, pos)
            if row is None:
                return None
            if row.group(3) == b"n":
                entries.append((first + index, int(row.group(2)), int(row.group(1))))
            pos = row.end()
    trailer = re.match(rb"[\x00\t\n\x0c\r ]*trailer", raw[pos:pos + 64])
    if trailer is None:
        return None
    info = parse_value(raw, pos + trailer.end(), objects)
    return (entries, info) if isinstance(info, dict) else None


def _stream(raw: bytes, at: int, objects: PdfObjects) -> tuple[list[tuple[int, int, int]], dict] | None:
    """The entries of a cross-reference stream at `at` that give an offset, and its dictionary."""
    header = _OBJECT_AT.match(raw, at)
    if header is None:
        return None
    stream = objects.objects.get(Ref(int(header.group(1)), int(header.group(2))))
    if not isinstance(stream, Stream) or stream.info.get("Type") != "XRef":
        return None
    info = stream.info
    widths, size = info.get("W"), info.get("Size")
    index = info.get("Index", [0, size])
    fits = isinstance(widths, list) and len(widths) == 3 and all(type(w) is int and 0 <= w < 9
                                                                  for w in widths)
    if not (fits and isinstance(index, list) and len(index) % 2 == 0 and all(type(i) is int for i in index)):
        return None
    data = _rows(stream, objects, sum(widths))
    if data is None:
        return None
    numbers = [number for first, count in zip(index[0::2], index[1::2], strict=True)
               for number in range(first, first + min(count, MAX_ENTRIES))][:MAX_ENTRIES]
    row_size, entries = sum(widths), []
    for row, number in enumerate(numbers):
        fields, pos = [], row * row_size
        if pos + row_size > len(data):
            return None
        for width in widths:
            fields.append(int.from_bytes(data[pos:pos + width], "big"))
            pos += width
        kind = fields[0] if widths[0] else 1
        if kind == 1:
            entries.append((number, fields[2], fields[1]))
    return entries, info


def _rows(stream: Stream, objects: PdfObjects, row_size: int) -> bytes | None:
    """The stream's rows, with a PNG predictor (as qpdf writes it) undone."""
    parameters = objects.resolve(stream.info.get("DecodeParms"))
    plain = Stream({key: value for key, value in stream.info.items() if key != "DecodeParms"}, stream.data)
    data = unpack(plain, objects)
    if data is None or not isinstance(parameters, dict) or parameters.get("Predictor") in (None, 1):
        return data
    if not isinstance(parameters.get("Predictor"), int) or parameters["Predictor"] < 10 or \
            parameters.get("Columns", 1) != row_size:
        return None
    rows, previous = [], bytearray(row_size)
    for pos in range(0, len(data) - row_size, row_size + 1):
        kind, row = data[pos], bytearray(data[pos + 1:pos + 1 + row_size])
        if kind == 2:
            row = bytearray((a + b) & 0xFF for a, b in zip(row, previous, strict=True))
        elif kind != 0:
            return None  # qpdf writes "up" rows; any other kind is not a re-save's
        rows.append(bytes(row))
        previous = row
    return b"".join(rows)
