"""The codex grows as the player learns (new entries marked), opens from every screen; the one animation obeys reduced motion."""

from __future__ import annotations

import pygame
import pytest

from game.engine.actions import EndDay, Respond
from game.engine.api import new_game, step


def names(app):
    return [scene.name for scene in app.stack]


@pytest.fixture
def with_codex(mini):
    """The mini scenario with two codex entries: one known from the start, one learned when pressure rises."""
    from game.scenario.load import LoadedScenario
    from game.scenario.model import CodexEntry

    entries = {
        "envoy_note": CodexEntry(
            title="The envoy's note", kind="document", text="Known from the start."
        ),
        "war_party": CodexEntry(
            title="The war party",
            kind="organisation",
            text="Officers who want a fight.",
            unlock_when="pressure >= 60",
        ),
    }
    return LoadedScenario(
        mini.scenario.model_copy(update={"codex": entries}), mini.path, mini.content_hash
    )


def test_an_entry_unlocks_when_its_condition_holds_and_is_marked_new_once(
    make_app, press, with_codex
):
    from game.ui.scene import Reset
    from game.ui.scenes.title import TitleScene

    records = []
    app = make_app(recorder=records)
    app.loaded = with_codex
    app.apply(Reset(TitleScene()))
    app.pump()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # the first demand is shown
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_c)
    assert names(app) == ["crisis", "codex"]
    titles = {item.title: item for item in app.top.items}
    assert (
        "The envoy's note" in titles and not titles["The envoy's note"].new
    )  # there from the start: not news
    assert "The war party" not in titles
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_RETURN)  # the first row of the council: answer the first demand
    assert names(app) == ["crisis", "demand"]
    press(app, pygame.K_3)  # refuse
    press(app, pygame.K_3)  # the same number again: done
    assert app.session.state.stats["pressure"] >= 60
    assert "New in the codex: The war party" in app.toast_text
    press(app, pygame.K_RETURN)  # close what followed
    assert names(app) == ["crisis"]
    assert "C codex (1 new)" in " ".join(b.text for b in records)
    press(app, pygame.K_F2)
    items = app.top.items
    learned = next(item for item in items if item.title == "The war party")
    assert learned.new
    sections = [item.section for item in items]
    first_of_section = sections.index(learned.section)
    assert items[first_of_section] is learned  # new entries lead their section
    assert "NEW" in " ".join(b.text for b in records)
    press(app, pygame.K_c)  # C closes the codex too
    assert names(app) == ["crisis"]
    assert "(1 new)" not in " ".join(b.text for b in records)
    press(app, pygame.K_c)
    assert not next(
        item for item in app.top.items if item.title == "The war party"
    ).new  # seen: no longer new


def _crisis():
    from game.ui.scenes.crisis import CrisisScene

    return CrisisScene()


def stacks(app, mini):
    """Every kind of screen, built as the game builds it: (name of the top, scenes bottom to top)."""
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.crash import CrashScene
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.dialogs import DaySummaryScene, DemandDialog, EventDialog
    from game.ui.scenes.ending import DebriefScene, EndingScene
    from game.ui.scenes.help import HelpScene
    from game.ui.scenes.menu import PauseScene
    from game.ui.scenes.report import ReportScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.title import LoadScene, TitleScene
    from game.ui.session import Session

    start = new_game(mini.scenario, 7)
    after = step(mini.scenario, start.state, EndDay())
    yield "title", lambda: [TitleScene()]
    yield "settings", lambda: [TitleScene(), SettingsScene()]
    yield "help", lambda: [TitleScene(), HelpScene()]
    yield "load", lambda: [TitleScene(), LoadScene()]
    app.session = Session(mini, 7, start.state, 0, list(start.events))
    yield "briefing", lambda: [BriefingScene(first=True)]
    yield "crisis", lambda: [CrisisScene()]
    yield "menu", lambda: [CrisisScene(), PauseScene()]
    yield "demand", lambda: [CrisisScene(), DemandDialog("first")]
    yield "event", lambda: [CrisisScene(), EventDialog(list(start.events))]
    yield (
        "day_summary",
        lambda: [CrisisScene(), DaySummaryScene(start.state, after.state, list(after.events))],
    )
    yield (
        "report",
        lambda: [CrisisScene(), ReportScene("Errors", "A note", ["a.yaml:1:1: error: x"])],
    )
    yield "crash", lambda: [CrashScene("ValueError: x", app.save_folder / "crash.txt")]
    over = step(
        mini.scenario,
        step(mini.scenario, start.state, Respond(demand="first", response="accept")).state,
        EndDay(),
    ).state
    while not over.over:
        over = step(mini.scenario, over, EndDay()).state
    app.session = Session(mini, 7, over, 0, [])
    yield "ending", lambda: [EndingScene()]
    yield "debrief", lambda: [EndingScene(), DebriefScene()]


def test_the_codex_opens_from_every_screen_with_f2_or_c_and_closes_back_to_it(
    make_app, press, mini
):
    app = make_app()
    seen = []
    for name, build in stacks(app, mini):
        for key in (pygame.K_F2, pygame.K_c):
            app.stack.clear()
            for scene in build():
                app.push(scene)
            app.pump()
            assert names(app)[-1] == name
            press(app, key)
            assert names(app)[-1] == "codex", (
                f"{name}: {pygame.key.name(key)} did not open the codex"
            )
            press(app, pygame.K_ESCAPE)
            assert names(app)[-1] == name, f"{name}: Esc from the codex did not come back"
        seen.append(name)
    assert len(seen) == 14 and not app.crashes


def last_day_app(make_app, mini, **settings):
    """The crisis screen on the last day of the mini scenario's ultimatum."""
    from game.ui.scene import Reset
    from game.ui.session import Session
    from game.ui.settings import Settings

    state = step(
        mini.scenario, new_game(mini.scenario, 7).state, Respond(demand="first", response="refuse")
    ).state
    while state.day < 4:
        state = step(mini.scenario, state, EndDay()).state
    app = make_app(settings=Settings(**settings))
    app.session = Session(mini, 7, state, 0, [])
    app.apply(Reset(_crisis()))
    app.pump()
    assert app.top.view.header.last_day
    return app


def countdown_pixels(app) -> bytes:
    rect = app.top.header
    return pygame.image.tobytes(app.screen.subsurface(rect), "RGB")


def test_a_last_day_ultimatum_blinks_and_reduced_motion_stops_it(make_app, mini):
    app = last_day_app(make_app, mini)
    assert app.top.animating(app)
    frames, first = app.frames, countdown_pixels(app)
    app.clock.now += 10
    app.pump()
    assert app.frames == frames  # within one beat nothing is redrawn
    app.clock.now += 600
    app.pump()
    assert app.frames == frames + 1  # the beat: one redraw, and the countdown looks different
    second = countdown_pixels(app)
    assert second != first
    app.clock.now += 600
    app.pump()
    assert countdown_pixels(app) == first

    still = last_day_app(make_app, mini, reduced_motion=True)
    frames, first = still.frames, countdown_pixels(still)
    for _ in range(5):
        still.clock.now += 600
        still.pump()
    assert still.frames == frames  # nothing moves, nothing is redrawn
    assert countdown_pixels(still) == first
    assert still.top.countdown_rect is not None  # still marked (paper on red), just not blinking


def test_nothing_animates_on_an_ordinary_day_so_an_idle_window_draws_nothing(make_app, press):
    app = make_app()
    app.pump()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_ESCAPE)
    assert names(app) == ["crisis"] and not app.top.view.header.last_day
    frames = app.frames
    for _ in range(10):
        app.clock.now += 700
        app.pump()
    assert app.frames == frames


def test_high_contrast_is_black_on_white(make_app):
    app = make_app()
    app.change_settings(app.settings.model_copy(update={"high_contrast": True}))
    theme = app.theme
    assert (
        theme.c("paper") == (255, 255, 255)
        and theme.c("ink") == (0, 0, 0)
        and theme.c("ink_soft") == (0, 0, 0)
    )

    def luminance(rgb):
        def channel(c):
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast(a, b):
        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    # every colour text is drawn in reaches WCAG AAA (7:1) on the paper, and AA (4.5:1) for the disabled grey
    for name in ("ink", "ink_soft", "urgent", "good", "bad", "neutral"):
        assert contrast(theme.c(name), theme.c("paper")) >= 7, name
    assert contrast(theme.c("disabled"), theme.c("paper")) >= 4.5
    assert (
        contrast(theme.c("paper"), theme.c("urgent")) >= 7
    )  # the last-day countdown: paper on red
