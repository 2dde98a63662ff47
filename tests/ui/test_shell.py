"""The window's shell: no-display fallback, settings file, synthesized sounds, the pure view models."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_run_window_refuses_a_headless_driver(mini):
    from game.ui.app import WindowUnavailable, run_window

    with pytest.raises(WindowUnavailable, match="headless"):
        run_window(mini, seed=1)


def test_no_display_means_one_line_then_the_text_game(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")
    }
    env["HOME"] = str(tmp_path)
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "main.py", "--scenario", "tests/fixtures/mini.yaml", "--seed", "3"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert "Traceback" not in done.stderr + done.stdout
    notices = [line for line in done.stderr.splitlines() if "display" in line.lower()]
    assert len(notices) == 1
    assert "Mini crisis" in done.stdout  # the text front end started


def test_settings_round_trip_and_a_damaged_file_is_not_fatal(tmp_path):
    from game.ui.settings import Settings, load_settings, next_text_size, save_settings

    assert save_settings(Settings(text_size=1.2, palette="colour_blind", mute=True), tmp_path) == ""
    loaded, note = load_settings(tmp_path)
    assert (loaded.text_size, loaded.palette, loaded.mute, note) == (1.2, "colour_blind", True, "")
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    loaded, note = load_settings(tmp_path)
    assert loaded == Settings() and "damaged" in note
    assert next_text_size(1.0) == 1.2 and next_text_size(1.0, -1) == 0.85
    assert next_text_size(1.45) == 1.45 and next_text_size(0.85, -1) == 0.85  # no wrapping round


def test_settings_change_the_palette_and_are_saved(make_app, tmp_path):
    app = make_app()
    app.persist_settings = True
    standard = app.theme.c("good")
    app.change_settings(app.settings.model_copy(update={"palette": "colour_blind"}))
    assert app.theme.c("good") != standard
    assert '"colour_blind"' in (tmp_path / "config" / "settings.json").read_text(encoding="utf-8")


def test_sounds_are_synthesized_and_silent_without_a_device(monkeypatch):
    import pygame

    from game.ui import sound

    shapes = sound.waveforms()
    assert set(shapes) == {"telegraph", "typewriter", "alarm"}
    assert all(
        len(samples) > 1000 and max(abs(s) for s in samples) <= 1.0 for samples in shapes.values()
    )

    def no_device(*args, **kwargs):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    silent = sound.Sounds()
    assert silent.sounds == {}
    silent.play("alarm")  # nothing happens, nothing raised


def test_view_hides_unrevealed_stats_and_marks_pending_demands(mini):
    from game.engine.actions import TakeAction
    from game.engine.api import new_game, step
    from game.ui.view import crisis_view

    state, _ = new_game(mini.scenario, 7)
    view = crisis_view(mini.scenario, state, {"places": []}, len(state.inbox))
    bars = {bar.id: bar for bar in view.stats}
    assert bars["readiness"].text == "?" and bars["pressure"].text == "40"
    assert [d.id for d in view.demands] == ["first"]
    assert any(item.demand == "first" for item in view.inbox)
    assert view.header.countdown.startswith("Deadline: First demand")
    prepare = next(row for row in view.actions if row.id == "prepare")
    assert "uncertain" in prepare.consequences
    state, _ = step(mini.scenario, state, TakeAction(action="spy"))  # reveals readiness
    view = crisis_view(mini.scenario, state, {"places": []}, 1)
    assert next(bar for bar in view.stats if bar.id == "readiness").value == 20
    assert view.header.budget == 1
    talk = next(row for row in view.actions if row.id == "talk")
    assert talk.available
    spy = next(row for row in view.actions if row.id == "spy")
    assert not spy.available and spy.reason


def test_units_follow_their_moves(mini):
    from game.engine.api import new_game
    from game.scenario.model import Unit, UnitMove
    from game.ui.view import map_places, map_units

    scenario = mini.scenario.model_copy(
        update={
            "units": {
                "guard": Unit(
                    name="Guard",
                    side="japan",
                    place="capital",
                    moved_to=[UnitMove(place="tianjin", when="pressure >= 40")],
                ),
                "hidden": Unit(
                    name="Hidden", side="china", place="capital", visible_when="pressure > 90"
                ),
            }
        }
    )
    state, _ = new_game(scenario, 7)
    places = map_places(
        scenario,
        {"places": [{"id": "tianjin", "name": "Tianjin", "lon": 117.2, "lat": 39.13}]},
        set(),
    )
    units = map_units(scenario, state, places)
    assert [(u.id, u.place) for u in units] == [("guard", "tianjin")]


def test_no_sound_device_means_no_audio_library_noise(monkeypatch, tmp_path):
    """Where Linux has no sound card and no sound server, the mixer is never opened (ALSA would print errors)."""
    import sys

    from game.ui import sound

    if not sys.platform.startswith("linux"):
        return
    monkeypatch.setenv("SDL_AUDIODRIVER", "alsa")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    monkeypatch.delenv("PIPEWIRE_REMOTE", raising=False)
    monkeypatch.setattr(
        sound, "Path", lambda *parts: tmp_path.joinpath(*[p.lstrip("/") for p in parts])
    )
    assert sound.audio_device_likely() is False
    assert sound.Sounds().sounds == {}
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    assert sound.audio_device_likely() is True


def test_crisis_view_tracks_what_has_been_done(mini):
    from game.engine.actions import Respond
    from game.engine.api import new_game, step
    from game.ui.view import crisis_view

    state, _ = new_game(mini.scenario, 7)
    assert crisis_view(mini.scenario, state, {"bbox": {}}).facts == []
    state, _ = step(mini.scenario, state, Respond(demand="first", response="accept"))
    assert crisis_view(mini.scenario, state, {"bbox": {}}).facts == ["Conceded"]


def test_a_day_with_nothing_to_do_says_so_in_the_council(make_app, monkeypatch):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import NO_COUNCIL, CrisisScene

    records = []
    app = make_app(recorder=records)
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    assert NO_COUNCIL not in " ".join(b.text for b in records)
    monkeypatch.setattr(CrisisScene, "rows", lambda self: [])  # e.g. an invasion: no actions left
    app.dirty = True
    app.pump()
    drawn = " ".join(b.text for b in records)
    assert "Nothing can be done or answered today" in drawn and "end the day (E)" in drawn


def test_the_players_answer_is_addressed_to_the_issuer_not_from_him(mini):
    # QA: after answering, the slip read "YOUR ANSWER — from <the envoy>"
    from game.engine.actions import Respond
    from game.engine.api import new_game, step
    from game.ui.view import crisis_view

    state, _ = new_game(mini.scenario, 7)
    state, _ = step(mini.scenario, state, Respond(demand="first", response="stall"))
    items = crisis_view(mini.scenario, state, {"places": []}, len(state.inbox)).inbox
    answer = next(item for item in items if item.kind == "demand_answered")
    demand = next(item for item in items if item.kind == "demand")
    assert answer.sender == "The Envoy" and answer.correspondent == "to the Envoy"
    assert demand.correspondent == "from the Envoy"


def test_who_an_item_is_from_reads_as_running_text():
    # QA: "Meeting from Sakai Takashi", "Report from The North China press"
    from game.analysis.describe import correspondent

    assert correspondent("meeting", "Sakai Takashi") == "with Sakai Takashi"
    assert correspondent("actor", "Sakai Takashi") == "by Sakai Takashi"  # not his report
    assert correspondent("report", "The North China press") == "from the North China press"
    assert correspondent("demand_answered", "Sakai Takashi") == "to Sakai Takashi"
    assert correspondent("telegram", "Theodore") == "from Theodore"
    assert correspondent("report", "") == ""
