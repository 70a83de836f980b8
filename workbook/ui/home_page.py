"""Home: a card per module, a "Continue where you left off" action, and broken modules listed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from msgspec import Struct, field
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbook.ui.after_paint import AfterPaint
from workbook.ui.completion_panel import CompletionPanel
from workbook.ui.elided import ElidedButton
from workbook.ui.module_card import ModuleCardWidget, UnavailableCardWidget
from workbook.ui.scenario_card import ScenarioCardWidget

if TYPE_CHECKING:
    from workbook.core.completion import Eligibility
    from workbook.core.content import Library, Module
    from workbook.core.progress import ReadingProgress
    from workbook.core.standing import QuizStanding
    from workbook.store.certificates import IssuedRecord
    from workbook.store.practice_calls import CallRecord

COLUMNS = 2


class LearnerSnapshot(Struct):
    """Everything the home screen shows about one learner, read from the store in one go. Reading,
    quiz scores and call endings are those of the record the checklist reads (`core.evidence`: what
    holds up when replayed), never the claims of the activity rows; `not_counted` and `doubts` (by
    "reading:<module id>", "quiz:<module id>", "call:<scenario id>") are what was left out, and why."""

    name: str
    reading: dict[str, ReadingProgress]
    resume: tuple[Module, int] | None = None
    quiz_scores: dict[str, QuizStanding] = field(default_factory=dict)
    unfinished_quizzes: set[str] = field(default_factory=set)
    calls: dict[str, CallRecord] = field(default_factory=dict)  # best_kind: of the calls that hold up
    eligibility: Eligibility | None = None  # None when the content has no course file
    certificates: list[IssuedRecord] = field(default_factory=list)
    review_due: int = 0  # spaced-review cards due now
    left_off: tuple[Module, int] | None = None  # the newest reading position; `resume` may move on from it
    handled_well: set[str] = field(default_factory=set)  # scenarios with a call the certificate counts
    skill_bar: int = 0  # the skill score such a call needs (the course's `min_skill_score`)
    not_counted: Mapping[str, int] = field(default_factory=dict)
    doubts: Mapping[str, Sequence[str]] = field(default_factory=dict)
    calls_not_counted: frozenset[str] = field(default_factory=frozenset)  # call ids, for the calls page


class HomePage(QWidget):
    """Shows the library for one learner; asks the window to open a module or resume."""

    module_open_requested = Signal(str)
    quiz_requested = Signal(str)
    call_requested = Signal(str)
    calls_requested = Signal()  # the practice-calls page
    certificate_requested = Signal()
    review_requested = Signal()
    coach_requested = Signal()
    notes_requested = Signal()
    search_requested = Signal()
    resume_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._cards: list[ModuleCardWidget] = []
        self._pending_modules: list[tuple[int, Module]] = []  # cards below the window, built after the paint
        self.scenario_cards: list[ScenarioCardWidget] = []
        self.completion = CompletionPanel()
        self.completion.certificate_requested.connect(self.certificate_requested)
        self.unavailable_cards: list[UnavailableCardWidget] = []
        self._pending_scenarios: tuple[Library, LearnerSnapshot, int] | None = None
        self._first_card_row = 0

        self.greeting = QLabel("")
        self.greeting.setObjectName("pageTitle")
        self.greeting.setTextFormat(Qt.TextFormat.PlainText)  # a learner's name is never markup
        self.overall = QLabel("")
        self.overall.setObjectName("pageSubtitle")
        self.overall.setWordWrap(True)
        self.resume_button = ElidedButton("")
        self.resume_button.setObjectName("primary")
        self.resume_button.clicked.connect(self.resume_requested)
        self.review_button = QPushButton(self.tr("Daily &review"))
        self.review_button.setToolTip(self.tr("Missed questions and key phrases, spaced so they stick "
                                              "(Ctrl+D)"))
        self.review_button.clicked.connect(self.review_requested)
        self.coach_button = QPushButton(self.tr("&Own-words drill"))
        self.coach_button.setToolTip(self.tr("Type your own reply to a caller; the coach explains "
                                             "(Ctrl+Shift+O)"))
        self.coach_button.clicked.connect(self.coach_requested)
        self.calls_button = QPushButton(self.tr("Practice ca&lls"))
        self.calls_button.setToolTip(self.tr("Every practice call, your best outcomes and past debriefs "
                                             "(Ctrl+Shift+C)"))
        self.calls_button.clicked.connect(self.calls_requested)
        self.notes_button = QPushButton(self.tr("My &notes"))
        self.notes_button.setToolTip(self.tr("Every bookmark and note in one place (Ctrl+Shift+M)"))
        self.notes_button.clicked.connect(self.notes_requested)
        self.search_button = QPushButton(self.tr("&Search\u2026"))
        self.search_button.setToolTip(self.tr("Search lessons, quiz explanations and call feedback "
                                              "(Ctrl+F, Ctrl+K)"))
        self.search_button.clicked.connect(self.search_requested)
        # Shortcuts are actions of the page, not of the buttons: a button's shortcut is replaced by
        # its mnemonic whenever its text changes. They only work while the page is shown.
        self.shortcut_actions = {
            "Ctrl+R": self._page_action("Ctrl+R", self.resume_button.click),
            "Ctrl+D": self._page_action("Ctrl+D", self.review_button.click),
            "Ctrl+Shift+O": self._page_action("Ctrl+Shift+O", self.coach_button.click),
            "Ctrl+Shift+C": self._page_action("Ctrl+Shift+C", self.calls_button.click),
        }
        header = QVBoxLayout()
        header.addWidget(self.greeting)
        header.addWidget(self.overall)
        self.actions = QHBoxLayout()  # "Continue" first; its text elides before the row outgrows the window
        self.actions.addWidget(self.resume_button, 1)
        for button in (self.review_button, self.calls_button, self.search_button, self.coach_button,
                       self.notes_button):
            self.actions.addWidget(button)

        self.grid_host = QWidget()
        self.grid_host.setObjectName("page")
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(14)
        self.grid.setContentsMargins(0, 0, 8, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        self.loading_label = QLabel(self.tr("Loading modules\u2026"))
        self.loading_label.setObjectName("muted")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(header)
        layout.addLayout(self.actions)
        layout.addSpacing(12)
        layout.addWidget(self.loading_label)
        layout.addWidget(scroll, 1)

    def _page_action(self, keys: str, slot) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def show_loading(self, learner_name: str) -> None:
        self.greeting.setText(self.tr("Welcome, {name}").format(name=learner_name))
        self.resume_button.hide()
        self.loading_label.show()

    def populate(self, library: Library, snapshot: LearnerSnapshot) -> None:
        """Rebuild the cards from fresh data (cheap: a few dozen widgets)."""
        progress, resume = snapshot.reading, snapshot.resume
        quiz_scores = snapshot.quiz_scores
        self.loading_label.hide()
        self.greeting.setText(self.tr("Welcome, {name}").format(name=snapshot.name))
        self.review_button.setText(self.tr("Daily &review (%n due)", "", snapshot.review_due)
                                   if snapshot.review_due else self.tr("Daily &review"))
        read = sum(p.read for p in progress.values())
        total = sum(p.total for p in progress.values())
        done = sum(1 for p in progress.values() if p.complete)
        # A quiz whose file cannot be loaded still counts (as not passed, unless passed before).
        quizzes = [m.id for m in library.modules if m.quiz is not None or m.quiz_problems]
        passed = sum(1 for m in quizzes if m in quiz_scores and quiz_scores[m].passed)
        self.overall.setText("  \u00b7  ".join((
            self.tr("{done} of %n module(s) read", "", len(library.modules)).format(done=done),
            self.tr("{done} of %n section(s) read", "", total).format(done=read),
            self.tr("{done} of %n quiz(zes) passed", "", len(quizzes)).format(done=passed),
            self._handled_well_text(len(library.scenarios),
                                    self._count_handled_well(library.scenarios, snapshot),
                                    snapshot.skill_bar))))
        left_off = snapshot.left_off
        if resume is not None and left_off is not None:
            module, index = resume
            where = f"{module.title} \u203a {module.sections[index].title}"
            same = (module.id, index) == (left_off[0].id, left_off[1])
            self.resume_button.setText((self.tr("Continue where you left off: {where}") if same
                                        else self.tr("Continue with the next unread section: {where}"))
                                       .format(where=where))
        elif resume is not None:
            self.resume_button.setText(self.tr("Start with {module}").format(module=resume[0].title))
        elif library.modules:
            self.resume_button.setText(self.tr("Everything is read: start again with {module}").format(
                module=library.modules[0].title))
        self.resume_button.setVisible(bool(library.modules))

        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None and widget is not self.completion:
                widget.hide()  # deleteLater waits for the event loop; never paint stale cards
                widget.deleteLater()
        self._cards, self._pending_modules = [], []
        first_row = 0
        show_completion = snapshot.eligibility is not None and library.course is not None
        if show_completion:
            self.completion.show_eligibility(library.course.title, snapshot.eligibility,
                                             snapshot.certificates)
            self.grid.addWidget(self.completion, 0, 0, 1, COLUMNS)
            first_row = 1
        # Once in the grid: shown without a parent, the panel would open as a window of its own.
        self.completion.setVisible(show_completion)  # isVisible() is False while the page is hidden
        self._first_card_row = first_row
        # Cards that may show in the window are built now; a row that starts below the window's
        # bottom even by the most generous count (the checklist and the rows above it as short as
        # the window's full width lets them be, the header not counted) is built once the page has
        # painted, or at once when asked for a card: with the checklist's groups open, a first start's
        # window (at most 760 pixels high) leaves all but the first row of cards for then.
        width, bottom = self.window().width(), self.window().height()
        top = _lowest_height(self.completion, width) + self.grid.verticalSpacing() if show_completion else 0
        for line in range(0, len(library.modules), COLUMNS):
            row = list(enumerate(library.modules))[line:line + COLUMNS]
            if top >= bottom:
                self._pending_modules.extend(row)
                continue
            cards = [self._add_module_card(library, snapshot, position, module) for position, module in row]
            top += max(_lowest_height(card, width // COLUMNS) for card in cards) + self.grid.verticalSpacing()
        row = first_row + (len(library.modules) + COLUMNS - 1) // COLUMNS
        for previous, card in zip(self._cards, self._cards[1:], strict=False):
            QWidget.setTabOrder(previous, card)
        # A module that cannot be loaded sits with the modules, not below the twelve practice calls
        # where the status bar's "see the home screen" sent the learner scrolling.
        self.unavailable_cards = []
        for offset, broken in enumerate(library.unavailable):
            card = UnavailableCardWidget(broken)
            self.grid.addWidget(card, row + offset, 0, 1, COLUMNS)
            self.unavailable_cards.append(card)
        row += len(library.unavailable)
        # The practice calls are below the fold: their cards are built once the page has painted (or
        # at once when asked for one), after a heading row and their own rows.
        self.scenario_cards = []
        self._pending_scenarios = (library, snapshot, row)
        AfterPaint(self, self.finish_cards)
        if not library.modules and not library.unavailable:
            self.overall.setText(self.tr("No modules found in {folder}.").format(folder=library.root))

    @property
    def cards(self) -> list[ModuleCardWidget]:
        """Every module's card, in course order (the ones left for after the paint are built first)."""
        self._add_pending_module_cards()
        return self._cards

    def _add_pending_module_cards(self) -> None:
        if self._pending_scenarios is None or not self._pending_modules:
            return
        library, snapshot, _row = self._pending_scenarios
        built = len(self._cards)
        for position, module in self._pending_modules:
            self._add_module_card(library, snapshot, position, module)
        self._pending_modules = []
        chain = self._cards[max(built - 1, 0):]
        for previous, card in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(previous, card)

    def finish_cards(self) -> None:
        """Build the module cards below the window and the practice-call cards that `populate` left for
        after the first paint (if still due)."""
        if self._pending_scenarios is None:
            return
        self._add_pending_module_cards()
        library, snapshot, row = self._pending_scenarios
        self._pending_scenarios = None
        self._add_scenarios(library, snapshot, row)
        focus_chain = self._cards[-1:] + self.scenario_cards
        for previous, card in zip(focus_chain, focus_chain[1:], strict=False):
            QWidget.setTabOrder(previous, card)

    def _add_module_card(self, library: Library, snapshot: LearnerSnapshot, position: int,
                         module: Module) -> ModuleCardWidget:
        titles = [library.module(p).title for p in module.meta.prerequisites if library.module(p) is not None]
        notes = [not_counted_note(f"{kind}:{module.id}", snapshot.not_counted, snapshot.doubts,
                                  snapshot.eligibility) for kind in ("reading", "quiz")]
        card = ModuleCardWidget(module, snapshot.reading[module.id],
                                [library.skill_label(s) for s in module.meta.skills], titles,
                                snapshot.quiz_scores.get(module.id), module.id in snapshot.unfinished_quizzes,
                                self._calls_text(library, snapshot, module.id),
                                [note for note in notes if note is not None], parent=self.grid_host)
        card.open_requested.connect(self.module_open_requested)
        card.quiz_requested.connect(self.quiz_requested)
        line, column = divmod(position, COLUMNS)
        self.grid.addWidget(card, self._first_card_row + line, column)
        self._cards.append(card)
        return card

    def _add_scenarios(self, library: Library, snapshot: LearnerSnapshot, row: int) -> None:
        """A 'Practice calls' heading and a card per scenario, from grid row `row` on."""
        if not library.scenarios:
            return
        heading = QLabel(self.tr("Practice calls"))
        heading.setObjectName("sectionTitle")
        self.grid.addWidget(heading, row, 0, 1, COLUMNS)
        row += 1
        for position, scenario in enumerate(library.scenarios):
            titles = [library.module(m).title for m in scenario.modules if library.module(m)]
            note = not_counted_note(f"call:{scenario.id}", snapshot.not_counted, snapshot.doubts,
                                    snapshot.eligibility)
            card = ScenarioCardWidget(scenario, snapshot.calls.get(scenario.id), titles,
                                      [note] if note is not None else [])
            card.call_requested.connect(self.call_requested)
            line, column = divmod(position, COLUMNS)
            self.grid.addWidget(card, row + line, column)
            self.scenario_cards.append(card)

    def _calls_text(self, library: Library, snapshot: LearnerSnapshot, module_id: str) -> str:
        """'Practice calls: 1 of 2 ended well …' for the calls that practise this module."""
        linked = library.scenarios_for(module_id)
        if not linked:
            return ""
        return self.tr("Practice calls:") + " " + self._handled_well_text(
            len(linked), self._count_handled_well(linked, snapshot), snapshot.skill_bar, short=True)

    def _handled_well_text(self, total: int, done: int, bar: int, short: bool = False) -> str:
        """The certificate's own words for a call handled well, so no screen counts another way. One call
        or several is chosen here (as "1 of 1 point"), so the line needs no plural catalogue."""
        if short:
            text = (self.tr("{done} of {total} ended well with a skill score of at least {bar}%") if bar
                    else self.tr("{done} of {total} ended well"))
        elif total == 1:
            text = (self.tr("{done} of 1 practice call ended well with a skill score of at least {bar}%")
                    if bar else self.tr("{done} of 1 practice call ended well"))
        else:
            text = (self.tr("{done} of {total} practice calls ended well with a skill score of at least "
                            "{bar}%") if bar else self.tr("{done} of {total} practice calls ended well"))
        return text.format(done=done, total=total, bar=bar)

    @staticmethod
    def _count_handled_well(scenarios, snapshot: LearnerSnapshot) -> int:
        return sum(1 for scenario in scenarios if scenario.id in snapshot.handled_well)

    def scenario_card(self, scenario_id: str) -> ScenarioCardWidget:
        self.finish_cards()
        return next(card for card in self.scenario_cards if card.scenario_id == scenario_id)

    def card(self, module_id: str) -> ModuleCardWidget:
        return next(card for card in self.cards if card.module_id == module_id)


def not_counted_note(key: str, not_counted: Mapping[str, int], doubts: Mapping[str, Sequence[str]],
                     eligibility: Eligibility | None) -> tuple[str, str] | None:
    """("1 attempt not counted: see the checklist", why) when some of a card's evidence (`key` as in
    `LearnerSnapshot.not_counted`) did not hold up when replayed; why is the core's English lines, for
    a tooltip. The checklist is named only where it lists them (under a rule that is still open). The
    home page's words (`HomePage.tr`: lupdate reads the plural forms of a class's tr only), which the
    practice-calls page shows too."""
    count = not_counted.get(key, 0)
    if not count:
        return None
    lines = doubts.get(key, ())
    listed = eligibility is not None and any(
        not r.met and any(line in r.doubts for line in lines) for r in eligibility.requirements)
    kind = key.split(":", 1)[0]
    if kind == "reading":
        text = (HomePage.tr("%n section(s) not counted: see the checklist", "", count) if listed
                else HomePage.tr("%n section(s) not counted", "", count))
    elif kind == "quiz":
        text = (HomePage.tr("%n attempt(s) not counted: see the checklist", "", count) if listed
                else HomePage.tr("%n attempt(s) not counted", "", count))
    else:
        text = (HomePage.tr("%n call(s) not counted: see the checklist", "", count) if listed
                else HomePage.tr("%n call(s) not counted", "", count))
    return text, "\n".join(lines)


def _lowest_height(widget: QWidget, width: int) -> int:
    """The least height `widget` can take at `width` or narrower (wrapped text only grows taller)."""
    lowest = widget.minimumSizeHint().height()
    return max(widget.heightForWidth(width), lowest) if widget.hasHeightForWidth() else lowest
