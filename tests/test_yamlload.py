from __future__ import annotations

import time

import pytest

from barst.diagnostics import Report
from barst.yamlload import MAX_DEPTH, MAX_FILE_BYTES, load_bytes


def load(text: str | bytes) -> tuple[object, Report]:
    report = Report()
    data = text.encode() if isinstance(text, str) else text
    return load_bytes(data, "x.yaml", report), report


def only(report: Report) -> tuple[str, int, int, str]:
    assert len(report.items) == 1, [d.format() for d in report.items]
    d = report.items[0]
    return d.code, d.pos.line, d.pos.col, d.message


def test_positions_are_kept_for_keys_and_values() -> None:
    node, report = load("a: 1\nlist:\n  - id: x\n    text: hello\n")
    assert not report.items
    item = node.value["list"].value[0]  # type: ignore[attr-defined]
    assert (item.pos.line, item.pos.col) == (3, 5)
    assert item.key_pos["text"].line == 4
    assert item.value["text"].value == "hello"


def test_syntax_error_reports_the_line_of_the_problem() -> None:
    _, report = load("id: a\ntitle: b\n  bad: indent\n")
    code, line, _, message = only(report)
    assert code == "B004" and line == 3 and "YAML syntax" in message


def test_scalars_keep_their_raw_text() -> None:
    node, _ = load("answer: no\nnumber: 007\n")
    assert node.value["answer"].value == "no"  # type: ignore[attr-defined]
    assert node.value["number"].value == "007"  # type: ignore[attr-defined]


def test_duplicate_keys_are_refused_with_both_lines() -> None:
    _, report = load("id: a\nid: b\n")
    code, line, _, message = only(report)
    assert code == "B004" and line == 2 and "line 1" in message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5), "nesting"),
        ("[" * 200_000 + "]" * 200_000, "nesting"),
        ("a: !!python/object:os.system x\n", "tag"),
        ("a: 1\n---\nb: 2\n", "more than one"),
    ],
)
def test_hostile_input_is_refused_quickly(text: str, fragment: str) -> None:
    start = time.perf_counter()
    _, report = load(text)
    assert time.perf_counter() - start < 2
    code, _, _, message = only(report)
    assert code == "B004" and fragment in message


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 12):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    start = time.perf_counter()
    _, report = load("\n".join(lines))
    assert time.perf_counter() - start < 2
    assert only(report)[0] == "B004" and "alias" in report.items[0].message


def test_binary_garbage_and_bad_encoding_are_refused() -> None:
    _, report = load(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert only(report)[0] == "B003"
    _, report = load("title: café\n".encode("latin-1"))
    assert only(report)[0] == "B003"


def test_oversized_file_is_refused() -> None:
    _, report = load(b"a: " + b"x" * (MAX_FILE_BYTES + 1))
    assert only(report)[0] == "B002"
