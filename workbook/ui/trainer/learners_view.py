"""The trainer's learner list: every profile (namesakes told apart), archived ones marked, with
Restore for an archived profile and Merge for two profiles of the same person.

It draws and asks; `TrainerLearners` (trainer/learners.py) writes. "Archived learners" is the same
view filtered to archived profiles.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbook.store.learners import LearnerListing

COLUMNS = (QT_TRANSLATE_NOOP("LearnersView", "Name"), QT_TRANSLATE_NOOP("LearnersView", "Employee ID"),
           QT_TRANSLATE_NOOP("LearnersView", "E-mail"), QT_TRANSLATE_NOOP("LearnersView", "First activity"),
           QT_TRANSLATE_NOOP("LearnersView", "Status"))


class LearnersView(QDialog):
    restore_requested = Signal(str)  # learner id
    merge_requested = Signal(str, str)  # merged-away id, surviving id
    archived_only_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, archived_only: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Learners"))
        self.resize(820, 520)
        self.rows: list[LearnerListing] = []
        self.show_filter = QComboBox()
        self.show_filter.addItems([self.tr("All learners"), self.tr("Archived learners")])
        self.show_filter.setCurrentIndex(int(archived_only))
        self.show_filter.setAccessibleName(self.tr("Show"))
        self.show_filter.currentIndexChanged.connect(
            lambda index: self.archived_only_changed.emit(bool(index)))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Learner profiles"))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.restore_button = QPushButton(self.tr("&Restore to the profile list"))
        self.restore_button.clicked.connect(self._restore)
        self.merge_from = QComboBox()
        self.merge_from.setAccessibleName(self.tr("Profile to merge away"))
        self.merge_into = QComboBox()
        self.merge_into.setAccessibleName(self.tr("Profile that stays"))
        self.merge_button = QPushButton(self.tr("&Merge\u2026"))
        self.merge_button.clicked.connect(self._merge)
        self.empty = QLabel("")
        self.empty.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.show_filter)
        top.addStretch(1)
        top.addWidget(self.restore_button)
        merge = QHBoxLayout()
        merge.addWidget(QLabel(self.tr("Same person: merge")))
        merge.addWidget(self.merge_from, 1)
        merge.addWidget(QLabel(self.tr("into")))
        merge.addWidget(self.merge_into, 1)
        merge.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(merge)

    @property
    def archived_only(self) -> bool:
        return self.show_filter.currentIndex() == 1

    def show_learners(self, rows: list[LearnerListing], choices: list[LearnerListing]) -> None:
        """`rows` fill the table; `choices` (every profile) fill the merge boxes."""
        self.rows = rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            values = (row.name, row.employee_id or "", row.email or "",
                      (row.first_activity or "")[:10] or self.tr("none yet"),
                      self.tr("archived") if row.archived else self.tr("listed"))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.table.setItem(number, column, item)
        nobody = self.tr("No archived learners.") if self.archived_only else self.tr("No learners.")
        self.empty.setText("" if rows else nobody)
        for box in (self.merge_from, self.merge_into):
            box.clear()
            for choice in choices:
                mark = " " + self.tr("(archived)") if choice.archived else ""
                employee = f" · {choice.employee_id}" if choice.employee_id else ""
                box.addItem(f"{choice.name}{employee}{mark}", choice.id)
        if self.merge_into.count() > 1:
            self.merge_into.setCurrentIndex(1)
        self._update_buttons()

    def selected(self) -> LearnerListing | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def select(self, learner_id: str) -> None:
        for number, row in enumerate(self.rows):
            if row.id == learner_id:
                self.table.selectRow(number)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(chosen is not None and chosen.archived)
        self.merge_button.setEnabled(self.merge_from.count() > 1)
        if chosen is not None:
            self.merge_from.setCurrentIndex(max(0, self.merge_from.findData(chosen.id)))

    def _restore(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.archived:
            self.restore_requested.emit(chosen.id)

    def _merge(self) -> None:
        self.merge_requested.emit(self.merge_from.currentData(), self.merge_into.currentData())
