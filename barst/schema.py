"""JSON Schema for pack, content, help-line and kit files, derived from the content model itself.

Editors (VS Code's YAML extension) read these files to complete and validate while an author types.
Because they are generated from the same dataclasses the loader reads, the two cannot drift apart;
`python -m barst.schema` rewrites schema/ and a test fails when the committed files are stale.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import typing
from pathlib import Path
from typing import Any

from barst import model
from barst.build import COLOUR_PATTERN, ID_PATTERN, model_fields, unwrap_optional
from barst.expr import Condition, Effect
from barst.text import KNOWN_LANGUAGES, Text

BASE_URL = "https://barst.example/schema/"
EFFECT_PATTERN = r"^\s*[A-Za-z_][A-Za-z0-9_-]*\s*(\+=|-=|=)\s*(-?[0-9]+|true|false)\s*$"
EXTENSION_KEYS = r"^(\$|x-)"


def documents() -> dict[str, tuple[type[Any], str]]:
    """File name → (root class, title)."""
    docs: dict[str, tuple[type[Any], str]] = {
        "pack.schema.json": (model.Pack, "barst pack file (pack.yaml)"),
        "situation.schema.json": (model.Situation, "barst story situation"),
        "cards.schema.json": (model.CardFile, "barst card file"),
        "helplines.schema.json": (model.HelpLineFile, "barst help lines"),
    }
    try:
        from barst.kit.model import Kit
    except ImportError:
        return docs
    docs["kit.schema.json"] = (Kit, "barst kit file")
    return docs


def generate() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, (root, title) in documents().items():
        defs: dict[str, Any] = {}
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE_URL + name,
                  "title": title, **_object(root, defs)}
        schema["$defs"] = dict(sorted(defs.items()))
        out[name] = schema
    out["translations.schema.json"] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE_URL + "translations.schema.json",
        "title": "barst translation file: text address → text in this file's language",
        "type": "object",
        "properties": {"x-source": {"type": "object", "additionalProperties": {"type": "string"},
                                    "description": "what the source said when each text was translated "
                                    "(kept by `barst translate merge`)"}},
        "additionalProperties": {"type": "string"},
    }
    return out


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in generate().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _object(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required = []
    for field, tp in model_fields(cls):
        if field.name == "pos":
            continue
        prop = _type(tp, defs)
        description = field.metadata.get("doc")
        if description:
            prop = {**prop, "description": description}
        properties[field.name] = prop
        if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            required.append(field.name)
    result: dict[str, Any] = {"type": "object", "properties": properties,
                              "patternProperties": {EXTENSION_KEYS: {}}, "additionalProperties": False}
    if required:
        result["required"] = required
    if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
        result["description"] = " ".join(cls.__doc__.split())
    return result


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    inner, optional = unwrap_optional(tp)
    if optional:
        return {"anyOf": [_type(inner, defs), {"type": "null"}]}
    origin = typing.get_origin(tp)
    if origin is list:
        return {"type": "array", "items": _type(typing.get_args(tp)[0], defs)}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(tp))}
    simple = _simple(tp)
    if simple is not None:
        return simple
    name = tp.__name__
    if name not in defs:
        defs[name] = {}  # placeholder first: classes may refer to each other
        defs[name] = _object(tp, defs)
    return {"$ref": f"#/$defs/{name}"}


def _simple(tp: Any) -> dict[str, Any] | None:
    if tp is Text:
        per_language = {lang: {"type": "string"} for lang in KNOWN_LANGUAGES}
        return {"anyOf": [{"type": "string"},
                          {"type": "object", "properties": per_language, "additionalProperties": False}]}
    table: dict[Any, dict[str, Any]] = {
        str: {"type": "string"},
        model.AssetPath: {"type": "string"},
        model.Id: {"type": "string", "pattern": ID_PATTERN.pattern},
        model.Colour: {"type": "string", "pattern": COLOUR_PATTERN.pattern},
        model.Lang: {"enum": list(KNOWN_LANGUAGES)},
        int: {"type": "integer"},
        bool: {"type": "boolean"},
        Effect: {"type": "string", "pattern": EFFECT_PATTERN},
        Condition: {"type": "string", "minLength": 1},
    }
    return table.get(tp)


def main(argv: list[str] | None = None) -> int:
    from barst import paths

    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else paths.schema_dir()
    for path in write(folder):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
