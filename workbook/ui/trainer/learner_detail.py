"""The trainer's drill-down into one learner: every quiz attempt with its answers and pace, every
practice call with its debrief, and a line per PC and reason when imports refused some of the
learner's records (`workbook refused-records` lists them all)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

from workbook.core.attempt import grade
from workbook.core.call_engine import CallError, replay
from workbook.core.debrief import debrief
from workbook.core.outside_text import printable
from workbook.store import practice_calls, quiz_attempts
from workbook.store.learners import get_learner
from workbook.ui.call_html import debrief_html
from workbook.ui.dates import moment_text
from workbook.ui.i18n import translate
from workbook.ui.quiz_html import results_html
from workbook.ui.theme import MUTED, READER_CSS, WARNING
from workbook.ui.window_geometry import fit_to_screen

if TYPE_CHECKING:
    from workbook.core.content import Library
    from workbook.store.row_provenance import RefusedGroup

SHOWN_REFUSED = 3  # lines of refused records at most; the command lists every one


def show_detail_html(parent, html: str) -> None:
    """The drill-down `learner_detail_html` made (the trainer's window builds it off the GUI thread),
    in a dialog sized to the screen."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("LearnerDetail", "Learner detail"))
    view = QTextBrowser()
    view.document().setDefaultStyleSheet(READER_CSS)
    view.setHtml(html)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    fit_to_screen(dialog, QSize(900, 700), screen.availableGeometry())
    dialog.open()


def learner_detail_html(library: Library, learner_id: str) -> str:
    from workbook.store.pace import learner_attempt_pace

    learner = get_learner(learner_id)
    pace, paces = learner_attempt_pace(learner_id)
    mark = " " + translate("LearnerDetail", "(archived)") if learner.archived_at else ""
    parts = [f"<h1>{escape(learner.display_name)}{mark}</h1>" + refused_html(learner_id), pace_html(pace),
             certificate_html(library, learner_id)]
    contents: list[tuple[str, str, bool]] = []  # (anchor, heading, rushed): the list at the top

    def heading_html(heading: str, attempt_id: str) -> str:
        found = paces.get(attempt_id)
        anchor = f"attempt-{len(contents) + 1}"
        contents.append((anchor, heading, bool(found and found.rushed)))
        return f"<h2><a name='{anchor}'></a>{heading}</h2>"

    for module in library.modules:
        for attempt in quiz_attempts.finished_attempts(learner_id, module.id):
            heading = translate("LearnerDetail", "{module} quiz: {percent}% ({when})").format(
                module=escape(module.title), percent=attempt.percent,
                when=moment_text(attempt.submitted_at.astimezone()))
            parts.append(heading_html(heading, attempt.id))
            parts.append(_attempt_pace_html(paces.get(attempt.id)))
            parts.append(results_html(grade(attempt.plan, attempt.responses), library.skill_label,
                                      trainer_view=True))
    for scenario in library.scenarios:
        for call in practice_calls.finished_calls(learner_id, scenario.id):
            when = moment_text(call.ended_at.astimezone())
            heading = translate("LearnerDetail", "Practice call: {title} ({when})").format(
                title=escape(scenario.title), when=when)
            parts.append(heading_html(heading, call.id))
            parts.append(_attempt_pace_html(paces.get(call.id)))
            try:
                state = replay(scenario, call.replies, call.typed, call.nodes, seed=call.seed)
                report = debrief(scenario, state)
            except CallError:
                parts.append("<p>" + translate("LearnerDetail", "The script has changed since this call; it "
                                               "cannot be replayed.") + "</p>")
                continue
            parts.append(debrief_html(report, library.skill_label, library.coach, trainer_view=True))
    if len(parts) == 3:
        parts.append("<p>" + translate("LearnerDetail", "No quiz attempts or practice calls yet.") + "</p>")
    elif len(contents) > 1:
        parts.insert(3, contents_html(contents))
    return "".join(parts)


class RefusedText(QObject):
    """A QObject only for `self.tr`: lupdate reads %n plurals from tr() calls, not from translate()."""

    def line(self, group: RefusedGroup) -> str:
        return self.tr("%n record(s) refused at import from the PC '{pc}' (key {key}): {reason}", "",
                       group.count).format(pc=printable(group.pc), key=group.key_fingerprint,
                                           reason=printable(group.reason))

    def more(self, count: int, learner_id: str) -> str:
        return self.tr("%n more group(s) of refused records: workbook refused-records --learner {id}", "",
                       count).format(id=learner_id)


def refused_html(learner_id: str) -> str:
    """One line per PC, key and reason of the person's records that imports refused and kept aside,
    the newest first; nothing when there are none. Names and reasons come from files: shown plain."""
    from workbook.store.merges import person_ids
    from workbook.store.row_provenance import refused_groups

    groups = refused_groups(person_ids(learner_id))
    if not groups:
        return ""
    words = RefusedText()
    lines = [words.line(group) for group in groups[:SHOWN_REFUSED]]
    if len(groups) > SHOWN_REFUSED:
        lines.append(words.more(len(groups) - SHOWN_REFUSED, learner_id))
    return f"<p style='color:{WARNING}'>" + "<br>".join(escape(line) for line in lines) + "</p>"


def contents_html(contents: list[tuple[str, str, bool]]) -> str:
    """Every attempt and call below as a link to it (Tab and Enter follow one), rushed ones marked:
    a learner who finished the course has some twenty, each a long review."""
    rushed = translate("LearnerDetail", "answered faster than reading allows")
    items = "".join(
        f"<li><a href='#{anchor}'>{heading}</a>"
        + (f" <span style='color:{WARNING}'>\u26a0 {rushed}</span>" if was_rushed else "") + "</li>"
        for anchor, heading, was_rushed in contents)
    return "<p><b>" + translate("LearnerDetail", "On this page:") + f"</b></p><ul>{items}</ul>"


def certificate_html(library: Library, learner_id: str) -> str:
    """Whether the learner's evidence makes them eligible, and if not, each open rule and each
    attempt, call or reading that was not counted because it did not hold up when replayed."""
    from workbook.core.completion import check_eligibility
    from workbook.store.learner_progress import learner_record

    if library.course is None:
        return ""
    eligibility = check_eligibility(library.course, library, learner_record(library, learner_id))
    title = translate("LearnerDetail", "Certificate")
    if eligibility.eligible:
        return f"<h2>{title}</h2><p>" + translate("LearnerDetail", "Eligible: every rule of the course is "
                                                                   "met by progress that holds up.") + "</p>"
    lines = "".join(f"<li>{escape(reason)}</li>" for reason in eligibility.reasons())
    return (f"<h2>{title}</h2><p style='color:{WARNING}'>"
            + translate("LearnerDetail", "Not eligible yet:") + f"</p><ul>{lines}</ul>")


def pace_html(pace) -> str:
    """Median seconds per question and per call turn, and how many attempts were rushed."""
    from workbook.core.pace import FASTEST_WORDS_PER_MINUTE

    def seconds(value: float | None) -> str:
        return f"{value:.0f} s" if value is not None else "\u2013"

    # "label: number" wording: a plain function has no QObject for a %n plural
    rushed = translate("LearnerDetail", "answered faster than reading allows: quiz attempts {quizzes}, "
                                        "calls {calls}").format(quizzes=pace.rushed_quizzes,
                                                                calls=pace.rushed_calls)
    warning = f" \u00b7 <b style='color:{WARNING}'>\u26a0 {rushed}</b>" if pace.rushed else ""
    median = translate("LearnerDetail", "median {question} per quiz question, {turn} per call turn").format(
        question=seconds(pace.seconds_per_question), turn=seconds(pace.seconds_per_turn))
    explained = translate("LearnerDetail", "An answer is too fast when it came sooner than its words "
                                           "(question and options, or the caller's line and the replies) can "
                                           "be read at {words} words a minute; an attempt is rushed when at "
                                           "least half its answers (and three or more) were.").format(
                                               words=FASTEST_WORDS_PER_MINUTE)
    return ("<p><b>" + translate("LearnerDetail", "Pace:") + f"</b> {median}{warning}<br>"
            f"<span style='color:{MUTED}'>{explained}</span></p>")


def _attempt_pace_html(found) -> str:
    if found is None:
        return ""
    colour = WARNING if found.rushed else MUTED
    return f"<p style='color:{colour}'>{escape(attempt_pace_note(found))}</p>"


def attempt_pace_note(found) -> str:
    """`AttemptPace.note()` in the interface language, worded from its numbers."""
    if not found.timed:
        return translate("LearnerDetail", "Pace: not timed.")
    median = (translate("LearnerDetail", "median {seconds} s per answer").format(
        seconds=f"{found.median_seconds:.0f}") if found.median_seconds is not None else "")
    if found.rushed:
        rushed = translate("LearnerDetail", "Answered faster than reading allows: {fast} of {timed} answers "
                                            "came before their text could be read ({median}).")
        return "\u26a0 " + rushed.format(fast=found.too_fast, timed=found.timed, median=median)
    return translate("LearnerDetail", "Pace: {median}; {fast} of {timed} answers faster than reading "
                                      "allows.").format(median=median, fast=found.too_fast, timed=found.timed)
