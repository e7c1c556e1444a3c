"""Board findings point at the line of the field they are about (issue 13: precise places), not at the
start of the card's block; a field that is missing points at its card."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from support import edit

from barst.check import check_pack


def lines_of(folder: Path, code: str) -> set[tuple[str, int]]:
    report = check_pack(folder)
    return {(Path(d.pos.file).name, d.pos.line) for d in [*report.errors, *report.warnings] if d.code == code}


def test_empty_points_and_an_empty_source_are_reported_at_their_own_lines(copy_pack: Callable[[str], Path]) -> None:
    pack = copy_pack("mini-board")
    edit(pack / "cards" / "case.yaml", "    points: [{nl: 1712 bellen voor advies, fr: Demander conseil}]\n",
         "    points: []\n")
    edit(pack / "cards" / "tf.yaml", "    source: jeugdhulp.be\n", "    source: ''\n")
    case_lines = (pack / "cards" / "case.yaml").read_text(encoding="utf-8").splitlines()
    tf_lines = (pack / "cards" / "tf.yaml").read_text(encoding="utf-8").splitlines()
    points_line = next(i for i, line in enumerate(case_lines, 1) if line.strip() == "points: []")
    source_line = next(i for i, line in enumerate(tf_lines, 1) if line.strip() == "source: ''")
    assert ("case.yaml", points_line) in lines_of(pack, "B052")
    assert ("tf.yaml", source_line) in lines_of(pack, "B051")


def test_a_missing_answer_points_at_its_card(copy_pack: Callable[[str], Path]) -> None:
    pack = copy_pack("mini-board")
    edit(pack / "cards" / "tf.yaml", "    answer: true\n", "")
    tf_lines = (pack / "cards" / "tf.yaml").read_text(encoding="utf-8").splitlines()
    card_line = next(i for i, line in enumerate(tf_lines, 1) if "id: tf-2" in line)
    assert lines_of(pack, "B052") == {("tf.yaml", card_line)}


def test_a_rule_out_of_range_is_reported_at_its_own_line(copy_pack: Callable[[str], Path]) -> None:
    pack = copy_pack("mini-board")
    edit(pack / "pack.yaml", "  teams_max: 4\n", "  teams_max: 4\n  dice_sides: 0\n")
    lines = (pack / "pack.yaml").read_text(encoding="utf-8").splitlines()
    dice_line = next(i for i, line in enumerate(lines, 1) if "dice_sides" in line)
    assert ("pack.yaml", dice_line) in lines_of(pack, "B054")
