"""Whatever a class types, the text game answers without a crash and stops cleanly."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.text.app import Classroom, run_text

KEYS = [
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "0",
    "E",
    "e",
    "s",
    "l",
    "l 2",
    "c",
    "h",
    "q",
    "n",
    "y",
    "",
    "zz",
    "u",
    "ud",
    "w x",
    "talk",
    "first:stall",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(st.sampled_from(KEYS), max_size=60),
    seed=st.integers(0, 10_000),
    cabinet=st.integers(1, 3),
    practice=st.booleans(),
)
def test_any_input_ends_cleanly(mini, lines, seed, cabinet, practice):
    out = io.StringIO()
    script = "".join(f"{line}\n" for line in lines)
    code = run_text(
        mini,
        seed=seed,
        input_stream=io.StringIO(script),
        output_stream=out,
        classroom=Classroom(cabinet=cabinet, practice=practice),
    )
    text = out.getvalue()
    assert code == 0
    last = text.rstrip().splitlines()[-1]
    assert last == f"Seed {seed} \u2014 use --seed {seed} to replay the same hidden draw"
    assert (
        ("\nEnding: " in text)
        or ("End of input: the game stops here" in text)
        or ("You left the game on day" in text)
    )
