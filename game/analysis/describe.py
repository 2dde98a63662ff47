"""What the player may know before choosing, in words: consequences, visible stats, attitudes, deadlines.

Pure functions over the Scenario and the GameState, free of terminal code, so the pygame window can
reuse them. They only read declared data; they never evaluate a rule or predict an outcome.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine.query import deadline_words
from game.engine.state import TOLD_KINDS, GameEvent, GameState
from game.engine.words import counted
from game.scenario.model import Effects, Outcome, Scenario

# How each kind of inbox item is labelled, in both front ends.
KIND_LABELS = {
    "telegram": "Telegram",
    "news": "News",
    "report": "Report",
    "meeting": "Meeting",
    "order": "Order",
    "intelligence": "Intelligence",
    "background": "Background",
    "note": "Note",  # the game speaking to the player (a tutorial's lesson)
    "demand": "Demand",
    "ultimatum": "ULTIMATUM",
    "demand_answered": "Your answer",
    "demand_expired": "Deadline passed",
    "action": "Done",
    "outcome": "Outcome",
    "actor": "Move",  # what another actor does on their own account
    "stage": "Situation",  # a stage may escalate or settle ("After the answer"): not "Escalation"
    "message": "Note",
    "ending": "Ending",
    "rejected": "Not possible",
}

INVENTED = (
    "Not in the historical record: the game invents it as something that could have happened."
)
BY_TEACHER = "Released by the teacher during the lesson."
DRAWN = "Based on the record; the game draws whether this report tells the truth."


def provenance(scenario: Scenario, event: GameEvent, *, brief: bool = False) -> str:
    """Where an inbox item comes from, for a player who must tell history from the game's
    inventions: the titles of the sources it cites, or that it is invented (or that the teacher
    released it). An item the scenario marks `counterfactual` is invented, grounded in its
    sources; an intelligence report, whose truth the game draws, is "based on" its sources
    whichever version was drawn. Nothing for the game's own workings (a stage, a day, the player's choices), nor
    in a scenario that claims no history, where all of it is invented. `brief` counts the sources
    instead of naming them (the text version, where a day's news must fit a terminal)."""
    if event.kind not in TOLD_KINDS or not scenario.has_history:
        return ""
    # An inject's item bears its id, kind and title; ids alone could be shared with an event's
    # or a demand's (the debrief tells a released inject the same way, by its title)
    inject = scenario.injects.get(event.ref)
    teacher = inject is not None and (inject.kind, inject.title) == (event.kind, event.title)
    if not event.sources:
        return BY_TEACHER if teacher else INVENTED
    count = counted(len(event.sources), "source")
    titles = "; ".join(
        scenario.sources[tag].title if tag in scenario.sources else tag for tag in event.sources
    )
    if event.counterfactual:  # its sources are the grounds of an invention, not its record
        invented = INVENTED.removesuffix(".")
        return f"{invented} ({count} behind it)." if brief else f"{INVENTED} Grounded in: {titles}."
    if event.reliability is not None:
        # A report with two versions: saying which one the record has would tell the player
        # whether this one is true, which the game keeps hidden
        if brief:
            return (
                f"Based on the record ({count} cited); the game draws whether it tells the truth."
            )
        return f"{DRAWN} Sources: {titles}."
    said = BY_TEACHER.removesuffix(".") if teacher else "From the record"
    return f"{said} ({count} cited)." if brief else f"{said}. Sources: {titles}."


MINUS = "\u2212"  # a real minus sign: screen readers say "minus", and it lines up with "+"


def correspondent(kind: str, name: str) -> str:
    """Who an inbox item is from, as a phrase after its kind: "from Sakai Takashi", "with Sakai
    Takashi" for a meeting, "by Sakai Takashi" for a move of his own, "to Sakai Takashi" for the
    player's own answer; a name such as "The North China press" reads "from the North China
    press"."""
    if not name:
        return ""
    if name.startswith("The "):
        name = "the " + name[4:]
    word = {"demand_answered": "to", "meeting": "with", "actor": "by"}.get(kind, "from")
    return f"{word} {name}"


def uses_note(uses_left: int | None, taken: int = 0, per_day: int = 1) -> str:
    """What a player should know of an action's limits: for the whole game, "once a game" or "up
    to 4 times a game" before it is first taken, "once more this game" or "3 more times this
    game" after; nothing when it is unlimited (an action that is used up says so in its reason).
    An action that can be taken more than once a day says so first ("up to 2 times a day"): the
    rules say once a day, and an author's review found a per_day of 2 shown nowhere.
    Every limit is shown, from the first day: a note that appeared only once three or fewer uses
    remained made an action of four uses look unlimited until it had been used once (play-test).
    "A game" is said outright: "can be done 5 times" read as a daily allowance, and a player
    following history had used up the telegrams to Chiang by 5 June (play-test)."""
    daily = f"up to {per_day} times a day" if per_day > 1 else ""
    if uses_left is None:
        return daily
    if uses_left <= 0:
        return ""
    if taken:
        game = "once more this game" if uses_left == 1 else f"{uses_left} more times this game"
    else:
        game = "once a game" if uses_left == 1 else f"up to {uses_left} times a game"
    # a limit for the game no higher than the day's says all there is to say
    return f"{daily}, {game}" if daily and uses_left > per_day else game


def signed(value: int) -> str:
    """+5 or −5."""
    return f"+{value}" if value >= 0 else number(value)


def number(value: int) -> str:
    """5 or −5: a value as the player reads it, with the minus sign `signed` uses (play-test:
    "attitude: -20 → -15" beside "Public anger −10")."""
    return str(value) if value >= 0 else f"{MINUS}{-value}"


HIGHER_IS = {"better": "higher is better", "worse": "higher is worse"}


def higher_is_note(higher_is: str) -> str:
    """Which way a stat should go, in words: "higher is better", "higher is worse", or nothing
    for a stat that is neither (both front ends say it, so colour is never the only sign)."""
    return HIGHER_IS.get(higher_is, "")


def change_verdict(delta: int, higher_is: str) -> str:
    """Whether a stat's change is for the better or the worse ("better", "worse"), or nothing
    when it did not move or the stat is neither good nor bad when high."""
    if not delta or higher_is not in HIGHER_IS:
        return ""
    return "better" if (delta > 0) == (higher_is == "better") else "worse"


@dataclass(frozen=True)
class StatChange:
    """A visible stat that moved between two moments of a game (a council and the next)."""

    label: str
    before: int
    after: int
    higher_is: str

    @property
    def verdict(self) -> str:
        return change_verdict(self.after - self.before, self.higher_is)

    @property
    def words(self) -> str:
        """ "Japanese pressure: 29 \u2192 32 (+3, worse)": for the better or the worse in words,
        never by colour alone."""
        delta, verdict = self.after - self.before, self.verdict
        said = f"{signed(delta)}, {verdict}" if verdict else signed(delta)
        return f"{self.label}: {number(self.before)} \u2192 {number(self.after)} ({said})"


def stat_changes(scenario: Scenario, before: GameState, after: GameState) -> list[StatChange]:
    """The stats the player can see (at `after`) that moved from `before`, in the scenario's
    order, then the actors' attitudes that moved (neither better nor worse in itself): what
    both front ends show of a choice and of a night (student play-test: an action promised
    "Chiang Kai-shek's attitude +5", and what changed listed the stats alone)."""
    stats = [
        StatChange(spec.label, before.stats[sid], after.stats[sid], spec.higher_is)
        for sid, spec in scenario.stats.items()
        if stat_visible(scenario, after, sid) and before.stats.get(sid) != after.stats.get(sid)
    ]
    attitudes = [
        StatChange(f"{actor.name}'s attitude", before.attitudes[aid], after.attitudes[aid], "")
        for aid, actor in scenario.actors.items()
        if aid in before.attitudes
        and aid in after.attitudes
        and before.attitudes[aid] != after.attitudes[aid]
    ]
    return stats + attitudes


def stat_visible(scenario: Scenario, state: GameState, stat_id: str) -> bool:
    """A hidden stat is shown only once an effect has revealed it."""
    spec = scenario.stats.get(stat_id)
    return spec is not None and (not spec.hidden or stat_id in state.revealed)


def stat_display(scenario: Scenario, state: GameState, stat_id: str) -> str:
    """The stat's value as the player may see it: a number, or "?" while it is hidden."""
    if not stat_visible(scenario, state, stat_id):
        return "?"
    return str(state.stats.get(stat_id, "?"))


def facts(scenario: Scenario, state: GameState) -> list[str]:
    """What has come true so far (the flags that are set), in the scenario's own words."""
    return [
        scenario.flags[fid].label or fid.replace("_", " ")
        for fid in scenario.flags
        if state.flags.get(fid)
    ]


ATTITUDE_WORDS: tuple[tuple[int, str], ...] = (
    (-60, "hostile"),
    (-20, "unfriendly"),
    (20, "guarded"),
    (60, "friendly"),
    (101, "close"),
)


def attitude_word(value: int) -> str:
    """An attitude (−100 … 100) in a word: hostile, unfriendly, guarded, friendly, close."""
    for limit, word in ATTITUDE_WORDS:
        if value < limit:
            return word
    return ATTITUDE_WORDS[-1][1]


def describe_effects(
    scenario: Scenario, state: GameState, effects: Effects, outcomes: Sequence[Outcome] = ()
) -> str:
    """The declared, certain consequences of an effect set, e.g. "Pressure −5, Trust +5; outcome uncertain".

    Hidden stats that are not revealed are left out; expressions are described, not evaluated
    (evaluating them would be a rule in the shell, and could leak hidden values). A flag the
    effects set that already holds is marked "(already so)"; one they clear that does not hold
    is left out.
    """
    parts: list[str] = []
    undone: list[str] = []  # flags set false: said last, after "undoes:", so that the word
    # reads over them alone ("..., Public anger +10; undoes: Chinese troops stand and fight")
    for name, value in effects.changes().items():
        if value is False and name in scenario.flags:
            if state.flags.get(name):  # (one already false changes nothing: not said)
                undone.append(scenario.flags[name].label or name.replace("_", " "))
            continue
        part = _describe_change(scenario, state, name, value)
        if part:
            parts.append(part)
    for stat_id in effects.reveal:
        spec = scenario.stats.get(stat_id)
        parts.append(f"reveals {spec.label if spec else stat_id}")
    for demand_id in effects.issue:
        demand = scenario.demands.get(demand_id)
        parts.append(f"brings a demand ('{demand.title}')" if demand else "brings a demand")
    for ident in effects.trigger:
        parts.append(
            "brings an intelligence report" if ident in scenario.intel else "sets events in motion"
        )
    if effects.goto:
        stage = scenario.stages.get(effects.goto)
        parts.append(f"moves the crisis to '{stage.label if stage else effects.goto}'")
    if effects.end:
        parts.append("ends the game")
    text = "; ".join(
        piece
        for piece in (", ".join(parts), "undoes: " + ", ".join(undone) if undone else "")
        if piece
    )
    if outcomes:
        text = f"{text}; outcome uncertain" if text else "outcome uncertain"
    return text


def _describe_change(
    scenario: Scenario, state: GameState, name: str, value: int | bool | str
) -> str:
    if name in scenario.flags:
        label = scenario.flags[name].label or name.replace("_", " ")
        if value is True and state.flags.get(name):
            # play-test: the 9 June answers listed the branches closed and the armies sent out
            # as their doing, after the player had done both
            return f"{label} (already so)"
        return label if value is True else f"possibly: {label}"  # (false: see describe_effects)
    if name in scenario.stats:
        if not stat_visible(scenario, state, name):
            return ""
        label = scenario.stats[name].label
    elif name in scenario.actors:
        label = f"{scenario.actors[name].name}'s attitude"
    else:
        return ""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return f"{label} {signed(value)}" if value else ""
    if value.startswith("="):
        target = value[1:].strip()
        return (
            f"{label} set to {target}"
            if target.lstrip("-").isdigit()
            else f"{label} reset (depends on the situation)"
        )
    return f"{label} changes (depends on the situation)"


def describe_action(scenario: Scenario, state: GameState, action_id: str) -> str:
    """The known consequences of one of the scenario's actions."""
    spec = scenario.actions[action_id]
    return describe_effects(scenario, state, spec.effects, spec.outcomes)


def describe_response(
    scenario: Scenario, state: GameState, demand_id: str, response_id: str
) -> str:
    """The known consequences of one answer to a demand (including that it buys time, if it does)."""
    response = scenario.demands[demand_id].responses[response_id]
    text = describe_effects(scenario, state, response.effects, response.outcomes)
    extras = []
    if not response.closes:
        extras.append("the demand stays open")
    if (
        response.extend_days
        and not response.closes  # an answer that settles the demand leaves no deadline to move
        and not scenario.demands[demand_id].ultimatum
    ):
        extras.append(f"deadline +{counted(response.extend_days, 'day')}")
    return "; ".join(part for part in (text, ", ".join(extras)) if part)


@dataclass(frozen=True)
class Deadline:
    """The nearest pending deadline, ready to show."""

    demand: str
    title: str
    ultimatum: bool
    label: str  # how the deadline was put ("noon, 12 June"), or its date
    days_left: int  # 0: today is the last day for an answer

    @property
    def urgent(self) -> bool:
        """An ultimatum, or the last day for an answer: the window draws the countdown in red."""
        return self.ultimatum or self.days_left <= 0

    @property
    def ultimatum_today(self) -> bool:
        """An ultimatum runs out today: the window's countdown blinks."""
        return self.ultimatum and self.days_left <= 0


def nearest_deadline(scenario: Scenario, state: GameState) -> Deadline | None:
    """The pending demand whose deadline comes first: the one both front ends count down to
    (the window's header and the text version's day header and status).

    Two answers due the same day: an ultimatum before a plain demand, since letting an ultimatum
    run out can end the game while a lapsed demand only costs something; between two of the same
    kind, the one presented first (the one the player has had longest). The demand's id plays no
    part: the window once broke ties by it, alphabetically, and named another demand than the
    text version did, calling it not urgent while the text version warned of the ultimatum.
    """
    pending = [
        (active.deadline, not scenario.demands[did].ultimatum, order, did)
        for order, (did, active) in enumerate(state.demands.items())  # in the order presented
        if active.status == "pending" and active.deadline is not None
    ]
    if not pending:
        return None
    deadline, _, _, did = min(pending)
    demand = scenario.demands[did]
    label = deadline_words(scenario, state.demands[did])
    return Deadline(did, demand.title, demand.ultimatum, label, (deadline - state.date).days)


def countdown_text(deadline: Deadline | None) -> str:
    """The countdown line, e.g. "Ultimatum 'X' — deadline noon, 12 June: 2 days"."""
    if deadline is None:
        return "No deadline pending."
    kind = "Ultimatum" if deadline.ultimatum else "Demand"
    if deadline.days_left <= 0:
        left = "today is the last day"
    else:
        left = counted(deadline.days_left, "day")
    return f"{kind} '{deadline.title}' \u2014 deadline {deadline.label}: {left}"
