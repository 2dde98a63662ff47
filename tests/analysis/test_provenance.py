"""Every inbox item that tells of the world's doings says where it comes from: the sources it
cites, or that the game invents it. History review: in the replay of the historical path, Sakai's
"another show of force" fired on 2, 4 and 5 June with nothing to tell a student that only the
30 May one is on record."""

from __future__ import annotations

import datetime as dt

import pytest

from game.analysis.describe import BY_TEACHER, DRAWN, INVENTED, provenance
from game.engine.actions import EndDay, ReleaseInject
from game.engine.api import new_game, step
from game.engine.state import GameEvent
from game.scenario.load import load_scenario_bytes
from tests.conftest import NO_HISTORY, edited_mini

# The envoy's first rule holds from the first dawn, his second never, and he never idles: the
# first moves at once.
SURE_MOVE = (
    ("    idle_weight: 1\n", "    idle_weight: 0\n"),
    ('when: "pressure >= 50"', 'when: "true"'),
    ('when: "pressure < 50"', 'when: "false"'),
)
CITED_MOVE = (
    "        effects: {pressure: 5}\n",
    "        effects: {pressure: 5}\n        sources: [T1]\n",
)


def event(kind: str, sources: list[str], ref: str = "") -> GameEvent:
    return GameEvent(kind=kind, date=dt.date(1935, 6, 1), title="t", ref=ref, sources=sources)


def scenario_of(text: str, tmp_path):
    return load_scenario_bytes(text.encode(), str(tmp_path / "s.yaml")).scenario


def first_move(scenario) -> GameEvent:
    moves = [e for e in new_game(scenario, 1).events if e.kind == "actor"]
    assert moves, "the envoy did not move on the first day"
    return moves[0]


def test_a_cited_item_names_its_sources_and_an_uncited_one_is_called_invented(mini):
    scenario = mini.scenario
    assert (
        provenance(scenario, event("telegram", ["T1"])) == "From the record. Sources: Test source."
    )
    assert provenance(scenario, event("news", [])) == INVENTED
    assert INVENTED.startswith("Not in the historical record")


def test_the_brief_form_counts_the_sources(mini):
    """The text version: the day-1 news of the 1935 scenario grew by 20 lines of titles."""
    scenario = mini.scenario
    cited = event("telegram", ["T1", "T1"])
    assert provenance(scenario, cited, brief=True) == "From the record (2 sources cited)."
    assert provenance(scenario, event("news", []), brief=True) == INVENTED


@pytest.mark.parametrize(
    "kind", ["stage", "day", "action", "outcome", "demand_answered", "ending", "note"]
)
def test_the_games_own_workings_and_the_players_choices_carry_no_such_line(mini, kind):
    assert provenance(mini.scenario, event(kind, [])) == ""


def test_an_invented_scenario_marks_nothing(tmp_path):
    invented = scenario_of(edited_mini(*NO_HISTORY), tmp_path)
    assert not invented.has_history
    assert provenance(invented, event("telegram", [])) == ""


def test_an_actors_move_carries_its_rules_sources(tmp_path):
    uncited = scenario_of(edited_mini(*SURE_MOVE), tmp_path)
    cited = scenario_of(edited_mini(*SURE_MOVE, CITED_MOVE), tmp_path)
    assert provenance(uncited, first_move(uncited)) == INVENTED
    move = first_move(cited)
    assert move.sources == ["T1"]
    assert provenance(cited, move) == "From the record. Sources: Test source."


def test_a_counterfactual_move_is_told_as_invented_with_its_grounds(tmp_path):
    """Play-test: Sakai's "final warning" (which no one sent in 1935) said "From the record"
    because it cited the documents it is grounded in."""
    counterfactual = (
        "        sources: [T1]\n",
        "        sources: [T1]\n        counterfactual: true\n",
    )
    scenario = scenario_of(edited_mini(*SURE_MOVE, CITED_MOVE, counterfactual), tmp_path)
    move = first_move(scenario)
    assert move.counterfactual and move.sources == ["T1"]
    assert provenance(scenario, move) == f"{INVENTED} Grounded in: Test source."
    assert provenance(scenario, move, brief=True) == (
        "Not in the historical record: the game invents it as something that could have "
        "happened (1 source behind it)."
    )


def test_an_intelligence_report_does_not_claim_the_record_for_the_version_drawn(tmp_path):
    """Play-test: the American attaché's report said "From the record" in the version that
    contradicts the record as well as in the one that matches it; which one the record has
    must not show, or the line would tell the player whether the report is true."""
    cited = (
        "    if_false: They are bluffing.\n",
        "    if_false: They are bluffing.\n    sources: [T1]\n",
    )
    scenario = scenario_of(edited_mini(cited), tmp_path)
    texts = set()
    for seed in range(40):
        state = new_game(scenario, seed).state
        report = next(e for e in step(scenario, state, EndDay()).events if e.ref == "rumour")
        texts.add(report.text)
        assert provenance(scenario, report) == f"{DRAWN} Sources: Test source."
        assert provenance(scenario, report, brief=True) == (
            "Based on the record (1 source cited); the game draws whether it tells the truth."
        )
    assert texts == {"They mean it.", "They are bluffing."}  # both versions were seen


def test_a_rules_unknown_source_tag_is_reported_at_its_line(tmp_path):
    from game.scenario.load import ScenarioError

    text = edited_mini(
        (
            "        effects: {pressure: 5}\n",
            "        effects: {pressure: 5}\n        sources: [T9]\n",
        )
    )
    with pytest.raises(ScenarioError) as caught:
        scenario_of(text, tmp_path)
    assert "s.yaml:32:" in str(caught.value) and "unknown source tag 'T9'" in str(caught.value)


def test_the_teachers_inject_is_called_the_teachers(mini):
    scenario = mini.scenario
    released = step(scenario, new_game(scenario, 1).state, ReleaseInject(inject="rumour_of_war"))
    items = [e for e in released.events if e.ref == "rumour_of_war"]
    assert items and provenance(scenario, items[0]) == BY_TEACHER


def test_the_tutorials_lessons_are_notes_and_not_called_inventions():
    """The tutorial's day-by-day lessons ("Day 3: the deadline") were marked "Not in the
    historical record: the game invents it as something that could have happened"."""
    from game.scenario.load import load_scenario
    from tests.conftest import ROOT

    scenario = load_scenario(ROOT / "scenarios" / "tutorial.yaml").scenario
    lessons = {k: e for k, e in scenario.events.items() if k.startswith("lesson_")}
    assert lessons and all(e.kind == "note" for e in lessons.values())
    for ident, lesson in lessons.items():
        told = event(lesson.kind, lesson.sources, ref=ident)
        assert provenance(scenario, told) == ""


def test_an_inject_sharing_an_id_with_a_demand_or_an_event_does_not_mislabel_them(tmp_path):
    """Code review: an inject called like a demand made the demand read "Released by the
    teacher", and one called like an event made the released inject read "From the record"."""
    text = edited_mini(("  rumour_of_war:\n", "  first:\n"))
    scenario = scenario_of(text, tmp_path)
    demand = next(e for e in new_game(scenario, 1).state.inbox if e.ref == "first")
    assert provenance(scenario, demand) == INVENTED  # the mini's first demand cites nothing
    released = step(scenario, new_game(scenario, 1).state, ReleaseInject(inject="first"))
    (item,) = [e for e in released.events if e.ref == "first" and e.kind == "news"]
    assert provenance(scenario, item) == BY_TEACHER
