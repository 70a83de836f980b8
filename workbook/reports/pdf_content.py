"""Drawing instructions (a page's contents, a form's, a pattern's) read token by token, and held to
the plain grammar every PDF reader reads alike: each instruction a standard operator with the
operands it takes, strings closed, nothing left over.

pdfium draws what it parses; other readers (poppler, MuPDF, pdf.js, Ghostscript) part from it where
the syntax is loose: an inline image (BI ... ID ... EI) whose data some scan byte by byte for "EI"
while pdfium skips it token by token, so text hidden in a string inside it is drawn by one and not
the other; BX/EX sections, unknown operators, malformed numbers, stray bytes. A certificate the
workbook draws holds none of these (reportlab writes plain operators; the logo is an image object,
not an inline image), so any of them is named and the file is refused.
"""

from __future__ import annotations

import re

from msgspec import Struct, field

# Operands each operator takes: n number, N name, s string, a array, d dictionary or name.
OPERATORS = {
    **dict.fromkeys(("q", "Q", "h", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "W", "W*", "BT",
                     "ET", "T*", "EMC"), ""),
    **dict.fromkeys(("w", "J", "j", "M", "i", "Tc", "Tw", "Tz", "TL", "Tr", "Ts", "G", "g"), "n"),
    **dict.fromkeys(("ri", "gs", "CS", "cs", "sh", "Do", "MP", "BMC"), "N"),
    **dict.fromkeys(("cm", "c", "Tm"), "nnnnnn"),
    **dict.fromkeys(("m", "l", "Td", "TD"), "nn"),
    **dict.fromkeys(("v", "y", "re", "K", "k"), "nnnn"),
    **dict.fromkeys(("RG", "rg"), "nnn"),
    **dict.fromkeys(("DP", "BDC"), "Nd"),
    "d": "an", "Tf": "Nn", "Tj": "s", "'": "s", '"': "nns", "TJ": "a",
}
COLOUR_OPERATORS = {"SC", "sc", "SCN", "scn"}  # 1 to 4 numbers; SCN and scn may end with a pattern's name
NEVER_IN_A_CERTIFICATE = {
    "BI": "an inline image (PDF readers find where its data ends in different ways)",
    "ID": "an inline image (PDF readers find where its data ends in different ways)",
    "EI": "an inline image (PDF readers find where its data ends in different ways)",
    "BX": "a compatibility section (BX/EX), where readers skip what they do not know",
    "EX": "a compatibility section (BX/EX), where readers skip what they do not know",
    "d0": "glyph drawing instructions outside a glyph", "d1": "glyph drawing instructions outside a glyph",
}
MAX_NESTING = 8  # arrays and dictionaries inside an operand (a certificate's are 1 deep)
_SPACE = re.compile(rb"[\t\n\x0c\r ]+")
_REGULAR = re.compile(rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]+")
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_STEP = re.compile(rb"[\t\n\x0c\r ]*(?:(?P<numbers>(?:[\t\n\x0c\r ]*[+-]?(?:\d+\.?\d*|\.\d+)"
                   rb"(?![^\x00\t\n\x0c\r ()<>\[\]{}/%]))+)|(?P<word>[^\x00\t\n\x0c\r ()<>\[\]{}/%]+))")
_A_NUMBER = ("n", None)
_ONLY_NUMBERS = {name.encode(): len(kinds) for name, kinds in OPERATORS.items() if kinds == "n" * len(kinds)}
_HEX = re.compile(rb"<[0-9A-Fa-f\t\n\x0c\r ]*>")
_STRING_PART = re.compile(rb"[^()\\\x00-\x1f\x7f]*")
_ESCAPE = re.compile(rb"\\(?:[nrtbf()\\]|[0-3][0-7]{0,2}|[4-7][0-7]?)")
_PRINTABLE = re.compile(rb"[\x21-\x7e]+")


class Instructions(Struct):
    """What a stream of drawing instructions does, for the drawing-work bound, or why it is refused."""

    operations: int = 0
    drawn: list[str] = field(default_factory=list)  # the names given to Do, in order
    problem: str = ""


def read_instructions(data: bytes) -> Instructions:
    """Read every instruction; `problem` names the first thing a certificate's never holds."""
    found = Instructions()
    try:
        _read(data, found)
    except _Refused as refused:
        found.problem = str(refused)
    return found


class _Refused(ValueError):
    pass


def _read(data: bytes, found: Instructions) -> None:
    operands: list[tuple[str, object]] = []  # (kind, value)
    stack: list[tuple[str, list]] = []  # open arrays and dictionaries: ("a" or "d", their items)
    pos, end = 0, len(data)
    while pos < end:
        step = _STEP.match(data, pos)  # most of a page: a run of numbers, or an operator (in one step)
        if step:
            pos = step.end()
            if step.lastgroup == "numbers":
                (stack[-1][1] if stack else operands).extend([_A_NUMBER] * len(step.group().split()))
                continue
            text = step.group("word")
            if not stack and _plain(text, operands, found):
                operands = []
                continue
            pos = step.start("word")  # anything else: read below, one token at a time
        space = _SPACE.match(data, pos)
        if space:
            pos = space.end()
            continue
        byte = data[pos:pos + 1]
        if byte == b"(":
            item, pos = ("s", None), _string_end(data, pos + 1)
        elif data.startswith(b"<<", pos):
            if len(stack) >= MAX_NESTING:
                raise _Refused("operands nested deeper than any certificate's")
            stack.append(("d", []))
            pos += 2
            continue
        elif byte == b"[":
            if len(stack) >= MAX_NESTING:
                raise _Refused("operands nested deeper than any certificate's")
            stack.append(("a", []))
            pos += 1
            continue
        elif data.startswith(b">>", pos) or byte == b"]":
            kind = "d" if byte == b">" else "a"
            if not stack or stack[-1][0] != kind:
                raise _Refused(f"an unmatched {'>>' if kind == 'd' else ']'}")
            items = stack.pop()[1]
            pos += 2 if kind == "d" else 1
            item = (kind, _operand_dictionary(items) if kind == "d" else items)
        elif byte == b"<":
            hex_string = _HEX.match(data, pos)
            if not hex_string:
                raise _Refused("a hexadecimal string holding other characters")
            item, pos = ("s", None), hex_string.end()
        elif byte == b"/":
            name = _REGULAR.match(data, pos + 1)
            text = name.group() if name else b""
            if not _PRINTABLE.fullmatch(text):
                raise _Refused("a name with unusual characters")
            item, pos = ("N", text.decode("ascii")), pos + 1 + len(text)
        else:
            token = _REGULAR.match(data, pos)
            if token is None:
                what = "a comment" if byte == b"%" else f"the byte {data[pos]:#04x}"
                raise _Refused(f"{what}, which a certificate's drawing instructions never hold")
            text, pos = token.group(), token.end()
            if _NUMBER.fullmatch(text):
                item = ("n", None)
            elif text in (b"true", b"false", b"null"):
                item = ("b", None)
            elif stack:
                raise _Refused(f"the word {_shown(text)} inside an operand")
            else:
                _operator(text, operands, found)
                operands = []
                continue
        if stack:
            stack[-1][1].append(item)
        else:
            operands.append(item)
    if stack or operands:
        raise _Refused("instructions that stop halfway (an operand without its operator)")


def _plain(token: bytes, operands: list[tuple[str, object]], found: Instructions) -> bool:
    """Count an operator taking only numbers, given just those (most of a page's); False for any other."""
    count = _ONLY_NUMBERS.get(token)
    if count is None or len(operands) != count or operands.count(_A_NUMBER) != count:
        return False
    found.operations += 1
    return True


def _operator(token: bytes, operands: list[tuple[str, object]], found: Instructions) -> None:
    name = token.decode("latin-1")
    if name in NEVER_IN_A_CERTIFICATE:
        raise _Refused(NEVER_IN_A_CERTIFICATE[name])
    kinds = "".join(kind for kind, _ in operands)
    wanted = OPERATORS.get(name)
    if wanted is None and name not in COLOUR_OPERATORS:
        raise _Refused(f"the unknown instruction {_shown(token)}")
    if name in COLOUR_OPERATORS:
        fits = re.fullmatch("n{1,4}" + ("N?" if name in ("SCN", "scn") else ""), kinds) is not None or \
            (name in ("SCN", "scn") and kinds == "N")
    elif wanted == "Nd":
        fits = kinds in ("NN", "Nd")
    else:
        fits = kinds == wanted
    if fits and name == "TJ":
        fits = all(kind in ("n", "s") for kind, _ in operands[0][1])  # type: ignore[union-attr]
    elif fits and name == "d":
        fits = all(kind == "n" for kind, _ in operands[0][1])  # type: ignore[union-attr]
    if not fits:
        raise _Refused(f"the instruction {name} with operands it does not take ({len(operands)} given)")
    found.operations += 1
    if name == "Do":
        found.drawn.append(str(operands[0][1]))


def _operand_dictionary(items: list[tuple[str, object]]) -> dict:
    keys = [value for kind, value in items[0::2]]
    if len(items) % 2 or any(kind != "N" for kind, _ in items[0::2]):
        raise _Refused("a dictionary operand that is not a list of names and values")
    if len(set(keys)) < len(keys):
        raise _Refused("a dictionary operand holding one key twice")
    return dict(zip(keys, items[1::2], strict=True))


def _string_end(data: bytes, pos: int) -> int:
    """Where a (string) starting just after its "(" ends: balanced parentheses, escapes a
    certificate's strings use (reportlab's), nothing readers might read differently."""
    depth, end = 1, len(data)
    while True:
        pos = _STRING_PART.match(data, pos).end()
        if pos >= end:
            raise _Refused("a string that never closes")
        mark = data[pos:pos + 1]
        if mark == b"\\":
            escape = _ESCAPE.match(data, pos)
            if escape is None:
                raise _Refused("a string with an escape a certificate never uses")
            pos = escape.end()
        elif mark not in (b"(", b")"):  # a line break in a string: readers keep or change it
            raise _Refused("a string holding control characters unescaped")
        elif mark == b"(":
            depth, pos = depth + 1, pos + 1
        else:
            depth, pos = depth - 1, pos + 1
            if depth == 0:
                return pos


def _shown(token: bytes) -> str:
    text = token[:20].decode("latin-1")
    return f"'{''.join(c if c.isprintable() else '?' for c in text)}{'…' if len(token) > 20 else ''}'"
