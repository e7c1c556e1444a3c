"""Turn a checked kit into concrete content in one language (or one edition): card faces and page blocks.

This is where content is pulled from the packs and the help-line data, so nothing is typed twice. No
geometry here (see `plan`) and no PDF (see `pdf`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from barst.diagnostics import Pos
from barst.editions import for_play
from barst.kit.layout import card_size
from barst.kit.load import LoadedKit, asset, icon_path, text_in
from barst.kit.model import Edition, KitDeck, Page
from barst.kit.words import words
from barst.model import FIVE_AS, Card, HelpLine, Pack
from barst.text import Text

SEP = " / "  # between languages on a bilingual (Brussels) card


@dataclass(frozen=True, slots=True)
class Qr:
    payload: str
    number: str
    label: str
    note: str = ""  # e.g. "only from a Belgian phone" next to a short number


@dataclass(slots=True)
class Face:
    style: Literal["picture", "text", "back", "qr", "wallet"]
    colour: str
    label: str  # address for error messages: decks/<deck>/<card>
    pos: Pos
    icon: str | None = None  # file path
    deck_title: str = ""
    picture: str | None = None
    word: str = ""
    text: str = ""
    qrs: list[Qr] = field(default_factory=list)
    rows: list[tuple[str, str]] = field(default_factory=list)  # wallet front: number, what for
    footnoted: bool = False  # a wallet back: the front's footnote explains the short-number star


@dataclass(slots=True)
class CardJob:
    front: Face
    back: Face


@dataclass(slots=True)
class DeckJob:
    id: str
    title: str
    size: tuple[float, float]
    cards: list[CardJob]  # each design once
    copies: int = 1  # home printing repeats each design; a print shop gets the quantity in its job sheet

    def printed(self) -> list[CardJob]:
        """The cards as they go on home sheets: each design `copies` times, copies side by side."""
        return [job for job in self.cards for _ in range(self.copies)]


# Blocks of an A4 page; `plan.flow` places them.
@dataclass(frozen=True, slots=True)
class Heading:
    text: str


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    bold: bool = False
    size: float = 11.0
    icon: str | None = None


@dataclass(frozen=True, slots=True)
class Poster:
    """Few items in the largest type that fits the page: read from the back of a classroom."""

    items: tuple[tuple[str, str], ...]  # (title, text)
    colours: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # fractions of the text width
    row_height: float = 0.0  # > 0: fixed height (empty rows to write in)


@dataclass(frozen=True, slots=True)
class Square:
    number: int
    label: str
    colour: str
    icon: str | None


@dataclass(frozen=True, slots=True)
class BoardGrid:
    squares: tuple[Square, ...]


@dataclass(frozen=True, slots=True)
class QrList:
    qrs: tuple[Qr, ...]


Block = Heading | Para | Poster | Table | BoardGrid | QrList


@dataclass(slots=True)
class PageJob:
    id: str
    title: str
    blocks: list[Block]
    pos: Pos


@dataclass(slots=True)
class Content:
    title: str
    lang: str
    audience: str
    decks: list[DeckJob]
    pages: list[PageJob]
    langs: list[str] = field(default_factory=list)  # an edition's languages, printed side by side


# Okabe–Ito: safe for the common colour-vision deficiencies.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")


def compose(loaded: LoadedKit, lang: str, edition: Edition | None = None) -> Content:
    kit = loaded.kit
    assert kit is not None
    langs = list(edition.languages) if edition else [lang]
    region = edition.region if edition else kit.region
    decks: list[DeckJob] = []
    for deck in kit.decks:
        if not printed_in(deck.languages, lang):
            continue
        if deck.helplines is not None and edition is None:
            continue
        if deck.helplines is None and edition is not None:
            continue
        job = _deck(loaded, deck, langs, region)
        if edition is not None and edition.size:
            job.size = card_size(edition.size)
        decks.append(job)
    pages = [] if edition else [PageJob(p.id, text_in(p.title, lang), _blocks(loaded, p, lang, region), p.pos)
                                for p in kit.pages if printed_in(p.languages, lang)]
    title = SEP.join(text_in(kit.title, code) for code in langs)
    return Content(title, langs[0], kit.audience, decks, pages, langs)


def printed_in(only: list[str], lang: str) -> bool:
    """Whether a page or deck limited to `only` (empty: every language) is printed in `lang`."""
    return not only or lang in only


def _multi(text: Text | None, langs: list[str]) -> str:
    parts = [text_in(text, code) for code in langs]
    return SEP.join(dict.fromkeys(p for p in parts if p))  # identical words (e.g. names) once


def _deck(loaded: LoadedKit, deck: KitDeck, langs: list[str], region: str) -> DeckJob:
    title = _multi(deck.title, langs)
    icon = str(icon_path(deck.icon)) if deck.icon else None
    where = f"decks/{deck.id}"
    back_word = _multi(deck.back.word, langs) if deck.back and deck.back.word else title
    back_picture = str(asset(deck.back.picture)) if deck.back and deck.back.picture else icon
    back_qrs = [_qr(loaded, line_id, langs) for line_id in (deck.back.qr if deck.back else [])]
    jobs: list[CardJob] = []
    if deck.helplines is not None:
        jobs.append(_wallet(loaded, deck, langs, region, title))
    elif deck.from_pack is not None:
        pack = for_play(loaded.pack(deck.from_pack.pack), langs[0], deck.from_pack.edition)
        chosen = [d for d in pack.decks if deck.from_pack.deck in (None, d.id)]
        for pack_deck in chosen:
            for card in pack.cards_in(pack_deck.id):
                front_text, back_text = _pack_card(card, pack_deck.type, langs[0])
                ptitle = _multi(pack_deck.title, langs)
                picon = str(icon_path(pack_deck.icon)) if (icon_path(pack_deck.icon)).is_file() else icon
                label = f"{where}/{card.id}"
                jobs.append(CardJob(
                    Face("text", pack_deck.colour, label, deck.from_pack.pos, picon, ptitle, text=front_text),
                    Face("text", pack_deck.colour, label + " (back)", deck.from_pack.pos, picon,
                         f"{ptitle} · {words(langs[0])['answer']}", text=back_text)))
    else:
        for own in deck.cards:
            label = f"{where}/{own.id}"
            style: Literal["picture", "text"] = "picture" if own.picture else "text"
            front = Face(style, deck.colour, label, own.pos, icon, title,
                         picture=str(asset(own.picture)) if own.picture else None,
                         word=_multi(own.word, langs), text=_multi(own.text, langs))
            if style == "text":  # without a picture the word leads the text
                front.text = "\n".join(t for t in (front.word, front.text) if t)
            own_qrs = [Qr(own.link, own.link.split(":", 1)[1].lstrip("/"), "")] if own.link else []
            qrs = own_qrs or back_qrs
            if qrs:
                back = Face("qr", deck.colour, label + " (back)", own.pos, icon, back_word, qrs=qrs)
            else:
                word = _multi(own.back, langs) if own.back else back_word
                back = Face("back", deck.colour, label + " (back)", own.pos, back_picture, title, word=word)
            jobs.append(CardJob(front, back))
    return DeckJob(deck.id, title, card_size(deck.size), jobs, deck.copies)


def multi_word(langs: list[str], key: str) -> str:
    """One of the builder's own words in every language of a bilingual card, each once."""
    return SEP.join(dict.fromkeys(w for w in (words(code).get(key, "") for code in langs) if w))


def _qr(loaded: LoadedKit, line_id: str, langs: list[str]) -> Qr:
    assert loaded.helplines is not None
    line = loaded.helplines.by_id(line_id)
    assert line is not None, "checked by load"
    target = line.tel_link() or line.links[0]
    note = multi_word(langs, "short_number") if line.short and not line.emergency else ""
    return Qr(target, line.number, _line_name(line, langs), note)


def _line_name(line: HelpLine, langs: list[str], wallet: bool = False) -> str:
    name = _multi(line.wallet_name if wallet and line.wallet_name else line.name, langs) or line.number
    # A name that starts with its own number ("1712 — Hulplijn …") need not repeat it next to the number.
    for prefix in (f"{line.number} — ", f"{line.number} - "):
        name = SEP.join(part.removeprefix(prefix) for part in name.split(SEP))
    return name


def _wallet(loaded: LoadedKit, deck: KitDeck, langs: list[str], region: str, title: str) -> CardJob:
    assert deck.helplines is not None and loaded.helplines is not None
    serving = {line.id for code in langs for line in loaded.helplines.select(region, code)}
    rows: list[tuple[str, str]] = []
    for line_id in deck.helplines.lines:
        line = loaded.helplines.by_id(line_id)
        if line is None or line_id not in serving:
            continue
        short = " *" if line.short and not line.emergency else ""
        rows.append((line.number + short, _line_name(line, langs, wallet=True)))
    heading = _multi(deck.helplines.title, langs) or title
    qrs = [_qr(loaded, line_id, langs) for line_id in deck.helplines.qr if line_id in serving][:2]
    label = f"decks/{deck.id}"
    front = Face("wallet", deck.colour, label, deck.helplines.pos, None, heading, rows=rows,
                 word="* " + multi_word(langs, "short_number") if any(r[0].endswith("*") for r in rows) else "")
    back = Face("qr", deck.colour, label + " (back)", deck.helplines.pos, None, heading, qrs=qrs,
                footnoted=bool(front.word))
    return CardJob(front, back)


def _pack_card(card: Card, deck_type: str, lang: str) -> tuple[str, str]:
    w = words(lang)
    fallback = (lang,)

    def t(text: Text | None) -> str:
        return text.get(lang, fallback) if text is not None else ""

    front = [t(card.prompt)]
    if card.quote_by is not None:
        front.append(f"— {t(card.quote_by)}")
    if card.question is not None:
        front.append(t(card.question))
    for index, option in enumerate(card.options):
        front.append(f"{chr(65 + index)}. {t(option.text)}")
    back: list[str] = []
    if deck_type == "true_false" and card.answer is not None:
        back.append(w.get("answer_true", "✓") if card.answer else w.get("answer_false", "✗"))
    correct = [f"{chr(65 + i)}. {t(o.text)}" for i, o in enumerate(card.options) if o.correct]
    back.extend(correct)
    if card.points:
        back.append(w["points"] + ": " + "; ".join(t(p) for p in card.points))
    if card.model_answer is not None and not card.points:
        back.append(t(card.model_answer))
    if card.explanation is not None:
        back.append(t(card.explanation))
    return "\n".join(front), "\n".join(back)


# --- A4 pages -----------------------------------------------------------------------------------------------

PRIVACY_PARTS = ("kept", "never", "why", "where", "delete")


def _blocks(loaded: LoadedKit, page: Page, lang: str, region: str) -> list[Block]:
    w = words(lang)
    blocks: list[Block] = []
    if page.intro is not None:
        blocks.append(Para(text_in(page.intro, lang)))
    if page.kind == "text":
        for item in page.items:
            if item.title is not None:
                blocks.append(Para(text_in(item.title, lang), bold=True, size=12))
            blocks.append(Para(text_in(item.text, lang), icon=str(icon_path(item.icon)) if item.icon else None))
    elif page.kind == "plan":
        rows, start = [], 0
        for item in page.items:
            end = start + (item.minutes or 0)
            heading = text_in(item.title, lang)
            rows.append((f"{start}–{end}", f"{heading}\n{text_in(item.text, lang)}" if heading else
                         text_in(item.text, lang)))
            start = end
        blocks.append(Table((w["minutes"], ""), tuple(rows), (0.14, 0.86)))
        blocks.append(Para(f"{w['total']}: {start} {w['minutes']}", bold=True))
    elif page.kind == "rules":
        rules = [w[key] for key in sorted(w) if key.startswith("rule_")]
        blocks.append(Poster(tuple(("", rule) for rule in rules), OKABE_ITO))
    elif page.kind == "five-as":
        pack = loaded.pack(page.pack or "")
        items = []
        for a in FIVE_AS:
            titles = [s.title.get(lang, pack.fallback_order()) for s in pack.situations if a in s.five_as]
            items.append((w.get(f"a_{a}", a), f"{w['practised_in']} {', '.join(titles)}" if titles else ""))
        blocks.append(Poster(tuple(items), OKABE_ITO))
    elif page.kind == "debrief":
        blocks.extend(_debrief(loaded.pack(page.pack or ""), lang))
    elif page.kind == "attendance":
        headers = tuple(text_in(c, lang) for c in page.columns)
        widths = tuple(1 / len(headers) for _ in headers) if headers else (1.0,)
        blocks.append(Table(headers, tuple(tuple("" for _ in headers) for _ in range(page.rows)), widths, 9.0))
    elif page.kind == "board":
        blocks.append(_board(loaded.pack(page.pack or ""), lang))
    elif page.kind == "privacy":
        # barst's own statement of what its session records hold (assets/ui/kit-LL.yaml): one text for every
        # kit, so it cannot drift from what the code keeps
        if page.intro is None:
            blocks.append(Para(w["privacy_intro"]))
        for part in PRIVACY_PARTS:
            blocks.append(Para(w[f"privacy_{part}_title"], bold=True, size=12))
            blocks.append(Para(w[f"privacy_{part}"]))
    elif page.kind == "helplines":
        assert loaded.helplines is not None
        # The emergency exit's own selection, so a French kit for Flanders lists the French lines too.
        qrs = [_qr(loaded, line.id, [lang]) for line in loaded.helplines.for_exit(region, lang)]
        blocks.append(QrList(tuple(qrs)))
    return blocks


def _debrief(pack: Pack, lang: str) -> list[Block]:
    order = pack.fallback_order()
    blocks: list[Block] = []
    for situation in pack.situations:
        questions = [q.get(lang, order) for q in situation.debrief]
        for scene in situation.scenes:
            if scene.ending is not None:
                questions.extend(q.get(lang, order) for q in scene.ending.debrief)
        if not questions:
            continue
        blocks.append(Para(situation.title.get(lang, order), bold=True, size=13))
        blocks.append(Para(situation.summary.get(lang, order), size=10))
        blocks.extend(Para(f"• {q}") for q in dict.fromkeys(questions))
    return blocks


def _board(pack: Pack, lang: str) -> BoardGrid:
    assert pack.board is not None
    order = pack.fallback_order()
    kinds = {k.id: k for k in pack.board.square_kinds}
    squares = []
    for number, kind_id in enumerate(pack.board.squares, start=1):
        kind = kinds[kind_id]
        deck = pack.deck(kind.deck) if kind.deck else None
        colour = kind.colour or (deck.colour if deck else "#FFFFFF")
        icon = kind.icon or (deck.icon if deck else None)
        path = icon_path(icon) if icon else None
        squares.append(Square(number, kind.label.get(lang, order), colour,
                              str(path) if path is not None and path.is_file() else None))
    return BoardGrid(tuple(squares))
