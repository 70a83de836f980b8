"""The fonts a PDF embeds, by name, flags and a digest of each font program, to compare a
presented certificate's with those of the page drawn again from its signed record.

pdfium draws a font's glyphs through one cmap subtable and reads its text from /ToUnicode, but
other readers (poppler, Ghostscript) may pick another subtable or read the descriptor's /Flags
(symbolic or not) differently: a font program with a subtable added, or a flag changed, makes them
draw other digits while pdfium's picture and text stay the same. Certificates are drawn
deterministically and re-saves by pypdf, qpdf and pdfium keep font programs byte for byte (once
unpacked), so any difference is an edit.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from workbook.reports.pdf_objects import PdfObjects, Stream, read_objects, unpack

FONT_FILES = ("FontFile", "FontFile2", "FontFile3")

Font = tuple[str, str, str]  # name (without its subset prefix), flags, program digest


def embedded_fonts(objects: PdfObjects) -> Counter[Font]:
    """Every font descriptor the file uses (its last version), with its program's digest."""
    found: Counter[Font] = Counter()
    for value in objects.objects.values():
        info = value.info if isinstance(value, Stream) else value
        if not isinstance(info, dict) or not any(key in info for key in (*FONT_FILES, "Flags")):
            continue
        name = str(objects.resolve(info.get("FontName")) or "?").split("+")[-1]
        programs = []
        for key in FONT_FILES:
            program = objects.resolve(info.get(key))
            if isinstance(program, Stream):
                data = unpack(program, objects)
                digest = hashlib.sha256(data if data is not None else program.data).hexdigest()
                programs.append(f"{key}:{digest}")
            elif key in info:
                programs.append(f"{key}:?")
        found[(name, str(objects.resolve(info.get("Flags"))), " ".join(programs))] += 1
    return found


def font_changes(expected: bytes, actual: PdfObjects) -> list[str]:
    """The fonts of `actual` (the presented file's objects, read once by the structure check) whose
    program or flags differ from those of `expected` (the redrawn PDF)."""
    want, got = embedded_fonts(read_objects(expected)), embedded_fonts(actual)
    if want == got:
        return []
    names = sorted({font[0] for font in (got - want) + (want - got)})
    listed = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return [f"embedded fonts not as the workbook embeds them (glyph programs or flags of {listed})"]
