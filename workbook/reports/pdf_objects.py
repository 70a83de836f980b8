"""Every object a PDF file holds, read straight from its bytes, so verification can list what the
file contains and not only what pdfium chooses to draw (layers, scripts, forms, attached files).

pdfium has no API for a file's dictionaries, and pypdf is a test-only tool, so this is a small
reader of its own: names are normalised (#xx escapes decoded), object streams are unpacked, and
every "N G obj" header in the file is read, wherever it sits, so an object cannot hide from the
check behind a false stream length. It reads only what verification needs (dictionaries, arrays,
names, numbers and stream data) and stops at a budget no certificate comes near, so a hostile
file cannot make it slow or large: every byte it looks at (a token, a string, stream data it copies)
counts against a few times the file's size, so the work grows in step with the file however its
objects overlap (a string that never closes, read again after every "obj" inside it, stops there).
A dictionary holding one key twice is noted: readers keep different ones of the two.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import re
import zlib
from collections import Counter

from msgspec import Struct, field

MAX_TOKENS = 400_000  # a certificate's objects are ~15,000 tokens
MAX_UNPACKED = 16 * 1024 * 1024  # all its streams but images unpack to ~0.5 MB
MAX_DEPTH = 64  # a certificate nests dictionaries and arrays 4 deep
SCAN_FACTOR = 4  # bytes looked at per byte of the file (or of an object stream): a certificate needs ~1.2
SCAN_SLACK = 256 * 1024

_WHITE = b"\x00\t\n\x0c\r "
_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"
_TOKEN = re.compile(rb"[\x00\t\n\x0c\r ]+|%[^\r\n]*|/" + _REGULAR + rb"*|<<|>>|<[^<>]*>|[\[\](){}]|"
                    + _REGULAR + rb"+|.", re.S)
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_NUMBERS = re.compile(rb"(?:[\x00\t\n\x0c\r ]*[+-]?(?:\d+\.?\d*|\.\d+)(?!" + _REGULAR + rb"))+")
_HEADER = re.compile(rb"(?<![0-9])(\d{1,10})[\x00\t\n\x0c\r ]+(\d{1,5})[\x00\t\n\x0c\r ]+\Z")
_REGULAR_BYTE = re.compile(_REGULAR)
_STRING_MARKS = re.compile(rb"[()\\]")
_SPACES = re.compile(rb"[\x00\t\n\x0c\r ]*")
_ESCAPE = re.compile(r"#([0-9A-Fa-f]{2})")
FLATE = ("FlateDecode", "Fl")
ASCII85 = ("ASCII85Decode", "A85")
ASCII_HEX = ("ASCIIHexDecode", "AHx")


class Name(str):
    """A PDF name, without its slash and with #xx escapes decoded."""


class Ref(Struct, frozen=True):
    number: int
    generation: int


class Stream(Struct):
    """A stream's dictionary and its data as stored (still filtered)."""

    info: dict
    data: bytes
    start: int = -1  # where its data starts in the file


class Budget(ValueError):
    """The file holds more than any certificate comes near: reading it stops."""


class PdfObjects(Struct):
    """What a file holds: every object by number (the last one written wins, as in an update),
    every value ever written (older versions too), the trailers, and what could not be read."""

    objects: dict[Ref, object] = field(default_factory=dict)
    values: list[object] = field(default_factory=list)
    trailers: list[dict] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # e.g. "an object stream packed with LZWDecode"
    unpacked: int = 0  # bytes of Flate data unpacked so far
    tokens: int = 0
    scanned: int = 0  # bytes looked at so far (tokens, strings, stream data copied)
    scan_limit: int = SCAN_SLACK
    duplicates: list[str] = field(default_factory=list)  # keys some dictionary holds twice
    headers: list[tuple[int, Ref | None]] = field(default_factory=list)  # where each "obj" header starts
    ends: list[int] = field(default_factory=list)  # where each "endstream" keyword starts
    packed: dict[int, list[Ref]] = field(default_factory=dict)  # an object stream's id: the objects it holds
    decoded: dict[int, tuple[Stream, bytes | None]] = field(default_factory=dict)  # id(stream): it, unpacked

    def scan(self, count: int) -> None:
        """Count `count` more bytes looked at; raises Budget past the file's allowance."""
        self.scanned += count
        if self.scanned > self.scan_limit:
            raise Budget("objects inside other objects, which would be read over and over")

    def resolve(self, value: object) -> object:
        """A reference's object (None for a missing one); any other value as it is."""
        for _ in range(8):
            if not isinstance(value, Ref):
                return value
            value = self.objects.get(value)
        return None


def read_objects(raw: bytes, found: PdfObjects | None = None) -> PdfObjects:
    """All objects of a PDF file (into `found` when given, so the work done can be read after a
    Budget). Raises Budget for a file far larger than a certificate."""
    found = found if found is not None else PdfObjects()
    found.scan_limit += SCAN_FACTOR * len(raw)
    found.ends = [match.start() for match in re.finditer(rb"endstream", raw)]
    for start, end, ref in _headers(raw):
        found.headers.append((start, ref))
        value, after = _parse(raw, end, found)
        if isinstance(value, dict):
            value = _stream_after(raw, after, value, found) or value
        if ref is not None:
            found.objects[ref] = value
        found.values.append(value)
    for value in found.values:  # a length given by reference is known now
        if isinstance(value, Stream) and isinstance(value.info.get("Length"), Ref):
            _cut(raw, value, found.resolve(value.info["Length"]), found)
    at = raw.find(b"trailer")
    while at >= 0:
        value, _ = _parse(raw, at + 7, found)
        if isinstance(value, dict):
            found.trailers.append(value)
        at = raw.find(b"trailer", at + 7)
    for value in list(found.values):
        if isinstance(value, Stream):
            if value.info.get("Type") == "XRef":
                found.trailers.append(value.info)
            elif value.info.get("Type") == "ObjStm":
                _read_object_stream(value, found)
    return found


def _headers(raw: bytes) -> list[tuple[int, int, Ref | None]]:
    """Where each object's header starts and its "obj" keyword ends, with the object's number when
    a plain "N G" header precedes it. Every "obj" in the file is looked at, inside stream data too,
    and an object whose header pdfium would read but this cannot (a comment inside it) is still
    read, without its number."""
    found = []
    at = raw.find(b"obj")
    while at >= 0:
        end = at + 3
        if not _REGULAR_BYTE.match(raw, end) and (at == 0 or not _REGULAR_BYTE.match(raw, at - 1)):
            match = _HEADER.search(raw, max(0, at - 24), at)
            ref = Ref(int(match.group(1)), int(match.group(2))) if match else None
            found.append((match.start(1) if match else at, end, ref))
        at = raw.find(b"obj", end)
    return found


def filters(info: dict, objects: PdfObjects | None = None) -> list[str]:
    """A stream's filter names, first applied first."""
    value = objects.resolve(info.get("Filter")) if objects else info.get("Filter")
    items = value if isinstance(value, list) else [value] if value is not None else []
    return [str(item) if isinstance(item, Name) else "?" for item in items]


def unpack(stream: Stream, objects: PdfObjects) -> bytes | None:
    """A stream's data with its filters undone, for the filters a certificate's streams use (Flate,
    ASCII85, ASCIIHex, chained or not); None when packed some other way (another filter, a
    predictor) or damaged. Each stream is unpacked once per file, however many checks read it, and
    every byte unpacked counts against the file's budget once."""
    # Keyed by id() and holding the stream itself: while its entry lives, no other stream (a
    # temporary one, as `pdf_xref` makes to read a predictor's rows) can be given the same id and be
    # handed this one's data (which, with the memory layout of some runs, made a genuine re-saved
    # certificate's cross-reference stream unreadable: "tampered").
    entry = objects.decoded.get(id(stream))
    if entry is None or entry[0] is not stream:
        entry = objects.decoded[id(stream)] = (stream, _unpacked(stream, objects))
    return entry[1]


def _unpacked(stream: Stream, objects: PdfObjects) -> bytes | None:
    data = stream.data
    names = filters(stream.info, objects)
    parameters = objects.resolve(stream.info.get("DecodeParms"))
    for index, name in enumerate(names):
        given = parameters[index] if isinstance(parameters, list) and index < len(parameters) else parameters
        given = objects.resolve(given)
        if isinstance(given, dict) and objects.resolve(given.get("Predictor")) not in (None, 1):
            return None
        try:
            if name in ASCII85:
                data = base64.a85decode(data.strip(_WHITE).removesuffix(b"~>"), ignorechars=_WHITE)
            elif name in ASCII_HEX:
                digits = re.sub(rb"[^0-9A-Fa-f]", b"", data.split(b">", 1)[0])
                data = binascii.unhexlify(digits + b"0" * (len(digits) % 2))
            elif name in FLATE:
                data = zlib.decompressobj().decompress(data, MAX_UNPACKED - objects.unpacked + 1)
            else:
                return None
        except (ValueError, binascii.Error, zlib.error):
            return None
        objects.unpacked += len(data)
        if objects.unpacked > MAX_UNPACKED:
            raise Budget(f"its streams unpack to more than {MAX_UNPACKED // (1024 * 1024)} MB")
    return data


def _read_object_stream(stream: Stream, found: PdfObjects) -> None:
    data = unpack(stream, found)
    if data is None:
        found.unreadable.append("an object stream the check cannot unpack "
                                f"({', '.join(filters(stream.info, found)) or 'damaged'})")
        return
    first = found.resolve(stream.info.get("First"))
    count = found.resolve(stream.info.get("N"))
    if not isinstance(first, int) or not isinstance(count, int) or not 0 <= first <= len(data):
        found.unreadable.append("an object stream without a readable index")
        return
    found.scan_limit += SCAN_FACTOR * len(data)
    numbers = [int(number) for number in re.findall(rb"\d{1,12}", data[:first])]
    packed = found.packed.setdefault(id(stream), [])
    for index in range(0, min(len(numbers) - 1, 2 * count), 2):
        value, _ = _parse(data, first + numbers[index + 1], found)
        packed.append(Ref(numbers[index], 0))
        found.objects.setdefault(Ref(numbers[index], 0), value)
        found.values.append(value)


def _stream_after(raw: bytes, pos: int, info: dict, found: PdfObjects) -> Stream | None:
    """The stream whose dictionary ends at `pos`, if "stream" follows it."""
    start = pos
    pos = _SPACES.match(raw, pos, min(len(raw), pos + found.scan_limit - found.scanned + 1)).end()
    found.scan(pos - start)
    if not raw.startswith(b"stream", pos):
        return None
    start = pos + 6
    start += 2 if raw.startswith(b"\r\n", start) else 1 if raw[start:start + 1] in (b"\n", b"\r") else 0
    stream = Stream(info, b"", start)
    _cut(raw, stream, info.get("Length"), found)
    return stream


def _cut(raw: bytes, stream: Stream, length: object, found: PdfObjects) -> None:
    """The stream's data: `length` bytes when "endstream" follows them (as pdfium reads it), else up
    to the next "endstream"."""
    start = stream.start
    if type(length) is int and 0 <= length <= len(raw) - start and \
            raw[start + length:start + length + 12].strip(_WHITE).startswith(b"endstream"):
        found.scan(length)
        stream.data = raw[start:start + length]
        return
    after = bisect.bisect_left(found.ends, start)  # the next "endstream", found once for the whole file
    end = found.ends[after] if after < len(found.ends) else len(raw)
    found.scan(end - start)
    stream.data = raw[start:end].rstrip(b"\r\n")


def _parse(data: bytes, pos: int, found: PdfObjects) -> tuple[object, int]:
    """One value starting at `pos` (a dictionary, array, name, number, string or keyword) and
    where it ends; None for what cannot be read. Nesting is tracked in a list, not by recursion.
    Every byte it reads counts against the file's allowance (found.scan)."""
    start = pos
    end = min(len(data), pos + found.scan_limit - found.scanned + 1)
    try:
        value, pos = _parse_within(data, pos, end, found)
    finally:
        found.scan(pos - start)
    return value, pos


def _parse_within(data: bytes, pos: int, end: int, found: PdfObjects) -> tuple[object, int]:
    stack: list[tuple[bool, list]] = []  # (is a dictionary, its items)
    while pos < end:
        found.tokens += 1
        if found.tokens > MAX_TOKENS:
            raise Budget("it holds far more objects than a certificate")
        if stack:  # a run of numbers (widths, a box, a matrix) in one step: most of a file's tokens
            run = _NUMBERS.match(data, pos, end)
            if run:
                numbers = run.group().split()
                found.tokens += len(numbers)
                stack[-1][1].extend(_number(number) for number in numbers)
                pos = run.end()
                continue
        match = _TOKEN.match(data, pos, end)
        assert match is not None  # the pattern's last branch takes any one byte
        token, pos = match.group(), match.end()
        first = token[:1]
        if first in _WHITE or first == b"%":
            continue
        if token in (b"<<", b"["):
            if len(stack) >= MAX_DEPTH:
                found.unreadable.append("objects nested deeper than any certificate's")
                return None, pos
            stack.append((token == b"<<", []))
            continue
        if token == b"R" and stack and _two_numbers(stack[-1][1]):
            items = stack[-1][1]
            items[-2:] = [Ref(items[-2], items[-1])]
            continue
        if token in (b">>", b"]"):
            if not stack:
                return None, pos
            is_dict, items = stack.pop()
            value: object = _dictionary(items, found) if is_dict else items
        elif first == b"(":
            value, pos = _literal(data, pos, end)
        elif first == b"<":
            value = token[1:-1]
        elif first == b"/":
            value = _name(token[1:])
        elif _NUMBER.fullmatch(token):
            value = _number(token)
        else:
            value = {b"true": True, b"false": False, b"null": None}.get(token, token)
            if not stack and token in (b"endobj", b"stream", b"obj", b"R"):
                return None, pos
        if not stack:
            return value, pos
        stack[-1][1].append(value)
    return None, pos


def parse_value(data: bytes, pos: int, found: PdfObjects) -> object:
    """The value starting at `pos` (None when none can be read there)."""
    return _parse(data, pos, found)[0]


def _number(token: bytes) -> int | float:
    return float(token) if b"." in token or len(token) > 18 else int(token)


def _two_numbers(items: list) -> bool:
    return len(items) >= 2 and all(type(item) is int for item in items[-2:])


def _dictionary(items: list, found: PdfObjects) -> dict:
    keys = [items[index] for index in range(0, len(items) - 1, 2) if isinstance(items[index], Name)]
    if len(set(keys)) < len(keys):  # readers keep the first (Ghostscript) or the last (pdfium) of the two
        found.duplicates += [key for key, count in Counter(keys).items() if count > 1]
    return {items[index]: items[index + 1] for index in range(0, len(items) - 1, 2)
            if isinstance(items[index], Name)}


def _name(raw: bytes) -> Name:
    text = raw.decode("latin-1")
    return Name(_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text) if "#" in text else text)


def _literal(data: bytes, pos: int, end: int) -> tuple[bytes, int]:
    """A (string) starting just after its "(", balanced parentheses and escapes kept raw; read no
    further than `end`."""
    start, depth = pos, 1
    while True:
        match = _STRING_MARKS.search(data, pos, end)
        if match is None:
            return data[start:end], end
        pos = match.end()
        mark = match.group()
        if mark == b"\\":
            pos += 1
        elif mark == b"(":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return data[start:pos - 1], pos
