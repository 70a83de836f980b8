"""Pick a learner profile or create one: the first screen on a shared training-room PC."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbook.store import learners
from workbook.store.learners import ProfileError
from workbook.store.merges import survivor_of
from workbook.ui import dialogs
from workbook.ui.plain_text import plain_label


class ProfilePage(QWidget):
    """Lists active profiles (last used first selected) and a form to add one."""

    learner_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        title = QLabel(self.tr("Who is training today?"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(self.tr("Pick your profile, or create one. Each profile keeps its own progress."))
        subtitle.setObjectName("pageSubtitle")

        self.profile_list = QListWidget()
        self.profile_list.setAccessibleName(self.tr("Learner profiles"))
        self.profile_list.itemActivated.connect(lambda _item: self._open_selected())
        self.profile_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.open_button = QPushButton(self.tr("&Open profile"))
        self.open_button.setObjectName("primary")
        self.open_button.clicked.connect(self._open_selected)
        self.archive_button = QPushButton(self.tr("&Remove from this list\u2026"))
        self.archive_button.clicked.connect(self._archive_selected)
        self.empty_label = QLabel(self.tr("No profiles yet: create the first one on the right."))
        self.empty_label.setObjectName("muted")

        left = QVBoxLayout()
        left.addWidget(QLabel("<b>" + self.tr("Profiles on this computer") + "</b>"))
        left.addWidget(self.profile_list, 1)
        left.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch(1)
        left.addLayout(buttons)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Priya Sharma"))
        self.name_edit.setMaxLength(learners.MAX_NAME)
        self.name_edit.setAccessibleName(self.tr("Display name"))
        self.employee_edit = QLineEdit()
        self.employee_edit.setPlaceholderText(self.tr("optional"))
        self.employee_edit.setMaxLength(40)
        self.employee_edit.setAccessibleName(self.tr("Employee ID"))
        self.create_button = QPushButton(self.tr("&Create profile"))
        self.create_button.setObjectName("primary")
        self.create_button.clicked.connect(self._create)
        self.name_edit.returnPressed.connect(self._create)
        self.employee_edit.returnPressed.connect(self._create)
        self.form_error = plain_label()  # quotes the name typed
        self.form_error.setObjectName("error")
        self.form_error.setWordWrap(True)
        for edit in (self.name_edit, self.employee_edit):  # the message is about what was typed before
            edit.textEdited.connect(lambda _text: self.form_error.clear())

        form_frame = QFrame()
        form_frame.setObjectName("card")
        form = QFormLayout(form_frame)
        form.addRow(QLabel("<b>" + self.tr("New profile") + "</b>"))
        form.addRow(self.tr("&Display name:"), self.name_edit)
        form.addRow(self.tr("&Employee ID:"), self.employee_edit)
        form.addRow(self.form_error)
        form.addRow(self.create_button)

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addSpacing(24)
        columns.addWidget(form_frame, 2, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(16)
        layout.addLayout(columns, 1)
        QShortcut(QKeySequence("Ctrl+N"), self, self.name_edit.setFocus)

    def refresh(self, preselect_id: str | None = None) -> None:
        """Reload profiles from the store and select `preselect_id` (or the first)."""
        self.profile_list.clear()
        found = learners.active_learners()
        apart = learners.shown_apart(found)  # two "Sam Taylor" rows say which is which
        if preselect_id is not None:
            preselect_id = survivor_of(preselect_id)  # a profile merged into another opens as that one
        for learner in found:
            label = apart[learner.id]
            if learner.employee_id and label == learner.display_name:
                label += f"   ·   {learner.employee_id}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, learner.id)
            self.profile_list.addItem(item)
            if learner.id == preselect_id:
                self.profile_list.setCurrentItem(item)
        if self.profile_list.currentItem() is None and self.profile_list.count():
            self.profile_list.setCurrentRow(0)
        has_profiles = self.profile_list.count() > 0
        self.empty_label.setVisible(not has_profiles)
        self._update_buttons()
        (self.profile_list if has_profiles else self.name_edit).setFocus()

    def selected_learner_id(self) -> str | None:
        item = self.profile_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        chosen = self.selected_learner_id() is not None
        self.open_button.setEnabled(chosen)
        self.archive_button.setEnabled(chosen)

    def _open_selected(self) -> None:
        learner_id = self.selected_learner_id()
        if learner_id is not None:
            self.learner_chosen.emit(learner_id)

    def _create(self) -> None:
        name = " ".join(self.name_edit.text().split())
        same = [learner for learner in learners.active_learners()
                if " ".join(learner.display_name.split()).casefold() == name.casefold()]
        if name and same and not dialogs.confirm(
                self, self.tr("Same name"),
                self.tr("A profile named \u201c{name}\u201d already exists. Create a second one with the "
                        "same name?\n\nAn employee ID tells the two apart in the list and on "
                        "reports.").format(name=name),
                self.tr("Create another")):
            self.name_edit.setFocus()
            return
        try:
            learner = learners.create_learner(self.name_edit.text(), self.employee_edit.text())
        except ProfileError as error:
            self.form_error.setText(str(error))
            self.name_edit.setFocus()
            return
        self.form_error.clear()
        self.name_edit.clear()
        self.employee_edit.clear()
        self.refresh(preselect_id=learner.id)
        self.learner_chosen.emit(learner.id)

    def _archive_selected(self) -> None:
        learner_id = self.selected_learner_id()
        learner = learners.get_learner(learner_id) if learner_id else None
        if learner is None:
            return
        question = self.tr("Remove {name} from the profile list?\n\n"
                           "Their progress is kept and a trainer can bring the profile back.").format(
                               name=learner.display_name)
        if dialogs.confirm(self, self.tr("Remove profile"), question, self.tr("Remove")):
            learners.archive_learner(learner.id)
            self.refresh()
