"""The largest text size in the smallest window (QA at 800x600, 145%): what the player must see is
drawn in full; the smallest text size is still readable."""

from __future__ import annotations

import pygame
import pytest

from game.ui.screenshots import render_screenshots
from game.ui.settings import TEXT_SIZES, Settings
from game.ui.text import SMALL
from game.ui.theme import Theme, text_scale

ELLIPSIS = "\u2026"
LARGEST = max(TEXT_SIZES)


@pytest.fixture(scope="module")
def small_large(he_umezu, tmp_path_factory):
    """Every screen of the 1935 scenario at 800x600 with the largest text size: its text blits."""
    by_screen: dict[str, list] = {}
    render_screenshots(
        he_umezu,
        tmp_path_factory.mktemp("shots"),
        size=(800, 600),
        seed=1935,
        recorder=[],
        recorded=by_screen,
        settings=Settings(text_size=LARGEST),
    )
    return by_screen


def texts(records) -> list[str]:
    return [b.text for b in records]


def test_the_reference_window_draws_text_as_chosen():
    for size in TEXT_SIZES:
        assert text_scale(size, (1280, 720)) == pytest.approx(size)


def test_a_small_window_draws_large_text_as_large_as_fits():
    small = text_scale(LARGEST, (800, 600))
    assert small < LARGEST * 0.9  # less than asked for...
    assert small >= text_scale(1.2, (800, 600))  # ...but never less than a smaller setting
    theme = Theme(Settings(text_size=LARGEST), (800, 600))
    assert theme.limited
    assert not Theme(Settings(text_size=LARGEST), (1280, 720)).limited
    assert not Theme(Settings(text_size=1.0), (800, 600)).limited


def test_the_smallest_text_size_stays_readable_in_a_small_window():
    # QA at 1024x768, 85%: the inbox and the map's labels were drawn at the 10 px minimum
    theme = Theme(Settings(text_size=min(TEXT_SIZES)), (1024, 768))
    assert theme.fonts.px("small") >= 11
    assert theme.fonts.px("body") > theme.fonts.px("small")


def test_the_crisis_header_and_action_points_are_drawn_in_full(small_large):
    crisis = texts(small_large["crisis"])
    assert not [t for t in crisis if t.startswith("Action points") and ELLIPSIS in t]
    assert any(t.startswith("Action points left: ") for t in crisis)
    stage = [t for t in crisis if "Stage:" in t]
    assert stage and ELLIPSIS not in stage[0]
    header = [b for b in small_large["crisis"] if b.panel.y < 40 and b.rect.y < 80]
    assert header and not [b.text for b in header if ELLIPSIS in b.text]


def test_every_screen_keeps_its_text_inside_the_window(small_large):
    screen = pygame.Rect(0, 0, 800, 600)
    for name, records in small_large.items():
        assert all(b.panel.contains(b.rect) for b in records), name
        assert all(screen.contains(b.rect) for b in records), name


@pytest.mark.parametrize("size", [(800, 600), (1024, 768), (1280, 720), (1920, 1080)])
@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_every_setting_and_its_note_is_on_the_page(make_app, size, text_size):
    # QA at 800x600, 145%: Mute was drawn below the page, over the key hints, and the notes
    # under Sound volume and Mute were missing (at 1280x720, 145% 'Silence all sounds.')
    from game.ui.scenes.settings import ROWS, SettingsScene

    records: list = []
    app = make_app(size=size, recorder=records, settings=Settings(text_size=text_size))
    app.stack.clear()
    app.push(SettingsScene())
    app.draw()
    scene = app.top
    drawn = " ".join(b.text for b in records)
    for button in scene.rows:
        assert scene.page.contains(button.rect), button.label
        assert button.label in drawn
    for label, _, _, note in ROWS[1:]:
        assert note in drawn, label  # the whole note (wrapped lines are joined by a space)
    inside = [b for b in records if b.panel.colliderect(scene.page)]
    assert all(scene.page.contains(b.rect) and ELLIPSIS not in b.text for b in inside)
    limited = "a larger window shows larger print" in drawn
    assert limited == (size == (800, 600) and text_size == LARGEST)


def test_a_demand_shows_most_of_its_answers_and_says_its_text_goes_on(small_large):
    # QA at 800x600, 145%: one answer shown above blank space ("4 more below"), and the demand's
    # clipped text had a scroll marker but no "more below" line
    records = small_large["demand"]
    banner = next(
        i for i, b in enumerate(records) if b.text.startswith(("ULTIMATUM \u2014", "DEMAND \u2014"))
    )
    dialog = records[banner:]  # what the dialog drew, over the crisis screen drawn before it
    numbers = {b.text.split(".")[0] for b in dialog if b.text[:1].isdigit() and ". " in b.text}
    assert {"1", "2", "3"} <= numbers
    assert any(b.text.startswith("Deadline:") and ELLIPSIS not in b.text for b in dialog)
    # its words show whole (they do since the dialog found them room), or say that more follow
    drawn = [b.text for b in dialog]
    whole = any(text.endswith("ultimatum was given.") for text in drawn)  # its last words
    assert whole or any("more lines below" in text for text in drawn)


def test_the_key_hints_are_those_of_the_screen_on_top(mini, tmp_path):
    # QA: under every dialog and the menu the band still said "1–9 take action · E end day ·
    # B briefing", keys that do nothing there
    from game.ui.scenes.menu import PauseScene

    by_screen: dict[str, list] = {}
    render_screenshots(mini, tmp_path, size=(1280, 720), seed=7, recorder=[], recorded=by_screen)
    band = {
        name: [b.text for b in records if b.rect.y > 690] for name, records in by_screen.items()
    }
    assert any("E end day" in text for text in band["crisis"])
    for name in ("demand", "event", "day_summary"):
        assert band[name] and not any("end day" in text for text in band[name]), name
    assert any("Esc decide later" in text for text in band["demand"])
    assert any("continue" in text for text in band["event"])
    assert PauseScene.hint and "end day" not in PauseScene.hint


def test_with_the_largest_text_a_large_window_shows_every_answer_of_the_ultimatum(
    he_umezu, tmp_path
):
    # QA round 2: at 1920x1080 with 145% text the ultimatum showed 2 of its 5 answers
    by_screen: dict[str, list] = {}
    render_screenshots(
        he_umezu,
        tmp_path,
        size=(1920, 1080),
        seed=1935,
        recorder=[],
        recorded=by_screen,
        settings=Settings(text_size=LARGEST),
    )
    records = by_screen["demand"]
    banner = next(i for i, b in enumerate(records) if b.text.startswith("ULTIMATUM \u2014"))
    numbers = {
        b.text.split(".")[0]
        for b in records[banner:]
        if b.text[:2] in {f"{n}." for n in range(1, 6)}
    }
    assert numbers == {"1", "2", "3", "4", "5"}


def test_a_dialog_leaves_the_key_hints_readable(small_large):
    # at 800x600 with 145% text the dialog's frame covered the band of key hints
    records = small_large["demand"]
    banner = next(
        i for i, b in enumerate(records) if b.text.startswith(("ULTIMATUM \u2014", "DEMAND \u2014"))
    )
    hint = next(b for b in records[banner:] if "Esc decide later" in b.text)
    assert all(b.panel.bottom <= hint.rect.top for b in records[banner:] if b is not hint)


def test_a_key_hint_too_long_for_the_window_keeps_its_way_out(small_large):
    # final QA: at 800x600 with 145% text the crisis screen's hints ended "F1 help · Esc m…"
    band = [b.text for b in small_large["crisis"] if "choose action" in b.text]
    assert band and band[0].endswith("Esc menu") and "\u2026" not in band[0]


def test_the_situations_names_are_not_cut_with_the_largest_text(small_large):
    # QA: at 800x600 with 145% text the names read "Japanese pre…" and "Nanjing's t…"
    texts = [b.text for b in small_large["crisis"]]
    assert "Japanese pressure" in texts and "Nanjing's trust" in texts


def test_a_person_too_long_for_the_situation_loses_the_chinese_name_before_being_cut(
    make_app, monkeypatch
):
    # final QA: at 800x600 with 145% text, "Umezu Yoshijirō…" and "Doihara Kenji 土肥…"
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.view import Attitude

    records: list = []
    app = make_app(size=(800, 600), recorder=records, settings=Settings(text_size=LARGEST))
    app.new_game(app.loaded, 7)
    crisis = CrisisScene()
    app.apply(Reset(crisis))
    app.pump()
    person = Attitude("umezu", "Umezu Yoshijirō 梅津美治郎", "japan", -30, "unfriendly")
    monkeypatch.setattr(CrisisScene, "stat_rows", lambda self: [("actor", person)])
    records.clear()
    row = pygame.Rect(0, 0, 260, 40)
    crisis.draw_stat_row(app, pygame.Surface((300, 60)), row, 0, False)
    names = [b.text for b in records if b.text.startswith("Umezu")]
    assert names == ["Umezu Yoshijirō"]


def test_a_long_fact_in_the_situation_wraps_instead_of_being_cut(make_app, monkeypatch):
    # final QA: "Concessions are presented as China'…" at 800x600 with 145% text
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    records: list = []
    app = make_app(size=(800, 600), recorder=records, settings=Settings(text_size=LARGEST))
    app.new_game(app.loaded, 7)
    crisis = CrisisScene()
    app.apply(Reset(crisis))
    app.pump()
    fact = "Concessions are presented as China's own decision, made of its own accord"
    monkeypatch.setattr(CrisisScene, "stat_rows", lambda self: [("fact", fact)])
    height = crisis.stat_row_height(app, 0, 260)
    assert height > 2 * app.ink.height(SMALL)
    records.clear()
    crisis.draw_stat_row(
        app, pygame.Surface((300, height)), pygame.Rect(0, 0, 260, height), 0, False
    )
    assert "\u2026" not in "".join(b.text for b in records)
    assert " ".join(b.text for b in records).split(" ", 1)[1] == fact


@pytest.mark.parametrize("size", [(1280, 720), (800, 600)])
def test_the_situation_shows_three_stats_with_the_largest_text(make_app, he_umezu, size):
    """Play-test at 145%: the situation under the map showed one stat of 33 ("↓ 23 more
    below"); the map now gives up room, down to 40% of the column, for the first three."""
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app(loaded=he_umezu, size=size, settings=Settings(text_size=LARGEST))
    app.new_game(he_umezu, 1935)
    app.apply(Reset(CrisisScene()))
    app.pump()
    crisis = app.top
    shown = [i for i, _ in crisis.stats._visible() if crisis.stat_rows()[i][0] == "stat"]
    assert len(shown) >= 3
    assert crisis.map_panel.height >= 0.4 * (crisis.map_panel.height + crisis.stats_panel.height)
