"""Every diagnostic barst can give, as data: code, severity and what it is about.

Each code has a broken example under tests/checker_cases/<code>/ that a generated test runs to prove
the diagnostic fires (see tests/test_checker_cases.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from barst.diagnostics import Severity


@dataclass(frozen=True, slots=True)
class RuleInfo:
    code: str
    severity: Severity
    summary: str


E, W = Severity.ERROR, Severity.WARNING

RULES: dict[str, RuleInfo] = {
    info.code: info
    for info in [
        RuleInfo("B001", E, "a file cannot be read"),
        RuleInfo("B002", E, "a file or pack is too large"),
        RuleInfo("B003", E, "a file is not UTF-8 text"),
        RuleInfo("B004", E, "YAML syntax error, or input refused (too deep, alias bomb, tags, several documents)"),
        RuleInfo("B010", E, "unknown key (with a 'did you mean')"),
        RuleInfo("B011", E, "a required key is missing"),
        RuleInfo("B012", E, "a value has the wrong type"),
        RuleInfo("B013", E, "an id is not a valid id"),
        RuleInfo("B014", E, "a value is not one of the allowed words"),
        RuleInfo("B015", E, "an effect or condition does not follow the grammar"),
        RuleInfo("B020", E, "duplicate id"),
        RuleInfo("B021", E, "a reference (target, next, start, speaker, unlock, deck, square) points nowhere"),
        RuleInfo("B022", W, "a scene cannot be reached from the start"),
        RuleInfo("B023", E, "dead end: a scene with no choices, no `next` and no ending"),
        RuleInfo("B024", E, "an ending cannot be reached from the start"),
        RuleInfo("B025", E, "an effect or condition uses an undeclared variable"),
        RuleInfo("B026", W, "a meter value can leave its range (and would be capped)"),
        RuleInfo("B027", E, "a scene from which no ending can be reached (the player is trapped)"),
        RuleInfo("B028", W, "a choice with no effect and no feedback"),
        RuleInfo("B029", W, "a scene offers more than 4 choices (they will not fit on screen)"),
        RuleInfo("B030", W, "a text has no translation in one of the pack's languages"),
        RuleInfo("B031", W, "a translation has no text to translate (orphaned)"),
        RuleInfo("B032", E, "an unknown language code"),
        RuleInfo("B033", W, "a text is written in a language the pack does not declare"),
        RuleInfo("B040", E, "an asset file does not exist"),
        RuleInfo("B041", E, "a file lies outside the pack"),
        RuleInfo("B050", W, "a deck has fewer cards than the board has squares for it"),
        RuleInfo("B051", W, "a card with a factual answer has no source"),
        RuleInfo("B052", E, "a card lacks what its type needs (answer, options, points)"),
        RuleInfo("B053", E, "the board does not run from a start square to a finish square"),
        RuleInfo("B060", E, "a help-line link is not tel:, https:, mailto: or sms:"),
        RuleInfo("B070", W, "a text the player cuts or draws past its box at 1280x720, at some text size"),
        RuleInfo("B080", W, "a choice whose condition never holds on any play-through (it is never offered)"),
        RuleInfo("B081", E, "a scene that can be shown with none of its choices offered (the player is stuck)"),
        RuleInfo("B082", E, "an ending reached only through a choice that is never offered"),
        RuleInfo("B083", W, "a repeatable loop that adds points or pushes a meter against its limit without end"),
        RuleInfo("B084", E, "a variable's start value (0 when not given) lies outside its range"),
        RuleInfo("B085", E, "an ending score outside 0–100"),
        RuleInfo("B086", W, "a scene with one choice (the guide asks for 2–4)"),
        RuleInfo("B087", W, "every play-through of a situation ends on the same ending"),
        RuleInfo("B100", W, "a story ending names no help line"),
        RuleInfo("B101", E, "an ending names a help line that is not in the help-line data"),
        RuleInfo("B102", W, "an ending names a help line that serves none of the pack's regions and languages"),
        RuleInfo("B103", W, "an ending names no help line in one of the pack's languages"),
        RuleInfo("B042", E, "a picture cannot be shown: broken, too many pixels, or refers outside itself"),
        RuleInfo("B054", E, "a board rule is out of range (dice_sides, rounds, time limit, teams_min/max, points)"),
        RuleInfo("B071", W, "a text holds control or bidi-override characters (NUL, ESC, U+202E…)"),
        RuleInfo("B090", E, "a card in one Community's edition names a service of another Community"),
        RuleInfo("B091", W, "an open or quote card states facts but has no source"),
        RuleInfo("B092", W, "French text without a no-break space before ? ! : ; or inside « »"),
        RuleInfo("B093", E, "editions and card variants do not fit together"),
        RuleInfo("B094", E, "a card cites the project's own notes, or another Community's services, as its source"),
        RuleInfo("B095", E, "a key message names a help line that is unknown or does not serve its edition's region"),
        RuleInfo("B061", E, "a help line's source is the project's own notes, or names no public page or document"),
        RuleInfo("B096", W, "a key message writes a help line's number in its text instead of naming the line"),
    ]
}
