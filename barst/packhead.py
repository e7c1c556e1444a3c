"""Finding a pack, and what a player needs from its pack.yaml before anything else: kind, title, languages.

Read without the content model or the checker, so the player can show its title screen at once and
check the whole pack while that first frame is on screen. The full loader (barst/loader.py) is the
authority; the head is best effort and never reports problems (the check that follows does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from barst import paths
from barst.errors import BarstError
from barst.filecache import remembered
from barst.text import KNOWN_LANGUAGES, Text

if TYPE_CHECKING:
    from barst.yamlload import Node

PACK_FILE = "pack.yaml"
CONTENT_FOLDERS = {"story": "situations", "board": "cards"}
PACK_REGIONS = ("flanders", "wallonia", "brussels", "ostbelgien")  # model.Pack.region


@dataclass(slots=True)
class PackHead:
    id: str
    kind: str | None
    title: Text
    description: Text | None = None
    languages: list[str] = field(default_factory=lambda: ["nl"])
    fallback: list[str] = field(default_factory=list)
    region: str = "flanders"

    def fallback_order(self) -> list[str]:
        return list(self.fallback or self.languages)


def resolve_pack(name_or_path: str) -> Path:
    """A pack folder from a path or the name of a shipped pack; BarstError when neither exists."""
    candidate = Path(name_or_path)
    if (candidate / PACK_FILE).is_file():
        return candidate
    if candidate.name == PACK_FILE and candidate.is_file():
        return candidate.parent
    shipped = paths.scenarios_dir() / name_or_path
    if "/" not in name_or_path and (shipped / PACK_FILE).is_file():
        return shipped
    names = ", ".join(p.name for p in paths.shipped_packs())
    if candidate.is_dir():
        raise BarstError(f"The folder {name_or_path} has no {PACK_FILE}, so it is not a pack.")
    raise BarstError(f"There is no pack called '{name_or_path}'. Shipped packs: {names}.")


def pack_kind(folder: Path) -> str | None:
    """"story" or "board" from pack.yaml alone (the players choose their app before reading the content)."""
    head = read_head(folder)
    return head.kind if head is not None else None


def read_head(folder: Path) -> PackHead | None:
    """The head of `folder/pack.yaml`, or None when the file cannot be read as a mapping. Kept in the
    file cache, so a start after the first one reads no YAML before its first frame."""
    path = folder / PACK_FILE
    return remembered(path, "head", lambda: _parse_head(path), _head_data, _head_from_data)


def _parse_head(path: Path) -> PackHead | None:
    from barst.diagnostics import Report, display_path
    from barst.yamlload import load_file

    node = load_file(path, display_path(path), Report())
    if node is None or not node.is_map:
        return None
    fields: dict[str, Node] = node.value
    languages = [lang for lang in _scalars(fields.get("languages")) if lang in KNOWN_LANGUAGES] or ["nl"]
    source = languages[0]
    kind = _scalar(fields.get("kind"))
    region = _scalar(fields.get("region"))
    return PackHead(
        id=_scalar(fields.get("id")) or "",
        kind=kind if kind in CONTENT_FOLDERS else None,
        title=_text(fields.get("title"), source) or Text({}),
        description=_text(fields.get("description"), source),
        languages=languages,
        fallback=[lang for lang in _scalars(fields.get("fallback")) if lang in KNOWN_LANGUAGES],
        region=region if region in PACK_REGIONS else "flanders",
    )


def _scalar(node: Node | None) -> str | None:
    return node.value if node is not None and node.is_scalar and not node.is_null else None


def _scalars(node: Node | None) -> list[str]:
    if node is None or not node.is_seq:
        return []
    return [item.value for item in node.value if item.is_scalar]


def _text(node: Node | None, source: str) -> Text | None:
    """A text field as the loader reads it: a plain string is in the source language."""
    plain = _scalar(node)
    if plain is not None:
        return Text({source: plain.strip()})
    if node is None or not node.is_map:
        return None
    values = {lang: child.value.strip() for lang, child in node.value.items()
              if lang in KNOWN_LANGUAGES and child.is_scalar and not child.is_null}
    return Text(values) if values else None


def _head_data(head: PackHead | None) -> dict[str, Any] | None:
    if head is None:
        return None
    return {"id": head.id, "kind": head.kind, "title": head.title.values,
            "description": head.description.values if head.description is not None else None,
            "languages": head.languages, "fallback": head.fallback, "region": head.region}


def _head_from_data(data: Any) -> PackHead | None:
    """A kept head, checked field by field (the cache is a file like any other)."""
    if data is None:
        return None
    description = data["description"]
    head = PackHead(id=_str(data["id"]), kind=_kind(data["kind"]), title=Text(_words(data["title"])),
                    description=Text(_words(description)) if description is not None else None,
                    languages=_languages(data["languages"]), fallback=_languages(data["fallback"]),
                    region=data["region"])
    if not head.languages or head.region not in PACK_REGIONS:
        raise ValueError("not a pack head")
    return head


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _kind(value: Any) -> str | None:
    if value is not None and value not in CONTENT_FOLDERS:
        raise ValueError("not a pack kind")
    return value  # type: ignore[no-any-return]


def _words(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(k in KNOWN_LANGUAGES and isinstance(v, str) for k, v in value.items()):
        raise TypeError("not a text")
    return value


def _languages(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(lang in KNOWN_LANGUAGES for lang in value):
        raise TypeError("not a list of languages")
    return value
