"""F5 reloads the scenario file: errors are listed without losing the game; a valid file replays the choices."""

from __future__ import annotations

import re
import shutil

import pygame
import pytest

from tests.conftest import FIXTURES


def names(app):
    return [scene.name for scene in app.stack]


@pytest.fixture
def copy(tmp_path):
    """A temporary copy of the mini scenario, loaded, that the test may edit."""
    from game.scenario.load import load_scenario

    path = tmp_path / "mini.yaml"
    shutil.copy(FIXTURES / "mini.yaml", path)
    return path, load_scenario(path)


def use(app, loaded):
    """Put the copy on the title screen, as if the game had been started with it."""
    from game.ui.scene import Reset
    from game.ui.scenes.title import TitleScene

    app.loaded = loaded
    app.apply(Reset(TitleScene()))


def play_a_little(app, press):
    app.pump()
    press(app, pygame.K_RETURN)  # new game
    press(app, pygame.K_RETURN)  # begin: the first demand
    press(app, pygame.K_3)  # refuse it
    press(app, pygame.K_3)  # the same number again: done
    press(app, pygame.K_RETURN)
    press(app, pygame.K_1)  # talk
    press(app, pygame.K_1)  # the same number again: done
    press(app, pygame.K_RETURN)
    assert [entry.kind for entry in app.session.state.log] == ["respond", "action"]


def test_f5_with_a_broken_file_lists_its_errors_and_keeps_the_game(make_app, press, copy):
    path, loaded = copy
    records = []
    app = make_app(recorder=records)
    use(app, loaded)
    play_a_little(app, press)
    before = app.session.state
    text = path.read_text(encoding="utf-8")
    extra = "".join(
        f"\n    colour{i}: red" for i in range(30)
    )  # thirty unknown keys: more errors than fit
    path.write_text(text.replace("title: Alarm", "title: Alarm" + extra), encoding="utf-8")
    press(app, pygame.K_F5)
    assert names(app) == ["crisis", "report"], (app.toast_text, app.crashes)
    shown = " ".join(b.text for b in records)
    assert "The scenario has errors" in shown
    assert f"{path}:" in shown  # FILE:LINE:COL lines
    report = app.top
    assert len(report.lines) == 31
    assert all(line.startswith(f"{path}:") and "colour" in line for line in report.lines[:30])
    assert "colour29" in report.lines[29]
    # and, as `validate` ends, what the errors kept from being checked (author's review)
    assert (
        report.lines[30] == f"{path}: names and expressions are checked once these errors are fixed"
    )
    assert "colour29" not in shown  # more than fits: the rest is a scroll away
    press(app, pygame.K_END)
    assert "colour29" in " ".join(b.text for b in records)
    press(app, pygame.K_ESCAPE)
    assert names(app) == ["crisis"]
    assert app.session.state is before and app.session.loaded.path == loaded.path
    assert app.session.loaded is loaded  # still the old version


def test_f5_with_a_valid_edit_replays_the_choices_on_the_new_version(make_app, press, copy):
    path, loaded = copy
    app = make_app()
    use(app, loaded)
    play_a_little(app, press)
    before = app.session.state
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "effects: {pressure: -5, envoy: 5}", "effects: {pressure: -7, envoy: 5}"
        ),
        encoding="utf-8",
    )
    press(app, pygame.K_F5)
    assert names(app) == ["crisis"]
    state = app.session.state
    assert [e.model_dump() for e in state.log] == [
        e.model_dump() for e in before.log
    ]  # the same choices
    assert state.stats["pressure"] == before.stats["pressure"] - 2  # played on the new version
    assert (
        app.session.loaded is not loaded and app.session.loaded.content_hash != loaded.content_hash
    )
    assert "replayed" in app.toast_text


def test_f5_names_the_first_choice_the_new_version_rejects(make_app, press, copy):
    path, loaded = copy
    records = []
    app = make_app(recorder=records)
    use(app, loaded)
    play_a_little(app, press)
    before = app.session.state
    # 'talk' is now offered only under extreme pressure: the second choice can no longer be made
    text = path.read_text(encoding="utf-8")
    assert "label: Talk to the envoy" in text
    path.write_text(
        text.replace(
            "label: Talk to the envoy", 'label: Talk to the envoy\n    when: "pressure > 90"'
        ),
        encoding="utf-8",
    )
    press(app, pygame.K_F5)
    assert names(app) == ["crisis", "report"]
    shown = " ".join(b.text for b in records)
    assert "choice 2 of 2: talk" in shown
    assert "reason:" in shown
    press(app, pygame.K_ESCAPE)  # keep the old version
    assert app.session.state is before and app.session.loaded is loaded
    press(app, pygame.K_F5)
    press(app, pygame.K_RETURN)  # continue on the new version, from before the rejected choice
    assert names(app) == ["crisis"]
    assert [e.kind for e in app.session.state.log] == ["respond"]
    assert app.session.loaded is not loaded


def test_f5_before_a_game_reloads_for_the_title_screen(make_app, press, copy):
    path, loaded = copy
    app = make_app()
    use(app, loaded)
    app.pump()
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "title: Mini crisis", "title: Mini crisis, revised"
        ),
        encoding="utf-8",
    )
    press(app, pygame.K_F5)
    assert names(app) == ["title"]
    assert app.loaded.scenario.title == "Mini crisis, revised"


def rename_trust(path):
    """The file with its stat 'trust' renamed 'confidence' (the stat and every effect on it)."""
    text = path.read_text(encoding="utf-8")
    assert "trust:" in text
    path.write_text(re.sub(r"\btrust\b", "confidence", text), encoding="utf-8")


def test_f5_in_a_practice_game_takes_back_on_the_new_version(make_app, press, copy):
    """Taking back after F5 went to the old file's states: with a stat renamed in the file, the
    next End day raised KeyError in the engine. The history is now the new version's."""
    from game.engine.actions import EndDay

    path, loaded = copy
    app = make_app(practice=True)
    use(app, loaded)
    play_a_little(app, press)
    rename_trust(path)
    press(app, pygame.K_F5)
    assert names(app) == ["crisis"], (app.toast_text, app.crashes)
    assert "replayed" in app.toast_text and "Taking back" not in app.toast_text
    press(app, pygame.K_u)  # back one step: before 'talk', on the new version
    state = app.session.state
    assert [e.kind for e in state.log] == ["respond"]
    assert "confidence" in state.stats and "trust" not in state.stats
    app.session.act(EndDay())
    assert app.session.state.day == 2 and "confidence" in app.session.state.stats
    assert not app.crashes


def test_f5_says_so_when_the_take_back_history_starts_again(make_app, press, copy, monkeypatch):
    """If the choices cannot be played again to make the history, taking back starts at the
    reloaded state, and the player is told."""
    import game.ui.reload

    path, loaded = copy
    app = make_app(practice=True)
    use(app, loaded)
    play_a_little(app, press)
    rename_trust(path)
    monkeypatch.setattr(game.ui.reload, "states_before_choices", lambda scenario, state: None)
    press(app, pygame.K_F5)
    assert names(app) == ["crisis"]
    assert "Taking back now starts from here" in app.toast_text
    reloaded = app.session.state
    press(app, pygame.K_u)
    assert app.session.state is reloaded  # nothing of the old version to go back to
    assert "Nothing to take back" in app.toast_text


def test_f5_back_to_an_earlier_day_forgets_the_lesson_days_after_it(make_app, press, copy):
    """Lesson mode's passed days are the game's: continuing the new version from an earlier day
    forgot none of them, and the day passed again was noted twice ([2, 2])."""
    from game.engine.actions import EndDay, Respond

    path, loaded = copy
    app = make_app(lesson_days=1)
    use(app, loaded)
    app.new_game(loaded, 7)
    app.act(Respond(demand="first", response="accept"))
    app.act(EndDay())
    app.pump()
    assert app.session.state.day == 3 and app.session.lesson.passed == [2]
    # the first demand now comes on day 2: the first choice (answering it on day 1) is refused
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "date: 1935-06-01\n    deadline_days: 1", "date: 1935-06-02\n    deadline_days: 1"
        ),
        encoding="utf-8",
    )
    press(app, pygame.K_F5)
    assert names(app)[-1] == "report"
    press(app, pygame.K_RETURN)  # continue on the new version, from day 1
    assert app.session.state.day == 1 and app.session.lesson.passed == []
    assert app.session.lesson.held == 0  # day 3's council held for the ultimatum is forgotten


def test_f5_on_a_file_that_has_not_changed_leaves_every_screen_as_it_was(make_app, press, copy):
    """Accessibility review: a player's stray F5 (the browser's refresh key) reloaded the file,
    closed the open demand and reset the screens to the crisis."""
    _, loaded = copy
    records = []
    app = make_app(recorder=records)
    use(app, loaded)
    app.pump()
    press(app, pygame.K_RETURN)  # new game
    press(app, pygame.K_RETURN)  # begin: the first demand opens
    stack = names(app)
    assert stack[-1] == "demand"
    before = app.session.state
    press(app, pygame.K_F5)
    assert names(app) == stack and app.session.state is before
    toast = " ".join(block.text for block in records[-40:])
    assert "has not changed since it was loaded" in toast, toast
