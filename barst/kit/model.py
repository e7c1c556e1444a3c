"""The kit file: what goes into a printable PDF. Field name = YAML key, as in `barst.model`.

No `from __future__ import annotations` here on purpose: `barst.build` resolves string annotations in
`barst.model`'s namespace, which does not know these classes; real annotation objects need no lookup.
Classes are therefore defined before the classes that use them.
"""

from dataclasses import dataclass
from typing import Literal

from barst.diagnostics import Pos
from barst.model import POS, AssetPath, Colour, Id, Lang, doc
from barst.text import Text

KitAudience = Literal["children", "pupils", "professionals", "adults"]
PageKind = Literal["text", "plan", "rules", "five-as", "debrief", "attendance", "board", "helplines", "privacy"]


@dataclass(slots=True)
class Edition:
    """One printed version of the kit: the help lines of a region in one or more languages."""

    id: Id = doc("stable id, e.g. flanders-nl")
    region: str = doc("whose help lines: flanders, wallonia, brussels or ostbelgien")
    languages: list[Lang] = doc("languages printed side by side, e.g. [nl, fr] for Brussels")
    size: str | None = doc("card size of this edition's help-line card, e.g. 105x74 for a bilingual card that "
                           "needs more room at 10 pt (default: the deck's size)", None)
    pos: Pos = POS


@dataclass(slots=True)
class Back:
    """What every card of a deck shows on its back."""

    word: Text | None = doc("a word or short title on the back (default: the deck title)", None)
    picture: AssetPath | None = doc("picture inside assets/, e.g. icons/star.svg", None)
    qr: list[Id] = doc("help-line ids whose QR codes go on the back", factory=list)
    pos: Pos = POS


@dataclass(slots=True)
class KitCard:
    id: Id = doc("stable id of the card")
    word: Text | None = doc("one or two words printed under the picture", None)
    text: Text | None = doc("a longer text (not for children who cannot read yet)", None)
    picture: AssetPath | None = doc("picture inside assets/, e.g. pictures/emotions/happy.svg", None)
    back: Text | None = doc("text on this card's back (replaces the deck's back word)", None)
    link: str | None = doc("a tel:, https:, mailto: or sms: link, printed as a QR code on the back", None)
    pos: Pos = POS


@dataclass(slots=True)
class FromPack:
    """Cards made from a board pack: the prompt on the front, the answer on the back."""

    pack: str = doc("a shipped pack name (e.g. achter-de-voordeur) or a path to a pack folder")
    deck: Id | None = doc("only the cards of this deck (default: every deck, in the pack's order)", None)
    edition: Id | None = doc("the pack's Community edition to print (default: the edition of the language "
                             "being built, so a French kit prints the French-speaking edition)", None)
    pos: Pos = POS


@dataclass(slots=True)
class HelpLineCard:
    """A wallet card listing help lines, made once per edition."""

    lines: list[Id] = doc("help-line ids in print order; a line that does not serve the edition is left out")
    qr: list[Id] = doc("help-line ids for QR codes on the back; the first two serving the edition are used",
                       factory=list)
    title: Text | None = doc("heading on the front", None)
    pos: Pos = POS


@dataclass(slots=True)
class KitDeck:
    id: Id = doc("stable id of the deck (a bookmark in the PDF)")
    title: Text = doc("name of the deck")
    size: str = doc("poker, bridge, tarot, mini, a6, a7, wallet, square, or WxH in mm like 70x110", "poker")
    colour: Colour = doc("deck colour (#rrggbb); use the Okabe–Ito palette", "#0072B2")
    icon: Id | None = doc("icon from assets/icons printed with the colour (never colour alone)", None)
    copies: int = doc("copies of each card", 1)
    cards: list[KitCard] = doc("the cards written in this file", factory=list)
    from_pack: FromPack | None = doc("cards taken from a board pack instead", None)
    helplines: HelpLineCard | None = doc("a help-line wallet card per edition instead", None)
    back: Back | None = doc("the back of every card (default: colour, icon and title)", None)
    languages: list[Lang] = doc("print this deck only in these of the kit's languages, e.g. [nl, fr] for cards "
                                "from a pack that has no German (default: every language)", factory=list)
    pos: Pos = POS


@dataclass(slots=True)
class Item:
    text: Text = doc("the text of the item")
    title: Text | None = doc("a short bold heading", None)
    minutes: int | None = doc("session plans: how long this step takes", None)
    icon: Id | None = doc("icon from assets/icons", None)
    pos: Pos = POS


@dataclass(slots=True)
class Page:
    """An A4 page of the trainer's pack. Some kinds fill themselves from a pack or from barst's own texts."""

    id: Id = doc("stable id (a bookmark in the PDF)")
    kind: PageKind = doc(
        "text: items as paragraphs; plan: a timed session plan; rules: the group rules poster; five-as: the "
        "5 A's poster; debrief: questions per situation of a story pack; attendance: a sheet to count "
        "participants; board: the board of a board pack; helplines: the help lines of the region; privacy: what "
        "the session report keeps and why, in the terms of the GDPR (barst's own words, in the kit's language)"
    )
    title: Text = doc("heading of the page")
    intro: Text | None = doc("a paragraph under the heading", None)
    items: list[Item] = doc("text and plan pages: the paragraphs or steps", factory=list)
    minutes: int | None = doc("plan pages: the session length; the steps must add up to it", None)
    pack: str | None = doc("debrief, five-as and board pages: the pack the content comes from", None)
    columns: list[Text] = doc("attendance pages: column headings", factory=list)
    rows: int = doc("attendance pages: number of empty rows", 12)
    languages: list[Lang] = doc("print this page only in these of the kit's languages, e.g. [de] for a plan "
                                "written for the German edition (default: every language)", factory=list)
    pos: Pos = POS


@dataclass(slots=True)
class Kit:
    id: Id = doc("stable id of the kit")
    title: Text = doc("title of the kit (PDF title and cover)")
    audience: KitAudience = doc("who reads the cards: sets the smallest type (children 18 pt, others 10 pt)")
    languages: list[Lang] = doc("languages the kit is written in; the first is the default")
    region: str = doc("default region for help lines: flanders, wallonia, brussels or ostbelgien", "flanders")
    editions: list[Edition] = doc("one PDF section per region and language (help-line cards)", factory=list)
    paper: Literal["a4", "letter"] = doc("paper for home printing", "a4")
    mode: Literal["home", "shop"] = doc("home: N-up with crop marks; shop: one card per page with bleed", "home")
    duplex: Literal["long", "short"] = doc("how the printer flips the sheet for the backs", "long")
    back_offset: str = doc("x,y in mm to move the backs by, read off the calibration sheet, e.g. '0.5,-1'", "0,0")
    calibration: bool = doc("add a calibration sheet to measure the back offset", False)
    gutter: str = doc("home: mm of paper between cards, e.g. 4 (0: butted, one cut serves two cards)", "0")
    home_bleed: str = doc("home: mm the backgrounds run past the cut line, so a small miscut or duplex drift "
                            "shows no white edge, e.g. 1.5 (the gutter is widened to twice that)", "0")
    fold: bool = doc("home: fronts and backs side by side on one side of the sheet, to fold, glue and cut "
                     "(for printers without duplex)", False)
    rotate: bool = doc("home: lay cards sideways when more fit on the sheet that way", True)
    corners: str = doc("home: radius in mm of rounded-corner guides at every card corner, e.g. 3 (0: none)", "0")
    registration: bool = doc("home: registration marks in the sheet corners for print-and-cut machines", False)
    cmyk: bool = doc("shop: convert the cards to CMYK PDF/X-4 (FOGRA39 coated), vectors and transparency kept", False)
    decks: list[KitDeck] = doc("card decks", factory=list)
    pages: list[Page] = doc("A4 pages (trainer's guide, posters, sheets)", factory=list)
    pos: Pos = POS
