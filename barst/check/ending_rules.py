"""Rules for story endings: every ending names help lines that exist and reach the pack's players.

An ending's `helplines` are shown by the ending screen with the emergency exit's selection
(barst.helplines.for_ending), so a line only helps if it exists, serves Belgium (the pack's regions)
and answers in a language the pack is played in; and a French-speaking player must find a French
line, a Dutch-speaking one a Dutch line, whenever such a line exists at all.
"""

from __future__ import annotations

import difflib

from barst.diagnostics import Report
from barst.helplines import HelpLines
from barst.model import Ending, HelpLine, Pack, Situation

# Regions a pack can be played in: a phone in Belgium reaches every Belgian line, so a line in the
# player's language anywhere in Belgium serves them (as the emergency exit already assumes).
BELGIAN_REGIONS = ("flanders", "wallonia", "brussels", "ostbelgien")


def check_endings(pack: Pack, report: Report, helplines: HelpLines) -> None:
    """B100 ending without a help line; B101 unknown help-line id; B102 a line that serves none of
    the pack's regions or languages; B103 no line in one of the pack's languages."""
    known = {line.id: line for line in helplines.lines}
    # languages some Belgian listening line answers in: the ones an ending must cover
    covered = {lang for line in helplines.lines if _belgian(line) and not line.emergency
               for lang in line.languages}
    for situation in pack.situations:
        for scene in situation.scenes:
            if scene.ending is not None:
                _check_ending(pack, situation, scene.id, scene.ending, known, covered, report)


def _check_ending(pack: Pack, situation: Situation, scene: str, ending: Ending, known: dict[str, HelpLine],
                  covered: set[str], report: Report) -> None:
    where = f"ending '{scene}' of situation '{situation.id}'"
    if not ending.helplines:
        report.warning("B100", f"{where} names no help line", ending.pos,
                     "add `helplines: [...]` with the ids of lines in assets/helplines.yaml that fit the "
                     "ending's theme, at least one per pack language (see `barst helplines`)")
        return
    named: list[HelpLine] = []
    for line_id in ending.helplines:
        line = known.get(line_id)
        if line is None:
            close = difflib.get_close_matches(line_id, list(known), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            report.error("B101", f"{where} names help line '{line_id}', which is not in the help-line data",
                         ending.pos, f"{hint}use an id from assets/helplines.yaml (`barst helplines --json`)")
            continue
        if not _belgian(line) or not set(line.languages) & set(pack.languages):
            report.warning("B102", f"{where} names help line '{line_id}', which serves none of the pack's "
                         f"regions and languages ({', '.join(line.regions)}; {', '.join(line.languages)})",
                         ending.pos, "name a Belgian line that answers in one of the pack's languages")
            continue
        named.append(line)
    if len(named) < len(ending.helplines):
        return
    for lang in pack.languages:
        if lang in covered and not any(lang in line.languages for line in named):
            report.warning("B103", f"{where} names no help line that answers in '{lang}'", ending.pos,
                         f"add a line in '{lang}' that fits the theme (e.g. see `barst helplines --lang {lang}`)")


def _belgian(line: HelpLine) -> bool:
    return any(region in BELGIAN_REGIONS for region in line.regions)
