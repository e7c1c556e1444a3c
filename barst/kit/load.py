"""Read a kit file and check everything it refers to: pictures, icons, help lines, packs, sizes.

Every problem is a diagnostic (codes K001…) pointing at the kit file's line and field, never an
exception, so `barst check` and `barst kit` report the same findings the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path

from barst import paths, pictures
from barst.build import Context, build
from barst.check.common_rules import check_characters
from barst.diagnostics import BarstError, Pos, Report, display_path
from barst.helplines import HelpLines, load_helplines
from barst.kit import layout
from barst.kit.model import Back, Kit, KitCard, KitDeck, Page
from barst.links import link_problem
from barst.loader import load_pack
from barst.model import LINK_SCHEMES, HelpLine, Pack
from barst.packhead import resolve_pack
from barst.safefile import confined, read_bounded
from barst.text import KNOWN_LANGUAGES, Text
from barst.yamlload import load_file

KIT_REGIONS = ("flanders", "wallonia", "brussels", "ostbelgien")
PACK_PAGES = ("debrief", "five-as", "board")
MAX_QR_PER_CARD = 2


@dataclass(slots=True)
class LoadedKit:
    path: Path
    report: Report
    kit: Kit | None = None
    helplines: HelpLines | None = None
    packs: dict[str, Pack] = field(default_factory=dict)  # as written in the kit file → loaded pack

    def pack(self, name: str) -> Pack:
        return self.packs[name]


def asset(rel: str) -> Path:
    return paths.assets_dir() / rel


def icon_path(icon: str) -> Path:
    return paths.assets_dir() / "icons" / f"{icon}.svg"


def load_kit(path: Path) -> LoadedKit:
    report = Report()
    loaded = LoadedKit(path, report)
    shown = display_path(path)
    node = load_file(path, shown, report)
    if node is None:
        if not report.has_errors():  # an empty file: say so rather than exit 1 in silence
            report.error("K001", "the kit file is empty", Pos(shown, 1, 1),
                         "start from one of the shipped kits in kits/")
        return loaded
    if not node.is_map:
        report.error("K001", "a kit file is a mapping of keys (id, title, decks, …)", node.pos,
                     "start from one of the shipped kits in kits/")
        return loaded
    languages = node.value.get("languages")
    lang = "nl"
    if languages is not None and languages.is_seq and languages.value and languages.value[0].value in KNOWN_LANGUAGES:
        lang = languages.value[0].value
    texts: list[Text] = []
    kit: Kit | None = build(Kit, node, Context(report, lang, texts), "kit", use_id=False)
    check_characters(report, texts)
    if kit is None:
        return loaded
    loaded.kit = kit
    loaded.helplines = load_helplines()
    report.extend(loaded.helplines.report)
    _check_kit(loaded, kit)
    return loaded


def _check_kit(loaded: LoadedKit, kit: Kit) -> None:
    report = loaded.report
    _check_region(report, kit.region, kit.pos, "region")
    for edition in kit.editions:
        _check_region(report, edition.region, edition.pos, f"editions/{edition.id}.region")
        if edition.size is not None:
            try:
                layout.card_size(edition.size)
            except ValueError as exc:
                report.error("K003", f"editions/{edition.id}.size: {exc}", edition.pos, "e.g. size: 105x74")
        for lang in edition.languages:
            if lang not in kit.languages:
                report.error("K005", f"edition '{edition.id}' is in '{lang}', which is not in the kit's languages",
                             edition.pos, f"add {lang} to `languages:` or remove it from the edition")
    try:
        back_offset(kit.back_offset)
    except ValueError as exc:
        report.error("K012", f"back_offset '{kit.back_offset}': {exc}", kit.pos, "write it as x,y in mm, e.g. '0.5,-1'")
    try:
        layout.parse_mm(kit.gutter, "gutter", layout.MAX_GUTTER)
        layout.parse_mm(kit.home_bleed, "home_bleed", layout.MAX_HOME_BLEED)
        layout.parse_mm(kit.corners, "corners", layout.MAX_CORNER)
    except ValueError as exc:
        report.error("K012", f"{exc}", kit.pos, "e.g. gutter: 4, home_bleed: 2, corners: 3")
    _unique(report, [(d.id, d.pos) for d in kit.decks] + [(p.id, p.pos) for p in kit.pages], "deck or page")
    _check_texts(report, kit, list(kit.languages))
    for deck in kit.decks:
        _check_deck(loaded, kit, deck)
    for page in kit.pages:
        _check_page(loaded, kit, page)


def _check_region(report: Report, region: str, pos: Pos, where: str) -> None:
    if region not in KIT_REGIONS:
        report.error("K004", f"unknown region '{region}' in {where}", pos, f"use one of: {', '.join(KIT_REGIONS)}")


def _unique(report: Report, ids: list[tuple[str, Pos]], what: str) -> None:
    seen: set[str] = set()
    for item_id, pos in ids:
        if item_id in seen:
            report.error("K018", f"the {what} id '{item_id}' is used twice", pos, "give each one its own id")
        seen.add(item_id)


def _check_deck(loaded: LoadedKit, kit: Kit, deck: KitDeck) -> None:
    report = loaded.report
    where = f"decks/{deck.id}"
    try:
        size = layout.card_size(deck.size)
    except ValueError as exc:
        report.error("K003", f"{where}.size: {exc}", deck.pos,
                     f"use one of {', '.join(layout.CARD_SIZES)} or WxH in mm, e.g. 70x110")
        size = None
    if size is not None and kit.mode == "home":
        try:
            layout.impose(layout.PAPERS[kit.paper], size)
        except ValueError as exc:
            report.error("K013", f"{where}.size: {exc}", deck.pos, "choose a smaller size or shop mode")
    sources = sum([bool(deck.cards), deck.from_pack is not None, deck.helplines is not None])
    if sources != 1:
        report.error("K014", f"{where} needs exactly one of `cards`, `from_pack` or `helplines`", deck.pos,
                     "write the cards here, take them from a pack, or make a help-line card")
    if deck.copies < 1 or deck.copies > 100:
        report.error("K014", f"{where}.copies must be between 1 and 100", deck.pos, "e.g. copies: 10")
    if deck.icon:
        _check_file(report, icon_path(deck.icon), deck.pos, f"{where}.icon")
    _unique(report, [(c.id, c.pos) for c in deck.cards], "card")
    for card in deck.cards:
        _check_card(loaded, card, f"{where}/{card.id}")
    if deck.back is not None:
        _check_back(loaded, deck.back, f"{where}.back")
    printed = _printed_languages(report, kit, deck.languages, deck.pos, where)
    if deck.from_pack is not None:
        pack = _pack(loaded, deck.from_pack.pack, deck.from_pack.pos, f"{where}.from_pack.pack", "board")
        _check_pack_languages(report, pack, printed, deck.pos, where)
        if pack is not None and deck.from_pack.deck and pack.deck(deck.from_pack.deck) is None:
            report.error("K010", f"the pack '{pack.id}' has no deck '{deck.from_pack.deck}'", deck.from_pack.pos,
                         "decks: " + ", ".join(d.id for d in pack.decks))
        edition = deck.from_pack.edition
        if pack is not None and edition and all(e.id != edition for e in pack.editions):
            report.error("K010", f"the pack '{pack.id}' has no edition '{edition}'", deck.from_pack.pos,
                         "editions: " + (", ".join(e.id for e in pack.editions) or "none (leave `edition:` out)"))
    if deck.helplines is not None:
        for line_id in [*deck.helplines.lines, *deck.helplines.qr]:
            _helpline(loaded, line_id, deck.helplines.pos, f"{where}.helplines")
        if not kit.editions:
            report.error("K004", f"{where}: a help-line card needs `editions:` (region and languages)", deck.pos,
                         "add e.g. editions: [{id: flanders-nl, region: flanders, languages: [nl]}]")


def _check_card(loaded: LoadedKit, card: KitCard, where: str) -> None:
    report = loaded.report
    if card.picture:
        card.picture = _picture(loaded, card.picture, card.pos, f"{where}.picture")
    if card.link:
        check_link(report, card.link, card.pos, f"{where}.link")
    if card.picture is None and card.word is None and card.text is None:
        report.error("K014", f"{where} is empty", card.pos, "give it a picture and a word, or a text")


def _check_back(loaded: LoadedKit, back: Back, where: str) -> None:
    if back.picture:
        back.picture = _picture(loaded, back.picture, back.pos, f"{where}.picture")
    for line_id in back.qr:
        _helpline(loaded, line_id, back.pos, f"{where}.qr")
    if len(back.qr) > MAX_QR_PER_CARD:
        loaded.report.error("K017", f"{where}.qr: at most {MAX_QR_PER_CARD} QR codes fit on a card", back.pos,
                            "keep the two most important lines")


def _check_page(loaded: LoadedKit, kit: Kit, page: Page) -> None:
    report = loaded.report
    where = f"pages/{page.id}"
    printed = _printed_languages(report, kit, page.languages, page.pos, where)
    if page.kind in PACK_PAGES:
        if not page.pack:
            report.error("K009", f"{where}: a {page.kind} page takes its content from a pack", page.pos,
                         "add `pack: barst` (story) or `pack: achter-de-voordeur` (board)")
        else:
            kind = "board" if page.kind == "board" else "story"
            pack = _pack(loaded, page.pack, page.pos, f"{where}.pack", kind)
            _check_pack_languages(report, pack, printed, page.pos, where)
    if page.kind == "plan":
        total = sum(item.minutes or 0 for item in page.items)
        if page.minutes is None or total != page.minutes:
            report.error("K015", f"{where}: the steps add up to {total} minutes, the plan says {page.minutes}",
                         page.pos, "make the steps' minutes add up to `minutes:`")
    for item in page.items:
        if item.icon:
            _check_file(report, icon_path(item.icon), item.pos, f"{where}.items.icon")


def _check_texts(report: Report, node: object, langs: list[str]) -> None:
    """Every text the kit prints is written in every language it is printed in (a deck or page limited by
    its own `languages:` only in those): a missing one leaves a blank on the card without a word. A
    warning, so a kit being translated still builds in its finished languages."""
    if isinstance(node, Text):
        missing = [lang for lang in langs if not node.values.get(lang)]
        if missing and node.values:
            report.warning("K022", f"this text has no {', '.join(missing)}, so it prints blank in that kit (the "
                           f"kit is printed in {', '.join(langs)})", node.pos,
                           f"add `{missing[0]}: …` next to the other languages")
        return
    if isinstance(node, list):
        for item in node:
            _check_texts(report, item, langs)
        return
    if isinstance(node, (KitDeck, Page)) and node.languages:
        langs = [lang for lang in node.languages if lang in langs]
    if is_dataclass(node):
        for item in fields(node):
            if item.name != "pos":
                _check_texts(report, getattr(node, item.name), langs)


def _printed_languages(report: Report, kit: Kit, only: list[str], pos: Pos, where: str) -> list[str]:
    """The languages a page or deck is printed in: its own `languages:` (which must be the kit's), else all."""
    for lang in only:
        if lang not in kit.languages:
            report.error("K005", f"{where}.languages: '{lang}' is not one of the kit's languages", pos,
                         f"use some of {', '.join(kit.languages)}, or add {lang} to the kit's `languages:`")
    return [lang for lang in only if lang in kit.languages] if only else list(kit.languages)


def _check_pack_languages(report: Report, pack: Pack | None, printed: list[str], pos: Pos, where: str) -> None:
    """A kit prints only what is written in the language being built: a page or deck drawn from a pack
    that lacks one of its languages would come out in another language without a word."""
    if pack is None:
        return
    lacking = [lang for lang in printed if lang not in pack.languages]
    if lacking:
        listed = ", ".join(lacking)
        keep = [lang for lang in printed if lang in pack.languages]
        report.error("K021", f"{where}: the pack '{pack.id}' is not written in {listed}, so this would print "
                     f"another language in the {listed} kit", pos,
                     f"limit it with `languages: [{', '.join(keep)}]`, or translate the pack first")


def _check_file(report: Report, path: Path, pos: Pos, where: str) -> None:
    if not _present(path) or not path.is_file():  # a name too long for the file system is not there either
        report.error("K006", f"{where}: the picture {display_path(path)} does not exist", pos,
                     "check the name, or draw it and save it there as SVG")


def picture_roots(kit_file: Path) -> list[Path]:
    """Where a kit's pictures may come from: the shipped assets and the kit's own folder, nowhere else."""
    return [paths.assets_dir(), kit_file.parent]


def _picture(loaded: LoadedKit, written: str, pos: Pos, where: str) -> str | None:
    """The real path of a picture, once it is confined to `picture_roots` and its bytes pass the checks
    the PDF writer needs; the builder only ever sees this path. None (after a diagnostic) otherwise."""
    report = loaded.report
    roots = picture_roots(loaded.path)
    if "\x00" in written or Path(written).is_absolute() or ".." in Path(written).parts:
        report.error("K019", f"{where}: '{written[:80]}' leads outside the kit's folder and assets/", pos,
                     "give a path inside assets/ (e.g. pictures/emotions/happy.svg) or beside the kit file")
        return None
    candidates = [root / written for root in roots]
    found = next((c for c in candidates if _present(c)), None)
    if found is None:
        report.error("K006", f"{where}: the picture {written} does not exist in assets/ or beside the kit", pos,
                     "check the name, or draw it and save it there as SVG")
        return None
    real = confined(found, roots)
    if real is None:
        report.error("K019", f"{where}: '{written}' links to a file outside the kit's folder and assets/", pos,
                     "copy the picture into the kit's folder instead of linking to it")
        return None
    try:
        data = read_picture(real)
    except OSError as exc:
        report.error("K006", f"{where}: cannot read the picture {written} ({exc.strerror or exc})", pos,
                     "save it again as SVG or PNG")
        return None
    found_problem = pictures.problem(data, real.suffix) or _decode_problem(data, real.suffix)
    if found_problem:
        report.error("K020", f"{where}: {written}: {found_problem}", pos, "save it again as SVG or a smaller PNG")
        return None
    return str(real)


def _present(path: Path) -> bool:
    """Whether something (a file or a link, even a broken one) is at `path`; a name too long for the
    file system is simply not there."""
    try:
        return path.exists() or path.is_symlink()
    except (OSError, ValueError):
        return False


def read_picture(path: Path) -> bytes:
    """A picture's bytes as the builder embeds them: a regular file, bounded (OSError otherwise)."""
    return read_bounded(path, pictures.MAX_PICTURE_BYTES)


def _decode_problem(data: bytes, suffix: str) -> str | None:
    """Decode a raster picture the way the PDF writer will (Pillow, which fpdf2 uses), so a broken or
    cut-off file is found by `barst check` and not in the middle of a build. Its size is already bounded."""
    if suffix.lower() == ".svg":
        return None
    from io import BytesIO

    from PIL import Image

    try:
        with Image.open(BytesIO(data)) as image:
            image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return "the picture is broken or cut off"
    return None


def _helpline(loaded: LoadedKit, line_id: str, pos: Pos, where: str) -> HelpLine | None:
    assert loaded.helplines is not None
    line = loaded.helplines.by_id(line_id)
    if line is None:
        known = ", ".join(h.id for h in loaded.helplines.lines)
        loaded.report.error("K007", f"{where}: there is no help line '{line_id}'", pos, f"known lines: {known}")
        return None
    for link in line.links:
        problem = link_problem(link)
        if problem:
            loaded.report.error("K008", f"the help line '{line_id}' has the link '{link[:80]}', which a card may "
                                f"not print: {problem}", line.pos, f"use only real {', '.join(LINK_SCHEMES)} links")
    return line


def _pack(loaded: LoadedKit, name: str, pos: Pos, where: str, kind: str) -> Pack | None:
    if name in loaded.packs:
        return loaded.packs[name]
    try:
        folder = resolve_pack(name)
    except BarstError as exc:
        loaded.report.error("K009", f"{where}: {exc}", pos, "use a shipped pack name or a path to a pack folder")
        return None
    result = load_pack(folder)
    if result.pack is None or result.report.has_errors():
        loaded.report.error("K009", f"{where}: the pack '{name}' has errors", pos, f"run `barst check {folder}`")
        return None
    if result.pack.kind != kind:
        loaded.report.error("K010", f"{where}: '{name}' is a {result.pack.kind} pack, this needs a {kind} pack",
                            pos, "choose another pack")
        return None
    loaded.packs[name] = result.pack
    return result.pack


def check_link(report: Report, link: str, pos: Pos, where: str) -> bool:
    """The same test the help-line checker uses: the link must parse as a real URI (barst.links)."""
    problem = link_problem(link)
    if problem is None:
        return True
    report.error("K008", f"{where}: '{link[:80]}' is not a link a card may print: {problem}", pos,
                 f"use real {', '.join(LINK_SCHEMES)} links only, e.g. tel:1712 or https://www.awel.be")
    return False


def back_offset(text: str) -> tuple[float, float]:
    """The back offset in mm, as the builder will use it; ValueError with a reason otherwise ('nan,nan'
    passed the range test, since a comparison with NaN is always false, and broke the build)."""
    x, y = layout.parse_offset(text)
    if not (math.isfinite(x) and math.isfinite(y)):
        raise ValueError("the offset must be two numbers")
    return x, y


def text_in(text: Text | None, lang: str) -> str:
    """A kit prints only what is written in the language being built: no silent fallback to another."""
    if text is None:
        return ""
    return text.values.get(lang, "")
