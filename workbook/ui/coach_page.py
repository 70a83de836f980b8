"""The typed-reply drill: a caller's line from a practice call, the learner types a reply in their
own words, and the offline coach explains what it found, with those words highlighted, and how the
caller's mood would move."""

from __future__ import annotations

import random
from html import escape
from typing import TYPE_CHECKING

from msgspec import Struct
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbook.ui.theme import MUTED, READER_CSS, SUCCESS, WARNING

if TYPE_CHECKING:
    from workbook.core.coach import CoachResult, CoachRules
    from workbook.core.content import Library
    from workbook.ui.operations import QueryOp

HIGHLIGHT_CSS = (".coach-do { background-color: #d9f0df; color: #1b6e3a; font-weight: 600; }"
                 ".coach-avoid { background-color: #f8dcdc; color: #a12a2a; font-weight: 600; }")


class DrillPrompt(Struct, frozen=True):
    """A caller's line to answer, and the script's best reply there as a model to compare with."""

    title: str
    context: str
    caller: str
    model: str | None


def drill_prompts(library: Library) -> list[DrillPrompt]:
    """One prompt for every node of every practice call."""
    return [DrillPrompt(s.title, s.persona.context, node.caller,
                        next((r.text for r in node.replies if r.rating == "best"), None))
            for s in library.scenarios for node in s.nodes.values()]


class CoachPage(QWidget):
    home_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.rules: CoachRules | None = None
        self.prompts: list[DrillPrompt] = []
        self.prompt: DrillPrompt | None = None
        self.random = random.Random()
        self.result: CoachResult | None = None
        self.checking: QueryOp | None = None  # the verdict being worked out, if any
        self.asked = 0  # counts the callers shown: a verdict for an earlier one is dropped
        home = QPushButton("\u2190 " + self.tr("Home"))
        home.clicked.connect(self.home_requested)
        title = QLabel(self.tr("Say it in your own words"))
        title.setObjectName("pageTitle")
        top = QHBoxLayout()
        top.addWidget(home)
        top.addSpacing(12)
        top.addWidget(title, 1)
        self.scene = QLabel("")
        self.scene.setObjectName("callerLine")
        self.scene.setWordWrap(True)
        self.reply = QPlainTextEdit()
        self.reply.setPlaceholderText(self.tr("Type what you would say to this caller, then press "
                                              "Ctrl+Enter."))
        self.reply.setAccessibleName(self.tr("Your reply"))
        self.reply.setMaximumHeight(120)
        self.reply.setTabChangesFocus(True)
        self.reply.textChanged.connect(self._typing)
        self.check_button = QPushButton(self.tr("&Check my reply"))
        self.check_button.setObjectName("primary")
        self.check_button.setToolTip(self.tr("Ctrl+Enter"))
        self.check_button.clicked.connect(self.check)
        self.next_button = QPushButton(self.tr("&Another caller"))
        self.next_button.clicked.connect(self.next_prompt)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.check_button)
        self.feedback = QTextBrowser()
        self.feedback.document().setDefaultStyleSheet(READER_CSS + HIGHLIGHT_CSS)
        self.feedback.setAccessibleName(self.tr("Coach feedback"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.scene)
        layout.addWidget(self.reply)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback, 1)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.check,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Esc"), self, self.home_requested.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def start(self, library: Library, rules: CoachRules) -> None:
        self.rules = rules
        self.prompts = drill_prompts(library)
        self.next_prompt()

    def next_prompt(self) -> None:
        self.asked += 1
        if not self.prompts:
            self.scene.setText(self.tr("No practice calls are loaded, so there is no caller to answer."))
            return
        self.prompt = prompt = self.random.choice(self.prompts)
        self.scene.setText(f"<span style='color:{MUTED}'>{escape(prompt.context)} \u00b7 "
                           f"{escape(prompt.title)}</span><br><b>" + self.tr("Caller:")
                           + f"</b> <i>{escape(prompt.caller)}</i>")
        self.reply.clear()
        self.feedback.setHtml(f"<p style='color:{MUTED}'>"
                              + self.tr("The coach listens for: the feeling acknowledged, an apology or "
                                        "ownership, a clarifying question, a next step with a time frame; "
                                        "and for blame, judging or correcting, \u201ccalm down\u201d, "
                                        "jargon, promises you cannot keep and closing the door.") + "</p>")
        self.reply.setFocus()

    def _typing(self) -> None:
        if self.reply.document().characterCount() > 1:  # not the clear() of a new prompt
            from workbook.ui.coach_html import warm_encoder

            warm_encoder(self, self.rules)

    def check(self) -> None:
        """Ctrl+Enter or "Check my reply": the coach reads the reply, and the script's best line, off
        the GUI thread (its encoder runs each sentence of a long reply: 80 ms at the median)."""
        from workbook.ui.operations import QueryOp

        text = self.reply.toPlainText().strip()
        if not text or self.rules is None or self.checking is not None:
            return
        prompt, rules, asked = self.prompt, self.rules, self.asked
        caller = prompt.caller if prompt is not None else ""
        self.check_button.setEnabled(False)
        self.checking = QueryOp(self, lambda job: _verdicts(rules, text, caller, prompt),
                                lambda found: self._checked(self._show_verdict, asked, prompt, text, *found),
                                lambda error: self._checked(self._show_failure, error)).start()

    def _checked(self, show, *found) -> None:
        self.checking = None
        self.check_button.setEnabled(True)
        show(*found)

    def _show_failure(self, error: Exception) -> None:
        self.feedback.setHtml(f"<p style='color:{WARNING}'>" + escape(
            self.tr("The coach could not read this reply: {error}").format(error=error)) + "</p>")

    def _show_verdict(self, asked: int, prompt: DrillPrompt | None, text: str, result: CoachResult,
                      model_result: CoachResult | None) -> None:
        from workbook.core.coach_highlight import highlight_html

        if asked != self.asked:  # "Another caller" was pressed while the coach read
            return
        self.result = result
        rows = []
        for verdict in result.verdicts:
            good = verdict.present == (verdict.kind == "do")
            symbol, colour = ("\u2714", SUCCESS) if good else ("\u2718", WARNING)
            mark = f"<span style='color:{colour}'>{symbol}</span>"
            rows.append(f"<tr><td>{mark}</td><td><b>{escape(verdict.title)}</b><br>"
                        f"<span style='color:{MUTED}'>{escape(verdict.explanation)}</span></td></tr>")
        change = result.mood_change
        mood = f"{'+' if change >= 0 else ''}{change}"
        model = ""
        if prompt is not None and prompt.model and model_result is not None:  # marked the same way
            marked = highlight_html(prompt.model, model_result)
            model = ("<h3>" + self.tr("The script's best line here") + f"</h3><p>\u201c{marked}\u201d</p>"
                     f"<p style='color:{MUTED}'>" + self.tr("One good answer, not the only one: compare.")
                     + "</p>")
        would_move = self.tr("The caller's mood would move <b>{change}</b>.").format(change=mood)
        from workbook.core.coach_encoder import unavailable

        reason = unavailable(self.rules.encoder)  # one line, never a traceback
        if reason:
            would_move += (f"<br><span style='color:{MUTED}'>"
                           + escape(self.tr("Read by the phrases and word model only: {reason}").format(
                               reason=reason)) + "</span>")
        marked_reply = highlight_html(text, result)
        self.feedback.setHtml("<h3>" + self.tr("Your reply") + f"</h3><p>{marked_reply}</p>"
                              f"<p>{would_move}</p><table cellpadding='4'>{''.join(rows)}</table>{model}")


def _verdicts(rules: CoachRules, text: str, caller: str,
              prompt: DrillPrompt | None) -> tuple[CoachResult, CoachResult | None]:
    """The learner's reply and the script's best line, read by the coach (in the worker thread)."""
    from workbook.core.coach import coach_reply

    model = prompt.model if prompt is not None else None
    return coach_reply(text, rules, caller), (coach_reply(model, rules, caller) if model else None)
