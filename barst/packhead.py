"""Finding a pack, and what a player needs from its pack.yaml before anything else: kind, title, languages.

Read without the content model or the checker, so the player can show its title screen at once and
check the whole pack while that first frame is on screen. The full loader (barst/loader.py) is the
authority; the head is best effort and never reports problems (the check that follows does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from barst import paths
from barst.diagnostics import BarstError, Report, display_path
from barst.text import KNOWN_LANGUAGES, Text
from barst.yamlload import Node, load_file

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
    """The head of `folder/pack.yaml`, or None when the file cannot be read as a mapping."""
    node = load_file(folder / PACK_FILE, display_path(folder / PACK_FILE), Report())
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
