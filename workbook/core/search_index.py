"""What search looks through, and how a typed query becomes a safe FTS5 query.

Kept free of SQLite so the documents and the query rules can be reasoned about (and tested) alone;
`workbook.store.search` puts them in an FTS5 table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from enum import StrEnum

from msgspec import Struct

from workbook.core.content import Library
from workbook.core.markdown_render import plain_text

MAX_TERMS = 12  # a pasted paragraph should not become a hundred-term query
_WORD = re.compile(r"\w+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # the snippet markers are control characters


class HitKind(StrEnum):
    SECTION = "section"
    QUESTION = "question"
    CALL = "call"


class Document(Struct, frozen=True):
    """One searchable thing and the ids that open it.

    `owner_id` is the module id (sections, questions) or scenario id (calls); `item_id` the section,
    question or node id. `heading` is weighted highest, `context` next, `body` least.
    """

    kind: HitKind
    owner_id: str
    item_id: str
    display_title: str
    heading: str
    context: str
    body: str


def _clean(*parts: str) -> str:
    return _CONTROL.sub(" ", " ".join(part for part in parts if part))


def _shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def documents(library: Library) -> Iterator[Document]:
    """Every lesson section, quiz question and practice-call node of a library, in content order."""
    for module in library.modules:
        for section in module.sections:
            yield Document(HitKind.SECTION, module.id, section.id, f"{module.title} › {section.title}",
                           _clean(section.title), _clean(module.title), _clean(plain_text(section.markdown)))
        if module.quiz is None:
            continue
        for question in module.quiz.questions:
            extra: list[str] = [question.explanation]
            for name in ("context", "caller_line"):
                extra.append(getattr(question, name, "") or "")
            for option in getattr(question, "options", None) or []:
                extra.extend((option.text, option.feedback))
            extra.extend(getattr(question, "items", None) or [])
            for pair in getattr(question, "pairs", None) or []:
                extra.extend((pair.left, pair.right))
            yield Document(HitKind.QUESTION, module.id, question.id,
                           f"{module.title} quiz: {_shorten(question.prompt)}",
                           _clean(question.prompt), _clean(module.title), _clean(*extra))
    for scenario in library.scenarios:
        for node_id, node in scenario.nodes.items():
            replies = [text for reply in node.replies for text in (reply.text, reply.feedback)]
            yield Document(HitKind.CALL, scenario.id, node_id,
                           f"Practice call: {scenario.title}",
                           _clean(scenario.title), _clean(node.caller), _clean(*replies))


def fold(text: str) -> str:
    """Lower case without accents, as the index compares words ("José" and "jose" are one word)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def query_words(query: str) -> list[str]:
    """The words of a typed query, folded, de-duplicated, in order; punctuation and syntax dropped."""
    words: list[str] = []
    for word in _WORD.findall(fold(query)):
        word = word.replace("_", "")
        if word and word not in words:
            words.append(word)
    return words[:MAX_TERMS]


def match_expression(query: str, *, any_word: bool = False) -> str | None:
    """An FTS5 MATCH expression in which every word is a quoted prefix term, so no input is syntax.

    All words must match unless `any_word`. A one-letter word is matched whole (as a prefix it would
    match nearly everything). None when the query has no words.
    """
    words = query_words(query)
    if not words:
        return None
    terms = (f'"{word}"*' if len(word) > 1 else f'"{word}"' for word in words)
    return (" OR " if any_word else " ").join(terms)


def phrase_expression(query: str) -> str | None:
    """The words as one phrase (last word a prefix), for ranking exact wordings higher."""
    words = query_words(query)
    if len(words) < 2:
        return None
    return '"' + " ".join(words) + '"*'


def highlight_terms(query: str) -> list[str]:
    """Word prefixes the reader marks in an opened section (compare with `fold` on both sides)."""
    return query_words(query)
