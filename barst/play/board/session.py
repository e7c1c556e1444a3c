"""What the board game shows and how the trainer's commands drive the engine. No pygame here.

The session turns commands (strings like "roll", "die:4", "judge:partly", "stop") into engine actions,
keeps what only the screen needs (the setup being edited, the die animation, the trainer panel, the
emergency exit) and autosaves after every engine step. The pygame app maps keys, clicks and touches
to these commands, so the same session is driven by the window, by tests and by `barst shots`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from barst.engine import board as B
from barst.engine import events as ev
from barst.helplines import load_helplines
from barst.model import CLOSED_CARD_TYPES, Card, Deck, HelpLine, Pack
from barst.play.board import autosave
from barst.play.board.strings import LANGUAGES, tr

ROLL_SECONDS = 0.8  # the die tumbles this long
MOVE_SECONDS = 0.6  # then the pawn is shown on its new square before the card opens
COLOUR_NAMES = ("col_blue", "col_orange", "col_green", "col_pink", "col_red", "col_sky")
SYMBOL_NAMES = {symbol: f"sym_{symbol}" for symbol in B.DEFAULT_SYMBOLS}
MODES = ("time", "rounds", "door")
TEXT_SIZES = ("small", "normal", "large")
THEMES = ("normal", "contrast", "colourblind")
PANEL_ITEMS = ("add", "rename", "undo", "end", "theme", "text", "close")


@dataclass(slots=True)
class TeamDraft:
    name: str
    colour: int  # index in B.DEFAULT_COLOURS
    symbol: int  # index in B.DEFAULT_SYMBOLS


@dataclass(slots=True)
class Setup:
    """The setup screen being edited; the engine only hears about it when the game starts."""

    teams: list[TeamDraft]
    mode: str = "time"
    rounds: int = 8
    minutes: int = 75
    decks: list[str] = field(default_factory=list)  # decks switched on
    focus: int = 0
    editing: bool = False
    buffer: str = ""
    error: str = ""

    def fields(self, pack: Pack) -> list[str]:
        """Focusable fields top to bottom: team.N.name/colour/symbol, add, mode, amount, deck.ID, lang, start."""
        items: list[str] = []
        for index in range(len(self.teams)):
            items += [f"team.{index}.name", f"team.{index}.colour", f"team.{index}.symbol"]
        items += ["add", "mode"]
        if self.mode != "door":
            items.append("amount")
        items += [f"deck.{deck.id}" for deck in pack.decks]
        items += ["lang", "start"]
        return items


@dataclass(slots=True)
class Panel:
    focus: int = 0
    prompt: str = ""  # "", "add", "rename_pick", "rename"
    team: int = 0
    buffer: str = ""


@dataclass(slots=True)
class Animation:
    kind: str  # "roll"
    started: float
    value: int
    card_after: bool


class BoardSession:
    def __init__(self, pack: Pack, lang: str = "", save_file: Path | None = None, seed: int | None = None,
                 autosave_enabled: bool = True) -> None:
        self.pack = pack
        self.engine = B.BoardEngine(pack)
        choices = self.languages()
        self.lang = lang if lang in LANGUAGES else choices[0]
        self.save_file = save_file or autosave.save_path(pack.id)
        self.autosave_enabled = autosave_enabled
        self.autosave_failed = False  # the last save did not reach the disk
        self._exit_lines: dict[str, list[HelpLine]] = {}
        self._key_messages: dict[str, list[str]] = {}
        self.seed = seed if seed is not None else _fresh_seed()
        self.state = self.engine.new_state(self.seed)
        self.elapsed = 0.0
        self.now = 0.0
        self.setup = self._new_setup()
        self.resume_offer: autosave.Saved | None = None
        self.panel: Panel | None = None
        self.emergency = False
        self.black = False
        self.show_points = False
        self.animation: Animation | None = None
        self.message = ""  # one line about what just happened
        self.theme = "normal"
        self.text_size = "normal"
        self.quit = False
        self.last_events: list[ev.Event] = []
        self.last_save_elapsed = 0.0
        self.notice = ""  # one calm sentence about a save file that had to be kept aside
        self.exits = 0  # the emergency exit, counted for the session report (never who)
        if autosave_enabled:
            found = autosave.find(self.save_file, pack)
            self.resume_offer = found.saved
            if found.kept_aside is not None:
                key = "save_partly_kept" if found.partly else "state_kept_aside"
                self.notice = self.message = self.t(key, name=found.kept_aside.name)
            if found.blocked:  # unreadable and not movable: leave it alone rather than overwrite it
                self.autosave_enabled, self.autosave_failed = False, True

    # --- what is on screen ---

    def languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if lang in self.pack.languages] or ["nl"]

    def t(self, key: str, **values: object) -> str:
        return tr(self.lang, key, **values)

    def missing_language_note(self) -> str:
        """One sentence when the pack has no texts in the chosen language; "" otherwise."""
        from barst.play.i18n import missing_language_note

        return missing_language_note(self.lang, list(self.pack.languages), self.pack.fallback_order(),
                                     ("", "board-"))

    def exit_lines(self) -> list[HelpLine]:
        """The help lines of the emergency page: read once per language, not at every redraw."""
        if self._exit_lines.get(self.lang) is None:
            self._exit_lines[self.lang] = load_helplines().for_exit(self.pack.region, self.lang)
        return self._exit_lines[self.lang]

    def key_messages(self) -> list[str]:
        """The end screen's lines to remember, for the edition being played (barst.keymessages): read
        once per language, not at every redraw."""
        from barst.keymessages import key_message_lines

        if self._key_messages.get(self.lang) is None:
            self._key_messages[self.lang] = key_message_lines(self.pack, self.lang, load_helplines())
        return self._key_messages[self.lang]

    def text(self, value: object) -> str:
        """A pack text in the chosen language (with the pack's fallback order)."""
        from barst.text import Text, fallback_chain

        if isinstance(value, Text):
            return value.get(self.lang, fallback_chain(self.lang, self.pack.fallback_order()))
        return "" if value is None else str(value)

    @property
    def screen(self) -> str:
        """resume, setup, board, choose, card, result, final (overlays: panel, emergency, black)."""
        if self.resume_offer is not None:
            return "resume"
        phase = self.state.phase
        if phase == "setup":
            return "setup"
        if self.animation is not None:
            return "board"
        return {"roll": "board", "choose": "choose", "card": "card", "result": "result"}.get(phase, "final")

    def card(self) -> Card | None:
        return self.engine.current_card(self.state)

    def deck_of(self, card: Card) -> Deck | None:
        return self.pack.deck(card.deck or "")

    def card_type(self, card: Card) -> str:
        deck = self.deck_of(card)
        return deck.type if deck else "case"

    def is_closed(self, card: Card) -> bool:
        return self.card_type(card) in CLOSED_CARD_TYPES

    def answering_team(self) -> int:
        return self.state.pending[0] if self.state.pending else self.state.turn

    def time_left_minutes(self) -> int | None:
        limit = self.state.time_limit_minutes
        if limit is None:
            return None
        return max(0, int(limit - self.elapsed / 60 + 0.999))

    def wants_text(self) -> bool:
        if self.resume_offer is None and self.state.phase == "setup" and self.setup.editing:
            return True
        return self.panel is not None and self.panel.prompt in ("add", "rename")

    def seconds_to_next_minute(self) -> float | None:
        """While a timed game runs: seconds until the minutes left change (the top bar shows them)."""
        if self.state.time_limit_minutes is None or self.state.phase in ("setup", "over") or self.resume_offer:
            return None
        return 60 - self.elapsed % 60

    def busy(self) -> bool:
        """An animation runs: the loop must keep drawing frames."""
        return self.animation is not None

    # --- time ---

    def tick(self, now: float, dt: float) -> bool:
        """Advance clocks; returns True when the screen must be redrawn."""
        self.now = now
        changed = False
        if self.state.phase not in ("setup", "over") and self.resume_offer is None:
            before = self.time_left_minutes()
            self.elapsed += dt
            changed = before != self.time_left_minutes()
            if self.elapsed - self.last_save_elapsed >= 30:
                self._save()
        if self.animation is not None:
            changed = True
            if now - self.animation.started >= ROLL_SECONDS + MOVE_SECONDS:
                self.animation = None
        limit = self.state.time_limit_minutes
        if (limit is not None and self.elapsed >= limit * 60 and self.state.phase == "roll"
                and self.animation is None):
            self._step(B.TimeUp())
            changed = True
        return changed

    def animation_progress(self) -> tuple[str, float]:
        """("roll", 0..1) while the die tumbles, ("move", 0..1) while the pawn settles."""
        if self.animation is None:
            return "", 1.0
        passed = self.now - self.animation.started
        if passed < ROLL_SECONDS:
            return "roll", passed / ROLL_SECONDS
        return "move", min(1.0, (passed - ROLL_SECONDS) / MOVE_SECONDS)

    def skip_animation(self) -> None:
        self.animation = None

    # --- commands ---

    def command(self, name: str) -> None:
        """Do one command; unknown or out-of-place commands are ignored (never raise)."""
        head, _, arg = name.partition(":")
        if head == "emergency":
            self.exits += 1
            self.emergency = True
            self.panel = None
            self.black = False
            self.skip_animation()
            return
        if head == "black":
            self.black = not self.black
            return
        if self.black:
            self.black = False  # any key brings the picture back
            return
        if self.emergency:
            if head in ("back", "activate", "next", "escape"):
                self.emergency = False
            return
        if head == "quit":
            self.quit = True
            return
        if self.resume_offer is not None:
            self._resume_command(head)
            return
        if self.panel is not None:
            self._panel_command(head, arg)
            return
        if head == "panel" and self.state.phase != "setup":
            self.panel = Panel()
            return
        if self.state.phase == "setup":
            self._setup_command(head, arg)
            return
        if self.animation is not None:
            if head in ("next", "activate", "roll"):
                self.skip_animation()
            return
        if head == "undo":
            self.undo()
            return
        handler = {"roll": self._roll_command, "choose": self._choose_command, "card": self._card_command,
                   "result": self._result_command}.get(self.state.phase)
        if handler is not None:
            handler(head, arg)

    def _resume_command(self, head: str) -> None:
        offer = self.resume_offer
        assert offer is not None
        if head in ("activate", "next", "resume"):
            self.state = offer.state
            self.lang = offer.lang if offer.lang in LANGUAGES else self.lang
            self.elapsed = offer.elapsed
            self.last_save_elapsed = offer.elapsed
            self.resume_offer = None
        elif head in ("new", "escape"):
            autosave.clear(self.save_file)
            self.resume_offer = None

    # --- setup ---

    def _new_setup(self) -> Setup:
        rules = self.engine.rules
        count = max(rules.teams_min, min(3, rules.teams_max))
        teams = [TeamDraft(tr(self.lang, "team_default", n=i + 1), i % len(B.DEFAULT_COLOURS),
                           i % len(B.DEFAULT_SYMBOLS)) for i in range(count)]
        mode = "time" if rules.time_limit_minutes else "rounds" if rules.rounds else "door"
        return Setup(teams, mode, rules.rounds or 8, rules.time_limit_minutes or 60,
                     [deck.id for deck in self.pack.decks])

    def _setup_command(self, head: str, arg: str) -> None:
        setup = self.setup
        fields = setup.fields(self.pack)
        if setup.editing:
            if head == "text":
                setup.buffer = (setup.buffer + printable(arg))[:24]
            elif head == "backspace":
                setup.buffer = setup.buffer[:-1]
            elif head in ("activate", "next", "escape"):
                index = int(fields[setup.focus].split(".")[1])
                if head != "escape" and setup.buffer.strip():
                    setup.teams[index].name = setup.buffer.strip()
                setup.editing = False
            return
        if head == "focus":  # a click on a field
            if arg in fields:
                setup.focus = fields.index(arg)
                self._setup_command("activate", "")
            return
        if head in ("down", "tab"):
            setup.focus = (setup.focus + 1) % len(fields)
            return
        if head == "up":
            setup.focus = (setup.focus - 1) % len(fields)
            return
        setup.focus = min(setup.focus, len(fields) - 1)
        current = fields[setup.focus]
        if head in ("left", "right"):
            self._setup_change(current, -1 if head == "left" else 1)
        elif head in ("activate", "next", "toggle"):
            self._setup_activate(current)
        elif head == "delete" and current.startswith("team."):
            self._remove_team(int(current.split(".")[1]))
        elif head == "start":
            self._start()

    def _setup_change(self, current: str, delta: int) -> None:
        setup = self.setup
        parts = current.split(".")
        if parts[0] == "team":
            team = setup.teams[int(parts[1])]
            if parts[2] == "colour":
                team.colour = self._free_index([t.colour for t in setup.teams if t is not team], team.colour,
                                               delta, len(B.DEFAULT_COLOURS))
            elif parts[2] == "symbol":
                team.symbol = self._free_index([t.symbol for t in setup.teams if t is not team], team.symbol,
                                               delta, len(B.DEFAULT_SYMBOLS))
        elif current == "mode":
            setup.mode = MODES[(MODES.index(setup.mode) + delta) % len(MODES)]
        elif current == "amount":
            if setup.mode == "rounds":
                setup.rounds = max(1, min(50, setup.rounds + delta))
            else:
                setup.minutes = max(5, min(240, setup.minutes + 5 * delta))
        elif current == "lang":
            choices = self.languages()
            index = choices.index(self.lang) if self.lang in choices else 0
            self._set_language(choices[(index + delta) % len(choices)])
        elif parts[0] == "deck":
            self._toggle_deck(parts[1])

    def _setup_activate(self, current: str) -> None:
        setup = self.setup
        parts = current.split(".")
        if parts[0] == "team" and parts[2] == "name":
            setup.editing = True
            setup.buffer = ""
        elif parts[0] == "team":
            self._setup_change(current, 1)
        elif current == "add":
            self._add_draft_team()
        elif current in ("mode", "amount", "lang"):
            self._setup_change(current, 1)
        elif parts[0] == "deck":
            self._toggle_deck(parts[1])
        elif current == "start":
            self._start()

    def _free_index(self, used: list[int], current: int, delta: int, size: int) -> int:
        value = current
        for _ in range(size):
            value = (value + delta) % size
            if value not in used:
                return value
        return current

    def _add_draft_team(self) -> None:
        setup = self.setup
        if len(setup.teams) >= self.engine.rules.teams_max:
            setup.error = self.t("need_teams", min=self.engine.rules.teams_min, max=self.engine.rules.teams_max)
            return
        colour = self._free_index([t.colour for t in setup.teams], -1, 1, len(B.DEFAULT_COLOURS))
        symbol = self._free_index([t.symbol for t in setup.teams], -1, 1, len(B.DEFAULT_SYMBOLS))
        setup.teams.append(TeamDraft(self.t("team_default", n=len(setup.teams) + 1), colour, symbol))
        setup.error = ""

    def _remove_team(self, index: int) -> None:
        setup = self.setup
        if len(setup.teams) <= 1:
            return
        del setup.teams[index]
        setup.focus = min(setup.focus, len(setup.fields(self.pack)) - 1)

    def _toggle_deck(self, deck: str) -> None:
        decks = self.setup.decks
        if deck in decks:
            decks.remove(deck)
        else:
            decks.append(deck)
            decks.sort(key=[d.id for d in self.pack.decks].index)

    def _set_language(self, lang: str) -> None:
        old = self.lang
        self.lang = lang
        for index, team in enumerate(self.setup.teams):  # default names follow the language
            if team.name == tr(old, "team_default", n=index + 1):
                team.name = tr(lang, "team_default", n=index + 1)

    def _start(self) -> None:
        setup = self.setup
        rules = self.engine.rules
        if not rules.teams_min <= len(setup.teams) <= rules.teams_max:
            setup.error = self.t("need_teams", min=rules.teams_min, max=rules.teams_max)
            return
        if not setup.decks:
            setup.error = self.t("need_deck")
            return
        for team in setup.teams:
            self._step(B.AddTeam(team.name, B.DEFAULT_COLOURS[team.colour], B.DEFAULT_SYMBOLS[team.symbol]))
        rounds = setup.rounds if setup.mode == "rounds" else None
        minutes = setup.minutes if setup.mode == "time" else None
        self._step(B.Configure(rounds, minutes, tuple(setup.decks)))
        self.elapsed = 0.0
        self._step(B.StartGame())

    # --- a turn ---

    def _roll_command(self, head: str, arg: str) -> None:
        if head in ("roll", "next", "activate"):
            self._roll(None)
        elif head == "die" and arg.isdigit():
            self._roll(int(arg))

    def _roll(self, value: int | None) -> None:
        events = self._step(B.Roll(value))
        rolled = next((e for e in events if isinstance(e, ev.DiceRolled)), None)
        if rolled is not None:
            card_after = any(isinstance(e, ev.CardDrawn) for e in events)
            # A typed die needs no tumbling: the real one already rolled.
            start = self.now - (ROLL_SECONDS if rolled.typed else 0.0)
            self.animation = Animation("roll", start, rolled.value, card_after)

    def _choose_command(self, head: str, arg: str) -> None:
        decks = self.state.decks
        if head == "choose" and arg in decks:
            self._step(B.ChooseDeck(arg))
        elif head == "die" and arg.isdigit() and 1 <= int(arg) <= len(decks):
            self._step(B.ChooseDeck(decks[int(arg) - 1]))

    def _card_command(self, head: str, arg: str) -> None:
        card = self.card()
        if card is None:
            return
        if head == "stop":
            self.show_points = False
            self._step(B.StopCard(team=self.answering_team()))
            return
        kind = self.card_type(card)
        if kind == "true_false":
            value = {"true": True, "false": False, "die:1": True, "die:2": False}.get(f"{head}:{arg}" if arg else head)
            if value is not None:
                self._step(B.Answer(value))
        elif kind == "multiple_choice":
            letters = [option.id for option in card.options]
            if head == "option" and arg in letters:
                self._step(B.Answer(arg))
            elif head == "die" and arg.isdigit() and 1 <= int(arg) <= len(letters):
                self._step(B.Answer(letters[int(arg) - 1]))
        else:
            verdicts = {"1": "correct", "2": "partly", "3": "wrong"}
            if head == "judge" and arg in B.VERDICTS:
                self._step(B.Judge(arg))
            elif head == "die" and arg in verdicts:
                self._step(B.Judge(verdicts[arg]))
            elif head in ("points", "next", "activate", "back"):
                self.show_points = not self.show_points if head != "next" else True

    def _result_command(self, head: str, arg: str) -> None:
        if head in ("next", "activate", "roll"):
            self.show_points = False
            self._step(B.NextTurn())

    def undo(self) -> None:
        self.animation = None
        events = self._step(B.Undo())
        self.message = self.t("undone") if events and isinstance(events[0], ev.Undone) else self.t("nothing_to_undo")

    # --- trainer panel ---

    def _panel_command(self, head: str, arg: str) -> None:
        panel = self.panel
        assert panel is not None
        if panel.prompt in ("add", "rename"):
            if head == "text":
                panel.buffer = (panel.buffer + printable(arg))[:24]
            elif head == "backspace":
                panel.buffer = panel.buffer[:-1]
            elif head == "escape":
                panel.prompt = ""
            elif head in ("activate", "next") and panel.buffer.strip():
                if panel.prompt == "add":
                    self._step(B.AddTeam(panel.buffer.strip()))
                else:
                    self._step(B.RenameTeam(panel.team, panel.buffer.strip()))
                panel.prompt, panel.buffer = "", ""
            return
        if panel.prompt == "rename_pick":
            if head == "die" and arg.isdigit() and 1 <= int(arg) <= len(self.state.teams):
                panel.team, panel.prompt, panel.buffer = int(arg) - 1, "rename", ""
            elif head == "escape":
                panel.prompt = ""
            return
        if head in ("escape", "panel"):
            self.panel = None
        elif head in ("down", "tab"):
            panel.focus = (panel.focus + 1) % len(PANEL_ITEMS)
        elif head == "up":
            panel.focus = (panel.focus - 1) % len(PANEL_ITEMS)
        elif head == "item" and arg in PANEL_ITEMS:
            panel.focus = PANEL_ITEMS.index(arg)
            self._panel_do(arg)
        elif head in ("activate", "next"):
            self._panel_do(PANEL_ITEMS[panel.focus])
        elif head == "undo":
            self._panel_do("undo")

    def _panel_do(self, item: str) -> None:
        panel = self.panel
        assert panel is not None
        if item == "add":
            panel.prompt, panel.buffer = "add", ""
        elif item == "rename":
            panel.prompt = "rename_pick"
        elif item == "undo":
            self.undo()
        elif item == "end":
            self._step(B.EndGame())
            self.panel = None
        elif item == "theme":
            self.theme = THEMES[(THEMES.index(self.theme) + 1) % len(THEMES)]
        elif item == "text":
            self.text_size = TEXT_SIZES[(TEXT_SIZES.index(self.text_size) + 1) % len(TEXT_SIZES)]
        elif item == "close":
            self.panel = None

    # --- the engine and the autosave ---

    def _step(self, action: B.Action) -> list[ev.Event]:
        self.state, events = self.engine.step(self.state, action)
        self.last_events = events
        if events and isinstance(events[0], ev.Rejected):
            return events
        self.message = self._describe(events)
        self._save()
        return events

    def _save(self) -> None:
        self.last_save_elapsed = self.elapsed
        if self.autosave_enabled and self.state.phase != "setup":
            try:
                autosave.save(autosave.Saved(self.state, self.lang, self.elapsed), self.save_file)
            except OSError:  # a read-only profile or a full disk must not stop the game; the top bar says so
                self.autosave_failed = True
            else:
                self.autosave_failed = False

    def _describe(self, events: list[ev.Event]) -> str:
        parts: list[str] = []
        teams = self.state.teams
        for event in events:
            if isinstance(event, ev.DiceRolled):
                key = "typed_roll" if event.typed else "rolled"
                parts.append(self.t(key, team=teams[event.team].name, n=event.value))
            elif isinstance(event, ev.PawnMoved):
                label = self.text(self.engine.square(event.end).label)
                parts.append(self.t("moved_to", n=event.end + 1, label=label))
            elif isinstance(event, ev.TurnSkipped):
                parts.append(self.t("skip_turn", team=teams[event.team].name))
            elif isinstance(event, ev.CardSkipped):
                parts.append(self.t("stopped"))
        return " · ".join(parts)


def _fresh_seed() -> int:
    import secrets

    return secrets.randbits(48)


def printable(typed: str) -> str:
    """What a team name may take from typed or pasted text: no controls, bidi overrides or invisible
    characters (U+200B, U+FEFF…), which would hide or reorder a name on the projector and in the save."""
    return "".join(ch for ch in typed if ch.isprintable())
