"""B070: a text the player would cut ('…') or draw past its box, in a language of the pack, at a text size
the player offers (small, normal, large) at 1280x720.

The boxes are the screens' own (`barst.play.textboxes`), the drawing is the player's own shrinking and
wrapping (`barst.textfit.draw_box`), so a warning here is a text the class will not read whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from barst import editions
from barst.diagnostics import Pos, Report, display_path
from barst.helplines import HelpLines, for_ending
from barst.model import Card, Ending, Pack, Situation
from barst.play import metrics as M
from barst.play import textboxes as tb
from barst.play.i18n import UI_LANGUAGES, load_strings, ui_dir
from barst.play.metrics import GAP, TEXT_STEPS
from barst.text import Text
from barst.textfit import (
    Drawn,
    draw_box,
    draw_stack,
    font_px,
    line_bound,
    line_height,
    stack_surely_fits,
    surely_fits,
    text_width,
)

LARGEST = list(TEXT_STEPS)[-1]

# How one language's value of a text is drawn at a text step (the box may depend on both).
Draw = Callable[[str, str, str], Drawn]  # (lang, value, step) -> Drawn


@dataclass(slots=True)
class Probe:
    text: Text
    what: str
    draw: Draw
    key: object = None  # what makes two probes the same check (default: the same text in the same box kind)
    langs: tuple[str, ...] = ()  # the languages it is shown in (default: all it has)
    box: tb.Box | None = None  # a fixed box: most texts are cleared by a quick bound at the largest size
    quick: Callable[[str, str], bool] | None = None  # (lang, value): the same quick "yes" for other probes


def check_fit(pack: Pack, report: Report, helplines: HelpLines | None = None) -> None:
    probes = _story_probes(pack, helplines) if pack.kind == "story" else _board_probes(pack, helplines)
    seen: set[tuple[object, str, str]] = set()
    for probe in probes:
        for lang, value in probe.text.values.items():
            key = (probe.key or id(probe.text), lang, probe.what)
            if key in seen or not value.strip() or (probe.langs and lang not in probe.langs):
                continue
            seen.add(key)
            _warn(report, probe, lang, value)
    if pack.kind == "story":
        _check_group_rules(pack, report)


def _warn(report: Report, probe: Probe, lang: str, value: str) -> None:
    if probe.box is not None and surely_fits(value, probe.box, LARGEST):
        return
    if probe.quick is not None and probe.quick(lang, value):
        return
    failed = [(step, drawn) for step in TEXT_STEPS if not (drawn := probe.draw(lang, value, step)).fits]
    if not failed:
        return
    names = [step for step, _ in failed]
    steps = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    step, worst = failed[-1]  # the largest size: what must go for the text to fit at every size
    chars = f"{worst.cut} character{'s' if worst.cut != 1 else ''}"
    if worst.over:
        how = f"it runs {worst.over} px past its box even at {worst.px} px: about {chars} too long"
    elif worst.lines:
        how = (f"it needs {worst.lines} lines at {worst.px} px where {worst.room} fit: "
               f"about {chars} too long")
    else:
        how = f"no room is left for it: about {chars} too long"
    sizes = "text size" if len(failed) == 1 else "text sizes"
    report.warning("B070", f"the {probe.what} in '{lang}' does not fit at 1280x720 at {sizes} {steps} "
                   f"({how}{' at ' + step if len(failed) > 1 else ''})",
                   probe.text.value_pos.get(lang, probe.text.pos),
                   "shorten it" + (" or split the scene" if probe.what == "scene text" else ""))


def _fixed(text: Text | None, box: tb.Box) -> Iterator[Probe]:
    if text is not None:
        yield Probe(text, box.what, _boxed(box), box=box)


def _boxed(box: tb.Box) -> Draw:
    def draw(_lang: str, value: str, step: str) -> Drawn:
        return draw_box(value, box, step)

    return draw


# --- story packs ------------------------------------------------------------------------------------

def _story_probes(pack: Pack, helplines: HelpLines | None) -> Iterator[Probe]:
    yield from _fixed(pack.title, tb.pack_title())
    yield from _fixed(pack.description, tb.pack_description())
    for situation in pack.situations:
        yield from _situation_probes(pack, situation, helplines)


def _situation_probes(pack: Pack, situation: Situation, helplines: HelpLines | None) -> Iterator[Probe]:
    yield from _fixed(situation.title, tb.top_title())
    yield from _fixed(situation.title, tb.overview_title())
    yield from _fixed(situation.title, tb.menu_title(len(pack.situations), situation.image is not None))
    notes = situation.content_notes or situation.summary
    yield Probe(notes, "content notes in the content overview", _notes_draw(situation.title))
    for character in situation.characters:
        yield _speaker(character.name, character.role)
    for scene in situation.scenes:
        yield from _fixed(scene.text, tb.scene_text(bool(scene.choices)))
        for choice in scene.choices:
            yield from _fixed(choice.label, tb.choice_button())
            yield from _fixed(choice.label, tb.chosen_label())
            yield from _fixed(choice.feedback, tb.feedback())
            yield from _fixed(choice.impact, tb.impact())
        if scene.ending is not None:
            yield from _ending_probes(pack, situation, scene.ending, helplines)
    for unlock in situation.unlocks:
        yield from _fixed(unlock.title, tb.unlock_title())
        yield from _fixed(unlock.text, tb.unlock_text())
    for question in situation.debrief:
        yield from _fixed(question, tb.class_debrief(len(situation.debrief)))


def _notes_draw(title: Text) -> Draw:
    """The overview's notes get what the situation's title leaves of its card."""
    def draw(lang: str, value: str, step: str) -> Drawn:
        used = draw_box(title.get(lang), tb.overview_title(), step).used
        return draw_box(value, tb.overview_notes(used), step)

    return draw


def _speaker(name: Text, role: Text | None) -> Probe:
    """The speaker line is the name and the role together: the probe sits on the name."""
    box = tb.speaker_line()

    def draw(lang: str, value: str, step: str) -> Drawn:
        shown = f"{value} · {role.get(lang)}" if role is not None else value
        return draw_box(shown, box, step)

    return Probe(name, "speaker's name and role", draw)


def _ending_probes(pack: Pack, situation: Situation, ending: Ending, helplines: HelpLines | None) -> Iterator[Probe]:
    yield from _fixed(ending.verdict, tb.verdict())
    yield from _fixed(ending.helps, tb.helps())
    questions = ending.debrief or situation.debrief
    for question in ending.debrief:
        yield from _fixed(question, tb.ending_debrief(len(questions)))
    for question in situation.debrief if not ending.debrief else []:
        yield from _fixed(question, tb.ending_debrief(len(questions)))
    if helplines is None:
        return
    named = [line for name in ending.helplines if (line := helplines.by_id(name)) is not None]
    for lang in pack.languages:
        shown = for_ending(named, pack.region, lang)[:3]
        for line in shown:
            box = tb.helpline_name(len(shown))
            yield Probe(_only(line.name, lang), box.what, _boxed(box), (line.id, len(shown)), box=box)


def _only(text: Text, lang: str) -> Text:
    """The one language of a text that a screen shows (the ending strip shows the player's language)."""
    value = text.get(lang)
    return Text({lang: value}, text.pos, text.key, {lang: text.value_pos.get(lang, text.pos)})


def _check_group_rules(pack: Pack, report: Report) -> None:
    """The five group rules are interface words (assets/ui/<lang>.yaml), shown before every story."""
    box = tb.group_rule()
    for lang in pack.languages:
        if lang not in UI_LANGUAGES:
            continue
        words = load_strings(lang)
        path = ui_dir() / f"{lang}.yaml"
        for number in range(1, 6):
            key = f"rule_{number}"
            if key in words:
                pos = _line_of(path, key)
                probe = Probe(Text({lang: words[key]}, pos, key, {lang: pos}), box.what, _boxed(box))
                _warn(report, probe, lang, words[key])


def _line_of(path: Path, key: str) -> Pos:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{key}:"):
            return Pos(display_path(path), number, len(key) + 3)
    return Pos(display_path(path))


# --- board packs ------------------------------------------------------------------------------------

def _board_probes(pack: Pack, helplines: HelpLines | None = None) -> Iterator[Probe]:
    # The answer side keeps one row of verdicts whatever the number of answering teams (more than three
    # are drawn compact: symbol, mark and points), so the boxes are those of a turn with one team.
    teams = 1
    for edition in pack.editions:
        yield Probe(edition.label, "title and edition in the top bar", _title_draw(pack, edition.label),
                    langs=tuple(editions.resolve(pack, edition).languages))
    for deck in pack.decks:
        yield from _fixed(deck.title, tb.deck_title_line())
        yield from _fixed(deck.title, tb.choose_deck_button())
    for played in _editions(pack):
        for card in played.cards:
            kind = deck_of.type if (deck_of := played.deck(card.deck or "")) else "case"
            for probe in _card_probes(card, kind, teams):
                probe.langs = tuple(played.languages)  # an edition plays in its own languages only
                yield probe
        if helplines is not None:
            yield from _key_message_probes(played, helplines)


def _key_message_probes(played: Pack, helplines: HelpLines) -> Iterator[Probe]:
    """The end screen's key messages beside the ranking, all together, as the edition shows them (each
    with its help lines' numbers before it). Reported at the edition's first message."""
    from barst.keymessages import key_message_lines

    if not played.key_messages:
        return
    width, height = tb.key_messages_area()

    def sections(lang: str) -> list[tb.Section]:
        return [tb.Section("• " + line, M.FINAL_KEY_SIZE, headed=False)
                for line in key_message_lines(played, lang, helplines)]

    yield Probe(played.key_messages[0].text, "key messages on the end screen (all together)",
                lambda lang, _v, step: _together(draw_stack(sections(lang), width, height, step)),
                key=(played.id, "key messages"), langs=tuple(played.languages),
                quick=lambda lang, _v: stack_surely_fits(sections(lang), width, height, LARGEST))


def _title_draw(pack: Pack, label: Text) -> Draw:
    """The top bar of the board and the cards: "title — edition", beside the round and the time left
    (as in round 10, a long game's status)."""
    from barst.play.board.strings import tr

    rules = pack.rules

    def draw(lang: str, value: str, step: str) -> Drawn:
        parts = [tr(lang, "round_of", n=10, total=rules.rounds) if rules and rules.rounds else tr(lang, "round", n=10)]
        if rules and rules.time_limit_minutes:
            parts.append(tr(lang, "time_left", m=rules.time_limit_minutes))
        status = " · ".join(parts)
        status_px = draw_box(status, tb.board_status_line(), step).px
        status_w = text_width(status, status_px, True)
        title = f"{pack.title.get(lang)} — {value}"
        return draw_box(title, tb.board_title_line(min(status_w, tb.board_status_line().width)), step)

    return draw


def _editions(pack: Pack) -> list[Pack]:
    return [editions.resolve(pack, edition) for edition in pack.editions] or [pack]


def _card_probes(card: Card, kind: str, teams: int) -> Iterator[Probe]:
    options = len(card.options)
    # Open cards with points: the trainer may show the points beside the prompt, which narrows it.
    narrow = bool(card.points) and kind not in ("true_false", "multiple_choice")
    prompt_box = tb.card_prompt(kind, options, card.question is not None, narrow)
    yield from _fixed(card.prompt, prompt_box)
    if kind == "quote" and card.quote_by is not None:
        yield Probe(card.quote_by, "who says the quote", _quote_by_draw(tb.quote_by_line(kind, options, narrow)))
    if card.question is not None:
        yield Probe(card.question, "card question", _question_draw(card, kind, prompt_box, narrow))
    for option in card.options:
        yield from _fixed(option.text, tb.option_button(options))
    if kind in ("true_false", "multiple_choice"):
        yield from _closed_answer_probes(card, kind, teams)
    else:
        yield from _open_answer_probes(card, kind, teams, narrow)


def _quote_by_draw(box: tb.Box) -> Draw:
    from barst.play.board.strings import tr

    return lambda lang, value, step: draw_box(tr(lang, "quote_by", who=value), box, step)


def _question_draw(card: Card, kind: str, prompt_box: tb.Box, narrow: bool) -> Draw:
    def draw(lang: str, value: str, step: str) -> Drawn:
        used = draw_box(card.prompt.get(lang), prompt_box, step).used
        box = tb.card_question(kind, len(card.options), narrow, used, card.quote_by is not None)
        return draw_box(value, box, step)

    return draw


def _right_answer(card: Card, kind: str, lang: str) -> str:
    from barst.play.board.strings import tr

    if kind == "true_false":
        right = tr(lang, "answer_true") if card.answer else tr(lang, "answer_false")
    else:
        right = " · ".join(f"{o.id.upper()}: {o.text.get(lang)}" for o in card.options if o.correct)
    return tr(lang, "right_answer", answer=right)


def _closed_answer_probes(card: Card, kind: str, teams: int) -> Iterator[Probe]:
    """The answer side of a true/false or multiple-choice card: the right answer, then why and the source."""
    answer_box = tb.right_answer(teams)
    width, avail = tb.answer_area(teams)
    for option in card.options if kind == "multiple_choice" else []:
        if option.correct:
            yield Probe(option.text, "right answer on the answer side",
                        lambda lang, _value, step: draw_box(_right_answer(card, kind, lang), answer_box, step))
    if card.explanation is None:
        return

    def draw(lang: str, value: str, step: str) -> Drawn:
        used = draw_box(_right_answer(card, kind, lang), answer_box, step).used
        sections = [tb.Section(value, M.CARD_EXPLANATION_SIZE), tb.Section(card.source or "", M.CARD_SOURCE_SIZE)]
        return _together(draw_stack(sections, width, avail - used - 14, step))

    def quick(lang: str, value: str) -> bool:
        px = font_px(answer_box.size, LARGEST)
        right = _right_answer(card, kind, lang)
        if not surely_fits(right, answer_box, LARGEST):
            return False
        used = line_bound(right, round(answer_box.width), px, True) * line_height(px)
        sections = [tb.Section(value, M.CARD_EXPLANATION_SIZE), tb.Section(card.source or "", M.CARD_SOURCE_SIZE)]
        return stack_surely_fits(sections, width, avail - used - 14, LARGEST)

    yield Probe(card.explanation, "explanation with its source", draw, quick=quick)


def _open_answer_probes(card: Card, kind: str, teams: int, narrow: bool) -> Iterator[Probe]:
    """Front: the good points beside the prompt when shown. Answer side: the points on the left; the model
    answer, the explanation and the source on the right."""
    width, avail = tb.answer_area(teams)
    half = (width - 2 * GAP) / 2
    if card.points:
        first = card.points[0]
        front_w, front_h = tb.front_points_area(kind, len(card.options))

        def body(lang: str) -> str:
            return "\n".join("• " + point.get(lang) for point in card.points)

        def points(lang: str, size: float, w: float, h: float, step: str) -> Drawn:
            return _together(draw_stack([tb.Section(body(lang), size)], w, h, step))

        if narrow:
            yield Probe(first, "good points beside the card (all together)",
                        lambda lang, _v, step: points(lang, M.CARD_POINTS_SIZE, front_w, front_h, step),
                        quick=lambda lang, _v: stack_surely_fits([tb.Section(body(lang), M.CARD_POINTS_SIZE)],
                                                                 front_w, front_h, LARGEST))
        yield Probe(first, "good points on the answer side (all together)",
                    lambda lang, _v, step: points(lang, M.OPEN_POINTS_SIZE, half, avail, step),
                    quick=lambda lang, _v: stack_surely_fits([tb.Section(body(lang), M.OPEN_POINTS_SIZE)], half,
                                                             avail, LARGEST))
    owner = card.model_answer or card.explanation
    if owner is None:
        return

    def sections(lang: str) -> list[tb.Section]:
        return [tb.Section(card.model_answer.get(lang) if card.model_answer else "", M.OPEN_ANSWER_SIZE),
                tb.Section(card.explanation.get(lang) if card.explanation else "", M.OPEN_ANSWER_SIZE),
                tb.Section(card.source or "", M.OPEN_SOURCE_SIZE)]

    yield Probe(owner, "model answer, explanation and source (together)",
                lambda lang, _v, step: _together(draw_stack(sections(lang), half, avail, step)),
                quick=lambda lang, _v: stack_surely_fits(sections(lang), half, avail, LARGEST))


def _together(parts: list[Drawn]) -> Drawn:
    """One verdict for a stack: the last part's size and lines, and everything any part loses."""
    if not parts:
        return Drawn(0, 0, 0, 0.0)
    last = max(parts, key=lambda d: d.cut)
    return Drawn(last.px, last.lines, last.room, sum(d.used for d in parts), sum(d.cut for d in parts))
