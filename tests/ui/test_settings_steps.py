"""Settings stepped down and up: the text size stops at its ends as the volume does, and the mouse
can lower a setting as well as raise it (a click on the left of its button steps down)."""

from __future__ import annotations

import pygame

from game.ui.settings import TEXT_SIZES, Settings


def settings_scene(make_app, settings=None):
    from game.ui.scenes.settings import SettingsScene

    app = make_app(settings=settings)
    app.push(SettingsScene())
    app.pump()
    return app, app.top


def click(app, pos):
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    app.pump()
    app.clock.now += 1000  # not a double click


def test_the_text_size_stops_at_the_largest_and_the_smallest(make_app, press):
    # review: → from 145% gave 85%
    app, scene = settings_scene(make_app, Settings(text_size=max(TEXT_SIZES)))
    assert scene.focused() is scene.rows[0]  # Text size
    press(app, pygame.K_RIGHT)
    assert app.settings.text_size == max(TEXT_SIZES)
    press(app, pygame.K_RETURN)
    assert app.settings.text_size == max(TEXT_SIZES)
    for _ in TEXT_SIZES:
        press(app, pygame.K_LEFT)
    assert app.settings.text_size == min(TEXT_SIZES)
    press(app, pygame.K_LEFT)
    assert app.settings.text_size == min(TEXT_SIZES)


def test_a_click_on_the_left_of_the_volume_lowers_it_on_the_right_raises_it(make_app):
    # review: clicking "Sound volume" only ever stepped up
    app, scene = settings_scene(make_app, Settings(volume=70))
    volume = scene.rows[5]
    assert "Sound volume" in volume.label
    click(app, (volume.rect.x + 8, volume.rect.centery))
    assert app.settings.volume == 60
    click(app, (volume.rect.x + 8, volume.rect.centery))
    assert app.settings.volume == 50
    click(app, (volume.rect.right - 8, volume.rect.centery))
    assert app.settings.volume == 60
    size = scene.rows[0]
    click(app, (size.rect.x + 8, size.rect.centery))
    assert app.settings.text_size == 0.85  # from 100%, one step down


def test_the_stepped_settings_show_arrows_at_both_ends_greyed_at_an_end(make_app):
    from game.ui.text import Blit

    records: list[Blit] = []
    app = make_app(recorder=records, settings=Settings(volume=100))
    from game.ui.scenes.settings import SettingsScene

    app.push(SettingsScene())
    app.pump()
    volume = app.top.rows[5].rect
    arrows = sorted(
        (b.rect.x, b.text)
        for b in records
        if b.rect.colliderect(volume) and b.text in ("\u25c2", "\u25b8")
    )
    assert [text for _, text in arrows] == ["\u25c2", "\u25b8"]
    left, right = arrows[0][0], arrows[1][0]
    assert left < volume.centerx < right
    from game.ui.theme import luminance

    # at 100% the right arrow is greyed (the disabled colour), the left drawn in ink
    def darkest(x):
        return min(
            luminance(tuple(app.screen.get_at((px, py)))[:3])
            for px in range(x, x + 12)
            for py in range(volume.y + 4, volume.bottom - 4)
        )

    assert darkest(left) < darkest(right)
