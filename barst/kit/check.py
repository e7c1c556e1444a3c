"""`barst check` for kit files: everything `barst kit` would refuse, without fpdf (text fitting included)."""

from __future__ import annotations

from pathlib import Path

from barst.diagnostics import Report
from barst.kit import layout
from barst.kit.build import Options, contents, room_problems, settings
from barst.kit.fit import MIN_SIZE, Fitter
from barst.kit.load import load_kit
from barst.kit.plan import FitError, Flow, Planner


def check_kit_file(path: Path) -> Report:
    loaded = load_kit(path)
    kit = loaded.kit
    if kit is None or loaded.report.has_errors():
        return loaded.report
    planner = Planner(Fitter(), MIN_SIZE[kit.audience])
    paper = layout.PAPERS[kit.paper]
    setup = settings(kit, Options())  # the print options (fold, gutter, registration…) must leave room too
    for lang in kit.languages[:1]:
        for deck_id, problem in room_problems(contents(loaded, lang, False), setup):
            loaded.report.error("K013", f"decks/{deck_id}: {problem}", next(
                (d.pos for d in kit.decks if d.id == deck_id), kit.pos), "choose a smaller card size or other options")
    for lang in kit.languages:
        try:
            parts = contents(loaded, lang, True)
            if not parts and not kit.calibration:  # as `barst kit --lang` would find
                loaded.report.error("K014", f"the kit has nothing to print in '{lang}'", kit.pos,
                                    "add decks or pages")
            for _, content in parts:
                for deck in content.decks:
                    card = layout.Rect(0, 0, *deck.size)
                    for job in deck.cards:
                        planner.face(job.front, card)
                        planner.face(job.back, card)
                for page in content.pages:
                    Flow(planner, paper, page).run()
        except FitError as exc:
            loaded.report.error("K011", f"{exc.label}: the {exc.field} does not fit ({lang})", exc.pos, exc.detail)
    return loaded.report
