"""`replay --choices`: every bad entry is named with its line before anything is played, and a
choice the engine refuses stops the replay (shown as rejected, never as taken)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from tests.conftest import edited_mini

ROOT = Path(__file__).resolve().parents[2]
MINI = str(ROOT / "tests" / "fixtures" / "mini.yaml")
HE_UMEZU = str(ROOT / "scenarios" / "he_umezu_1935.yaml")


@pytest.fixture(autouse=True)
def _no_crash_logs_in_home(tmp_path, monkeypatch):
    # should a test crash the command, its log must not land in the real home folder
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def replay(capsys, scenario: str, *args: str) -> tuple[int, str, list[str]]:
    code = main(["replay", scenario, *args])
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "sakai_notice:refer_nanjing",
            "error: unknown response 'refer_nanjing' for demand 'sakai_notice' (its responses: "
            "accept, act_voluntarily, contest, ask_time, reject)",
        ),
        (
            "sakai_notice:act_voluntarly",
            "error: unknown response 'act_voluntarly' for demand 'sakai_notice' "
            "(did you mean 'act_voluntarily'?)",
        ),
        (
            "nonsense_action",
            "error: unknown action 'nonsense_action' "
            "(a choice is an action id, DEMAND:RESPONSE, inject:INJECT or 'end')",
        ),
        ("see_saki", "error: unknown action 'see_saki' (did you mean 'see_sakai'?)"),
        (
            "zzz:x",
            "error: unknown demand 'zzz' (the demands: sakai_notice, second_call, "
            "four_demands, final_warning, memorandum)",
        ),
        (
            "four_demand:accept_alone",
            "error: unknown demand 'four_demand' (did you mean 'four_demands'?)",
        ),
        (
            "four_demands:accept_all",
            "error: unknown response 'accept_all' for demand 'four_demands' "
            "(did you mean 'accept_alone'?)",
        ),
        (
            "sakai_notice",
            "error: 'sakai_notice' is a demand, not an action "
            "(write sakai_notice:RESPONSE; its responses: "
            "accept, act_voluntarily, contest, ask_time, reject)",
        ),
        (
            "inject:papers_supressed",
            "error: unknown inject 'papers_supressed' (did you mean 'papers_suppressed'?)",
        ),
    ],
)
def test_a_bad_entry_is_named_at_its_line_and_nothing_is_played(tmp_path, capsys, entry, message):
    choices = write(tmp_path, f"- see_sakai\n- {entry}\n- end\n")
    code, out, err = replay(capsys, HE_UMEZU, "--choices", choices)
    assert code == 1
    assert out == ""
    assert err == [f"{choices}:2:3: {message}"]


def test_every_bad_entry_is_reported_at_once_in_the_mapping_form(tmp_path, capsys):
    choices = write(
        tmp_path,
        "# a comment\n"
        "choices:\n"
        "  - first:refuse\n"
        "  - tlak\n"
        "  - end\n"
        "  - first:refus\n"
        "  - ultimatun:refuse\n"
        "  - ''\n"
        "  - end_day\n",
    )
    code, out, err = replay(capsys, MINI, "--choices", choices, "--report", str(tmp_path / "r.md"))
    assert code == 1
    assert out == ""
    assert err == [
        f"{choices}:4:5: error: unknown action 'tlak' (did you mean 'talk'?)",
        f"{choices}:6:5: error: unknown response 'refus' for demand 'first' (did you mean 'refuse'?)",
        f"{choices}:7:5: error: unknown demand 'ultimatun' (did you mean 'ultimatum'?)",
        f"{choices}:8:6: error: an empty choice "
        "(a choice is an action id, DEMAND:RESPONSE, inject:INJECT or 'end')",
    ]
    assert not (tmp_path / "r.md").exists()


XIANGHE = str(ROOT / "tests" / "fixtures" / "analysis" / "xianghe.yaml")


@pytest.mark.parametrize(
    ("text", "place", "found"),
    [
        ("police: 1\n", "1:1", "a mapping without 'choices:'"),  # the QA author's file
        ("# only a comment\n", "1:1", "an empty file"),
        ("police\n", "1:1", "text"),
        ("choices:\n  police: 1\n", "2:3", "a mapping under 'choices:'"),
        ("# what I chose\nchoices:\n", "2:9", "an empty 'choices:'"),
    ],
)
def test_a_file_that_is_not_a_list_is_named_at_its_place_with_the_scenarios_own_names(
    tmp_path, capsys, text, place, found
):
    # FILE:LINE:COL as for a bad entry; the example uses the scenario replayed (it quoted the 1935
    # scenario's ids whatever the scenario; QA as an author)
    choices = write(tmp_path, text)
    code, out, err = replay(capsys, XIANGHE, "--choices", choices)
    assert (code, out) == (1, "")
    assert err == [
        f"{choices}:{place}: error: expected a YAML list of choices, one per line after '- ', "
        f"not {found} (e.g. ['cable', 'no_troops:accept', 'end'])"
    ]
    assert main(["replay", MINI, "--choices", choices]) == 1
    assert "(e.g. ['talk', 'first:accept', 'end'])" in capsys.readouterr().err


def test_entries_that_are_not_text_are_named_at_their_line(tmp_path, capsys):
    choices = write(tmp_path, "- talk\n- first: accept\n- 3\n- [end]\n")
    code, out, err = replay(capsys, MINI, "--choices", choices)
    assert code == 1
    assert out == ""
    assert err == [
        f"{choices}:2:3: error: a choice must be text, not a mapping "
        "(write first:accept, with no space after the colon)",
        f"{choices}:3:3: error: a choice must be text, not a number "
        "(a choice is an action id, DEMAND:RESPONSE, inject:INJECT or 'end')",
        f"{choices}:4:3: error: a choice must be text, not a list "
        "(a choice is an action id, DEMAND:RESPONSE, inject:INJECT or 'end')",
    ]


def test_entries_of_both_kinds_are_named_in_one_run(tmp_path, capsys):
    # review: the entries that are not text stopped the reading before the names were checked
    choices = write(tmp_path, "- first:acept\n- 3\n- nosuch\n")
    code, out, err = replay(capsys, MINI, "--choices", choices)
    assert code == 1 and out == ""
    assert [line.split(": error: ")[0] for line in err] == [
        f"{choices}:1:3",
        f"{choices}:2:3",
        f"{choices}:3:3",
    ]


def test_good_entries_of_every_form_still_play(tmp_path, capsys):
    choices = write(
        tmp_path, "- talk\n- ' first : refuse '\n- inject:rumour_of_war\n- end_day\n- end\n"
    )
    code, out, err = replay(capsys, MINI, "--choices", choices, "--seed", "3")
    assert (code, err) == (0, [])
    # each choice, in order, followed by what came of it
    taken = [line for line in out.splitlines() if line.startswith("  > ")]
    assert taken[:4] == [
        "  > Talk to the envoy",
        "  > First demand: Refuse",
        "  > Teacher's inject: Rumours of war in the bazaar",
        "  > End the day",
    ]
    talk = out.index("  > Talk to the envoy")
    assert talk < out.index("  [action] Talk to the envoy") < out.index("  > First demand: Refuse")
    assert "Ending:" in out


def test_a_rejected_choice_is_shown_as_rejected_and_stops_the_replay(tmp_path, capsys):
    choices = write(tmp_path, "- first:accept\n- first:accept\n- talk\n- end\n")
    report = tmp_path / "r.md"
    code, out, err = replay(capsys, MINI, "--choices", choices, "--report", str(report))
    assert code == 1
    assert out.count("  > First demand: Accept\n") == 1
    assert "[rejected]" not in out  # the engine's event is told once, on the choice
    assert "  ! Rejected: First demand: Accept\n      'First demand' is no longer open.\n" in out
    assert "Talk to the envoy" not in out  # nothing after the rejection is played
    assert "Ending:" not in out
    assert out.endswith(
        "Stopped: choice 2 (first:accept) was rejected on day 1; "
        "the choices after it were not played.\n"
    )
    assert err == [
        f"{choices}:2:3: error: rejected on day 1 (1935-06-01): 'First demand' is no longer "
        "open. (the replay stopped here; no report was written)"
    ]
    assert not report.exists()


def test_a_choice_refused_by_its_condition_says_which_part_failed(tmp_path, capsys):
    # author's review: "'Reinforce the police' is not possible now." cost two rounds of
    # guessing; the replay names the parts of the condition that did not hold, with their values
    scenario = tmp_path / "mini.yaml"
    scenario.write_text(
        edited_mini(
            ("    max_uses: 1\n", '    max_uses: 1\n    when: "in_stage(tense) or trust > 80"\n')
        ),
        encoding="utf-8",
    )
    choices = write(tmp_path, "- spy\n")
    code, _, err = replay(capsys, str(scenario), "--choices", choices)
    assert code == 1
    assert err == [
        f"{choices}:1:3: error: rejected on day 1 (1935-06-01): 'Ask the spies' is not possible "
        "now. Its condition does not hold: `in_stage(tense)` (stage = calm), or `trust > 80` "
        "(trust = 50). (the replay stopped here; no report was written)"
    ]


def test_a_rejected_choice_in_json_is_not_listed_as_taken(tmp_path, capsys):
    choices = write(tmp_path, "- first:accept\n- first:accept\n")
    code, out, err = replay(capsys, MINI, "--choices", choices, "--json")
    assert code == 1
    data = json.loads(out)
    day = data["days"][0]
    assert [(a["id"], a["label"]) for a in day["actions"]] == [
        ("first:accept", "First demand: Accept")
    ]
    assert all(event["kind"] != "rejected" for event in day["events"])
    assert data["stopped"] == {
        "choice": 2,
        "id": "first:accept",
        "label": "First demand: Accept",
        "day": 1,
        "date": "1935-06-01",
        "reason": "'First demand' is no longer open.",
    }
    assert data["ending"]["id"] is None
    assert len(err) == 1 and err[0].startswith(f"{choices}:2:3: error: rejected on day 1")


def test_a_good_replay_in_json_has_no_stop(tmp_path, capsys):
    choices = write(tmp_path, "- first:accept\n")
    code, out, _ = replay(capsys, MINI, "--choices", choices, "--json")
    assert code == 0
    assert json.loads(out)["stopped"] is None


def test_the_qa_reproduction_gives_one_line_and_no_crash(tmp_path):
    choices = write(tmp_path, "- sakai_notice:refer_nanjing\n")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "replay", HE_UMEZU, "--choices", choices],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "XDG_STATE_HOME": str(tmp_path / "state"),
        },
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "unexpected error" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith(
        f"{choices}:1:3: error: unknown response 'refer_nanjing' for demand 'sakai_notice'"
    )
    assert len(result.stderr.splitlines()) == 1


def test_choices_left_when_the_game_ends_are_named_as_not_played(tmp_path, capsys):
    # teacher's report review: a replay whose game ended early dropped the rest without a word
    choices = tmp_path / "long.yaml"
    choices.write_text("- end\n" * 6 + "- first:refuse\n", encoding="utf-8")
    assert main(["replay", MINI, "--choices", str(choices)]) == 0
    err = capsys.readouterr().err
    assert f"{choices}:5:3: warning: the game ended on 1935-06-04" in err
    assert "it and the 2 choices after it were not played" in err
    choices.write_text("- end\n" * 4, encoding="utf-8")
    assert main(["replay", MINI, "--choices", str(choices)]) == 0
    assert "warning" not in capsys.readouterr().err
