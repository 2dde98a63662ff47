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
        at = next(
            i
            for i, line in enumerate(lines)
            if line.endswith("[intelligence] A rumour (reliability 75%)")
        )
        says_true = lines[at + 1].strip() == scenario.intel["rumour"].if_true
        really = played.final.hidden["resolve"] >= 50  # the rumour's truth: "resolve >= 50"
        wrong = says_true != really
        assert (lines[at + 2].strip() == WRONG) == wrong, seed
        seen[wrong] += 1
    assert seen[True] and seen[False]  # both cases were met


def test_a_report_is_judged_by_the_truth_when_it_came_not_after_its_own_effects():
    """The rumour reads `pressure >= 45` at 40 (false), then adds 10 itself: an honest source
    (reliability 100) is not called wrong for it, and a lying one (0) is."""
    from game.scenario.load import check_scenario_bytes
    from tests.conftest import edited_mini

    for reliability, says, wrong in (
        (100, "They are bluffing.", False),
        (0, "They mean it.", True),
    ):
        text = edited_mini(
            (
                '    reliability: 75\n    truth: "resolve >= 50"\n',
                f'    reliability: {reliability}\n    truth: "pressure >= 45"\n'
                "    effects: {pressure: 10}\n",
            )
        )
        scenario, found = check_scenario_bytes(text.encode(), "rumour.yaml")
        assert scenario is not None, [str(d) for d in found]
        played = play(scenario, 1, scripted([]))
        lines = render_log(played).splitlines()
        at = lines.index(f"  [intelligence] A rumour (reliability {reliability}%)")
        assert lines[at + 1].strip() == says
        assert (lines[at + 2].strip() == WRONG) is wrong, lines[at : at + 3]
        report = next(e for day in played.days for e in day.events if e.ref == "rumour")
        assert report.accurate is not wrong
        assert played.final.stats["pressure"] >= 50  # the report's own effect did come
