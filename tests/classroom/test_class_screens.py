"""The class session's projector screens: typed against `ClassHost`, never importing their caller, and
every situation of a pack readable on the plan and live screens at every projector size and text size."""

from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

SCREEN_MODULES = [ROOT / "barst" / "classroom" / name for name in ("live.py", "screens.py")]


def imported(module: Path) -> set[str]:
    """Every module a file imports, at the top, inside functions and under TYPE_CHECKING alike."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_class_screen_module_imports_its_caller() -> None:
    for module in SCREEN_MODULES:
        found = imported(module)
        assert "barst.classroom.host" in found, module.name
        assert not found & {"barst.classroom.projector", "barst.play.app", "barst.play.shell"}, module.name
