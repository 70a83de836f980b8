"""The cohort report's two kinds of text block: `ScriptText` for names and titles in any script, and
`Cell` for the matrix's short figures, which a report of 2,000 learners draws some 25,000 of."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from workbook.reports import fonts

ACCENT = HexColor("#1f4f8a")
INK = HexColor("#1d2733")
MUTED = HexColor("#5b6675")
INK_HEX, MUTED_HEX = "#1d2733", "#5b6675"  # INK and MUTED, for Cell


def style(name: str, size: float, font: str = fonts.SANS, colour=INK, align: int = TA_LEFT,
          leading: float | None = None) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.3,
                          textColor=colour, alignment=align)


CELL = style("cell", 8, align=TA_CENTER, leading=10)
CELL_LEFT = style("cell-left", 8, leading=10)
SMALL_CENTRE = style("small-centre", 6.8, colour=MUTED, align=TA_CENTER, leading=8.5)


class ScriptText(Flowable):
    """A line or a few of text in any script, drawn with the bundled fonts (shaped, right to left
    where needed): a platypus Paragraph has one font and would print Arabic unjoined and backwards."""

    def __init__(self, text: str, size: float = 8.5, style: fonts.Style = "sans", colour=INK,
                 align: fonts.Align = "left", max_lines: int = 2) -> None:
        super().__init__()
        self.text = " ".join(text.split())
        self.size, self.style, self.colour, self.align = size, style, colour, align
        self.max_lines = max_lines
        self.leading = size * 1.3
        self._lines = [self.text]
        self._wrapped: dict[float, list[str]] = {}  # by width: a table wraps a cell again at each page split

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width not in self._wrapped:
            self._wrapped[avail_width] = self._lines_for(avail_width)
        self._lines = self._wrapped[avail_width]
        self.width, self.height = avail_width, self.leading * len(self._lines)
        return self.width, self.height

    def _lines_for(self, avail_width: float) -> list[str]:
        lines = fonts.wrap_lines(self.text, avail_width, self.size, self.style) or [""]
        if len(lines) > self.max_lines:
            lines = [*lines[:self.max_lines - 1], " ".join(lines[self.max_lines - 1:])]
        return [fonts.ellipsize(line, avail_width, self.size, self.style) for line in lines]

    def draw(self) -> None:
        self.draw_at(self.canv, 0.0, 0.0)

    def draw_at(self, canvas, left: float, bottom: float) -> None:
        """Draw the lines of the last `wrap` with their block's lower left corner at (left, bottom)."""
        canvas.setFillColor(self.colour)
        x = left + {"left": 0.0, "centre": self.width / 2, "right": self.width}[self.align]
        for i, line in enumerate(self._lines):
            baseline = bottom + self.height - i * self.leading - self.leading / 2 - 0.36 * self.size
            fonts.draw_text(canvas, line, x, baseline, self.size, self.style, self.align)


class Cell(Flowable):
    """A matrix cell: a line or two of short Latin text (figures, dates, ids), each in its own size
    and colour, laid out as a Paragraph in `style` would set them (same leading and baselines).

    A report of 2,000 learners has some 25,000 cells; a Paragraph parses its markup and breaks its
    lines for each, which was most of the report's time. These texts never wrap, so they need none of it.
    """

    def __init__(self, lines: Sequence[tuple[str, float, str]], style: ParagraphStyle | None = None,
                 tint: HexColor | None = None) -> None:
        super().__init__()
        style = style or CELL
        self.lines = lines  # (text, font size, colour as "#rrggbb")
        self.tint = tint  # the cell's background, painted by the matrix
        self.font, self.size, self.leading = style.fontName, style.fontSize, style.leading
        self.align = style.alignment

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.leading * len(self.lines)
        return self.width, self.height

    def draw(self) -> None:
        lines = Lines(self.canv)  # one text object for the cell's lines, not one per line
        self.write(lines, 0.0, self.height, self.width)
        self.canv.drawText(lines.text)

    def write(self, lines: Lines, left: float, top: float, width: float) -> None:
        """Add the lines to `lines`, the block's top left corner at (left, top), `width` wide."""
        y = top - self.size
        for text, size, colour in self.lines:
            x = left + ((width - stringWidth(text, self.font, size)) / 2 if self.align == TA_CENTER else 0.0)
            lines.add(x, y, text, self.font, size, colour)
            y -= self.leading


class Lines:
    """Lines of text in one PDF text object, the font and colour set only when they change (a row of
    the matrix is two dozen lines in two or three colours and sizes)."""

    def __init__(self, canvas) -> None:
        self.text: PDFTextObject = canvas.beginText()
        self._font: tuple[str, float] | None = None
        self._colour: str | None = None

    def add(self, x: float, y: float, text: str, font: str, size: float, colour: str) -> None:
        if self._font != (font, size):
            self.text.setFont(font, size)
            self._font = (font, size)
        if self._colour != colour:
            self.text.setFillColor(colour_of(colour))
            self._colour = colour
        self.text.setTextOrigin(x, y)
        self.text.textOut(text)


@lru_cache(maxsize=64)
def colour_of(hex_text: str) -> HexColor:
    return HexColor(hex_text)
