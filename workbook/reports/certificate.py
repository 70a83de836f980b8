"""Draw a certificate of completion as a one-page, landscape PDF an organisation would frame.

The layout is fixed in bands (header, results, footer) so that a long course or a full record of 8
modules and 10 practice calls still fits on one page at A4 and Letter: text shrinks to its band
rather than pushing the next one down. Output is byte-identical for identical inputs (the canvas
is invariant, fonts are subset deterministically), so a certificate can be re-issued and compared.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import BinaryIO

from msgspec import Struct
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from workbook.reports import fonts
from workbook.reports.certificate_data import CertificateData, PageSetup, display_date
from workbook.reports.fonts import (
    Align,
    Style,
    draw_text,
    ellipsize,
    fit_size,
    ink_depth,
    legacy_run_order,
    text_width,
    wrap_lines,
)

BLUE = HexColor("#1f4f8a")
GOLD = HexColor("#b08d57")
INK = HexColor("#1d2733")
GREY = HexColor("#5b6675")
ROW_TINT = HexColor("#f1f5fa")
PAGE_SIZES = {"A4": landscape(A4), "Letter": landscape(letter)}
# What the footer tells a reader, by layout version: a certificate is verified by drawing it again
# with the layout it was issued with, so an old layout's wording stays here for good.
VERIFY_LINES = {1: "Verify with: python main.py verify-certificate FILE.pdf",
                2: "Verify with: workbook verify-certificate FILE.pdf",
                3: "Verify with: workbook verify-certificate FILE.pdf",
                4: "Verify with: workbook verify-certificate FILE.pdf"}
WRAPS_TITLES = 3  # from this layout on, a long call title wraps onto two lines instead of ending in "…"
FIXED_QR_MASK = 3  # from this layout on, the QR code uses mask 0 instead of searching all eight
FULL_BIDI = 4  # from this layout on, mixed right-to-left lines are ordered by python-bidi
CHECK = "\u2714"
METADATA_SETTERS = {"title": "setTitle", "author": "setAuthor", "subject": "setSubject",
                    "keywords": "setKeywords", "creator": "setCreator"}


DEFAULT_SETUP = PageSetup()  # A4, the bundled mark (frozen, so one shared default is safe)


def draw_certificate(data: CertificateData, out: str | Path | BinaryIO, setup: PageSetup = DEFAULT_SETUP,
                     metadata: dict[str, str] | None = None) -> None:
    """Write the certificate PDF to a path or a binary file object."""
    size = PAGE_SIZES[setup.size]
    target = str(out) if isinstance(out, str | Path) else out
    fonts.face(fonts.SANS)  # a bundled initial font keeps the unembedded Helvetica out of the PDF
    canvas = Canvas(target, pagesize=size, invariant=1, pageCompression=1, initialFontName=fonts.SANS)
    _date_stamp(canvas, data.completed_on)
    canvas.setTitle(f"Certificate of Completion: {data.learner_name}, {data.course_title}")
    canvas.setAuthor(data.organisation)
    canvas.setSubject(data.course_title)
    canvas.setCreator("Difficult Calls Workbook")
    for key, value in (metadata or {}).items():
        if key in METADATA_SETTERS:
            getattr(canvas, METADATA_SETTERS[key])(value)
    with legacy_run_order(setup.layout < FULL_BIDI):
        _Layout(canvas, data, setup, *size).draw()
    canvas.showPage()
    canvas.save()


def _text(canvas: Canvas, text: str, x: float, y: float, size: float, style: Style = "sans",
          color: Color = INK, align: Align = "left", char_space: float = 0) -> float:
    canvas.setFillColor(color)
    return draw_text(canvas, text, x, y, size, style, align, char_space)


class _Layout(Struct):
    canvas: Canvas
    data: CertificateData
    setup: PageSetup
    width: float
    height: float

    margin = 44.0  # content edge; the frame sits at 20 and 27
    qr_size = 80.0

    @property
    def left(self) -> float:
        return self.margin

    @property
    def right(self) -> float:
        return self.width - self.margin

    @property
    def centre(self) -> float:
        return self.width / 2

    @property
    def content_width(self) -> float:
        return self.right - self.left

    def draw(self) -> None:
        self._frame()
        top = self.height - self.margin
        self._logo(top)
        tables_top = self._header(top - 40)
        footer_top = self.margin + self.qr_size + 12
        self._results(tables_top, footer_top)
        self._footer()

    # ---- decoration ----------------------------------------------------------------------
    def _frame(self) -> None:
        c, w, h = self.canvas, self.width, self.height
        c.setStrokeColor(BLUE)
        c.setLineWidth(3)
        c.rect(20, 20, w - 40, h - 40)
        c.setStrokeColor(GOLD)
        c.setLineWidth(0.8)
        c.rect(27, 27, w - 54, h - 54)
        c.setFillColor(GOLD)
        for x, y in ((27, 27), (w - 27, 27), (27, h - 27), (w - 27, h - 27)):
            _diamond(c, x, y, 4.5)

    def _logo(self, top: float) -> None:
        box_h, box_w = 38.0, 150.0
        if self.setup.logo is None:
            _default_mark(self.canvas, self.centre, top - box_h / 2, box_h)
            return
        image = ImageReader(str(self.setup.logo))
        image_w, image_h = image.getSize()
        scale = min(box_w / image_w, box_h / image_h)
        w, h = image_w * scale, image_h * scale
        self.canvas.drawImage(image, self.centre - w / 2, top - box_h + (box_h - h) / 2, w, h, mask="auto")

    # ---- header --------------------------------------------------------------------------
    def _header(self, top: float) -> float:
        """Organisation, title, course, learner; returns where the results band may start."""
        c, data, centre = self.canvas, self.data, self.centre
        full = self.content_width - 40
        organisation = data.organisation.upper()
        size = fit_size(organisation, full, 10, 7, "sans-bold", char_space=1.2)
        _text(c, organisation, centre, top - 16, size, "sans-bold", BLUE, "centre", char_space=1.2)

        title = "CERTIFICATE OF COMPLETION"
        _text(c, title, centre, top - 50, 27, "serif", INK, "centre", char_space=2.5)
        _ornament(c, centre, top - 63, 90)

        self._fitted(data.course_title, top - 87, 16, 10, "serif-bold", BLUE, slot=26)
        _text(c, "awarded to", centre, top - 110, 10, "sans", GREY, "centre", char_space=0.4)

        name, baseline = data.learner_name, top - 143
        name_size = fit_size(name, full, 32, 16, "serif")
        name_w = text_width(name, name_size, "serif")
        if name_w <= full:
            _text(c, name, centre, baseline, name_size, "serif", INK, "centre")
        else:  # a very long name: two lines in the same band
            self._fitted(name, baseline + 5, 22, 11, "serif", INK, slot=30)
            name_size = min(name_size, 15)
        # The rule clears the name's lowest ink (Arabic and Devanagari reach further down than Latin).
        rule_y = baseline - max(9.0, ink_depth(name, "serif") * name_size + 4)
        rule = min(max(name_w + 60, 280), self.content_width * 0.8)
        c.setStrokeColor(GOLD)
        c.setLineWidth(0.8)
        c.line(centre - rule / 2, rule_y, centre + rule / 2, rule_y)
        if data.employee_id:
            _text(c, f"Employee ID {data.employee_id}", centre, rule_y - 13, 8.5, "sans", GREY, "centre")
        return min(top - 180, rule_y - 22)

    def _fitted(self, text: str, baseline: float, size: float, min_size: float, style: Style,
                color: Color, slot: float) -> None:
        """One centred line shrunk to fit, or two lines in the same vertical slot when it cannot."""
        full = self.content_width - 40
        one = fit_size(text, full, size, min_size, style)
        if text_width(text, one, style) <= full:
            _text(self.canvas, text, self.centre, baseline, one, style, color, "centre")
            return
        two = min(size, slot / 2.3)
        lines = wrap_lines(text, full, two, style)
        while len(lines) > 2 and two > 6:
            two -= 0.5
            lines = wrap_lines(text, full, two, style)
        leading = two * 1.2
        first = baseline + leading * (len(lines) - 1) / 2
        for i, line in enumerate(lines):
            _text(self.canvas, line, self.centre, first - i * leading, two, style, color, "centre")

    # ---- results -------------------------------------------------------------------------
    def _results(self, top: float, bottom: float) -> None:
        gap = 26.0
        column = (self.content_width - gap) / 2
        module_rows = [[m.title, f"{m.sections_read} / {m.sections_total}",
                        "\u2014" if m.quiz_best is None else f"{m.quiz_best}%"] for m in self.data.modules]
        call_rows = [[CHECK if call.strong else "", call.title, call.outcome] for call in self.data.calls]
        rows = max(len(module_rows), len(call_rows), 1) + 1  # + the column labels
        heading = 20.0
        row_h = min(14.0, (top - bottom - heading) / rows)
        size = max(5.0, min(8.5, row_h * 0.62))
        capacity = max(1, int((top - bottom - heading) // max(row_h, size * 1.25)) - 1)
        module_columns = [_Column("Module", column - 130, "left"), _Column("Sections read", 74, "right"),
                          _Column("Quiz best", 56, "right")]
        wraps = self.setup.layout >= WRAPS_TITLES
        title_share = 0.62 if wraps else 0.5
        call_columns = [_Column("", 16, "centre"),
                        _Column("Practice call", (column - 16) * title_share, "left", wrap=wraps),
                        _Column("Best outcome", (column - 16) * (1 - title_share), "left")]
        used = heading + rows * row_h
        top -= max(0.0, (top - bottom - used) / 2)  # centre the band between header and footer
        self._table(self.left, top, column, "Modules", module_columns,
                    _capped(module_rows, capacity, 3) or [["No modules", "", ""]], row_h, size)
        self._table(self.left + column + gap, top, column, "Practice calls", call_columns,
                    _capped(call_rows, capacity, 3, title_at=1) or [["", "No practice calls yet", ""]],
                    row_h, size, note=f"{CHECK} strong outcome")

    def _table(self, x: float, top: float, width: float, heading: str, columns: Sequence[_Column],
               rows: Sequence[Sequence[str]], row_h: float, size: float, note: str = "") -> None:
        c = self.canvas
        _text(c, heading, x, top - 12, 12, "serif", BLUE)
        if note:
            _text(c, note, x + width, top - 11, 7.5, "sans", GREY, "right")
        y = top - 20
        c.setStrokeColor(BLUE)
        c.setLineWidth(0.6)
        c.line(x, y - row_h, x + width, y - row_h)
        labels = [column.label for column in columns]
        for index, cells in enumerate([labels, *rows]):
            baseline = y - row_h + (row_h - size * 0.7) / 2
            if index and index % 2 == 0:
                c.setFillColor(ROW_TINT)
                c.rect(x, y - row_h, width, row_h, stroke=0, fill=1)
            cx = x
            for column, cell in zip(columns, cells, strict=True):
                pad = 4.0
                style: Style = "sans-bold" if index == 0 else "sans"
                color = GREY if index == 0 else (BLUE if cell == CHECK else INK)
                room = column.width - 2 * pad
                anchor = {"left": cx + pad, "right": cx + column.width - pad, "centre": cx + column.width / 2}
                cx += column.width
                if index and column.wrap and text_width(cell, size, style) > room:
                    self._wrapped(cell, anchor[column.align], y, row_h, room, size, style, color)
                    continue
                fitted = cell if column.align == "centre" else ellipsize(cell, room, size, style)
                cell_size = size - 0.5 if index == 0 else size
                _text(c, fitted, anchor[column.align], baseline, cell_size, style, color, column.align)
            y -= row_h
        c.setStrokeColor(GOLD)
        c.setLineWidth(0.5)
        c.line(x, y, x + width, y)

    def _wrapped(self, cell: str, x: float, row_top: float, row_h: float, room: float, size: float,
                 style: Style, color: Color) -> None:
        """A cell too long for one line, on two smaller lines inside its row (layout 3 on)."""
        small = min(size, row_h / 2.3)
        lines = wrap_lines(cell, room, small, style)
        while len(lines) > 2 and small > 4.5:
            small -= 0.25
            lines = wrap_lines(cell, room, small, style)
        if len(lines) > 2:  # longer than any real title: the second line takes the rest, cut
            lines = [lines[0], ellipsize(" ".join(lines[1:]), room, small, style)]
        lead = small * 1.12
        first = row_top - (row_h - lead * len(lines)) / 2 - small * 0.9
        for i, line in enumerate(lines):
            _text(self.canvas, line, x, first - i * lead, small, style, color, "left")

    # ---- footer --------------------------------------------------------------------------
    def _footer(self) -> None:
        c, data, bottom = self.canvas, self.data, self.margin
        q = self.qr_size
        qr_x = self.right - q
        _qr(c, data.qr_payload, qr_x, bottom, q, fixed_mask=self.setup.layout >= FIXED_QR_MASK)

        label_x = qr_x - 14
        lines = [("Certificate ID", data.certificate_id), ("Verification code", data.verification_code),
                 ("Signing key", data.key_id)]
        value_w = max(text_width(value, 9, "sans-bold") for _, value in lines)
        verify_line = VERIFY_LINES[self.setup.layout]
        block_w = max(value_w + 92, text_width(verify_line, 7, "sans"))
        block_x = label_x - block_w
        for i, (label, value) in enumerate(lines):
            y = bottom + q - 14 - i * 15
            _text(c, label, block_x, y, 7.5, "sans", GREY)
            _text(c, value, label_x, y, 9 if i < 2 else 7.5, "sans-bold" if i < 2 else "sans", INK, "right")
        _text(c, verify_line, label_x, bottom + 8, 7, "sans", GREY, "right")

        signature_w = 190.0
        line_y = bottom + 26
        self._signed_line(data.trainer_name, "Trainer", self.left, signature_w, line_y)
        date_w = 150.0
        date_centre = (self.left + signature_w + block_x) / 2
        self._signed_line(display_date(data.completed_on), "Date of completion", date_centre - date_w / 2,
                          date_w, line_y)

    def _signed_line(self, value: str, label: str, x: float, width: float, line_y: float) -> None:
        c = self.canvas
        size = fit_size(value, width - 8, 13, 8, "serif")
        _text(c, value, x + width / 2, line_y + 6, size, "serif", INK, "centre")
        c.setStrokeColor(INK)
        c.setLineWidth(0.6)
        c.line(x, line_y, x + width, line_y)
        _text(c, label, x + width / 2, line_y - 12, 7.5, "sans", GREY, "centre")


class _Column(Struct, frozen=True):
    label: str
    width: float
    align: Align
    wrap: bool = False  # a long cell wraps onto two lines instead of ending in "…"


def _date_stamp(canvas: Canvas, day: date) -> None:
    """The PDF's creation date is the certificate's date (midnight UTC), not reportlab's fixed
    1 January 2000 for invariant output: still the same bytes for the same certificate."""
    import calendar

    stamp = canvas._doc._timeStamp  # reportlab has no public setter for an invariant document
    seconds = calendar.timegm(day.timetuple())
    stamp.t = seconds
    stamp.lt = time.gmtime(seconds)
    stamp.YMDhms = tuple(stamp.lt)[:6]


def _capped(rows: list[list[str]], capacity: int, cells: int, title_at: int = 0) -> list[list[str]]:
    """At most `capacity` rows; the last says how many more there were."""
    if len(rows) <= capacity:
        return rows
    more = [""] * cells
    more[title_at] = f"\u2026 and {len(rows) - capacity + 1} more"
    return [*rows[: capacity - 1], more]


def _qr(canvas: Canvas, payload: str, x: float, y: float, size: float, fixed_mask: bool = False) -> None:
    """The verification payload as a vector QR code (medium error correction, no quiet zone: the
    layout keeps white space around it).

    reportlab's QR encoder (as its QrCodeWidget uses it) encodes; its modules are then drawn as one
    path of row-long rectangles, which is several times faster than rendering the widget's
    thousands of shapes through renderPDF.
    """
    from workbook.reports.qr_encoder import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    if fixed_mask:  # choosing the best of 8 masks was ~60% of a certificate; any mask scans
        qr.version = qr.calculate_version()
        qr.makeImpl(False, 0)
    else:
        qr.make()
    modules = qr.modules
    count = len(modules)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size / count, size / count)  # one unit per module: short, whole-number coordinates
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        c = 0
        for dark, group in groupby(bool(cell) for cell in row):
            run = len(list(group))
            if dark:
                path.rect(c, count - 1 - r, run, 1)
            c += run
    canvas.setFillColor(INK)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _diamond(canvas: Canvas, x: float, y: float, r: float) -> None:
    path = canvas.beginPath()
    path.moveTo(x, y + r)
    path.lineTo(x + r, y)
    path.lineTo(x, y - r)
    path.lineTo(x - r, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _ornament(canvas: Canvas, x: float, y: float, half: float) -> None:
    canvas.setStrokeColor(GOLD)
    canvas.setFillColor(GOLD)
    canvas.setLineWidth(0.8)
    canvas.line(x - half, y, x - 8, y)
    canvas.line(x + 8, y, x + half, y)
    _diamond(canvas, x, y, 3.2)


def _default_mark(canvas: Canvas, cx: float, cy: float, size: float) -> None:
    """The bundled mark: a white headset with speech dots on a blue disc, drawn as vectors."""
    s = size
    canvas.saveState()
    canvas.setFillColor(BLUE)
    canvas.circle(cx, cy, s / 2, stroke=0, fill=1)
    canvas.setStrokeColor(white)
    canvas.setFillColor(white)
    canvas.setLineCap(1)
    canvas.setLineWidth(s * 0.065)
    band = 0.25 * s
    band_y = cy - 0.02 * s
    path = canvas.beginPath()
    path.arc(cx - band, band_y - band, cx + band, band_y + band, startAng=180, extent=-180)
    canvas.drawPath(path, stroke=1, fill=0)
    cup_w, cup_h = 0.12 * s, 0.21 * s
    for side in (-1, 1):
        canvas.roundRect(cx + side * band - cup_w / 2, band_y - cup_h * 0.75, cup_w, cup_h, cup_w / 2,
                         stroke=0, fill=1)
    canvas.setLineWidth(s * 0.045)
    boom = canvas.beginPath()
    boom.moveTo(cx - band, band_y - cup_h * 0.7)
    boom.curveTo(cx - band, cy - 0.3 * s, cx - 0.12 * s, cy - 0.31 * s, cx - 0.02 * s, cy - 0.31 * s)
    canvas.drawPath(boom, stroke=1, fill=0)
    canvas.circle(cx + 0.01 * s, cy - 0.31 * s, 0.04 * s, stroke=0, fill=1)
    for dx in (-0.085, 0, 0.085):
        canvas.circle(cx + dx * s, cy - 0.06 * s, 0.028 * s, stroke=0, fill=1)
    canvas.restoreState()
