"""Refuse regular expressions that can backtrack catastrophically before they meet a learner's text.

Python's `re` has no time limit, so a trainer's pattern such as `(\\w+\\s?)+!$` would take seconds
(or hours) per reply. The shapes that cause it are a repetition nested inside a long repetition, and
an alternation inside a long repetition; both are refused with a message saying how to rewrite.
Short outer repeats (`(\\w+ ){0,2}`) stay allowed: their cost is polynomial and small.
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # the stdlib's own parser: the same tree `re.compile` builds
from re._constants import MAXREPEAT

# Bump when the guard refuses more shapes, so patterns remembered as safe are checked again.
GUARD_VERSION = "1"
LONG_REPEAT = 10  # an outer repetition allowed to hold a nested one must stop at this many times
_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT}


def backtracking_risk(source: str) -> str | None:
    """Why `source` could backtrack catastrophically, or None when its shape is safe."""
    try:
        tree = sre_parse.parse(source)
    except (re.error, RecursionError, OverflowError):
        return None  # compiling reports it
    return _walk(list(tree), inside_long_repeat=False)


def _walk(items: list, inside_long_repeat: bool) -> str | None:
    for op, arg in items:
        if op in _REPEATS:
            low, high, body = arg
            if inside_long_repeat and high > 1:
                return ("a repetition inside a repetition can take exponential time: make the inner part "
                        "match a fixed text, or bound the outer one (e.g. {0,3})")
            long_repeat = high == MAXREPEAT or high > LONG_REPEAT
            found = _walk(list(body), inside_long_repeat or long_repeat)
        elif op is sre_parse.BRANCH:
            if inside_long_repeat:
                return ("an alternation (a|b) inside a long repetition can take exponential time: "
                        "use a character class such as [ab], or bound the repetition")
            found = _first(_walk(list(branch), inside_long_repeat) for branch in arg[1])
        elif op is sre_parse.SUBPATTERN:
            found = _walk(list(arg[-1]), inside_long_repeat)
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            found = _walk(list(arg[1]), inside_long_repeat)
        elif op is sre_parse.GROUPREF_EXISTS:
            found = _first(_walk(list(part), inside_long_repeat) for part in arg[1:] if part)
        else:
            found = None
        if found:
            return found
    return None


def _first(reasons) -> str | None:
    return next((reason for reason in reasons if reason), None)
