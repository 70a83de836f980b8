"""Practice calls on a page of their own: every call with its best outcome (the one that holds up when
replayed, as on the home cards, with their note on calls not counted), and under it each call the
learner finished, whose debrief opens again (not only "Play again")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec import Struct
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbook.core.scenario import EndingKind
from workbook.ui.dates import moment_text
from workbook.ui.i18n import translate
from workbook.ui.labels import ending_label
from workbook.ui.scenario_card import ScenarioCardWidget

if TYPE_CHECKING:
    from workbook.core.scenario import Scenario
    from workbook.store.practice_calls import CallRecord, StoredCall

ID_ROLE = Qt.ItemDataRole.UserRole  # ("scenario", id) or ("call", id)


class CallHistory(Struct, frozen=True):
    """One scenario as the page lists it: its record (the best ending that holds up when replayed, as
    on its home card) and its finished calls, oldest first; `note`: (what was not counted, why), the
    home card's note, when some of its calls do not hold up."""

    scenario: Scenario
    record: CallRecord | None
    finished: list[StoredCall]
    note: tuple[str, str] | None = None
    not_counted: frozenset[str] = frozenset()  # ids of its finished calls that do not hold up


def outcome_text(call: StoredCall) -> tuple[str, str]:
    """("Resolved", "skills 72%") for a finished call."""
    outcome = call.outcome or {}
    kind = outcome.get("kind")
    label = ending_label(EndingKind(kind)) if kind in set(EndingKind) else translate("CallsPage", "Ended")
    skills = list((outcome.get("skills") or {}).values())
    if not skills:
        return label, ""
    return label, translate("CallsPage", "skills {percent}%").format(percent=round(sum(skills) / len(skills)))


class CallsPage(QWidget):
    call_requested = Signal(str)  # scenario id: start, resume or play again
    debrief_requested = Signal(str)  # call id: a past call's debrief
    home_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.home_button = QPushButton("\u2190 " + self.tr("Home"))
        self.home_button.setToolTip(self.tr("Back to the modules (Esc)"))
        self.home_button.clicked.connect(self.home_requested)
        title = QLabel(self.tr("Practice calls"))
        title.setObjectName("pageTitle")
        top = QHBoxLayout()
        top.addWidget(self.home_button)
        top.addSpacing(12)
        top.addWidget(title, 1)
        hint = QLabel(self.tr("Each call with its best outcome. Open a call to play it, or a past call to "
                              "read its debrief again."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Call"), self.tr("Outcome"), self.tr("Skills"), self.tr("When")])
        self.tree.setAccessibleName(self.tr("Practice calls and your past calls"))
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.itemActivated.connect(lambda *_: self.open_selected())

        self.play_button = QPushButton(self.tr("&Play this call"))
        self.play_button.setObjectName("primary")
        self.play_button.clicked.connect(self._play_selected)
        self.debrief_button = QPushButton(self.tr("Open the &debrief"))
        self.debrief_button.clicked.connect(self._debrief_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.debrief_button)
        buttons.addWidget(self.play_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Esc"), self, self.home_requested.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def show_calls(self, histories: list[CallHistory]) -> None:
        self.tree.clear()
        for history in histories:
            outcome = ScenarioCardWidget.record_text(history.record)
            if history.note is not None:  # under the outcome, with why as its tooltip, as on the card
                outcome += "\n" + history.note[0]
            top = QTreeWidgetItem([history.scenario.title, outcome, "", ""])
            top.setData(0, ID_ROLE, ("scenario", history.scenario.id))
            top.setToolTip(0, history.scenario.summary)
            if history.note is not None:
                top.setToolTip(1, history.note[1])
            for number, call in enumerate(history.finished, start=1):
                label, skills = outcome_text(call)
                when = moment_text(call.ended_at.astimezone()) if call.ended_at else ""
                name = (self.tr("Call {number} (replayed)") if call.replayed_from
                        else self.tr("Call {number}")).format(number=number)
                child = QTreeWidgetItem([name, label, skills, when])
                child.setData(0, ID_ROLE, ("call", call.id))
                child.setToolTip(0, self.tr("Enter opens this call's debrief"))
                if call.id in history.not_counted:  # its row claims an ending its replay misses
                    child.setText(1, self.tr("{ending} (not counted)").format(ending=label))
                    child.setToolTip(1, self.tr("Replayed from its saved choices, this call does not end "
                                                "this way, so the checklist does not count it"))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()  # every past call in sight; a heading closes with Left or a click
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()
        self.tree.setFocus()

    def selected(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def item_for(self, kind: str, item_id: str) -> QTreeWidgetItem | None:
        for row in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(row)
            for item in [top] + [top.child(i) for i in range(top.childCount())]:
                if item.data(0, ID_ROLE) == (kind, item_id):
                    return item
        return None

    def open_selected(self) -> None:
        """Enter or a double-click: a call plays, a past call opens its debrief."""
        chosen = self.selected()
        if chosen is None:
            return
        kind, item_id = chosen
        (self.debrief_requested if kind == "call" else self.call_requested).emit(item_id)

    def _scenario_of_selection(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        top = item.parent() or item
        return top.data(0, ID_ROLE)[1]

    def _play_selected(self) -> None:
        scenario_id = self._scenario_of_selection()
        if scenario_id is not None:
            self.call_requested.emit(scenario_id)

    def _debrief_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen[0] == "call":
            self.debrief_requested.emit(chosen[1])

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.play_button.setEnabled(chosen is not None)
        self.debrief_button.setEnabled(chosen is not None and chosen[0] == "call")
