"""A practice call on screen: the caller's persona and mood, a chat-style transcript, replies as
buttons (keys 1 to 4) or, at a typed node, a box for the learner's own words, and the debrief with
"Replay from here" at every turn.

The page draws a `CallState` it is given; `controllers/call.py` runs the engine and saves each choice.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbook.core.call_engine import current_node, shown_replies
from workbook.ui.call_html import debrief_html, transcript_html
from workbook.ui.elided import ElidedLabel
from workbook.ui.labels import mood_label
from workbook.ui.theme import MUTED, READER_CSS, WARNING

if TYPE_CHECKING:
    from workbook.core.call_engine import CallState
    from workbook.core.coach import CoachRules
    from workbook.core.debrief import Debrief
    from workbook.core.scenario import Scenario

MOOD_COLOURS = ((20, "#a12a2a"), (40, "#c0562b"), (60, "#b7791f"), (80, "#5f8f3a"), (101, "#1b6e3a"))
MAX_TYPED_CHARS = 600  # a reply said in one go; longer text is a letter, not a turn in a call
PICK_PROMPT = QT_TRANSLATE_NOOP("CallPage", "Your reply (keys 1\u2013{last}):")
TYPED_PROMPT = QT_TRANSLATE_NOOP("CallPage", "Your reply, in your own words:")


def _mood_colour(mood: int) -> str:
    return next(colour for limit, colour in MOOD_COLOURS if mood < limit)


def _clock(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}"


class ReplyButton(QPushButton):
    """A push button whose long text wraps to the button's width (QPushButton alone never wraps)."""

    def __init__(self, number: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reply")
        self.setAccessibleName(self.tr("Reply {number}: {text}").format(number=number, text=text))
        self.label = QLabel(f"<b>{number}</b>&nbsp;&nbsp; {escape(text)}")
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(max(50, width - 24)) + 18

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(max(hint.width(), 600)))

    def resizeEvent(self, event) -> None:  # keep the height right when the window is resized
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if self.minimumHeight() != needed:
            self.setMinimumHeight(needed)


class CallPage(QWidget):
    reply_chosen = Signal(int)  # index of the reply in the current node
    reply_typed = Signal(str)  # the learner's own words at a typed node
    debrief_requested = Signal()
    replay_requested = Signal(int)  # turn number to play again from
    play_again_requested = Signal()
    home_requested = Signal()
    breathing_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.scenario: Scenario | None = None
        self.state: CallState | None = None
        self.reply_buttons: list[ReplyButton] = []
        self.offered: list[int] = []  # reply indices in the order shown: key n picks offered[n-1]
        self.coach_rules: CoachRules | None = None  # None: typed nodes fall back to the scripted replies

        self.home_button = QPushButton("\u2190 " + self.tr("Home"))
        self.home_button.setToolTip(self.tr("Back to the modules (Esc). The call is saved; resume it later."))
        self.home_button.clicked.connect(self.home_requested)
        self.title = ElidedLabel("")
        self.title.setObjectName("pageTitle")
        self.time_label = QLabel("")
        self.time_label.setObjectName("timer")
        self.time_label.setToolTip(self.tr("Simulated handle time"))
        top = QHBoxLayout()
        top.addWidget(self.home_button)
        top.addSpacing(12)
        top.addWidget(self.title, 1)
        top.addWidget(self.time_label)

        self.stack = QStackedWidget()
        self.player = self._build_player()
        self.debrief_panel = self._build_debrief()
        self.stack.addWidget(self.player)
        self.stack.addWidget(self.debrief_panel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        self.number_keys = [QShortcut(QKeySequence(str(number)), self, lambda n=number: self.press(n),
                                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
                            for number in range(1, 5)]
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.typed_box, self.send_typed,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Esc"), self, self.home_requested.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _build_player(self) -> QWidget:
        panel = QWidget()
        persona = QFrame()
        persona.setObjectName("card")
        persona.setFixedWidth(290)
        self.persona_name = QLabel("")
        self.persona_name.setObjectName("cardTitle")
        self.persona_context = QLabel("")
        self.persona_context.setObjectName("chip")
        self.persona_situation = QLabel("")
        self.persona_situation.setWordWrap(True)
        self.mood_bar = QProgressBar()
        self.mood_bar.setRange(0, 100)
        self.mood_bar.setTextVisible(False)
        self.mood_bar.setFixedHeight(14)
        self.mood_bar.setAccessibleName(self.tr("Caller's mood"))
        self.mood_label = QLabel("")
        self.mood_label.setObjectName("moodLabel")
        persona_layout = QVBoxLayout(persona)
        persona_layout.setContentsMargins(16, 14, 16, 14)
        persona_layout.addWidget(self.persona_name)
        persona_layout.addWidget(self.persona_context, 0, Qt.AlignmentFlag.AlignLeft)
        persona_layout.addWidget(self.persona_situation)
        persona_layout.addSpacing(12)
        caption = QLabel(self.tr("CALLER'S MOOD"))
        caption.setObjectName("muted")
        persona_layout.addWidget(caption)
        persona_layout.addWidget(self.mood_bar)
        persona_layout.addWidget(self.mood_label)
        persona_layout.addStretch(1)

        self.transcript = QTextBrowser()
        self.transcript.setAccessibleName(self.tr("Call transcript"))
        self.transcript.document().setDefaultStyleSheet(READER_CSS)
        self.transcript.document().setDocumentMargin(14)
        self.follow_transcript = True
        bar = self.transcript.verticalScrollBar()
        bar.rangeChanged.connect(lambda _low, high: bar.setValue(high) if self.follow_transcript else None)
        bar.actionTriggered.connect(  # the learner scrolled: stop following until the next turn
            lambda _action: setattr(self, "follow_transcript", bar.sliderPosition() >= bar.maximum()))
        self.prompt_label = QLabel(self.tr(PICK_PROMPT).format(last=4))
        self.prompt_label.setObjectName("muted")
        self.replies_box = QVBoxLayout()
        self.replies_box.setSpacing(6)
        self.typed_box = self._build_typed_box()
        self.debrief_button = QPushButton(self.tr("See the &debrief") + " \u2192")
        self.debrief_button.setObjectName("primary")
        self.debrief_button.clicked.connect(self.debrief_requested)

        right = QVBoxLayout()
        right.addWidget(self.transcript, 1)
        right.addWidget(self.prompt_label)
        right.addLayout(self.replies_box)
        right.addWidget(self.typed_box)
        right.addWidget(self.debrief_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QHBoxLayout(panel)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(persona)
        layout.addLayout(right, 1)
        return panel

    def _build_typed_box(self) -> QWidget:
        box = QWidget()
        self.typed_edit = QPlainTextEdit()
        self.typed_edit.setAccessibleName(self.tr("Your reply in your own words"))
        self.typed_edit.setPlaceholderText(self.tr("Type what you would say, then press Ctrl+Enter."))
        self.typed_edit.setMaximumHeight(96)
        self.typed_edit.setTabChangesFocus(True)  # Tab moves on to "Say it", as in any form
        self.typed_edit.textChanged.connect(self.typed_changed)
        self.send_button = QPushButton(self.tr("&Say it"))
        self.send_button.setObjectName("primary")
        self.send_button.setToolTip(self.tr("Ctrl+Enter"))
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.send_typed)
        self.length_label = QLabel("")
        self.length_label.setObjectName("muted")
        self.length_label.hide()
        hint = QLabel(self.tr("The coach listens for: the feeling acknowledged, an apology or ownership, a "
                              "clarifying question, a next step with a time frame; and for blame, judging or "
                              "correcting, \u201ccalm down\u201d, jargon, promises you cannot keep and "
                              "closing the door. The caller reacts to what it hears."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.typed_edit, 1)
        row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.length_label)
        layout.addWidget(hint)
        box.hide()
        return box

    def typed_changed(self) -> None:
        """The send button and the length warning, as the words in the box allow."""
        text = self.typed_edit.toPlainText().strip()
        if text:
            from workbook.ui.coach_html import warm_encoder

            warm_encoder(self, self.coach_rules)
        too_long = len(text) > MAX_TYPED_CHARS
        self.send_button.setEnabled(bool(text) and not too_long)
        warning = (f"<span style='color:{WARNING}'>"
                   + self.tr("{count} characters: keep a reply under {limit}, as you would say it in one "
                             "go.").format(count=len(text), limit=MAX_TYPED_CHARS) + "</span>")
        self.length_label.setText(warning if too_long else "")
        self.length_label.setVisible(too_long)

    def send_typed(self) -> None:
        """Ctrl+Enter or "Say it": hand the words to the controller (blank words are not sent)."""
        text = " ".join(self.typed_edit.toPlainText().split())
        if self.typed_box.isVisible() and text and len(text) <= MAX_TYPED_CHARS:
            self.reply_typed.emit(text)

    def _build_debrief(self) -> QWidget:
        panel = QWidget()
        self.report = QTextBrowser()
        self.report.setOpenLinks(False)
        self.report.anchorClicked.connect(self._link)
        self.report.setAccessibleName(self.tr("Debrief"))
        self.report.document().setDefaultStyleSheet(READER_CSS)
        self.report.document().setDocumentMargin(18)
        self.play_again_button = QPushButton(self.tr("&Play again"))
        self.play_again_button.setObjectName("primary")
        self.play_again_button.clicked.connect(self.play_again_requested)
        self.back_button = QPushButton(self.tr("&Back to modules"))
        self.back_button.clicked.connect(self.home_requested)
        self.breathe_button = QPushButton(self.tr("Take a &minute to reset\u2026"))
        self.breathe_button.setToolTip(self.tr("A short paced-breathing exercise: composure is a skill too"))
        self.breathe_button.clicked.connect(self.breathing_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.breathe_button)
        buttons.addStretch(1)
        buttons.addWidget(self.play_again_button)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)
        from workbook.ui.scroll_keys import page_keys_scroll

        page_keys_scroll(panel, self.report)
        return panel

    # -- playing ----------------------------------------------------------------------------

    def show_call(self, scenario: Scenario, state: CallState) -> None:
        """Draw the call as `state` has it: transcript so far, mood, time, and the replies on offer."""
        self.scenario, self.state = scenario, state
        self.title.setText(self.tr("Practice call: {title}").format(title=scenario.title))
        persona = scenario.persona
        self.persona_name.setText(persona.name)
        self.persona_context.setText(persona.context)
        self.persona_situation.setText(persona.situation)
        self._show_mood(state.mood)
        self.time_label.setText(f"\u260e {_clock(state.seconds)}")
        self.transcript.setHtml(transcript_html(scenario, state, self.coach_rules))
        self.follow_transcript = True  # the caller's last line stays in view as the reply area grows
        self.transcript.verticalScrollBar().setValue(self.transcript.verticalScrollBar().maximum())
        self._show_replies()
        self.stack.setCurrentWidget(self.player)

    def _show_mood(self, mood: int) -> None:
        self.mood_bar.setValue(mood)
        colour = _mood_colour(mood)
        self.mood_bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; border-radius: 3px; }}")
        self.mood_label.setText(f"<b style='color:{colour}'>{mood_label(mood)}</b> "
                                f"<span style='color:{MUTED}'>({mood}/100)</span>")

    def _show_replies(self) -> None:
        for button in self.reply_buttons:
            button.hide()
            button.deleteLater()
        self.reply_buttons = []
        node = current_node(self.scenario, self.state)
        self.offered = shown_replies(self.scenario, self.state) if node else []  # display order
        typing = node is not None and node.typed and self.coach_rules is not None
        self.typed_box.setVisible(typing)
        for key in self.number_keys:  # digits must reach the text box while the learner types
            key.setEnabled(not typing)
        if typing:
            self.offered = []
            self.typed_edit.clear()
        for place, index in enumerate(self.offered):
            button = ReplyButton(place + 1, node.replies[index].text)
            button.setToolTip(self.tr("Key {number}").format(number=place + 1))
            button.clicked.connect(lambda _=False, i=index: self.reply_chosen.emit(i))
            self.replies_box.addWidget(button)
            self.reply_buttons.append(button)
        ended = node is None
        self.prompt_label.setText(self.tr(TYPED_PROMPT) if typing
                                  else self.tr(PICK_PROMPT).format(last=len(self.offered)))
        self.prompt_label.setVisible(not ended)
        self.debrief_button.setVisible(ended)
        if typing:
            self.typed_edit.setFocus()
        elif ended:
            self.debrief_button.setFocus()
        else:
            (self.reply_buttons[0] if self.reply_buttons else self).setFocus()

    def press(self, number: int) -> None:
        """Key `number` picks the reply shown at that place."""
        if self.stack.currentWidget() is self.player and 1 <= number <= len(self.offered):
            self.reply_chosen.emit(self.offered[number - 1])

    # -- debrief ----------------------------------------------------------------------------

    def show_debrief(self, scenario: Scenario, report: Debrief, skill_label, certificate=None) -> None:
        """`certificate`: the course's practice-call rule (`CallRequirements`), when it has one."""
        self.scenario = scenario
        self.title.setText(self.tr("Debrief: {title}").format(title=scenario.title))
        self.time_label.setText(f"\u260e {report.handle_time}")
        self.report.setHtml(debrief_html(report, skill_label, self.coach_rules, certificate=certificate,
                                         scenario_id=scenario.id))
        self.breathe_button.setVisible(report.ending is None or not report.ending.kind.strong)
        self.stack.setCurrentWidget(self.debrief_panel)
        self.play_again_button.setFocus()

    def _link(self, url) -> None:
        text = url.toString()
        if text.startswith("replay:"):
            self.replay_requested.emit(int(text.removeprefix("replay:")))
