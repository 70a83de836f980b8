"""Review cards ask their own question and say, on each rating, when the card comes back."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from workbook.core.review_cards import (
    PHRASE_PROMPT,
    interval_text,
    phrase_cards,
    phrase_prompt,
    preview_intervals,
)

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def test_a_phrase_card_asks_for_the_situation_its_phrase_answers():
    assert phrase_prompt("It names the feeling without judging who caused it.") == (
        "What could you say that names the feeling without judging who caused it?")
    assert phrase_prompt("") == PHRASE_PROMPT


def test_shipped_phrase_cards_hardly_ever_share_a_front(library):
    """Before, 34 of 79 fronts were shared by two or three cards with different answers."""
    cards = phrase_cards(library)
    fronts = Counter((card.situation, card.prompt) for card in cards)
    shared = sum(count for count in fronts.values() if count > 1)
    assert shared <= len(cards) // 20


def test_intervals_read_like_anki():
    assert interval_text(NOW, NOW + timedelta(minutes=10)) == "10 min"
    assert interval_text(NOW, NOW + timedelta(hours=5)) == "5 h"
    assert interval_text(NOW, NOW + timedelta(days=4)) == "4 d"
    assert interval_text(NOW, NOW + timedelta(days=90)) == "3 mo"


def test_each_rating_previews_a_later_or_equal_return():
    shown = preview_intervals(None, "phrase/empathy/x/abc", NOW)
    assert set(shown) == {1, 2, 3, 4} and shown[4].endswith(" d")
