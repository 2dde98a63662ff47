"""A day's "In the game" list tells an item the scenario marks counterfactual from the record.

History review: the report listed "Agents' reports from the Great Wall" and "A rumour about the
Tianjin gunmen" with footnotes exactly like recorded items, though the inbox had called them the
game's inventions (their sources are only what they are grounded in).
"""

from __future__ import annotations

from game.analysis.replay import play, scripted
from game.debrief import build_debrief, render_html, render_markdown
from game.debrief.model import INVENTED_GROUNDED
from game.scenario.load import load_scenario_bytes
from game.text.debrief_view import debrief_lines
from game.text.style import Style
from tests.conftest import edited_mini


def debrief_of(*edits):
    scenario = load_scenario_bytes(edited_mini(*edits).encode(), "cf.yaml").scenario
    final = play(scenario, 1, scripted(["end", "end", "end"])).final
    return build_debrief(scenario, final, seed=1)


CITED = (
    "    if_false: They are bluffing.\n",
    "    if_false: They are bluffing.\n    sources: [T1]\n",
)
MARKED = (
    "    if_false: They are bluffing.\n",
    "    if_false: They are bluffing.\n    sources: [T1]\n    counterfactual: true\n",
)


def test_a_counterfactual_item_is_marked_in_every_report():
    debrief = debrief_of(MARKED)
    rumours = [h for day in debrief.days for h in day.happenings if h.title == "A rumour"]
    assert rumours and all(h.counterfactual for h in rumours)
    markdown = render_markdown(debrief)
    assert f"- A rumour *({INVENTED_GROUNDED}; intelligence; in this game it" in markdown
    assert INVENTED_GROUNDED in render_html(debrief)
    assert INVENTED_GROUNDED in "\n".join(debrief_lines(debrief, Style(width=200)))


def test_a_cited_item_that_happened_carries_no_such_remark():
    debrief = debrief_of(CITED)
    assert not any(h.counterfactual for day in debrief.days for h in day.happenings)
    assert INVENTED_GROUNDED not in render_markdown(debrief)


def test_an_intelligence_report_says_whether_it_told_the_truth_in_this_game():
    """Code review: the inbox says a report is "based on the record" whichever version was
    drawn; the report listed it with its footnotes as if recorded. Now that the game is over it
    may say which version came."""
    from game.debrief.model import REPORT_FALSE, REPORT_TRUE

    seen = set()
    for seed in range(30):
        scenario = load_scenario_bytes(edited_mini(CITED).encode(), "cf.yaml").scenario
        final = play(scenario, seed, scripted(["end", "end", "end"])).final
        report = next(e for e in final.inbox if e.ref == "rumour")
        debrief = build_debrief(scenario, final, seed=seed)
        expected = REPORT_TRUE if report.accurate else REPORT_FALSE
        assert f"- A rumour *({expected})*" in render_markdown(debrief)
        seen.add(report.accurate)
    assert seen == {True, False}


def test_an_item_that_cites_nothing_is_called_invented_in_every_report():
    """History review: items the inbox calls "Not in the historical record" because they cite
    no source (the tutorial's march, the free hand's troops detraining at Baoding) were listed in
    the report like the record's own; a scenario with history calls them invented there too."""
    from game.debrief.model import INVENTED_UNCITED

    debrief = debrief_of()  # mini's rumour cites nothing
    rumours = [h for day in debrief.days for h in day.happenings if h.title == "A rumour"]
    assert rumours and not rumours[0].sources
    markdown = render_markdown(debrief)
    assert f"- A rumour *({INVENTED_UNCITED}; intelligence; in this game it" in markdown
    assert INVENTED_UNCITED in render_html(debrief)
    assert INVENTED_UNCITED in "\n".join(debrief_lines(debrief, Style(width=200)))
    assert f"- A rumour *({INVENTED_UNCITED}" not in render_markdown(debrief_of(CITED))
