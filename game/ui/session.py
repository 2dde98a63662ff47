"""One game in progress in the window: the scenario, the seed, the current state, and what just arrived."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from game.day_numbers import forget_after, resumed_numbers
from game.engine.api import Step, new_game, step
from game.engine.state import GameEvent, GameState
from game.lesson import LessonDays
from game.practice import UndoStack
from game.scenario.load import LoadedScenario
from game.ui.view import action_order

if TYPE_CHECKING:
    from game.engine.actions import PlayerAction
    from game.saves import SaveGame
    from game.scenario.model import Scenario


@dataclass
class Session:
    loaded: LoadedScenario
    seed: int
    state: GameState
    # inbox items that arrived since the day began (marked new, their places ringed on the map)
    new_count: int = 0
    last_events: list[GameEvent] = field(default_factory=list)
    save_folder: Path | None = None
    save_note: str = ""  # what the last autosave has to tell the player (shown once)
    kept: Path | None = None  # where the last autosave kept another unfinished game aside
    codex_seen: set[str] = field(
        default_factory=set
    )  # unlockable codex entries already shown ("new" marks the rest)
    undo: UndoStack | None = None  # practice games only: the states so far, to take steps back
    # lesson mode's days passed without a council and councils ended by the time limit
    lesson: LessonDays = field(default_factory=LessonDays)
    player_name: str = ""  # the students' names, kept in saves for a resumed game's report
    # each day's numbers of the council's actions, kept all day (see `action_numbers`)
    numbers: dict[int, dict[str, int]] = field(default_factory=dict)
    # under a time limit: (day, whole seconds) of that day's council spent so far, as the window's
    # clock counts it (App.tick_council_clock), for a save made in the middle of the council
    council_time: tuple[int, int] = (0, 0)
    # (day, seconds) of that day's council spent before this game was resumed from a save
    council_resumed: tuple[int, int] = (0, 0)

    @property
    def practice(self) -> bool:
        return self.undo is not None

    @property
    def scenario(self) -> Scenario:
        return self.loaded.scenario

    @classmethod
    def start(
        cls,
        loaded: LoadedScenario,
        seed: int,
        save_folder: Path | None = None,
        *,
        practice: bool = False,
        player_name: str = "",
    ) -> Session:
        state, events = new_game(loaded.scenario, seed)
        session = cls(loaded, seed, state, len(state.inbox), list(events), save_folder)
        session.player_name = player_name
        if practice:
            session.undo = UndoStack.start(state)
        session.autosave()
        return session

    def action_numbers(self) -> dict[str, int]:
        """Today's numbers of the council's actions, which `view.action_rows` keeps and extends
        (game.day_numbers). A game resumed mid-day gets the numbers it had before it was saved;
        a day taken back in practice keeps those it had."""
        day = self.state.day
        if day not in self.numbers:
            self.numbers[day] = resumed_numbers(self.scenario, self.state, action_order)
        return self.numbers[day]

    def abandon(self) -> str:
        """The game is left before its first choice (Esc on the first briefing): the unfinished
        game its autosave kept aside, if any, is the autosave again. Says so, for a notice."""
        if self.kept is None or self.state.log or self.save_folder is None:
            return ""
        from game.saves import SaveError, restore_kept

        try:
            restore_kept(self.kept)
        except SaveError as exc:
            return f"Your earlier game is still under Load ({exc})."
        self.kept = None
        return "Your earlier game is back: Continue takes it up."

    def act(self, action: PlayerAction) -> tuple[GameState, Step]:
        before = self.state
        result = step(self.scenario, self.state, action)
        self.state = result.state
        added = len(result.state.inbox) - len(before.inbox)
        # what came since the day began stays new all day (and its places ringed on the map):
        # answering the demand the dawn opened had taken NEW off the dawn's unread news (review)
        same_day = result.state.day == before.day and not result.state.over
        self.new_count = self.new_count + added if same_day else added
        self.last_events = list(result.events)
        if self.undo is not None:
            self.undo = self.undo.push(result.state)
        if result.state.day != before.day or result.state.over:
            # at each dawn, and once more at the end: a finished game's autosave says it is
            # finished, so a new game does not keep it aside as an unfinished one
            self.autosave()
        return before, result

    def take_back(self, *, day: bool) -> str:
        """Practice games: back one step, or to the dawn; says what happened, for a notice."""
        if self.undo is None:
            return "Taking back is only for practice games (play --practice)."
        if not self.undo.can_undo:
            return "Nothing to take back: this is the start of the game."
        self.undo, self.state = self.undo.undo_day() if day else self.undo.undo_action()
        self.new_count, self.last_events = 0, []
        forget_after(self.numbers, self.state.day)
        self.lesson.back_to(self.state.day)  # played again, even a day lesson mode passed
        where = "to the dawn of" if day else "one step, to"
        return f"Taken back {where} day {self.state.day}."

    def keep_notes(self, notes: object, player_name: str = "") -> str:
        """Take back what a save kept beside its state (game.saves.SessionNotes, or None); the
        players' name is `player_name` if given (the command line's --name), else the save's.
        Returns the name."""
        self.lesson = LessonDays.kept(notes, self.state)
        self.player_name = player_name or getattr(notes, "player_name", "")
        spent_on = getattr(notes, "council_spent_on", None)
        day = self.state.day
        self.council_resumed = (day, spent_on(day) if spent_on is not None else 0)
        return self.player_name

    def save_as(self, slot: str) -> SaveGame:
        """The game as a save in `slot`, with the players' name and the lesson's days (so that a
        resumed game's debrief still has them)."""
        from game.saves import make_save, notes_for_save

        # stamped now in local time, as the text version's saves are (game.save_time)
        return make_save(
            self.loaded,
            self.state,
            slot=slot,
            practice=self.practice,
            session=notes_for_save(self.player_name, self.lesson, self.council_now()),
        )

    def council_now(self) -> tuple[int, int]:
        """(day, seconds) of today's timed council spent so far ((0, 0) once over, or if the
        clock has not counted today)."""
        day, seconds = self.council_time
        return (day, seconds) if day == self.state.day and not self.state.over else (0, 0)

    def autosave(self) -> None:
        """Autosave at each dawn; a failure is noted for the player, never fatal."""
        if self.save_folder is None:
            return
        try:
            from game.saves import SaveError, write_autosave
        except ImportError:
            return
        try:
            save = self.save_as("autosave")
            _, kept = write_autosave(self.save_folder, save)
            self.kept = kept
            if kept is not None:
                self.save_note = (
                    "Your unfinished game from before is kept: Load lists it as 'previous game'."
                )
        except SaveError as exc:
            self.save_note = f"Autosave failed: {exc}"
        except OSError as exc:
            self.save_note = f"Autosave failed: {exc.strerror or exc}"
