"""The small grammar for conditions and effects. Parsed here, never handed to eval/exec.

Effects:    trust += 1    safety -= 2    told = true    level = 3
Conditions: trust >= 3 and not told    (safety < 5 or visited(ask-help))

A bare name in a condition is true when its value is not 0. `visited(scene)` is true once that scene
of the current situation has been shown in this play-through.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

# ASCII only: `\\d` would take Arabic-Indic or fullwidth digits ("٣", "３") as numbers.
_TOKEN = re.compile(
    r"\s*(?:(?P<num>-?[0-9]+)|(?P<name>[A-Za-z_][A-Za-z0-9_-]*)|(?P<op>\+=|-=|==|!=|<=|>=|=|<|>|\(|\)|,))",
    re.ASCII,
)
_SPACE = re.compile(r"\s*", re.ASCII)
# Limits that keep every expression linear to read and shallow to evaluate (the evaluator and the
# checker's analyses walk the tree recursively): far beyond any condition an author writes by hand.
MAX_CHARS = 2000
MAX_TOKENS = 300
MAX_DEPTH = 40  # nested parentheses and `not`s
MAX_DIGITS = 9
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}
FUNCTIONS = ("visited",)


class ExprError(ValueError):
    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.column = column  # 0-based offset into the expression text


@dataclass(frozen=True, slots=True)
class Effect:
    variable: str
    op: str  # "+=", "-=", "="
    amount: int
    source: str = field(default="", compare=False)

    def apply(self, value: int) -> int:
        if self.op == "+=":
            return value + self.amount
        if self.op == "-=":
            return value - self.amount
        return self.amount

    def delta_bounds(self, low: int, high: int) -> tuple[int, int]:
        """Range of the variable after this effect, given its range before."""
        if self.op == "=":
            return self.amount, self.amount
        return self.apply(low), self.apply(high)

    def __str__(self) -> str:
        return self.source or f"{self.variable} {self.op} {self.amount}"


# A condition's tree: ("num", n) ("var", name) ("call", fn, arg) ("not", x) ("and", a, b) ("or", a, b)
# ("cmp", op, a, b). Tuples keep it small and hashable.
Ast = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Condition:
    source: str
    tree: Ast = field(compare=False)

    def evaluate(self, values: Mapping[str, int], visited: Callable[[str], bool] = lambda _: False) -> bool:
        return bool(_eval(self.tree, values, visited))

    def variables(self) -> set[str]:
        found: set[str] = set()
        _collect(self.tree, "var", found)
        return found

    def visited_scenes(self) -> set[str]:
        found: set[str] = set()
        _collect(self.tree, "call", found)
        return found

    def __str__(self) -> str:
        return self.source


def parse_effect(text: str) -> Effect:
    tokens = _tokenize(text)
    if len(tokens) != 3 or tokens[0][0] != "name" or tokens[1][1] not in ("+=", "-=", "="):
        raise ExprError("an effect looks like 'trust += 1', 'safety -= 2' or 'told = true'", 0)
    name = tokens[0][1]
    kind, value, column = tokens[2]
    if kind == "num":
        amount = int(value)
    elif value in ("true", "false") and tokens[1][1] == "=":
        amount = 1 if value == "true" else 0
    else:
        raise ExprError(f"expected a whole number after '{tokens[1][1]}', found '{value}'", column)
    return Effect(name, tokens[1][1], amount, text.strip())


def parse_condition(text: str) -> Condition:
    parser = _Parser(_tokenize(text), text)
    tree = parser.parse_or()
    if parser.index < len(parser.tokens):
        _, value, column = parser.tokens[parser.index]
        raise ExprError(f"unexpected '{value}'", column)
    return Condition(text.strip(), tree)


def _tokenize(text: str) -> list[tuple[str, str, int]]:
    if len(text) > MAX_CHARS:
        raise ExprError(f"an expression may be at most {MAX_CHARS} characters long (this one has {len(text)})",
                        MAX_CHARS)
    tokens: list[tuple[str, str, int]] = []
    index = _SPACE.match(text).end()  # type: ignore[union-attr]  # \s* always matches
    while index < len(text):
        match = _TOKEN.match(text, index)
        if not match or match.end() == index:
            raise ExprError(f"unexpected character '{text[index]}'", index)
        kind = match.lastgroup or "op"
        value, column = match.group(kind), match.start(kind)
        if kind == "num" and len(value.lstrip("-")) > MAX_DIGITS:
            raise ExprError(f"a number may have at most {MAX_DIGITS} digits", column)
        tokens.append((kind, value, column))
        if len(tokens) > MAX_TOKENS:
            raise ExprError(f"an expression may have at most {MAX_TOKENS} parts; split the condition", column)
        index = _SPACE.match(text, match.end()).end()  # type: ignore[union-attr]
    if not tokens:
        raise ExprError("empty expression", 0)
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str, int]], text: str) -> None:
        self.tokens = tokens
        self.text = text
        self.index = 0
        self.depth = 0  # parentheses and `not`s open around the current token

    def deeper(self, column: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"more than {MAX_DEPTH} nested parentheses or 'not's", column)

    def peek(self) -> str | None:
        return self.tokens[self.index][1] if self.index < len(self.tokens) else None

    def take(self) -> tuple[str, str, int]:
        if self.index >= len(self.tokens):
            raise ExprError("the condition ends too early", len(self.text))
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, value: str) -> None:
        _, found, column = self.take()
        if found != value:
            raise ExprError(f"expected '{value}', found '{found}'", column)

    def parse_or(self) -> Ast:
        left = self.parse_and()
        while self.peek() == "or":
            self.take()
            left = ("or", left, self.parse_and())
        return left

    def parse_and(self) -> Ast:
        left = self.parse_not()
        while self.peek() == "and":
            self.take()
            left = ("and", left, self.parse_not())
        return left

    def parse_not(self) -> Ast:
        if self.peek() == "not":
            self.deeper(self.take()[2])
            inner = self.parse_not()
            self.depth -= 1
            return ("not", inner)
        return self.parse_comparison()

    def parse_comparison(self) -> Ast:
        left = self.parse_atom()
        if self.peek() in _COMPARE:
            op = self.take()[1]
            return ("cmp", op, left, self.parse_atom())
        if self.peek() == "=":
            raise ExprError("use '==' to compare", self.tokens[self.index][2])
        return left

    def parse_atom(self) -> Ast:
        kind, value, column = self.take()
        if value == "(":
            self.deeper(column)
            inner = self.parse_or()
            self.expect(")")
            self.depth -= 1
            return inner
        if kind == "num":
            return ("num", int(value))
        if kind == "name" and value in ("true", "false"):
            return ("num", 1 if value == "true" else 0)
        if kind == "name" and value in ("and", "or", "not"):
            raise ExprError(f"'{value}' needs something before and after it", column)
        if kind == "name" and self.peek() == "(":
            if value not in FUNCTIONS:
                raise ExprError(f"unknown function '{value}' (known: {', '.join(FUNCTIONS)})", column)
            self.take()
            arg_kind, arg, arg_column = self.take()
            if arg_kind != "name":
                raise ExprError("visited() takes a scene id", arg_column)
            self.expect(")")
            return ("call", value, arg)
        if kind == "name":
            return ("var", value)
        raise ExprError(f"unexpected '{value}'", column)


def _eval(tree: Ast, values: Mapping[str, int], visited: Callable[[str], bool]) -> int:
    tag = tree[0]
    if tag == "num":
        return cast(int, tree[1])
    if tag == "var":
        return values.get(cast(str, tree[1]), 0)
    if tag == "call":
        return int(visited(cast(str, tree[2])))
    if tag == "not":
        return int(not _eval(cast(Ast, tree[1]), values, visited))
    if tag in ("and", "or"):
        left = bool(_eval(cast(Ast, tree[1]), values, visited))
        if left == (tag == "or"):  # short-circuit: `or` with a true left, `and` with a false one
            return int(left)
        return int(bool(_eval(cast(Ast, tree[2]), values, visited)))
    compare = _COMPARE[cast(str, tree[1])]
    return int(compare(_eval(cast(Ast, tree[2]), values, visited), _eval(cast(Ast, tree[3]), values, visited)))


def _collect(tree: Ast, tag: str, found: set[str]) -> None:
    if tree[0] == tag:
        found.add(cast(str, tree[1] if tag == "var" else tree[2]))
    for child in tree[1:]:
        if isinstance(child, tuple):
            _collect(child, tag, found)
