"""Rules that need to know how a situation really plays (from the exact analysis): choices never
offered, stuck and trapped players, endings and scenes only behind a condition that never holds,
capped meters, endless loops, and a situation whose every play-through ends the same way."""

from __future__ import annotations

from barst.check.analysis import Analysis, Finding
from barst.diagnostics import Pos, Report
from barst.model import Character, Choice, Ending, Scene, Situation, Unlock, Variable

Placed = Scene | Choice | Ending | Variable | Situation | Unlock | Character


def at(thing: Placed, key: str) -> Pos:
    """The line of `key:` inside `thing`, else the line where `thing` starts."""
    return thing.places.get(key) or thing.pos


def explain_hint(situation: Situation, finding: Finding) -> str:
    """Where to see the play-through: worked out only when asked, as a pack may have thousands of findings."""
    return f"`barst check --explain {situation.id}` shows the choices that lead here"


def report_exact(situation: Situation, analysis: Analysis, variables: dict[str, Variable],
                 graph_reachable: set[str], trapped_already: set[str], report: Report) -> None:
    for finding in analysis.clamps:
        clamp = finding.clamp
        assert clamp is not None
        variable = variables.get(clamp.effect.variable)
        if variable is None:
            continue
        report.warning("B026", f"'{clamp.effect}' can take {clamp.effect.variable} to {clamp.wanted}, outside "
                       f"{variable.min}–{variable.max}; it will be capped", clamp.pos,
                       f"adjust the amounts or the range ({explain_hint(situation, finding)})")
    for scene, choice in analysis.never_offered:
        condition = choice.condition
        if condition is None:
            continue  # without a condition a choice is offered whenever its scene is shown
        report.warning("B080", f"choice '{choice.id}' is never offered: '{condition}' does not hold on any "
                       f"play-through that reaches scene '{scene.id}'", at(choice, "condition"),
                       "change the condition or the effects before it, or remove the choice")
    for finding in analysis.stuck:
        report.error("B081", f"scene '{finding.scene.id}' can be shown with none of its choices offered: "
                     "the player is stuck", at(finding.scene, "choices"),
                     f"add a choice without a condition ({explain_hint(situation, finding)})")
    for scene in situation.scenes:
        if scene.id in analysis.scenes or scene.id not in graph_reachable:
            continue
        if scene.ending is not None:
            report.error("B082", f"ending '{scene.id}' is never reached: every way here passes a choice that is "
                         "never offered", at(scene, "ending"), "fix the conditions on the way, or remove the ending")
        else:
            report.warning("B022", f"scene '{scene.id}' is never shown: every way here passes a choice that is "
                           "never offered", scene.pos, "fix the conditions on the way, or remove the scene")
    for finding in analysis.trapped:
        if finding.scene.id not in trapped_already:
            report.error("B027", f"on some play-throughs no ending can be reached any more from scene "
                         f"'{finding.scene.id}'", finding.scene.pos,
                         f"give the loop a way out that is always offered ({explain_hint(situation, finding)})")
    for extreme, word in ((analysis.best, "adds"), (analysis.worst, "takes away")):
        if extreme.loop is not None:
            report.warning("B083", f"choice '{extreme.loop.id}' can be taken again and again and {word} points "
                           "each time: the score has no bound", at(extreme.loop, "points"),
                           "make it `once: true`, or give the loop no points")
    for finding in analysis.endless:
        clamp = finding.clamp
        assert clamp is not None and finding.step >= 0
        loop = finding.found.steps[finding.state][finding.step].choice
        assert loop is not None
        report.warning("B083", f"choice '{loop.id}' can be taken again and again, pushing "
                       f"{clamp.effect.variable} against its limit each time", clamp.pos,
                       f"make it `once: true` ({explain_hint(situation, finding)})")
    endings = [scene for scene in situation.scenes if scene.id in analysis.endings]
    if len(endings) == 1 and analysis.best.loop is None and analysis.worst.loop is None:
        report.warning("B087", f"every play-through of '{situation.id}' ends on '{endings[0].id}'",
                       at(endings[0], "ending"), "let choices lead to different endings (good, mixed, bad)")
