"""Rules for the board game's end screen ("to remember"): each edition's key messages name only lines and
services that its players really use.

- B095: a key message names a help line that is not in the help-line data, or one that does not serve
  the edition's region (the Flemish and the French-speaking editions also serve Brussels).
- B096: a key message writes a help line's number in its text instead of naming the line in
  `helplines:` (the number would not follow a change in assets/helplines.yaml).
- B090 (also a card rule): a key message of one Community's edition names another Community's service.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from barst.check.content_rules import COMMUNITY_NAMES, Institutions, institutions
from barst.diagnostics import Report
from barst.helplines import HelpLines
from barst.model import Edition, HelpLine, KeyMessage, Pack

# Brussels is served by both the Flemish and the French-speaking Community's services.
BRUSSELS_COMMUNITIES = ("flemish", "french")


def check_key_messages(pack: Pack, report: Report, helplines: HelpLines) -> None:
    known = institutions()
    for message, editions in _messages(pack):
        _check_lines(pack, message, editions, helplines, report)
        _check_written_numbers(message, helplines.lines, report)
        for edition in editions:
            if edition is not None:
                _check_institutions(message, edition, known, report)


def _messages(pack: Pack) -> Iterator[tuple[KeyMessage, list[Edition | None]]]:
    """Each key message with the editions that show it (None: the pack without editions)."""
    everyone: list[Edition | None] = list(pack.editions) or [None]
    for edition in pack.editions:
        for message in edition.key_messages:
            yield message, [edition]
    for message in pack.key_messages:
        yield message, everyone


def served_regions(pack: Pack, edition: Edition | None) -> set[str]:
    if edition is None:
        return {pack.region}
    return {edition.region} | ({"brussels"} if edition.community in BRUSSELS_COMMUNITIES else set())


def _check_lines(pack: Pack, message: KeyMessage, editions: list[Edition | None], helplines: HelpLines,
                 report: Report) -> None:
    for line_id in message.helplines:
        line = helplines.by_id(line_id)
        if line is None:
            report.error("B095", f"key message '{message.id}' names the help line '{line_id}', which is not in "
                         "the help-line data", message.pos,
                         "use an id from assets/helplines.yaml (`barst helplines --json`), or add the line "
                         "there with its source")
            continue
        for edition in editions:
            regions = served_regions(pack, edition)
            if not regions & set(line.regions):
                where = f"the edition '{edition.id}'" if edition is not None else "the pack"
                report.error("B095", f"key message '{message.id}' names '{line_id}', which does not serve "
                             f"{where} ({', '.join(sorted(regions))})", message.pos,
                             "name a line of that region, or move the message to the edition it serves")


def _check_written_numbers(message: KeyMessage, lines: list[HelpLine], report: Report) -> None:
    for lang, value in message.text.values.items():
        for line in lines:
            if line.id not in message.helplines and _number_pattern(line.number).search(value):
                report.warning("B096", f"key message '{message.id}' writes the number {line.number} in its "
                               f"text ({lang})", message.text.value_pos.get(lang, message.text.pos),
                               f"remove it from the text and add `helplines: [{line.id}]`: the end screen "
                               "puts the number, from assets/helplines.yaml, before the text")
                break


def _number_pattern(number: str) -> re.Pattern[str]:
    """The number as written, as a whole number: '101' but not inside '1010' or '458bis'."""
    return re.compile(rf"(?<![\w.]){re.escape(number)}(?!\w)")


def _check_institutions(message: KeyMessage, edition: Edition, known: Institutions, report: Report) -> None:
    for lang, value in message.text.values.items():
        if lang not in edition.languages:
            continue
        for other, pattern in known.patterns.items():
            if other == edition.community:
                continue
            found = pattern.search(value)
            if found is None:
                continue
            report.error("B090", f"key message '{message.id}' in the {COMMUNITY_NAMES[edition.community]} "
                         f"edition names '{found.group(0)}', a service of the {COMMUNITY_NAMES[other]} "
                         f"Community ({lang})", message.text.value_pos.get(lang, message.text.pos),
                         f"write it under the edition with `community: {other}`, or say this edition's own "
                         "route")
            return
