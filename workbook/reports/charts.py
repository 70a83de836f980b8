"""Cohort charts as reportlab Drawings: vector bars in the PDF report, and the same drawing as SVG for
the trainer's dashboard (QtSvg shows it), so the screen and the paper never disagree.

Plain shapes and strings only (no matplotlib, no numpy: about 150 MB off every install and half a
second off the dashboard's first open): a chart builds in milliseconds on any thread, and the same
data gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from msgspec import Struct
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import HexColor, white

from workbook.core.cohort_metrics import PASS_MARK, band, progress_measures
from workbook.core.dashboard_model import CohortDashboard
from workbook.core.score_bands import FAIR, GOOD, score_colour
from workbook.reports import fonts

INK = HexColor("#1d2733")
MUTED = HexColor("#5b6675")
RULE = HexColor("#d5dce5")
# Not started -> all done, light to dark: neutral blues, so they do not read as good or bad scores.
BANDS = (("Not started", "#dbe4ee"), ("Under half", "#9fb8d3"), ("Half or more", "#5a83b0"),
         ("All done", "#1f4f8a"))
CHART_SIZE = (382.0, 245.0)  # points: the report places charts at this size
MIN_ROWS = 6  # a chart of two skills keeps the bar height of one with six
LABEL_SIZE = 7.5
TITLE_SIZE = 10


class StackedRow(Struct, frozen=True):
    """One bar of the progress chart: a label and the number of learners in each band."""

    label: str
    counts: tuple[int, ...]


def _font(bold: bool = False) -> str:
    name = fonts.SANS_BOLD if bold else fonts.SANS
    fonts.face(name)  # registered for the Drawing's strings; not every bundled face (the CJK one is 4 MB)
    return name


def _fit(text: str, width: float, size: float) -> str:
    """`text` shortened with an ellipsis to fit `width` points."""
    if fonts.text_width(text, size, "sans") <= width:
        return text
    while text and fonts.text_width(text + "\u2026", size, "sans") > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def _canvas(width: float, height: float) -> Drawing:
    """A drawing on white, so the chart reads the same on paper and on a dark screen."""
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=white, strokeColor=None))
    return drawing


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(String(0, height - TITLE_SIZE - 2, _fit(text, width, TITLE_SIZE), fontName=_font(True),
                       fontSize=TITLE_SIZE, fillColor=INK))


def _empty(drawing: Drawing, message: str, width: float, height: float) -> Drawing:
    drawing.add(String(width / 2, height / 2, message, fontName=_font(), fontSize=9, fillColor=MUTED,
                       textAnchor="middle"))
    return drawing


def skill_bars(scores: Mapping[str, int], label: Callable[[str], str] = str,
               title: str = "Skills, cohort average", compare: Mapping[str, int] | None = None,
               size: tuple[float, float] = CHART_SIZE) -> Drawing:
    """Horizontal bars, weakest skill at the top, on a 0-100 axis, coloured by threshold; dashed
    lines at the fair and good thresholds. `compare` marks the cohort's average per skill."""
    width, height = size
    drawing = _canvas(width, height)
    _title(drawing, title, width, height)
    items = sorted(scores.items(), key=lambda item: (item[1], label(item[0])))
    if not items:
        return _empty(drawing, "No quiz or call scores yet", width, height)
    label_width = min(130.0, width * 0.34)
    left, right = label_width + 6, width - 28
    top, bottom = height - TITLE_SIZE - 14, 26
    rows = max(len(items), MIN_ROWS)
    slot = (top - bottom) / rows
    scale = (right - left) / 100
    for threshold in (FAIR, GOOD):
        x = left + threshold * scale
        drawing.add(Line(x, bottom, x, top, strokeColor=MUTED, strokeWidth=0.6, strokeDashArray=[3, 3]))
    for index, (skill, value) in enumerate(items):
        y = top - (index + 1) * slot + slot * 0.19
        bar_height = slot * 0.62
        name = _fit(label(skill), label_width - 4, LABEL_SIZE)
        drawing.add(String(label_width, y + bar_height / 2 - 2.6, name, fontName=_font(), fontSize=LABEL_SIZE,
                           fillColor=INK, textAnchor="end"))
        drawing.add(Rect(left, y, max(value, 0) * scale, bar_height,
                         fillColor=HexColor(score_colour(value)), strokeColor=None))
        drawing.add(String(left + max(value, 0) * scale + 3, y + bar_height / 2 - 2.6, f"{value}%",
                           fontName=_font(), fontSize=LABEL_SIZE - 0.5, fillColor=INK))
        if compare and skill in compare:
            x = left + compare[skill] * scale
            drawing.add(Line(x, y - 2, x, y + bar_height + 2, strokeColor=INK, strokeWidth=2))
    _axis(drawing, left, right, bottom, scale, "percent (dashed: 50% and 80%)")
    if compare:
        drawing.add(Line(right - 86, height - 9, right - 86, height - 1, strokeColor=INK, strokeWidth=2))
        drawing.add(String(right - 82, height - 8, "cohort average", fontName=_font(),
                           fontSize=LABEL_SIZE - 0.5, fillColor=MUTED))
    return drawing


def _axis(drawing: Drawing, left: float, right: float, bottom: float, scale: float, caption: str,
          ticks: Sequence[int] = range(0, 101, 20)) -> None:
    drawing.add(Line(left, bottom, right, bottom, strokeColor=RULE, strokeWidth=0.8))
    for tick in ticks:
        x = left + tick * scale
        drawing.add(Line(x, bottom, x, bottom - 3, strokeColor=RULE, strokeWidth=0.8))
        drawing.add(String(x, bottom - 11, str(tick), fontName=_font(), fontSize=LABEL_SIZE - 0.5,
                           fillColor=MUTED, textAnchor="middle"))
    drawing.add(String((left + right) / 2, 2, caption, fontName=_font(), fontSize=LABEL_SIZE - 0.5,
                       fillColor=MUTED, textAnchor="middle"))


def stacked_progress(rows: Sequence[StackedRow], learners: int, title: str = "Progress of the cohort",
                     size: tuple[float, float] = CHART_SIZE, empty: str = "No learners in this cohort",
                     ) -> Drawing:
    """Stacked bars: how many learners are in each band (BANDS) for each kind of work, with a legend."""
    width, height = size
    drawing = _canvas(width, height)
    _title(drawing, title, width, height)
    if not learners or not rows:
        return _empty(drawing, empty if not learners else "Nothing to count", width, height)
    label_width = min(120.0, width * 0.32)
    left, right = label_width + 6, width - 8
    top, bottom = height - TITLE_SIZE - 14, 52
    slot = (top - bottom) / max(len(rows), 3)
    scale = (right - left) / learners
    for index, row in enumerate(rows):
        y = top - (index + 1) * slot + slot * 0.22
        bar_height = slot * 0.55
        for line, text in enumerate(row.label.split("\n")):
            drawing.add(String(label_width, y + bar_height / 2 + 1 - line * 9,
                               _fit(text, label_width - 4, LABEL_SIZE), fontName=_font(), fontSize=LABEL_SIZE,
                               fillColor=INK, textAnchor="end"))
        x = left
        for band_index, count in enumerate(row.counts):
            if not count:
                continue
            colour = HexColor(BANDS[band_index][1])
            drawing.add(Rect(x, y, count * scale, bar_height, fillColor=colour, strokeColor=white,
                             strokeWidth=0.8))
            drawing.add(String(x + count * scale / 2, y + bar_height / 2 - 2.6, str(count), fontName=_font(),
                               fontSize=LABEL_SIZE - 0.5, fillColor=white if band_index >= 2 else INK,
                               textAnchor="middle"))
            x += count * scale
    step = max(1, learners // 5)
    _axis(drawing, left, right, bottom, scale, "learners", ticks=range(0, learners + 1, step))
    legend_x = left
    for name, colour in BANDS:
        drawing.add(Rect(legend_x, 18, 8, 8, fillColor=HexColor(colour), strokeColor=None))
        drawing.add(String(legend_x + 11, 19, name, fontName=_font(), fontSize=LABEL_SIZE - 0.5,
                           fillColor=INK))
        legend_x += 14 + fonts.text_width(name, LABEL_SIZE - 0.5, "sans") + 10
    return drawing


def skill_averages_chart(dashboard: CohortDashboard, label: Callable[[str], str] = str,
                         size: tuple[float, float] = CHART_SIZE) -> Drawing:
    """The cohort's mean score per skill, weakest first."""
    return skill_bars(dashboard.skill_averages, label, size=size)


def progress_rows(dashboard: CohortDashboard, pass_mark: int = PASS_MARK) -> list[StackedRow]:
    """How many learners are in each band for modules, quizzes and calls (measures with a total)."""
    rows = []
    for measure in progress_measures(dashboard, pass_mark):
        if not measure.total:
            continue
        counts = [0] * len(BANDS)
        for row in dashboard.learners:
            counts[band(measure.done(row), measure.total, measure.started(row))] += 1
        rows.append(StackedRow(f"{measure.label}\n(of {measure.total})", tuple(counts)))
    return rows


def progress_chart(dashboard: CohortDashboard, pass_mark: int = PASS_MARK,
                   size: tuple[float, float] = CHART_SIZE) -> Drawing:
    return stacked_progress(progress_rows(dashboard, pass_mark), len(dashboard.learners), size=size)


def scaled(drawing: Drawing, width: float) -> Drawing:
    """The drawing shrunk to at most `width` points wide (never enlarged), for a report column."""
    factor = min(1.0, width / drawing.width)
    drawing.scale(factor, factor)
    drawing.width, drawing.height = drawing.width * factor, drawing.height * factor
    return drawing


def to_svg(drawing: Drawing) -> bytes:
    """The drawing as SVG (for the dashboard's QSvgRenderer)."""
    from reportlab.graphics import renderSVG

    return renderSVG.drawToString(drawing).encode("utf-8")
