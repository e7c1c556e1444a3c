"""Read a YAML tree into the content model's dataclasses, reporting every problem with its place.

Driven by the dataclasses' type hints, so adding a field to the model is all it takes to accept a
new key. Invalid values become diagnostics and a harmless placeholder, so one typo does not hide the
rest of the findings; an object missing a required nested object is dropped.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from barst import model
from barst.diagnostics import Pos, Report
from barst.expr import Condition, Effect, ExprError, parse_condition, parse_effect
from barst.text import KNOWN_LANGUAGES, Text
from barst.yamlload import Node

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
COLOUR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_INT_DIGITS = 9
INT_PATTERN = re.compile(r"^[-+]?[0-9]+$")
TRUE_WORDS = frozenset({"true", "yes", "on"})
FALSE_WORDS = frozenset({"false", "no", "off"})


def is_extension_key(key: str) -> bool:
    """Keys an author may add freely: `$schema` for editors and `x-...` for notes."""
    return key.startswith(("$", "x-"))


@dataclass(slots=True)
class Context:
    report: Report
    lang: str  # language of a plain string in a text field
    texts: list[Text]  # every Text built, for translation checks


class _Invalid:
    """Marks a value that could not be read; the diagnostic is already reported."""


INVALID = _Invalid()
Converter = Callable[[Node, Context, str], Any]


def build(cls: type[Any], node: Node, ctx: Context, address: str = "", use_id: bool = True) -> Any:
    """Build one `cls` from a mapping node; None when it cannot be built."""
    convert = _converter(cls) if use_id else _object_converter(cls, use_id)
    value = convert(node, ctx, address)
    return None if value is INVALID else value


def build_list(cls: type[Any], node: Node, ctx: Context, address: str = "") -> list[Any]:
    value = _converter(list[cls])(node, ctx, address)  # type: ignore[valid-type]
    return [] if value is INVALID else value


def model_fields(cls: type[Any]) -> list[tuple[dataclasses.Field[Any], Any]]:
    """The YAML-facing fields of a model class with their resolved types."""
    hints = typing.get_type_hints(cls, vars(model), include_extras=True)
    return [(f, hints[f.name]) for f in dataclasses.fields(cls) if not f.metadata.get("internal")]


def unwrap_optional(tp: Any) -> tuple[Any, bool]:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0], True
    return tp, False


# --- converters, made once per type ----------------------------------------------------------------

_CACHE: dict[Any, Converter] = {}


def _converter(tp: Any) -> Converter:
    found = _CACHE.get(tp)
    if found is None:
        found = _make_converter(tp)
        _CACHE[tp] = found
    return found


def _make_converter(tp: Any) -> Converter:
    inner, optional = unwrap_optional(tp)
    if optional:
        convert_inner = _converter(inner)

        def convert_optional(node: Node, ctx: Context, address: str) -> Any:
            return None if node.is_null else convert_inner(node, ctx, address)

        return convert_optional
    origin = typing.get_origin(tp)
    if origin is list:
        return _list_converter(typing.get_args(tp)[0])
    if origin is typing.Literal:
        return _literal_converter(typing.get_args(tp))
    simple = _SIMPLE.get(tp)
    if simple is not None:
        return simple
    if dataclasses.is_dataclass(tp):
        return _object_converter(tp, True)  # type: ignore[arg-type]
    raise TypeError(f"no converter for {tp!r}")


def _list_converter(item_type: Any) -> Converter:
    convert_item = _converter(item_type)
    has_id = (
        item_type not in _SIMPLE
        and dataclasses.is_dataclass(item_type)
        and any(f.name == "id" for f in dataclasses.fields(item_type))
    )

    def convert_list(node: Node, ctx: Context, address: str) -> Any:
        if node.is_null:
            return []
        if not node.is_seq:
            _wrong(ctx, node, "a list (lines starting with '- ')")
            return INVALID
        items = []
        for index, item in enumerate(node.value):
            value = convert_item(item, ctx, address if has_id else f"{address}.{index}")
            if value is not INVALID and value is not None:
                items.append(value)
        return items

    return convert_list


def _literal_converter(options: tuple[str, ...]) -> Converter:
    def convert_literal(node: Node, ctx: Context, address: str) -> Any:
        if node.is_scalar and node.value in options:
            return node.value
        found = node.value if node.is_scalar else node.kind()
        close = difflib.get_close_matches(str(found), options, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "use one of: " + ", ".join(options)
        ctx.report.error("B014", f"'{found}' is not allowed here", node.pos, hint)
        return INVALID

    return convert_literal


def _object_converter(cls: type[Any], use_id: bool) -> Converter:
    fields = model_fields(cls)
    by_name = {f.name: (f, _converter(tp), tp) for f, tp in fields}
    required = [f.name for f, _ in fields if _is_required(f)]
    names = list(by_name)
    label = cls.__name__.lower()
    has_places = "places" in cls.__dataclass_fields__

    def convert_object(node: Node, ctx: Context, address: str) -> Any:
        if not node.is_map:
            _wrong(ctx, node, f"a mapping of keys for a {label}")
            return INVALID
        entries: dict[str, Node] = node.value
        key_pos = node.key_pos or {}
        own = address
        id_node = entries.get("id")
        if use_id and id_node is not None and id_node.is_scalar and "id" in by_name:
            own = f"{address}/{id_node.value}" if address else id_node.value
        values: dict[str, Any] = {"pos": node.pos} if "pos" in cls.__dataclass_fields__ else {}
        if has_places:
            values["places"] = _places(entries, key_pos)
        broken = False
        for key, child in entries.items():
            entry = by_name.get(key)
            if entry is None:
                if not is_extension_key(key):
                    _unknown_key(ctx, key, key_pos.get(key, child.pos), names, label)
                continue
            field, convert, tp = entry
            value = convert(child, ctx, own if key == "id" else _field_address(own, key, tp))
            if value is INVALID:
                if _is_required(field):
                    placeholder = _placeholder(tp)
                    if placeholder is INVALID:
                        broken = True
                    values[key] = placeholder
                continue
            values[key] = value
        for name in required:
            if name not in entries:
                ctx.report.error("B011", f"{label} is missing '{name}'", node.pos,
                                 f"add `{name}:` ({by_name[name][0].metadata.get('doc', '')})")
                placeholder = _placeholder(by_name[name][2])
                if placeholder is INVALID:
                    broken = True
                values[name] = placeholder
        return INVALID if broken else cls(**values)

    return convert_object


def _places(entries: dict[str, Node], key_pos: dict[str, Pos]) -> dict[str, Pos]:
    """The key lines of a node (the node's own dict, no copy) plus one line per effect."""
    effects = entries.get("effects")
    if effects is not None and effects.is_seq:
        for index, item in enumerate(effects.value):
            key_pos[f"effects.{index}"] = item.pos
    return key_pos


def _field_address(own: str, key: str, tp: Any) -> str:
    """Texts are addressed by the chain of ids: `situation/scene/choice.label`."""
    if typing.get_origin(tp) is list:
        item = typing.get_args(tp)[0]
        if item not in _SIMPLE and dataclasses.is_dataclass(item):
            return own
    return f"{own}.{key}" if own else key


def _is_required(field: dataclasses.Field[Any]) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _placeholder(tp: Any) -> Any:
    _, optional = unwrap_optional(tp)
    if optional:
        return None
    if typing.get_origin(tp) is list:
        return []
    if typing.get_origin(tp) is typing.Literal:
        return typing.get_args(tp)[0]
    if tp is Text:
        return Text({})
    if tp is int:
        return 0
    if tp is bool:
        return False
    if tp in (str, model.Id, model.Lang, model.AssetPath, model.Colour):
        return ""
    return INVALID


def _unknown_key(ctx: Context, key: str, pos: Pos, names: list[str], label: str) -> None:
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    fix = f"did you mean '{close[0]}'?" if close else f"a {label} takes: {', '.join(names)}"
    ctx.report.error("B010", f"unknown key '{key}' in a {label}", pos, fix)


def _wrong(ctx: Context, node: Node, expected: str) -> None:
    ctx.report.error("B012", f"expected {expected}, found {node.kind()}", node.pos, f"write {expected} here")


# --- simple values ---------------------------------------------------------------------------------


def _scalar(node: Node, ctx: Context, expected: str) -> str | None:
    if node.is_scalar and not node.is_null:
        return str(node.value)
    _wrong(ctx, node, expected)
    return None


def _to_str(node: Node, ctx: Context, address: str) -> Any:
    value = _scalar(node, ctx, "a piece of text")
    return INVALID if value is None else value.strip()


def _to_id(node: Node, ctx: Context, address: str) -> Any:
    value = _scalar(node, ctx, "an id")
    if value is None:
        return INVALID
    if not ID_PATTERN.match(value):
        suggestion = re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-") or "an-id"
        ctx.report.error("B013", f"'{value}' is not a valid id", node.pos,
                         f"use lowercase letters, digits, '-' and '_', e.g. '{suggestion}'")
        return INVALID
    return value


def _to_int(node: Node, ctx: Context, address: str) -> Any:
    value = _scalar(node, ctx, "a whole number")
    if value is None:
        return INVALID
    if not INT_PATTERN.match(value.strip()):
        ctx.report.error("B012", f"expected a whole number, found '{value[:40]}'", node.pos, "write a number like 3")
        return INVALID
    if len(value.strip().lstrip("+-")) > MAX_INT_DIGITS:  # int() refuses 4,300 digits with a traceback
        ctx.report.error("B012", f"a whole number here has at most {MAX_INT_DIGITS} digits", node.pos,
                         "write a number like 3")
        return INVALID
    return int(value)


def _to_bool(node: Node, ctx: Context, address: str) -> Any:
    value = _scalar(node, ctx, "true or false")
    if value is not None and value.lower() in TRUE_WORDS:
        return True
    if value is not None and value.lower() in FALSE_WORDS:
        return False
    if value is not None:
        ctx.report.error("B012", f"expected true or false, found '{value}'", node.pos, "write true or false")
    return INVALID


def _to_lang(node: Node, ctx: Context, address: str) -> Any:
    value = _scalar(node, ctx, "a language code")
    if value is None:
        return INVALID
    if value not in KNOWN_LANGUAGES:
        ctx.report.error("B032", f"unknown language '{value}'", node.pos, f"use one of: {', '.join(KNOWN_LANGUAGES)}")
        return INVALID
    return value


def _to_colour(node: Node, ctx: Context, address: str) -> Any:
    value = _scalar(node, ctx, "a colour")
    if value is None:
        return INVALID
    if not COLOUR_PATTERN.match(value):
        ctx.report.error("B012", f"'{value}' is not a colour", node.pos, "write it as #rrggbb, e.g. '#0072B2' (quoted)")
        return INVALID
    return value


def _to_text(node: Node, ctx: Context, address: str) -> Any:
    if node.is_scalar and not node.is_null:
        text = Text({ctx.lang: node.value.strip()}, node.pos, address, {ctx.lang: node.pos})
        ctx.texts.append(text)
        return text
    if not node.is_map:
        _wrong(ctx, node, "a text, or one text per language (nl: …, fr: …)")
        return INVALID
    values: dict[str, str] = {}
    positions: dict[str, Pos] = {}
    key_pos = node.key_pos or {}
    for lang, child in node.value.items():
        if lang not in KNOWN_LANGUAGES:
            close = difflib.get_close_matches(lang, KNOWN_LANGUAGES, n=1)
            fix = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(KNOWN_LANGUAGES)}"
            if " " in lang:
                fix = "a comma inside { … } splits the text: put the text in quotes or write one language per line"
            ctx.report.error("B032", f"unknown language '{lang}'", key_pos.get(lang, child.pos), fix)
            continue
        if not child.is_scalar or child.is_null:
            _wrong(ctx, child, "a piece of text")
            continue
        values[lang] = child.value.strip()
        positions[lang] = child.pos
    text = Text(values, node.pos, address, positions)
    ctx.texts.append(text)
    return text


def _to_effect(node: Node, ctx: Context, address: str) -> Any:
    value = _scalar(node, ctx, "an effect like 'trust += 1'")
    if value is None:
        return INVALID
    try:
        return parse_effect(value)
    except ExprError as exc:
        _expr_error(ctx, node, exc)
        return INVALID


def _to_condition(node: Node, ctx: Context, address: str) -> Any:
    value = _scalar(node, ctx, "a condition like 'trust >= 3'")
    if value is None:
        return INVALID
    try:
        return parse_condition(value)
    except ExprError as exc:
        _expr_error(ctx, node, exc)
        return INVALID


def _expr_error(ctx: Context, node: Node, exc: ExprError) -> None:
    column = node.pos.col + exc.column if node.plain else node.pos.col
    pos = Pos(node.pos.file, node.pos.line, column)
    ctx.report.error("B015", exc.message, pos, "see docs/authoring.md for the grammar of effects and conditions")


_SIMPLE: dict[Any, Converter] = {
    str: _to_str,
    model.Id: _to_id,
    model.AssetPath: _to_str,
    model.Lang: _to_lang,
    model.Colour: _to_colour,
    int: _to_int,
    bool: _to_bool,
    Text: _to_text,
    Effect: _to_effect,
    Condition: _to_condition,
}
