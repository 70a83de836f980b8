"""The learner x module matrix as a Qt table model, sortable and filterable through a proxy."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from workbook.core.dashboard_model import CohortDashboard, LearnerRow
from workbook.ui.dates import day_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
LEARNER_ROLE = Qt.ItemDataRole.UserRole + 2
_FIXED = (QT_TRANSLATE_NOOP("MatrixModel", "Learner"), QT_TRANSLATE_NOOP("MatrixModel", "Employee ID"))
_TAIL = (QT_TRANSLATE_NOOP("MatrixModel", "Calls handled well"),
         QT_TRANSLATE_NOOP("MatrixModel", "Certificate"),
         QT_TRANSLATE_NOOP("MatrixModel", "Weakest skill"),
         QT_TRANSLATE_NOOP("MatrixModel", "Median s / question"),
         QT_TRANSLATE_NOOP("MatrixModel", "Median s / turn"), QT_TRANSLATE_NOOP("MatrixModel", "Last active"))
_ROLES = frozenset(int(role) for role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, LEARNER_ROLE,
                                          Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole))
RUSHED = "\u26a0"  # marks a pace column: some attempts were answered faster than reading allows


class MatrixModel(QAbstractTableModel):
    """Columns: learner, employee id, one per module ("read/total · quiz%"), calls, certificate,
    weakest skill, median seconds per question and per call turn (with a warning sign and a tooltip
    when attempts were rushed: `workbook.core.pace`), last active. Sorting uses numbers, not the
    shown text."""

    def __init__(self, skill_label=lambda skill: skill, parent=None) -> None:
        super().__init__(parent)
        self.dashboard: CohortDashboard | None = None
        self.rows: list[LearnerRow] = []
        self.skill_label = skill_label
        self._columns = 0
        self._shown_titles: list[str] = []  # the titles as the header shows them (wrapped), if set

    def set_dashboard(self, dashboard: CohortDashboard) -> None:
        self.beginResetModel()
        self.dashboard = dashboard
        self.rows = list(dashboard.learners)
        self._columns = len(_FIXED) + len(dashboard.modules) + len(_TAIL)
        self._shown_titles = []
        self.endResetModel()

    def title(self, section: int) -> str:
        """A column's title on one line, as the reports print it."""
        modules = self.dashboard.modules
        if section < len(_FIXED):
            return self.tr(_FIXED[section])
        if section < len(_FIXED) + len(modules):
            return modules[section - len(_FIXED)].title
        return self.tr(_TAIL[section - len(_FIXED) - len(modules)])

    def show_titles(self, titles: list[str]) -> None:
        """The titles as the header shows them: the same words, broken over lines to fit the column
        (the page decides where, from the pixels its font needs)."""
        self._shown_titles = list(titles)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self._columns - 1))

    def cell_text(self, row: int, column: int) -> str:
        """What the cell shows (for sizing columns without a round of data() calls per role)."""
        return self._cell(self.rows[row], column)[0]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """One key per row in Python, instead of a proxy asking data() for every comparison
        (2,000 learners: a few ms instead of a few hundred)."""
        if self.dashboard is None or not 0 <= column < self.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=lambda row: self._cell(row, column)[1],
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.dashboard is None else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns  # asked thousands of times a paint: kept, not counted

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if not horizontal or not self.dashboard or not 0 <= section < self._columns:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.title(section)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if len(self._shown_titles) == self._columns:
            return self._shown_titles[section]
        return self.title(section)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid() or self.dashboard is None:
            return None  # the view asks for a dozen roles per cell painted, most of them unused here
        row = self.rows[index.row()]
        if role == LEARNER_ROLE:
            return row.learner_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())[0]
        if role == SORT_ROLE:
            return self._cell(row, index.column())[1]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= len(_FIXED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._pace_tip(row, index.column())
        return None

    def _pace_tip(self, row: LearnerRow, column: int) -> str | None:
        tail = column - len(_FIXED) - len(self.dashboard.modules)
        rushed = {3: row.pace.rushed_quizzes, 4: row.pace.rushed_calls}.get(tail)
        if not rushed:
            return None
        what = (self.tr("%n quiz attempt(s) answered faster than reading allows", "", rushed) if tail == 3
                else self.tr("%n practice call(s) answered faster than reading allows", "", rushed))
        return what + self.tr(": at least half the answers came before their text could be read at 500 words "
                              "a minute. Double-click for the attempts.")

    def _cell(self, row: LearnerRow, column: int) -> tuple[str, object]:
        modules = self.dashboard.modules
        if column == 0:
            return row.shown_name, row.name.casefold()
        if column == 1:
            return row.employee_id or "", row.employee_id or ""
        if column < len(_FIXED) + len(modules):
            module = modules[column - len(_FIXED)]
            read = row.sections_read.get(module.module_id, 0)
            best = row.quiz_best.get(module.module_id)
            missing = "  \u00b7  \u2013" if module.has_quiz else ""
            quiz = f"  \u00b7  {best}%" if best is not None else missing
            return f"{read}/{module.sections_total}{quiz}", read * 1000 + (best if best is not None else -1)
        tail = column - len(_FIXED) - len(modules)
        if tail == 0:
            return f"{row.calls_strong}/{self.dashboard.scenarios_total}", row.calls_strong
        if tail == 1:
            return row.certificate_id or "", row.certificate_id or ""
        if tail == 2:
            weakest = row.weakest_skills(1)
            if not weakest:
                return "", 101
            skill, percent = weakest[0]
            return f"{self.skill_label(skill)} {percent}%", percent
        if tail in (3, 4):
            seconds = row.pace.seconds_per_question if tail == 3 else row.pace.seconds_per_turn
            rushed = row.pace.rushed_quizzes if tail == 3 else row.pace.rushed_calls
            if seconds is None:
                return "", -1.0
            flag = f"  {RUSHED} {rushed}" if rushed else ""
            return f"{seconds:.0f} s{flag}", seconds
        last = row.last_active
        return (day_text(last.astimezone()) if last else self.tr("never"),
                last.timestamp() if isinstance(last, datetime) else 0.0)
