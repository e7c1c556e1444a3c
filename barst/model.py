"""The content model: plain dataclasses, one per concept, named as in the YAML.

These classes are also the schema. `barst.build` reads a YAML tree into them field by field (field
name = YAML key; a field without a default is required), and `barst.schema` derives the published
JSON Schema from them, so the loader and the schema cannot drift apart. `doc` metadata becomes the
description an editor shows while an author types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from barst.diagnostics import NOWHERE, Pos
from barst.expr import Condition, Effect
from barst.text import Text

# Plain strings to the type checker; the marks tell the loader and the schema how to validate them.
Id = Annotated[str, "id"]  # lowercase letters, digits, '-' and '_': stable across translations
Lang = Annotated[str, "lang"]  # a language code: nl, fr, en, de
AssetPath = Annotated[str, "asset"]  # a file inside the pack folder
Colour = Annotated[str, "colour"]  # #rrggbb

FiveA = Literal["anderen-betrekken", "afleiden", "afzonderen", "aanspreken", "aanwezig-blijven"]
FIVE_AS: tuple[str, ...] = FiveA.__args__  # type: ignore[attr-defined]


def doc(text: str, default: Any = ..., factory: Any = None) -> Any:
    """A field with a description for the JSON Schema (and so for the author's editor)."""
    meta = {"doc": text}
    if factory is not None:
        return field(default_factory=factory, metadata=meta)
    if default is ...:
        return field(metadata=meta)
    return field(default=default, metadata=meta)


POS = field(default=NOWHERE, compare=False, repr=False, metadata={"internal": True})


def key_places() -> Any:
    """Where each key of the node was written (and `effects.N` for each effect), so a finding can point
    at the `image:` or `start:` line rather than the start of the block. Filled by the loader."""
    return field(default_factory=dict, compare=False, repr=False, metadata={"internal": True})


# --- common -------------------------------------------------------------------------------------


@dataclass(slots=True)
class Audience:
    group: Literal["children", "pupils", "professionals", "adults"] = doc("who plays or uses it")
    age_min: int | None = doc("youngest age", None)
    age_max: int | None = doc("oldest age", None)
    label: Text | None = doc("how the audience is described to a trainer", None)
    pos: Pos = POS


@dataclass(slots=True)
class Variable:
    """A value the story tracks. Meters are shown as bars; flags are yes/no (0 or 1)."""

    id: Id = doc("name used in effects and conditions, e.g. safety")
    label: Text | None = doc("what the player sees beside the bar", None)
    kind: Literal["meter", "counter", "flag"] = doc("meter: a bar with a range; counter: hidden; flag: 0/1", "meter")
    min: int = doc("lowest value", 0)
    max: int = doc("highest value", 10)
    start: int = doc("value when a situation starts", 0)
    good: Literal["high", "low"] = doc("whether a high value is good news", "high")
    pos: Pos = POS
    places: dict[str, Pos] = key_places()


# --- story packs ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Character:
    id: Id = doc("stable id, used as a scene's speaker")
    name: Text = doc("name shown above what the character says")
    role: Text | None = doc("e.g. 'your friend', 'your mother'", None)
    image: AssetPath | None = doc("portrait (SVG or PNG) inside the pack", None)
    pos: Pos = POS
    places: dict[str, Pos] = key_places()


@dataclass(slots=True)
class Choice:
    id: Id = doc("stable id within the scene")
    label: Text = doc("what the player can choose")
    target: Id = doc("id of the scene this choice leads to")
    effects: list[Effect] = doc("changes to variables, e.g. 'trust += 1'", factory=list)
    condition: Condition | None = doc("only offered when this holds, e.g. 'trust >= 3 and not told'", None)
    once: bool = doc("offered only once per play-through (otherwise it stays available)", False)
    feedback: Text | None = doc("the consequence shown right after choosing", None)
    impact: Text | None = doc("more of the impact, revealed when the situation is replayed", None)
    points: int = doc("added to the score when chosen", 0)
    five_a: FiveA | None = doc("which of the 5 A's this choice practises", None)
    pos: Pos = POS
    places: dict[str, Pos] = key_places()


@dataclass(slots=True)
class Ending:
    score: int = doc("score for reaching this ending (0-100), before choice points")
    verdict: Text = doc("one line: how it ended")
    helps: Text = doc("what really helps in this situation (linked to the 5 A's)")
    kind: Literal["good", "mixed", "bad"] = doc("how the ending is framed", "mixed")
    five_as: list[FiveA] = doc("the 5 A's this ending illustrates", factory=list)
    debrief: list[Text] = doc("questions for the class after this ending", factory=list)
    unlocks: list[Id] = doc("ids of the situation's unlocks revealed by reaching this ending", factory=list)
    helplines: list[Id] = doc(
        "ids of help lines (assets/helplines.yaml) that fit this ending's theme, at least one per pack "
        "language; the ending screen shows those for the player's language and region", factory=list)
    pos: Pos = POS
    places: dict[str, Pos] = key_places()


@dataclass(slots=True)
class Scene:
    id: Id = doc("stable id within the situation")
    text: Text = doc("what happens or is said")
    speaker: Id | None = doc("id of the character who speaks (none: the narrator)", None)
    image: AssetPath | None = doc("illustration (SVG or PNG) inside the pack", None)
    choices: list[Choice] = doc("2-4 reactions the player can choose", factory=list)
    next: Id | None = doc("scene that follows when there are no choices", None)
    effects: list[Effect] = doc("changes applied when the scene is shown", factory=list)
    ending: Ending | None = doc("makes this scene an ending", None)
    pos: Pos = POS
    places: dict[str, Pos] = key_places()


@dataclass(slots=True)
class Unlock:
    """Something replay reveals: another character's perspective or an explanation."""

    id: Id = doc("stable id, named in an ending's unlocks")
    kind: Literal["perspective", "explanation"] = doc("what is revealed")
    title: Text = doc("short title in the situation menu")
    text: Text = doc("the perspective or explanation itself")
    character: Id | None = doc("whose perspective it is", None)
    pos: Pos = POS
    places: dict[str, Pos] = key_places()


@dataclass(slots=True)
class Situation:
    id: Id = doc("stable id of the situation")
    title: Text = doc("title in the situation menu")
    summary: Text = doc("one or two sentences shown before playing")
    scenes: list[Scene] = doc("the scenes; endings are scenes with an `ending`")
    start: Id | None = doc("first scene (default: the first in the list)", None)
    themes: list[Id] = doc("themes, e.g. partner-control", factory=list)
    content_notes: Text | None = doc("what the situation touches on, announced before play", None)
    image: AssetPath | None = doc("cover illustration", None)
    characters: list[Character] = doc("people in the situation", factory=list)
    unlocks: list[Unlock] = doc("what replaying reveals", factory=list)
    debrief: list[Text] = doc("questions for the class about the whole situation", factory=list)
    five_as: list[FiveA] = doc("the 5 A's this situation is about", factory=list)
    variables: list[Variable] = doc("variables used only in this situation (e.g. flags)", factory=list)
    languages: list[Lang] = doc(
        "languages this situation is written in, when not yet all of the pack's (the others fall back, "
        "and `barst translate status` still lists them)", factory=list)
    pos: Pos = POS
    places: dict[str, Pos] = key_places()


# --- board packs ----------------------------------------------------------------------------------

CardType = Literal["true_false", "multiple_choice", "case", "quote", "what_would_you_do"]
CARD_TYPES: tuple[str, ...] = CardType.__args__  # type: ignore[attr-defined]
CLOSED_CARD_TYPES = ("true_false", "multiple_choice")


@dataclass(slots=True)
class Option:
    id: Id = doc("stable id of the option, e.g. a")
    text: Text = doc("the option")
    correct: bool = doc("whether this option is right", False)
    pos: Pos = POS


Community = Literal["flemish", "french", "german"]
COMMUNITIES: tuple[str, ...] = Community.__args__  # type: ignore[attr-defined]


@dataclass(slots=True)
class CardVariant:
    """What one Community's edition says instead of the card's own fields: its routes, services, sources.
    A field left out here is the card's own field. The card's own fields are the pack's first edition's
    (as the first language is the source language), so that edition needs no variant."""

    prompt: Text | None = doc("the statement, question, case or quote in this Community's edition", None)
    question: Text | None = doc("the question asked about a case or quote", None)
    answer: bool | None = doc("true/false cards: whether the statement is true here", None)
    options: list[Option] = doc("multiple-choice cards: the options here (replace all of them)", factory=list)
    points: list[Text] = doc("open cards: the points a good answer touches here", factory=list)
    model_answer: Text | None = doc("open cards: an example of a good answer here", None)
    explanation: Text | None = doc("why; shown after answering", None)
    source: str | None = doc("where this edition's facts come from", None)
    pos: Pos = POS


@dataclass(slots=True)
class CardVariants:
    """Per Community, what differs (child protection, youth aid and welfare are Community matters in
    Belgium; the Criminal Code, the police and 112 are federal and stay in the card's own fields)."""

    flemish: CardVariant | None = doc("the Flemish Community (Flanders, Dutch-speaking Brussels)", None)
    french: CardVariant | None = doc("the French Community, FWB (Wallonia, French-speaking Brussels)", None)
    german: CardVariant | None = doc("the German-speaking Community (Ostbelgien)", None)
    pos: Pos = POS

    def get(self, community: str) -> CardVariant | None:
        found: CardVariant | None = getattr(self, community, None) if community in COMMUNITIES else None
        return found


@dataclass(slots=True)
class Card:
    id: Id = doc("stable id of the card")
    prompt: Text = doc("the statement, question, case or quote")
    deck: Id | None = doc("deck id (default: the file's deck)", None)
    question: Text | None = doc("the question asked about a case or quote", None)
    quote_by: Text | None = doc("who says the quote (fictional, e.g. 'a mother of two')", None)
    answer: bool | None = doc("true/false cards: whether the statement is true", None)
    options: list[Option] = doc("multiple-choice cards: the options", factory=list)
    points: list[Text] = doc("open cards: the points a good answer touches", factory=list)
    model_answer: Text | None = doc("open cards: an example of a good answer", None)
    explanation: Text | None = doc("why; shown after answering", None)
    source: str | None = doc("where a factual claim comes from (a site, law article or study)", None)
    themes: list[Id] = doc("themes, e.g. child-abuse, partner-violence, elder-abuse, neglect", factory=list)
    variants: CardVariants | None = doc("what differs by Community (flemish, french, german), written once per "
                                        "Community; the card's own fields are the first edition's and are "
                                        "shared by every edition that has no variant", None)
    communities: list[Community] = doc("only in the editions of these Communities (default: every edition)",
                                       factory=list)
    mentions: list[Community] = doc("Communities whose services this card names on purpose in another "
                                    "Community's edition (a contrast, or a line in the caller's language)",
                                    factory=list)
    pos: Pos = POS
    places: dict[str, Pos] = key_places()  # where each field's key is, so findings point at that line


@dataclass(slots=True)
class CardFile:
    """A content file of a board pack: cards that share a deck."""

    cards: list[Card] = doc("the cards")
    deck: Id | None = doc("deck of every card in this file", None)
    pos: Pos = POS


@dataclass(slots=True)
class Deck:
    id: Id = doc("stable id of the deck")
    type: CardType = doc("what kind of card the deck holds")
    title: Text = doc("name of the deck")
    colour: Colour = doc("colour of the deck's squares and cards (#rrggbb)", "#0072B2")
    icon: Id = doc("icon name shown with the colour", "card")
    pos: Pos = POS


@dataclass(slots=True)
class SquareKind:
    id: Id = doc("stable id, used in the board's path")
    label: Text = doc("what the square says")
    deck: Id | None = doc("landing here draws a card from this deck", None)
    special: Literal["none", "start", "finish", "skip", "ahead", "back", "everyone", "choose"] = doc(
        "special effect: skip a turn, move ahead/back `amount`, everyone answers, team chooses a deck", "none"
    )
    amount: int = doc("squares to move for ahead/back", 0)
    colour: Colour | None = doc("colour (default: the deck's)", None)
    icon: Id | None = doc("icon name (default: the deck's)", None)
    pos: Pos = POS
    places: dict[str, Pos] = key_places()  # where each field's key is, so findings point at that line


@dataclass(slots=True)
class Board:
    squares: list[Id] = doc("the path from start to the front door, as square-kind ids")
    square_kinds: list[SquareKind] = doc("the kinds of square used in the path")
    pos: Pos = POS
    places: dict[str, Pos] = key_places()  # where each field's key is, so findings point at that line


@dataclass(slots=True)
class Scoring:
    correct: int = doc("points for a right answer", 2)
    partly: int = doc("points for a partly right answer", 1)
    wrong: int = doc("points for a wrong answer", 0)
    finish: int = doc("bonus for reaching the front door", 3)
    pos: Pos = POS
    places: dict[str, Pos] = key_places()  # where each field's key is, so findings point at that line


@dataclass(slots=True)
class Rules:
    teams_min: int = doc("fewest teams", 2)
    teams_max: int = doc("most teams", 6)
    dice_sides: int = doc("sides of the die", 6)
    rounds: int | None = doc("number of rounds (none: play until the end condition)", None)
    time_limit_minutes: int | None = doc("time limit for the whole game", None)
    win: Literal["most_points", "first_home"] = doc("how the game is won", "most_points")
    end: Literal["first_home", "all_home", "rounds"] = doc("when the game ends", "first_home")
    scoring: Scoring = doc("points", factory=Scoring)
    pos: Pos = POS
    places: dict[str, Pos] = key_places()  # where each field's key is, so findings point at that line


@dataclass(slots=True)
class KeyMessage:
    """One line of the board game's end screen ("key messages"): a route or a rule worth remembering."""

    id: Id = doc("stable id within the edition (or the pack), so a translation keeps to its message")
    text: Text = doc("what to remember, in each language the edition is played in; write no phone number "
                     "here, name the line in `helplines` instead")
    helplines: list[Id] = doc("ids of help lines (assets/helplines.yaml) whose numbers the end screen puts "
                              "before the text", factory=list)
    pos: Pos = POS


@dataclass(slots=True)
class Edition:
    """One Community's version of a board pack: the shared cards plus that Community's variants."""

    id: Id = doc("stable id, e.g. vlaanderen or wallonie-bruxelles")
    community: Community = doc("whose institutions and routes the cards teach: flemish, french or german")
    label: Text = doc("how `barst packs` and the setup screen name the edition, in each language")
    languages: list[Lang] = doc("languages the edition is played in; the first is its own")
    region: Literal["flanders", "wallonia", "brussels", "ostbelgien"] = doc(
        "region whose help lines the emergency exit shows", "flanders")
    key_messages: list[KeyMessage] = doc("what the end screen lists to remember in this edition (its own "
                                         "Community's services), before the pack's shared ones", factory=list)
    pos: Pos = POS


# --- the pack -------------------------------------------------------------------------------------


@dataclass(slots=True)
class Pack:
    id: Id = doc("stable id of the pack")
    kind: Literal["story", "board"] = doc("story: situations with choices; board: a board with card decks")
    title: Text = doc("title of the game")
    languages: list[Lang] = doc("languages the pack is written in; the first is the source language")
    audience: Audience = doc("who it is for")
    description: Text | None = doc("a few sentences for the trainer", None)
    fallback: list[Lang] = doc("order to fall back in when a text is missing (default: languages)", factory=list)
    themes: list[Id] = doc("themes", factory=list)
    content_notes: Text | None = doc("what the whole pack touches on", None)
    duration_minutes: int | None = doc("estimated duration of a session", None)
    region: Literal["flanders", "wallonia", "brussels", "ostbelgien"] = doc(
        "default region for help lines (ostbelgien: the German-speaking Community)", "flanders")
    variables: list[Variable] = doc("story packs: variables shared by all situations", factory=list)
    decks: list[Deck] = doc("board packs: card decks", factory=list)
    board: Board | None = doc("board packs: the board", None)
    rules: Rules | None = doc("board packs: the rules", None)
    editions: list[Edition] = doc("board packs: one edition per Community (cards' `variants` fill in what "
                                  "differs); none: one edition for everyone", factory=list)
    key_messages: list[KeyMessage] = doc("board packs: what the end screen lists to remember, for every "
                                         "edition (an edition adds its own first); none: the help lines of "
                                         "the pack's region", factory=list)
    pos: Pos = POS
    # Filled from the pack's other files, not from pack.yaml:
    situations: list[Situation] = field(default_factory=list, metadata={"internal": True})
    cards: list[Card] = field(default_factory=list, metadata={"internal": True})
    folder: str = field(default="", metadata={"internal": True})
    files: list[str] = field(default_factory=list, metadata={"internal": True})
    edition: Edition | None = field(default=None, metadata={"internal": True})  # set by barst.editions.resolve

    def fallback_order(self) -> list[str]:
        return list(self.fallback or self.languages)

    def situation(self, situation_id: str) -> Situation:
        for situation in self.situations:
            if situation.id == situation_id:
                return situation
        raise KeyError(situation_id)

    def variable(self, name: str) -> Variable | None:
        return next((v for v in self.variables if v.id == name), None)

    def deck(self, deck_id: str) -> Deck | None:
        return next((d for d in self.decks if d.id == deck_id), None)

    def cards_in(self, deck_id: str) -> list[Card]:
        return [card for card in self.cards if card.deck == deck_id]


def scene_map(situation: Situation) -> dict[str, Scene]:
    return {scene.id: scene for scene in situation.scenes}


def start_scene(situation: Situation) -> str | None:
    if situation.start:
        return situation.start
    return situation.scenes[0].id if situation.scenes else None


# --- help lines -----------------------------------------------------------------------------------

Region = Literal["flanders", "wallonia", "brussels", "netherlands", "ostbelgien"]
REGIONS: tuple[str, ...] = Region.__args__  # type: ignore[attr-defined]
LINK_SCHEMES = ("tel:", "https:", "mailto:", "sms:")


@dataclass(slots=True)
class HelpLine:
    id: Id = doc("stable id")
    name: Text = doc("name of the line")
    number: str = doc("the number as people dial it, e.g. '0800 30 030'")
    links: list[str] = doc("tel:, https:, mailto: or sms: links; the first opens the line")
    regions: list[Region] = doc("where the line serves people")
    languages: list[Lang] = doc("languages the line answers in")
    audience: Text = doc("for whom")
    hours: Text = doc("when it can be reached")
    source: str = doc("where these facts come from")
    checked: str = doc("date the entry was last compared with its source (YYYY-MM-DD)")
    short: bool = doc("a short number that works only from a Belgian phone", False)
    topics: list[Id] = doc("what it helps with", factory=list)
    free: bool = doc("free of charge", True)
    anonymous: bool = doc("callers may stay anonymous", False)
    emergency: bool = doc("an emergency number (112, 101)", False)
    note: Text | None = doc("a caveat, e.g. hours that differ between sources", None)
    wallet_name: Text | None = doc("a neutral name for wallet cards, which someone else may find in a pocket "
                                   "(default: the name)", None)
    pos: Pos = POS

    def tel_link(self) -> str | None:
        return next((link for link in self.links if link.startswith("tel:")), None)

    def web_link(self) -> str | None:
        return next((link for link in self.links if link.startswith("https:")), None)


@dataclass(slots=True)
class HelpLineFile:
    helplines: list[HelpLine] = doc("the help lines")
    pos: Pos = POS
