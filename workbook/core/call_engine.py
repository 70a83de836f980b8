"""The practice-call engine: a deterministic state machine over a scenario.

State is the current node (or ending), the caller's mood, the flags set so far, the simulated
seconds and the choices made. The same choices always give the same call, so a call is stored as
its list of choices and resumed or replayed by playing them again.

At a `typed` node the learner may write their own reply: the choice then names the scripted reply
the coach judged it closest to (which decides the branch) and carries the typed text with the
coach's mood change, which replaces the scripted one, and the coach's verdict itself. Stored with
the choice, it replays exactly and is shown as it was even after the coach's rules are edited.

Replies are shown in an order shuffled per visit of a node from the call's `seed` (stored with the
call), so a resumed or replayed call, its debrief and its exports show exactly the order the
learner saw. A call without a seed (stored before shuffling existed) shows script order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from msgspec import Struct
from msgspec.structs import replace

from workbook.core.conditions import Condition, parse_condition
from workbook.core.scenario import Ending, Node, Reply, Scenario

if TYPE_CHECKING:  # coach.py imports this module
    from workbook.core.coach import CoachResult

MOOD_MIN, MOOD_MAX = 0, 100
# A typed reply moves the mood by at most this much either way (the validator walks every value).
TYPED_MOOD_LIMIT = 20


class TypedReply(Struct, frozen=True):
    """What the learner typed at a `typed` node, the mood change the coach gave it and the verdict
    that chose the branch (None for a turn stored before verdicts were kept). Two typed replies
    are equal when they move the call the same way: the verdict is a record, not an input."""

    text: str
    mood_change: int
    verdict: CoachResult | None = None

    def __eq__(self, other: object) -> bool:  # the verdict left out (a Struct compares every field)
        if type(other) is not type(self):
            return NotImplemented
        return (self.text, self.mood_change) == (other.text, other.mood_change)

    def __hash__(self) -> int:
        return hash((self.text, self.mood_change))


class Choice(Struct, frozen=True):
    """One decision: at `node`, the reply at `reply` (its index in the node's reply list), or the
    learner's own words (`typed`) that the coach matched to that reply."""

    node: str
    reply: int
    mood_before: int
    mood_after: int
    seconds_after: int
    typed: TypedReply | None = None
    shown: tuple[int, ...] = ()  # the replies on offer, in the order they were shown


class CallState(Struct, frozen=True):
    at: str  # a node id, or an ending id once the call is over
    mood: int
    flags: frozenset[str] = frozenset()
    seconds: int = 0
    choices: tuple[Choice, ...] = ()
    seed: int | None = None  # shuffles the replies; None keeps script order (calls stored before)

    def ended(self, scenario: Scenario) -> bool:
        return self.at in scenario.endings


class CallError(ValueError):
    """A choice that the script does not offer at this point (a damaged or stale record)."""


@lru_cache(maxsize=4096)
def condition(text: str) -> Condition:
    return parse_condition(text)


def start_call(scenario: Scenario, seed: int | None = None) -> CallState:
    first = scenario.nodes.get(scenario.start)
    return CallState(at=scenario.start, mood=scenario.start_mood,
                     seconds=first.seconds if first else 0, seed=seed)


def current_node(scenario: Scenario, state: CallState) -> Node | None:
    return scenario.nodes.get(state.at)


def current_ending(scenario: Scenario, state: CallState) -> Ending | None:
    return scenario.endings.get(state.at)


def offered_replies(scenario: Scenario, state: CallState) -> list[int]:
    """Indices of the replies on offer now (a reply with `when` shows only when it holds)."""
    node = current_node(scenario, state)
    if node is None:
        return []
    return [i for i, reply in enumerate(node.replies)
            if reply.when is None or condition(reply.when).holds(state.mood, state.seconds, state.flags)]


def shown_replies(scenario: Scenario, state: CallState) -> list[int]:
    """The replies on offer in the order the learner sees them (keys 1-4 follow this order)."""
    offered = offered_replies(scenario, state)
    if state.seed is None:
        return offered
    visit = 1 + sum(1 for choice in state.choices if choice.node == state.at)
    return reply_order(state.seed, state.at, visit, offered)


def reply_order(seed: int, node: str, visit: int, offered: Sequence[int]) -> list[int]:
    """A permutation of `offered` that depends only on its arguments: each reply is ranked by a
    SHA-256 of (seed, node, visit, reply), which no Python release or platform can change."""
    def rank(index: int) -> bytes:
        return hashlib.sha256(f"{seed}:{node}:{visit}:{index}".encode()).digest()

    return sorted(offered, key=rank)


def choose(scenario: Scenario, state: CallState, reply_index: int,
           typed: TypedReply | None = None) -> CallState:
    """The state after the agent says reply `reply_index` of the current node, or, at a typed node,
    their own words in `typed` judged closest to that reply."""
    node = current_node(scenario, state)
    if node is None:
        raise CallError("the call has already ended")
    if reply_index not in offered_replies(scenario, state):
        raise CallError(f"reply {reply_index + 1} is not offered at '{state.at}'")
    if typed is not None and not node.typed:
        raise CallError(f"'{state.at}' does not take typed replies")
    shown = tuple(shown_replies(scenario, state))
    reply = node.replies[reply_index]
    change = reply.mood if typed is None else max(-TYPED_MOOD_LIMIT, min(TYPED_MOOD_LIMIT, typed.mood_change))
    mood = max(MOOD_MIN, min(MOOD_MAX, state.mood + change))
    flags = (state.flags | frozenset(reply.set)) - frozenset(reply.clear)
    seconds = state.seconds + reply.seconds
    target = _next_target(scenario, reply, mood, seconds, flags)
    following = scenario.nodes.get(target)
    if following is not None:
        seconds += following.seconds
    choice = Choice(state.at, reply_index, state.mood, mood, seconds, typed, shown)
    return replace(state, at=target, mood=mood, flags=flags, seconds=seconds,
                   choices=state.choices + (choice,))


def _next_target(scenario: Scenario, reply: Reply, mood: int, seconds: int, flags: frozenset[str]) -> str:
    for rule in scenario.rules:  # global rules first: a furious caller hangs up whatever was said
        if condition(rule.if_).holds(mood, seconds, flags):
            return rule.goto
    if isinstance(reply.next, str):
        return reply.next
    for branch in reply.next:
        if branch.if_ is None or condition(branch.if_).holds(mood, seconds, flags):
            return branch.goto
    raise CallError("no branch of 'next' applies and there is no default branch")


def replay(scenario: Scenario, replies: Sequence[int],
           typed: Mapping[int, TypedReply] | None = None, nodes: Sequence[str] | None = None,
           seed: int | None = None) -> CallState:
    """Play a stored list of reply indices from the start (resume, review, replay from here);
    `typed` holds the learner's own words by turn index (0-based), where they typed; `seed` is the
    call's stored seed, so every turn shows the order the learner saw.

    `nodes`, the node each stored reply was given at, catches an edited script: a reply stored at
    one node but replayed at another raises CallError instead of drawing a call that never happened.
    """
    state = start_call(scenario, seed)
    for turn, index in enumerate(replies):
        if nodes is not None and nodes[turn] != state.at:
            raise CallError(f"stored turn at '{nodes[turn]}' but the script is at '{state.at}'")
        state = choose(scenario, state, index, (typed or {}).get(turn))
    return state


def mood_words(mood: int) -> str:
    """How the caller sounds, for the mood meter."""
    if mood < 20:
        return "Furious"
    if mood < 40:
        return "Angry"
    if mood < 60:
        return "Frustrated"
    if mood < 80:
        return "Calmer"
    return "Reassured"
