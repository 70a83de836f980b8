"""A practice call as rich text: the transcript as chat bubbles and the debrief turn by turn.

Shared by the call page and the trainer's drill-down, so both draw a call the same way.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from workbook.core.call_engine import current_ending
from workbook.core.scenario import EndingKind, Handover, Rating
from workbook.core.typed_turn import caller_context
from workbook.ui.coach_html import reply_html, typed_verdict, verdict_line_html
from workbook.ui.html_bits import bar
from workbook.ui.i18n import translate
from workbook.ui.labels import ending_label, rating_label
from workbook.ui.theme import CALLER, CAUTION, MUTED, SELECTED, SUCCESS, WARNING, score_colour

if TYPE_CHECKING:
    from workbook.core.call_engine import CallState
    from workbook.core.coach import CoachRules
    from workbook.core.course import CallRequirements
    from workbook.core.debrief import Debrief, SkillPoints
    from workbook.core.scenario import Scenario

RATING_COLOURS = {Rating.BEST: SUCCESS, Rating.OKAY: CAUTION, Rating.POOR: WARNING}
# Whole sentences, so a translation can bend the rating word as its grammar needs.
TOOK_IT = {Rating.BEST: QT_TRANSLATE_NOOP("CallHtml", "The caller took it as a <b>best</b> reply."),
           Rating.OKAY: QT_TRANSLATE_NOOP("CallHtml", "The caller took it as an <b>okay</b> reply."),
           Rating.POOR: QT_TRANSLATE_NOOP("CallHtml", "The caller took it as a <b>poor</b> reply.")}


def transcript_html(scenario: Scenario, state: CallState, coach_rules: CoachRules | None = None) -> str:
    """The call so far as chat bubbles: caller on the left, agent on the right; under a typed reply,
    what the coach heard in it."""
    name = escape(scenario.persona.name.split()[0])
    you = translate("CallHtml", "You")
    parts = []

    def caller(text: str, tone: str | None) -> None:
        note = f" <i style='color:{MUTED}'>({escape(tone)})</i>" if tone else ""
        parts.append(f"<table width='100%' cellspacing='0' cellpadding='8'><tr>"
                     f"<td width='78%' bgcolor='{CALLER}'><b>{name}</b>{note}<br>{escape(text)}</td>"
                     "<td></td></tr></table><p style='margin:2px'></p>")

    def agent(body: str, note: str = "") -> None:
        under = f"<br><span style='font-size:small'>{note}</span>" if note else ""
        parts.append("<table width='100%' cellspacing='0' cellpadding='8'><tr><td></td>"
                     f"<td width='78%' bgcolor='{SELECTED}'><b>{you}</b><br>{body}{under}</td>"
                     "</tr></table><p style='margin:2px'></p>")

    first = scenario.nodes[scenario.start]
    caller(first.caller, first.tone)
    for number, choice in enumerate(state.choices):
        if choice.typed is not None:
            heard = caller_context(scenario, [c.node for c in state.choices[:number + 1]])
            result = typed_verdict(choice.typed, coach_rules, heard)
            agent(reply_html(choice.typed.text, result),
                  verdict_line_html(result, choice.mood_after - choice.mood_before))
        else:
            agent(escape(scenario.nodes[choice.node].replies[choice.reply].text))
        following = state.choices[number + 1].node if number + 1 < len(state.choices) else state.at
        node = scenario.nodes.get(following)
        if node is not None:
            caller(node.caller, node.tone)
    ending = current_ending(scenario, state)
    if ending is not None:
        if ending.caller:
            caller(ending.caller, None)
        elif ending.kind == EndingKind.HUNG_UP:  # never just stop: say what happened on the line
            parts.append(f"<p style='color:{MUTED}'><i>"
                         + translate("CallHtml", "The caller hangs up. The line goes quiet.") + "</i></p>")
        colour = SUCCESS if ending.kind.strong else WARNING
        ended = translate("CallHtml", "Call ended: {outcome}").format(
            outcome=escape(ending_label(ending.kind)))
        parts.append(f"<p style='color:{colour}'><b>{ended}</b></p>")
    return "".join(parts)


def debrief_html(report: Debrief, skill_label, coach_rules: CoachRules | None = None,
                 trainer_view: bool = False, certificate: CallRequirements | None = None,
                 scenario_id: str = "") -> str:
    """The call's outcome, figures, skills and every turn. `trainer_view`: the trainer reads it, so
    the replies are the learner's (not "yours"), and there is no replaying from a turn. `certificate`:
    the course's practice-call rule, to say whether this call (of `scenario_id`) counts toward it; the
    skill score is shown either way."""
    ending = report.ending
    if ending is not None:
        colour = SUCCESS if ending.kind.strong else WARNING
        head = (f"<h1 style='color:{colour}'>{escape(ending.title)}</h1>"
                f"<p><b style='color:{colour}'>{escape(ending_label(ending.kind))}</b> \u2014 "
                f"{escape(ending.outcome)}</p>")
    else:
        head = "<h1>" + translate("CallHtml", "Call not finished") + "</h1>"
    from workbook.core.completion import skill_score

    csat_colour = score_colour(report.csat * 20)
    score = skill_score(report.skills)
    fcr = translate("CallHtml", "Yes") if report.fcr else translate("CallHtml", "No")
    best_of = translate("CallHtml", "{best} of {total}").format(best=report.best_choices,
                                                                total=len(report.turns))
    metrics = (
        "<table cellpadding='6'><tr>"
        "<td><b>" + translate("CallHtml", "Simulated CSAT") + "</b><br>"
        f"<span style='font-size:18px; color:{csat_colour}'>{report.csat} / 5</span></td>"
        "<td><b>" + translate("CallHtml", "First contact resolution") + "</b><br>"
        f"<span style='font-size:18px'>{fcr}</span></td>"
        "<td><b>" + translate("CallHtml", "Handle time") + "</b><br>"
        f"<span style='font-size:18px'>{report.handle_time}</span></td>"
        "<td><b>" + translate("CallHtml", "Best replies") + "</b><br>"
        f"<span style='font-size:18px'>{best_of}</span></td>"
        "<td><b>" + translate("CallHtml", "Skill score") + "</b><br>"
        f"<span style='font-size:18px; color:{score_colour(score)}'>{score}%</span></td></tr></table>"
        + _certificate_note(report, score, certificate, scenario_id))
    points = report.points or {}
    skills = "".join(f"<tr><td>{escape(skill_label(skill))}</td><td><b>{percent}%</b></td>"
                     f"<td>{bar(percent)}</td><td style='color:{MUTED}'>"
                     f"{escape(_points_text(points[skill])) if skill in points else ''}</td></tr>"
                     for skill, percent in report.skills.items())
    turns, heard = [], []
    replay = translate("CallHtml", "Replay from here")
    for turn in report.turns:
        heard.append(turn.caller_line)  # what the caller had said by this turn: the coach's context
        said = (_typed_turn_html(turn, coach_rules, "\n".join(heard), trainer_view) if turn.typed
                else _picked_turn_html(turn, trainer_view))
        turn_heading = translate("CallHtml", "Turn {number}").format(number=turn.number)
        link = "" if trainer_view else f"<p><a href='replay:{turn.number}'>{replay}</a></p>"
        turns.append(f"<h3>{turn_heading}</h3>"
                     f"<p style='color:{MUTED}'><i>\u201c{escape(turn.caller_line)}\u201d</i></p>"
                     f"{said}{link}")
    skills_heading = translate("CallHtml", "Skills on this call")
    skills_note = translate("CallHtml", "Points your replies earned of the most the replies you were offered "
                                        "could earn; a reply that breaks a skill takes points away.")
    if trainer_view:
        skills_note = translate("CallHtml", "Points the learner's replies earned of the most the replies "
                                            "they were offered could earn; a reply that breaks a skill takes "
                                            "points away.")
    turns_heading = translate("CallHtml", "The call, turn by turn")
    return (f"{head}{metrics}<h2>{skills_heading}</h2><p style='color:{MUTED}'>{skills_note}</p>"
            f"<table cellpadding='3'>{skills}</table><h2>{turns_heading}</h2>{''.join(turns)}")


def _certificate_note(report: Debrief, score: int, rule: CallRequirements | None, scenario_id: str) -> str:
    """Whether this call counts toward the certificate, in the certificate's own words: a call counts
    when it ends well with a skill score of at least the course's bar (a resolved call at 58% does not);
    a listed call's own line needs it to end well only."""
    listed = rule is not None and scenario_id in rule.scenarios
    if rule is None or not (rule.at_least or listed) or report.ending is None:
        return ""
    bar, strong = rule.min_skill_score, report.ending.kind.strong
    own_line = translate("CallHtml", "It meets this call's own line of the certificate: it ended well.")
    if strong and not rule.at_least:
        text, colour = own_line, SUCCESS
    elif strong and score >= bar:
        text = (translate("CallHtml", "This call counts toward your certificate: it ended well with a skill "
                                      "score of at least {bar}%.") if bar
                else translate("CallHtml", "This call counts toward your certificate: it ended well."))
        colour = SUCCESS
    elif strong:
        text = translate("CallHtml", "This call does not count toward the {count} practice calls your "
                                     "certificate needs: it ended well, but its skill score is below {bar}%.")
        text += " " + own_line if listed else ""
        colour = CAUTION
    else:
        text = (translate("CallHtml", "This call does not count toward your certificate: a call counts when "
                                      "it ends well with a skill score of at least {bar}%.") if bar
                else translate("CallHtml", "This call does not count toward your certificate: a call counts "
                                           "when it ends well."))
        colour = WARNING
    return f"<p style='color:{colour}'><b>{escape(text.format(bar=bar, count=rule.at_least))}</b></p>"


def _points_text(points: SkillPoints) -> str:
    """What a skill's percentage is made of, in the interface language (core's `explain` in English)."""
    move = translate("CallHtml", "turn {number} {points}")
    moves = ", ".join(move.format(number=number, points=f"{change:+d}") for number, change in points.turns)
    moves = moves or translate("CallHtml", "no turn")
    if points.possible == 1:  # "1 of 1 point": chosen here, so no language needs a plural catalogue for it
        return translate("CallHtml", "{earned} of 1 point ({moves})").format(earned=max(0, points.earned),
                                                                           moves=moves)
    return translate("CallHtml", "{earned} of {possible} points ({moves})").format(
        earned=max(0, points.earned), possible=points.possible, moves=moves)


def _handover_note(handover: Handover | None) -> str | None:
    if handover == Handover.APPROPRIATE:
        return translate("CallHtml", "Handing over was the right call here.")
    if handover == Handover.AVOIDABLE:
        return translate("CallHtml", "This handover was avoidable: the problem was within your reach.")
    return None


def _picked_turn_html(turn, trainer_view: bool = False) -> str:
    colour = RATING_COLOURS[turn.reply.rating]
    change = turn.mood_after - turn.mood_before
    handover = _handover_note(turn.reply.handover)
    note = f"<br><i>{escape(handover)}</i>" if handover else ""
    better_line = translate("CallHtml", "A better line:")
    better = (f"<p style='margin-left:18px'><b>{better_line}</b> \u201c{escape(turn.better.text)}\u201d"
              "</p>" if turn.better else "")
    you = translate("CallHtml", "Learner:") if trainer_view else translate("CallHtml", "You:")
    mood = translate("CallHtml", "mood {change}").format(change=f"{'+' if change >= 0 else ''}{change}")
    return (f"<p><b>{you}</b> \u201c{escape(turn.reply.text)}\u201d<br>"
            f"<b style='color:{colour}'>{rating_label(turn.reply.rating)}</b> \u00b7 {mood}"
            f" \u00b7 {escape(turn.reply.feedback)}{note}</p>{better}"
            f"{shown_replies_html(turn, trainer_view)}")


def shown_replies_html(turn, trainer_view: bool = False) -> str:
    """The replies as they were on screen, numbered as the keys were, the learner's pick in bold."""
    if len(turn.shown) < 2:
        return ""
    items = []
    your_pick = (translate("CallHtml", "learner's pick") if trainer_view
                 else translate("CallHtml", "your pick"))
    for number, reply in enumerate(turn.shown, 1):
        text = f"{number}. \u201c{escape(reply.text)}\u201d"
        items.append(f"<b>{text} \u2190 {your_pick}</b>" if reply is turn.reply else text)
    return (f"<p style='margin-left:18px; color:{MUTED}; font-size:small'>"
            + translate("CallHtml", "As shown:") + "<br>" + "<br>".join(items) + "</p>")


def _typed_turn_html(turn, coach_rules: CoachRules | None, heard: str = "",
                     trainer_view: bool = False) -> str:
    """A turn in the learner's own words: what the coach heard, how the caller took it, and the
    script's best line to compare with; `heard` is what the caller had said by then."""
    colour = RATING_COLOURS[turn.reply.rating]
    result = typed_verdict(turn.typed, coach_rules, heard)
    best = turn.better or turn.reply
    own_words = (translate("CallHtml", "The learner, in their own words:") if trainer_view
                 else translate("CallHtml", "You, in your own words:"))
    took_it = translate("CallHtml", TOOK_IT[turn.reply.rating]).replace("<b>", f"<b style='color:{colour}'>")
    best_line = translate("CallHtml", "The script's best line here:")
    return (f"<p><b>{own_words}</b> \u201c{reply_html(turn.typed.text, result)}\u201d<br>"
            f"{verdict_line_html(result, turn.mood_after - turn.mood_before)}<br>{took_it}</p>"
            f"<p style='margin-left:18px'><b>{best_line}</b> \u201c{escape(best.text)}\u201d</p>")
