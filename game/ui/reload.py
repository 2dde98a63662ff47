"""Hot reload (F5): read the scenario file again and replay the player's choices on the new version.

For authors: edit the YAML, press F5, and the game is played again from the same seed with the same
choices. If the new file has errors they are listed (FILE:LINE:COL) and the game goes on unchanged; if
the new version refuses one of the choices, the first refused choice is named with the engine's reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.engine.api import states_before_choices
from game.engine.words import counted
from game.practice import UndoStack
from game.saves import actions_from_log, replay_actions
from game.scenario.load import LoadedScenario, load_scenario
from game.scenario.source import ScenarioError
from game.ui.scene import Pop, Push, Reset, Scene, SceneResult
from game.ui.scenes import goto

if TYPE_CHECKING:
    from game.engine.state import GameState
    from game.ui.app import App
    from game.ui.session import Session


def reload_scenario(app: App) -> SceneResult:
    """Reload the current scenario file; returns the scene command that shows the outcome."""
    from game.ui.scenes.report import ReportScene

    session = app.session
    current = session.loaded if session is not None else app.loaded
    if current is None:  # F5 waits for the scenario loading behind the title (App.global_key)
        return True
    try:
        fresh = load_scenario(current.path)
    except ScenarioError as exc:
        errors = exc.lines()  # and what its errors kept from being checked
        count = len(exc.errors) or len(errors)
        note = f"{current.path} has {counted(count, 'problem')} and was not reloaded. Your game goes on unchanged; fix the file and press F5 again."
        return Push(ReportScene("The scenario has errors", note, errors, urgent=True))
    if fresh.content_hash == current.content_hash:
        # a player's stray F5 (the browser's refresh key) must not close the open demand or
        # reset the screens: only a file an author has changed is taken up (review)
        name = Path(current.path).name  # the file, not the folders above it (play-test)
        app.toast(f"{name} has not changed since it was loaded: nothing to reload.")
        return True
    if session is None:
        app.loaded = fresh
        app.toast(f"Reloaded {fresh.scenario.title} from {fresh.path}.")
        return Reset(goto.title())
    choices = actions_from_log(session.state)
    state, problems = replay_actions(fresh.scenario, session.seed, choices)
    if not problems:
        history = adopt(app, session, fresh, state)
        app.toast(
            f"Reloaded {fresh.path}; your {counted(len(choices), 'choice')} replayed from seed {session.seed}."
            + (f" {history}" if history else "")
        )
        return Reset(_game_scene(state))
    problem = problems[0]
    note = (
        f"{fresh.path} was reloaded, but the new version cannot replay your game: {problem}. "
        f"Continue on the new version from just before that choice ({problem.index} of {len(choices)} replayed), or keep playing the old version."
    )

    def take_new() -> SceneResult:
        history = adopt(app, session, fresh, state)
        if history:
            app.toast(history)
        return Reset(_game_scene(state))

    return Push(
        ReportScene(
            "Reloaded: the replay stopped",
            note,
            [
                f"choice {problem.index + 1} of {len(choices)}: {problem.key}",
                f"reason: {problem.reason}",
            ],
            [
                ("Continue on the new version (Enter)", take_new),
                ("Keep the old version (Esc)", lambda: Pop()),
            ],
        )
    )


def adopt(app: App, session: Session, fresh: LoadedScenario, state: GameState) -> str:
    """Play on with the reloaded scenario from `state` (the app's `session` keeps its seed and
    save folder; lesson mode forgets the days after `state`'s, if the replay stopped on an earlier
    day).

    A practice game's take-back history is made again on the new version: the old one held the
    old file's states, and taking back to one of them and playing on crashed the engine (a stat
    renamed in the file: KeyError at the next step). Returns a sentence for the player when that
    history could not be made again and taking back now starts here; else ""."""
    app.loaded = fresh
    session.loaded = fresh
    session.state = state
    session.new_count = 0
    session.last_events = []
    session.lesson.go_on_from(state.day)  # (the same day, unless the replay stopped earlier)
    session.numbers.clear()  # the file changed: today is numbered again, as a resumed save is
    if session.undo is None:
        return ""
    before = states_before_choices(fresh.scenario, state)
    if before is None:
        session.undo = UndoStack.start(state, session.undo.limit)
        return "Taking back now starts from here: the steps before belong to the old version of the file."
    session.undo = UndoStack.of((*before, state), session.undo.limit)
    return ""


def _game_scene(state: GameState) -> Scene:
    if state.over:
        from game.ui.scenes.ending import EndingScene

        return EndingScene()
    from game.ui.scenes.crisis import CrisisScene

    return CrisisScene()
