"""The text front end driven like a player would: scripted input in, a transcript out."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from game.text.app import Classroom, run_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ANSI = re.compile(r"\x1b\[")
ENDING = re.compile(r"^Ending: (War|Appeasement|Stand-off)", re.MULTILINE)


def play(mini, script: str, seed: int = 3, **options) -> tuple[int, str]:
    out = io.StringIO()
    code = run_text(mini, seed=seed, input_stream=io.StringIO(script), output_stream=out, **options)
    return code, out.getvalue()


def test_a_scripted_game_reaches_an_ending(mini):
    code, text = play(mini, "1\nE\nE\nE\nE\n")
    assert code == 0
    assert ENDING.search(text)
    # play-test: "Scores (out of 10)" read like marks for the player; they are the ending's,
    # and the window's heading says so
    assert "How this ending rates (0\u201310)" in text and "Scores" not in text
    assert "End of input" not in text


def test_seed_is_shown_at_the_start_and_the_end(mini):
    _, text = play(mini, "E\nE\nE\nE\n", seed=1234)
    line = "Seed 1234 \u2014 use --seed 1234 to replay the same hidden draw"
    assert text.count(line) == 2
    assert (
        text.index(line) < text.index("Day 1:") and text.rindex(line) > ENDING.search(text).start()
    )


def test_the_last_screen_names_the_ending_again_under_the_debrief(mini):
    # a teacher's play-test: the debrief runs to hundreds of lines, and the ending's banner had
    # scrolled out of sight by the last screen
    _, text = play(mini, "1\nE\nE\nE\nE\n")
    ending = ENDING.search(text)
    assert ending
    title = text[ending.start() : text.index("\n", ending.start())].removeprefix("Ending: ")
    title = title.removesuffix(" (what happened in history)")
    last = text.rstrip().splitlines()[-2:]
    assert last[0] == f"Ending: {title}. The debrief is above: scroll up to read it."
    assert last[1].startswith("Seed 3 ")


def test_same_input_and_seed_give_the_same_transcript(mini):
    script = "1\n5\n3\ns\nl\nE\n2\nE\nc\nE\n2\nE\n"
    assert play(mini, script, seed=11) == play(mini, script, seed=11)


def test_end_of_input_stops_cleanly(mini):
    code, text = play(mini, "E\n")
    assert code == 0
    assert text.rstrip().splitlines()[-2] == "End of input: the game stops here (day 2)."
    assert text.rstrip().endswith("Seed 3 \u2014 use --seed 3 to replay the same hidden draw")
    assert not ENDING.search(text)


def test_empty_input_stops_on_day_one(mini):
    code, text = play(mini, "")
    assert code == 0
    assert "End of input: the game stops here (day 1)." in text


def test_q_then_y_quits(mini):
    code, text = play(mini, "q\ny\nE\nE\nE\nE\n")
    assert code == 0
    assert "Really quit? [y/N]" in text
    assert "You left the game on day 1." in text
    assert "Day 2:" not in text


def test_q_then_no_keeps_playing(mini):
    code, text = play(mini, "q\nn\nE\nE\nE\nE\n")
    assert code == 0
    assert "The game goes on." in text
    assert ENDING.search(text)


def test_unknown_input_is_answered_in_one_line_and_loses_nothing(mini):
    _, clean = play(mini, "1\nE\nE\nE\nE\n", seed=8)
    _, noisy = play(mini, "1\nxyzzy\n42\nE\nE\nE\nE\n", seed=8)
    assert "'xyzzy' is not a choice here; type a number, E to end the day, or h for help." in noisy
    # the answer given, the actions keep their numbers 4-6 for the rest of the day
    assert "There is no choice 42 today; type 4\u20136, E to end the day, or h for help." in noisy
    # Apart from those two lines and their echoes, the game went exactly as without them.
    extra = (
        "> xyzzy\n'xyzzy' is not a choice here; type a number, E to end the day, or h for help.\n"
        "> 42\nThere is no choice 42 today; type 4\u20136, E to end the day, or h for help.\n"
    )
    assert noisy.count(extra) == 1
    assert noisy.replace(extra, "") == clean


def test_unavailable_choice_says_why_and_keeps_the_game(mini):
    # Day 1: take "Ask the spies" (6, usable once per game), then choose it again: the engine says why not.
    _, text = play(mini, "6\n6\n")
    assert "Not possible now: 'Ask the spies' cannot be done again." in text
    assert "Day 2:" not in text


def test_actions_show_cost_category_hint_consequences_and_reasons(mini):
    # (Enter: the full list, with the choices not possible now and why)
    _, text = play(mini, "6\n\n")
    assert "  4. Talk to the envoy (1 point, diplomacy)" in text
    assert "Lower the temperature. \u2014 Pressure \u22125, The Envoy's attitude +5" in text
    assert "  5. Prepare the army (2 points, military)" in text
    assert "needs 2 action points; 1 left today" in text  # dimmed, with the engine's reason
    assert "  E  End the day" in text


def test_day_header_shows_date_stage_budget_and_countdown(mini):
    _, text = play(mini, "E\nE\n")
    assert "Day 1: Saturday 1 June 1935" in text
    assert "Stage: Calm" in text
    assert "Actions left: 2 of 2" in text
    assert "Demand 'First demand' \u2014 deadline 2 June 1935: 1 day" in text
    assert "Ultimatum 'Ultimatum' \u2014 deadline 4 June 1935: 1 day" in text


def test_intelligence_shows_its_reliability(mini):
    _, text = play(mini, "6\n")
    assert re.search(
        r"Intelligence: A rumour \(reliability 75%\)\n    They (mean it|are bluffing)\.", text
    )


def test_hidden_stats_show_as_question_marks_until_revealed(mini):
    _, text = play(mini, "s\n6\ns\n")
    first, second = text.split("Done: Ask the spies")
    assert re.search(r"Readiness\s+\? \(hidden\)", first)
    assert re.search(r"Readiness\s+20 of 100", second)
    # Before it is revealed the hidden stat is left out of the consequences too.
    assert "Pressure +5; outcome uncertain" in first and "Readiness +10" not in first


def test_status_shows_attitudes_in_words_and_numbers(mini):
    _, text = play(mini, "s\n")
    assert re.search(r"The Envoy\s+guarded\s+\u221210", text)


def test_status_says_what_each_number_means():
    """Play-test: pressure stood at 100 of 100 from 31 May with nothing to say what it meant."""
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    described = edited_mini(
        (
            "  pressure: {label: Pressure, start: 40, higher_is: worse}\n",
            "  pressure: {label: Pressure, start: 40, higher_is: worse, description: How hard "
            "the envoy pushes; at its height he acts.}\n",
        )
    )
    _, text = play(load_scenario_bytes(described.encode(), "described.yaml"), "s\n")
    status = text[text.index("The situation") :]
    line = status.index("Pressure")
    assert status.index("How hard the envoy pushes; at its height he acts.") > line
    assert status.index("How hard") < status.index("Trust")  # under its own number


def test_log_is_newest_first_and_paged(mini):
    _, text = play(mini, "6\n4\nE\n4\nE\nl\nl 2\n")
    log = text[text.index("Log, newest first \u2014 page 1 of 2") :]
    assert "Type 'l 2' for older items." in log
    page_two = log[log.index("page 2 of 2") :]
    assert "A note arrives" in page_two  # the oldest item is on the last page
    assert log.index("3 June 1935") < log.index("1 June 1935")


def test_codex_lists_actors_and_places(mini):
    _, text = play(mini, "c\n")
    assert "  The Envoy \u2014 Japanese" in text  # an actor with no role: its side, in words
    assert "  Capital \u2014 city" in text


def test_help_lists_the_keys(mini):
    _, text = play(mini, "h\n")
    for key in ("E ", "s ", "l ", "c ", "h ", "q "):
        assert f"\n  {key}" in text


def test_plain_output_has_no_escape_codes_or_box_drawing(mini):
    _, text = play(mini, "s\n6\nE\nE\nE\nE\n", plain=True, colour=True)
    assert not ANSI.search(text)
    assert not re.search("[\u2500-\u257f]", text)
    assert ENDING.search(text)


def test_plain_output_keeps_each_paragraph_on_one_line(mini):
    """Accessibility review: a screen reader reads by line, and --plain cut sentences at 78
    columns ("...how far his army means to go. — Japanese pressure" / "−2, ..."); the
    terminal wraps for the eye."""
    long_hint = "Lower the temperature, " + "and keep lowering it " * 8 + "until it is calm."
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    loaded = load_scenario_bytes(
        edited_mini(("    hint: Lower the temperature.\n", f"    hint: {long_hint}\n")).encode(),
        "long.yaml",
    )
    _, plain = play(loaded, "E\n", plain=True)
    assert any(long_hint in line for line in plain.splitlines())
    _, wrapped = play(loaded, "E\n")  # not plain: wrapped to the (fixed) 78 columns of a pipe
    assert not any(long_hint in line for line in wrapped.splitlines())
    assert max(len(line) for line in wrapped.splitlines()) <= 80


def test_colour_only_when_asked_for_and_not_plain(mini):
    _, coloured = play(mini, "E\n", colour=True)
    _, default = play(mini, "E\n")  # StringIO is no terminal
    assert ANSI.search(coloured)
    assert not ANSI.search(default)


def test_no_color_environment_turns_colour_off(mini, monkeypatch):
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Tty()
    run_text(mini, seed=3, input_stream=io.StringIO("E\n"), output_stream=out)
    assert ANSI.search(out.getvalue())
    monkeypatch.setenv("NO_COLOR", "1")
    out = Tty()
    run_text(mini, seed=3, input_stream=io.StringIO("E\n"), output_stream=out)
    assert not ANSI.search(out.getvalue())


def test_a_choice_keeps_its_number_for_the_day(mini):
    # QA: answering a demand or using up an action renumbered every action below it, and
    # players (and advisers voting by number) picked the wrong one
    _, text = play(mini, "1\n6\n4\nE\n", seed=5)
    day1, _, day2 = text.partition("Day 2:")
    menus = day1.split("\n> ")
    assert "  4. Talk to the envoy" in menus[0] and "  6. Ask the spies" in menus[0]
    assert "  4. Talk to the envoy" in menus[1]  # the answers are gone; Talk is still 4
    assert "  4. Talk to the envoy" in menus[2]  # and the spies, used up, left a gap
    assert "Done: Talk to the envoy" in day1  # 4 still meant Talk after two choices
    assert "  1. Talk to the envoy" in day2  # a new day numbers afresh


def test_choices_can_be_typed_by_key(mini):
    _, by_number = play(mini, "1\n4\nE\nE\nE\nE\n", seed=5)  # Talk keeps its number 4
    _, by_key = play(mini, "first:accept\ntalk\nE\nE\nE\nE\n", seed=5)
    strip = re.compile(r"^> .*$", re.MULTILINE)
    assert strip.sub("", by_number) == strip.sub("", by_key)


class FakeClock:
    """Each reading is `step` seconds after the last."""

    def __init__(self, step: float):
        self.now = -step
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def test_time_limit_ends_the_council(mini):
    # 40 s per clock reading: the choice read after the second reading arrives at 80 s > 60 s.
    code, text = play(
        mini, "4\nE\nE\nE\nE\nE\nE\nE\n", classroom=Classroom(time_limit=1), clock=FakeClock(40)
    )
    assert code == 0
    assert (
        "Time is up (1 minute): the council of day 1 ends. Your last choice came too late and was not taken."
        in text
    )
    assert "Done: Talk to the envoy" not in text.split("Day 2:")[0]
    assert "Day 2:" in text
    assert "Council time: 1 minute for today" in text


class SlowScreen(io.StringIO):
    """A screen that takes `per_char` seconds of `clock` to show each character (a long day's
    news read, or a slow remote terminal): the clock reads the time shown so far."""

    def __init__(self, per_char: float):
        super().__init__()
        self.per_char = per_char
        self.shown = 0.0

    def write(self, text: str) -> int:
        self.shown += len(text) * self.per_char
        return super().write(text)

    def clock(self) -> float:
        return self.shown


def test_the_council_clock_starts_when_the_choices_are_shown(mini):
    # teacher's review: the clock started at the top of the day, so a long day's news used up
    # the council's time before anyone could choose (day 1 of 1935: some 1,600 words, 2 minutes).
    # Here day 1's header, news and choices take about 3 minutes to show; the limit is 1 minute.
    screen = SlowScreen(per_char=0.1)
    code = run_text(
        mini,
        seed=3,
        input_stream=io.StringIO("4\nE\n"),
        output_stream=screen,
        classroom=Classroom(time_limit=1),
        clock=screen.clock,
    )
    text = screen.getvalue()
    day1 = text.split("Day 2:")[0]
    assert code == 0 and len(day1.split("Day 1:")[1]) * 0.1 > 120
    assert "Time is up" not in day1
    assert "Done: Talk to the envoy" in day1


def test_time_limit_not_reached_changes_nothing_but_the_header(mini):
    _, limited = play(
        mini, "1\n4\nE\nE\nE\nE\n", classroom=Classroom(time_limit=30), clock=FakeClock(1)
    )
    _, free = play(mini, "1\n4\nE\nE\nE\nE\n")
    assert "Time is up" not in limited
    assert (
        limited.replace("Council time: 30 minutes for today\n", "").replace(
            "Time limit: the council ends by itself after 30 minutes each day, counted from when "
            "the day's choices are shown.\n",
            "",
        )
        == free
    )


def test_lesson_mode_brings_the_game_to_its_end(mini):
    # Day 1: answer the first demand. Day 2 has no demand: it passes. Day 3 brings the
    # ultimatum, whose council is held all the same; accepting it ends the game that evening.
    code, text = play(mini, "1\nE\n1\nE\n", classroom=Classroom(lesson_days=1))
    assert code == 0
    assert (
        "Lesson mode: 1 day played; the remaining days pass quickly, except a day when a "
        "demand has just come or falls due, or an order cannot wait." in text
    )
    assert "Day 2, Sunday 2 June 1935: the day passes without a council." in text
    # QA: the passed day first showed a council header ("Actions left: 2 of 2"), then passed
    assert "Day 2: Sunday 2 June 1935" not in text.split("Debrief:")[0]
    held = text.index("Lesson mode: 'Ultimatum' came today, so today's council is held.")
    # the day that came by passing one is shown before its council: header, then its news
    assert text.index("Day 3: Monday 3 June 1935") < text.index("ULTIMATUM from the Envoy") < held
    assert "Your answer: Ultimatum: Accept" in text[held:]
    assert ENDING.search(text)
    assert "End of input" not in text


def test_lesson_mode_puts_a_demand_left_open_to_the_players(mini):
    # The first demand is left open on day 1; lesson mode must not let its deadline run out
    # unseen: day 2's council is held (once, however many choices it takes), and then the
    # ultimatum's day too. Nothing passes without a council here.
    code, text = play(mini, "4\nE\n3\nE\n1\nE\n", classroom=Classroom(lesson_days=1))
    assert code == 0
    assert text.count("today's council is held") == 2
    assert "Your answer: First demand: Refuse" in text
    assert "Your answer: Ultimatum: Accept" in text
    assert "the day passes without a council" not in text
    assert ENDING.search(text)


def test_cabinet_majority_decides_and_votes_are_printed_at_the_end(mini):
    script = "4\n4\n5\n" + "E\nE\nE\n" * 4
    code, text = play(mini, script, classroom=Classroom(cabinet=3))
    assert code == 0
    assert "Adviser 2 of 3, your vote: " in text
    assert "The cabinet decides: Talk to the envoy (2 of 3 votes)." in text
    assert "Done: Talk to the envoy" in text and "Done: Prepare the army" not in text
    votes = text[text.index("Cabinet votes") :]
    assert (
        "Day 1 (1 June 1935): Talk to the envoy \u2014 2 of 3 votes (advisers 1 and 2); other "
        "votes: Prepare the army \u2014 1 (adviser 3)."
    ) in votes


def test_cabinet_tie_goes_to_adviser_one(mini):
    _, text = play(mini, "5\n4\n" + "E\nE\n" * 4, classroom=Classroom(cabinet=2))
    assert "The cabinet decides: Prepare the army (tie broken by adviser 1)." in text


def test_cabinet_screens_do_not_use_up_a_vote(mini):
    _, text = play(mini, "4\ns\n4\n" + "E\nE\n" * 4, classroom=Classroom(cabinet=2))
    assert "The cabinet decides: Talk to the envoy (2 of 2 votes)." in text


def test_report_can_be_saved_as_markdown_and_html(mini):
    pytest.importorskip("game.debrief")
    written: dict[str, str] = {}
    script = "E\nE\nE\nE\nr\nout/report.md\nr\nout/report.html\n\n"
    code, text = play(
        mini,
        script,
        classroom=Classroom(player_name="Li Wei", cabinet=1),
        write_report=written.__setitem__,
    )
    assert code == 0
    # the full path, so the folder is known (teacher's review)
    full = Path("out").resolve()
    assert f"Report saved to {full / 'report.md'}." in text
    assert f"Report saved to {full / 'report.html'}." in text
    assert "Li Wei" in written["out/report.md"] and written["out/report.md"].lstrip().startswith(
        "#"
    )
    assert "<html" in written["out/report.html"].lower()


def test_enter_saves_the_report_as_md_and_html_where_the_window_would(mini, tmp_path):
    # teacher's review: Enter at the report's name saved nothing, and no folder was shown
    pytest.importorskip("game.debrief")
    from game.save_paths import report_stem

    (tmp_path / "hebei1935-debrief-mini-seed3-Li-Wei.md").write_text("another group's")
    written: dict[str, str] = {}
    code, text = play(
        mini,
        "E\nE\nE\nE\nr\n\n\n",
        classroom=Classroom(player_name="Li Wei"),
        write_report=written.__setitem__,
        report_folder=lambda: tmp_path,
    )
    assert code == 0
    stem = tmp_path / "hebei1935-debrief-mini-seed3-Li-Wei-2"
    assert report_stem(tmp_path, "mini", 3, "Li Wei") == stem.name  # the window's name for it
    assert f"Save the report as (Enter: {stem}.md and .html; or type a path" in text
    assert f"Report saved to {stem}.md and {stem}.html." in text
    assert written[f"{stem}.md"].lstrip().startswith("#")
    assert "<html" in written[f"{stem}.html"].lower()


def test_a_report_saved_twice_keeps_its_name(mini, tmp_path):
    """Code review: each Enter wrote a new pair of files (…-Li-Wei, then …-Li-Wei-2); the window
    saves again over its own."""
    pytest.importorskip("game.debrief")

    def write(path: str, text: str) -> None:
        Path(path).write_text(text, encoding="utf-8")

    code, text = play(
        mini,
        "E\nE\nE\nE\nr\n\nr\n\n\n",
        classroom=Classroom(player_name="Li Wei"),
        write_report=write,
        report_folder=lambda: tmp_path,
    )
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "hebei1935-debrief-mini-seed3-Li-Wei.html",
        "hebei1935-debrief-mini-seed3-Li-Wei.md",
    ]
    assert text.count("Report saved to") == 2


def test_a_typed_report_name_still_works_beside_the_default(mini, tmp_path):
    pytest.importorskip("game.debrief")
    written: dict[str, str] = {}
    target = tmp_path / "ours.md"
    play(
        mini,
        f"E\nE\nE\nE\nr\n\n{target}\n\n",
        write_report=written.__setitem__,
        report_folder=lambda: tmp_path / "default",
    )
    assert list(written) == [str(target)]


def test_a_reports_folder_that_cannot_be_made_asks_for_a_path(mini):
    pytest.importorskip("game.debrief")

    def cannot() -> Path:
        raise PermissionError(13, "Permission denied")

    written: dict[str, str] = {}
    _, text = play(
        mini,
        "E\nE\nE\nE\nr\n\n\n",
        write_report=written.__setitem__,
        report_folder=cannot,
    )
    assert "The reports folder cannot be made (Permission denied); type a path" in text
    assert "No report saved." in text and not written


def test_report_failure_is_one_line(mini, tmp_path):
    pytest.importorskip("game.debrief")

    def refuse(path: str, text: str) -> None:
        raise PermissionError(13, "Permission denied")

    target = tmp_path / "r.md"
    code, text = play(mini, f"E\nE\nE\nE\nr\n\n{target}\n\n", write_report=refuse)
    assert code == 0
    assert f"Could not save the report to {target}: Permission denied" in text


def test_cabinet_votes_go_into_the_saved_report(mini):
    pytest.importorskip("game.debrief")
    written: dict[str, str] = {}
    script = "4\n4\n" + "E\nE\n" * 4 + "r\n\nr.md\n\n"
    play(mini, script, classroom=Classroom(cabinet=2), write_report=written.__setitem__)
    report = written["r.md"]
    # the report's own section, before its questions and sources (teacher's report review: it
    # came after the sources), a list, one vote a line (play-test: a block of fixed width, which
    # a printed page did not wrap); the HTML report the same, as list items
    assert report.index("## Votes on each decision") < report.index("## Sources")
    # each choice said once (teacher's review: a unanimous vote named it four times)
    vote = "- Day 1 (1 June 1935): Talk to the envoy \u2014 2 of 2 votes (unanimous).\n"
    votes = report.split("## Votes on each decision", 1)[1].split("\n## ", 1)[0]
    assert vote in votes and votes.count("Talk to the envoy") == 1
    script = "4\n4\n" + "E\nE\n" * 4 + "r\n\nr.html\n\n"
    play(mini, script, classroom=Classroom(cabinet=2), write_report=written.__setitem__)
    page = written["r.html"]
    assert "<pre>" not in page and "<h2>Votes on each decision</h2>" in page
    assert page.index("Votes on each decision") < page.index("<h2>Sources</h2>")
    assert (
        "<li>Day 1 (1 June 1935): Talk to the envoy \u2014 2 of 2 votes (unanimous).</li>" in page
    )


def test_practice_undo_takes_back_a_step_and_a_day(mini):
    _, text = play(mini, "4\nu\nE\nud\nE\n", classroom=Classroom(practice=True))
    assert "Taken back one step, to day 1, Saturday 1 June 1935." in text
    assert "Taken back to the dawn of day 1, Saturday 1 June 1935." in text
    # After both take-backs the game is at day 1 again, so the last E ends day 1 a second time.
    assert text.count("Day 2: Sunday 2 June 1935") == 2


def test_undo_outside_practice_is_refused(mini):
    _, text = play(mini, "4\nu\n")
    assert "Taking back is only for practice games (play --practice)." in text
    assert "Taken back" not in text


def test_save_command_uses_the_shells_saver(mini):
    saved: list[tuple[int, str]] = []

    def save_slot(state, name: str) -> str:
        saved.append((state.day, name))
        return f"Saved as '{name}'."

    _, text = play(mini, "w\n\nE\nw day2\nw\nafter-day2\n", save_slot=save_slot)
    # play-test: `w` alone asked for a name, and the name typed next was refused as a choice
    assert "Save as (a name; Enter to cancel): " in text
    assert "Not saved." in text  # Enter alone at that question
    assert saved == [(2, "day2"), (2, "after-day2")]
    assert "Saved as 'day2'." in text and "Saved as 'after-day2'." in text
    assert "is not a choice" not in text


def test_on_dawn_sees_every_new_day(mini):
    days: list[int] = []
    play(mini, "E\nE\nE\nE\n", on_dawn=lambda state: days.append(state.day))
    # at the start, before the first day's news (so that a note of another game kept aside
    # comes before it), then at every later dawn, and once more at the end, with the game over
    assert days == [1, 2, 3, 4, 4]


def test_lesson_minutes_hurry_the_game_to_its_end(mini):
    # 30 s per clock reading: after two minutes of play the remaining days pass quickly (the
    # first demand is answered on day 1, so day 2 has nothing awaiting an answer)
    code, text = play(
        mini, "1\n4\nE\n" + "1\nE\n" * 3, classroom=Classroom(lesson_minutes=2), clock=FakeClock(30)
    )
    assert code == 0
    assert "Lesson mode: 2 minutes of play, then the remaining days pass quickly" in text
    assert "Lesson mode: 2 minutes played; the remaining days pass quickly, except" in text
    assert "the day passes without a council" in text
    assert ENDING.search(text)


def test_a_council_the_lessons_end_cuts_short_is_not_a_day_passed(mini):
    """Review: when the lesson's minutes ran out after the players' first choice of day 2, the
    report said day 2 'passed without a council' and stopped counting its missed history. It
    was held and cut short: the time ran out."""
    import re

    class LessonEndsAfter:  # the lesson's clock: no time passes for `readings`, then all of it
        def __init__(self, readings: int):
            self.readings = readings

        def __call__(self) -> float:
            self.readings -= 1
            return 0.0 if self.readings >= 0 else 1e6

    _, text = play(
        mini,
        "1\nE\n" + "1\nE\n" * 4,
        classroom=Classroom(lesson_minutes=1),
        clock=LessonEndsAfter(6),  # day 1 played; day 2's first choice made, then the bell
    )
    assert re.search(r"Council time ran out:\s+on day 2", text)
    assert not re.search(r"Lesson mode:\s+day 2 passed", text)
    # and the screen said so when it happened (a teacher's play-test: it said the day passed
    # without a council, where the debrief says the council's time ran out)
    assert (
        "Day 2, Sunday 2 June 1935: the lesson's time ran out, and the council ends here." in text
    )
    assert "Day 2, Sunday 2 June 1935: the day passes without a council." not in text


def test_a_council_begun_in_a_save_without_notes_goes_on_when_resumed():
    # review: a plain game's save keeps no session notes; resumed in lesson mode after its
    # lesson days, the council begun in it was ended at once and told as cut short by the
    # lesson's time, which it never had (the 1935 scenario's 31 May: no decision falls due)
    from game.engine.actions import EndDay, TakeAction
    from game.engine.api import new_game, step
    from game.scenario.load import load_scenario

    loaded = load_scenario(FIXTURES.parent.parent / "scenarios" / "he_umezu_1935.yaml")
    scenario = loaded.scenario
    state = new_game(scenario, 1935).state
    for _ in range(2):
        state = step(scenario, state, EndDay()).state
    state = step(scenario, state, TakeAction(action="see_sakai")).state  # day 3, a choice made
    out = io.StringIO()
    run_text(
        loaded,
        seed=1935,
        input_stream=io.StringIO("E\n"),
        output_stream=out,
        classroom=Classroom(lesson_days=1),
        state=state,
    )
    text = out.getvalue()
    assert "the lesson's time ran out" not in text
    day_3 = text.index("Day 3: Friday 31 May 1935")
    assert text.index("> E", day_3) < text.index("Day 4, Saturday 1 June 1935")  # its council


def test_the_debrief_on_screen_is_for_reading_not_markdown(mini):
    code, text = play(mini, "1\nE\n" * 4)
    assert code == 0
    debrief = text[text.index("Debrief: Mini crisis") :]
    assert "Where you left history" in debrief
    for mark in ("**", "[^", "\n#", "\n- **"):
        assert mark not in debrief, mark


def test_a_practice_step_back_after_passed_days_goes_back_one_day(mini):
    # review: the passed days were not on the undo stack, so a step back jumped to day 1
    script = "1\nE\nu\nE\n"
    _, text = play(mini, script, classroom=Classroom(lesson_days=1, practice=True))
    assert "Taken back one step, to day 2" in text
    # QA: the day taken back to was passed again at once, so taking back did nothing; it is played
    after = text[text.index("Taken back one step, to day 2") :]
    assert "Day 2, Sunday 2 June 1935: the day passes without a council." not in after
    assert "> E" in after


def test_an_existing_report_is_replaced_only_when_the_player_says_so(mini, tmp_path):
    existing = tmp_path / "group-a.md"
    existing.write_text("group A's report", encoding="utf-8")
    written: dict[str, str] = {}
    script = f"E\nE\nE\nE\nr\n\n{existing}\nn\n\n"
    _, text = play(mini, script, write_report=written.__setitem__)
    assert f"{existing} exists. Replace it? [y/N]" in text
    assert "Not replaced; choose another name." in text and written == {}


def test_a_finished_save_opens_on_its_ending(mini):
    from game.engine.actions import EndDay
    from game.engine.api import new_game, step

    state = new_game(mini.scenario, 3).state
    while not state.over:
        state = step(mini.scenario, state, EndDay()).state
    code, text = play(mini, "", state=state)
    assert code == 0
    assert "This game is finished: its ending and debrief follow." in text
    assert "Resuming the saved game" not in text and "Debrief" in text


def test_the_last_prompt_asks_again_after_a_stray_key_or_a_name_that_is_no_report(mini):
    # final QA: "zz" (or a digit typed ahead) at "r: save report …; Enter: finish." ended the
    # program without a word, and a path ending .txt was taken
    pytest.importorskip("game.debrief")
    written: dict[str, str] = {}
    script = "E\nE\nE\nE\nzz\nr\n\nout/report.txt\nr\nout/report.md\n\n"
    code, text = play(mini, script, write_report=written.__setitem__)
    assert code == 0
    assert "'zz' is not a choice here: r saves the report, Enter finishes." in text
    assert "end the name so" in text and "out/report.txt" not in written
    assert f"Report saved to {Path('out/report.md').resolve()}." in text


def test_a_practice_step_back_keeps_the_days_numbers(mini):
    # review: taking back across a dawn numbered the day afresh, so "1" changed its meaning
    _, text = play(mini, "1\nE\nu\nu\n1\nE\n", seed=5, classroom=Classroom(practice=True))
    after = text.split("Taken back")[-1]
    assert "  1. Accept" in after and "  4. Talk to the envoy" in after
    assert "Your answer: First demand: Accept" in after


def test_a_lesson_in_minutes_starts_its_clock_with_the_first_day(mini):
    # the real clock: a lesson of 30 minutes has not run out when the first day's header is due
    _, text = play(mini, "E\n", classroom=Classroom(lesson_minutes=30))
    assert "Day 1: Saturday 1 June 1935" in text
    assert "the day passes without a council" not in text


def test_a_choice_that_appears_during_the_day_takes_new_numbers_and_moves_nothing():
    # Play-test: a demand presented mid-day had the whole list numbered afresh; the player typed
    # the number he had just read (13, the dispositions) and took an irreversible concession
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    text = edited_mini(
        (
            "    max_uses: 1\n    effects: {reveal: readiness, trigger: rumour}\n",
            "    max_uses: 1\n    effects: {reveal: readiness, trigger: rumour, issue: [ultimatum]}\n",
        )
    )
    loaded = load_scenario_bytes(text.encode(), "issuing.yaml")
    _, shown = play(loaded, "1\n6\n4\n8\n", seed=5)
    after_spies = shown.split("Done: Ask the spies")[-1]
    assert "New choices now: 7 and 8. Every other choice keeps its number." in after_spies
    new_list = after_spies.split("\n> ")[0]
    assert "  7. Accept" in new_list and "  8. Refuse" in new_list
    assert "  4. Talk to the envoy" in new_list  # as it was before the ultimatum
    # the new answers with their consequences; the rest, read at dawn, one line each (the whole
    # list again pushed what the step brought off the screen)
    assert "Pressure \u221220, Trust \u221220, Conceded" in new_list
    assert "Lower the temperature." not in new_list
    assert "Done: Talk to the envoy" in shown  # 4 still meant Talk
    assert "Your answer: Ultimatum: Refuse" in shown
    assert shown.count("New choices now") == 1


def test_a_list_that_keeps_its_numbers_says_nothing_of_numbering(mini):
    # answering a demand and using up an action leave gaps: no choice is new
    _, text = play(mini, "1\n6\nE\n1\nE\n", seed=5)
    assert "New choice" not in text


def test_a_cabinet_vote_cut_short_by_the_clock_says_so(mini):
    # QA: adviser 1 had voted, adviser 2 had not, and the council ended without a word about it
    # (15 s per clock reading: the first vote is in time, the second question comes at 60 s)
    code, text = play(
        mini,
        "1\n" + "E\n" * 12,
        classroom=Classroom(time_limit=1, cabinet=3),
        clock=FakeClock(15),
    )
    assert code == 0
    assert (
        "the council of day 1 ends. The advisers' vote was not finished, and no choice was made."
        in text
    )


def test_a_number_no_longer_open_says_what_it_was(mini):
    # QA: "There is no choice 13 today" right after choice 13 was taken
    _, text = play(mini, "1\n1\n99\nE\n", seed=5)
    assert (
        "Choice 1 (First demand: Accept) is no longer open today; type 4\u20136, E to end the "
        "day, or h for help." in text
    )
    assert "There is no choice 99 today; type 4\u20136," in text


def _last_menu(text: str) -> list[str]:
    """The numbered lines of the last menu shown before the last prompt."""
    return re.findall(r"(?m)^  \d+\. .*$", text.split("\n> ")[-2])


@pytest.mark.parametrize(
    ("script", "edit"),
    [
        ("1\n6\n", False),  # an answer and a used-up action leave gaps in the numbers
        ("E\n1\n", False),  # a later day: numbered from that day's dawn
        ("1\n6\n", True),  # a choice that appeared mid-day numbered the list afresh
    ],
)
def test_a_game_resumed_mid_day_keeps_the_days_numbers(mini, script, edit):
    # play-test: a resumed game numbered the day's choices afresh, so "4" no longer meant what
    # it had meant before saving
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    if edit:
        text = edited_mini(
            (
                "    max_uses: 1\n    effects: {reveal: readiness, trigger: rumour}\n",
                "    max_uses: 1\n    effects: {reveal: readiness, trigger: rumour, issue: [ultimatum]}\n",
            )
        )
        mini = load_scenario_bytes(text.encode(), "issuing.yaml")
    saved = []  # the game stops at the end of the input and is saved as it stands
    # (Enter last: the full list, as a resumed game shows it at the start)
    _, straight = play(mini, script + "\n", seed=5, on_dawn=lambda state: saved.append(state) or "")
    _, resumed = play(mini, "", seed=5, state=saved[-1])
    assert "Resuming the saved game" in resumed
    before, after = _last_menu(straight), _last_menu(resumed)
    assert before and after == before


def _talk_in_history_every_day():
    """The mini scenario in which history talked to the envoy on each of its four days."""
    from game.scenario.load import load_scenario_bytes
    from tests.conftest import edited_mini

    text = edited_mini(
        (
            "historical_dates: [1935-06-01]",
            "historical_dates: [1935-06-01, 1935-06-02, 1935-06-03, 1935-06-04]",
        )
    )
    return load_scenario_bytes(text.encode(), "talkative.yaml")


def test_the_report_does_not_blame_the_players_for_a_day_lesson_mode_passed():
    # play-test: "Not done. You did not: ..." for days lesson mode passed without a council,
    # and nothing in the report said that lesson mode had passed them
    scenario = _talk_in_history_every_day()
    written: dict[str, str] = {}
    _, text = play(
        scenario,
        "1\nE\n1\nE\nr\n\nr.md\nr\nr.html\n\n",
        classroom=Classroom(lesson_days=1),
        write_report=written.__setitem__,
    )
    assert "Day 2, Sunday 2 June 1935: the day passes without a council." in text
    report = written["r.md"]
    assert "- **Lesson mode:** day 2 passed without a council" in report
    assert "2 June 1935 · Not done" not in report
    assert "3 June 1935 · Not done" in report  # a day whose council was held still counts
    assert "What history did on the days lesson mode passed is not counted here." in report
    day2 = report.split("### Day 2:")[1].split("### Day 3:")[0]
    assert "- No council: lesson mode passed this day." in day2 and "No action taken" not in day2
    html = written["r.html"]
    assert "<dt>Lesson mode</dt><dd>day 2 passed without a council</dd>" in html
    assert "2 June 1935 · Not done" not in html
    screen = text.split("Debrief:")[1]
    assert "Lesson mode:" in screen and "day 2 passed without a council" in screen
    assert "2 June 1935 · Not done" not in screen


def test_the_report_says_which_councils_ran_out_of_time():
    scenario = _talk_in_history_every_day()
    written: dict[str, str] = {}
    # 40 s per clock reading and a 1-minute council: each day's first choice comes too late
    play(
        scenario,
        "4\n" + "E\n" * 8 + "r\n\nr.md\n\n",
        classroom=Classroom(time_limit=1),
        clock=FakeClock(40),
        write_report=written.__setitem__,
    )
    report = written["r.md"]
    assert "- **Council time ran out:** on days 1\u20134" in report
    # one entry for the four days (teacher's review: repeated departures are merged)
    assert (
        "**1\u20134 June 1935 · Not done, on 4 days.** You did not: Talk to the envoy. The "
        "council's time ran out on each of those days. History did it on each of those days."
        in report
    )
    assert "- The council's time ran out." in report.split("### Day 1:")[1].split("### Day 2:")[0]


def test_a_new_day_says_what_moved_since_the_last_council(mini):
    """Play-test: the window's night summary had no equal in the terminal; to see whether the
    night changed anything, a player typed `s` and compared the numbers with his memory."""
    _, text = play(mini, "3\nE\n", seed=0)  # refused: pressure 60, and the envoy blusters
    day2 = text[text.index("Day 2:") :]
    assert "Since the last council:\n  Pressure: 60 \u2192 65 (+5, worse)\n" in day2
    assert day2.index("Since the last council") < day2.index("The envoy blusters")
    # the refusal itself (40 -> 60, during the council) is not counted as the night's
    assert "40 \u2192" not in day2
    _, quiet = play(mini, "4\nE\n", seed=0)  # a night that moved nothing says nothing
    assert "Day 2:" in quiet and "Since the last council" not in quiet


def test_the_codex_comes_a_page_at_a_time_and_finds_a_word():
    """Accessibility review: `c` put the whole codex of the 1935 scenario, some 300 lines, on the
    screen at once."""
    from game.cli import DEFAULT_SCENARIO
    from game.scenario.load import load_scenario
    from game.text.render import CODEX_PAGE_SIZE, codex_entries

    loaded = load_scenario(DEFAULT_SCENARIO)
    total = len(codex_entries(loaded.scenario, None))
    pages = -(-total // CODEX_PAGE_SIZE)
    assert pages > 2
    _, text = play(loaded, f"c\nc 2\nc {pages + 1}\nc sakai\nc zzzz\nc 0\n", plain=True)
    assert "There is no codex page 0" in text  # (review: it showed page 1)
    first = text[text.index("Codex \u2014 page 1 of") :]
    assert f"Codex \u2014 page 1 of {pages}" in first
    assert "Type 'c 2' for more, or 'c WORD' for the entries that mention it." in first
    assert "  Sakai Takashi (" in first.split("Codex \u2014 page 2")[0]
    assert "Peiping (Beijing)" not in first.split("Codex \u2014 page 2")[0]  # on a later page
    assert f"There is no codex page {pages + 1}: the codex has pages 1 to {pages}" in text
    found = text[text.index("mentioning 'sakai'") :].split("> ")[0]
    assert (
        "  Sakai Takashi (" in found and "Jurentang" in found and "Peiping (Beijing)" not in found
    )
    assert "Codex: 0 entries mentioning 'zzzz'" in text and "Nothing." in text


def test_the_night_that_ends_the_game_says_what_it_moved(mini):
    """Code review: the window shows the last night's summary before the ending (it is what
    tipped it); the text version went straight from the last council to the ending."""
    script = "prepare\nfirst:stall\nE\ntalk\nE\nspy\nfirst:stall\ntalk\nultimatum:refuse\nE\nE\n"
    _, text = play(mini, script, seed=147)
    last = text[text.rindex("> E") :]
    assert "Since the last council:\n  Pressure: 15 \u2192 30 (+15, worse)\n" in last
    assert last.index("Since the last council") < last.index("Ending:")


def test_plain_help_keeps_each_key_on_one_line(mini):
    """Play-test with --plain: the help's own line breaks cut its sentences in two for a screen
    reader ("...a choice" / "keeps its number all day...")."""
    _, text = play(mini, "h\n", plain=True)
    assert (
        "  1, 2, ...  take the numbered choice (answer a demand, or take an action); a choice "
        "keeps its number all day, and one no longer open leaves a gap\n"
    ) in text


def test_a_choice_says_what_it_changed_in_numbers(mini):
    """Play-test: an 'outcome uncertain' choice told its outcome in words only; to learn what
    it cost, a student had to open the status screen and compare totals."""
    _, text = play(mini, "4\n", seed=3)
    after = text[text.index("Done: Talk to the envoy") :]
    assert "Changed \u2014 Pressure: 40 \u2192 35 (\u22125, better)" in after.split("> ")[0]


def test_a_council_after_days_lesson_mode_passed_says_what_they_moved(mini):
    """Play-test: after lesson mode passed days, the class met the ultimatum with the army's
    momentum up from 51 to 72 and nothing saying so."""
    _, text = play(mini, "3\nE\n1\nE\n", seed=0, classroom=Classroom(lesson_days=1))
    passed = text.index("the day passes without a council")
    held = text.index("today's council is held")
    since = text.index("Since the last council:\n  Pressure: 60 \u2192 70 (+10, worse)\n")
    assert passed < since < held  # two nights together: refused at 60, then +5 and +5


def test_a_saved_report_says_it_was_made_by_playing_the_text_version_and_how(mini):
    # teacher's report review: a report did not say how it was made (a replay looked the same)
    for cabinet, words in ((1, "playing the text version"), (2, "as a group of 2 advisers")):
        written: dict[str, str] = {}
        ends = "E\n" * 4 if cabinet == 1 else "E\nE\n" * 4
        play(
            mini,
            ends + "r\nout/report.md\n\n",
            classroom=Classroom(player_name="Li Wei", cabinet=cabinet),
            write_report=written.__setitem__,
        )
        report = written["out/report.md"]
        assert "- **Made by:** playing the text version" in report and words in report
        assert "Not a game played" not in report


def test_a_report_without_a_name_asks_for_one_before_saving(mini, tmp_path):
    # teacher's report review: without --name the report said "(no name given)" and its file
    # name had none either
    written: dict[str, str] = {}
    code, text = play(
        mini,
        "E\n" * 4 + "r\n  Ana   and Ben \n\n\n",
        write_report=written.__setitem__,
        report_folder=lambda: tmp_path,
    )
    assert code == 0
    assert "Your name or names, for the report (Enter: none): " in text
    (markdown,) = [body for path, body in written.items() if path.endswith(".md")]
    assert "- **Student:** Ana and Ben" in markdown
    assert any("seed3-Ana-and-Ben" in path for path in written), list(written)


def test_a_report_with_a_name_given_does_not_ask_again(mini, tmp_path):
    written: dict[str, str] = {}
    _, text = play(
        mini,
        "E\n" * 4 + "r\n\n\n",
        classroom=Classroom(player_name="Li Wei"),
        write_report=written.__setitem__,
        report_folder=lambda: tmp_path,
    )
    assert "Your name or names" not in text
    assert any("Li-Wei" in path for path in written)


def test_input_ending_after_r_still_saves_the_report(mini, tmp_path):
    # review: a script ending with "r" and Enter (which saved the report before the names were
    # asked) ended at the next question and saved nothing, without a word
    for script in ("E\n" * 4 + "r\n", "E\n" * 4 + "r\n\n"):
        written: dict[str, str] = {}
        code, _ = play(
            mini, script, write_report=written.__setitem__, report_folder=lambda: tmp_path
        )
        assert code == 0
        assert sorted(path.rsplit(".", 1)[1] for path in written) == ["html", "md"], script


def test_a_council_resumed_goes_on_with_the_time_it_had_left(mini):
    """A game saved in the middle of a timed council kept no time spent: the resumed council
    started again in full (classroom guide, 'its clock starts again in full')."""
    from game.engine.api import new_game
    from game.saves import SessionNotes

    state = new_game(mini.scenario, 3).state
    fresh = dict(classroom=Classroom(time_limit=1), clock=FakeClock(10), state=state)
    # 10 s a clock reading: the first choice is read some 30 s into the minute...
    _, text = play(mini, "4\nE\nE\nE\nE\nE\nE\n", session_notes=SessionNotes(), **fresh)
    assert "Done: Talk to the envoy" in text.split("Day 2:")[0]
    # ...but 50 s had gone before the save: it comes at some 80 s, too late
    spent = SessionNotes(council_day=1, council_seconds=50)
    fresh["clock"] = FakeClock(10)
    _, text = play(mini, "4\nE\nE\nE\nE\nE\nE\n", session_notes=spent, **fresh)
    day1 = text.split("Day 2:")[0]
    assert "Time is up (1 minute): the council of day 1 ends." in day1
    assert "Done: Talk to the envoy" not in day1


def test_a_save_in_the_middle_of_a_timed_council_keeps_the_time_spent(mini):
    from game.saves import SessionNotes

    kept: list[SessionNotes] = []
    # a named save (w) after one choice: 2 readings of 15 s since the council's first prompt
    play(
        mini,
        "4\nw mid\nq\ny\n",
        classroom=Classroom(time_limit=5),
        clock=FakeClock(15),
        keep_notes=kept.append,
        save_slot=lambda state, name: "saved",
    )
    mid = [(n.council_day, n.council_seconds) for n in kept if n.council_seconds]
    # the named save, then the autosave on quitting: the same council, its time going on,
    # counted from the first prompt in 15 s clock readings, within its 5 minutes
    assert [day for day, _ in mid] == [1, 1]
    assert 0 < mid[0][1] < mid[1][1] < 300 and mid[0][1] % 15 == mid[1][1] % 15 == 0
    assert kept[0].council_seconds == 0  # the dawn's autosave, before the clock started


def test_a_resumed_councils_time_is_not_charged_to_a_later_day_nor_to_a_dawn():
    """Review: with lesson mode letting the saved day pass, the next held council inherited the
    saved seconds, and each dawn's autosave kept the time since the last council's clock
    started (on a real clock, the machine's uptime)."""
    from game.engine.actions import EndDay
    from game.engine.api import new_game, step
    from game.saves import SessionNotes
    from game.scenario.load import load_scenario
    from tests.conftest import ROOT

    chahar = load_scenario(ROOT / "scenarios" / "chahar_1935.yaml")
    state = new_game(chahar.scenario, 3).state
    while state.day < 5:
        state = step(chahar.scenario, state, EndDay()).state
    clock = FakeClock(5)
    clock.now = 100_000.0  # a machine up for a day
    kept: list[SessionNotes] = []
    dawns: list[tuple[int, int, int]] = []

    def dawn(s):
        dawns.append((s.day, kept[-1].council_day, kept[-1].council_seconds))
        return ""

    _, text = play(
        chahar,
        "E\n" * 60,
        state=state,
        session_notes=SessionNotes(council_day=5, council_seconds=50),
        classroom=Classroom(time_limit=1, lesson_days=1),
        clock=clock,
        keep_notes=kept.append,
        on_dawn=dawn,
    )
    assert "Time is up" not in text
    assert dawns[0] == (5, 5, 50)  # the resumed day's own autosave keeps its time
    assert all(seconds == 0 for day, _, seconds in dawns[1:])
