"""Dialogs over the crisis screen: a demand (answers as buttons), what just happened, the day's summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.analysis.describe import StatChange
from game.engine.actions import Respond
from game.engine.state import GameEvent, GameState
from game.engine.words import counted, reliability_note
from game.ui.scene import ENTER_KEYS, Act, ArmedNumber, Pop, Push, Reset, Scene, SceneResult, digit
from game.ui.scenes.common import (
    dialog_rect,
    hint_band,
    key_hint,
    layout_buttons,
    margin,
    with_council_clock,
)
from game.ui.text import BODY, BOLD, SMALL, Ink, Style
from game.ui.view import DemandView, day_summary, demand_view, inbox_item, reflow
from game.ui.widgets import MORE, Button, ListWidget, TextPane, frame, selection_mark

if TYPE_CHECKING:
    from game.scenario.model import Scenario
    from game.ui.app import App

SOFT = Style("serif", "small", "ink_soft")
TYPE = Style("typewriter", "body")
BANNER = Style("typewriter_bold", "heading", "paper")
ELLIPSIS = "\u2026"
HIDDEN_CONSEQUENCES = "\u2192\u00a0\u2026"  # an answer's consequences, shown when it is chosen


class Dialog(Scene):
    modal = True
    banner = ""
    urgent = False
    hint = ""  # the keys of this dialog, in the band at the bottom (the screen below has its own)

    def frame_layout(
        self,
        app: App,
        rect: pygame.Rect,
        buttons: list[Button],
        width: float = 0.7,
        height: float = 0.8,
    ) -> pygame.Rect:
        self.box = dialog_rect(app, rect, width, height)
        pad = margin(app)
        self.banner_rect = pygame.Rect(
            self.box.x, self.box.y, self.box.width, app.ink.height(BANNER) + 12
        )
        inner = pygame.Rect(
            self.box.x + pad,
            self.banner_rect.bottom + pad // 2,
            self.box.width - 2 * pad,
            self.box.bottom - self.banner_rect.bottom - pad,
        )
        return layout_buttons(app, buttons, inner)

    def frame_draw(self, app: App, surface: pygame.Surface) -> None:
        theme = app.theme
        frame(surface, app.ink, self.box, fill="slip")
        pygame.draw.rect(
            surface, theme.c("urgent" if self.urgent else "ink_soft"), self.banner_rect
        )
        if self.urgent:
            pygame.draw.rect(surface, theme.c("urgent"), self.box, 4)
        inner = self.banner_rect.inflate(-16, -6)
        app.ink.line(surface, self.banner, (inner.x, inner.y + 2), inner, BANNER)
        if self.hint:
            _, band = hint_band(app, surface.get_rect())
            key_hint(app, surface, band, with_council_clock(app, self.hint))


# Stacked, when the answers leave the demand's words too little room: the words keep this share
# of the dialog (the answers' list scrolls) rather than be squeezed to a line or two (QA at 145%:
# one line of an ultimatum shown, at 1920x1080, so that its five answers fitted under it).
TEXT_SHARE = 0.4
# The demand's words go beside the answers (the words left, the answers right) when a column is
# wide enough for lines of this many characters and that shows more of the words or the answers.
COLUMN_CHARS = 40


@dataclass(frozen=True)
class Plan:
    """One way to lay out a demand: where its words and its answers go, how short the answers
    not opened are cut (see `DemandDialog.answer_lines`), and how well it shows them."""

    columns: bool
    compact: int  # how much the answers are cut, in all (the sum of `cuts`)
    cuts: tuple[int, ...]  # each answer's cut: 0 whole, 1 to its first line, 2 to its words
    text: pygame.Rect  # the words' pane and, when they do not all fit, the line under it
    answers: pygame.Rect
    whole: bool  # every answer shows whole, at once
    fitting: int  # how many answers show whole from the first
    # the share (per thousand) of the demand's words below the pane, read by scrolling: a share,
    # since the words make more lines in a narrow column than across the dialog
    hidden: int

    def score(self) -> tuple[bool, int, int, int, bool]:
        """Lower is better: every answer at once; then as many of the words as can be; then as
        many answers; then answers cut least; then one above the other (the usual reading)."""
        return (not self.whole, self.hidden, -self.fitting, self.compact, self.columns)

    def arrangement(self) -> tuple[bool, bool, int, int]:
        """Lower is better, between the best plan side by side and the best one above the other
        (each as the words are read, no answer opened): every answer at once; then every word.
        Of two that show every word, the one that cuts the answers least (then one above the
        other); of two that do not, side by side: the words keep the whole height, also when
        an answer is opened (one above the other, they give room to it)."""
        if self.hidden:
            return (not self.whole, True, not self.columns, self.hidden)
        return (not self.whole, False, self.compact, self.columns)


class DemandDialog(Dialog):
    """A demand: its text, its deadline, and each answer as a button with its known consequences."""

    name = "demand"
    # Focus starts on the demand's text, where Enter does nothing (an Enter meant for the screen
    # before must not answer an ultimatum): the hint says how to reach the answers.
    hint = "1\u20139 choose (again: answer) \u00b7 \u2191\u2193 PgUp PgDn scroll \u00b7 Tab to the answers, then \u2191\u2193 choose, Enter give \u00b7 Esc decide later"

    def __init__(self, demand_id: str) -> None:
        super().__init__()
        self.demand_id = demand_id
        self.view: DemandView | None = None  # None once the demand is no longer pending
        self.number = ArmedNumber()  # an answer's number pressed once: the same again gives it

    def enter(self, app: App) -> None:
        self.number.disarm(app)  # back on top after help or the codex: begun afresh
        session = app.session
        if (
            session is None
            or self.demand_id not in session.state.demands
            or session.state.demands[self.demand_id].status != "pending"
        ):
            self.view = None
            return
        self.view = demand_view(session.scenario, session.state, self.demand_id)
        self.urgent = self.view.ultimatum
        self.banner = (
            "ULTIMATUM \u2014 " if self.view.ultimatum else "DEMAND \u2014 "
        ) + self.view.title
        self.text = TextPane(self.paragraphs)
        self.answers = ListWidget(
            count=lambda: len(self.demand.responses),
            row_height=lambda i, w: self.answer_height(app, i, w),
            draw_row=lambda s, r, i, sel, foc: self.draw_answer(app, s, r, i, sel, foc),
            activate=lambda i: self.answer(app, i),
        )
        # No answer reads as a default: the list starts without its highlight (as the council
        # does on an action), and the first arrow or Enter shows it; the next Enter gives it.
        self.answers.disarm()
        self.later = Button("Decide later (Esc)", lambda: Pop())
        # set by the layout: answers are cut short (1) or to their words (2), each as far as it
        # must be (`cuts`), but the one opened (the chosen answer, while the focus is on the
        # answers) shows all it says
        self.compact = 0
        self.cuts: tuple[int, ...] = ()
        self.opened: int | None = None
        self.text_more: pygame.Rect | None = None
        self.divider: tuple[tuple[int, int], tuple[int, int]] | None = None
        self._layout_key: tuple[object, ...] = ()
        # The focus starts on the demand's text, not on the first answer: an Enter meant for
        # the slip before (a dialog that opens by itself at dawn) must not answer an ultimatum.
        # The answers are the next Tab away; a number chooses one, and the same number again gives it.
        focus = self.focus if self.widgets else 0
        self.widgets = [self.text, self.answers, self.later]
        self.focus = focus

    @property
    def demand(self) -> DemandView:
        """The demand asked: what draws or answers it runs only while there is one (`view`)."""
        assert self.view is not None
        return self.view

    def paragraphs(self) -> list[tuple[Style, str]]:
        view = self.demand
        deadline_style = Style("serif_bold", "body", "urgent" if view.ultimatum else "ink")
        out = [
            (SOFT, f"Presented by {view.issuer}"),
            (deadline_style, f"Deadline: {view.deadline}"),
            (BODY, ""),
        ]
        out += [(TYPE, p) for p in reflow(view.text)]
        return out

    def answer_lines(
        self, app: App, index: int, width: int, cut: int | None = None
    ) -> list[tuple[Style, str]]:
        ink = app.ink
        row = self.demand.responses[index]
        inner = max(40, width - 20)
        colour = "ink" if row.available else "disabled"
        # (no-break spaces: "· 0" ended one line and "AP" began the next; play-test at 145%)
        head = f"{index + 1}. {row.label}  \u00b7\u00a0{row.cost}\u00a0AP"
        if cut is None:
            cut = self.cuts[index] if index < len(self.cuts) and index != self.opened else 0
        if cut == 2 and row.consequences:
            # cut to its words, it says that it leads somewhere, when chosen: beside answers
            # showing theirs, it read as if it had none (play-test at 145%)
            head += f"  {HIDDEN_CONSEQUENCES}"
        lines = [
            (Style("serif_bold", "body", colour), line) for line in ink.wrap(head, inner, BOLD)
        ]
        # when not every answer would show, the answers keep their first line of consequences,
        # so each answer's words are on screen at once (QA: one answer at 800x600), or, if even
        # that is too much, none; the answer opened (chosen, with the focus on the answers)
        # shows them all
        if row.consequences and cut < 2:
            more = ink.wrap("\u2192 " + row.consequences, inner, SMALL)
            if cut and len(more) > 1:
                # the first line's words, with room for the ellipsis (added to a full line, it
                # was cut again when drawn)
                more = [ink.elide_words("\u2192 " + row.consequences, inner, SMALL)]
            lines += [
                (Style("serif", "small", "neutral" if row.available else "disabled"), line)
                for line in more
            ]
        if not row.available:
            reason = ink.wrap(row.reason, inner, SMALL)
            lines += [
                (Style("serif", "small", "urgent"), line) for line in reason[: 1 if cut else None]
            ]
        return lines

    def answer_height(self, app: App, index: int, width: int, cut: int | None = None) -> int:
        lines = self.answer_lines(app, index, width, cut)
        return sum(app.ink.height(s) for s, _ in lines) + 14

    def draw_answer(
        self,
        app: App,
        surface: pygame.Surface,
        rect: pygame.Rect,
        index: int,
        selected: bool,
        focused: bool = True,
    ) -> None:
        theme = app.theme
        box = rect.inflate(-2, -6)
        pygame.draw.rect(surface, theme.c("select" if selected else "paper"), box, border_radius=3)
        pygame.draw.rect(surface, theme.c("border"), box, 1, border_radius=3)
        if selected:
            selection_mark(surface, app.ink, box, focused, radius=3)
        inner = box.inflate(-14, -4)
        y = inner.y
        for style, text in self.answer_lines(app, index, rect.width):
            app.ink.line(surface, text, (inner.x, y), inner, style)
            y += app.ink.height(style)

    def answer(self, app: App, index: int) -> SceneResult:
        row = self.demand.responses[index]
        if not row.available:
            app.toast(row.reason)
            return True
        return Act(Respond(demand=self.demand_id, response=row.id))

    def interrupted(self, app: App) -> None:
        self.number.disarm(app)

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        number = digit(event)
        if number is not None and self.view is not None:
            if number > len(self.view.responses):
                app.toast(f"There is no answer {number}.")
                return True
            # A number chooses the answer and opens what it leads to; the same number again
            # gives it (play-test: an Enter too many opened the ultimatum, and the digit meant
            # for an action answered it at once; with large text, answers were given unread).
            if self.number.holds(number):
                self.number.disarm(app)
                return self.answer(app, number - 1)
            self.focus = self.widgets.index(self.answers)
            self.answers.select(number - 1)
            row = self.demand.responses[number - 1]
            if row.available:
                note = (
                    f"{number}. {row.label}: press {number} again (or Enter) to give this answer."
                )
                self.number.arm(app, number, note)
            else:  # why not, at once, as the council says of an action (code review)
                self.number.arm(app, number, "")
                app.toast(row.reason)
            return True
        if event.key == pygame.K_ESCAPE:
            return Pop()
        return None

    def layout(self, app: App, rect: pygame.Rect) -> None:
        if self.view is None:
            return
        # Laid out again only when something it depends on changed: the window calls this every
        # frame, and a layout measures the answers a dozen ways.
        choosing = self.focused() is self.answers and self.answers.armed
        key = (
            tuple(rect),
            app.size,
            app.settings.text_size,
            app.ink,
            self.view,
            self.answers.selected,  # the answer opened, while the focus is on the answers
            choosing,
        )
        if key == self._layout_key:
            return
        self._layout_key = key
        body = self.frame_layout(app, rect, [self.later], 0.8, 0.88)
        ink = app.ink
        arrangements = [False]
        if ink.width("n" * COLUMN_CHARS, TYPE) + 14 <= self._text_column(app, body).width:
            arrangements.append(True)
        # Words and answers side by side, or one above the other, as the words are read (no
        # answer opened), so that moving to the answers does not move the words about.
        columns = min(arrangements, key=lambda c: self._best(app, body, c, None).arrangement())
        self.opened = self.answers.selected if choosing else None
        plan = self._best(app, body, columns, self.opened)
        self.compact, self.cuts = plan.compact, plan.cuts
        self.text.rect = pygame.Rect(plan.text)
        self.text_more = None
        if plan.text.height < self.text.height_needed(ink):
            # the words do not all fit: they scroll, and a line under them says how many follow
            self.text.rect.height = plan.text.height - ink.height(MORE) - 4
            self.text_more = pygame.Rect(
                plan.text.x, self.text.rect.bottom + 2, plan.text.width, ink.height(MORE) + 2
            )
        self.answers.rect = plan.answers
        self.answers.more_room = ink.height(MORE) + 4
        if plan.whole:
            self.answers.top = 0
        else:
            self.answers._scroll_into_view()  # the answer chosen stays in sight
        self.divider = None
        if columns:
            x = (plan.text.right + plan.answers.x) // 2
            self.divider = ((x, body.y), (x, body.bottom))

    def _text_column(self, app: App, body: pygame.Rect) -> pygame.Rect:
        """The demand's words, when the answers go beside them: the left half."""
        return pygame.Rect(body.x, body.y, (body.width - margin(app)) // 2, body.height)

    def _best(self, app: App, body: pygame.Rect, columns: bool, opened: int | None) -> Plan:
        """The best plan of this arrangement, with this answer (if any) opened."""
        # each level of cutting: as far as the answers need to fit under the least of the
        # words, or under all of them (one above the other), or for every answer (which gives
        # the words the most room where they do not all show)
        return min(
            (
                self._plan(app, body, columns, level, opened, cut_for)
                for level in (0, 1, 2)
                for cut_for in _cut_for(level, columns)
            ),
            key=Plan.score,
        )

    def _plan(
        self,
        app: App,
        body: pygame.Rect,
        columns: bool,
        level: int,
        opened: int | None,
        cut_for: str = "least",
    ) -> Plan:
        ink = app.ink
        gap = 6
        if columns:
            text = self._text_column(app, body)
            answers = pygame.Rect(
                text.right + margin(app), body.y, body.right - text.right - margin(app), body.height
            )
        else:
            text = pygame.Rect(body)
            answers = pygame.Rect(body)
        self.text.rect = pygame.Rect(text)  # the words wrap at its width
        full = self.text.height_needed(ink)
        self.opened = opened
        least = min(full, int(body.height * TEXT_SHARE))
        words = full if cut_for == "words" else least
        room = answers.height if columns else body.height - gap - words
        self.cuts = self._cuts(app, level, answers.width - 10, -1 if cut_for == "every" else room)
        self.compact = sum(self.cuts)
        count = len(self.demand.responses)
        heights = [self.answer_height(app, i, answers.width - 10) for i in range(count)]
        need = sum(heights)
        if columns:
            text.height = min(full, body.height)
        else:
            text.height = max(least, min(full, body.height - gap - need))
            answers = pygame.Rect(
                body.x, text.bottom + gap, body.width, body.height - text.height - gap
            )
        whole = need <= answers.height
        room = answers.height if whole else answers.height - ink.height(MORE) - 4
        return Plan(
            columns,
            self.compact,
            self.cuts,
            text,
            answers,
            whole,
            _fitting(heights, room),
            self._hidden_words(ink, text.height, full),
        )

    def _cuts(self, app: App, level: int, width: int, room: int) -> tuple[int, ...]:
        """How far each answer is cut, at most to `level` (0 whole, 1 its first line of
        consequences, 2 its words): one answer and one step at a time, and only while they do
        not fit in `room` (-1: every answer to `level`) (teacher's play-test: all five answers of the ultimatum were cut, with
        room to spare; review: with large print all five went to their words). Each time, the
        answer whose next cut alone makes them fit and saves least, else the one saving most;
        so what shows is as much as can, and the answer opened is never cut."""
        count = len(self.demand.responses)
        cuts = [0] * count
        height = [self.answer_height(app, i, width, 0) for i in range(count)]
        excess = sum(height) - room
        for depth in range(1, level + 1):
            saving = {}
            for i in range(count):
                if i != self.opened and cuts[i] < depth:  # one line of consequences: 0 to 2
                    saving[i] = height[i] - self.answer_height(app, i, width, depth)
            saving = {i: saved for i, saved in saving.items() if saved > 0}
            while excess > 0 and saving:
                enough = [i for i, saved in saving.items() if saved >= excess]
                pick = saving.__getitem__
                chosen = min(enough, key=pick) if enough else max(saving, key=pick)
                cuts[chosen] = depth
                height[chosen] -= saving[chosen]
                excess -= saving.pop(chosen)
        return tuple(cuts)

    def _hidden_words(self, ink: Ink, height: int, full: int) -> int:
        """The share (per thousand) of the lines of words below a pane of this height (less
        the line that says they are there)."""
        if full <= height:
            return 0
        room = height - ink.height(MORE) - 4 - 4
        lines = self.text.lines(ink)
        total = sum(1 for _, words in lines if words)
        for index, (style, text) in enumerate(lines):
            room -= self.text._line_height(ink, style, text)
            if room < 0:
                return 1000 * sum(1 for _, words in lines[index:] if words) // max(1, total)
        return 0

    def draw(self, app: App, surface: pygame.Surface) -> None:
        if self.view is None:
            return
        self.frame_draw(app, surface)
        if self.divider is not None:
            pygame.draw.line(surface, app.theme.c("border"), *self.divider)
        self.draw_widgets(app, surface)
        hidden = self.text.hidden_below
        if self.text_more is not None and hidden:
            more = f"\u2193 {counted(hidden, 'more line')} below"
            app.ink.line(surface, more, self.text_more.topleft, self.text_more, MORE)

    def handle(self, app: App, event: pygame.event.Event) -> SceneResult:
        if self.view is None:  # answered or expired meanwhile: nothing to ask
            return Pop()
        self.number.watch(app, event)  # any input but a number key disarms one pressed once
        return super().handle(app, event)


def _cut_for(level: int, columns: bool) -> tuple[str, ...]:
    """What the answers are cut to fit under (`DemandDialog._plan`): side by side, the answers'
    room is their column's whatever the words need, so "words" would repeat "least"."""
    if not level:
        return ("least",)
    return ("least", "every") if columns else ("least", "words", "every")


def _fitting(heights: list[int], room: int) -> int:
    """How many rows of these heights fit one under another in `room`."""
    total = 0
    for count, height in enumerate(heights):
        total += height
        if total > room:
            return count
    return len(heights)


class EventDialog(Dialog):
    """What just happened: the events of the last step, each a telegram slip."""

    name = "event"
    hint = "Enter, Space or Esc continue \u00b7 \u2191\u2193 PgUp PgDn scroll"

    def __init__(
        self,
        events: list[GameEvent],
        *,
        title: str = "What followed",
        followups: list[Scene] | None = None,
        changes: Sequence[StatChange] = (),
    ) -> None:
        super().__init__()
        self.events = events
        self.banner = title
        self.followups = followups or []
        # what the choice changed, as the night's summary says it (the text version says it
        # after every choice; the slip had the news alone, play-tests)
        self.changes = tuple(changes)

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        session = app.session
        self.items = (
            [inbox_item(session.scenario, session.state, 0, e) for e in self.events]
            if session
            else []
        )
        self.urgent = any(item.urgent for item in self.items)
        self.pane = TextPane(self.paragraphs)
        self.ok = Button("Continue (Enter)", lambda: self.close())
        self.widgets = [self.ok, self.pane]

    def paragraphs(self) -> list[tuple[Style, str]]:
        out: list[tuple[Style, str]] = []
        for item in self.items:
            if out:
                out.append((BODY, ""))
            kind_style = Style("typewriter_bold", "small", "urgent" if item.urgent else "ink_soft")
            out.append(
                (
                    kind_style,
                    item.kind_label.upper()
                    + (f" \u2014 {item.correspondent}" if item.correspondent else ""),
                )
            )
            out.append((BOLD, item.title))
            if item.text:
                face = TYPE if item.kind in ("telegram", "demand", "ultimatum") else BODY
                out += [(face, p) for p in reflow(item.text)]
            if item.reliability is not None:
                note = reliability_note(item.reliability)
                said = f"{item.reliability}%" + (f" ({note})" if note else "")
                out.append((SOFT, f"Reliability of this report: {said}"))
            if item.provenance:
                out.append((SOFT, item.provenance))
        if self.changes:
            out += [(BODY, ""), (Style("typewriter_bold", "body"), "WHAT CHANGED")]
            out += [change_line(change) for change in self.changes]
        return out or [(BODY, "Nothing came of it.")]

    def close(self) -> SceneResult:
        return [Pop(), *[Push(s) for s in reversed(self.followups)]]

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key in (*ENTER_KEYS, pygame.K_ESCAPE, pygame.K_SPACE):
            return self.close()
        return self.pane.key(event)

    def layout(self, app: App, rect: pygame.Rect) -> None:
        body = self.frame_layout(app, rect, [self.ok], 0.6, 0.7)
        self.pane.rect = body

    def draw(self, app: App, surface: pygame.Surface) -> None:
        self.frame_draw(app, surface)
        self.draw_widgets(app, surface)


def change_line(change: StatChange) -> tuple[Style, str]:
    """A stat's change overnight, in words (`StatChange.words`) and in colour."""
    colour = {"better": "good", "worse": "bad"}.get(change.verdict, "ink")
    return (Style("serif", "body", colour), change.words)


FINAL_HINT = "Enter, Space or Esc see how it ended \u00b7 \u2191\u2193 PgUp PgDn scroll"


class DaySummaryScene(Dialog):
    """End of the day: what changed (stats, stage) and what arrived overnight and at dawn."""

    name = "day_summary"
    hint = "Enter, Space or Esc begin the new day \u00b7 \u2191\u2193 PgUp PgDn scroll"

    def __init__(
        self,
        before: GameState,
        after: GameState,
        events: list[GameEvent],
        final: bool = False,
        passed: Sequence[dt.date] = (),
    ) -> None:
        super().__init__()
        self.before = before
        self.after = after
        self.events = events
        self.final = final  # the night that ended the game: closing it shows the ending
        self.passed = tuple(passed)  # days lesson mode passed without a council since `before`
        if final:
            self.hint = FINAL_HINT

    @staticmethod
    def tells(
        scenario: Scenario, before: GameState, after: GameState, events: list[GameEvent]
    ) -> bool:
        """Whether a night's summary has anything to show: a visible change, or news."""
        view = day_summary(scenario, before, after, events)
        return bool(view.changes or view.stage_change or view.news)

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        session = app.game
        self.view = day_summary(session.scenario, self.before, self.after, self.events, self.passed)
        self.banner = self.view.title
        self.urgent = any(item.urgent for item in self.view.news)
        self.pane = TextPane(self.paragraphs)
        label = "See how it ended (Enter)" if self.final else "Begin the new day (Enter)"
        self.ok = Button(label, lambda: self.close(app))
        self.widgets = [self.ok, self.pane]

    def paragraphs(self) -> list[tuple[Style, str]]:
        view = self.view
        head = Style("typewriter_bold", "body")
        out: list[tuple[Style, str]] = []
        if view.passed:
            out += [(Style("serif_bold", "body"), view.passed), (BODY, "")]
        out.append((head, "WHAT CHANGED"))
        if view.stage_change:
            out.append(
                (Style("serif_bold", "body", "urgent"), f"The crisis moved: {view.stage_change}")
            )
        for change in view.changes:
            out.append(change_line(change))
        if not view.changes and not view.stage_change:
            out.append((BODY, "Nothing you can see has changed."))
        out += [(BODY, ""), (head, "NEW IN THE INBOX")]
        for item in view.news:
            line = f"{item.kind_label}: {item.title}"
            out.append(
                (
                    Style(
                        "serif_bold" if item.urgent else "serif",
                        "body",
                        "urgent" if item.urgent else "ink",
                    ),
                    line,
                )
            )
        if not view.news:
            out.append((BODY, "Nothing new."))
        return out

    def close(self, app: App) -> SceneResult:
        if self.final:
            from game.ui.scenes.ending import EndingScene

            return Reset(EndingScene())
        dialogs = app.dawn_dialogs(self.events)
        return [Pop(), *[Push(d) for d in reversed(dialogs)]]

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key in (*ENTER_KEYS, pygame.K_ESCAPE, pygame.K_SPACE):
            return self.close(app)
        return self.pane.key(event)

    def layout(self, app: App, rect: pygame.Rect) -> None:
        body = self.frame_layout(app, rect, [self.ok], 0.6, 0.75)
        self.pane.rect = body

    def draw(self, app: App, surface: pygame.Surface) -> None:
        self.frame_draw(app, surface)
        self.draw_widgets(app, surface)
