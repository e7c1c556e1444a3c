"""`barst run`: play a pack in the terminal. The text adapter over the same engines as the projector."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from barst import rng
from barst.check import check_and_load
from barst.diagnostics import BarstError
from barst.engine import board as B
from barst.engine import events as ev
from barst.engine import story as S
from barst.helplines import for_ending, load_helplines
from barst.model import Pack
from barst.packhead import resolve_pack
from barst.play.i18n import Strings, missing_language_note
from barst.text import KNOWN_LANGUAGES, Text, fallback_chain

Out = Callable[[str], None]


def run_command(args: argparse.Namespace) -> int:
    from barst.editions import for_play

    folder = resolve_pack(args.pack)
    pack = for_play(_load_checked(folder), args.lang, getattr(args, "edition", None))
    lang = args.lang or pack.languages[0]
    if lang not in KNOWN_LANGUAGES:
        raise BarstError(f"Unknown language '{lang}'. Choose one of: {', '.join(KNOWN_LANGUAGES)}.")
    scripted = _parse_choices(args.choices) if args.choices else None
    runner = TextRunner(pack, lang, print)
    note = missing_language_note(lang, list(pack.languages), pack.fallback_order(), ("runner-",))
    if note:  # the pack lacks the language asked for: said once, never a silent switch
        print(note)
    if pack.kind == "story":
        return runner.play_story(args.situation, scripted, args.auto, args.seed)
    return runner.play_board(scripted, args.auto, args.seed, args.teams)


def _load_checked(folder: Path) -> Pack:
    report, pack = check_and_load(folder)
    if report.has_errors() or pack is None:
        for diagnostic in report.errors[:10]:
            print(diagnostic.format(), file=sys.stderr)
        raise BarstError(f"The pack in {folder} has errors; fix them first (see `barst check {folder}`).")
    return pack


def _number(answer: str) -> int | None:
    """A typed number: ASCII digits only ("²" and "٣" are digits to str.isdigit but not to int), and short
    (int() refuses 4,300 digits with a traceback)."""
    return int(answer) if answer.isascii() and answer.isdigit() and len(answer) <= 6 else None


def _parse_choices(text: str) -> list[int]:
    try:
        return [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise BarstError(f"--choices takes numbers separated by commas, like 1,3,2 (not '{text}').") from None


class TextRunner:
    def __init__(self, pack: Pack, lang: str, out: Out, read: Callable[[str], str] = input) -> None:
        self.pack = pack
        self.lang = lang
        self.chain = fallback_chain(lang, pack.fallback_order())
        self.out = out
        self.read = read
        self.w = Strings(lang, ("runner-",))

    def t(self, text: Text | None) -> str:
        return text.get(self.lang, self.chain) if text else ""

    # --- story ---

    def play_story(self, situation: str | None, scripted: list[int] | None, auto: bool, seed: int) -> int:
        engine = S.StoryEngine(self.pack, load_helplines().lines)
        state = engine.new_state(seed)
        if situation is not None and situation not in engine.situations:
            raise BarstError(f"There is no situation '{situation}' in {self.pack.id}. "
                             f"Situations: {', '.join(engine.situations)}.")
        interactive = scripted is None and not auto
        if situation is None and interactive:
            situation = self._ask_situation(engine)
            if situation is None:
                return 1
        targets = [situation] if situation else ([s.id for s in self.pack.situations] if auto else
                                                  [self.pack.situations[0].id])
        code = 0
        numbers = iter(scripted or [])
        for target in targets:
            state, events = engine.step(state, S.Start(target))
            self._show(events)
            state, code = self._story_loop(engine, state, numbers, auto, interactive)
            if code != 0:
                return code
        return code

    def _ask_situation(self, engine: S.StoryEngine) -> str | None:
        for number, situation in enumerate(self.pack.situations, 1):
            self.out(f"  {number}. {self.t(situation.title)} — {self.t(situation.summary)}")
        while True:
            answer = self._prompt(self.w("choose_situation"))
            if answer is None or answer == "q":
                return None
            picked = _number(answer)
            if picked is not None and 1 <= picked <= len(self.pack.situations):
                return self.pack.situations[picked - 1].id

    def _story_loop(self, engine: S.StoryEngine, state: S.StoryState, numbers: Iterator[int], auto: bool,
                    interactive: bool) -> tuple[S.StoryState, int]:
        while state.ending is None and state.situation is not None:
            scene = engine.current_scene(state)
            assert scene is not None
            if not scene.choices:
                state, events = engine.step(state, S.Continue())
            elif auto:
                state, events = engine.step(state, S.ChooseRandom())
            elif not interactive:
                number = next(numbers, None)
                if number is None:
                    self.out(self.w("choices_ran_out", scene=scene.id))
                    return state, 1
                self.out(f"> {number}")
                state, events = engine.step(state, S.ChooseNumber(number))
            else:
                answer = self._prompt(self.w("choose_prompt"))
                if answer is None or answer == "q":
                    return state, 1
                action: S.Action = (S.EmergencyExit() if answer == "x" else S.Undo() if answer == "u"
                                    else S.ChooseNumber(n) if (n := _number(answer)) is not None else S.Continue())
                state, events = engine.step(state, action)
            self._show(events)
            if any(isinstance(e, ev.Rejected) for e in events) and not interactive:
                return state, 1
            if any(isinstance(e, ev.EmergencyExited) for e in events):
                return state, 0
        return state, 0

    # --- board ---

    def play_board(self, scripted: list[int] | None, auto: bool, seed: int, teams: int) -> int:
        engine = B.BoardEngine(self.pack)
        state = engine.new_state(seed)
        teams = max(engine.rules.teams_min, min(engine.rules.teams_max, teams))
        for number in range(1, teams + 1):
            state, _ = engine.step(state, B.AddTeam(self.w("team", n=number)))
        state, events = engine.step(state, B.StartGame())
        self._show_board(engine, state, events)
        dice = iter(scripted or [])
        answers = rng.seed_state(seed ^ 0x5EED)
        interactive = scripted is None and not auto
        for _ in range(10_000):
            if state.phase == "over":
                return 0
            action, answers = self._board_action(engine, state, dice, answers, interactive)
            if action is None:
                return 1
            after, events = engine.step(state, action)
            if after.phase == "setup":  # undo before the first roll would reopen the team setup: nothing to undo
                continue
            state = after
            self._show_board(engine, state, events)
            if isinstance(action, B.EmergencyExit):
                return 0
        self.out(self.w("no_end"))
        return 1

    def _board_action(self, engine: B.BoardEngine, state: B.BoardState, dice: Iterator[int], answers: int,
                      interactive: bool) -> tuple[B.Action | None, int]:
        if interactive:
            return self._ask_board(engine, state), answers
        if state.phase == "roll":
            value = next(dice, None)
            return B.Roll(value), answers
        if state.phase == "choose":
            chosen, answers = rng.pick(answers, state.decks)
            return B.ChooseDeck(chosen), answers
        if state.phase == "result":
            return B.NextTurn(), answers
        card = engine.current_card(state)
        assert card is not None
        deck = self.pack.deck(card.deck or "")
        if deck and deck.type == "true_false":
            truth, answers = rng.pick(answers, [True, False])
            return B.Answer(truth), answers
        if deck and deck.type == "multiple_choice":
            option, answers = rng.pick(answers, card.options)
            return B.Answer(option.id), answers
        verdict, answers = rng.pick(answers, list(B.VERDICTS))
        return B.Judge(verdict), answers

    def _ask_board(self, engine: B.BoardEngine, state: B.BoardState) -> B.Action | None:
        prompts = {"roll": self.w("prompt_roll"), "choose": self.w("prompt_choose", decks=", ".join(state.decks)),
                   "card": self.w("prompt_card"), "result": self.w("prompt_result")}
        answer = self._prompt(prompts[state.phase])
        if answer is None or answer == "q":
            return None
        simple: dict[str, B.Action] = {"x": B.EmergencyExit(), "u": B.Undo(), "s": B.StopCard(),
                                       "t": B.Answer(True), "f": B.Answer(False), "r": B.Judge("correct"),
                                       "p": B.Judge("partly"), "w": B.Judge("wrong")}
        if state.phase == "roll":
            return B.Roll(n) if (n := _number(answer)) is not None else simple.get(answer, B.Roll())
        if state.phase == "choose":
            return B.ChooseDeck(answer)
        if state.phase == "result":
            return simple.get(answer, B.NextTurn())
        return simple.get(answer, B.Answer(answer))

    # --- output ---

    def _show(self, events: list[ev.Event]) -> None:
        for event in events:
            if isinstance(event, ev.SceneShown):
                speaker = f"{self.t(event.speaker.name)}: " if event.speaker else ""
                self.out("")
                self.out(f"{speaker}{self.t(event.scene.text)}")
                for choice in event.choices:
                    self.out(f"  {choice.number}. {self.t(choice.label)}")
            elif isinstance(event, ev.ChoiceMade):
                if event.feedback:
                    self.out(f"  → {self.t(event.feedback)}")
                if event.impact:
                    self.out(f"  ↳ {self.t(event.impact)}")
                for change in event.changes:
                    variable = self.pack.variable(change.variable)
                    if variable is None or variable.kind != "meter":
                        continue
                    self.out(f"  {self.t(variable.label) or change.variable}: {change.old} → {change.new}")
            elif isinstance(event, ev.EndingReached):
                self._show_ending(event)
            elif isinstance(event, ev.EmergencyExited):
                self._show_helplines()
            elif isinstance(event, ev.Rejected):
                self.out(f"  ({event.reason})")

    def _show_ending(self, event: ev.EndingReached) -> None:
        ending = event.ending
        self.out("")
        self.out(self.w("score_line", verdict=self.t(ending.verdict), score=event.score,
                        found=event.endings_found, total=event.endings_total))
        self.out(f"{self.w('what_helps')} {self.t(ending.helps)}")
        lines = for_ending(event.helplines, self.pack.region, self.lang)
        if lines:
            self.out(self.w("help_here"))
            for line in lines:
                self.out(f"  {line.number:<12} {line.name.get(self.lang, self.chain)}")
        for question in ending.debrief:
            self.out(f"  ? {self.t(question)}")
        for unlock in event.unlocked:
            self.out(f"{self.w('unlocked')} — {self.t(unlock.title)}: {self.t(unlock.text)}")

    def _show_helplines(self) -> None:
        self.out("")
        self.out(self.w("left_situation"))
        for line in load_helplines().for_exit(self.pack.region, self.lang):
            self.out(f"  {line.number:<12} {line.name.get(self.lang, self.chain)}")

    def _show_board(self, engine: B.BoardEngine, state: B.BoardState, events: list[ev.Event]) -> None:
        for event in events:
            if isinstance(event, ev.TurnStarted):
                team = state.teams[event.team]
                self.out("\n" + self.w("round_line", round=event.round, team=team.name, square=team.position + 1,
                                       score=team.score))
            elif isinstance(event, ev.DiceRolled):
                self.out("  " + self.w("die", value=event.value))
            elif isinstance(event, ev.PawnMoved):
                square = engine.square(event.end)
                self.out("  " + self.w("moved", team=state.teams[event.team].name, square=event.end + 1,
                                       label=self.t(square.label)))
            elif isinstance(event, ev.CardDrawn):
                self._show_card(event)
            elif isinstance(event, ev.AnswerScored):
                self.out("  " + self.w("verdict_line", team=state.teams[event.team].name,
                                       verdict=self.w(f"verdict_{event.verdict}"), points=event.points))
                if not state.pending and event.card.explanation:
                    self.out(f"  {self.w('why')} {self.t(event.card.explanation)}")
                if not state.pending and event.card.source:
                    self.out(f"  {self.w('source')} {event.card.source}")
            elif isinstance(event, ev.CardSkipped):
                self.out("  " + self.w("stop_card"))
            elif isinstance(event, ev.TurnSkipped):
                self.out("  " + self.w("skips_turn", team=state.teams[event.team].name))
            elif isinstance(event, ev.GameOver):
                self.out("\n" + self.w("game_over"))
                for place, index in enumerate(event.ranking, 1):
                    team = state.teams[index]
                    self.out(self.w("ranking_line", place=place, team=team.name, score=team.score))
            elif isinstance(event, ev.EmergencyExited):
                self._show_helplines()
            elif isinstance(event, ev.Rejected):
                self.out(f"  ({event.reason})")

    def _show_card(self, event: ev.CardDrawn) -> None:
        card = event.card
        deck = self.pack.deck(card.deck or "")
        who = self.w("everyone") if event.everyone else self.w("card")
        self.out(f"  [{self.t(deck.title) if deck else card.deck} — {who}] {self.t(card.prompt)}")
        if card.quote_by:
            self.out(f"    — {self.t(card.quote_by)}")
        if card.question:
            self.out(f"    {self.t(card.question)}")
        for option in card.options:
            self.out(f"    {option.id}) {self.t(option.text)}")

    def _prompt(self, text: str) -> str | None:
        try:
            return self.read(text).strip().lower()
        except EOFError:
            return None
