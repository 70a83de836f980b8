"""One widget per question type. Each shows a presented question and reports the learner's response
in the question's file order (see `workbook.core.scoring`), whatever order it displays.

Keyboard: number keys pick options (choice types) or select an item (ordering); Ctrl+Up/Down moves
the selected item; matching uses Tab and the arrow keys in each drop-down.
"""

from __future__ import annotations

from html import escape
from typing import assert_never

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbook.core.attempt import PresentedQuestion
from workbook.core.quiz import BestResponse, Matching, MultipleSelect, Ordering, SingleChoice, TrueFalse
from workbook.ui.i18n import translate
from workbook.ui.theme import MUTED


class QuestionView(QWidget):
    """Base: the prompt on top, the answer area below. `changed` fires on every edit."""

    changed = Signal()
    hint = ""

    def __init__(self, presented: PresentedQuestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presented = presented
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        prompt = QLabel(presented.question.prompt)
        prompt.setObjectName("questionPrompt")
        prompt.setWordWrap(True)
        prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(prompt)

    def response(self) -> tuple[int, ...] | None:
        raise NotImplementedError

    def set_response(self, response: tuple[int, ...]) -> None:
        raise NotImplementedError

    def set_locked(self, locked: bool) -> None:
        self.setEnabled(not locked)

    def pick(self, number: int) -> None:
        """Number key `number` (1-based) was pressed."""

    def focus_answer(self) -> None:
        self.setFocus()


def _keys(count: int) -> str:
    """"keys 1\u20134" for four options (number keys reach nine at most)."""
    last = min(count, 9)
    if last == 1:
        return translate("QuestionView", "key 1")
    return translate("QuestionView", "keys 1\u2013{last}").format(last=last)


class ChoiceView(QuestionView):
    """Single choice, best response and true/false (radio buttons); multiple select (check boxes)."""

    def __init__(self, presented: PresentedQuestion, parent: QWidget | None = None) -> None:
        super().__init__(presented, parent)
        question = presented.question
        self.multiple = isinstance(question, MultipleSelect)
        keys = _keys(len(presented.order))
        self.hint = (self.tr("Pick all that apply ({keys} toggle)") if self.multiple
                     else self.tr("Pick one ({keys})")).format(keys=keys)
        if isinstance(question, BestResponse):
            scene = QLabel(f"<p style='color:{MUTED}'>{escape(question.context)}</p>"
                           "<p><b>" + self.tr("Caller:") + f"</b> <i>{escape(question.caller_line)}</i></p>")
            scene.setObjectName("callerLine")
            scene.setWordWrap(True)
            self.layout_.addWidget(scene)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not self.multiple)
        self.buttons: list[QAbstractButton] = []  # in display order
        self.option_index: list[int] = []  # display position -> file index
        options = question.options
        for place, index in enumerate(presented.order):
            text = f"&{place + 1}  {options[index].text}" if place < 9 else options[index].text
            button: QAbstractButton = QCheckBox(text) if self.multiple else QRadioButton(text)
            button.setObjectName("option")
            self.group.addButton(button, place)
            self.layout_.addWidget(button)
            self.buttons.append(button)
            self.option_index.append(index)
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())
        self.layout_.addStretch(1)

    def response(self) -> tuple[int, ...] | None:
        picked = sorted(self.option_index[place] for place, b in enumerate(self.buttons) if b.isChecked())
        return tuple(picked) or None

    def set_response(self, response: tuple[int, ...]) -> None:
        for place, button in enumerate(self.buttons):
            button.setChecked(self.option_index[place] in response)

    def pick(self, number: int) -> None:
        if 1 <= number <= len(self.buttons) and self.isEnabled():
            button = self.buttons[number - 1]
            button.setChecked(not button.isChecked() if self.multiple else True)
            button.setFocus()

    def focus_answer(self) -> None:
        checked = next((b for b in self.buttons if b.isChecked()), None)
        (checked or self.buttons[0]).setFocus()


class _OrderList(QListWidget):
    """Ctrl+Up/Down move the selected item (plain arrows still move the selection). Number keys
    select rows (see `OrderingView.pick`), so type-to-search is off: it would fight them."""

    move_requested = Signal(int)

    def keyPressEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (
                Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        return


class OrderingView(QuestionView):
    """A list to put in order: drag, the Move buttons, or Ctrl+Up / Ctrl+Down."""

    def __init__(self, presented: PresentedQuestion, parent: QWidget | None = None) -> None:
        super().__init__(presented, parent)
        self.question: Ordering = presented.question
        self.hint = self.tr("Put in order: select an item ({keys}), then Ctrl+Up / Ctrl+Down or drag").format(
            keys=_keys(len(self.question.items)))
        self.items = _OrderList()
        self.items.setObjectName("orderingList")
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items.setAccessibleName(self.tr("Items to put in order"))
        self.items.model().rowsMoved.connect(lambda *_: self._renumber())
        self.items.move_requested.connect(self.move_selected)
        up = QPushButton(self.tr("Move &up"))
        down = QPushButton(self.tr("Move &down"))
        up.clicked.connect(lambda: self.move_selected(-1))
        down.clicked.connect(lambda: self.move_selected(1))
        buttons = QHBoxLayout()
        buttons.addWidget(up)
        buttons.addWidget(down)
        buttons.addStretch(1)
        self.layout_.addWidget(self.items, 1)
        self.layout_.addLayout(buttons)
        self._fill(presented.order)

    def _fill(self, order: tuple[int, ...]) -> None:
        self.items.clear()
        for index in order:
            self.items.addItem(self.question.items[index])
            self.items.item(self.items.count() - 1).setData(Qt.ItemDataRole.UserRole, index)
        self._renumber(emit=False)
        self.items.setCurrentRow(0)

    def _renumber(self, emit: bool = True) -> None:
        for row in range(self.items.count()):
            item = self.items.item(row)
            item.setText(f"{row + 1}.  {self.question.items[item.data(Qt.ItemDataRole.UserRole)]}")
        if emit:
            self.changed.emit()

    def move_selected(self, step: int) -> None:
        row = self.items.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.items.count() or not self.isEnabled():
            return
        item = self.items.takeItem(row)
        self.items.insertItem(target, item)
        self.items.setCurrentRow(target)
        self._renumber()

    def response(self) -> tuple[int, ...] | None:
        return tuple(self.items.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.items.count()))

    def set_response(self, response: tuple[int, ...]) -> None:
        if sorted(response) == list(range(len(self.question.items))):
            self._fill(tuple(response))

    def pick(self, number: int) -> None:
        if 1 <= number <= self.items.count():
            self.items.setCurrentRow(number - 1)
            self.items.setFocus()

    def focus_answer(self) -> None:
        self.items.setFocus()


class MatchingView(QuestionView):
    """Each left-hand item gets a drop-down of the right-hand items, in the shown order."""

    def __init__(self, presented: PresentedQuestion, parent: QWidget | None = None) -> None:
        super().__init__(presented, parent)
        self.hint = self.tr("Match each item: Tab moves between the lists, arrow keys choose")
        self.question: Matching = presented.question
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.combos: list[QComboBox] = []
        for pair in self.question.pairs:
            combo = QComboBox()
            combo.addItem(self.tr("Choose\u2026"), -1)
            for index in presented.order:
                combo.addItem(self.question.pairs[index].right, index)
            combo.currentIndexChanged.connect(lambda *_: self.changed.emit())
            combo.setAccessibleName(self.tr("Match for: {item}").format(item=pair.left))
            label = QLabel(pair.left)
            label.setWordWrap(True)
            label.setMinimumWidth(380)
            form.addRow(label, combo)
            self.combos.append(combo)
        self.layout_.addLayout(form)
        self.layout_.addStretch(1)

    def response(self) -> tuple[int, ...] | None:
        chosen = tuple(combo.currentData() for combo in self.combos)
        return None if all(c == -1 for c in chosen) else chosen

    def set_response(self, response: tuple[int, ...]) -> None:
        for combo, chosen in zip(self.combos, response, strict=False):
            found = combo.findData(chosen)
            combo.setCurrentIndex(max(found, 0))

    def pick(self, number: int) -> None:
        if 1 <= number <= len(self.combos):
            self.combos[number - 1].setFocus()

    def focus_answer(self) -> None:
        self.combos[0].setFocus()


def view_for(presented: PresentedQuestion) -> QuestionView:
    question = presented.question
    match question:
        case Ordering():
            return OrderingView(presented)
        case Matching():
            return MatchingView(presented)
        case SingleChoice() | MultipleSelect() | BestResponse() | TrueFalse():
            return ChoiceView(presented)
        case _:
            assert_never(question)
