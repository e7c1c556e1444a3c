"""Rules for board packs: decks, squares, cards and their sources."""

from __future__ import annotations

from barst.check.common_rules import check_duplicates
from barst.diagnostics import Report
from barst.editions import in_edition, resolve_card
from barst.engine.board import DEFAULT_COLOURS
from barst.model import CLOSED_CARD_TYPES, Card, Pack, Rules

# What the board engine and the projector can play: a die of 0 sides divides by zero, and a negative
# time limit or teams_min above teams_max leave a game that cannot start or end.
RULE_RANGES: dict[str, tuple[int, int]] = {
    "teams_min": (1, len(DEFAULT_COLOURS)), "teams_max": (1, len(DEFAULT_COLOURS)), "dice_sides": (2, 20),
    "rounds": (1, 100), "time_limit_minutes": (1, 600),
}
SCORE_RANGE = (-100, 100)


def check_board(pack: Pack, report: Report) -> None:
    if pack.rules is not None:
        check_rules(pack.rules, report)
    check_duplicates(report, pack.decks, "deck")
    check_duplicates(report, pack.cards, "card")
    decks = {deck.id: deck for deck in pack.decks}
    if pack.board is None:
        report.error("B011", "a board pack needs a `board:`", pack.pos, "add `board:` with square_kinds and squares")
        return
    board = pack.board
    check_duplicates(report, board.square_kinds, "square kind")
    kinds = {kind.id: kind for kind in board.square_kinds}
    for kind in board.square_kinds:
        if kind.deck and kind.deck not in decks:
            report.error("B021", f"square kind '{kind.id}' draws from unknown deck '{kind.deck}'",
                         kind.places.get("deck", kind.pos),
                         f"use one of: {', '.join(decks)}")
        if kind.special == "none" and not kind.deck:
            report.error("B053", f"square kind '{kind.id}' has neither a deck nor a special effect", kind.pos,
                         "add `deck:` or `special:`")
        if kind.special in ("ahead", "back") and kind.amount <= 0:
            report.error("B053", f"square kind '{kind.id}' moves {kind.special} but has no `amount`",
                         kind.places.get("amount") or kind.places.get("special", kind.pos),
                         "add `amount: 2` or similar")
    for index, square in enumerate(board.squares):
        if square not in kinds:
            report.error("B021", f"square {index + 1} is of unknown kind '{square}'",
                         board.places.get("squares", board.pos),
                         f"use one of: {', '.join(kinds)}")
    path = [kinds[s] for s in board.squares if s in kinds]
    if len(path) < 3 or path[0].special != "start" or path[-1].special != "finish":
        report.error("B053", "the board must begin with a start square and end with a finish square", board.pos,
                     "put a square with `special: start` first and one with `special: finish` last")
    squares_per_deck: dict[str, int] = {}
    for kind in path:
        if kind.deck:
            squares_per_deck[kind.deck] = squares_per_deck.get(kind.deck, 0) + 1
    for card in _cards_as_played(pack):
        if not card.deck or card.deck not in decks:
            report.error("B021", f"card '{card.id}' belongs to unknown deck '{card.deck}'",
                         card.places.get("deck", card.pos),
                         f"set `deck:` on the file or card to one of: {', '.join(decks) or '(no decks declared)'}")
            continue
        _check_card(card, decks[card.deck].type, report)
    for deck_id, squares in squares_per_deck.items():
        if deck_id not in decks:
            continue  # already reported as B021
        count = len(pack.cards_in(deck_id))
        if count < squares:
            deck = decks[deck_id]
            report.warning("B050", f"deck '{deck_id}' has {count} cards for {squares} squares on the board",
                           deck.pos, f"add at least {squares - count} cards so one game does not repeat cards")


def _cards_as_played(pack: Pack) -> list[Card]:
    """Each card as each edition plays it (its Community's variant applied), once per distinct version,
    so a field that only variants give is checked where it is used."""
    if not pack.editions:
        return list(pack.cards)
    seen: set[str] = set()
    cards: list[Card] = []
    for edition in pack.editions:
        for card in pack.cards:
            if not in_edition(card, edition):
                continue
            played = resolve_card(card, edition.community)
            own = card.variants is not None and card.variants.get(edition.community) is not None
            key = f"{card.id}/{edition.community if own else ''}"
            if key not in seen:
                seen.add(key)
                cards.append(played)
    return cards


def _check_card(card: Card, card_type: str, report: Report) -> None:
    if card_type == "true_false" and card.answer is None:
        report.error("B052", f"true/false card '{card.id}' has no `answer`", card.places.get("answer", card.pos),
                     "add `answer: true` or `answer: false`")
    if card_type == "multiple_choice":
        check_duplicates(report, card.options, "option", f" in card {card.id}")
        correct = sum(1 for option in card.options if option.correct)
        if len(card.options) < 2 or correct != 1:
            report.error("B052", f"multiple-choice card '{card.id}' needs 2 or more options with exactly one correct",
                         card.places.get("options", card.pos), "mark exactly one option with `correct: true`")
    if card_type in ("case", "quote", "what_would_you_do") and not card.points:
        report.error("B052", f"card '{card.id}' has no discussion `points` for the trainer",
                     card.places.get("points", card.pos),
                     "list the points a good answer touches")
    if card_type == "quote" and card.quote_by is None:
        report.error("B052", f"quote card '{card.id}' does not say who speaks (`quote_by`)",
                     card.pos,
                     "add `quote_by:` (a fictional person, e.g. 'Sara, 15')")
    if card_type in CLOSED_CARD_TYPES and not card.source:
        report.warning("B051", f"card '{card.id}' states a fact but has no `source`",
                       card.places.get("source", card.pos),
                       "add `source:` (a website, law article or study)")


def check_rules(rules: Rules, report: Report) -> None:
    """B054: every rule within what the board can play."""
    for name, (low, high) in RULE_RANGES.items():
        value = getattr(rules, name)
        if value is not None and not low <= value <= high:
            report.error("B054", f"rules.{name} is {value}; it must be between {low} and {high}",
                         rules.places.get(name, rules.pos),
                         f"write e.g. {name}: {max(low, min(high, 6))}")
    if rules.teams_min > rules.teams_max:
        report.error("B054", f"rules.teams_min ({rules.teams_min}) is more than rules.teams_max ({rules.teams_max})",
                     rules.places.get("teams_min", rules.pos), "make teams_min at most teams_max")
    low, high = SCORE_RANGE
    for name in ("correct", "partly", "wrong", "finish"):
        value = getattr(rules.scoring, name)
        if not low <= value <= high:
            report.error("B054", f"rules.scoring.{name} is {value}; it must be between {low} and {high}",
                         rules.scoring.places.get(name, rules.scoring.pos), "points are small whole numbers, e.g. 2")
