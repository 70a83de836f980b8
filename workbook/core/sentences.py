"""How the coach reads a reply as sentences and clauses, not as a bag of keywords.

Three questions about a found phrase, each answered from the words around it:
- is it negated? ("I'm *not* sorry": a negation just before it, in the same clause);
- is it said in a real clause? ("Sorry. Frustrating. What?" is keywords strung together, not a
  sentence addressed to anyone);
- is it taken back by a contrast? ("Sorry, *but* it's your fault": what follows the "but" wins).

The word lists live in the `reading:` block of `lessons/coach/rules.yaml`, so a trainer can read
and change them; this module only applies them.
"""

from __future__ import annotations

import re

from msgspec import Struct

Span = tuple[int, int]
_SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)|\n+")
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_CLAUSE_BREAK = re.compile(r"[,:;.!?\n\u2013\u2014]|\s-\s")


class Reading(Struct, frozen=True):
    """The word lists the coach reads sentences with (see rules.yaml, `reading:`)."""

    negations: frozenset[str] = frozenset({"not", "never", "no"})
    negation_reach: int = 2  # words looked back from a find, not counting `passed_over` words
    passed_over: frozenset[str] = frozenset()  # "going", "to", "really": skipped when looking back
    contrasts: frozenset[str] = frozenset({"but", "however"})
    clause_words: frozenset[str] = frozenset({"i", "you", "we", "it", "that", "this"})
    min_clause_words: int = 3  # a clause has at least this many words, one of them a clause word
    long_clause_words: int = 5  # ... or at least this many words of any kind

    def is_negation(self, word: str) -> bool:
        word = word.lower()
        return word in self.negations or word.endswith("n't")


def sentences(text: str) -> list[Span]:
    """The sentences of `text` as spans (ends at . ! ? ; or a line break)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start:match.start()].strip():
            spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _words(text: str) -> list[str]:
    return [w.lower().strip("'") for w in _WORD.findall(text)]


def is_clause(text: str, reading: Reading) -> bool:
    """True for a real clause ("I can see that", "What's your postcode?"), False for a fragment
    ("Frustrating.", "Third call.", "Which date?")."""
    words = _words(text)
    if len(words) >= reading.long_clause_words:
        return True
    return len(words) >= reading.min_clause_words and any(w in reading.clause_words for w in words)


def said_in_a_clause(span: Span, text: str, spans: list[Span], reading: Reading) -> bool:
    """A find counts when its sentence is a real clause, when it stands next to one ("Sorry! I'll fix
    it today.", "... that isn't how we should treat you. I'm sorry."), or when the reply is that one
    short sentence ("So sorry!")."""
    if len(spans) <= 1:
        return True
    index = next((i for i, (s, e) in enumerate(spans) if s <= span[0] < e), len(spans) - 1)
    nearby = [i for i in (index, index - 1, index + 1) if 0 <= i < len(spans)]
    return any(is_clause(text[slice(*spans[i])], reading) for i in nearby)


def negated(span: Span, text: str, reading: Reading) -> bool:
    """True when a negation comes just before the find in the same clause ("not sorry", "I won't
    apologise", "I'm not going to say sorry")."""
    before = text[:span[0]]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(before)]
    clause = before[breaks[-1]:] if breaks else before
    words = [w for w in re.findall(r"[A-Za-z']+", clause) if w.strip("'")]
    seen = 0
    for word in reversed(words):
        lower = word.lower()
        if reading.is_negation(lower):
            return True
        if lower in reading.contrasts:
            return False
        if lower in reading.passed_over:
            continue
        seen += 1
        if seen >= reading.negation_reach:
            return False
    return False


def taken_back(span: Span, text: str, spans: list[Span], avoided: list[Span], reading: Reading) -> bool:
    """True when a contrast word follows the find (in its sentence, or opening the next one) and
    something to avoid comes after it in that sentence: "Sorry, but that's the courier's fault"."""
    for match in re.finditer(r"[A-Za-z']+", text[span[1]:]):
        start = span[1] + match.start()
        sentence = next(((s, e) for s, e in spans if s <= start < e), None)
        if sentence is None:
            break
        own_sentence = sentence[0] <= span[0] < sentence[1]
        opens_next = text[sentence[0]:start].strip() == ""
        if not own_sentence and not opens_next:
            break
        if match.group().lower() in reading.contrasts:
            return any(start < a < sentence[1] for a, _end in avoided)
    return False
