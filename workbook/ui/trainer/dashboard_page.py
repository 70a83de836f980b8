"""The trainer's page: cohorts on the left (archived ones below them, with Restore); on the right the
cohort's matrix (sortable, filterable), per-skill chart, weakest skills, stalled learners, and the
cohort jobs (roster, reports, certificates). Signals say what the trainer asked for; the controller
does it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbook.core.dashboard_model import CohortDashboard
from workbook.core.score_bands import score_colour
from workbook.ui.theme import MUTED
from workbook.ui.trainer.matrix_model import LEARNER_ROLE, MatrixModel
from workbook.ui.trainer.skill_chart import SkillChart

CELL_PADDING = 14  # pixels around a cell's text: Qt's item margins and a little air
MIN_COLUMN = 72  # pixels: a title gets at least this much room before it is broken over lines
LEFT_MAX, SIDE_MIN = 220, 300  # pixels: the cohort list and the chart's panel; the table takes the rest
SPLIT = (180, 700, 350)  # first widths (cohorts, table, chart), shared out again as the page sizes
HEADER_PADDING = 24  # pixels around a title: the header's margins and its sort arrow's place
TITLE_LINES = 3


def wrap_title(title: str, width: int, metrics) -> str:
    """`title` broken at spaces into lines of at most `width` pixels, widened until it takes no more
    than TITLE_LINES lines (a single word wider than that stays whole)."""
    words = title.split()
    width = max(width, max((metrics.horizontalAdvance(word) for word in words), default=0))
    while True:
        lines: list[str] = []
        for word in words:
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        if len(lines) <= TITLE_LINES:
            return "\n".join(lines)
        width += 8


class _FilterProxy(QSortFilterProxyModel):
    """Filters here; sorting is passed to the source model, which sorts its rows in one pass."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class DashboardPage(QWidget):
    cohort_selected = Signal(str)
    new_cohort_requested = Signal()
    rename_cohort_requested = Signal(str)
    archive_cohort_requested = Signal(str)
    restore_cohort_requested = Signal(str)
    roster_import_requested = Signal(str)
    report_requested = Signal(str, str)  # cohort id, "csv" or "pdf"
    certificates_requested = Signal(str)
    learner_opened = Signal(str)
    home_requested = Signal()
    lock_requested = Signal()
    learners_requested = Signal(bool)  # archived only
    import_progress_requested = Signal()

    def __init__(self, skill_label=lambda skill: skill, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.skill_label = skill_label
        self.dashboard: CohortDashboard | None = None
        self.chart = SkillChart(skill_label)  # the report's skills chart, painted with QPainter

        # Not "&Home" as on the learner's pages: Alt+H is the Help menu's, and the button never got it.
        home = QPushButton("\u2190 " + self.tr("H&ome"))
        home.clicked.connect(self.home_requested)
        title = QLabel(self.tr("Trainer: cohorts"))
        title.setObjectName("pageTitle")
        lock = QPushButton(self.tr("&Lock trainer views"))
        lock.clicked.connect(self.lock_requested)
        self.learners_button = QPushButton(self.tr("L&earners\u2026"))
        self.learners_button.clicked.connect(lambda: self.learners_requested.emit(False))
        self.archived_button = QPushButton(self.tr("Arch&ived learners\u2026"))
        self.archived_button.clicked.connect(lambda: self.learners_requested.emit(True))
        self.import_button = QPushButton(self.tr("Import &progress\u2026"))
        self.import_button.clicked.connect(self.import_progress_requested)
        top = QHBoxLayout()
        top.addWidget(home)
        top.addSpacing(12)
        top.addWidget(title, 1)
        for button in (self.learners_button, self.archived_button, self.import_button, lock):
            top.addWidget(button)

        self.cohorts = QListWidget()
        self.cohorts.setAccessibleName(self.tr("Cohorts"))
        self.cohorts.currentItemChanged.connect(self._cohort_changed)
        new = QPushButton(self.tr("&New cohort\u2026"))
        new.clicked.connect(self.new_cohort_requested)
        self.rename_button = QPushButton(self.tr("Rena&me\u2026"))
        self.rename_button.clicked.connect(lambda: self._with_cohort(self.rename_cohort_requested))
        self.archive_button = QPushButton(self.tr("&Archive"))
        self.archive_button.clicked.connect(lambda: self._with_cohort(self.archive_cohort_requested))
        self.roster_button = QPushButton(self.tr("Import &roster CSV\u2026"))
        self.roster_button.clicked.connect(lambda: self._with_cohort(self.roster_import_requested))
        self.archived_label = QLabel(self.tr("Archived cohorts"))
        self.archived_label.setObjectName("muted")
        self.archived = QListWidget()
        self.archived.setAccessibleName(self.tr("Archived cohorts"))
        self.archived.setMaximumHeight(110)
        self.archived.currentItemChanged.connect(
            lambda item, _previous: self.restore_button.setEnabled(item is not None))
        self.restore_button = QPushButton(self.tr("Res&tore"))
        self.restore_button.setToolTip(self.tr("Bring the archived cohort back to the list"))
        self.restore_button.clicked.connect(self._restore_chosen)
        left = QVBoxLayout()
        left.addWidget(self.cohorts, 1)
        for button in (new, self.rename_button, self.archive_button, self.roster_button):
            left.addWidget(button)
        for widget in (self.archived_label, self.archived, self.restore_button):
            left.addWidget(widget)
        left_host = QWidget()
        left_host.setLayout(left)
        left_host.setMaximumWidth(LEFT_MAX)

        self.summary = QLabel(self.tr("Choose or create a cohort."))
        self.summary.setObjectName("quizFacts")
        self.summary.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter learners by name or employee ID (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.stalled_days = QSpinBox()
        self.stalled_days.setRange(1, 365)
        self.stalled_days.setValue(7)
        self.stalled_days.setSuffix(" " + self.tr("days"))
        self.stalled_days.setAccessibleName(self.tr("Days without progress"))
        self.stalled_days.valueChanged.connect(lambda _: self._show_stalled())
        stalled_label = QLabel(self.tr("No pro&gress for"))
        stalled_label.setBuddy(self.stalled_days)
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(stalled_label)
        filters.addWidget(self.stalled_days)
        self.side_button = QPushButton()
        self.side_button.clicked.connect(lambda: self.show_side_panel(self.side.isHidden()))
        filters.addWidget(self.side_button)

        self.model = MatrixModel(skill_label)
        self.proxy = _FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by name until the trainer chooses
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab and Shift+Tab leave the table (arrows move inside it), and the current cell is framed
        # (the style sheet's `item:focus`), so a keyboard user sees where they are and gets out.
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # sized by _fit_columns
        header.setHighlightSections(False)  # a selected row would embolden every title past its width
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Learners by module"))
        self.table.doubleClicked.connect(self._open_learner)
        self.table.activated.connect(self._open_learner)

        self.insights = QLabel("")
        self.insights.setWordWrap(True)
        self.insights.setTextFormat(Qt.TextFormat.RichText)
        side = QVBoxLayout()
        side.addWidget(self.chart)
        side.addWidget(self.insights, 1)
        self.side = side_host = QWidget()
        side_host.setLayout(side)
        side_host.setMinimumWidth(SIDE_MIN)

        self.csv_button = QPushButton(self.tr("Report &CSV\u2026"))
        self.csv_button.clicked.connect(lambda: self._with_cohort(lambda c: self.report_requested.emit(c,
                                                                                                     "csv")))
        self.pdf_button = QPushButton(self.tr("Report P&DF\u2026"))
        self.pdf_button.clicked.connect(lambda: self._with_cohort(lambda c: self.report_requested.emit(c,
                                                                                                     "pdf")))
        self.certificates_button = QPushButton(self.tr("Certificate&s for eligible learners\u2026"))
        self.certificates_button.clicked.connect(lambda: self._with_cohort(self.certificates_requested))
        jobs = QHBoxLayout()
        jobs.addStretch(1)
        for button in (self.csv_button, self.pdf_button, self.certificates_button):
            jobs.addWidget(button)

        centre = QVBoxLayout()
        centre.addWidget(self.summary)
        centre.addLayout(filters)
        centre.addWidget(self.table, 1)
        centre.addLayout(jobs)
        centre_host = QWidget()
        centre_host.setLayout(centre)
        self.splitter = splitter = QSplitter()
        for part in (left_host, centre_host, side_host):
            splitter.addWidget(part)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes(list(SPLIT))  # the table first: at 1280 wide it gets about 700 px
        self.show_side_panel(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._set_cohort_actions(False)

    def show_side_panel(self, shown: bool) -> None:
        """The chart and the insights beside the table, or the table alone across the page."""
        self.side.setVisible(shown)
        self.side_button.setText(self.tr("Hide s&kills overview") if shown
                                 else self.tr("Show s&kills overview"))
        self.side_button.setToolTip(self.tr("The skills chart, the weakest skills and who has stalled, "
                                            "beside the table"))

    # -- cohorts ----------------------------------------------------------------------------

    def show_cohorts(self, cohorts: list[tuple[str, str]], select: str | None = None,
                     archived: list[tuple[str, str]] | None = None) -> None:
        """(id, name) pairs of the active cohorts, and of the archived ones (listed for Restore)."""
        self.archived.clear()
        for cohort_id, name in archived or []:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, cohort_id)
            self.archived.addItem(item)
        for widget in (self.archived_label, self.archived, self.restore_button):
            widget.setVisible(bool(archived))
        self.restore_button.setEnabled(False)
        self.cohorts.blockSignals(True)
        self.cohorts.clear()
        for cohort_id, name in cohorts:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, cohort_id)
            self.cohorts.addItem(item)
        self.cohorts.blockSignals(False)
        ids = [self.cohorts.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.cohorts.count())]
        chosen = ids.index(select) if select in ids else (0 if ids else -1)
        if chosen >= 0:
            self.cohorts.setCurrentRow(chosen)  # emits cohort_selected
        else:
            self.dashboard = None
            self.model.set_dashboard(CohortDashboard("", "", (), 0, (), {}))
            self._fit_columns()  # the empty table's titles fit too
            self.summary.setText(self.tr("No cohorts yet: create one, then import a roster or add learners."))
            self._set_cohort_actions(False)

    def _restore_chosen(self) -> None:
        item = self.archived.currentItem()
        if item is not None:
            self.restore_cohort_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def current_cohort(self) -> str | None:
        item = self.cohorts.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _cohort_changed(self, item, _previous) -> None:
        if item is not None:
            self.cohort_selected.emit(item.data(Qt.ItemDataRole.UserRole))

    def _with_cohort(self, signal) -> None:
        cohort = self.current_cohort()
        if cohort is not None:
            (signal.emit if hasattr(signal, "emit") else signal)(cohort)

    def _set_cohort_actions(self, enabled: bool) -> None:
        for button in (self.rename_button, self.archive_button, self.roster_button, self.csv_button,
                       self.pdf_button, self.certificates_button):
            button.setEnabled(enabled)

    # -- the dashboard ----------------------------------------------------------------------

    def show_dashboard(self, dashboard: CohortDashboard, now: datetime | None = None) -> None:
        """The matrix and the summary in this turn of the event loop, so the table paints at once with
        every row; the insights and the chart in the next one (each turn stays well under 20 ms on a
        2,000-learner cohort, issue 18). A newer dashboard shown meanwhile replaces the pending rest."""
        self.dashboard = dashboard
        self.now = now or datetime.now(UTC)
        self.model.set_dashboard(dashboard)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._fit_columns()
        self._set_cohort_actions(True)
        learners = dashboard.learners
        certified = sum(1 for row in learners if row.certificate_id)
        total_sections = sum(m.sections_total for m in dashboard.modules) or 1
        mean_progress = (round(100 * sum(sum(r.sections_read.values()) for r in learners)
                               / (total_sections * len(learners))) if learners else 0)
        self.summary.setText(
            f"<b>{escape(dashboard.cohort_name)}</b>: "
            + self.tr("%n learner(s)", "", len(learners)) + " \u00b7 "
            + self.tr("lessons read {percent}% on average").format(percent=mean_progress) + " \u00b7 "
            + self.tr("{count} certified").format(count=certified))
        QTimer.singleShot(0, self, lambda shown=dashboard: self._show_rest(shown))

    def _show_rest(self, shown: CohortDashboard) -> None:
        """The side panel: weakest skills, rushed and stalled learners, the chart."""
        if shown is not self.dashboard:
            return  # another cohort (or a fresh read) came meanwhile; its own turn shows its panel
        self._show_insights()
        self._show_stalled()
        self._draw_chart()

    def _fit_columns(self, sample: int = 40, measured: int = 3) -> None:
        """Each column as wide as the widest of the first `sample` rows' texts, its title broken over
        up to three lines to fit that (a title wider than its column on one line is what cut
        "Calls handled well" short and pushed the rest out of sight). Only the `measured` longest
        texts (by characters) of each column are measured in pixels, and here: Qt's ResizeToContents
        would ask the model for eight roles of each of those cells, again at every sort (10,000 calls
        into Python for a cohort's matrix)."""
        header, metrics = self.table.horizontalHeader(), self.table.fontMetrics()
        rows = min(sample, self.model.rowCount())
        columns = range(self.model.columnCount())
        contents = []
        for column in columns:
            texts = {self.model.cell_text(row, column) for row in range(rows)} if rows else set()
            longest = sorted(texts, key=len, reverse=True)[:measured]
            widest = max((metrics.horizontalAdvance(text) for text in longest), default=0)
            contents.append(max(widest + CELL_PADDING, MIN_COLUMN))
        self.model.show_titles([wrap_title(self.model.title(column), contents[column] - HEADER_PADDING,
                                           header.fontMetrics()) for column in columns])
        # Quietly: the table answers each sectionResized with a timer that repaints those columns in a
        # later turn, a second whole paint of the matrix just after its first; its geometry and one
        # paint are asked for below instead.
        header.blockSignals(True)
        for column in columns:
            header.resizeSection(column, max(contents[column], header.sectionSizeHint(column)))
        header.blockSignals(False)
        self.table.doItemsLayout()  # scroll ranges for the new widths, and one repaint

    def _show_insights(self) -> None:
        weakest = self.dashboard.weakest_skills(3)
        parts = ["<h3>" + self.tr("Weakest skills") + "</h3>"]
        parts += [f"<p><b style='color:{score_colour(p)}'>{p}%</b> {escape(self.skill_label(s))}</p>"
                  for s, p in weakest] or [f"<p style='color:{MUTED}'>" + self.tr("No scores yet.") + "</p>"]
        rushed = sorted((row for row in self.dashboard.learners if row.pace.rushed),
                        key=lambda row: (-row.pace.rushed, row.name.casefold()))
        if rushed:  # answered faster than the text can be read (workbook.core.pace)
            names = ", ".join(f"{escape(row.name)} ({row.pace.rushed})" for row in rushed[:12])
            parts.append("<h3>" + self.tr("Answered faster than reading allows") + f"</h3><p>{names}</p>")
        self._insights_head = "".join(parts)

    def _show_stalled(self) -> None:
        if self.dashboard is None:
            return
        days = self.stalled_days.value()
        stalled = self.dashboard.stalled(days, self.now)
        names = ", ".join(escape(row.shown_name) for row in stalled[:12])
        more = " " + self.tr("and %n more", "", len(stalled) - 12) if len(stalled) > 12 else ""
        heading = "<h3>" + self.tr("No progress for %n day(s)", "", days) + "</h3>"
        body = (f"{heading}<p>{names}{more}</p>" if stalled
                else f"{heading}<p style='color:{MUTED}'>" + self.tr("Nobody.") + "</p>")
        self.insights.setText(getattr(self, "_insights_head", "") + body)

    def _draw_chart(self) -> None:
        if self.dashboard is not None:
            self.chart.show_scores(self.dashboard.skill_averages)

    def _open_learner(self, index) -> None:
        learner_id = self.proxy.data(index, LEARNER_ROLE)
        if learner_id:
            self.learner_opened.emit(learner_id)

    def focus_filter(self) -> None:
        """Ctrl+F (the window's search keys, while this page is shown): type to filter the learners."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.home_requested.emit()
            return
        super().keyPressEvent(event)

