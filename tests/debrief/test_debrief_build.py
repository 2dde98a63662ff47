"""build_debrief: the days, the decisions, the divergences and the historical notes of a game."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from game.analysis.policies import historical
from game.analysis.replay import play, scripted
from game.debrief import build_debrief
from game.engine.actions import EndDay
from game.engine.api import new_game, step

D = dt.date


def days_between(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


def test_historical_replay_has_no_divergences(mini):
    scenario = mini.scenario
    final = play(scenario, 1935, historical).final
    debrief = build_debrief(
        scenario, final, seed=1935, player_name="  Ann  ", played_on="2025-03-14"
    )

    assert debrief.divergences == []
    assert (
        debrief.ending is not None
        and debrief.ending.historical
        and debrief.ending.title == "Appeasement"
    )
    assert [s.value for s in debrief.ending.scores] == [2, 7, 3, 8]
    assert [day.date for day in debrief.days] == days_between(D(1935, 6, 1), final.date)
    assert final.date == D(1935, 6, 3) and debrief.ended_on == final.date
    decisions = [d for day in debrief.days for d in day.decisions]
    assert [d.label for d in decisions] == [
        "First demand: Accept",
        "Talk to the envoy",
        "Ultimatum: Accept",
    ]
    assert all(d.historical for d in decisions)
    assert (debrief.player_name, debrief.played_on, debrief.seed, debrief.practice) == (
        "Ann",
        "2025-03-14",
        1935,
        False,
    )


def test_a_different_path_lists_each_divergence(mini):
    scenario = mini.scenario
    keys = ["first:refuse", "prepare", "end", "spy", "end", "ultimatum:refuse", "end", "end"]
    final = play(scenario, 3, scripted(keys)).final
    assert final.ending == "war"  # seed 3 draws a resolve that makes the envoy march
    debrief = build_debrief(scenario, final, seed=3)

    found = [(d.kind, d.date) for d in debrief.divergences]
    assert found == [
        ("response", D(1935, 6, 1)),
        ("missed_action", D(1935, 6, 1)),  # history talked to the envoy on 1 June
        ("extra_action", D(1935, 6, 1)),  # prepare
        ("extra_action", D(1935, 6, 2)),  # spy
        ("response", D(1935, 6, 3)),
        ("ending", None),
    ]
    assert "Refuse" in debrief.divergences[0].you and "Accept" in debrief.divergences[0].history
    assert "Appeasement" in debrief.divergences[-1].history and "War" in debrief.divergences[-1].you
    assert not any(d.historical for day in debrief.days for d in day.decisions)


def test_a_stall_and_a_deadline_let_pass_are_divergences(mini):
    scenario = mini.scenario
    final = play(scenario, 1, scripted(["first:stall", "end", "end", "end"])).final
    debrief = build_debrief(scenario, final, seed=1)
    kinds = {(d.kind, d.date) for d in debrief.divergences}
    assert ("response", D(1935, 6, 1)) in kinds  # stalling is not what history did
    assert ("missed_action", D(1935, 6, 1)) in kinds
    # the stall moved the deadline to 3 June; it ran out at dawn on 4 June, and is dated by
    # the deadline itself (teacher's review); the ultimatum's, on the last day, ran out at dusk
    expired = [(d.you, d.date) for d in debrief.divergences if d.kind == "expired"]
    assert expired == [
        (
            "You let 'First demand' run out without a final answer (its deadline: 3 June 1935).",
            D(1935, 6, 3),
        ),
        (
            "You let 'Ultimatum' run out without a final answer (its deadline: 4 June 1935).",
            D(1935, 6, 4),
        ),
    ]


def test_a_stall_on_each_of_two_days_is_one_divergence_with_both_days(mini):
    scenario = mini.scenario
    # The second stall on day 1 is refused by the engine (one answer per demand per day).
    final = play(scenario, 1, scripted(["first:stall", "first:stall", "end", "first:stall"])).final
    debrief = build_debrief(scenario, final, seed=1)
    responses = [d.dates for d in debrief.divergences if d.kind == "response"]
    assert responses == [[D(1935, 6, 1), D(1935, 6, 2)]]  # teacher's review: merged, not repeated
    assert len(debrief.days[0].decisions) == 1


def test_historical_action_on_a_day_never_reached_is_not_missed(mini):
    scenario = mini.scenario
    state = new_game(scenario, 5).state
    debrief = build_debrief(scenario, state, seed=5)
    assert [d.kind for d in debrief.divergences] == [
        "missed_action"
    ]  # talk was due on day 1, today
    assert debrief.ending is None and not debrief.over
    assert [day.date for day in debrief.days] == [D(1935, 6, 1)]


def test_end_day_entries_are_not_decisions_and_inbox_titles_are_kept(mini):
    scenario = mini.scenario
    state = step(scenario, new_game(scenario, 5).state, EndDay()).state
    debrief = build_debrief(scenario, state, seed=5)
    assert debrief.days[0].decisions == []
    titles = [h.title for h in debrief.days[0].happenings]
    assert "A note arrives" in titles and "First demand" in titles
    assert [h.title for h in debrief.days[1].happenings][:1] == ["A rumour"]


def test_notes_are_placed_before_during_and_after_the_game(rich):
    final = play(rich, 1935, historical).final
    assert final.date == D(1935, 6, 3)
    debrief = build_debrief(rich, final, seed=1935)

    assert [(n.title, n.period) for n in debrief.background] == [("Earlier", "background")]
    by_date = {day.date: [(n.title, n.period) for n in day.history] for day in debrief.days}
    assert by_date == {
        D(1935, 6, 1): [("The note", "played")],
        D(1935, 6, 2): [],
        D(1935, 6, 3): [("Third day", "played")],
    }
    assert [(n.title, n.period) for n in debrief.aftermath] == [
        ("Fourth day", "after"),
        ("The letter", "after"),
    ]
    note = debrief.days[0].history[0]
    assert note.popular_account == "It was a letter."
    assert debrief.days[2].history[0].disputed == "Who spoke first."


def test_sources_are_resolved_and_numbered_once(rich):
    debrief = build_debrief(rich, play(rich, 1935, historical).final, seed=1935)
    assert [s.number for s in debrief.sources] == list(range(1, len(debrief.sources) + 1))
    by_tag = {s.tag: s for s in debrief.sources}
    assert set(by_tag) == {"T1", "T2", "T3"}
    assert (
        by_tag["T2"].title == "Second source" and by_tag["T2"].url == "https://example.org/second"
    )
    cited = [s for day in debrief.days for n in day.history for s in n.sources]
    cited += [s for n in debrief.background + debrief.aftermath for s in n.sources]
    cited += [s for d in debrief.disputes for s in d.sources]
    assert cited and all(by_tag[s.tag] == s for s in cited)


def test_hidden_values_disputes_and_questions(rich):
    final = play(rich, 1935, historical).final
    debrief = build_debrief(rich, final, seed=1935)
    hidden = {h.id: h for h in debrief.hidden}
    assert hidden["mood"].value == 1 and hidden["mood"].value_label == "restless"
    assert (
        hidden["resolve"].value == final.hidden["resolve"] and hidden["resolve"].label == "Resolve"
    )
    assert (
        hidden["readiness"].kind == "stat" and hidden["readiness"].value == final.stats["readiness"]
    )
    assert (
        debrief.disputes[0].question == "Was it an agreement?"
        and len(debrief.disputes[0].versions) == 2
    )
    assert debrief.questions == ["What would you do differently?", "Who gained time?"]


def test_votes_are_validated(mini):
    final = play(mini.scenario, 1935, historical).final
    debrief = build_debrief(
        mini.scenario,
        final,
        seed=1935,
        votes=[
            {
                "question": "Accept?",
                "date": "1935-06-01",
                "tally": {"Yes": 12, "No": 9},
                "chosen": "Yes",
            }
        ],
    )
    assert debrief.votes[0].date == D(1935, 6, 1) and debrief.votes[0].tally == {"Yes": 12, "No": 9}
    with pytest.raises(ValidationError):
        build_debrief(mini.scenario, final, seed=1935, votes=[{"tally": {"Yes": "many"}}])


def test_build_is_pure_and_round_trips(mini):
    final = play(mini.scenario, 7, historical).final
    first = build_debrief(mini.scenario, final, seed=7, played_on="2025-01-01")
    assert first == build_debrief(mini.scenario, final, seed=7, played_on="2025-01-01")
    assert type(first).model_validate_json(first.model_dump_json()) == first


def _missed(scenario_text: str, keys: list[str]) -> list[tuple[str, dt.date]]:
    from game.scenario.load import load_scenario_bytes

    scenario = load_scenario_bytes(scenario_text.encode(), "edited.yaml").scenario
    final = play(scenario, 1, scripted(keys)).final
    debrief = build_debrief(scenario, final, seed=1)
    return [(d.you, d.date) for d in debrief.divergences if d.kind == "missed_action"]


def test_a_one_off_action_taken_before_its_historical_day_is_not_missed():
    from tests.conftest import edited_mini

    text = edited_mini(
        ("    max_uses: 1\n", "    max_uses: 1\n    historical_dates: [1935-06-02]\n"),
    )
    # spied on 1 June, so nothing is left to do on 2 June: the early day is the divergence
    assert _missed(text, ["first:accept", "talk", "spy", "end", "end"]) == []
    # not spied at all: 2 June is a day history spied and the player did not
    assert _missed(text, ["first:accept", "talk", "end", "end"]) == [
        ("You did not: Ask the spies.", D(1935, 6, 2))
    ]


def test_a_historical_action_whose_flags_were_set_another_way_says_so():
    from tests.conftest import edited_mini

    text = edited_mini(
        (
            "    effects: {pressure: -5, envoy: 5}\n    historical_dates: [1935-06-01]\n",
            "    effects: {pressure: -5, envoy: 5, conceded: true}\n"
            "    historical_dates: [1935-06-02]\n",
        ),
    )
    # accepting the first demand conceded already; history talked on 2 June of its own accord,
    # so the day is still a divergence, and it says the flag came about another way
    assert _missed(text, ["first:accept", "end", "end"]) == [
        (
            "You did not: Talk to the envoy. By the end of that day's council it had come about another way.",
            D(1935, 6, 2),
        )
    ]
    assert _missed(text, ["first:refuse", "end", "end"]) == [
        ("You did not: Talk to the envoy.", D(1935, 6, 2))
    ]


def test_another_way_is_judged_by_the_flags_of_the_historical_day_not_the_last():
    # play-test: the note read the flags at the end of the game, so a flag set only after the
    # historical day, or set and later cleared, gave the wrong note
    from tests.conftest import edited_mini

    text = edited_mini(
        (
            "    effects: {pressure: -5, envoy: 5}\n    historical_dates: [1935-06-01]\n",
            "    effects: {pressure: -5, envoy: 5, conceded: true}\n"
            "    historical_dates: [1935-06-02]\n",
        ),
        (
            "    effects: {readiness: 10, pressure: 5}\n",
            "    effects: {readiness: 10, pressure: 5, conceded: false}\n",
        ),
    )
    missed = "You did not: Talk to the envoy."
    # conceded only on 3 June, by accepting the ultimatum: true at the end, not on 2 June
    assert _missed(text, ["first:refuse", "end", "end", "ultimatum:accept"]) == [
        (missed, D(1935, 6, 2))
    ]
    # conceded on 1 June, still so on 2 June, undone by preparing the army on 3 June
    assert _missed(text, ["first:accept", "end", "end", "prepare"]) == [
        (f"{missed} By the end of that day's council it had come about another way.", D(1935, 6, 2))
    ]
    # conceded later on 2 June itself (the ultimatum, issued early): that day, another way
    early = edited_mini(
        (
            "    effects: {pressure: -5, envoy: 5}\n    historical_dates: [1935-06-01]\n",
            "    effects: {pressure: -5, envoy: 5, conceded: true}\n"
            "    historical_dates: [1935-06-02]\n",
        ),
        ('    when: "day >= 3"\n', '    when: "day >= 2"\n'),
    )
    assert _missed(early, ["first:refuse", "end", "ultimatum:accept"]) == [
        (f"{missed} By the end of that day's council it had come about another way.", D(1935, 6, 2))
    ]


def test_citation_marks_are_sorted_ranges_in_both_front_ends():
    # QA: the window printed "[28, 1, 31, 29, 30, 32]" where the text version printed "[1,28-32]"
    import inspect

    from game.debrief.model import SourceRef, refs
    from game.ui.scenes import ending

    cited = [SourceRef(number=n, tag=f"T{n}", title="t") for n in (28, 1, 31, 29, 30, 32)]
    assert refs(cited) == " [1,28-32]"
    assert refs(cited[:2]) == " [1,28]" and refs([]) == ""
    assert ending.refs is refs and "def _refs" not in inspect.getsource(ending)


def test_scores_and_the_historians_heading_read_the_same_everywhere():
    # QA: "War avoided, time won" (text), "War avoided / time bought" (window), "Domestic
    # standing" (report); three headings for the historians' verdicts
    from game.debrief.html import render_html
    from game.debrief.markdown import render_markdown
    from game.engine.words import HISTORIANS, score_labels
    from game.scenario.load import load_scenario
    from game.text.debrief_view import debrief_lines
    from game.text.render import ending_lines
    from game.text.style import Style
    from game.ui.view import ending_screen

    root = Path(__file__).resolve().parents[2]
    scenario = load_scenario(root / "scenarios" / "he_umezu_1935.yaml").scenario
    final = play(scenario, 1935, historical).final
    assert scenario.endings[final.ending].verdicts  # so the heading is shown
    labels = list(score_labels(scenario).values())
    assert labels[0] == "Sovereignty kept"  # the default names
    debrief = build_debrief(scenario, final, seed=1935)
    assert [label for label, _ in ending_screen(scenario, final).scores] == labels
    assert [s.label for s in debrief.ending.scores] == labels
    text = "\n".join(ending_lines(scenario, final, Style(plain=True)))
    assert all(label in text for label in labels) and HISTORIANS in text
    assert f"{HISTORIANS}:" in "\n".join(debrief_lines(debrief, Style(plain=True)))
    report = render_markdown(debrief)
    assert "| " + " | ".join(labels) + " |" in report and f"{HISTORIANS}:" in report
    assert HISTORIANS in render_html(debrief)


def test_uses_taken_before_the_historical_day_are_counted_one_by_one():
    # review: earlier uses were counted as distinct days, so two uses on one day (per_day 2,
    # max_uses 2) left the action listed as missed although nothing was left to take
    from tests.conftest import edited_mini

    text = edited_mini(
        (
            "    effects: {pressure: -5, envoy: 5}\n    historical_dates: [1935-06-01]\n",
            "    per_day: 2\n    max_uses: 2\n    effects: {pressure: -5, envoy: 5}\n"
            "    historical_dates: [1935-06-02]\n",
        ),
        (
            "calendar: {start: 1935-06-01, end: 1935-06-04, actions_per_day: 2}",
            "calendar: {start: 1935-06-01, end: 1935-06-04, actions_per_day: 3}",
        ),
    )
    assert _missed(text, ["first:accept", "talk", "talk", "end", "end"]) == []
    assert _missed(text, ["first:accept", "talk", "end", "end"]) == [
        ("You did not: Talk to the envoy.", D(1935, 6, 2))
    ]


def test_a_scenario_renames_its_scores_everywhere(mini, tmp_path):
    """An invented crisis calls its scores what they are about, in every front end and report."""
    from game.debrief.html import render_html
    from game.debrief.markdown import render_markdown
    from game.scenario.load import check_scenario_bytes
    from game.text.render import ending_lines
    from game.text.style import Style
    from game.ui.view import ending_screen
    from tests.conftest import edited_mini

    text = edited_mini(
        (
            "default_ending: appeased\n",
            "default_ending: appeased\nscore_labels: {peace: Strike averted, lives: Nobody hurt}\n",
        )
    )
    scenario, diagnostics = check_scenario_bytes(text.encode(), "s.yaml")
    assert scenario is not None, [str(d) for d in diagnostics]
    final = play(scenario, 1935, historical).final
    labels = ["Sovereignty kept", "Strike averted", "Standing at home", "Nobody hurt"]
    debrief = build_debrief(scenario, final, seed=1935)
    assert [label for label, _ in ending_screen(scenario, final).scores] == labels
    assert [s.label for s in debrief.ending.scores] == labels
    terminal = "\n".join(ending_lines(scenario, final, Style(plain=True)))
    for shown in (terminal, render_markdown(debrief), render_html(debrief)):
        assert "Strike averted" in shown and "Nobody hurt" in shown
        assert "War avoided" not in shown and "Lives spared" not in shown
