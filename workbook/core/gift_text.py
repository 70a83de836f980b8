"""The text of a GIFT file: escapes, format markers and HTML, and where a piece sits in the file.

GIFT escapes its syntax characters with a backslash (`\\:`, `\\{`, `\\n` ...). `GiftCodec` swaps each
escape for a code point absent from the file before the parser splits anything, and each piece it
hands back (`formatted`, `plain`) has them undone, its format marker read and its HTML tags removed.
"""

from __future__ import annotations

import html
import re

from msgspec import Struct

from workbook.core.gift_syntax import FORMAT_MARK

_ESCAPABLE = {":": ":", "#": "#", "=": "=", "{": "{", "}": "}", "~": "~", "n": "\n", ">": ">"}
_TAG_BREAK = re.compile(r"<br\s*/?>|</p\s*>|</div\s*>|</li\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
# What pydantic strips from texts (Unicode White_Space); Python's str.strip() also eats \x1c-\x1f.
WS = ("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
      "\u200a\u2028\u2029\u202f\u205f\u3000")


class GiftCodec:
    """Escaped characters become code points absent from the input, as Moodle does with its
    `&&058;` placeholders, so splitting on `~ = # { } ::` never sees them; the pieces cut from the
    encoded text come back through `formatted` or `plain` with the escapes undone."""

    def __init__(self, text: str) -> None:
        present = set(text)
        free = (chr(code) for code in range(0x10FFFD, 0xFFFF, -1) if chr(code) not in present)
        self.encode_map = {key: next(free) for key in _ESCAPABLE}
        self.decode_map = {ph: _ESCAPABLE[key] for key, ph in self.encode_map.items()}
        self._pattern = re.compile(r"\\(.)", re.DOTALL)
        self._decode_table = str.maketrans(self.decode_map)

    def encode(self, line: str) -> str:
        def replace(match: re.Match) -> str:
            char = match.group(1)
            if char == "\\":
                return "\\"
            return self.encode_map.get(char, match.group(0))

        return self._pattern.sub(replace, line)

    def decode(self, text: str) -> str:
        return text.translate(self._decode_table)

    def formatted(self, piece: str, default: str = "moodle") -> tuple[str, str]:
        """(text, format) of one piece: format marker stripped, html tags removed, escapes undone."""
        piece = piece.strip(WS)
        fmt = default
        match = FORMAT_MARK.match(piece)
        if match:
            fmt = match.group(1)
            piece = piece[match.end():]
        if fmt == "html":
            piece = " ".join(part.strip(WS) for part in piece.split("\n"))
            piece = _TAG_BREAK.sub("\n", piece)
            piece = html.unescape(_TAG.sub("", piece))
            piece = "\n".join(part.strip(WS) for part in piece.split("\n"))
            return self.decode(piece).strip(WS), fmt
        return self.plain(piece), fmt

    def plain(self, piece: str) -> str:
        joined = " ".join(part.strip(WS) for part in piece.split("\n") if part.strip(WS))
        return self.decode(joined).strip(WS)


class Block(Struct):
    """One question's text with comments blanked out, and where it sits in the file."""

    text: str
    first_line: int

    def line_of(self, offset: int) -> int:
        return self.first_line + self.text.count("\n", 0, max(0, offset))


def short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."
