"""A cohort's report for trainers and managers: a CSV for spreadsheets (`cohort_csv.py`) and a PDF
to read or print (here; its long tables are `cohort_matrix.py`).

Both are drawn from the same `CohortDashboard` as the trainer's page, so every figure agrees with
what the app shows. Both files are written atomically (a temporary file renamed over the target):
a build that fails or is cancelled leaves no file at all, never half of one. The PDF is
byte-identical for the same dashboard and `now`, which is what its tests compare.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Literal

from msgspec import Struct
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor, white
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from workbook.core.cancel import Cancelled
from workbook.core.cohort_metrics import (
    PASS_MARK,
    STALLED_DAYS,
    Summary,
    module_complete,
    modules_completed,
    summarise,
)
from workbook.core.dashboard_model import CohortDashboard, LearnerRow, ModuleColumn
from workbook.core.pace import FASTEST_WORDS_PER_MINUTE
from workbook.core.score_bands import FAIR, GOOD, score_colour
from workbook.files import write_bytes_atomic
from workbook.reports import fonts
from workbook.reports.certificate_data import display_date
from workbook.reports.cohort_csv import (  # noqa: F401 (callers find the CSV here too)
    SkillLabel,
    csv_header,
    csv_rows,
    default_skill_label,
    write_csv,
)
from workbook.reports.cohort_matrix import LIST_LOOK, PANEL, RULE, Rows, matrix_look, measure_row
from workbook.reports.report_cells import (
    ACCENT,
    CELL,
    CELL_LEFT,
    INK,
    INK_HEX,
    MUTED,
    MUTED_HEX,
    SMALL_CENTRE,
    Cell,
    ScriptText,
    style,
)

PageSize = Literal["A4", "Letter"]
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


class _Steps:
    """Reports progress and honours cancellation between the steps of a long job."""

    def __init__(self, total: int, progress: Progress | None, cancelled: IsCancelled | None) -> None:
        self.total, self.count = total, 0
        self._progress, self._cancelled = progress, cancelled

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("canceled: nothing was written")

    def step(self) -> None:
        self.check()
        self.count = min(self.count + 1, self.total)
        if self._progress is not None:
            self._progress(self.count, self.total)


def _idle_days(row: LearnerRow, now: datetime) -> int | None:
    idle = row.inactive_for(now)
    return None if idle is None else idle.days


# -- PDF ---------------------------------------------------------------------------------------------

PAGE_SIZES = {"A4": landscape(A4), "Letter": landscape(letter)}
MARGIN = 36.0
FRAME_PADDING = 6.0  # platypus's frame keeps this inside the margins
DONE_TINT = HexColor("#e2f0e6")
STARTED_TINT = HexColor("#fbf1de")
MIN_MODULE_WIDTH = 48.0
KEEP_WITH_HEADING = 110.0  # points: less room than this left on a page, and a table's heading starts the next
DASH = "\u2014"


HEADING = style("heading", 12.5, fonts.SANS_BOLD, ACCENT, leading=16)
BODY = style("body", 8.5)
NOTE = style("note", 7.5, colour=MUTED)
SMALL = style("small", 6.8, colour=MUTED, leading=8.5)
FIGURE = style("figure", 19, fonts.SANS_BOLD, ACCENT, TA_CENTER, leading=22)
FIGURE_LABEL = style("figure-label", 7.5, colour=MUTED, align=TA_CENTER, leading=9.5)
KICKER = style("kicker", 9, fonts.SANS_BOLD, ACCENT, leading=12)


class _Document(SimpleDocTemplate):
    """Checks for cancellation after each block is laid out (a long matrix is many blocks)."""

    def __init__(self, target, steps: _Steps, **options) -> None:
        super().__init__(target, **options)
        self._steps = steps

    def afterFlowable(self, flowable) -> None:  # reportlab's hook, hence the name
        self._steps.check()


class _Report(Struct):
    dashboard: CohortDashboard
    now: datetime
    width: float  # of the frame
    skill_label: SkillLabel
    pass_mark: int
    course_title: str | None
    stalled_days: int

    def heading(self, text: str) -> Paragraph:
        return Paragraph(escape(text), HEADING)

    # -- page 1 ------------------------------------------------------------------------------
    def title_block(self, summary: Summary) -> list[Flowable]:
        d = self.dashboard
        facts = [self.course_title] if self.course_title else []
        facts += [display_date(self.now.date()), _count(summary.learners, "learner"),
                  _count(len(d.modules), "module"), _count(d.scenarios_total, "practice call")]
        return [Paragraph("COHORT REPORT", KICKER),
                ScriptText(d.cohort_name, 22, "sans-bold", INK, max_lines=2),
                Spacer(1, 2),
                ScriptText("  \u00b7  ".join(facts), 10, "sans", MUTED, max_lines=2),
                HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=6, spaceAfter=10)]

    def summary_block(self, summary: Summary) -> Table:
        quiz_count = sum(1 for m in self.dashboard.modules if m.has_quiz)
        figures = [
            (str(summary.learners), "learners"),
            (f"{summary.lessons_read}%", "of the lessons read"),
            (f"{summary.passed_all_quizzes}", f"passed all {quiz_count} quizzes" if quiz_count > 1
             else "passed the quiz" if quiz_count else "no quizzes in the course"),
            (f"{summary.calls_handled_well}%", "of the practice calls handled well"),
            (str(summary.certified), "certified"),
            (str(summary.stalled), f"with no activity for {self.stalled_days} days"),
        ]
        cells = [[Paragraph(value, FIGURE), Paragraph(escape(label), FIGURE_LABEL)]
                 for value, label in figures]
        table = Table([cells], colWidths=[self.width / len(cells)] * len(cells))
        table.setStyle(_table_style([
            ("BACKGROUND", (0, 0), (-1, -1), PANEL),
            ("LINEAFTER", (0, 0), (-2, -1), 4, white),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ]))
        return table

    def charts_block(self, drawings: Sequence[Drawing]) -> Table:
        """The charts side by side, as vector drawings."""
        from workbook.reports.charts import scaled

        gap = 14.0
        column = (self.width - gap * (len(drawings) - 1)) / len(drawings)
        cells = [scaled(drawing, column) for drawing in drawings]
        table = Table([cells], colWidths=[column + (gap if i < len(cells) - 1 else 0)
                                          for i in range(len(cells))])
        table.setStyle(_table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "LEFT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 10)]))
        return table

    # -- insights ------------------------------------------------------------------------------
    def weakest_block(self) -> list[Flowable]:
        d = self.dashboard
        weakest = d.weakest_skills(3)
        title = self.heading("Weakest skills of the cohort")
        if not weakest:
            return [KeepTogether([title, Paragraph("No quiz or practice-call scores yet.", BODY)])]
        widths = [170, 80, 80, 60]
        rows: list[list] = [[Paragraph(h, SMALL) for h in ("Skill", "Cohort average", "Learners scored",
                                                          f"Under {FAIR}%", "Lowest scores")]]
        for skill, percent in weakest:
            scored = sorted((r.skills[skill], r.name) for r in d.learners if skill in r.skills)
            rows.append([ScriptText(self.skill_label(skill), 9, "sans-bold"),
                         Paragraph(f'<font color="{score_colour(percent)}">{percent}%</font>', CELL_LEFT),
                         Paragraph(str(len(scored)), CELL_LEFT),
                         Paragraph(str(sum(1 for score, _ in scored if score < FAIR)), CELL_LEFT),
                         self.lowest_scores(scored[:3], self.width - sum(widths) - 8)])
        table = Table(rows, colWidths=[*widths, self.width - sum(widths)], repeatRows=1)
        table.setStyle(_list_style())
        return [KeepTogether([title, table])]

    @staticmethod
    def lowest_scores(scored: Sequence[tuple[int, str]], width: float) -> Flowable:
        """Name and score in cells of their own: on one line, an Arabic name would pull the score
        to its other side (bidi rules), and the list would read in a jumble."""
        if not scored:
            return Paragraph(DASH, CELL_LEFT)
        name_width = min(130.0, (width - 3 * 34) / 3)
        cells: list[Flowable] = []
        for score, name in scored:
            cells += [ScriptText(name, 8, max_lines=1),
                      Paragraph(f'<font color="{score_colour(score)}">{score}%</font>', CELL_LEFT)]
        table = Table([cells], colWidths=[name_width, 34] * len(scored))
        table.setStyle(_table_style([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        table.hAlign = "LEFT"
        return table

    def stalled_block(self) -> list[Flowable]:
        stalled = self.dashboard.stalled(self.stalled_days, self.now)
        title = self.heading(f"Stalled learners: no activity for {self.stalled_days} days or more")
        if not stalled:
            return [KeepTogether([title, Paragraph(
                f"Nobody: every learner has been active in the last {self.stalled_days} days.", BODY)])]
        modules = self.dashboard.modules
        header = [Paragraph(h, SMALL) for h in ("Learner", "Employee ID", "Last active",
                                                "Days without activity", "Modules completed",
                                                "Calls handled well")]
        widths = [190, 90, 90, 100, 100]
        widths.append(self.width - sum(widths))
        rows = []
        for row in stalled:
            idle = _idle_days(row, self.now)
            columns = [[ScriptText(row.shown_name, 8.5, max_lines=1)],
                       [ScriptText(row.employee_id or DASH, 8, colour=MUTED, max_lines=1)],
                       *(Cell([(text, CELL_LEFT.fontSize, INK_HEX)], CELL_LEFT) for text in (
                           _short_date(row.last_active) or "never",
                           DASH if idle is None else str(idle),
                           f"{modules_completed(row, modules, self.pass_mark)} of {len(modules)}",
                           f"{row.calls_strong} of {self.dashboard.scenarios_total}"))]
            rows.append(measure_row(columns, widths, LIST_LOOK))
        table = Rows(header, rows, widths, LIST_LOOK)
        # A long list splits across pages, its header row repeated; the heading never ends a page.
        return [CondPageBreak(KEEP_WITH_HEADING), title, table]

    def rushed_block(self) -> list[Flowable]:
        """The dashboard's fast-answer flags (workbook.core.pace), most rushed attempts first."""
        rushed = sorted((row for row in self.dashboard.learners if row.pace.rushed),
                        key=lambda row: (-row.pace.rushed, row.name))
        title = self.heading("Answered faster than reading allows")
        if not rushed:
            return [KeepTogether([title, Paragraph("Nobody: no quiz attempt or call was rushed.", BODY)])]
        header = [Paragraph(h, SMALL) for h in ("Learner", "Employee ID", "Median s / question",
                                                "Median s / turn", "Rushed quiz attempts", "Rushed calls")]
        widths = [190, 90, 90, 100, 100]
        widths.append(self.width - sum(widths))
        rows = []
        for row in rushed:
            pace = row.pace
            columns = [[ScriptText(row.shown_name, 8.5, max_lines=1)],
                       [ScriptText(row.employee_id or DASH, 8, colour=MUTED, max_lines=1)],
                       *(Cell([(text, CELL_LEFT.fontSize, INK_HEX)], CELL_LEFT) for text in (
                           _whole_seconds(pace.seconds_per_question), _whole_seconds(pace.seconds_per_turn),
                           str(pace.rushed_quizzes), str(pace.rushed_calls)))]
            rows.append(measure_row(columns, widths, LIST_LOOK))
        note = Paragraph("An answer is too fast when it came sooner than its words can be read at "
                         f"{FASTEST_WORDS_PER_MINUTE} words a minute; an attempt is rushed when at least "
                         "half its answers (and three or more) were.", BODY)
        return [CondPageBreak(KEEP_WITH_HEADING), title, note, Rows(header, rows, widths, LIST_LOOK)]

    # -- the learner x module matrix ------------------------------------------------------------
    def matrix_blocks(self, steps: _Steps) -> list[Flowable]:
        d = self.dashboard
        name_width, tail = 136.0, [46.0, 84.0, 62.0]
        room = self.width - name_width - sum(tail)
        per_table = max(1, int(room // MIN_MODULE_WIDTH))
        groups = [d.modules[i:i + per_table] for i in range(0, len(d.modules), per_table)] or [()]
        cells = {row.learner_id: [self.module_cell(row, m) for m in d.modules] for row in d.learners}
        learner_cells = {}
        for row in d.learners:
            learner_cells[row.learner_id] = self.learner_cells(row)
            steps.step()
        blocks: list[Flowable] = []
        start = 0
        for number, group in enumerate(groups, 1):
            part = f" (part {number} of {len(groups)})" if len(groups) > 1 else ""
            module_width = room / len(group) if group else room
            header = [Paragraph("Learner", SMALL)]
            header += [ScriptText(m.title, 6.6, "sans-bold", INK, "centre", max_lines=4) for m in group]
            header += [Paragraph(h, SMALL_CENTRE) for h in ("Calls well", "Certificate", "Last active")]
            widths = [name_width, *([module_width] * len(group)), *tail]
            look = matrix_look(len(group))
            rows = []
            for row in d.learners:
                name, calls, certificate, last = learner_cells[row.learner_id]
                module_cells = cells[row.learner_id][start:start + len(group)]
                rows.append(measure_row([name, *module_cells, calls, certificate, last], widths, look))
                steps.check()
            start += len(group)
            table = Rows(header, rows, widths, look)
            blocks += [CondPageBreak(KEEP_WITH_HEADING), self.heading(f"Learners and modules{part}"), table,
                       Spacer(1, 6)]
        blocks.append(Paragraph(
            f"Each module shows sections read of the total and, below, the best quiz score (green from "
            f"{GOOD}%, amber from {FAIR}%, red below; {DASH} not taken). Green cell: module completed "
            f"(every section read and the quiz passed at {self.pass_mark}%); amber: started. Calls well: "
            f"practice calls handled well as the certificate counts them (ended well with the course's "
            f"skill score), of {d.scenarios_total}.", NOTE))
        return blocks

    def module_cell(self, row: LearnerRow, module: ModuleColumn) -> Cell:
        read = row.sections_read.get(module.module_id, 0)
        best = row.quiz_best.get(module.module_id)
        if not module.has_quiz:
            quiz = ("no quiz", 6.5, MUTED_HEX)
        elif best is None:
            quiz = (DASH, CELL.fontSize, MUTED_HEX)
        else:
            quiz = (f"{best}%", CELL.fontSize, score_colour(best))
        if module_complete(row, module, self.pass_mark):
            tint = DONE_TINT
        elif read or best is not None:
            tint = STARTED_TINT
        else:
            tint = None
        return Cell([(f"{read}/{module.sections_total}", CELL.fontSize, INK_HEX), quiz], tint=tint)

    def learner_cells(self, row: LearnerRow) -> list:
        name = [ScriptText(row.shown_name, 8.5, max_lines=2)]
        if row.employee_id:
            name.append(ScriptText(row.employee_id, 6.8, colour=MUTED, max_lines=1))
        idle = _idle_days(row, self.now)
        stalled = idle is None or idle >= self.stalled_days
        last = _short_date(row.last_active) or "never"
        colour = "#a12a2a" if stalled else "#1d2733"
        calls = f"{row.calls_strong}/{self.dashboard.scenarios_total}"
        return [name, Cell([(calls, CELL.fontSize, INK_HEX)]),
                Cell([(row.certificate_id or DASH, SMALL_CENTRE.fontSize, MUTED_HEX)], SMALL_CENTRE),
                Cell([(last, CELL.fontSize, colour)])]

    def footer(self, canvas, doc) -> None:
        width, _ = doc.pagesize
        left = MARGIN + FRAME_PADDING
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(left, 27, width - left, 27)
        canvas.setFillColor(MUTED)
        label = fonts.ellipsize(f"Cohort report: {self.dashboard.cohort_name}", width / 2, 7.5)
        fonts.draw_text(canvas, label, left, 17, 7.5)
        fonts.draw_text(canvas, f"{display_date(self.now.date())}  \u00b7  page {doc.page}", width - left,
                        17, 7.5, align="right")
        canvas.restoreState()


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _whole_seconds(value: float | None) -> str:
    return DASH if value is None else f"{value:.0f} s"


def _short_date(moment: datetime | None) -> str:
    return f"{moment:%b} {moment.day}, {moment.year}" if moment else ""


def _table_style(commands: list[tuple]) -> TableStyle:
    """Tables draw with Helvetica unless told otherwise, which would put an unembedded font in the file."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.SANS), *commands])


def _list_style() -> TableStyle:
    return _table_style([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ])


def write_pdf(dashboard: CohortDashboard, out: str | Path, page_size: PageSize = "A4",
              now: datetime | None = None, progress: Progress | None = None,
              cancelled: IsCancelled | None = None, *, skill_label: SkillLabel = default_skill_label,
              pass_mark: int = PASS_MARK, course_title: str | None = None,
              stalled_days: int = STALLED_DAYS) -> Path:
    """Write the landscape PDF report; raises Cancelled, and writes nothing, once `cancelled()` is true.

    `progress(done, total)` follows the steps: the two charts, each learner's row of the matrix, the
    page layout and the write. The same dashboard and `now` give the same bytes.
    """
    from workbook.reports import charts

    now = now or datetime.now(UTC)
    if now.tzinfo is None:  # the dashboard's times are UTC-aware; a naive moment is taken as UTC
        now = now.replace(tzinfo=UTC)
    steps = _Steps(len(dashboard.learners) + 4, progress, cancelled)
    steps.check()
    for name in (fonts.SANS, fonts.SANS_BOLD):  # the styles' faces; text in other scripts loads its own
        fonts.face(name)
    size = PAGE_SIZES[page_size]
    width = size[0] - 2 * MARGIN - 2 * FRAME_PADDING
    report = _Report(dashboard, now, width, skill_label, pass_mark, course_title, stalled_days)
    summary = summarise(dashboard, now, pass_mark, stalled_days)

    drawings = []
    for drawing in (charts.skill_averages_chart(dashboard, skill_label),
                    charts.progress_chart(dashboard, pass_mark)):
        drawings.append(drawing)
        steps.step()

    story: list[Flowable] = [*report.title_block(summary), report.summary_block(summary),
                             report.charts_block(drawings), Spacer(1, 8), *report.weakest_block(),
                             Spacer(1, 10), *report.stalled_block(), Spacer(1, 10),
                             *report.rushed_block(), Spacer(1, 10),
                             *report.matrix_blocks(steps)]
    buffer = io.BytesIO()
    document = _Document(
        buffer, steps, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN + 6, invariant=1, pageCompression=1, initialFontName=fonts.SANS,
        title=f"Cohort report: {dashboard.cohort_name}", author="Difficult Calls Workbook",
        subject=f"{dashboard.cohort_name}, {display_date(now.date())}", creator="Difficult Calls Workbook")
    document.build(story, onFirstPage=report.footer, onLaterPages=report.footer)
    steps.step()
    steps.check()  # the last moment to stop: after this the file is complete
    out = Path(out)
    write_bytes_atomic(out, buffer.getvalue())
    steps.count = steps.total
    if progress is not None:
        progress(steps.total, steps.total)
    return out
