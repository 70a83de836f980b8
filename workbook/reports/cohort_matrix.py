"""The report's long tables (the learner x module matrix, the stalled learners): one flowable that
lays out, splits and draws its own rows.

A platypus Table of 2,000 rows measures every cell's height again at each page split, copies its
style commands for each part, and draws each cell through a saved and restored graphics state: that
was most of the report's time. Here each row's height is measured once, a page takes the rows that
fit, and a row is drawn as its tints, its rules and one text object. The header row is a small Table
repeated at the top of each page, and the page looks as the Table drew it (same paddings, grid or
rules, and vertical centring).
"""

from __future__ import annotations

from collections.abc import Sequence

from msgspec import Struct
from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Table, TableStyle

from workbook.reports import fonts
from workbook.reports.report_cells import ACCENT, Cell, Lines, ScriptText

RULE = HexColor("#d5dce5")
PANEL = HexColor("#eef3f9")
GRID, THICK = 0.4, 0.8  # line widths: the grid or rules, and the heavier rules

Column = Cell | Sequence[ScriptText]  # a Cell, or blocks of text in any script, one above the other


class Look(Struct, frozen=True):
    """How a table of rows is drawn: a matrix (header on a panel, a grid, heavier rules after the
    `thick_after` columns) or a list (a rule under each row)."""

    pad_x: float
    pad_y: float
    grid: bool
    thick_after: tuple[int, ...] = ()
    narrow_header: tuple[int, int] | None = None  # columns whose titles get 2 points of padding


def matrix_look(module_count: int) -> Look:
    """The matrix: heavier rules after the names and after the modules, whose titles get the width."""
    return Look(4.0, 3.0, True, (0, module_count), (1, module_count))


LIST_LOOK = Look(4.0, 4.0, False)


class Row(Struct, frozen=True):
    """A row's columns and its height."""

    columns: Sequence[Column]
    height: float


def _blocks_height(column: Column, inner: float) -> float:
    if isinstance(column, Cell):
        return column.leading * len(column.lines)
    return sum(block.wrap(inner, 1e6)[1] for block in column)


def measure_row(columns: Sequence[Column], widths: Sequence[float], look: Look) -> Row:
    """The row with its height: the tallest cell, padding included (as a Table would make it)."""
    tallest = max(_blocks_height(column, width - 2 * look.pad_x)
                  for column, width in zip(columns, widths, strict=True))
    return Row(tuple(columns), tallest + 2 * look.pad_y)


class Rows(Flowable):
    """The rows under a header row that repeats on every page the table runs onto."""

    def __init__(self, header: Sequence[Flowable], rows: Sequence[Row], widths: Sequence[float],
                 look: Look) -> None:
        super().__init__()
        self.header, self.rows, self.widths = list(header), list(rows), list(widths)
        self.look = look
        self._header_height: float | None = None
        self._rows_height = sum(row.height for row in self.rows)  # asked at every page split

    def _header_table(self) -> Table:
        look = self.look
        table = Table([self.header], colWidths=self.widths)
        everything = (0, 0), (-1, -1)
        commands = [("FONTNAME", *everything, fonts.SANS), ("LINEBELOW", *everything, THICK, ACCENT),
                    ("VALIGN", *everything, "BOTTOM"),
                    ("TOPPADDING", *everything, look.pad_y), ("BOTTOMPADDING", *everything, look.pad_y),
                    ("LEFTPADDING", *everything, look.pad_x), ("RIGHTPADDING", *everything, look.pad_x)]
        if look.grid:
            commands.append(("BACKGROUND", *everything, PANEL))
        commands += [("LINEAFTER", (column, 0), (column, 0), THICK, RULE) for column in look.thick_after]
        if look.narrow_header:
            first, last = look.narrow_header
            commands += [(side, (first, 0), (last, 0), 2) for side in ("LEFTPADDING", "RIGHTPADDING")]
        table.setStyle(TableStyle(commands))
        return table

    def header_height(self) -> float:
        if self._header_height is None:
            self._header_height = self._header_table().wrap(sum(self.widths), 1e6)[1]
        return self._header_height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self.header_height() + self._rows_height
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

    def _part(self, rows: Sequence[Row]) -> Rows:
        part = Rows(self.header, rows, self.widths, self.look)
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
            for column, cell in enumerate(row.columns):
                if isinstance(cell, Cell) and cell.tint is not None:
                    canvas.setFillColor(cell.tint)
                    width = lefts[column + 1] - lefts[column]
                    canvas.rect(lefts[column], top - row.height, width, row.height, stroke=0, fill=1)
            top -= row.height

    def _draw_grid(self, lefts: list[float], top: float) -> None:
        canvas = self.canv
        bottom = top - self._rows_height
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(GRID)
        path = canvas.beginPath()
        y = top
        for row in self.rows:
            y -= row.height
            path.moveTo(lefts[0], y)
            path.lineTo(lefts[-1], y)
        if self.look.grid:
            for x in lefts:
                path.moveTo(x, top)
                path.lineTo(x, bottom)
        canvas.drawPath(path, stroke=1, fill=0)
        if self.look.thick_after:  # the header row included
            canvas.setLineWidth(THICK)
            path = canvas.beginPath()
            for column in self.look.thick_after:
                path.moveTo(lefts[column + 1], bottom)
                path.lineTo(lefts[column + 1], self.height)
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()

    def _draw_row(self, row: Row, lefts: list[float], top: float) -> None:
        """Each block centred vertically in the padded row, as a Table's MIDDLE would place it; the
        Cells' lines in one text object."""
        canvas, pad = self.canv, self.look.pad_x
        text = Lines(canvas)
        for column, cell in enumerate(row.columns):
            left, width = lefts[column] + pad, lefts[column + 1] - lefts[column] - 2 * pad
            if isinstance(cell, Cell):
                height = cell.leading * len(cell.lines)
                cell.write(text, left, top - (row.height - height) / 2, width)
                continue
            y = top - (row.height - sum(block.height for block in cell)) / 2
            for block in cell:
                y -= block.height
                block.draw_at(canvas, left, y)
        canvas.drawText(text.text)
