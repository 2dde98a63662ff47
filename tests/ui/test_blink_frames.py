"""A blink redraws only the header and sends the display only its area, and the window then shows
exactly what a whole redraw would (frames benchmark under Xvfb: a whole flip took 4-6 ms of an
8 ms frame)."""

from __future__ import annotations

import pygame
import pytest

from benchmarks.window import crisis_app


@pytest.fixture
def blinking(monkeypatch):
    app = crisis_app(animating=True)
    app.run(max_frames=1)
    sent: list[object] = []
    monkeypatch.setattr(pygame.display, "update", lambda *rects: sent.append(rects))
    monkeypatch.setattr(pygame.display, "flip", lambda: sent.append("whole"))
    yield app, sent
    pygame.quit()


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")


def test_a_blink_sends_only_the_header_and_draws_what_a_whole_frame_would(blinking):
    app, sent = blinking
    assert app.top.animating(app)
    for _ in range(2):  # both halves of the blink
        app.blink_phase += 1
        app.blinked = True
        app.draw()
        assert sent.pop() == ([app.top.header],)
        blinked = pixels(app.screen)
        app.dirty = True
        app.draw()
        assert sent.pop() == "whole"
        assert pixels(app.screen) == blinked


def test_anything_else_that_changed_redraws_the_whole_window(blinking):
    app, sent = blinking
    app.blink_phase += 1
    app.blinked = True
    app.dirty = True  # a key came too
    app.draw()
    assert sent == ["whole"]


def test_a_blink_under_a_dialog_sends_the_header_of_a_whole_redraw(blinking):
    from game.ui.scenes.dialogs import EventDialog

    app, sent = blinking
    app.push(EventDialog([]))
    app.dirty = True
    app.draw()
    sent.clear()
    app.blink_phase += 1
    app.blinked = True
    app.draw()  # two scenes shown: drawn whole, sent in part
    assert sent == [([app.stack[0].header],)]
