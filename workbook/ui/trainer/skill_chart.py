"""The dashboard's skills chart, painted with QPainter: the same bars as the PDF report's chart
(`workbook.reports.charts.skill_bars`: weakest skill at the top, a 0-100 axis, bars coloured by
threshold, dashed lines at the fair and good thresholds), in the same proportions.

Drawn here rather than as the report's SVG because that needs reportlab and its fonts, about a
quarter of a second of importing and font loading on the trainer's first open, for eight bars.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workbook.core.score_bands import FAIR, GOOD, score_colour

# The report chart's geometry, in points (workbook.reports.charts).
WIDTH, HEIGHT = 382.0, 245.0
MIN_ROWS = 6
LABEL_SIZE, TITLE_SIZE = 7.5, 10
INK, MUTED, RULE = "#1d2733", "#5b6675", "#d5dce5"


def _chart_colours() -> tuple[str, str, str, str]:
    """Ink, muted text, rules and background: the report's on a light theme, the card's on a dark one
    (a white picture in a dark window glares)."""
    from workbook.ui import theme

    if not theme.is_dark():
        return INK, MUTED, RULE, "white"
    return theme.TEXT, theme.MUTED, theme.BORDER, theme.CARD


def prepare_painting() -> None:
    """Make the Qt enums the paint uses: PySide builds each enum's Python class at its first use, in
    all some 20 ms that would otherwise fall in the chart's first paint. Called off the GUI thread,
    while the cohort is read."""
    _ = (QPainter.RenderHint.Antialiasing, Qt.PenStyle.CustomDashLine, Qt.TextElideMode.ElideRight)


class SkillChart(QWidget):
    """Cohort average per skill; `show_scores` sets what it draws. Keeps the chart's aspect ratio."""

    def __init__(self, label: Callable[[str], str] = str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.items: list[tuple[str, int]] | None = None  # None: no cohort shown yet, nothing drawn
        self.setMinimumHeight(240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # The report's chart says these in English; the window's, in the interface language.
        self.title = self.tr("Skills, cohort average")
        self.caption = self.tr("percent (dashed: {fair}% and {good}%)").format(fair=FAIR, good=GOOD)
        self.empty = self.tr("No quiz or call scores yet")
        self.setAccessibleName(self.title)

    def show_scores(self, scores: Mapping[str, int]) -> None:
        self.items = sorted(((self.label(skill), value) for skill, value in scores.items()),
                            key=lambda item: (item[1], item[0]))
        self.setToolTip("\n".join(f"{name}: {value}%" for name, value in self.items))
        # Painted in a later turn of the event loop than the matrix that changed with it: the two
        # paints in one would keep the window from answering for their sum (the chart's first paint
        # loads its fonts).
        QTimer.singleShot(0, self, self.update)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(int(WIDTH), int(HEIGHT))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.items is None:
            return  # the page shows before its first cohort is read: a chart of nothing is not drawn
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale = min(self.width() / WIDTH, self.height() / HEIGHT)
        painter.translate((self.width() - WIDTH * scale) / 2, (self.height() - HEIGHT * scale) / 2)
        painter.scale(scale, scale)
        ink, muted, rule, background = _chart_colours()
        painter.fillRect(QRectF(0, 0, WIDTH, HEIGHT), QColor(background))
        # From here on y grows downwards, so the report's y (from the bottom) becomes HEIGHT - y.
        self._text(painter, 0, TITLE_SIZE + 2, self.title, TITLE_SIZE, ink, bold=True)
        if not self.items:
            self._text(painter, WIDTH / 2, HEIGHT / 2, self.empty, 9, muted, align="centre")
            painter.end()
            return
        label_width = min(130.0, WIDTH * 0.34)
        left, right = label_width + 6, WIDTH - 28
        top, bottom = HEIGHT - TITLE_SIZE - 14, 26.0
        slot = (top - bottom) / max(len(self.items), MIN_ROWS)
        scale_x = (right - left) / 100
        dashed = QPen(QColor(muted), 0.6, Qt.PenStyle.CustomDashLine)
        dashed.setDashPattern([3 / 0.6, 3 / 0.6])
        painter.setPen(dashed)
        for threshold in (FAIR, GOOD):
            x = left + threshold * scale_x
            painter.drawLine(QLineF(x, HEIGHT - bottom, x, HEIGHT - top))
        metrics = QFontMetricsF(self._font(LABEL_SIZE))
        for index, (name, value) in enumerate(self.items):
            y = top - (index + 1) * slot + slot * 0.19
            bar_height = slot * 0.62
            middle = HEIGHT - (y + bar_height / 2 - 2.6)
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_width - 4)
            self._text(painter, label_width, middle, shown, LABEL_SIZE, ink, align="right")
            width = max(value, 0) * scale_x
            painter.fillRect(QRectF(left, HEIGHT - y - bar_height, width, bar_height),
                             QColor(score_colour(value)))
            self._text(painter, left + width + 3, middle, f"{value}%", LABEL_SIZE - 0.5, ink)
        painter.setPen(QPen(QColor(rule), 0.8))
        painter.drawLine(QLineF(left, HEIGHT - bottom, right, HEIGHT - bottom))
        for tick in range(0, 101, 20):
            x = left + tick * scale_x
            painter.setPen(QPen(QColor(rule), 0.8))
            painter.drawLine(QLineF(x, HEIGHT - bottom, x, HEIGHT - bottom + 3))
            self._text(painter, x, HEIGHT - bottom + 11, str(tick), LABEL_SIZE - 0.5, muted, align="centre")
        self._text(painter, (left + right) / 2, HEIGHT - 2, self.caption, LABEL_SIZE - 0.5, muted,
                   align="centre")
        painter.end()

    def _font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(size * 72 / self.logicalDpiY())  # `size` chart units high, as in the report
        font.setBold(bold)
        return font

    def _text(self, painter: QPainter, x: float, baseline: float, text: str, size: float, colour: str,
              bold: bool = False, align: str = "left") -> None:
        font = self._font(size, bold)
        painter.setFont(font)
        painter.setPen(QColor(colour))
        width = QFontMetricsF(font).horizontalAdvance(text)
        shift = {"left": 0.0, "centre": width / 2, "right": width}[align]
        painter.drawText(QPointF(x - shift, baseline), text)
