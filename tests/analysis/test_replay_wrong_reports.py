"""The replay log marks an intelligence report that said the opposite of the truth, so that a
class reading the historical replay does not take a planted rumour for what happened (QA)."""

from __future__ import annotations

from game.analysis.replay import play, render_log, scripted

WRONG = "(This report was wrong: the truth was the other way.)"


def test_a_wrong_report_is_marked_and_a_true_one_is_not(mini):
    scenario = mini.scenario
    seen = {True: 0, False: 0}
    for seed in range(40):
        played = play(scenario, seed, scripted([]))  # the rumour comes on 2 June, at dawn
        lines = render_log(played).splitlines()
        at = next(i for i, line in enumerate(lines) if line.endswith("[intelligence] A rumour"))
        says_true = lines[at + 1].strip() == scenario.intel["rumour"].if_true
        really = played.final.hidden["resolve"] >= 50  # the rumour's truth: "resolve >= 50"
        wrong = says_true != really
        assert (lines[at + 2].strip() == WRONG) == wrong, seed
        seen[wrong] += 1
    assert seen[True] and seen[False]  # both cases were met
