"""The story controller: the player's commands become engine steps, and engine events become screens.

Imported only once the pack has passed the checker, after the title is on screen: the engine and the
content model are most of the player's start-up cost (see App.finish_loading).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from barst.engine import events as ev
from barst.engine import story as S
from barst.helplines import load_helplines
from barst.model import Pack, Variable
from barst.play.screens.menu import MenuScreen
from barst.play.screens.safety import EmergencyScreen
from barst.play.screens.story import ConsequenceScreen, EndingScreen, UnlockedScreen
from barst.report.played import StoryLog

if TYPE_CHECKING:
    from barst.play.host import StoryHost
    from barst.play.screens.base import Screen


class StoryController:
    def __init__(self, app: StoryHost, pack: Pack) -> None:
        self.app = app
        self.pack = pack
        self.engine = S.StoryEngine(pack, load_helplines().lines)
        self.state = self.engine.new_state(0, app.store.load(pack.id))
        self.queue: list[Screen] = []  # screens still to show for the last step (consequence, ending, …)
        self.log = StoryLog()  # counts only, for the session report (barst/report)

    def meters(self) -> list[Variable]:
        variables = list(self.pack.variables)
        if self.state.situation:
            variables += self.pack.situation(self.state.situation).variables
        return [v for v in variables if v.kind == "meter"]

    def apply(self, action: S.Action) -> bool:
        state, events = self.engine.step(self.state, action)
        if events and isinstance(events[0], ev.Rejected):
            return False  # e.g. a number key with no choice behind it: nothing to show
        self.log.add(action, events)
        self.state = state
        self.keep_place()
        self.queue = self.screens_for(events)
        self.advance()
        return True

    def keep_place(self) -> None:
        """Inside a situation, where it stands (for a crash); outside, nothing to resume."""
        resume = self.app.resume
        if resume is None:
            return
        if self.state.situation is not None and self.state.scene is not None and self.state.ending is None:
            resume.save(self.state)
        else:
            resume.clear(self.pack.id)

    def resume(self, state: S.StoryState) -> None:
        """Go on where a crashed lesson stood: the same scene, the same meters, this laptop's progress."""
        state.progress = self.state.progress
        self.state = state
        shown = self.engine.showing(state)
        self.queue = [self.app.scene_screen(shown)] if shown is not None else []
        self.advance()

    def screens_for(self, events: list[ev.Event]) -> list[Screen]:
        app = self.app
        screens: list[Screen] = []
        situation = self.state.situation or ""
        for event in events:
            if isinstance(event, ev.ChoiceMade):
                previous = screens[-1] if screens else None
                if event.choice == "" and isinstance(previous, ConsequenceScreen):
                    merged = [*previous.event.changes, *event.changes]
                    previous.event = ev.ChoiceMade(previous.event.choice, previous.event.label,
                                                   previous.event.feedback, previous.event.impact, merged,
                                                   previous.event.points, previous.event.five_a)
                elif event.choice:
                    screens.append(ConsequenceScreen(app, event, situation))
            elif isinstance(event, ev.SceneShown):
                screens.append(app.scene_screen(event))
            elif isinstance(event, ev.EndingReached):
                app.store.save(self.pack.id, self.state.progress)
                screens.append(EndingScreen(app, event))
                if event.unlocked:
                    screens.append(UnlockedScreen(app, event))
            elif isinstance(event, ev.MenuShown):
                screens.append(MenuScreen(app))
            elif isinstance(event, ev.EmergencyExited):
                screens.append(EmergencyScreen(app, app.helplines(), app.go_menu))
        return screens

    def advance(self) -> None:
        if not self.queue:
            self.go_menu()
            return
        screen = self.queue.pop(0)
        home = MenuScreen(self.app)
        self.app.set_stack([home, screen] if not isinstance(screen, MenuScreen) else [screen])

    def start_situation(self, situation: str) -> None:
        self.apply(S.Start(situation))

    def choose(self, number: int) -> None:
        self.apply(S.ChooseNumber(number))

    def continue_scene(self) -> None:
        if self.queue:
            self.advance()
        else:
            self.apply(S.Continue())

    def jump(self, situation: str, scene: str) -> None:
        self.apply(S.JumpTo(situation, scene))

    def undo(self) -> bool:
        state, events = self.engine.step(self.state, S.Undo())
        if events and isinstance(events[0], ev.Rejected):
            return False
        self.state = state
        self.queue = self.screens_for(events)
        self.advance()
        return True

    def reset_progress(self) -> None:
        self.state.progress = S.Progress()
        self.app.store.reset(self.pack.id)

    def go_menu(self) -> None:
        if self.state.situation is not None:
            self.state, _ = self.engine.step(self.state, S.ToMenu())
            self.keep_place()
        self.queue = []
        self.app.set_stack([MenuScreen(self.app)])

    def emergency_exit(self) -> None:
        """Leave the situation at once (no question) and show the help lines over the menu."""
        self.state, events = self.engine.step(self.state, S.EmergencyExit())
        self.log.add(None, events)
        self.keep_place()
        self.queue = []
        self.app.set_stack([MenuScreen(self.app), EmergencyScreen(self.app, self.app.helplines(), self.app.go_menu)])
