"""A certificate requirement worded in the interface language, from the facts the core returns
(`workbook.core.completion.Fact`); the core's English `label` and `detail` stay for the CLI and reports."""

from __future__ import annotations

from PySide6.QtCore import QObject

from workbook.core.completion import Fact, Requirement

_QUIZ = (Fact.QUIZ_BEST, Fact.QUIZ_NOT_TAKEN, Fact.QUIZ_UNAVAILABLE)
_CALL = (Fact.CALL_ENDED_WELL, Fact.CALL_NOT_RESOLVED, Fact.CALL_NOT_PLAYED)


class RequirementText(QObject):
    """A QObject only for `self.tr`: lupdate reads %n plurals from tr() calls, not from translate()."""

    def label(self, requirement: Requirement) -> str:
        """What the line is about: "Empathy: lessons", "Empathy quiz", "Practice call “Refund”"."""
        fact, subject = requirement.fact, requirement.subject
        if fact in (Fact.READING, Fact.UNAVAILABLE):
            return self.tr("{module}: lessons").format(module=subject)
        if fact in _QUIZ:
            return self.tr("{module} quiz").format(module=subject)
        if fact in _CALL:
            return self.tr("Practice call \u201c{title}\u201d").format(title=subject)
        if fact == Fact.CALLS:
            return self.tr("Practice calls")
        return requirement.label

    def detail(self, requirement: Requirement) -> str:
        """What the learner has, and what is still needed."""
        fact, have, need = requirement.fact, requirement.have, requirement.need
        if fact == Fact.READING:
            read = self.tr("{read} of %n section(s) read", "", need).format(read=have)
            return read if have >= need else read + ", " + self.tr("%n to go", "", need - have)
        if fact == Fact.UNAVAILABLE:
            return self.tr("this module's content cannot be loaded; ask your trainer to fix it")
        if fact == Fact.QUIZ_UNAVAILABLE:
            return self.tr("this quiz cannot be loaded; ask your trainer to fix it")
        if fact == Fact.QUIZ_NOT_TAKEN:
            return self.tr("not taken yet, needs {mark}%").format(mark=need)
        if fact == Fact.QUIZ_BEST:
            best = self.tr("best {best}%").format(best=have)
            return best if have >= need else best + ", " + self.tr("needs {mark}%").format(mark=need)
        if fact == Fact.CALL_ENDED_WELL:
            return self.tr("ended well")
        if fact == Fact.CALL_NOT_RESOLVED:
            return self.tr("not yet resolved or escalated appropriately")
        if fact == Fact.CALL_NOT_PLAYED:
            return self.tr("not played yet")
        if fact == Fact.CALLS and requirement.bar:
            return self.tr("{good} of %n ended well with a skill score of at least {bar}%", "", need).format(
                good=have, bar=requirement.bar)
        if fact == Fact.CALLS:
            return self.tr("{good} of %n ended well", "", need).format(good=have)
        return requirement.detail


def requirement_label(requirement: Requirement) -> str:
    return RequirementText().label(requirement)


def requirement_detail(requirement: Requirement) -> str:
    return RequirementText().detail(requirement)


def requirement_line(requirement: Requirement) -> str:
    """"label: detail", as the "Not yet" message lists the open requirements, with the first thing
    that was not counted toward it because its evidence did not hold up."""
    words = RequirementText()
    line = f"{words.label(requirement)}: {words.detail(requirement)}"
    if requirement.doubts:  # what was not counted because it did not hold up (English, as the core words it)
        line += " \u2014 " + requirement.doubts[0]
    return line
