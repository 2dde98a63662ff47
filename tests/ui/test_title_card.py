"""The title card of the 1935 scenario at every text size: the rule under the subtitle clears
its descenders, and the summary is shown whole."""

from __future__ import annotations

import pytest

from game.ui.settings import TEXT_SIZES, Settings

ELLIPSIS = "\u2026"


@pytest.fixture
def title_of(he_umezu, make_app):
    """The title screen drawn in a window of `size` at `text_size`: (app, scene)."""
    from game.ui.scenes.title import TitleScene

    def draw(size, text_size, recorder=None):
        app = make_app(size, recorder, he_umezu, 1935, settings=Settings(text_size=text_size))
        app.stack.clear()
        scene = TitleScene()
        app.push(scene)
        app.draw()
        return app, scene

    return draw


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_rule_under_the_subtitle_clears_its_descenders(title_of, text_size):
    """QA (title.png at 1280x720): the rule under "Sixteen days in Peiping…" touched the p, g
    and q. Between the lowest inked pixel of the subtitle and the rule, a third of a line is
    clear, at every text size."""
    from game.ui.text import Style

    app, scene = title_of((1280, 720), text_size)
    (left, y), (right, _) = scene.rule
    paper = app.screen.get_at((scene.panel.x + 2, scene.panel.y + 2))
    assert app.screen.get_at(((left + right) // 2, y)) != paper, "no rule where it was drawn"
    line = app.ink.height(Style("serif", "body", "ink_soft"))
    inked = [
        row
        for row in range(y - line, y)
        if any(
            app.screen.get_at((x, row)) != paper for x in range(scene.inner.x, scene.inner.right)
        )
    ]
    assert inked, "no subtitle above the rule"
    clear = y - max(inked) - 1
    assert clear >= line // 3, f"{clear} px between the subtitle and the rule ({line} px lines)"


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_summary_is_shown_whole_at_every_text_size(title_of, he_umezu, text_size):
    """QA at 145% in 1280x720: the summary ended after three lines with "…". The buttons go in
    two columns (and the card widens) when one column leaves the summary too little room."""
    records: list = []
    app, scene = title_of((1280, 720), text_size, records)
    summary = app.ink.wrap(he_umezu.scenario.summary, scene.text_area.width)
    shown = [b.text for b in records if b.panel.colliderect(scene.text_area)]
    assert all(line in shown for line in summary), f"summary cut: {shown}"
    assert not any(text.endswith(ELLIPSIS) for text in shown)
    buttons = {w.rect.x for w in scene.widgets}
    if text_size <= 1.0:
        assert len(buttons) == 1  # one column at 100%
    elif text_size >= 1.45:
        assert len(buttons) == 2  # the QA case: two columns
    assert all(scene.panel.contains(w.rect) for w in scene.widgets)
    for a in scene.widgets:
        assert a.rect.collidelist([b.rect for b in scene.widgets if b is not a]) < 0


@pytest.mark.parametrize("text_size", [1.0, 1.45])
def test_an_ultimatum_keeps_a_readable_part_of_its_text(
    he_umezu, crisis_moment, make_app, text_size
):
    """QA at 145% in 1280x720: the ultimatum's text got one line (the answers took the rest).
    However many answers want the room, a few lines of the demand's own words show."""
    from game.ui.scenes.crisis import CrisisScene
    from game.ui.scenes.dialogs import DemandDialog
    from game.ui.screenshots import _session_after
    from game.ui.text import TYPE

    records: list = []
    settings = Settings(text_size=text_size)
    app = make_app((1280, 720), records, he_umezu, 1935, settings=settings)
    app.session = _session_after(he_umezu, 1935, crisis_moment)
    pending = [d for d, a in app.session.state.demands.items() if a.status == "pending"]
    ultimatum = next(d for d in pending if he_umezu.scenario.demands[d].ultimatum)
    dialog = DemandDialog(ultimatum)
    app.stack.clear()
    app.push(CrisisScene())
    app.push(dialog)
    app.draw()
    words = {text for style, text in dialog.text.lines(app.ink) if style == TYPE and text}
    shown = [b.text for b in records if b.text in words and dialog.text.rect.contains(b.rect)]
    assert len(shown) >= 3, f"the ultimatum's words shown: {shown}"
    answers = dialog.answers._visible()
    assert len(answers) >= 1


@pytest.mark.parametrize("size", [(800, 600), (1024, 768), (1280, 720)])
@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_a_long_scenario_title_is_shown_whole(make_app, size, text_size):
    """Student play-test at 1024x768 with 120% text: the card showed "Tutorial: Five / Days at
    the", its last word cut off (two lines at the title's size at most). A title that needs
    more is set a size smaller, so every word of it shows."""
    from pathlib import Path

    from game.scenario.load import load_scenario
    from game.ui.scenes.title import TitleScene

    tutorial = load_scenario(Path(__file__).parents[2] / "scenarios" / "tutorial.yaml")
    records: list = []
    app = make_app(size, records, tutorial, 7, settings=Settings(text_size=text_size))
    app.stack.clear()
    scene = TitleScene()
    app.push(scene)
    app.draw()
    title, _, _ = scene.head_lines(app, scene.text_area.width)
    assert " ".join(title).split() == tutorial.scenario.title.split()
    drawn = [block.text for block in records]
    assert all(line in drawn for line in title)
