"""The lesson plans of the trainer kit (50 and 100 minutes), read from the kit file itself: one source for
the printed guide, the story player's trainer panel and the class session's timer. Pure: no pygame."""

from __future__ import annotations

from functools import cache

KIT = "train-the-trainer.yaml"


@cache
def plan(minutes: int, lang: str | None = None) -> tuple[tuple[dict[str, str], int], ...]:
    """(title per language, minutes) for each part of the kit's plan of that length; () when none. With
    `lang`, only a plan printed in that language (a page's `languages:`): the German 100-minute plan has no
    board game, the Dutch and French one has."""
    from barst import paths
    from barst.yamlload import load_data

    try:
        data = load_data((paths.kits_dir() / KIT).read_text(encoding="utf-8")) or {}
        pages = [p for p in data.get("pages", []) if p.get("kind") == "plan" and p.get("minutes") == minutes
                 and (lang is None or lang in p.get("languages", [lang]))]
        items = pages[0]["items"] if pages else []
        return tuple((dict(item["title"]), int(item["minutes"])) for item in items)
    except (OSError, KeyError, TypeError, ValueError, AttributeError):
        return ()


def part_title(title: dict[str, str], lang: str) -> str:
    return title.get(lang) or title.get("en") or next(iter(title.values()), "")


def current_part(parts: tuple[tuple[dict[str, str], int], ...], elapsed_minutes: float) -> int:
    """Which part of the plan the lesson is in after that many minutes (the last one once it is over)."""
    total = 0
    for index, (_, length) in enumerate(parts):
        total += length
        if elapsed_minutes < total:
            return index
    return len(parts) - 1
