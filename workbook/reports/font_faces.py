"""The bundled TrueType faces: which files, loaded and registered with reportlab the first time each
is asked for (a Latin-only page never reads the 4 MB CJK face), and which characters each covers,
asked of HarfBuzz before a face is loaded. Laying text out with them is `workbook.reports.fonts`."""

from __future__ import annotations

import threading
from functools import cache

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workbook.paths import bundled_assets_dir

FONT_DIR = bundled_assets_dir() / "fonts"

SERIF = "NotoSerif-Regular"
SERIF_BOLD = "NotoSerif-Bold"
SANS = "NotoSans-Regular"
SANS_BOLD = "NotoSans-Bold"
ARABIC = "NotoNaskhArabic-Regular"
DEVANAGARI_SERIF = "NotoSerifDevanagari-Regular"
DEVANAGARI_SANS = "NotoSansDevanagari-Regular"
CJK = "DroidSansFallback"
SYMBOLS = "DejaVuSans"

FONT_FILES = {name: f"{name}.ttf" for name in (SERIF, SERIF_BOLD, SANS, SANS_BOLD, ARABIC, DEVANAGARI_SERIF,
                                                 DEVANAGARI_SANS, CJK, SYMBOLS)}
SHAPED_FONTS = frozenset({ARABIC, DEVANAGARI_SERIF, DEVANAGARI_SANS})

# Zero-width joiners and selectors: HarfBuzz uses them, a plain font draws them as boxes.
IGNORABLE = frozenset({0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, *range(0xFE00, 0xFE10)})


_lock = threading.Lock()


class _Faces(dict):
    """The bundled faces by name, each loaded and registered the first time it is asked for: a
    certificate in Latin script never reads the 4 MB CJK face."""

    def __missing__(self, name: str) -> TTFont:
        if name not in FONT_FILES:
            raise KeyError(name)
        with _lock:
            if name not in self:
                font = TTFont(name, str(FONT_DIR / FONT_FILES[name]))
                pdfmetrics.registerFont(font)
                if name in SHAPED_FONTS:
                    _reserve_private_codes(font)
                dict.__setitem__(self, name, font)
        return dict.__getitem__(self, name)


loaded_faces = _Faces()


def register_fonts() -> dict[str, TTFont]:
    """Load and register every bundled face now (about 0.3 s, mostly the CJK face), for documents
    that name faces directly (paragraph styles); drawing with `draw_text` needs only `face`."""
    for name in FONT_FILES:
        face(name)
    return loaded_faces


def face(name: str) -> TTFont:
    """One bundled face, loaded and registered the first time it is asked for."""
    return loaded_faces[name]


def _reserve_private_codes(font: TTFont) -> None:
    """Give every glyph that has no character (ligatures, conjuncts, joined forms) its code now.

    reportlab hands out private-use codes to such glyphs as shaping first meets them, so the codes,
    and with them the PDF's bytes, would depend on what the process happened to draw before.
    """
    hb_font = font.hbFont()
    mapped = font.face.glyphToChar
    for gid in range(1, font.hbFace.glyph_count):
        if gid not in mapped:
            font.hbAddPrivate(hb_font.glyph_to_string(gid), gid,
                              font.pdfScale(hb_font.get_glyph_h_advance(gid)))


@cache
def _codepoints(name: str) -> frozenset[int] | None:
    """The characters a face's cmap maps, read by HarfBuzz without loading the face into reportlab
    (0.1 ms against 10-300 ms), or None when it cannot be read that way."""
    try:
        blob = uharfbuzz.Blob.from_file_path(str(FONT_DIR / FONT_FILES[name]))
        return frozenset(uharfbuzz.Face(blob).unicodes)
    except Exception:  # whatever HarfBuzz makes of the file: load the face to find out
        return None


def surely_lacks(name: str, code: int) -> bool:
    """Whether a face not loaded yet certainly has no glyph for `code`, so the fallback chain need
    not load it to find out. reportlab also maps U+00A0 to the space glyph: never ruled out."""
    if name in loaded_faces or code == 0xA0:
        return False
    points = _codepoints(name)
    return points is not None and code not in points


def covers(font_name: str, text: str) -> bool:
    """Whether the font has a glyph for every character (zero-width controls aside)."""
    if any(surely_lacks(font_name, ord(ch)) and ord(ch) not in IGNORABLE for ch in text):
        return False
    cmap = face(font_name).face.charToGlyph
    return all(cmap.get(ord(ch), 0) or ord(ch) in IGNORABLE for ch in text)
