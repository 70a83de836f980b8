"""A quiz attempt as rich text: the per-skill breakdown and the review of each question.

Shared by the quiz page and the trainer's drill-down, so both show an attempt the same way.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from workbook.core.quiz_review import NO_PICK, QuestionReview, ReviewLine, review_question
from workbook.ui.dates import moment_text
from workbook.ui.html_bits import bar
from workbook.ui.i18n import translate
from workbook.ui.theme import CAUTION, MUTED, QUOTE, SUCCESS, WARNING

if TYPE_CHECKING:
    from workbook.core.attempt import AttemptResult
    from workbook.store.quiz_attempts import StoredAttempt


def results_html(result: AttemptResult, skill_label, trainer_view: bool = False) -> str:
    """The per-skill breakdown, then every question with the answer given and why; `trainer_view`:
    the trainer reads it, so the answer given is the learner's, not "yours"."""
    skills = "".join(
        f"<tr><td>{escape(skill_label(skill))}</td><td><b>{percent}%</b></td>"
        f"<td>{bar(percent)}</td></tr>" for skill, percent in result.by_skill().items())
    by_skill, review_heading = translate("QuizHtml", "By skill"), translate("QuizHtml", "Review")
    parts = [f"<h2>{by_skill}</h2><table cellpadding='3'>{skills}</table>", f"<h2>{review_heading}</h2>"]
    for number, item in enumerate(result.results, 1):
        review = review_question(item.presented, item.response)
        parts.append(f"<h3>{number}. {escape(item.presented.question.prompt)}</h3>")
        parts.append(review_html(review, heading_level=None, trainer_view=trainer_view))
    return "".join(parts)


def verdict_text(review: QuestionReview) -> str:
    """The core's `verdict` ("Partly right (60%)") in the interface language, from its facts."""
    if not review.answered:
        return translate("QuizHtml", "Not answered")
    if review.score >= 1.0:
        return translate("QuizHtml", "Right")
    if review.score > 0:
        percent = int(100 * review.score + 1e-9)
        return translate("QuizHtml", "Partly right ({percent}%)").format(percent=percent)
    return translate("QuizHtml", "Not right")


def line_text(line: ReviewLine) -> str:
    """An option, item or pair as the core words it, with an empty match ("(none)") in the
    interface language."""
    if line.no_pick:
        return line.text.removesuffix(NO_PICK) + translate("QuizHtml", "(none)")
    return line.text


def feedback_text(line: ReviewLine) -> str:
    """An ordering or matching note in the interface language; an option's feedback is content and
    stays as written."""
    if line.note == "in_place":
        return translate("QuizHtml", "In the right place.")
    if line.note == "belongs_at":
        return translate("QuizHtml", "Belongs at step {step}.").format(step=line.step)
    if line.note == "matched":
        return translate("QuizHtml", "Matched correctly.")
    if line.note == "goes_with":
        return translate("QuizHtml", "Goes with: {partner}.").format(partner=line.partner)
    return line.feedback


def review_html(review: QuestionReview, heading_level: int | None, trainer_view: bool = False) -> str:
    colour = SUCCESS if review.score >= 1 else (CAUTION if review.score > 0 else WARNING)
    words = escape(verdict_text(review))
    verdict = f"<p><b style='color:{colour}'>{words}</b></p>"
    if heading_level:
        verdict = f"<h{heading_level} style='color:{colour}'>{words}</h{heading_level}>"
    rows = []
    your_answer = (translate("QuizHtml", "learner's answer") if trainer_view
                   else translate("QuizHtml", "your answer"))
    missed = translate("QuizHtml", "right, not picked")
    for line in review.lines:
        mark = "\u2714" if line.right else "\u2718"
        mark_colour = SUCCESS if line.right else WARNING
        chosen = f" <i>({your_answer})</i>" if line.picked and review.is_choice else ""
        if not line.picked:  # an option the learner left: a right one was missed, a wrong one needs nothing
            mark, mark_colour = ("\u25cb", MUTED) if not line.right else ("\u2192", CAUTION)
            chosen = f" <i style='color:{CAUTION}'>({missed})</i>" if line.right else ""
        rows.append(f"<tr><td style='color:{mark_colour}' width='22'>{mark}</td>"
                    f"<td><b>{escape(line_text(line))}</b>{chosen}<br>"
                    f"<span style='color:{QUOTE}'>{escape(feedback_text(line))}</span></td></tr>")
    right = ""
    if review.score < 1:
        right = "<p><b>" + translate("QuizHtml", "Right answer:") + f"</b> {escape(review.right_answer)}</p>"
    why = translate("QuizHtml", "Why:")
    return (f"{verdict}<table cellpadding='3'>{''.join(rows)}</table>{right}"
            f"<p><b>{why}</b> {escape(review.explanation)}</p>")


def attempts_html(finished: list[StoredAttempt]) -> str:
    """A quiz intro's past attempts, newest first, with the best score and a review link each (the
    link is the attempt's id)."""
    if not finished:
        return f"<p style='color:{MUTED}'>" + translate("QuizPage", "No attempts yet.") + "</p>"
    passed, not_passed = translate("QuizPage", "passed"), translate("QuizPage", "not passed")
    review = translate("QuizPage", "Review")
    rows = "".join(
        f"<tr><td>{moment_text(a.submitted_at.astimezone())}</td><td><b>{a.percent}%</b></td>"
        f"<td>{passed if a.passed else not_passed}</td>"
        f"<td><a href='{a.id}'>{review}</a></td></tr>" for a in reversed(finished))
    best = translate("QuizPage", "Best: <b>{percent}%</b>").format(percent=max(a.percent for a in finished))
    return f"<p>{best}</p><table cellpadding='4'>{rows}</table>"
