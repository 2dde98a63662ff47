"""Tab on the crisis screen follows the screen, left to right and top to bottom (review: it went
right, middle, left, right); the focus still starts on the day's council."""

from __future__ import annotations

import pygame


def test_tab_goes_left_to_right_and_top_to_bottom(make_app, press):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene

    app = make_app()
    app.new_game(app.loaded, 7)
    crisis = CrisisScene()
    app.apply(Reset(crisis))
    app.pump()
    assert crisis.focused() is crisis.action_list  # where the day's choices are
    visited = []
    for _ in range(len(crisis.widgets)):
        press(app, pygame.K_TAB)
        visited.append(crisis.focused())
    assert visited[-1] is crisis.action_list  # round again
    start = visited.index(crisis.stats)
    order = visited[start:] + visited[:start]
    rects = [w.rect for w in order]
    # each next stop is in a column further right, or lower in the same column
    for before, after in zip(rects, rects[1:], strict=False):
        assert after.x > before.right or (after.x == before.x and after.y > before.y), (
            before,
            after,
        )
    # and Shift+Tab goes back the same way
    press(app, pygame.K_TAB, pygame.KMOD_SHIFT)
    assert crisis.focused() is order[order.index(crisis.action_list) - 1]
