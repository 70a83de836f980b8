"""The report's learner x module matrix: one flowable that lays out, splits and draws its own rows.

A platypus Table of 2,000 rows measures every cell's height again at each page split, copies its
style commands for each part, and draws each cell through a saved and restored graphics state: that
was most of the report's time. Here each row's height is measured once, a page takes the rows that
fit, and a row is drawn as its tints, its rules and one text object. The header row is a small Table
repeated at the top of each page, and the page looks as the Table drew it (same paddings, grid,
rules and vertical centring).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Table, TableStyle

from workbook.reports import fonts
from workbook.reports.report_cells import ACCENT, Cell, ScriptText

RULE = HexColor("#d5dce5")
PANEL = HexColor("#eef3f9")
PAD_X, PAD_Y = 4.0, 3.0
GRID, THICK = 0.4, 0.8  # line widths: the grid, and the rules after the names and after the modules


@dataclass(frozen=True)
class MatrixRow:
    """A learner's row: the name column's blocks, then one Cell per other column."""

    name: Sequence[ScriptText]
    cells: Sequence[Cell]
    height: float


def measure_row(name: Sequence[ScriptText], cells: Sequence[Cell], widths: Sequence[float]) -> MatrixRow:
    """The row with its height: the tallest cell, padding included (as a Table would make it)."""
    inner = widths[0] - 2 * PAD_X
    name_height = sum(block.wrap(inner, 1e6)[1] for block in name)
    tallest = max([name_height, *(cell.leading * len(cell.lines) for cell in cells)])
    return MatrixRow(tuple(name), tuple(cells), tallest + 2 * PAD_Y)


class Matrix(Flowable):
    """The rows under a header row that repeats on every page the matrix runs onto."""

    def __init__(self, header: Sequence[Flowable], rows: Sequence[MatrixRow], widths: Sequence[float],
                 module_count: int) -> None:
        super().__init__()
        self.header, self.rows, self.widths = list(header), list(rows), list(widths)
        self.module_count = module_count
        self._header_height: float | None = None

    def _header_table(self) -> Table:
        table = Table([self.header], colWidths=self.widths)
        last = self.module_count
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
            ("BACKGROUND", (0, 0), (-1, 0), PANEL),
            ("LINEBELOW", (0, 0), (-1, 0), THICK, ACCENT),
            ("LINEAFTER", (0, 0), (0, 0), THICK, RULE),
            ("LINEAFTER", (last, 0), (last, 0), THICK, RULE),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("TOPPADDING", (0, 0), (-1, -1), PAD_Y), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_X), ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
            # Module titles get the whole width of their narrow columns.
            ("LEFTPADDING", (1, 0), (last, 0), 2), ("RIGHTPADDING", (1, 0), (last, 0), 2),
        ]))
        return table

    def header_height(self) -> float:
        if self._header_height is None:
            self._header_height = self._header_table().wrap(sum(self.widths), 1e6)[1]
        return self._header_height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self.header_height() + sum(row.height for row in self.rows)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self.header_height()
        count = 0
        while count < len(self.rows) and self.rows[count].height <= room:
            room -= self.rows[count].height
            count += 1
        if count == 0:
            return []  # not even one row fits: the frame moves on to the next page
        if count == len(self.rows):
            return [self]
        return [self._part(self.rows[:count]), self._part(self.rows[count:])]

    def _part(self, rows: Sequence[MatrixRow]) -> Matrix:
        part = Matrix(self.header, rows, self.widths, self.module_count)
        part._header_height = self._header_height
        return part

    def draw(self) -> None:
        canvas = self.canv
        header = self._header_table()
        header.wrapOn(canvas, self.width, self.height)
        header.drawOn(canvas, 0, self.height - self.header_height())
        lefts = [0.0]
        for width in self.widths:
            lefts.append(lefts[-1] + width)
        top = self.height - self.header_height()
        self._draw_tints(lefts, top)
        self._draw_grid(lefts, top)
        for row in self.rows:
            self._draw_row(row, lefts, top)
            top -= row.height

    def _draw_tints(self, lefts: list[float], top: float) -> None:
        canvas = self.canv
        for row in self.rows:
            for column, cell in enumerate(row.cells, 1):
                if cell.tint is not None:
                    canvas.setFillColor(cell.tint)
                    width = lefts[column + 1] - lefts[column]
                    canvas.rect(lefts[column], top - row.height, width, row.height, stroke=0, fill=1)
            top -= row.height

    def _draw_grid(self, lefts: list[float], top: float) -> None:
        canvas = self.canv
        bottom = top - sum(row.height for row in self.rows)
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(GRID)
        path = canvas.beginPath()
        y = top
        for row in self.rows:
            y -= row.height
            path.moveTo(lefts[0], y)
            path.lineTo(lefts[-1], y)
        for x in lefts:
            path.moveTo(x, top)
            path.lineTo(x, bottom)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.setLineWidth(THICK)  # after the names and after the modules, the header row included
        path = canvas.beginPath()
        for column in (1, self.module_count + 1):
            path.moveTo(lefts[column], bottom)
            path.lineTo(lefts[column], self.height)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()

    def _draw_row(self, row: MatrixRow, lefts: list[float], top: float) -> None:
        """Each block centred vertically in the padded row, as a Table's MIDDLE would place it."""
        canvas = self.canv
        name_height = sum(block.height for block in row.name)
        y = top - (row.height - name_height) / 2
        for block in row.name:
            y -= block.height
            block.draw_at(canvas, lefts[0] + PAD_X, y)
        text = canvas.beginText()
        for column, cell in enumerate(row.cells, 1):
            height = cell.leading * len(cell.lines)
            cell.write(text, lefts[column] + PAD_X, top - (row.height - height) / 2,
                       lefts[column + 1] - lefts[column] - 2 * PAD_X)
        canvas.drawText(text)
