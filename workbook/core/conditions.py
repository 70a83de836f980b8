"""The small condition language of practice-call scripts, e.g. `mood < 20`, `verified`,
`verified and not promised_refund`, `(mood >= 60 or apologised) and seconds < 600`.

Names are flags set by replies, or the numbers `mood` and `seconds`. Parsed once at load time so
a typo is reported with its line, never met in the middle of a call.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping

from msgspec import Struct

NUMBERS = ("mood", "seconds")
_TOKEN = re.compile(r"\s*(?:(?P<num>\d+)|(?P<op><=|>=|==|!=|<|>)|(?P<paren>[()])|(?P<name>[a-z][a-z0-9_-]*))")
_COMPARE: dict[str, Callable[[int, int], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
    "==": operator.eq, "!=": operator.ne,
}


class ConditionError(ValueError):
    """The condition text cannot be understood; the message says what was expected where."""


class Condition(Struct, frozen=True):
    """A parsed condition: evaluate it against the call's mood, seconds and flags."""

    text: str
    _test: Callable[[Mapping[str, int], frozenset[str]], bool]
    flags: frozenset[str]  # flag names it reads (the validator checks they can be set)
    uses_seconds: bool

    def holds(self, mood: int, seconds: int, flags: frozenset[str]) -> bool:
        return self._test({"mood": mood, "seconds": seconds}, flags)


def parse_condition(text: str) -> Condition:
    tokens = _tokenize(text)
    parser = _Parser(tokens, text)
    test = parser.expression()
    if parser.position < len(tokens):
        raise ConditionError(f"unexpected '{tokens[parser.position][1]}' in '{text}'")
    return Condition(text, test, frozenset(parser.flags), parser.uses_seconds)


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    text = text.strip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise ConditionError(f"cannot read '{text[position:]}' in '{text}'")
        kind = match.lastgroup
        tokens.append((kind, match.group(kind)))
        position = match.end()
        while position < len(text) and text[position].isspace():
            position += 1
    if not tokens:
        raise ConditionError("the condition is empty")
    return tokens


class _Parser:
    """expression := term ('or' term)*; term := factor ('and' factor)*;
    factor := 'not' factor | '(' expression ')' | NUMBER-NAME OP INT | FLAG"""

    def __init__(self, tokens: list[tuple[str, str]], text: str) -> None:
        self.tokens, self.text, self.position = tokens, text, 0
        self.flags: set[str] = set()
        self.uses_seconds = False

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _take(self) -> tuple[str, str]:
        token = self._peek()
        if token is None:
            raise ConditionError(f"'{self.text}' ends too early")
        self.position += 1
        return token

    def expression(self):
        left = self.term()
        while self._peek() == ("name", "or"):
            self._take()
            right = self.term()
            left = (lambda a, b: lambda n, f: a(n, f) or b(n, f))(left, right)
        return left

    def term(self):
        left = self.factor()
        while self._peek() == ("name", "and"):
            self._take()
            right = self.factor()
            left = (lambda a, b: lambda n, f: a(n, f) and b(n, f))(left, right)
        return left

    def factor(self):
        kind, value = self._take()
        if (kind, value) == ("name", "not"):
            inner = self.factor()
            return lambda n, f: not inner(n, f)
        if (kind, value) == ("paren", "("):
            inner = self.expression()
            if self._peek() != ("paren", ")"):
                raise ConditionError(f"missing ')' in '{self.text}'")
            self._take()
            return inner
        if kind == "name" and value in NUMBERS:
            if self._peek() is None or self._peek()[0] != "op":
                raise ConditionError(f"'{value}' must be compared, e.g. '{value} < 20'")
            op_kind, op = self._take()
            if op_kind != "op":
                raise ConditionError(f"'{value}' must be compared, e.g. '{value} < 20'")
            num_kind, number = self._take()
            if num_kind != "num":
                raise ConditionError(f"'{value} {op}' must be followed by a whole number")
            self.uses_seconds |= value == "seconds"
            compare, limit = _COMPARE[op], int(number)
            return lambda n, f: compare(n[value], limit)
        if kind == "name" and value not in ("and", "or"):
            self.flags.add(value)
            return lambda n, f: value in f
        raise ConditionError(f"unexpected '{value}' in '{self.text}'")
