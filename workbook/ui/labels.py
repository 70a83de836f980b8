"""Interface names for values the core spells in English: how a call ended, a reply's rating, the
caller's mood."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from workbook.core.call_engine import mood_words
from workbook.core.scenario import EndingKind, Rating

_ENDINGS = {
    EndingKind.RESOLVED: QT_TRANSLATE_NOOP("EndingKind", "Resolved"),
    EndingKind.RESOLVED_WITH_FOLLOW_UP: QT_TRANSLATE_NOOP("EndingKind", "Resolved with follow-up"),
    EndingKind.ESCALATED_APPROPRIATELY: QT_TRANSLATE_NOOP("EndingKind", "Escalated appropriately"),
    EndingKind.HUNG_UP: QT_TRANSLATE_NOOP("EndingKind", "Caller hung up"),
    EndingKind.FORMAL_COMPLAINT: QT_TRANSLATE_NOOP("EndingKind", "Formal complaint"),
}


def ending_label(kind: EndingKind) -> str:
    """`kind.label` in the interface language (the core's English stays for reports and logs)."""
    return QCoreApplication.translate("EndingKind", _ENDINGS.get(kind, kind.label))


_RATINGS = {
    Rating.BEST: QT_TRANSLATE_NOOP("Rating", "Best"),
    Rating.OKAY: QT_TRANSLATE_NOOP("Rating", "Okay"),
    Rating.POOR: QT_TRANSLATE_NOOP("Rating", "Poor"),
}

# mood_words() in the core, word for word: the meter shows them in the interface language.
_MOODS = {
    "Furious": QT_TRANSLATE_NOOP("Mood", "Furious"),
    "Angry": QT_TRANSLATE_NOOP("Mood", "Angry"),
    "Frustrated": QT_TRANSLATE_NOOP("Mood", "Frustrated"),
    "Calmer": QT_TRANSLATE_NOOP("Mood", "Calmer"),
    "Reassured": QT_TRANSLATE_NOOP("Mood", "Reassured"),
}


def rating_label(rating: Rating) -> str:
    """"Best", "Okay", "Poor" for a reply, in the interface language."""
    return QCoreApplication.translate("Rating", _RATINGS.get(rating, rating.value.capitalize()))


def mood_label(mood: int) -> str:
    """How the caller sounds (the core's `mood_words`), in the interface language."""
    words = mood_words(mood)
    return QCoreApplication.translate("Mood", _MOODS.get(words, words))
