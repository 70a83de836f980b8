"""The coach's verdict on a typed reply as rich text, shared by the call transcript, the debrief and
the trainer's drill-down: the reply with the found words marked, and one line on what was heard."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from workbook.ui.i18n import translate
from workbook.ui.theme import MUTED, SUCCESS, WARNING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbook.core.call_engine import TypedReply
    from workbook.core.coach import CoachResult, CoachRules

SEPARATOR = " \u00b7 "
_warming: set[tuple] = set()  # encoders whose load has been started: one load, however many keystrokes


def coach_result(text: str, rules: CoachRules | None, context: str = "") -> CoachResult | None:
    """The coach's verdict for a turn stored before verdicts were kept, or None when no rules are
    loaded (the words are then shown plain); `context` is the caller's line the reply answered. Read
    without the encoder: no such turn was decided by it, and a transcript shown in the trainer's
    drill-down must not load it on the GUI thread."""
    if rules is None:
        return None
    from workbook.core.coach import coach_reply

    return coach_reply(text, rules, context, use_encoder=False)


def typed_verdict(typed: TypedReply, rules: CoachRules | None, context: str = "") -> CoachResult | None:
    """The verdict that chose the branch, as stored with the turn; for a turn stored before verdicts
    were kept, the current rules' verdict on the same words (`context` as for `coach_result`)."""
    return typed.verdict if typed.verdict is not None else coach_result(typed.text, rules, context)


def reply_html(text: str, result: CoachResult | None) -> str:
    """The typed reply, with the words the coach found marked when there is a verdict."""
    if result is None:
        return escape(text)
    from workbook.core.coach_highlight import highlight_html

    return highlight_html(text, result)


def verdict_line_html(result: CoachResult | None, mood_change: int) -> str:
    """What the coach heard (green), what the caller would object to (red), what was missing (grey),
    and the mood change the call used (stored with the turn, so it is shown even without rules)."""
    sign = "+" if mood_change >= 0 else ""
    mood = translate("CoachHtml", "caller's mood <b>{change}</b>").format(change=f"{sign}{mood_change}")
    coach = translate("CoachHtml", "Coach:")
    if result is None:
        return f"<span style='color:{MUTED}'>{coach} {mood}</span>"
    heard = [f"<span style='color:{SUCCESS}'>\u2714 {escape(v.title)}</span>"
             for v in result.verdicts if v.kind == "do" and v.present]
    objected = [f"<span style='color:{WARNING}'>\u2718 {escape(v.title)}</span>"
                for v in result.verdicts if v.kind == "avoid" and v.present]
    missing = [escape(v.title) for v in result.verdicts if v.kind == "do" and not v.present]
    parts = heard + objected
    if missing:
        not_heard = translate("CoachHtml", "not heard: {items}").format(items=", ".join(missing).lower())
        parts.append(f"<span style='color:{MUTED}'>{not_heard}</span>")
    return f"{coach} " + SEPARATOR.join([*parts, mood])


def warm_encoder(parent: QWidget, rules: CoachRules | None) -> None:
    """Load the coach's encoder off the GUI thread once the learner starts typing: its first load
    (a few hundred ms) would otherwise stall the first verdict, and a page only looked at (as
    bench/memory.py's walk does) never pays its memory."""
    encoder = rules.encoder if rules is not None else None
    if encoder is None or (encoder.model, encoder.model_sha256) in _warming:
        return
    _warming.add((encoder.model, encoder.model_sha256))
    from workbook.core.coach_encoder import warm
    from workbook.ui.operations import QueryOp

    QueryOp(parent, lambda job: warm(encoder), lambda reason: None).start()
