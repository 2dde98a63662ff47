"""One focus ring on the screen: the scene on top draws its own; the scenes under a dialog or a
menu do not draw theirs through the shading (review: two or three rings at once)."""

from __future__ import annotations

import pygame


def test_only_the_scene_on_top_draws_its_focus(make_app, press, monkeypatch):
    import game.ui.widgets as widgets
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    rings: list[pygame.Rect] = []
    real = widgets.focus_ring

    def record(surface, ink, rect):
        rings.append(pygame.Rect(rect))
        real(surface, ink, rect)

    monkeypatch.setattr(widgets, "focus_ring", record)
    app = make_app()
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.pump()
    crisis = app.top
    press(app, pygame.K_a)  # the council has the focus
    press(app, pygame.K_ESCAPE)  # the menu over it
    press(app, pygame.K_DOWN)
    press(app, pygame.K_DOWN)  # on Settings
    menu = app.top
    assert [s.name for s in app.stack] == ["crisis", "menu"]
    rings.clear()
    app.dirty = True
    app.pump()
    assert rings == [menu.focused().rect]  # not also the council's, under the menu
    press(app, pygame.K_RETURN)  # Settings, a full page over them both
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)  # back to the crisis screen: its ring shows again
    assert app.top is crisis
    rings.clear()
    app.dirty = True
    app.pump()
    assert rings == [crisis.action_list.rect]
