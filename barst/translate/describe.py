"""Translator comments for a pack's texts: where a text appears, who says it, how much fits on screen.

Written in English (the working language of translation tools), one short line each, so Poedit and
Weblate show them beside the text.
"""

from __future__ import annotations

from typing import Protocol

from barst.model import Card, Character, Pack, Scene, Situation
from barst.play.metrics import ROLES, Role
from barst.text import Text
from barst.textfit import fits_on_screen, text_width


def describe(pack: Pack) -> dict[str, list[str]]:
    """address -> comment lines for every text of the pack the model knows the place of."""
    out: dict[str, list[str]] = {}

    def note(text: Text | None, where: str, role: str | None = None, who: str | None = None) -> None:
        if text is None or not text.key:
            return
        lines = [where]
        if who:
            lines.append(f"Spoken by {who}.")
        source = text.values.get(pack.languages[0], "")
        if role is not None and source:
            lines.append(fit_note(source, role))
        out[text.key] = lines

    source = pack.languages[0]
    note(pack.title, "Title of the game.")
    note(pack.description, "Description of the game for the trainer.")
    note(pack.content_notes, "What the whole game touches on, announced before play.")
    if pack.audience.label is not None:
        note(pack.audience.label, "Who the game is for, as told to the trainer.")
    for variable in pack.variables:
        note(variable.label, f"Name of the meter '{variable.id}' shown beside its bar.")
    for situation in pack.situations:
        _situation(situation, source, note)
    for deck in pack.decks:
        note(deck.title, f"Name of the card deck '{deck.id}'.")
    if pack.board is not None:
        for kind in pack.board.square_kinds:
            note(kind.label, f"What a board square of kind '{kind.id}' says.")
    for card in pack.cards:
        _card(card, note)
    return out


SAMPLE_MAX = 4000  # the longest sample tried, in characters: far more than any box holds


def fit_note(source: str, role: str) -> str:
    """How long a translation may be: the longest text in the style of the source that fits the box."""
    spec = ROLES[role]
    longest = longest_fitting(source.split() or ["text"], role)
    return (f"Fits on screen at 1280x720 (default text size): about {longest} characters "
            f"({spec.lines} line{'s' if spec.lines != 1 else ''}); the source has {len(source)}.")


def longest_fitting(words: list[str], role: str) -> int:
    """The length of the longest start (1 to SAMPLE_MAX characters) of `words` said over and over that
    fits the box of `role` (`fits_on_screen`); 1 when not even one character does.

    A longer start never fits where a shorter one does not, so the answer is where `fits_on_screen`
    turns false. Bisecting 1..4000 wrapped a dozen samples of up to 4000 characters a text (5 ms each:
    over 200 s of CPU for a 40,000-text pack). One greedy pass over word widths guesses the place
    instead, and a gallop from there with `fits_on_screen` itself settles it, mostly in two tries, so
    the note stays exactly what the bisection found."""
    stream = _repeated(words, SAMPLE_MAX)

    def fits(length: int) -> bool:
        return fits_on_screen(stream[:length], role)

    guess = min(max(_guess(stream, ROLES[role]), 1), SAMPLE_MAX)
    step = 1
    if fits(guess):
        low = guess
        while True:  # gallop up until a start does not fit
            if low == SAMPLE_MAX:
                return low
            high = min(low + step, SAMPLE_MAX)
            if not fits(high):
                break
            low, step = high, step * 2
    else:
        high = guess
        while True:  # gallop down until a start fits
            if high == 1:
                return 1
            low = max(high - step, 1)
            if fits(low):
                break
            high, step = low, step * 2
    while high - low > 1:  # `low` characters fit, `high` do not
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low


def _repeated(words: list[str], length: int) -> str:
    """`words` joined by spaces, over and over, to at least `length` characters (a short label is said
    a thousand times: joined whole, not word by word)."""
    once = " ".join(words)
    return " ".join([once] * (length // (len(once) + 1) + 1))


def _guess(stream: str, spec: Role) -> int:
    """Where greedy wrapping of `stream` runs out of the box's lines, from word widths alone (widths
    summed word by word may round apart from those `wrap` measures by a hair: only a guess)."""
    space = text_width(" ", spec.size, spec.bold)
    lines, used, at = 1, -1.0, 0  # used: the width on the current line, -1 while it is empty
    for word in stream.split(" "):
        width = text_width(word, spec.size, spec.bold)
        if used >= 0 and used + space + width <= spec.width:
            used += space + width
        elif used < 0 and width <= spec.width:
            used = width
        else:
            if used >= 0:  # the word goes to the next line; the last line takes what of it still fits
                if lines == spec.lines:
                    return at + _chars_within(word, spec.width - used - space, spec)
                lines += 1
            rest = word
            while text_width(rest, spec.size, spec.bold) > spec.width:  # wider than a line: cut in pieces
                cut = max(1, _chars_within(rest, spec.width, spec))
                if lines == spec.lines:
                    return at + len(word) - len(rest) + cut
                lines += 1
                rest = rest[cut:]
            used = text_width(rest, spec.size, spec.bold)
        at += len(word) + 1
    return len(stream)


def _chars_within(word: str, room: float, spec: Role) -> int:
    """How many of the first characters of `word` take at most `room` pixels."""
    total = 0.0
    for count, char in enumerate(word):
        total += text_width(char, spec.size, spec.bold)
        if total > room:
            return count
    return len(word)


def _situation(situation: Situation, source: str, note: _Note) -> None:
    title = situation.title.values.get(source, situation.id)
    where = f"Situation “{title}” ({situation.id})"
    names = {c.id: c for c in situation.characters}
    note(situation.title, f"{where}: its title in the menu.")
    note(situation.summary, f"{where}: the summary shown before playing.", "summary")
    note(situation.content_notes, f"{where}: what it touches on, announced before play.")
    for character in situation.characters:
        note(character.name, f"{where}: the name of a character ({character.id}).")
        note(character.role, f"{where}: who {character.name.values.get(source, character.id)} is to the player.")
    for index, question in enumerate(situation.debrief, 1):
        note(question, f"{where}: debrief question {index} for the class.", "debrief")
    for scene in situation.scenes:
        _scene(scene, where, names, source, note)
    for unlock in situation.unlocks:
        about = f"{where}, revealed on replay ({unlock.id})"
        note(unlock.title, f"{about}: its title.")
        note(unlock.text, f"{about}: the {unlock.kind} itself.", "unlock")


def _scene(scene: Scene, where: str, names: dict[str, Character], source: str, note: _Note) -> None:
    at = f"{where}, scene '{scene.id}'"
    speaker = names.get(scene.speaker or "")
    who = None
    if speaker is not None:
        name = speaker.name.values.get(source, speaker.id)
        role = speaker.role.values.get(source, "") if speaker.role else ""
        who = f"{name} ({role})" if role else name
    note(scene.text, f"{at}: what happens or is said." if who else f"{at}: told by the narrator.", "scene", who)
    for number, choice in enumerate(scene.choices, 1):
        about = f"{at}, choice {number} ({choice.id})"
        note(choice.label, f"{about}: what the player can choose (the player's own words).", "choice")
        note(choice.feedback, f"{about}: the consequence shown right after choosing.", "feedback")
        note(choice.impact, f"{about}: more of the impact, shown when the situation is replayed.", "feedback")
    ending = scene.ending
    if ending is not None:
        note(ending.verdict, f"{at}: one line saying how this {ending.kind} ending went.", "verdict")
        note(ending.helps, f"{at}: what really helps (the ending's lesson).", "helps")
        for index, question in enumerate(ending.debrief, 1):
            note(question, f"{at}: debrief question {index} after this ending.", "debrief")


def _card(card: Card, note: _Note) -> None:
    at = f"Card {card.id} ({card.deck}, {_card_kind(card)})"
    note(card.prompt, f"{at}: the statement, question, case or quote.", "card")
    note(card.question, f"{at}: the question asked about it.")
    note(card.quote_by, f"{at}: who says the quote (a fictional person).")
    for option in card.options:
        note(option.text, f"{at}: option {option.id}{' (the right one)' if option.correct else ''}.")
    for index, point in enumerate(card.points, 1):
        note(point, f"{at}: discussion point {index}.")
    note(card.model_answer, f"{at}: an example of a good answer.", "card")
    note(card.explanation, f"{at}: why; shown after answering.", "card")


def _card_kind(card: Card) -> str:
    if card.answer is not None:
        return "true or false"
    return "multiple choice" if card.options else "open question"


class _Note(Protocol):  # the shape of `note` above, for the helpers' signatures
    def __call__(self, text: Text | None, where: str, role: str | None = None, who: str | None = None) -> None: ...
