"""Charts of a cohort for the report and the trainer's dashboard, drawn with matplotlib.

Only the object API and the Agg canvas are used (no pyplot, no Qt), so a chart can be built on a
worker thread or in the headless CLI, and the UI can draw the same chart into its own Qt canvas with
the `draw_*` functions. Sizes are fixed and rendered files carry no timestamps or random ids, so
the same data gives the same bytes: the PDF report's byte-identical output depends on it.
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

from matplotlib import font_manager, rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from workbook.core.cohort_metrics import PASS_MARK, band, progress_measures
from workbook.core.dashboard_model import CohortDashboard
from workbook.core.score_bands import FAIR, GOOD, score_colour
from workbook.paths import bundled_assets_dir

if TYPE_CHECKING:
    pass

INK = "#1d2733"
MUTED = "#5b6675"
RULE = "#d5dce5"
# Not started -> all done, light to dark: neutral blues, so they do not read as good or bad scores.
BANDS = (("Not started", "#dbe4ee"), ("Under half", "#9fb8d3"), ("Half or more", "#5a83b0"),
         ("All done", "#1f4f8a"))
PNG_DPI = 150
MIN_ROWS = 6  # a chart of two skills keeps the bar height of one with six

SKILLS_SIZE = (5.3, 3.4)  # inches: the report places charts at this size, so text keeps its size
PROGRESS_SIZE = (5.3, 3.4)

# The bundled faces first (Latin, Cyrillic, Greek), then one per script, then matplotlib's own.
_FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoNaskhArabic-Regular.ttf",
               "NotoSansDevanagari-Regular.ttf", "DroidSansFallback.ttf", "DejaVuSans.ttf")
_FAMILIES = ["Noto Sans", "Noto Naskh Arabic", "Noto Sans Devanagari", "Droid Sans Fallback", "DejaVu Sans"]
_RC = {
    "font.family": _FAMILIES,
    "font.size": 8,
    "text.parse_math": False,  # a '$' in a skill or module name is text, not mathematics
    "text.color": INK,
    "axes.edgecolor": RULE,
    "axes.labelcolor": MUTED,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "xtick.color": MUTED,
    "ytick.color": INK,
}
# rc_context changes process-wide settings: one chart is styled and rendered at a time.
_lock = threading.RLock()
_fonts_added = False


@contextmanager
def _styled() -> Iterator[None]:
    global _fonts_added
    with _lock:
        if not _fonts_added:
            # A bold title falls back to the regular CJK or Arabic face: expected, not worth a warning.
            logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
            folder = bundled_assets_dir() / "fonts"
            for name in _FONT_FILES:
                if (folder / name).is_file():
                    font_manager.fontManager.addfont(str(folder / name))
            _fonts_added = True
        with rc_context(_RC):
            yield


# -- drawing into a figure (the app passes its Qt canvas's figure) ---------------------------------

def _plain_axes(axes) -> None:
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="y", length=0, labelfontfamily=_FAMILIES)
    axes.tick_params(axis="x", labelfontfamily=_FAMILIES)


def _empty(axes, message: str) -> None:
    axes.set_axis_off()
    axes.text(0.5, 0.5, message, ha="center", va="center", color=MUTED, transform=axes.transAxes)


def draw_skill_bars(figure: Figure, scores: Mapping[str, int], label: Callable[[str], str] = str,
                    title: str = "Skills, cohort average") -> None:
    """Horizontal bars, weakest skill at the top, on a 0-100 axis, coloured by threshold."""
    with _styled():
        figure.clear()
        axes = figure.add_subplot()
        axes.set_title(title)
        items = sorted(scores.items(), key=lambda item: (item[1], label(item[0])))
        if not items:
            _empty(axes, "No quiz or call scores yet")
            return
        positions = range(len(items))
        values = [value for _, value in items]
        bars = axes.barh(positions, values, height=0.62, color=[score_colour(v) for v in values])
        axes.set_yticks(positions, [label(skill) for skill, _ in items])
        axes.bar_label(bars, labels=[f"{v}%" for v in values], padding=3, fontsize=7, color=INK)
        for threshold in (FAIR, GOOD):
            axes.axvline(threshold, color=MUTED, linewidth=0.6, linestyle=(0, (3, 3)), zorder=0)
        axes.set_xlim(0, 100)
        axes.set_xticks(range(0, 101, 20))
        axes.set_xlabel("percent (dashed: 50% and 80%)")
        axes.set_ylim(max(len(items), MIN_ROWS) - 0.5, -0.5)  # weakest at the top; few bars stay slim
        _plain_axes(axes)


def draw_progress(figure: Figure, dashboard: CohortDashboard, pass_mark: int = PASS_MARK) -> None:
    """Stacked bars: how many learners have not started, done under half, half or more, or all of
    the modules, quizzes and practice calls."""
    with _styled():
        figure.clear()
        axes = figure.add_subplot()
        axes.set_title("Progress of the cohort")
        measures = [m for m in progress_measures(dashboard, pass_mark) if m.total]
        if not dashboard.learners or not measures:
            _empty(axes, "No learners in this cohort" if not dashboard.learners else "Nothing to count")
            return
        counts = [[0] * len(BANDS) for _ in measures]
        for i, measure in enumerate(measures):
            for row in dashboard.learners:
                counts[i][band(measure.done(row), measure.total, measure.started(row))] += 1
        positions = range(len(measures))
        left = [0] * len(measures)
        for b, (name, colour) in enumerate(BANDS):
            widths = [counts[i][b] for i in positions]
            bars = axes.barh(positions, widths, left=left, height=0.55, color=colour, label=name,
                             edgecolor="white", linewidth=0.8)
            text = "white" if b >= 2 else INK
            axes.bar_label(bars, labels=[str(w) if w else "" for w in widths], label_type="center",
                           fontsize=7, color=text)
            left = [a + w for a, w in zip(left, widths, strict=True)]
        axes.set_yticks(positions, [f"{m.label}\n(of {m.total})" for m in measures])
        axes.set_xlim(0, len(dashboard.learners))
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.set_xlabel("learners")
        axes.invert_yaxis()
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=len(BANDS), fontsize=7,
                    frameon=False, handlelength=1, columnspacing=1)
        _plain_axes(axes)


# -- new figures ------------------------------------------------------------------------------------

def _figure(size: tuple[float, float]) -> Figure:
    figure = Figure(figsize=size, dpi=100, layout="constrained", facecolor="white")
    FigureCanvasAgg(figure)
    return figure


def skill_averages_chart(dashboard: CohortDashboard, label: Callable[[str], str] = str,
                         size: tuple[float, float] = SKILLS_SIZE) -> Figure:
    """The cohort's mean score per skill, weakest first."""
    figure = _figure(size)
    draw_skill_bars(figure, dashboard.skill_averages, label)
    return figure


def progress_chart(dashboard: CohortDashboard, pass_mark: int = PASS_MARK,
                   size: tuple[float, float] = PROGRESS_SIZE) -> Figure:
    figure = _figure(size)
    draw_progress(figure, dashboard, pass_mark)
    return figure


# -- rendering ---------------------------------------------------------------------------------------

def to_png(figure: Figure, dpi: int = PNG_DPI) -> bytes:
    """PNG bytes without the 'Software' stamp, so equal charts are equal files."""
    buffer = io.BytesIO()
    with _styled():
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def figure_size_points(figure: Figure) -> tuple[float, float]:
    width, height = figure.get_size_inches()
    return float(width) * 72, float(height) * 72
