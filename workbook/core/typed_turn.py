"""A typed reply inside a practice call: the coach's verdict decides which scripted reply the
caller reacts to, and its mood change moves the caller.

The mapping is deliberately simple so a trainer can predict it: anything the caller would hear as
blame, judging, "calm down", jargon or an empty promise makes it a poor reply; two or more of the
things the coach looks for (feeling acknowledged, ownership, a clarifying question, a next step)
make it a best reply; anything else is okay.
"""

from __future__ import annotations

from collections.abc import Iterable

from msgspec import Struct

from workbook.core.call_engine import CallError, CallState, TypedReply, current_node, offered_replies
from workbook.core.coach import CoachResult, CoachRules, coach_reply
from workbook.core.scenario import Rating, Scenario

BEST_NEEDS = 2  # "do" rules found for a typed reply to count as a best reply
# Where the script has no reply of the judged rating, the nearest one stands in.
_FALLBACK = {Rating.BEST: (Rating.BEST, Rating.OKAY, Rating.POOR),
             Rating.OKAY: (Rating.OKAY, Rating.POOR, Rating.BEST),
             Rating.POOR: (Rating.POOR, Rating.OKAY, Rating.BEST)}


class TypedTurn(Struct, frozen=True):
    """What a typed reply becomes: the scripted reply it stands for, and the coach's verdict."""

    reply_index: int
    rating: Rating
    typed: TypedReply
    result: CoachResult


def rating_for(result: CoachResult) -> Rating:
    """Best, okay or poor for a coached reply (see the module docstring)."""
    return rating_from([(v.kind, v.present) for v in result.verdicts])


def rating_from(found: Iterable[tuple[str, bool]]) -> Rating:
    """The rating for (rule kind, found) pairs; also rates a trainer's labels in bench/coach_eval.py."""
    pairs = list(found)
    if any(present for kind, present in pairs if kind == "avoid"):
        return Rating.POOR
    done = sum(1 for kind, present in pairs if kind == "do" and present)
    return Rating.BEST if done >= BEST_NEEDS else Rating.OKAY


def reply_for_rating(scenario: Scenario, state: CallState, rating: Rating) -> int:
    """The first offered reply of `rating` at the current node (or of the nearest rating)."""
    node = current_node(scenario, state)
    if node is None:
        raise CallError("the call has already ended")
    offered = offered_replies(scenario, state)
    for wanted in _FALLBACK[rating]:
        for index in offered:
            if node.replies[index].rating == wanted:
                return index
    raise CallError(f"no reply is offered at '{state.at}'")


def caller_context(scenario: Scenario, nodes: Iterable[str]) -> str:
    """Everything the caller has said at `nodes` (the call so far, in order): the coach's context,
    so a term the caller used ("my MRI") is not jargon when the agent uses it back."""
    return "\n".join(scenario.nodes[node].caller for node in nodes if node in scenario.nodes)


def typed_turn(scenario: Scenario, state: CallState, text: str, rules: CoachRules) -> TypedTurn:
    """Coach `text` and turn it into a choice the engine can play (`choose(..., typed=...)`), with
    what the caller has said so far as the coach's context."""
    context = caller_context(scenario, [*(c.node for c in state.choices), state.at])
    result = coach_reply(text, rules, context)
    rating = rating_for(result)
    index = reply_for_rating(scenario, state, rating)
    return TypedTurn(index, rating, TypedReply(text, result.mood_change, result), result)


def mapped_replies(scenario: Scenario, state: CallState) -> list[int]:
    """Every scripted reply a typed reply can stand for here, for the validator's walk."""
    return sorted({reply_for_rating(scenario, state, rating) for rating in Rating})
