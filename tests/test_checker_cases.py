"""Every diagnostic code has a broken example (tests/checker_cases.yaml) and this proves it fires."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile import png_claiming
from support import PACKS, edit

from barst.check import check_paths
from barst.check.registry import RULES
from barst.yamlload import MAX_FILE_BYTES

CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load((Path(__file__).parent / "checker_cases.yaml").read_text())

SPECIAL_CONTENT = {
    "__HUGE__": lambda: "x: " + "a" * (MAX_FILE_BYTES + 10),
    "__BINARY__": lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "__ALIAS_BOMB__": lambda: "\n".join(
        ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
        + [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    ),
    "__HELPLINE_FTP__": lambda: (
        "helplines:\n  - id: test\n    name: Test\n    number: '1712'\n    links: ['ftp://1712.be']\n"
        "    regions: [flanders]\n    languages: [nl]\n    audience: iedereen\n    hours: altijd\n"
        "    source: test\n    checked: '2026-01-01'\n"
    ),
    "__HELPLINE_NOTES_SOURCE__": lambda: (
        "helplines:\n  - id: police\n    name: Politie\n    number: '101'\n    links: ['tel:101']\n"
        "    regions: [flanders]\n    languages: [nl]\n    audience: iedereen\n    hours: altijd\n"
        "    source: domain notes (emergency numbers)\n    checked: '2026-01-01'\n"
    ),
    "__LONG__": lambda: " ".join(["woord"] * 400),
    "__PNG_BOMB__": lambda: png_claiming(40_000, 40_000),
    "__PNG_CUT__": lambda: png_claiming(64, 64)[:20],
    "__DEEP_PARENS__": lambda: "condition: " + "(" * 100 + "trust" + ")" * 100,
    "__MANY_NOTS__": lambda: "condition: " + "not " * 100 + "told",
    "__MANY_ANDS__": lambda: "condition: " + " and ".join(["told"] * 151),
    "__HUGE_CONDITION__": lambda: "condition: trust >= " + "9" * 3_900_000,
}


def _materialise(case: dict[str, Any], folder: Path) -> Path:
    if "file" in case:
        folder.mkdir(parents=True)
        target = folder / case["file"]
        target.write_text(SPECIAL_CONTENT[case["content"]](), encoding="utf-8")
        return target
    shutil.copytree(PACKS / case["base"], folder)
    for name in case.get("remove", []):
        (folder / name).unlink()
    for name, content in case.get("add", {}).items():
        made = SPECIAL_CONTENT[content]() if content in SPECIAL_CONTENT else content
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(made, bytes):
            path.write_bytes(made)
        else:
            path.write_text(made, encoding="utf-8")
    for name, replacements in case.get("edit", {}).items():
        for old, new in replacements:
            if new in SPECIAL_CONTENT:
                new = SPECIAL_CONTENT[new]()
            elif new.startswith("condition: __"):
                new = SPECIAL_CONTENT[new.removeprefix("condition: ")]()
            elif "__LONG__" in new:
                new = new.replace("__LONG__", SPECIAL_CONTENT["__LONG__"]())
            edit(folder / name, old, new)
    return folder / case["target"] if "target" in case else folder


PARAMS = [pytest.param(code, case, id=f"{code}-{i}") for code, cases in CASES.items() for i, case in enumerate(cases)]


@pytest.mark.parametrize(("code", "case"), PARAMS)
def test_each_diagnostic_fires_on_its_broken_example(code: str, case: dict[str, Any], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "case"
    target = _materialise(case, folder)
    monkeypatch.chdir(tmp_path)
    result = check_paths([target])
    found = [d for d in result.report.items if d.code == code]
    shown = "\n".join(d.format() for d in result.report.sorted())
    assert found, f"{code} did not fire; got:\n{shown}"
    expect = case["expect"]
    if "file" in expect:
        found = [d for d in found if d.pos.file.endswith(expect["file"])]
        assert found, f"{code} fired in another file:\n{shown}"
    if "line" in expect:
        assert any(d.pos.line == expect["line"] for d in found), f"{code} not at line {expect['line']}:\n{shown}"
    if "message" in expect:
        assert any(expect["message"] in d.format() for d in found), shown
    assert RULES[code].severity is found[0].severity


def test_every_rule_has_a_broken_example() -> None:
    assert sorted(RULES) == sorted(CASES)


def test_the_clean_test_packs_have_no_findings() -> None:
    result = check_paths([PACKS / "mini-story", PACKS / "mini-board"])
    assert [d.format() for d in result.report.items] == []
