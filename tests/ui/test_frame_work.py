"""What a frame does when nothing changed: the demand dialog is not laid out again, and a list
measures its rows once."""

from __future__ import annotations

import pygame


def _demand(make_app, **kwargs):
    from game.ui.scene import Reset
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.dialogs import DemandDialog

    app = make_app(**kwargs)
    app.new_game(app.loaded, 7)
    app.apply(Reset(CrisisScene()))
    app.push(DemandDialog("first"))
    app.pump()
    return app, app.top


def test_an_unchanged_demand_dialog_is_not_laid_out_again(make_app, press):
    from game.ui.settings import Settings

    app, dialog = _demand(make_app, settings=Settings(text_size=1.45))
    layouts = []
    frame_layout = dialog.frame_layout
    dialog.frame_layout = lambda *args: layouts.append(1) or frame_layout(*args)
    app.draw()
    app.draw()
    assert layouts == []  # nothing changed: the rectangles of the last layout stand
    placed = (tuple(dialog.text.rect), tuple(dialog.answers.rect), dialog.compact)

    dialog.focus = dialog.widgets.index(dialog.answers)
    press(app, pygame.K_DOWN)  # the first arrow shows the highlight, on the first answer
    press(app, pygame.K_DOWN)  # another answer chosen: it shows whole, the others may be cut
    app.draw()
    assert layouts and dialog.answers.selected == 1
    count = len(layouts)
    app.draw()
    assert len(layouts) == count

    press(app, pygame.K_UP)  # back as it was: the same layout as before
    app.draw()
    assert (tuple(dialog.text.rect), tuple(dialog.answers.rect), dialog.compact) == placed

    app.change_settings(Settings(text_size=1.0))  # another text size: laid out again
    app.draw()
    assert len(layouts) > count + 1
    app.resize((800, 600))
    count = len(layouts)
    app.draw()
    assert len(layouts) == count + 1
    assert dialog.box.right <= 800


def _rows(heights, rect):
    from game.ui.widgets import ListWidget

    return ListWidget(
        count=lambda: len(heights),
        row_height=lambda i, w: heights[i],
        draw_row=lambda *args: None,
        rect=pygame.Rect(rect),
    )


def test_a_list_counts_a_cut_first_row_as_not_shown_whole(make_app):
    app = make_app()
    tall = _rows([300, 40], (0, 0, 200, 120))  # the first row is taller than the list
    assert [i for i, _ in tall._visible()] == [0]
    assert tall.shown(app.ink) == (0, False)
    fits = _rows([40, 40, 300], (0, 0, 200, 120))
    assert fits.shown(app.ink)[0] == 2


def test_a_list_finds_its_visible_rows_once_per_draw(make_app):
    app = make_app()
    rows = _rows([30] * 10 + [200], (0, 0, 200, 160))
    calls = []
    visible = rows._visible
    rows._visible = lambda: calls.append(1) or visible()
    rows.draw(pygame.Surface((200, 160)), app.ink, False)
    assert len(calls) == 1
