"""The only place that knows YAML: safe, bounded parsing into a tree that keeps positions.

We build the tree from libyaml's event stream instead of `yaml.compose`/`yaml.load`: the events come
from C without calling back into Python for every scalar (about ten times faster here), and walking
them iteratively lets us refuse deep nesting and alias bombs before they hurt (libyaml's composer
recurses on the C stack and crashes the interpreter on very deep input).

Scalars keep their raw text; the content model decides what type a field has. So `no` stays the
word "no" in a text field and becomes false only where a yes/no value is expected.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from barst.diagnostics import Pos, Report
from barst.safefile import TooLarge, read_bounded

try:  # The C parser is much faster; fall back to pure Python where libyaml is missing.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 40
# Aliases may repeat a subtree; past this many nodes after expansion it is an "alias bomb".
MAX_EXPANDED_NODES = 2_000_000


def load_data(text: str) -> Any:
    """Plain Python data from a small shipped file (interface words), with the C loader when present.
    Pack and kit files go through `load_file` instead: limits, positions and diagnostics."""
    return yaml.load(text, Loader=_Loader)


_PLAIN_TAGS = frozenset(
    {None, "!"} | {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}
)


@dataclass(slots=True)
class Node:
    """A YAML node: a mapping (dict of key -> Node), a sequence (list of Node) or a scalar (str)."""

    value: Any
    pos: Pos
    plain: bool = False  # an unquoted scalar: `~`/`null`/empty mean "nothing"
    key_pos: dict[str, Pos] | None = None
    size: int = 1  # nodes in this subtree, aliases counted in full

    @property
    def is_map(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_seq(self) -> bool:
        return isinstance(self.value, list)

    @property
    def is_scalar(self) -> bool:
        return isinstance(self.value, str)

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")

    def kind(self) -> str:
        if self.is_map:
            return "a mapping"
        if self.is_seq:
            return "a list"
        return "nothing" if self.is_null else "a value"


class YamlRefused(Exception):
    def __init__(self, message: str, pos: Pos, fix: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.fix = fix


def load_file(path: Path, shown_as: str, report: Report) -> Node | None:
    """Read and parse one YAML file; problems go to `report` as diagnostics, never as exceptions."""
    data = read_file(path, shown_as, report)
    return None if data is None else load_bytes(data, shown_as, report)


def read_file(path: Path, shown_as: str, report: Report) -> bytes | None:
    """The bytes of one content file: a regular file only, read up to MAX_FILE_BYTES (a FIFO, a device or
    a file whose size lies gives a diagnostic, not a hang)."""
    try:
        return read_bounded(path, MAX_FILE_BYTES)
    except TooLarge:
        report.error("B002", f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB", Pos(shown_as, 1, 1),
                     "split it into several content files")
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "the path is not valid"
        report.error("B001", f"cannot read this file ({reason})", Pos(shown_as), "check the path")
    return None


def load_bytes(data: bytes, shown_as: str, report: Report) -> Node | None:
    if len(data) > MAX_FILE_BYTES:
        report.error("B002", "file is too large", Pos(shown_as, 1, 1), "split it into several content files")
        return None
    if b"\x00" in data:
        report.error("B003", "this is not a text file (it contains NUL bytes)", Pos(shown_as, 1, 1),
                     "save it as UTF-8 text")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.error("B003", "this file is not valid UTF-8 text", Pos(shown_as, line, 1),
                     "save it as UTF-8 (most editors offer this under 'Save with encoding')")
        return None
    try:
        return parse_text(text, shown_as)
    except YamlRefused as refused:
        report.error("B004", refused.message, refused.pos, refused.fix)
        return None


def parse_text(text: str, shown_as: str) -> Node | None:
    """Parse one YAML document; raises YamlRefused with a position for any problem."""
    builder = _TreeBuilder(shown_as)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlRefused(f"YAML syntax: {problem}", Pos(shown_as, line, col),
                          "check indentation, colons and quotes on this line or the one above") from None
    except yaml.YAMLError as exc:
        raise YamlRefused(f"YAML syntax: {exc}", Pos(shown_as, 1, 1), "fix the YAML") from None
    return builder.root


class _TreeBuilder:
    def __init__(self, shown_as: str) -> None:
        self.file = shown_as
        self.stack: list[tuple[Node, list[Any]]] = []  # open container + pending key for mappings
        self.anchors: dict[str, Node] = {}
        self.root: Node | None = None
        self.documents = 0
        self.expanded = 0

    def pos(self, event: Any) -> Pos:
        mark = event.start_mark
        return Pos(self.file, mark.line + 1, mark.column + 1)

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.ScalarEvent):
            style_plain = bool(event.implicit[0]) and event.style is None
            self._check_tag(event)
            self._add(Node(event.value, self.pos(event), plain=style_plain), event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                raise YamlRefused(f"nesting is deeper than {MAX_DEPTH} levels", self.pos(event),
                                  "flatten the structure")
            self._check_tag(event)
            is_map = isinstance(event, yaml.MappingStartEvent)
            node = Node({} if is_map else [], self.pos(event), key_pos={} if is_map else None)
            self.stack.append((node, [None]))
            if event.anchor:
                self.anchors[event.anchor] = node
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            node, _ = self.stack.pop()
            self._attach(node, None)
        elif isinstance(event, yaml.AliasEvent):
            target = self.anchors.get(event.anchor or "")
            if target is None:
                raise YamlRefused(f"unknown alias *{event.anchor}", self.pos(event), "define the anchor first")
            self.expanded += target.size
            if self.expanded > MAX_EXPANDED_NODES:
                raise YamlRefused("aliases expand to too many nodes (an 'alias bomb')", self.pos(event),
                                  "write the content out instead of repeating aliases")
            self._attach(target, None)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise YamlRefused("more than one YAML document in this file", self.pos(event),
                                  "remove the `---` separator or split the file")

    def _check_tag(self, event: Any) -> None:
        if event.tag not in _PLAIN_TAGS:
            raise YamlRefused(f"the YAML tag {event.tag} is not allowed", self.pos(event),
                              "remove the tag; barst files use plain YAML only")

    def _add(self, node: Node, event: Any) -> None:
        if event.anchor:
            self.anchors[event.anchor] = node
        self._attach(node, event)

    def _attach(self, node: Node, _event: Any) -> None:
        self.expanded += 1
        if self.expanded > MAX_EXPANDED_NODES:
            raise YamlRefused("the file has too many nodes", node.pos, "split it into several files")
        if not self.stack:
            self.root = node
            return
        parent, pending = self.stack[-1]
        parent.size += node.size
        if isinstance(parent.value, list):
            parent.value.append(node)
            return
        key = pending[0]
        if key is None:
            if not node.is_scalar:
                raise YamlRefused("a key must be a simple word, not a list or mapping", node.pos,
                                  "write `key: value`")
            pending[0] = node
            return
        pending[0] = None
        name = key.value
        assert parent.key_pos is not None
        if name in parent.value:
            raise YamlRefused(f"duplicate key '{name}' (also at line {parent.key_pos[name].line})",
                              key.pos, "remove one of them")
        parent.value[name] = node
        parent.key_pos[name] = key.pos
