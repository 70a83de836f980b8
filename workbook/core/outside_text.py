"""Text that came from outside (a PC's name signed into a bundle, a learner's name, a file name, a
reason quoting a file) made safe to print on a terminal or show in a window as one plain line.

Such a string may carry terminal escapes (ESC, CSI, OSC: clear the line, move the cursor, hide what
follows), carriage returns and newlines that fake further lines, or bidi overrides that show letters
in another order than they are. `printable` turns each such character into a visible escape
(`\\x1b`, `\\n`, `\\u202e`), so what a person reads is what the string holds and the line it sits in
cannot be rewritten by it. Letters of every script stay as they are.
"""

from __future__ import annotations

import unicodedata

# Zero-width (non-)joiners are format characters that Persian, Indic and emoji spellings need; they
# cannot move text or the cursor, so they stay.
_KEPT_FORMAT = frozenset("\u200c\u200d")
# Categories turned into escapes: control characters (C0, DEL, C1 including CSI U+009B), format
# characters (bidi embeddings, overrides and isolates, marks, zero-width space, BOM), line and paragraph
# separators, and lone surrogates (a file name that is not valid UTF-8 decodes to them; printed raw,
# they would stop the command with an encoding error).
_ESCAPED_CATEGORIES = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs"))


def _visible(character: str) -> str:
    code = ord(character)
    if code < 0x100:
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(character, f"\\x{code:02x}")
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def needs_escape(character: str) -> bool:
    """A character that could change how the text around it reads (see the module docstring)."""
    return character not in _KEPT_FORMAT and unicodedata.category(character) in _ESCAPED_CATEGORIES


def printable(text: object) -> str:
    """`text` (anything: a str, a Path, an exception) as one line of printable characters, each
    control, format or bidi character replaced by its visible escape."""
    value = str(text)
    if value.isprintable() and value.isascii():  # the usual case, checked fast
        return value
    return "".join(_visible(character) if needs_escape(character) else character for character in value)
