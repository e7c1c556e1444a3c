"""The published JSON Schema and the loader must agree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from support import PACKS, ROOT

from barst.build import Context, build
from barst.diagnostics import Report
from barst.model import CardFile, Pack, Situation
from barst.schema import generate, render
from barst.yamlload import load_bytes

SCHEMAS = ROOT / "schema"


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((SCHEMAS / name).read_text()))


def test_committed_schema_files_are_up_to_date() -> None:
    for name, schema in generate().items():
        path = SCHEMAS / name
        assert path.is_file(), f"{name} missing: run python -m barst.schema"
        assert path.read_text() == render(schema), f"{name} is stale: run python -m barst.schema"


def _files() -> list[tuple[Path, str]]:
    pairs = []
    for root in [PACKS, ROOT / "scenarios"]:
        for pack in sorted(p for p in root.iterdir() if (p / "pack.yaml").is_file()):
            pairs.append((pack / "pack.yaml", "pack.schema.json"))
            pairs += [(f, "situation.schema.json") for f in sorted((pack / "situations").glob("*.yaml"))]
            pairs += [(f, "cards.schema.json") for f in sorted((pack / "cards").glob("*.yaml"))]
    pairs.append((ROOT / "assets/helplines.yaml", "helplines.schema.json"))
    return pairs


def _file_id(value: object) -> str:
    return str(value).rsplit("/", 2)[-1] if isinstance(value, Path) else str(value)


@pytest.mark.parametrize(("path", "schema"), _files(), ids=_file_id)
def test_every_valid_file_passes_the_schema(path: Path, schema: str) -> None:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    errors = [f"{list(e.path)}: {e.message}" for e in validator(schema).iter_errors(data)]
    assert errors == []


def _loader_errors(cls: type[Any], text: str) -> list[str]:
    report = Report()
    node = load_bytes(text.encode(), "x.yaml", report)
    if node is not None:
        build(cls, node, Context(report, "nl", []), "", use_id=cls is not Pack)
    return [d.code for d in report.errors]


MUTATIONS = [
    ("unknown key", "  - id: start\n", "  - id: start\n    colour: red\n"),
    ("missing required", "        target: talk\n", ""),
    ("wrong type", "        points: 10", "        points: [10]"),
    ("bad id", "  - id: talk", "  - id: Talk Now"),
    ("bad literal", "five_a: anderen-betrekken", "five_a: iets-anders"),
    ("bad effect", "effects: [trust += 1]", "effects: [trust plus 1]"),
    ("unknown language", "title: {nl: Het feestje, fr: La fête}", "title: {nl: Het feestje, xx: La fête}"),
    ("valid extension key", "id: party\n", "id: party\nx-note: free text for authors\n"),
]


@pytest.mark.parametrize(("name", "old", "new"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_schema_and_loader_accept_and_refuse_the_same_situations(name: str, old: str, new: str) -> None:
    original = (PACKS / "mini-story/situations/party.yaml").read_text(encoding="utf-8")
    assert old in original
    text = original.replace(old, new, 1)
    loader_ok = not _loader_errors(Situation, text)
    schema_ok = validator("situation.schema.json").is_valid(yaml.load(text, Loader=yaml.CSafeLoader))
    assert loader_ok == schema_ok
    assert loader_ok == (name == "valid extension key")


def test_schema_knows_every_key_the_loader_knows() -> None:
    schema = json.loads((SCHEMAS / "cards.schema.json").read_text())
    card_keys = set(schema["$defs"]["Card"]["properties"])
    report = Report()
    other_keys = "".join(f"    {key}: null\n" for key in sorted(card_keys - {"id", "prompt"}))
    node = load_bytes(f"cards:\n  - id: a\n    prompt: x\n{other_keys}".encode(), "x.yaml", report)
    assert node is not None
    build(CardFile, node, Context(report, "nl", []), "")
    assert not [d for d in report.items if d.code == "B010"]
