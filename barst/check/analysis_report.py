"""How the analysis of a situation is shown: one summary line per situation in `barst check`, the
play-throughs behind each figure in `barst check --explain`, and the same figures as JSON."""

from __future__ import annotations

from typing import Any

from barst.check.analysis import Extreme, Finding
from barst.check.explore import DEFAULT_BUDGET
from barst.check.story_rules import ScoreRange
from barst.model import Scene


def situation_lines(name: str, score: ScoreRange) -> list[str]:
    analysis = score.analysis
    if analysis is None:
        if score.states == 0 and score.exact:
            return []  # nothing to play (no start scene): the findings say why
        return [f"  {name}: {_range(score)} (a bound: more than {DEFAULT_BUDGET} states, not all played)"]
    total = len({scene.id for scene in analysis_endings(score)})
    parts = [f"{_range(score)} (exact, {analysis.states} states)",
             f"{len(analysis.endings)} of {total} endings reached"]
    meters = ", ".join(f"{k} {low}–{high}" for k, (low, high) in analysis.meters.items())
    if meters:
        parts.append(meters)
    lines = [f"  {name}: " + "; ".join(parts)]
    if analysis.never_offered:
        lines.append("    never offered: " + ", ".join(f"{s.id}/{c.id}" for s, c in analysis.never_offered))
    return lines


def analysis_endings(score: ScoreRange) -> list[Scene]:
    return [] if score.situation is None else [s for s in score.situation.scenes if s.ending is not None]


def explain_lines(folder: str, name: str, score: ScoreRange) -> list[str]:
    analysis = score.analysis
    run = f"barst run {folder} --situation {name}"
    if analysis is None:
        return [f"{name}: {_range(score)} — a bound, not a play-through: the situation has more than "
                f"{DEFAULT_BUDGET} states, so no choices can be given"]
    lines = [f"{name} (exact, {analysis.states} states explored)"]
    for label, extreme in (("best", analysis.best), ("worst", analysis.worst)):
        lines.append(f"  {label} score: {_extreme(extreme, run)}")
    for meter, (low, high) in analysis.meters.items():
        lines.append(f"  {meter} lowest {low}: {_replay(run, analysis.lowest[meter])}")
        lines.append(f"  {meter} highest {high}: {_replay(run, analysis.highest[meter])}")
    for finding in analysis.clamps:
        assert finding.clamp is not None
        clamp = finding.clamp
        lines.append(f"  {clamp.pos}: '{clamp.effect}' wants {clamp.effect.variable} at {clamp.wanted}, "
                     f"capped to {clamp.capped}: {_replay(run, finding)}")
    for finding in analysis.endless:
        assert finding.clamp is not None
        lines.append(f"  {finding.clamp.pos}: a loop keeps pushing {finding.clamp.effect.variable} against its "
                     f"limit: {_replay(run, finding)}")
    for finding in analysis.stuck:
        lines.append(f"  {finding.scene.pos}: stuck in '{finding.scene.id}': {_replay(run, finding)}")
    for finding in analysis.trapped:
        lines.append(f"  {finding.scene.pos}: no way to an ending from '{finding.scene.id}': {_replay(run, finding)}")
    return lines


def situation_json(score: ScoreRange) -> dict[str, Any]:
    data: dict[str, Any] = {"best": score.best, "worst": score.worst, "exact": score.exact,
                            "states": score.states, "unbounded": score.unbounded}
    analysis = score.analysis
    if analysis is not None:
        data["best_choices"] = analysis.best.choices if analysis.best.score is not None else None
        data["worst_choices"] = analysis.worst.choices if analysis.worst.score is not None else None
        data["scenes"] = sorted(analysis.scenes)
        data["endings"] = sorted(analysis.endings)
        data["meters"] = {k: list(v) for k, v in analysis.meters.items()}
        data["never_offered"] = [f"{s.id}/{c.id}" for s, c in analysis.never_offered]
    return data


def _range(score: ScoreRange) -> str:
    if score.best is None and score.worst is None and not score.unbounded:
        return "no ending reached"
    worst = "no lower bound" if score.worst is None else str(score.worst)
    best = "no upper bound" if score.best is None else str(score.best)
    return f"score {worst}–{best}"


def _extreme(extreme: Extreme, run: str) -> str:
    if extreme.loop is not None:
        return f"no bound: choice '{extreme.loop.id}' can be repeated and moves the score each time"
    if extreme.score is None:
        return "no ending can be reached"
    return f"{extreme.score}: {run} --choices {','.join(map(str, extreme.choices))}" if extreme.choices else \
        f"{extreme.score}: {run}"


def _replay(run: str, finding: Finding) -> str:
    choices = finding.choices()
    return f"{run} --choices {','.join(map(str, choices))}" if choices else f"{run} (at the start)"
