"""Do a learner's section-read rows respect the reading rule's times?

The reader writes a section-read row once the section has been on screen for the rule's minimum
(`core.reading`). Screen time is exclusive: on one PC, one section is on screen at a time. So the
sections a PC marked read up to any moment needed, together, at least the sum of their minimums
since the learner could first have read anything there. That start is taken as the earlier of the
profile's creation and one maximum section time before the PC's first row (time can be spent on a
section before any row is written). A row that would need more reading time than that does not
count; the sections it marked are named, and the reader times them again.

The bound is lenient on purpose: time can be gathered on a section, left, and finished later, so
only a total that no order of reading could reach is refused. Rows written before the reading rule
existed (a section counted as read once opened) pass whenever the learner's pace was plausible.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from msgspec import Struct

from workbook.core.content import Library
from workbook.core.reading import ReadingRule

# Timestamps come from the PC's clock, and the reader counts time in one-second ticks.
CLOCK_SLACK_SECONDS = 2.0


class SectionRead(Struct, frozen=True):
    module_id: str
    section_id: str
    at: datetime
    device: str


class ReadingCheck(Struct, frozen=True):
    """Sections per module whose read rows hold up, and those marked read too fast to count."""

    read: dict[str, set[str]]
    too_fast: dict[str, list[str]]  # module id -> section ids, in the order they were marked


def check_reading(library: Library, rule: ReadingRule, reads: Iterable[SectionRead],
                  profile_created: datetime | None) -> ReadingCheck:
    needed = {(module.id, section.id): rule.minimum_seconds(section.words)
              for module in library.modules for section in module.sections}
    by_device: dict[str, list[SectionRead]] = {}
    for read in reads:
        by_device.setdefault(read.device, []).append(read)
    held: dict[str, set[str]] = {}
    doubtful: dict[str, list[str]] = {}
    for rows in by_device.values():
        rows.sort(key=lambda r: r.at)
        start = rows[0].at - timedelta(seconds=rule.max_seconds)
        if profile_created is not None:
            start = min(start, profile_created)
        spent = 0.0
        seen: set[tuple[str, str]] = set()
        for read in rows:
            key = (read.module_id, read.section_id)
            if key in seen or key not in needed:
                continue  # a second row of a section, or a section no longer in the content
            seen.add(key)
            if spent + needed[key] <= (read.at - start).total_seconds() + CLOCK_SLACK_SECONDS:
                spent += needed[key]
                held.setdefault(read.module_id, set()).add(read.section_id)
            else:
                doubtful.setdefault(read.module_id, []).append(read.section_id)
    too_fast = {module_id: [s for s in ids if s not in held.get(module_id, set())]
                for module_id, ids in doubtful.items()}
    return ReadingCheck(held, {m: ids for m, ids in too_fast.items() if ids})
