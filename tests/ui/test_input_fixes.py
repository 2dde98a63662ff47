"""Input fixes from a QA pass of the window: clicks, typing, scrolling, Esc, full screen, toasts."""

from __future__ import annotations

import pygame


def test_a_text_that_fits_does_not_scroll_and_a_long_one_stops_at_its_last_line(make_app, press):
    from game.ui.settings import Settings
    from game.ui.text import BODY

    app = make_app(size=(1024, 768), settings=Settings(text_size=1.45))
    app.pump()
    press(app, pygame.K_c)  # the codex
    codex = app.top
    assert codex.name == "codex"
    press(app, pygame.K_TAB)  # to the entry's text
    pane = codex.pane
    assert pane.height_needed(app.ink) <= pane.rect.height  # the first entry fits
    for key in (pygame.K_PAGEDOWN, pygame.K_DOWN, pygame.K_END):
        press(app, key)
        assert pane.offset == 0, key  # QA: it moved away, leaving its last line at the top

    pane.paragraphs = lambda: [(BODY, f"Line {n}") for n in range(200)]
    app.dirty = True
    app.pump()
    for _ in range(40):
        press(app, pygame.K_PAGEDOWN)
    last = pane.offset
    assert 0 < last < 199
    press(app, pygame.K_DOWN)
    press(app, pygame.K_END)
    assert pane.offset == last  # the last line stays at the bottom of a full pane
    shown = sum(app.ink.height(BODY) for _ in range(200 - last))
    assert shown <= pane.rect.height - 4 < shown + app.ink.height(BODY)
