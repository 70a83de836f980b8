"""Cards for the daily review (missed quiz questions and the key phrases of `:::say` callouts) and
the FSRS scheduling of them. Plain data and pure functions: no Qt, no database, so the store and
the tests share one definition of what a card is and when it comes back.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from functools import cache
from typing import Any

from msgspec import Struct

from workbook.core.content import Library

QUESTION_KIND = "question"
PHRASE_KIND = "phrase"
PHRASE_PROMPT = "What could you say here?"
RATING_LABELS: dict[int, str] = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}

_SAY_OPEN = re.compile(r"^:::\s*say\b")
_FENCE_CLOSE = re.compile(r"^:::\s*$")
_BULLET = re.compile(r"^[-*+]\s+(.*)$")
_QUOTED = re.compile(r'^(["\u201c])(.+?)(["\u201d])\s*(.*)$')


class PhraseCard(Struct, frozen=True):
    """One key phrase: the front names the situation, the back holds the phrase and why it works."""

    id: str
    module_id: str
    section_id: str
    situation: str  # "Module title \u2014 Section title"
    phrase: str
    reason: str

    @property
    def prompt(self) -> str:
        """The situation this phrase answers, from why it works ("It names the feeling without
        judging" -> "What could you say that names the feeling without judging?"), so cards that share
        a section still ask different questions."""
        return phrase_prompt(self.reason)


def phrase_prompt(reason: str) -> str:
    """A question made from a phrase's reason; the generic prompt when there is no usable reason."""
    text = " ".join(reason.split()).rstrip(".")
    for opening in ("It ", "This ", "That ", "They ", "These "):
        if text.startswith(opening):
            verb = text[len(opening):]
            if verb and verb[0].islower():
                return f"What could you say that {verb}?"
    return PHRASE_PROMPT if not text else f"What could you say here? ({text})"


def interval_text(now: datetime, due: datetime) -> str:
    """How long until a card comes back, as on Anki's rating buttons: '10 min', '3 h', '4 d', '2 mo'."""
    minutes = max(1, round((utc(due) - utc(now)).total_seconds() / 60))
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 60 * 24:
        return f"{round(minutes / 60)} h"
    days = round(minutes / (60 * 24))
    if days < 31:
        return f"{days} d"
    if days < 365:
        return f"{round(days / 30)} mo"
    return f"{days / 365:.1f} y"


def preview_intervals(state: dict[str, Any] | None, card_id: str, now: datetime) -> dict[int, str]:
    """What each rating would do to the card now, for the rating buttons."""
    return {rating: interval_text(now, due_at(schedule(state, card_id, rating, now)))
            for rating in RATING_LABELS}


def question_card_id(module_id: str, question_id: str) -> str:
    """A missed quiz question's card id: the same on every machine and for every attempt."""
    return f"{QUESTION_KIND}/{module_id}/{question_id}"


def phrase_card_id(module_id: str, section_id: str, phrase: str) -> str:
    """Stable while the phrase text stays the same; an edited phrase is a new card."""
    digest = hashlib.sha256(" ".join(phrase.split()).encode("utf-8")).hexdigest()[:12]
    return f"{PHRASE_KIND}/{module_id}/{section_id}/{digest}"


def card_kind(card_id: str) -> str:
    return card_id.split("/", 1)[0]


def card_module_id(card_id: str) -> str:
    parts = card_id.split("/")
    return parts[1] if len(parts) > 1 else ""


def say_bullets(markdown: str) -> list[str]:
    """The bullet texts inside every `:::say` callout, in reading order (continuation lines joined)."""
    bullets: list[str] = []
    inside = False
    for raw in markdown.splitlines():
        line = raw.strip()
        if not inside:
            inside = bool(_SAY_OPEN.match(line))
            continue
        if _FENCE_CLOSE.match(line) or line.startswith(":::"):
            inside = False
            continue
        bullet = _BULLET.match(line)
        if bullet:
            bullets.append(bullet.group(1).strip())
        elif line and bullets:
            bullets[-1] = f"{bullets[-1]} {line}"
    return bullets


def split_phrase(bullet: str) -> tuple[str, str]:
    """`"Words to say." Why they work.` -> (words, why); a bullet without quotes is all phrase."""
    match = _QUOTED.match(bullet)
    if match is None:
        return bullet, ""
    return f"{match.group(1)}{match.group(2)}{match.group(3)}", match.group(4).strip()


def phrase_cards(library: Library) -> list[PhraseCard]:
    """Every key phrase of every module, in course order; a phrase repeated in a section counts once."""
    cards: list[PhraseCard] = []
    seen: set[str] = set()
    for module in library.modules:
        for section in module.sections:
            for bullet in section.phrases:  # say_bullets(section.markdown), read once at load
                phrase, reason = split_phrase(bullet)
                card_id = phrase_card_id(module.id, section.id, phrase)
                if card_id in seen:
                    continue
                seen.add(card_id)
                cards.append(PhraseCard(card_id, module.id, section.id,
                                        f"{module.title} \u2014 {section.title}", phrase, reason))
    return cards


# -- scheduling --------------------------------------------------------------------------------


def utc(moment: datetime) -> datetime:
    """FSRS compares aware datetimes: naive ones are taken as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _fsrs_id(card_id: str) -> int:
    return int(hashlib.sha256(card_id.encode("utf-8")).hexdigest()[:12], 16)


@cache
def _scheduler():
    """FSRS loads with the first card that has a review state (~15 ms): not at the start of a learner
    who never reviewed. No fuzz: the same input gives the same date."""
    from fsrs import Scheduler

    return Scheduler(desired_retention=0.9, enable_fuzzing=False)


def schedule(state: dict[str, Any] | None, card_id: str, rating: int, now: datetime) -> dict[str, Any]:
    """The card's state after a rating (1 Again .. 4 Easy) given at `now`; `state` None = a new card."""
    from fsrs import Card, Rating

    if rating not in RATING_LABELS:
        raise ValueError(f"rating must be 1-4, not {rating!r}")
    card = Card.from_dict(state) if state else Card(card_id=_fsrs_id(card_id), due=utc(now))
    reviewed, _log = _scheduler().review_card(card, Rating(rating), review_datetime=utc(now))
    return reviewed.to_dict()


def due_at(state: dict[str, Any]) -> datetime:
    from fsrs import Card

    return utc(Card.from_dict(state).due)
