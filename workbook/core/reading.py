"""When a lesson section counts as read: the learner reached its end and spent a minimum time on it.

The minimum comes from the section's length: `share` of the time the text takes at
`words_per_minute`, never more than `max_seconds` (a slow reader is never held back long) and never
less than `min_seconds`. The numbers live in `lessons/course.yaml` under `reading:`, so a trainer
can see and change them; without them the defaults below apply. Paging through sections with
Alt+Right therefore reads nothing, while a learner who reads even quickly is never nagged.
"""

from __future__ import annotations

import re

from msgspec import Struct

_WORD = re.compile(r"[^\W_][\w'\u2019-]*")
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|<[^>]+>")  # images, link targets, tags


class ReadingRule(Struct, frozen=True, kw_only=True):
    """`reading:` in course.yaml (its schema is in `schemas.py`). The defaults: a quarter of the time
    at 230 words a minute, between 5 and 60 seconds, and the end of the text reached."""

    words_per_minute: int = 230
    share: float = 0.25
    min_seconds: int = 5
    max_seconds: int = 60
    reach_end: bool = True  # the learner must scroll to the bottom (a section that fits counts)

    def minimum_seconds(self, words: int) -> int:
        """Seconds a section of `words` words must stay on screen before it counts as read."""
        wanted = self.share * max(0, words) * 60 / self.words_per_minute
        return int(min(self.max_seconds, max(self.min_seconds, wanted)) + 0.5)


def word_count(markdown: str) -> int:
    """Words a reader reads: link targets, image paths and tags do not count."""
    return len(_WORD.findall(_MARKUP.sub(" ", markdown)))


class ReadingWait(Struct, frozen=True):
    """Where a section stands, without words (the interface words it in its own language):
    read, or the whole seconds still to spend on it, or (time spent) the end still to reach."""

    read: bool
    seconds_left: int = 0
    needs_end: bool = False


def reading_wait(rule: ReadingRule, words: int, seconds: float, reached_end: bool) -> ReadingWait:
    left = rule.minimum_seconds(words) - seconds
    at_end = reached_end or not rule.reach_end
    if left <= 0 and at_end:
        return ReadingWait(True)
    if left > 0:
        return ReadingWait(False, seconds_left=int(left + 0.999))
    return ReadingWait(False, needs_end=True)


def reading_status(rule: ReadingRule, words: int, seconds: float, reached_end: bool) -> tuple[bool, str]:
    """(read, what to tell the learner) in English: a short, neutral line, or "" once the section is read."""
    wait = reading_wait(rule, words, seconds, reached_end)
    if wait.read:
        return True, ""
    if wait.seconds_left:
        return False, f"Keep reading: {wait.seconds_left} s more"
    return False, "Scroll to the end to finish this section"
