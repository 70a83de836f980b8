"""A quiz question as an xAPI cmi.interaction: its definition, and a learner's response to it.

Choices, pairs and items get component ids `a`, `b`, ... in the question file's order, so the
definition is the same in every statement whatever order the learner saw them in.
"""

from __future__ import annotations

from typing import Any, assert_never

from workbook.core.quiz import (
    BestResponse,
    Matching,
    MultipleSelect,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
)
from workbook.reports.xapi_terms import component_id, language_map


def question_text(question: Question) -> str:
    """What the learner read: a best-response question's context and caller line before its prompt."""
    match question:
        case BestResponse():
            return f"{question.context}\n\nCaller: \u201c{question.caller_line}\u201d\n\n{question.prompt}"
        case SingleChoice() | MultipleSelect() | TrueFalse() | Ordering() | Matching():
            return question.prompt
        case _:
            assert_never(question)


def interaction_definition(question: Question) -> dict[str, Any]:
    """A quiz question as a cmi.interaction definition: type, components, correct responses."""
    match question:
        case TrueFalse():
            return {"interactionType": "true-false",
                    "correctResponsesPattern": ["true" if question.answer else "false"]}
        case Ordering():
            in_order = "[,]".join(component_id(i) for i in range(len(question.items)))
            return {"interactionType": "sequencing", "correctResponsesPattern": [in_order],
                    "choices": [{"id": component_id(i), "description": language_map(item)}
                                for i, item in enumerate(question.items)]}
        case Matching():
            return {"interactionType": "matching",
                    "correctResponsesPattern": ["[,]".join(f"{component_id(i)}[.]{i + 1}"
                                                           for i in range(len(question.pairs)))],
                    "source": [{"id": component_id(i), "description": language_map(pair.left)}
                               for i, pair in enumerate(question.pairs)],
                    "target": [{"id": str(i + 1), "description": language_map(pair.right)}
                               for i, pair in enumerate(question.pairs)]}
        case SingleChoice() | MultipleSelect() | BestResponse():
            right = [component_id(i) for i, option in enumerate(question.options) if option.correct]
            return {"interactionType": "choice",
                    "correctResponsesPattern": ["[,]".join(right)] if right else [],  # []: none is right
                    "choices": [{"id": component_id(i), "description": language_map(option.text)}
                                for i, option in enumerate(question.options)]}
        case _:
            assert_never(question)


def interaction_response(question: Question, response: tuple[int, ...]) -> str | None:
    """A stored response (indices in the question's file order) in the xAPI response format."""
    match question:
        case TrueFalse():
            return ("true" if response[0] == 0 else "false") if response and response[0] in (0, 1) else None
        case Ordering():
            size = len(question.items)
            valid = [i for i in response if 0 <= i < size]
            return "[,]".join(component_id(i) for i in valid) or None
        case Matching():
            size = len(question.pairs)
            pairs = [f"{component_id(left)}[.]{chosen + 1}" for left, chosen in enumerate(response[:size])
                     if 0 <= chosen < size]
            return "[,]".join(pairs) or None
        case SingleChoice() | MultipleSelect() | BestResponse():
            size = len(question.options)
            return "[,]".join(component_id(i) for i in sorted({i for i in response if 0 <= i < size})) or None
        case _:
            assert_never(question)
