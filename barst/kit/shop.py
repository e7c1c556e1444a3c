"""Print-shop output: one card design per page with 3 mm bleed and TrimBox/BleedBox, and a job sheet that
tells the shop how many of each design to print (instead of repeating identical pages)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from barst import atomic
from barst.diagnostics import BarstError
from barst.kit import layout
from barst.kit.compose import DeckJob
from barst.kit.layout import Rect
from barst.kit.plan import Planner

if TYPE_CHECKING:
    from barst.kit.build import Options, Result
    from barst.kit.pdf import Writer

JOB_COLUMNS = ("front_page", "back_page", "edition", "deck", "card", "trim_width_mm", "trim_height_mm",
               "bleed_mm", "quantity")


def shop_deck(writer: Writer, planner: Planner, deck: DeckJob, result: Result, options: Options,
              step: Callable[[], None], edition: str) -> list[tuple[str, ...]]:
    """Paint the deck's designs; return its job-sheet rows."""
    from barst.kit.build import PlacedOn

    bleed = layout.BLEED
    size = (deck.size[0] + 2 * bleed, deck.size[1] + 2 * bleed)
    trim = Rect(bleed, bleed, deck.size[0], deck.size[1])
    rows: list[tuple[str, ...]] = []
    for job in deck.cards:
        sides = [("back", job.back)] if options.backs_only else [("front", job.front), ("back", job.back)]
        pages: dict[str, int] = {}
        for side, face in sides:
            writer.add_page(size)
            writer.page_boxes(trim, Rect(0, 0, *size))
            items = planner.face(face, trim)
            writer.paint(items)
            result.placed.extend(PlacedOn(writer.page_count - 1, trim, item, side, 0.0, trim) for item in items)
            pages[side] = writer.page_count
            step()
        parts = job.front.label.split("/")  # decks/<deck>/<card>; a wallet card is the deck itself
        card = parts[2] if len(parts) > 2 else deck.id
        rows.append((str(pages.get("front", "")), str(pages.get("back", "")), edition, deck.id, card,
                     f"{deck.size[0]:g}", f"{deck.size[1]:g}", f"{bleed:g}", str(deck.copies)))
    return rows


def write_job_sheet(path: Path, rows: list[tuple[str, ...]]) -> None:
    """A CSV any shop's order form or spreadsheet reads: which pages make one card, its size and how many."""
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(JOB_COLUMNS)
    out.writerows(rows)
    try:
        with atomic.replacing(path) as temp:
            temp.write_text(buffer.getvalue(), encoding="utf-8")
    except OSError as exc:
        raise BarstError(f"Cannot write the job sheet to {path}: {exc.strerror or exc}.") from None
