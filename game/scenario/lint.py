"""Meaning checks: a scenario that loads may still have endings, stages or actions nobody can reach.

Runs after `validate.py` has found no errors, so every reference here is known to exist. Each check
is deliberately simple and sound: it reports only what is certainly wrong (error) or very probably
a mistake (warning), never a guess about how a game will go; the explorer answers those questions.
"""

from __future__ import annotations

import ast
import datetime as dt
from collections import deque
from collections.abc import Iterator, Mapping

from game.scenario.expr import ExprSyntaxError, compile_expr, parse
from game.scenario.expr.compile import Demand, Value
from game.scenario.expr.parse import constant_name
from game.scenario.expr.symbols import FUNCTIONS
from game.scenario.model import Effects, Scenario, Transition
from game.scenario.source import Diagnostic
from game.scenario.walk import Pass, all_effects
from game.scenario.yaml_source import Path, YamlDocument


def lint_scenario(scenario: Scenario, document: YamlDocument) -> list[Diagnostic]:
    """Every meaning problem in a scenario that passed validation."""
    return _Linter(scenario, document).run()


def with_lint(
    scenario: Scenario, document: YamlDocument, found: list[Diagnostic]
) -> list[Diagnostic]:
    """`found` plus the lint findings; lint runs only when `found` has no errors (one mistake, one message)."""
    if any(d.severity == "error" for d in found):
        return found
    return [*found, *lint_scenario(scenario, document)]


# --- walking the scenario -----------------------------------------------------------------------


def all_expressions(s: Scenario) -> Iterator[tuple[Path, str]]:
    """Every expression text in the scenario (conditions, weights, effect values), with its path."""

    def text(path: Path, value: object) -> Iterator[tuple[Path, str]]:
        if isinstance(value, str) and not isinstance(value, bool):
            yield path, value

    for sid, stage in s.stages.items():
        for i, t in enumerate(stage.transitions):
            yield from text(("stages", sid, "transitions", i, "when"), t.when)
            yield from text(("stages", sid, "transitions", i, "unless"), t.unless)
    for eid, event in s.events.items():
        yield from text(("events", eid, "when"), event.when)
        yield from text(("events", eid, "probability"), event.probability)
    for iid, intel in s.intel.items():
        yield from text(("intel", iid, "when"), intel.when)
        yield from text(("intel", iid, "probability"), intel.probability)
        yield from text(("intel", iid, "truth"), intel.truth)
    for did, demand in s.demands.items():
        yield from text(("demands", did, "when"), demand.when)
        for i, outcome in enumerate(demand.expiry_outcomes):
            yield from text(("demands", did, "expiry_outcomes", i, "weight"), outcome.weight)
        for rid, response in demand.responses.items():
            yield from text(("demands", did, "responses", rid, "when"), response.when)
            for i, outcome in enumerate(response.outcomes):
                yield from text(
                    ("demands", did, "responses", rid, "outcomes", i, "weight"), outcome.weight
                )
    for aid, action in s.actions.items():
        yield from text(("actions", aid, "when"), action.when)
        for i, outcome in enumerate(action.outcomes):
            yield from text(("actions", aid, "outcomes", i, "weight"), outcome.weight)
    for aid, actor in s.actors.items():
        yield from text(("actors", aid, "idle_weight"), actor.idle_weight)
        for i, rule in enumerate(actor.rules):
            yield from text(("actors", aid, "rules", i, "when"), rule.when)
            yield from text(("actors", aid, "rules", i, "weight"), rule.weight)
    for eid, ending in s.endings.items():
        yield from text(("endings", eid, "when"), ending.when)
    for uid, unit in s.units.items():
        yield from text(("units", uid, "visible_when"), unit.visible_when)
        for i, move in enumerate(unit.moved_to):
            yield from text(("units", uid, "moved_to", i, "when"), move.when)
    for cid, entry in s.codex.items():
        yield from text(("codex", cid, "unlock_when"), entry.unlock_when)
    for path, effects in all_effects(s):
        for name, value in effects.changes().items():
            if isinstance(value, str):
                yield (*path, name), value[1:] if value.startswith("=") else value


def names_read(text: str) -> set[str]:
    """The declared names an expression reads (not function names, not the ids passed to them)."""
    try:
        tree = parse(text)
    except ExprSyntaxError:
        return set()
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            spec = FUNCTIONS.get(node.func.id)
            for arg, kind in zip(node.args, spec.arg_kinds if spec else (), strict=False):
                if kind == "number":
                    visit(arg)
            return
        if isinstance(node, ast.Name):
            if constant_name(node.id) is None:
                found.add(node.id)
            return
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def stages_named(text: str | None) -> set[str]:
    """Stages a condition names: `in_stage(x)` and `stage == "x"`."""
    if not text:
        return set()
    try:
        tree = parse(text)
    except ExprSyntaxError:
        return set()
    found: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "in_stage"
            and node.args
        ):
            arg = node.args[0]
            if isinstance(arg, ast.Name):
                found.add(arg.id)
            elif isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
        elif isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(isinstance(o, ast.Name) and o.id == "stage" for o in operands):
                found.update(
                    o.value
                    for o in operands
                    if isinstance(o, ast.Constant) and isinstance(o.value, str)
                )
    return found


def same_condition(a: str | None, b: str | None) -> bool:
    """Whether two conditions are written the same, ignoring spacing and redundant brackets."""
    if a is None or b is None:
        return a is b
    try:
        return ast.dump(parse(a)) == ast.dump(parse(b))
    except ExprSyntaxError:
        return a.strip() == b.strip()


# --- queued work ------------------------------------------------------------------------------

# The engine stops a step's queued work after this many pieces (game/engine/turn.py has the same
# constant; the scenario layer may not import the engine, so a test keeps the two equal).
MAX_QUEUED_PER_STEP = 500

# What the engine handles one after another in a step (game/engine/turn.py, Turn.drain): the work
# an effects block queues (issue, trigger, goto, end, in that order), first in, first out. A
# trigger fires its event or report even if `once` and queues that one's work; a goto to another
# stage queues the old stage's on_exit work, then the new one's on_enter work; a goto to the
# current stage does nothing; an end ends the game and drops the queue; an issue presents a
# demand, which queues nothing. None of it depends on a condition, so playing the queue with only
# the stage and the queue is exact: it passes the limit iff the engine's does.
_Work = tuple[str, str]  # ("fire", event or intel id), ("goto", stage id), ("issue"/"end", id);
# ("stay", stage id) is a goto handled in that very stage, which does nothing
_Queued = tuple[str, str, Path]  # a piece of work and the effect that queues it
_Handled = tuple[str, str, Path, int]  # ... and the index of the handled piece that queued it


def _queued(effects: Effects, path: Path) -> tuple[_Queued, ...]:
    work: list[_Queued] = [("issue", i, (*path, "issue", n)) for n, i in enumerate(effects.issue)]
    work += [("fire", i, (*path, "trigger", n)) for n, i in enumerate(effects.trigger)]
    if effects.goto:
        work.append(("goto", effects.goto, (*path, "goto")))
    if effects.end:
        work.append(("end", effects.end, (*path, "end")))
    return tuple(work)


class _Queue:
    """A scenario's queued work, played as Turn.drain plays it."""

    def __init__(self, s: Scenario):
        self.s = s
        self.fires = {
            **{i: _queued(e.effects, ("events", i, "effects")) for i, e in s.events.items()},
            **{i: _queued(r.effects, ("intel", i, "effects")) for i, r in s.intel.items()},
        }
        self.enters = {
            i: _queued(st.on_enter, ("stages", i, "on_enter")) for i, st in s.stages.items()
        }
        self.exits = {
            i: _queued(st.on_exit, ("stages", i, "on_exit")) for i, st in s.stages.items()
        }

    def starts(self) -> Iterator[tuple[str, tuple[_Queued, ...]]]:
        """Every (stage, work queued) a step may begin by draining, once each, as the engine
        begins one: the first day (the initial stage's on_enter, in it); every effects block
        other than a stage's (events, reports, actions, responses, outcomes, actor rules, demand
        expiry, injects) in every stage; and each stage's transitions at dusk (a goto, which
        applies the old stage's on_exit and the new one's on_enter). A stage's on_enter or
        on_exit never runs on its own otherwise, so it is played only through those. Blocks that
        queue only issues and ends stop at once (unless there are too many) and are left out."""
        blocks = [
            work
            for path, effects in all_effects(self.s)
            if path[0] != "stages"
            and (work := _queued(effects, path))
            and (effects.trigger or effects.goto or len(work) > MAX_QUEUED_PER_STEP)
        ]
        seen: set[tuple[str, tuple[_Work, ...]]] = set()
        first = self.s.initial_stage
        if first in self.s.stages:
            seen.add((first, tuple((kind, ident) for kind, ident, _ in self.enters[first])))
            yield first, self.enters[first]
        for stage, st in self.s.stages.items():
            moves = [
                (("goto", t.to, ("stages", stage, "transitions", n, "to")),)
                for n, t in enumerate(st.transitions)
            ]
            for work in [*blocks, *moves]:
                key = (stage, tuple((kind, ident) for kind, ident, _ in work))
                if key not in seen:
                    seen.add(key)
                    yield stage, work

    def play(self, stage: str, first: tuple[_Queued, ...]) -> list[_Handled] | None:
        """The work handled, if it does not stop within the limit (else None)."""
        queue: deque[_Handled] = deque((kind, ident, path, -1) for kind, ident, path in first)
        handled: list[_Handled] = []
        fires, enters, exits = self.fires, self.enters, self.exits
        while queue:
            if len(handled) == MAX_QUEUED_PER_STEP:
                return handled
            piece = queue.popleft()
            kind, ident = piece[0], piece[1]
            at = len(handled)
            if kind == "goto" and ident == stage:  # does nothing: kept apart, see _loop_in
                piece = ("stay", ident, piece[2], piece[3])
            handled.append(piece)
            if kind == "fire":
                queue.extend((k, i, p, at) for k, i, p in fires[ident])
            elif kind == "goto" and ident != stage:
                queue.extend((k, i, p, at) for k, i, p in exits[stage])
                queue.extend((k, i, p, at) for k, i, p in enters[ident])
                stage = ident
            elif kind == "end":
                return None
        return None


def _loop_in(handled: list[_Handled]) -> list[tuple[_Work, Path]] | None:
    """The loop the latest work runs in, as (piece, effect queuing the next) pairs: the nearest
    piece queued, at some remove, by the same piece. None if there is none (a few pieces that
    each queue many more, with no loop). A goto to the current stage ("stay") does nothing and
    queues nothing, so it is in no loop: a chain is never begun from one (it would name the
    stage again as though the goto had entered it)."""
    for last in range(len(handled) - 1, -1, -1):
        if handled[last][0] == "stay":
            continue
        chain = [last]  # handled indices: a piece, the piece that queued it, and so on
        seen = {_work(handled[last]): 0}
        while (up := handled[chain[-1]][3]) >= 0:
            first = seen.get(_work(handled[up]))
            if first is not None:
                loop = [up, *reversed(chain[first + 1 :])]  # oldest first, without the repeat
                nexts = [*loop[1:], chain[first]]
                return [
                    (_work(handled[a]), handled[b][2]) for a, b in zip(loop, nexts, strict=True)
                ]
            seen[_work(handled[up])] = len(chain)
            chain.append(up)
    return None


def _work(piece: _Handled) -> _Work:
    return piece[0], piece[1]


def queued_loops(s: Scenario) -> tuple[list[list[tuple[_Work, Path]]], list[Path]]:
    """The work that does not stop within the engine's limit: each loop once (loops that share a
    piece count as one), as its pieces, each with the effect that queues the next; and the
    effects that start so much work, with no loop, that it passes the limit."""
    queue = _Queue(s)
    loops: list[list[tuple[_Work, Path]]] = []
    floods: list[Path] = []
    seen: set[_Work] = set()  # the pieces of the loops found
    flooded: set[_Work] = set()  # ... and of the work without loops found
    for stage, first in queue.starts():
        handled = queue.play(stage, first)
        if handled is None:
            continue
        cycle = _loop_in(handled)
        if cycle is None:
            pieces = {_work(piece) for piece in handled}
            if not pieces & flooded:  # one report for work that some other report includes
                flooded |= pieces
                floods.append(first[0][2])
            continue
        pieces = {work for work, _ in cycle}
        if not pieces & seen:  # loops through a piece already reported are one tangle of work
            seen |= pieces
            loops.append(cycle)
    return loops, floods


def _loop_name(s: Scenario, node: _Work, mixed: bool) -> str:
    if not mixed:
        return node[1]
    if node[0] == "goto":
        return f"stage {node[1]}"
    return f"{'report' if node[1] in s.intel else 'event'} {node[1]}"


# --- dated conditions ---------------------------------------------------------------------------

_DAY_NAMES = {"day", "date", "days_left"}


class _Dawn:
    """What an expression reads at dawn of one day, when it reads only the day (and calls no
    function: what the functions read is empty)."""

    def __init__(self, values: Mapping[str, Value], date: dt.date):
        self.values = values
        self.date = date
        self.fired: dict[str, int] = {}
        self.taken: dict[str, int] = {}
        self.demands: dict[str, Demand] = {}


def _holds_on(text: str, date: dt.date, day: int, days_left: int) -> bool | None:
    """Whether `text` holds on that day; None if it reads more than the day (or calls anything)."""
    try:
        tree = parse(text)
    except ExprSyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            return None
        if (
            isinstance(node, ast.Name)
            and constant_name(node.id) is None
            and node.id not in _DAY_NAMES
        ):
            return None
    values: dict[str, Value] = {"day": day, "date": date.isoformat(), "days_left": days_left}
    return bool(compile_expr(text)(_Dawn(values, date)))


def _unconditional(transition: Transition) -> bool:
    return transition.unless is None and same_condition(transition.when, "true")


# --- the checks ---------------------------------------------------------------------------------


class _Linter(Pass):
    def __init__(self, scenario: Scenario, document: YamlDocument):
        super().__init__(scenario, document)
        self.effects = list(all_effects(scenario))
        # every declared name some effect changes (adds to, sets or sets by a condition)
        self.changed = {name for _, effects in self.effects for name in effects.changes()}
        # every declared name some expression reads, and the first expression that reads it
        self.first_read: dict[str, Path] = {}
        for path, text in all_expressions(scenario):
            for name in names_read(text):
                self.first_read.setdefault(name, path)
        self.unreachable: set[str] = set()

    def run(self) -> list[Diagnostic]:
        self.check_endings()
        self.check_stages_reachable()
        self.check_dead_end_stages()
        self.check_ping_pong()
        self.check_queued_loops()
        self.check_dated_conditions()
        self.check_stats()
        self.check_flags_set()
        self.check_costs()
        return self.found

    def check_endings(self) -> None:
        ended = {effects.end for _, effects in self.effects if effects.end}
        for eid, ending in self.s.endings.items():
            if ending.when is None and eid != self.s.default_ending and eid not in ended:
                self.report(
                    ("endings", eid),
                    f"ending '{eid}' can never be reached: it has no `when`, is not the default_ending, and no effect ends the game with it",
                    f"add `when:`, or `end: {eid}` to an effect",
                    key=True,
                )
        historical = [eid for eid, ending in self.s.endings.items() if ending.historical]
        for eid in historical[
            1:
        ]:  # the debrief sets the player's ending beside the one history had
            self.report(
                ("endings", eid, "historical"),
                f"ending '{eid}' is marked historical, and so is '{historical[0]}': history had one ending",
                "keep historical: true on one ending",
                severity="warning",
            )

    def _stage_successors(self) -> dict[str, set[str]]:
        """Where each stage can lead: its transitions and any goto in its own entry/exit effects."""
        nxt: dict[str, set[str]] = {
            sid: {t.to for t in stage.transitions} for sid, stage in self.s.stages.items()
        }
        for sid, stage in self.s.stages.items():
            for effects in (stage.on_enter, stage.on_exit):
                if effects.goto:
                    nxt[sid].add(effects.goto)
        return nxt

    def check_stages_reachable(self) -> None:
        # gotos outside the stages themselves (events, demands, actions, actors) can fire from anywhere
        roots = {self.s.initial_stage} | {
            e.goto for path, e in self.effects if e.goto and path[0] != "stages"
        }
        successors = self._stage_successors()
        reached: set[str] = set()
        todo = [r for r in roots if r in self.s.stages]
        while todo:
            sid = todo.pop()
            if sid in reached:
                continue
            reached.add(sid)
            todo.extend(n for n in successors.get(sid, ()) if n in self.s.stages)
        entered_from = {n for sid, nxt in successors.items() for n in nxt if n != sid}
        for sid in self.s.stages:
            if sid in reached:
                continue
            self.unreachable.add(sid)
            if sid in entered_from:
                message = f"stage '{sid}' can never be entered: only stages that are themselves unreachable lead to it"
            else:
                message = f"stage '{sid}' can never be entered: it is not the initial_stage, no transition leads to it, and no effect has `goto: {sid}`"
            self.report(
                ("stages", sid),
                message,
                "add a transition or a `goto` to it, or remove it",
                key=True,
            )

    def check_dead_end_stages(self) -> None:
        named_by_endings = set().union(*(stages_named(e.when) for e in self.s.endings.values()))
        for sid, stage in self.s.stages.items():
            if (
                stage.transitions
                or stage.on_enter.goto
                or stage.on_enter.end
                or sid in named_by_endings
                or sid in self.unreachable
            ):
                continue
            self.report(
                ("stages", sid),
                f"stage '{sid}' has no way out and no ending names it: the game would wait there until the calendar ends",
                f"add a transition, `end:` in on_enter, or an ending with `when: in_stage({sid})`",
                key=True,
                severity="warning",
            )

    def check_ping_pong(self) -> None:
        """Two stages with one transition each, to each other, that can flip every dusk: both
        transitions unconditional, one of them, or both on the same condition."""
        stages = self.s.stages
        for a, stage_a in stages.items():
            if len(stage_a.transitions) != 1:
                continue
            forward = stage_a.transitions[0]
            b = forward.to
            if b not in stages or b <= a or len(stages[b].transitions) != 1:
                continue
            back = stages[b].transitions[0]
            if back.to != a or a in self.unreachable:
                continue  # (an unreachable stage is reported already)
            path_a: Path = ("stages", a, "transitions", 0)
            path_b: Path = ("stages", b, "transitions", 0)
            free_a, free_b = _unconditional(forward), _unconditional(back)
            if free_a and free_b:
                where = path_a
                message = f"stages '{a}' and '{b}' lead only to each other, with no condition: the escalation flips between them every dusk"
                hint = "give the transitions conditions"
            elif free_a or free_b:
                where, free, other = (path_a, a, b) if free_a else (path_b, b, a)
                message = f"stages '{a}' and '{b}' lead only to each other, and '{free}' leads back with no condition: while the way from '{other}' holds the escalation flips between them every dusk"
                hint = f"give the transition from '{free}' a condition"
            elif same_condition(forward.when, back.when) and same_condition(
                forward.unless, back.unless
            ):
                where = (*path_a, "when")
                message = f"stages '{a}' and '{b}' lead only to each other on the same condition: while it holds the escalation flips between them every dusk"
                hint = "give one of the transitions a different condition"
            else:
                continue
            self.report(where, message, hint, severity="warning")

    def check_queued_loops(self) -> None:
        """Triggers and gotos that set each other off for ever (the engine stops a step after
        MAX_QUEUED_PER_STEP pieces of queued work: "The day's events stopped early")."""
        loops, floods = queued_loops(self.s)
        for cycle in loops:
            starts = [self.doc.span(path).line for _, path in cycle]
            first = starts.index(min(starts))
            cycle = cycle[first:] + cycle[:first]
            kinds = {node[0] for node, _ in cycle}
            names = [_loop_name(self.s, node, len(kinds) > 1) for node, _ in cycle]
            chain = " \u2192 ".join([*names, names[0]])
            if len(cycle) == 1 and kinds == {"fire"}:
                message = f"event '{cycle[0][0][1]}' triggers itself in a loop"
            elif kinds == {"fire"}:
                message = f"events trigger each other in a loop: {chain}"
            elif kinds == {"goto"}:
                message = f"stages go to each other on entering, in a loop: {chain}"
            else:
                message = f"stages and events set each other off in a loop: {chain}"
            self.report(
                cycle[0][1],
                message,
                f"the game would stop the day's events after {MAX_QUEUED_PER_STEP} steps; remove "
                "one `trigger` or `goto`",
            )
        for path in dict.fromkeys(floods):
            self.report(
                path,
                f"this sets off more than {MAX_QUEUED_PER_STEP} triggers, gotos, issues and ends "
                "at once",
                f"the game would stop the day's events after {MAX_QUEUED_PER_STEP} steps; trigger "
                "fewer events from each other",
            )

    def check_dated_conditions(self) -> None:
        """A dated item's `when` is tested on its date only: one that reads only the day and is
        false then means the item never comes."""
        cal = self.s.calendar
        items = [
            *(("events", i, e.date, e.when, "never fires") for i, e in self.s.events.items()),
            *(("intel", i, e.date, e.when, "never arrives") for i, e in self.s.intel.items()),
            *(
                ("demands", i, d.date, d.when, "is never presented")
                for i, d in self.s.demands.items()
            ),
        ]
        for section, ident, date, when, verb in items:
            if date is None or when is None or not cal.start <= date <= cal.end:
                continue
            day = (date - cal.start).days + 1
            if _holds_on(when, date, day, (cal.end - date).days) is False:
                what = {"events": "event", "intel": "report", "demands": "demand"}[section]
                self.report(
                    (section, ident, "when"),
                    f"{what} '{ident}' is dated {date} (day {day}), when `{when}` does not hold: "
                    f"it {verb}",
                    "with a `date`, `when` is tested on that day only",
                    severity="warning",
                )

    def check_stats(self) -> None:
        """A stat no effect changes is a constant. A hidden one that nothing reads or reveals
        decides nothing and is seen only in the debrief's "what was hidden" (a stat the player
        sees may be read by nothing: watching it is its use). That one is said alone: making it
        change would not make it matter."""
        revealed = {sid for _, effects in self.effects for sid in effects.reveal}
        for sid, stat in self.s.stats.items():
            # (a tally: the author says it is kept for the debrief, which is its use)
            if (
                stat.hidden
                and not stat.tally
                and sid not in self.first_read
                and sid not in revealed
            ):
                self.report(
                    ("stats", sid),
                    f"stat '{sid}' is hidden, and nothing reads or reveals it: nothing depends "
                    "on it, and the player sees it only in the debrief",
                    f"read it in a condition, reveal it with `reveal: {sid}`, or remove it;"
                    " or, if it is a count kept for the debrief, say so with `tally: true`",
                    key=True,
                    severity="warning",
                )
            elif sid not in self.changed:
                self.report(
                    ("stats", sid),
                    f"stat '{sid}' never changes: no effect adds to it or sets it",
                    "use a flag or a constant, or add effects that change it",
                    key=True,
                    severity="warning",
                )

    def check_flags_set(self) -> None:
        """A flag no effect sets keeps its start: read, and false, it is always false; never read
        either, it does nothing (a flag set and never read is fine: the debrief tells what came
        true, in the flag's words)."""
        first_read = self.first_read
        for fid, flag in self.s.flags.items():
            if fid not in first_read and fid not in self.changed:
                self.report(
                    ("flags", fid),
                    f"flag '{fid}' is never set or read",
                    "remove it, or use it",
                    key=True,
                    severity="warning",
                )
            elif fid in first_read and fid not in self.changed and not flag.start:
                where = self.doc.span(first_read[fid])
                self.report(
                    ("flags", fid),
                    f"flag '{fid}' is read (line {where.line}) but no effect ever sets it, and it starts false: it is always false",
                    f"set it in an effect (`{fid}: true`), or give it `start: true`",
                    key=True,
                    severity="warning",
                )

    def check_costs(self) -> None:
        budget = self.s.calendar.actions_per_day
        for aid, action in self.s.actions.items():
            if action.cost > budget:
                self.report(
                    ("actions", aid, "cost"),
                    f"action '{aid}' costs {action.cost} but the player has only {budget} action point(s) a day: it can never be taken",
                    "lower the cost or raise calendar.actions_per_day",
                )
        for did, demand in self.s.demands.items():
            for rid, response in demand.responses.items():
                if response.cost > budget:
                    self.report(
                        ("demands", did, "responses", rid, "cost"),
                        f"response '{rid}' costs {response.cost} but the player has only {budget} action point(s) a day: it can never be given",
                        "lower the cost or raise calendar.actions_per_day",
                    )
