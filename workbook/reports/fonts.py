"""Text in any of the scripts a learner's name may use, drawn with reportlab and the bundled fonts.

reportlab has no glyph fallback: a string drawn in one font prints boxes for every character that
font lacks. So a string is cut into runs by script, each run gets the first font of a chain that
has all its characters, Arabic and Devanagari runs are shaped with HarfBuzz (joined letters,
conjuncts and matras). The line is put in visual order by python-bidi (the full Unicode
bidirectional algorithm: numbers, separators and brackets inside right-to-left text) before it is cut
into runs; a right-to-left run is handed back to HarfBuzz in reading order, which shapes and reverses
it. Each font is registered on first use, not on import, so the app starts without them and a
Latin-only page never reads the CJK face.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Literal

import uharfbuzz
from bidi import get_base_level, get_display
from bidi.algorithm import MIRRORED
from msgspec import Struct
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.pdfgen.canvas import Canvas

from workbook.reports.font_faces import (  # noqa: F401 (names other modules read from here)
    ARABIC,
    CJK,
    DEVANAGARI_SANS,
    DEVANAGARI_SERIF,
    FONT_DIR,
    FONT_FILES,
    IGNORABLE,
    SANS,
    SANS_BOLD,
    SERIF,
    SERIF_BOLD,
    SHAPED_FONTS,
    SYMBOLS,
    covers,
    face,
    loaded_faces,
    register_fonts,
    surely_lacks,
)

Style = Literal["serif", "serif-bold", "sans", "sans-bold"]
Align = Literal["left", "centre", "right"]

# Tried in order for each run: the style's own face first, then one face per script.
CHAINS: dict[str, tuple[str, ...]] = {
    "serif": (SERIF, ARABIC, DEVANAGARI_SERIF, CJK, SYMBOLS),
    "serif-bold": (SERIF_BOLD, SERIF, ARABIC, DEVANAGARI_SERIF, CJK, SYMBOLS),
    "sans": (SANS, ARABIC, DEVANAGARI_SANS, CJK, SYMBOLS),
    "sans-bold": (SANS_BOLD, SANS, ARABIC, DEVANAGARI_SANS, CJK, SYMBOLS),
}

# Script kinds: the ones that matter for choosing a font, shaping, or direction. Anything else
# alphabetic is "letter" (Latin, Cyrillic, Greek...), and the chain finds a face for it.
_RANGES: list[tuple[int, int, str]] = sorted([
    (0x0590, 0x05FF, "hebrew"), (0xFB1D, 0xFB4F, "hebrew"),
    (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"), (0x0870, 0x08FF, "arabic"),
    (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"), (0xA8E0, 0xA8FF, "devanagari"), (0x1CD0, 0x1CFF, "devanagari"),
    (0x0980, 0x0DFF, "indic"), (0x0E00, 0x0EFF, "indic"), (0x1000, 0x109F, "indic"),
    (0x1780, 0x17FF, "indic"),
    (0x1100, 0x11FF, "cjk"), (0x2E80, 0x2FFF, "cjk"), (0x3000, 0x303F, "cjk"), (0x3040, 0x31FF, "cjk"),
    (0x3200, 0x4DBF, "cjk"), (0x4E00, 0x9FFF, "cjk"), (0xA960, 0xA97F, "cjk"), (0xAC00, 0xD7FF, "cjk"),
    (0xF900, 0xFAFF, "cjk"), (0xFE30, 0xFE4F, "cjk"), (0xFF00, 0xFFEF, "cjk"), (0x20000, 0x3FFFF, "cjk"),
])
_STARTS = [start for start, _, _ in _RANGES]
_RTL = frozenset({"arabic", "hebrew"})
_SHAPE = frozenset({"arabic", "hebrew", "devanagari", "indic"})
# Certificates are verified by drawing them again. Those issued before python-bidi (layouts 1-3)
# put whole runs in order by the workbook's first, partial rules; they are redrawn that way alone.
_legacy_order: ContextVar[bool] = ContextVar("legacy_order", default=False)


@contextmanager
def legacy_run_order(enabled: bool = True) -> Iterator[None]:
    """Within the block, draw lines as certificate layouts 1-3 did (only to redraw those)."""
    token = _legacy_order.set(enabled)
    try:
        yield
    finally:
        _legacy_order.reset(token)


def _kind(ch: str) -> str:
    code = ord(ch)
    i = bisect_right(_STARTS, code) - 1
    if i >= 0 and code <= _RANGES[i][1]:
        kind = _RANGES[i][2]
        category = unicodedata.category(ch)
        if kind in _RTL and category == "Nd":
            return "digit"  # Arabic-Indic digits run left to right like any number
        if category[0] == "M" and kind not in _SHAPE:
            return "mark"
        return kind
    if code in IGNORABLE:
        return "mark"
    category = unicodedata.category(ch)
    if category[0] == "L":
        return "letter"
    if category[0] == "M":
        return "mark"
    if category == "Nd":
        return "digit"
    return "neutral"


def _rtl_paragraph(text: str) -> bool:
    """The line's direction, from its first strong letter (Unicode bidi rules P2-P3)."""
    return bool(text.strip()) and get_base_level(text) == 1


def _resolve_kinds(text: str, rtl_paragraph: bool) -> list[str]:
    """One kind per character: marks follow their base, neutrals (spaces, punctuation) join a side.

    Only groups characters into runs for fonts and shaping; where each character is drawn is the
    bidi algorithm's job (python-bidi), not this one's.
    """
    kinds = [_kind(ch) for ch in text]
    for i, kind in enumerate(kinds):
        if kind == "mark":
            kinds[i] = kinds[i - 1] if i else "neutral"
    kinds = ["letter" if k == "digit" else k for k in kinds]
    i, n = 0, len(kinds)
    while i < n:
        if kinds[i] != "neutral":
            i += 1
            continue
        j = i
        while j < n and kinds[j] == "neutral":
            j += 1
        before = kinds[i - 1] if i else None
        after = kinds[j] if j < n else None
        if before is None or after is None:
            side = before or after or "letter"
        elif before == after or (before in _RTL) == (after in _RTL):
            side = before
        else:  # between a right-to-left and a left-to-right run: the paragraph's direction wins
            side = before if (before in _RTL) == rtl_paragraph else after
        kinds[i:j] = [side] * (j - i)
        i = j
    return kinds


def _font_for_char(ch: str, preferred: str, chain: tuple[str, ...]) -> str:
    fonts = loaded_faces
    code = ord(ch)
    if fonts[preferred].face.charToGlyph.get(code, 0) or code in IGNORABLE:
        return preferred
    for name in chain:
        if not surely_lacks(name, code) and fonts[name].face.charToGlyph.get(code, 0):
            return name
    return preferred  # nothing has it: the preferred face's box is the least surprising


class Run(Struct, frozen=True):
    """A stretch of text in one font and one kind of script, in logical (reading) order."""

    text: str
    font: str
    kind: str

    @property
    def rtl(self) -> bool:
        return self.kind in _RTL


def _by_kind(text: str, kinds: list[str]) -> list[tuple[str, str]]:
    """Cut text into (chunk, kind) stretches of one kind each."""
    stretches = []
    i, n = 0, len(text)
    while i < n:
        j = i
        while j < n and kinds[j] == kinds[i]:
            j += 1
        stretches.append((text[i:j], kinds[i]))
        i = j
    return stretches


def _by_font(chunk: str, kind: str, chain: tuple[str, ...]) -> list[Run]:
    """One chunk of a single kind, in reading order, cut where the font that can draw it changes."""
    letters = "".join(ch for ch in chunk if _kind(ch) != "neutral")
    preferred = next((name for name in chain if covers(name, letters or chunk)), chain[0])
    fonts = [_font_for_char(ch, preferred, chain) for ch in chunk]
    result, start = [], 0
    for k in range(1, len(chunk) + 1):
        if k == len(chunk) or fonts[k] != fonts[start]:
            result.append(Run(chunk[start:k], fonts[start], kind))
            start = k
    return result


@lru_cache(maxsize=4096)
def runs(text: str, style: Style = "sans") -> tuple[Run, ...]:
    """Split text into runs in reading order, each with the first font of the style's chain that
    can draw it."""
    chain = CHAINS[style]
    kinds = _resolve_kinds(text, _rtl_paragraph(text))
    return tuple(run for chunk, kind in _by_kind(text, kinds) for run in _by_font(chunk, kind, chain))


def _mirror_reversed_brackets(visual: str, kinds: list[str]) -> str:
    """Rule L4 for brackets outside right-to-left runs, which python-bidi's reordering leaves out.

    A pair that shows its closing bracket first was reversed, so it sits at a right-to-left level
    and each bracket shows its mirror image. Brackets inside right-to-left runs are mirrored later,
    by HarfBuzz or when the run is reversed for drawing.
    """
    chars, closing = list(visual), []
    for j, ch in enumerate(chars):
        category = unicodedata.category(ch)
        if category == "Pe" and ch in MIRRORED:
            closing.append(j)
        elif category == "Ps" and ch in MIRRORED:
            k = next((k for k in range(len(closing) - 1, -1, -1) if MIRRORED[chars[closing[k]]] == ch), None)
            if k is not None:
                for index in (closing[k], j):
                    if kinds[index] not in _RTL:
                        chars[index] = MIRRORED[chars[index]]
                del closing[k:]
    return "".join(chars)


def _visual_runs(text: str, style: Style) -> list[Run]:
    """The runs of the line left to right as drawn; each run's own text stays in reading order."""
    chain = CHAINS[style]
    visual = get_display(text) if text.strip() else text
    kinds = _resolve_kinds(visual, _rtl_paragraph(text))
    visual = _mirror_reversed_brackets(visual, kinds)
    result: list[Run] = []
    for chunk, kind in _by_kind(visual, kinds):
        if kind in _RTL:  # reversed by the bidi algorithm: back to reading order for shaping
            result += reversed(_by_font(chunk[::-1], kind, chain))
        else:
            result += _by_font(chunk, kind, chain)
    return result


class _Piece(Struct, frozen=True):
    text: str  # a ShapedStr for shaped runs: glyphs already in visual order
    font: str
    em: float  # advance width at a font size of 1 point
    shaped: bool


@lru_cache(maxsize=4096)
def _shape(text: str, font: str) -> tuple[str, float, bool]:
    """HarfBuzz-shape one run: returns the glyph string, its width at 1 pt, and whether it changed."""
    shaped = shapeStr(text, font, 1000)
    if isinstance(shaped, ShapedStr):
        return shaped, sum(data.x_advance for data in shaped.__shapeData__) / 1000, True
    return text, pdfmetrics.stringWidth(text, font, 1), False


@lru_cache(maxsize=16)
def _draws_ascii(font: str) -> bool:
    return covers(font, "".join(map(chr, range(0x20, 0x7F))))


def _layout(text: str, style: Style) -> tuple[_Piece, ...]:
    """The runs shaped and in visual (left-to-right drawing) order."""
    return _pieces(text, style, _legacy_order.get())


@lru_cache(maxsize=4096)
def _pieces(text: str, style: Style, legacy: bool) -> tuple[_Piece, ...]:
    fonts = loaded_faces
    face_name = CHAINS[style][0]
    if text.isascii() and text.isprintable() and text and _draws_ascii(face_name):
        # What the general path gives printable ASCII: one left-to-right run in the style's own face.
        # Reports wrap thousands of names and figures, measuring every prefix: this is most of them.
        return (_Piece(text, face_name, pdfmetrics.stringWidth(text, face_name, 1), False),)
    pieces: list[_Piece] = []
    for run in (_legacy_visual_runs(text, style) if legacy else _visual_runs(text, style)):
        if run.kind in _SHAPE and run.font in SHAPED_FONTS and fonts[run.font].shapable:
            glyphs, em, shaped = _shape(run.text, run.font)  # HarfBuzz mirrors and reverses RTL runs
        else:
            glyphs = "".join(ch for ch in run.text if ord(ch) not in IGNORABLE)
            if run.rtl and not legacy:  # an unshaped right-to-left run (Hebrew): reversed and mirrored
                glyphs = "".join(MIRRORED.get(ch, ch) for ch in reversed(glyphs))
            em, shaped = pdfmetrics.stringWidth(glyphs, run.font, 1), False
        pieces.append(_Piece(glyphs, run.font, em, shaped))
    return tuple(pieces)


def _legacy_visual_runs(text: str, style: Style) -> list[Run]:
    """Layouts 1-3: right-to-left runs at level 1, others at 0 (2 in a right-to-left line), whole
    runs reversed by rule L2. Wrong for some mixed lines (and unshaped Hebrew); kept unchanged."""
    ordered = list(runs(text, style))
    rtl_paragraph = _rtl_paragraph(text)
    levels = [1 if run.rtl else (2 if rtl_paragraph else 0) for run in ordered]
    for level in range(max(levels, default=0), 0, -1):
        i = 0
        while i < len(ordered):
            if levels[i] >= level:
                j = i
                while j < len(ordered) and levels[j] >= level:
                    j += 1
                ordered[i:j] = ordered[i:j][::-1]
                levels[i:j] = levels[i:j][::-1]
                i = j
            else:
                i += 1
    return ordered


def text_width(text: str, size: float, style: Style = "sans", char_space: float = 0) -> float:
    """Width in points of the text as draw_text would draw it."""
    return sum(piece.em * size + (0 if piece.shaped else char_space * len(piece.text))
               for piece in _layout(text, style))


def draw_text(canvas: Canvas, text: str, x: float, y: float, size: float, style: Style = "sans",
              align: Align = "left", char_space: float = 0) -> float:
    """Draw a possibly mixed-script line with its baseline at y; returns its width.

    `align` says whether x is the left edge, the centre or the right edge of the line. Letter
    spacing (`char_space`) is left off shaped runs, where it would tear joined letters apart.
    """
    pieces = _layout(text, style)
    width = text_width(text, size, style, char_space)
    if align == "centre":
        x -= width / 2
    elif align == "right":
        x -= width
    for piece in pieces:
        canvas.setFont(piece.font, size)
        spacing = 0 if piece.shaped else char_space
        canvas.drawString(x, y, piece.text, charSpace=spacing)
        x += piece.em * size + spacing * len(piece.text)
    return width


@lru_cache(maxsize=1024)
def ink_depth(text: str, style: Style = "sans") -> float:
    """How far below the baseline the drawn text reaches, per point of size (for rules under it).

    Font-wide descents are no guide: Naskh's covers stacked marks twice as deep as any name needs.
    """
    fonts = loaded_faces
    deepest = 0.0
    for run in runs(text, style):
        font = fonts[run.font]
        hb_font = uharfbuzz.Font(font.hbFace)
        buffer = uharfbuzz.Buffer()
        buffer.add_str(run.text)
        buffer.guess_segment_properties()
        uharfbuzz.shape(hb_font, buffer, {})
        for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
            extents = hb_font.get_glyph_extents(info.codepoint)
            if extents is not None:
                bottom = extents.y_bearing + extents.height + position.y_offset
                deepest = max(deepest, -bottom / font.hbFace.upem)
    return deepest


def fit_size(text: str, max_width: float, size: float, min_size: float, style: Style = "sans",
             char_space: float = 0) -> float:
    """The largest size, from `size` down to `min_size` in half points, at which the text fits."""
    width = text_width(text, 1, style) + char_space * len(text) / size
    if width * size <= max_width:
        return size
    best = max_width / width if width else size
    return max(min_size, int(best * 2) / 2)


def wrap_lines(text: str, max_width: float, size: float, style: Style = "sans") -> list[str]:
    """Break text at spaces into lines no wider than max_width (a single long word stays whole)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, style) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def ellipsize(text: str, max_width: float, size: float, style: Style = "sans") -> str:
    """The text, cut and ended with '…' if it is wider than max_width."""
    if text_width(text, size, style) <= max_width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + "…", size, style) <= max_width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"
