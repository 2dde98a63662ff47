"""The crisis screen: date, stage and countdown; the map; the inbox and reader; stats and attitudes; actions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

import pygame

from game.analysis.describe import higher_is_note, signed, uses_note
from game.analysis.end_day import night_warning
from game.engine.actions import EndDay, TakeAction
from game.engine.words import reliability_words
from game.ui.map.markers import SIDE_SHAPES, draw_side_mark
from game.ui.map.painter import MapPainter
from game.ui.scene import Act, ArmedNumber, Push, Scene, SceneResult, digit
from game.ui.scenes.common import (
    CLOCK_WARNING_S,
    hint_band,
    key_hint,
    margin,
    with_council_clock,
)
from game.ui.scenes.injects import InjectScene
from game.ui.scenes.menu import PauseScene
from game.ui.text import BODY, BOLD, SMALL, Ink, Style, is_cjk
from game.ui.view import (
    CrisisView,
    Header,
    InboxItem,
    MapUnit,
    crisis_view,
    reflow,
    unit_words,
    unlocked_codex,
)
from game.ui.widgets import (
    CONFIRM_KEYS,
    NEW,
    NEW_TAG,
    Button,
    ListWidget,
    TextPane,
    frame,
    no_map,
    selection_mark,
)

if TYPE_CHECKING:
    from game.engine.state import GameState
    from game.ui.app import App

SOFT = Style("serif", "small", "ink_soft")
KIND = Style("typewriter_bold", "small", "ink_soft")
DATE = Style("typewriter_bold", "heading")
COUNT = Style("serif_bold", "body", "urgent")
DATE_SMALL = Style("typewriter", "small", "ink_soft")  # an inbox row's date
AWAITING = " \u2014 awaiting your answer"  # an inbox row's tag, of a demand still to answer
ANSWER_DUE = " \u2014 answer due"  # the same, when the row is narrow
DIRECTION = Style("serif", "small", "ink_soft")  # beside a bar: "higher is worse"
SHORT_NOTES = {"higher is better": "high: good", "higher is worse": "high: bad"}
MIN_BAR = 40  # the least a stat's bar is drawn, where its words take room beside it
NO_COUNCIL = "Nothing can be done or answered today: end the day (E)."
# the player's own doings, which F leaves out of the inbox
OWN_KINDS = frozenset({"action", "outcome", "demand_answered"})
HINT = "1\u20139 choose action (again: take it) \u00b7 E end day \u00b7 I inbox \u00b7 F news only \u00b7 A actions \u00b7 Tab move \u00b7 Enter open \u00b7 C codex \u00b7 B briefing \u00b7 F1 help \u00b7 Esc menu"


class StatColumns(NamedTuple):
    """Where a stat's name, bar, words and value go in the situation's rows (`stat_columns`)."""

    label_w: int
    value_w: int
    notes: dict[str, str]  # by `higher_is`: "higher is worse", or shorter
    note_w: int
    two_lines: bool  # the bar and the words under the name and the value


class CrisisScene(Scene):
    name = "crisis"
    follows_pointer = True  # a map unit under the pointer is named beside it
    # the unit the pointer is over (play-test: nothing told the markers apart, though the
    # decisions are about named units: the 51st Army, the Central divisions)
    hover_unit: MapUnit | None = None
    pointer: tuple[int, int] = (-1, -1)  # where the pointer last moved to, over this screen

    def __init__(self) -> None:
        super().__init__()
        self.painter = MapPainter()
        self._state: GameState | None = None
        self.number = ArmedNumber()  # a number pressed once: the same again takes its action
        self.view: CrisisView | None = None
        self.unlocked: list[str] = []
        self._countdown: dict[tuple[Ink, Header, int, Style], list[str]] = {}
        # What the reading pane shows: the message chosen in the inbox, or the row chosen in
        # today's council (in full: a long action's consequences did not fit its row in a small
        # window with large print, play-test). Whichever the player chose last.
        self.reading = "inbox"

    # --- the view ------------------------------------------------------------------------------------
    def refresh(self, app: App) -> None:
        session = app.session
        if session is None or session.state is self._state:
            return
        from game.ui.app import map_data

        before = self._state
        chosen = self.row_key(self.action_list.selected)
        self._state = session.state
        self.view = crisis_view(
            session.scenario,
            session.state,
            map_data(session.loaded),
            session.new_count,
            session.action_numbers(),
        )
        self.unlocked = unlocked_codex(session.scenario, session.state)
        # the newest message is selected after every change, so what just arrived is what is shown
        self.inbox.selected = 0
        self.inbox.top = 0
        self.read("inbox")
        self.follow_council(chosen, before is None or before.day != session.state.day)
        # the rows may have moved (a new demand on top): a click must not act on a row it chose
        # before the change
        self.inbox.forget_click()
        self.action_list.forget_click()

    def enter(self, app: App) -> None:
        # back on top (a dialog or the menu closed): the pointer moved unseen meanwhile, and a
        # number pressed before is forgotten (play-test: 1, C, Esc, 1 took action 1)
        self.hover_unit = None
        self.number.disarm(app)
        self.forget_enter_note(app)
        if not self.widgets:
            self.inbox = ListWidget(
                count=lambda: len(self.inbox_items()),
                row_height=lambda i, w: app.ink.height(KIND) + app.ink.height(BODY) + 8,
                draw_row=lambda s, r, i, sel, foc: self.draw_inbox_row(app, s, r, i, sel, foc),
                activate=lambda i: self.open_item(app, i),
                on_select=lambda i: self.read("inbox"),
            )
            self.reader = TextPane(self.reader_paragraphs)
            self.action_list = ListWidget(
                count=lambda: len(self.rows()),
                row_height=lambda i, w: self.row_height(app, i, w),
                draw_row=lambda s, r, i, sel, foc: self.draw_action_row(app, s, r, i, sel, foc),
                activate=lambda i: self.activate_row(app, i),
                on_select=lambda i: self.read("council"),
                confirm=lambda i: self.confirm_row(app, i),
            )
            self.end_day = Button(
                "End the day (E)", lambda: self.end_day_key(app, button=True), single=True
            )
            self.menu = Button("Menu (Esc)", lambda: Push(PauseScene()))
            self.stats = ListWidget(
                count=lambda: len(self.stat_rows()),
                row_height=lambda i, w: self.stat_row_height(app, i, w),
                draw_row=lambda s, r, i, sel, foc: self.draw_stat_row(app, s, r, i, sel and foc),
            )
            # Tab follows the screen, left to right and top to bottom: the situation (under the
            # map), the inbox and the reading pane, then the council and its buttons (it went
            # right, middle, left, right); the focus starts on the council all the same
            self.widgets = [
                self.stats,
                self.inbox,
                self.reader,
                self.action_list,
                self.end_day,
                self.menu,
            ]
            self.focus = self.widgets.index(self.action_list)
        self.refresh(app)

    def read(self, source: str) -> None:
        """Show the inbox's message or the council's row in the reading pane, from its top."""
        self.reading = source
        self.reader.offset = 0

    def row_key(self, index: int) -> tuple[str, str] | None:
        """What the council's row `index` is (a demand or an action, by id), None if no row."""
        rows = self.rows()
        if not 0 <= index < len(rows):
            return None
        kind, row = rows[index]
        return kind, row.id

    def follow_council(self, chosen: tuple[str, str] | None, new_day: bool) -> None:
        """After a change, the council's highlight stays on the row it was on if that is still
        listed (not on its place in the list, which may now hold another row: play-test, an extra
        Enter took 'Brief the Western consuls'). An action keeps its place all day, even used up
        (`view.action_rows`), so an Enter again on it only says why not. A new day, or a row
        gone, starts the list at its top, where pending demands are listed first. A demand at
        the top is highlighted (Enter opens it, and its dialog answers nothing until told), an
        action is not: the first arrow or Enter shows the highlight, the next Enter takes it."""
        widget = self.action_list
        rows = self.rows()
        keys = [self.row_key(i) for i in range(len(rows))]
        if not new_day and chosen is not None and chosen in keys:
            widget.selected = keys.index(chosen)
            widget._scroll_into_view()  # rows may have come above it (a new demand)
            return
        widget.selected = widget.top = 0
        if keys and keys[0] is not None and keys[0][0] == "demand":
            widget.armed = True
        else:
            widget.disarm()

    def rows(self) -> list[tuple[str, Any]]:
        if self.view is None:
            return []
        return [("demand", d) for d in self.view.demands] + [
            ("action", a) for a in self.view.actions
        ]

    def stat_rows(self) -> list[tuple[str, Any]]:
        if self.view is None:
            return []
        rows: list[tuple[str, Any]] = [("stat", s) for s in self.view.stats]
        if self.view.attitudes:
            rows.append(("heading", "Attitudes towards you"))
            rows += [("actor", a) for a in self.view.attitudes]
        if self.view.facts:
            rows.append(("heading", "Done and decided in this game"))
            rows += [("fact", fact) for fact in self.view.facts]
        return rows

    # --- input -----------------------------------------------------------------------------------
    def unit_at(self, pos: tuple[int, int]) -> MapUnit | None:
        """The map unit whose marker is at `pos` (a few pixels around it count), or None."""
        for unit, marker in self.painter.unit_marks:
            if marker.inflate(6, 6).collidepoint(pos):
                return unit
        return None

    def unit_line(self, app: App, unit: MapUnit) -> str:
        places = {p.id: p.name for p in self.view.places} if self.view else {}
        side = getattr(app.game.scenario.side_names, unit.side, unit.side)
        return unit_words(unit, places.get(unit.place, unit.place), side)

    def handle(self, app: App, event: pygame.event.Event) -> SceneResult:
        self.number.watch(app, event)  # any input but a number key disarms one pressed once
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN) and self.enter_note:
            # the Enter that `confirm_row` asked for takes the action; anything else forgets it
            confirming = event.type == pygame.KEYDOWN and event.key in CONFIRM_KEYS
            self.forget_enter_note(app, again=not confirming)
        if event.type == pygame.MOUSEMOTION:
            self.pointer = event.pos
            unit = self.unit_at(event.pos)
            if unit == self.hover_unit:
                return None
            self.hover_unit = unit
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            unit = self.unit_at(event.pos)
            if unit is not None:  # a click names it too, for a touch screen or a slow reader
                app.toast(self.unit_line(app, unit))
                return True
        return super().handle(app, event)

    # F: the inbox lists the world's news only, without the player's own actions, their
    # outcomes and answers (play-test: 122 items by 13 June, most of them the player's own)
    news_only = False

    def inbox_items(self) -> list[InboxItem]:
        if self.view is None:
            return []
        if not self.news_only:
            return self.view.inbox
        return [item for item in self.view.inbox if item.kind not in OWN_KINDS]

    def toggle_news_only(self, app: App) -> SceneResult:
        self.news_only = not self.news_only
        self.inbox.selected = self.inbox.top = 0
        self.read("inbox")
        app.toast(
            "The inbox shows the news only, without your own actions and answers (F: all)."
            if self.news_only
            else "The inbox shows everything again, your own actions and answers too."
        )
        return True

    def open_item(self, app: App, index: int) -> SceneResult:
        item = self.inbox_items()[index]
        if item.demand:
            from game.ui.scenes.dialogs import DemandDialog

            return Push(DemandDialog(item.demand))
        self.read("inbox")
        self.focus = self.widgets.index(self.reader)
        return True

    enter_note = ""  # the notice `confirm_row` gave, cleared by the next key or click

    def forget_enter_note(self, app: App, *, again: bool = True) -> None:
        """The notice `confirm_row` gave no longer tells the truth (another key, a click, a
        global key, a dialog or the menu between): it goes, and unless `again` is False (the
        Enter it asked for) the next Enter on the same row names it again (code review: Enter,
        Enter, Esc, Esc, Enter took the action with no notice)."""
        if not self.enter_note:
            return
        app.withdraw_toast(self.enter_note)
        self.enter_note = ""
        if again and self.widgets:
            self.action_list.shown_only = True

    def confirm_row(self, app: App, index: int) -> SceneResult:
        """An Enter on an action the player never chose (the highlight was only shown, at the
        top of a new day's list): it names the action and waits for Enter again (play-test:
        Enters pressed through the night's dialogs took the council's top action). A demand
        opens at once: opening it spends nothing."""
        kind, row = self.rows()[index]
        if kind == "demand" or not row.available:
            return self.activate_row(app, index)
        self.enter_note = f"{row.label} ({row.cost} AP): press Enter again to take it."
        app.toast(self.enter_note)
        return True

    def activate_row(self, app: App, index: int) -> SceneResult:
        kind, row = self.rows()[index]
        if kind == "demand":
            from game.ui.scenes.dialogs import DemandDialog

            return Push(DemandDialog(row.id))
        if not row.available:
            app.toast(row.reason)
            return True
        return Act(TakeAction(action=row.id))

    # the state in which E was pressed once on a night that asks again (`night_warning`)
    end_armed: GameState | None = None

    def end_day_key(self, app: App, *, button: bool = False) -> SceneResult:
        """E ends the day, but asks for a second E when the night deserves a second thought
        (`night_warning`): the last day (the game ends), a deadline that runs out tonight
        unanswered, or none of the day's action points spent (play-tests: one stray E ended the game, let
        the ultimatum lapse, or threw a council away). The "End the day" button asks the same
        (docs audit: a click ended the game at once)."""
        session = app.session
        if session is None:
            return Act(EndDay())
        state = session.state
        warning = night_warning(session.scenario, state)
        if not warning or self.end_armed is state:
            self.end_armed = None
            return Act(EndDay())
        self.end_armed = state
        again = "Choose \u201cEnd the day\u201d again" if button else "Press E again"
        app.toast(f"{warning} {again} to end the day.")
        return True

    @staticmethod
    def no_action(app: App, number: int) -> str:
        """Why a number key takes nothing: the action it had today is gone, or it had none."""
        session = app.session
        if session is None:
            return f"There is no action {number} today."
        gone = next((aid for aid, n in session.action_numbers().items() if n == number), None)
        if gone is None or gone not in session.scenario.actions:
            return f"There is no action {number} today."
        label = session.scenario.actions[gone].label
        return f"Action {number} today was \u201c{label}\u201d: it cannot be taken any more today."

    def interrupted(self, app: App) -> None:
        self.number.disarm(app)
        self.forget_enter_note(app)

    def number_key(self, app: App, number: int) -> SceneResult:
        """A number chooses the action that has it today and shows it; the same number again
        takes it (play-test: numbers are given afresh each day, and a 9 pressed from
        yesterday's memory moved the provincial seat at once)."""
        assert self.view is not None and app.session is not None
        # the number the row keeps all day, not its place (a row gone leaves a gap)
        row = next((r for r in self.view.actions if r.number == number), None)
        if row is None:
            app.toast(self.no_action(app, number))
            return True
        state = app.session.state
        if self.number.holds(number, state):  # the same number again, nothing done between
            self.number.disarm(app)
            return self.activate_row(app, len(self.view.demands) + self.view.actions.index(row))
        self.focus = self.widgets.index(self.action_list)
        self.action_list.select(len(self.view.demands) + self.view.actions.index(row))
        self.end_armed = None  # E, a number, E: the second E asks again (code review)
        if row.available:
            note = f"{number}. {row.label}: press {number} again (or Enter) to take it."
            self.number.arm(app, number, note, state)
        else:
            self.number.arm(app, number, "", state)
            app.toast(row.reason)
        return True

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        number = digit(event)
        if number is not None and self.view is not None and app.session is not None:
            return self.number_key(app, number)
        if event.key == pygame.K_e:
            return self.end_day_key(app)
        self.end_armed = None
        if event.key == pygame.K_u and app.session is not None:
            # Practice games: U takes back one step, Shift+U goes back to the dawn.
            # a day taken back to is played again, even one lesson mode had passed (Session.take_back)
            app.toast(app.session.take_back(day=bool(event.mod & pygame.KMOD_SHIFT)))
            self.refresh(app)
            app.dirty = True
            return True
        if event.key == pygame.K_f:
            return self.toggle_news_only(app)
        if event.key == pygame.K_i:
            self.focus = self.widgets.index(self.inbox)
            self.read("inbox")
            return True
        if event.key == pygame.K_a:
            self.focus = self.widgets.index(self.action_list)
            if self.action_list.armed and self.rows():  # its highlight shows: so does the row
                self.read("council")
            return True
        if event.key == pygame.K_c:
            from game.ui.scenes.codex import CodexScene

            return Push(CodexScene())
        if event.key == pygame.K_b:
            from game.ui.scenes.briefing import BriefingScene

            return Push(BriefingScene())
        if event.key == pygame.K_ESCAPE:
            return Push(PauseScene())
        if event.key == pygame.K_F9:
            if app.session is None or not app.session.scenario.injects:
                app.toast("This scenario has no teacher's injects.")
                return True
            return Push(InjectScene())
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.cycle(1 if event.key == pygame.K_RIGHT else -1)
            return True
        return None

    # --- layout --------------------------------------------------------------------------------------
    def layout(self, app: App, rect: pygame.Rect) -> None:
        self.refresh(app)
        ink = app.ink
        content, self.band = hint_band(app, rect)
        pad = margin(app) // 2 + 2
        header_height = ink.height(DATE) + ink.height(BODY) + 2 * pad
        self.header = pygame.Rect(
            content.x + pad, content.y + pad, content.width - 2 * pad, header_height
        )
        body = pygame.Rect(
            self.header.x,
            self.header.bottom + pad,
            self.header.width,
            content.bottom - self.header.bottom - 2 * pad,
        )
        left_w = int(body.width * 0.37)
        mid_w = int(body.width * 0.31)
        right_w = body.width - left_w - mid_w - 2 * pad
        title_h = ink.height(Style("typewriter_bold", "small")) + 6
        inner_pad = max(6, ink.height(SMALL) // 3)
        map_h = self.map_height(
            app, body.height, left_w - 2 * inner_pad, title_h + 4 + inner_pad * 2 + pad
        )
        self.map_panel = pygame.Rect(body.x, body.y, left_w, map_h)
        self.stats_panel = pygame.Rect(
            body.x, body.y + map_h + pad, left_w, body.height - map_h - pad
        )
        mid_x = body.x + left_w + pad
        inbox_h = int(body.height * 0.42)
        self.inbox_panel = pygame.Rect(mid_x, body.y, mid_w, inbox_h)
        self.reader_panel = pygame.Rect(
            mid_x, body.y + inbox_h + pad, mid_w, body.height - inbox_h - pad
        )
        self.actions_panel = pygame.Rect(mid_x + mid_w + pad, body.y, right_w, body.height)
        # inner areas (frames draw titles; widgets go below them)

        def inner(panel: pygame.Rect, titled: bool = True) -> pygame.Rect:
            r = panel.inflate(-2 * inner_pad, -2 * inner_pad)
            if titled:
                r = pygame.Rect(r.x, r.y + title_h + 4, r.width, max(0, r.height - title_h - 4))
            return r

        self.inbox.rect = inner(self.inbox_panel)
        self.reader.rect = inner(self.reader_panel)
        self.stats.rect = inner(self.stats_panel)
        actions_inner = inner(self.actions_panel)
        button_h = self.end_day.preferred_height(ink)
        budget_h = ink.height(BOLD) + 6
        self.budget_rect = pygame.Rect(
            actions_inner.x,
            actions_inner.bottom - 2 * button_h - budget_h - 10,
            actions_inner.width,
            budget_h,
        )
        self.end_day.rect = pygame.Rect(
            actions_inner.x, actions_inner.bottom - 2 * button_h - 6, actions_inner.width, button_h
        )
        self.menu.rect = pygame.Rect(
            actions_inner.x, actions_inner.bottom - button_h, actions_inner.width, button_h
        )
        self.action_list.rect = pygame.Rect(
            actions_inner.x,
            actions_inner.y,
            actions_inner.width,
            max(0, self.budget_rect.y - actions_inner.y - 4),
        )
        self.map_inner = inner(self.map_panel)

    def animating(self, app: App) -> bool:
        # the last-day blink (a council clock is redrawn by the app as its seconds change)
        return self.view is not None and self.view.header.last_day

    def animated_area(self, app: App) -> pygame.Rect | None:
        # the header, as last laid out: the countdown blinks in it, and its frame is red
        return getattr(self, "header", None) if self.view is not None else None

    def draw_animated(self, app: App, surface: pygame.Surface) -> bool:
        if self.view is None or getattr(self, "header", None) is None:
            return False
        self.draw_header(app, surface)  # it fills its own frame: nothing else lies under it
        return True

    # --- drawing -----------------------------------------------------------------------------------
    def draw_unit_note(self, app: App, surface: pygame.Surface) -> None:
        """The name of the unit under the pointer, on a slip beside its marker, inside the map."""
        marker = next((m for u, m in self.painter.unit_marks if u == self.hover_unit), None)
        # only while the pointer is on it: the window may have been resized under a still
        # pointer, moving the marker away (code review)
        if self.hover_unit is None or marker is None:
            return
        if not marker.inflate(6, 6).collidepoint(self.pointer):
            self.hover_unit = None
            return
        ink, area = app.ink, self.map_inner
        lines = ink.wrap(self.unit_line(app, self.hover_unit), max(80, area.width - 16), SMALL)
        height = sum(ink.height(SMALL) for _ in lines)
        width = max(ink.width(line, SMALL) for line in lines)
        box = pygame.Rect(0, 0, width + 10, height + 6)
        box.midbottom = (marker.centerx, marker.top - 4)
        if box.top < area.top:
            box.midtop = (marker.centerx, marker.bottom + 4)
        box.clamp_ip(area)
        pygame.draw.rect(surface, app.theme.c("paper"), box)
        pygame.draw.rect(surface, app.theme.c("ink"), box, 1)
        y = box.y + 3
        for line in lines:
            ink.line(surface, line, (box.x + 5, y), box, SMALL)
            y += ink.height(SMALL)

    def draw(self, app: App, surface: pygame.Surface) -> None:
        from game.ui.app import map_data, shows_map

        ink = app.ink
        view = self.view
        if view is None:
            return
        self.draw_header(app, surface)
        loaded = app.game.loaded
        if shows_map(loaded):
            geometry = map_data(loaded)
            caption = geometry.get("caption")
            frame(surface, ink, self.map_panel, f"Map \u2014 {caption}" if caption else "Map")
            sides = app.game.scenario.side_names.model_dump()
            self.painter.draw(
                surface, ink, self.map_inner, geometry, view.places, view.units, sides
            )
            self.draw_unit_note(app, surface)
        else:
            no_map(surface, ink, self.map_panel)
        frame(surface, ink, self.stats_panel, "The situation")
        shown = self.inbox_items()
        caption = (
            f"Inbox ({len(shown)} of {len(view.inbox)}: news only)"
            if self.news_only
            else f"Inbox ({len(view.inbox)})"
        )
        frame(surface, ink, self.inbox_panel, caption)
        frame(surface, ink, self.reader_panel, self.reader_title())
        frame(surface, ink, self.actions_panel, "Today's council")
        budget = f"Action points left: {view.header.budget} of {view.header.budget_max}"
        ink.line(
            surface, budget, (self.budget_rect.x, self.budget_rect.y + 3), self.budget_rect, BOLD
        )
        self.draw_council_time(app, surface, ink.width(budget, BOLD))
        if not shown:
            ink.line(
                surface, "Nothing has arrived yet.", self.inbox.rect.topleft, self.inbox.rect, SOFT
            )
        if not self.rows():
            area = self.action_list.rect
            lines = ink.wrap(NO_COUNCIL, max(0, area.width - 8), SOFT)
            ink.block(surface, lines, (area.x + 4, area.y + 4), area, SOFT)
        self.draw_widgets(app, surface)
        fresh = len(set(self.unlocked) - app.session.codex_seen) if app.session else 0
        hint = HINT.replace("C codex", f"C codex ({fresh} new)") if fresh else HINT
        if app.session is not None and app.session.practice:  # the keys only F1 had named
            hint = hint.replace("E end day", "E end day \u00b7 U take back (Shift+U: to dawn)")
        if app.top is self:  # under a dialog or the menu, the band tells that screen's keys
            key_hint(app, surface, self.band, with_council_clock(app, hint))

    def draw_council_time(self, app: App, surface: pygame.Surface, used: int) -> None:
        """Under --time-limit, the council's time left beside the action points, in bold body
        type (teacher's play-test: in the small grey line of key hints the back row could not
        read it), in the urgent colour in its last seconds; left out where it does not fit."""
        left = app.council_seconds_left()
        if left is None:
            return
        style = BOLD if left > CLOCK_WARNING_S else Style("serif_bold", "body", "urgent")
        text = f"Council time: {left // 60}:{left % 60:02d} left"
        width = app.ink.width(text, style)
        area = self.budget_rect
        if used + 24 + width <= area.width:
            app.ink.line(surface, text, (area.right - width, area.y + 3), area, style)

    def draw_header(self, app: App, surface: pygame.Surface) -> None:
        ink = app.ink
        assert self.view is not None  # drawn only once there is a view
        header = self.view.header
        inner = frame(surface, ink, self.header, fill="paper_dark")
        practice = " \u00b7 Practice game" if app.session and app.session.practice else ""
        # the date side takes what it needs; the countdown gets the rest (it is the longer line)
        half = min(
            inner.width // 2,
            max(
                ink.width(header.date, DATE),
                ink.width(f"{header.day}{practice} \u00b7 Stage: {header.stage}", BOLD),
            )
            + 16,
        )
        left = pygame.Rect(inner.x, inner.y, half - 8, inner.height)
        right = pygame.Rect(inner.x + half, inner.y, inner.width - half, inner.height)
        ink.line(surface, header.date, left.topleft, left, DATE)
        ink.line(
            surface,
            f"{header.day}{practice} \u00b7 Stage: {header.stage}",
            (left.x, left.y + ink.height(DATE)),
            left,
            BOLD,
        )
        count_style = COUNT if header.urgent else Style("serif_bold", "body", "ink")
        lines = self.countdown_lines(ink, header, right.width - 8, count_style)
        self.countdown_rect = None
        if header.last_day and app.blink_on:
            # the last day of an ultimatum: the countdown in reverse (paper on red); it blinks unless motion is reduced
            count_style = Style("serif_bold", "body", "paper")
            widest = max((ink.width(line, count_style) for line in lines), default=0)
            self.countdown_rect = pygame.Rect(
                right.right - widest - 8,
                right.y,
                widest + 8,
                len(lines) * ink.height(count_style) + 4,
            ).clip(right)
            pygame.draw.rect(surface, app.theme.c("urgent"), self.countdown_rect)
        y = right.y + 2
        for line in (
            lines
        ):  # the countdown may take both lines; the points are also shown under the actions
            ink.line(surface, line, (right.right - 4, y), right, count_style, align="right")
            y += ink.height(count_style)
        if len(lines) == 1:
            points = f"Action points: {header.budget} of {header.budget_max}"
            ink.line(
                surface,
                points,
                (right.right, right.y + ink.height(DATE)),
                right,
                Style("serif", "body", "ink_soft"),
                align="right",
            )
        if header.urgent:
            pygame.draw.rect(surface, app.theme.c("urgent"), self.header, 3)

    def countdown_lines(self, ink: Ink, header: Header, width: int, style: Style) -> list[str]:
        """The countdown in one line, or two: what is due, then when. When even that is too wide
        (large print in a small window), the words of when give way, never the days left:
        "none stated, but expected bef\u2026 (5 days left)" (play-test at 800x600: "(5\u2026")."""
        key = (ink, header, width, style)
        known = self._countdown.get(key)
        if known is not None:
            return known
        if not header.due or ink.width(header.countdown, style) <= width:
            lines = [header.countdown]
        else:
            left = f"({header.due_left})"
            when = f"{header.due_when} {left}"
            if ink.width(when, style) > width:
                # cut between words, not in one ("officers ca\u2026")
                room = width - ink.width(" " + left, style)
                words = ink.elide_words(header.due_when, room, style)
                when = f"{words} {left}" if words else header.due_left.capitalize()
            lines = [header.due, when]
        if len(self._countdown) > 16:
            self._countdown.clear()
        self._countdown[key] = lines
        return lines

    def draw_inbox_row(
        self,
        app: App,
        surface: pygame.Surface,
        rect: pygame.Rect,
        index: int,
        selected: bool,
        focused: bool = True,
    ) -> None:
        ink = app.ink
        theme = app.theme
        item = self.inbox_items()[index]
        box = rect.inflate(-2, -4)
        fill = (
            "select"
            if selected
            else (
                "slip"
                if item.kind in ("telegram", "demand", "ultimatum", "intelligence")
                else "paper"
            )
        )
        pygame.draw.rect(surface, theme.c(fill), box)
        if item.urgent or item.demand:
            pygame.draw.rect(surface, theme.c("urgent"), box, 2)
        elif item.kind in ("telegram", "intelligence"):
            pygame.draw.rect(surface, theme.c("border"), box, 1)
        if selected:
            selection_mark(surface, ink, box, focused)
        inner = box.inflate(-8, -2)
        kind_style = Style(
            "typewriter_bold", "small", "urgent" if item.urgent or item.demand else "ink_soft"
        )
        # just arrived: said in words before its kind, as the codex says it, not by bold alone
        tag = ink.width(NEW_TAG + " ", NEW) if item.new else 0
        kind, date = self.inbox_tag(ink, item, inner.width - tag, kind_style)
        if date:
            ink.line(surface, date, (inner.right, inner.y), inner, DATE_SMALL, align="right")
        if item.new:
            ink.line(surface, NEW_TAG, (inner.x, inner.y), inner, NEW)
        kind_area = pygame.Rect(inner.x + tag, inner.y, inner.width - tag, inner.height)
        ink.line(surface, kind, kind_area.topleft, kind_area, kind_style)
        title_style = BOLD if item.new else BODY
        ink.line(surface, item.title, (inner.x, inner.y + ink.height(KIND)), inner, title_style)

    def inbox_tag(self, ink: Ink, item: InboxItem, width: int, style: Style) -> tuple[str, str]:
        """An inbox row's kind and date, as they fit side by side in `width`: the kind's words
        stay whole, the date gives way first (its year, then all of it, as the reader shows
        it), then a demand's "awaiting your answer" is said shorter (play-test at 800x600 and
        large print: "DEMAND \u2014 awai\u2026")."""
        label = item.kind_label.upper()
        kinds = [label + AWAITING, label + ANSWER_DUE] if item.demand else [label]
        year = item.date.rsplit(" ", 1)
        dates = [item.date, year[0] if len(year) == 2 and year[1].isdigit() else item.date]
        for kind in kinds:
            for date in dates:
                if ink.width(kind, style) + 8 + ink.width(date, DATE_SMALL) <= width:
                    return kind, date
        for kind in kinds:
            if ink.width(kind, style) <= width:
                return kind, ""
        return kinds[-1], ""  # elided as it is drawn

    def reading_row(self) -> tuple[str, Any] | None:
        """The council's row the reading pane shows, if it shows one."""
        rows = self.rows()
        if self.reading != "council" or not rows:
            return None
        return rows[min(self.action_list.selected, len(rows) - 1)]

    def reader_title(self) -> str:
        row = self.reading_row()
        return "Reading" if row is None else "Reading \u2014 today's council"

    def reader_paragraphs(self) -> list[tuple[Style, str]]:
        row = self.reading_row()
        if row is not None:
            return self.row_paragraphs(*row)
        items = self.inbox_items()
        if not items:
            return [(SOFT, "Select a message in the inbox to read it here.")]
        item = items[min(self.inbox.selected, len(items) - 1)]
        return self.item_paragraphs(item)

    def row_paragraphs(self, kind: str, row: Any) -> list[tuple[Style, str]]:
        """A council's row in full, as the reading pane shows it: a demand's message, or an
        action with all it says (its row in the list can be cut by the list's edge)."""
        if kind == "demand":
            assert self.view is not None  # the council has rows only once there is a view
            item = next((i for i in self.view.inbox if i.demand == row.id), None)
            if item is not None:
                return self.item_paragraphs(item)
            head = ("ULTIMATUM: " if row.ultimatum else "Answer: ") + row.title
            return [(BOLD, head), (SOFT, f"Deadline {row.deadline}")]
        number = row.number
        meta = [f"{row.cost} AP"]
        uses = uses_note(
            row.uses_left, row.taken, row.per_day
        )  # also when not possible today (review)
        if uses:
            meta.append(uses)
        out: list[tuple[Style, str]] = [
            (BOLD, f"{number}. {row.label}" if number <= 9 else row.label),
            (SOFT, " \u00b7 ".join(meta)),
        ]
        if not row.available and row.reason:
            out += [(Style("serif", "small", "urgent"), row.reason)]
        # what it does first: it is what the row in the list could not show to its end
        if row.consequences:
            colour = "neutral" if row.available else "disabled"
            out += [(BODY, ""), (Style("serif", "small", colour), "\u2192 " + row.consequences)]
        if row.hint:
            out += [(BODY, ""), (SMALL, row.hint)]
        if row.available:
            keys = f"Press {number} twice (or Enter in the list)" if number <= 9 else "Press Enter"
            out += [(BODY, ""), (SOFT, f"{keys} to take it.")]
        return out

    def item_paragraphs(self, item: InboxItem) -> list[tuple[Style, str]]:
        meta = [item.kind_label, item.date]
        if item.correspondent:
            meta.append(item.correspondent)
        if item.reliability is not None:
            meta.append(reliability_words(item.reliability))
        out: list[tuple[Style, str]] = [
            (BOLD, item.title),
            (SOFT, " \u00b7 ".join(meta)),
            (BODY, ""),
        ]
        face = (
            Style("typewriter", "body")
            if item.kind in ("telegram", "demand", "ultimatum")
            else BODY
        )
        for paragraph in reflow(item.text or "(no further text)"):
            out.append((face, paragraph))
        if item.provenance:
            out += [(BODY, ""), (SOFT, item.provenance)]
        if item.demand:
            out += [
                (BODY, ""),
                (
                    Style("serif_bold", "body", "urgent"),
                    "Press Enter on this message (or choose it under Today's council) to answer.",
                ),
            ]
        return out

    def row_lines(self, app: App, index: int, width: int) -> list[tuple[Style, str]]:
        ink = app.ink
        kind, row = self.rows()[index]
        inner = max(40, width - 16)
        if kind == "demand":
            head = ("ULTIMATUM: " if row.ultimatum else "Answer: ") + row.title
            lines = [
                (Style("serif_bold", "body", "urgent"), line)
                for line in ink.wrap(head, inner, BOLD)
            ]
            lines += [(SOFT, line) for line in ink.wrap(f"Deadline {row.deadline}", inner, SOFT)]
            return lines
        number = row.number
        colour = "ink" if row.available else "disabled"
        label = f"{number}. {row.label}" if number <= 9 else row.label
        cost = f"{row.cost} AP"
        label_lines = ink.wrap(
            label, inner - ink.width(cost, BODY) - 10, Style("serif_bold", "body", colour)
        )
        lines = [(Style("serif_bold", "body", colour), line) for line in label_lines]
        small_colour = "ink_soft" if row.available else "disabled"
        uses = uses_note(row.uses_left, row.taken, row.per_day)
        if uses:  # the game limits it: say so before it is gone (as the text version does)
            style = Style("serif", "small", "ink_soft")
            lines += [(style, line) for line in ink.wrap(uses.capitalize() + ".", inner, style)]
        if row.hint:
            lines += [
                (Style("serif", "small", small_colour), line)
                for line in ink.wrap(row.hint, inner, SMALL)
            ]
        if row.consequences:
            lines += [
                (Style("serif", "small", "neutral" if row.available else "disabled"), line)
                for line in ink.wrap("\u2192 " + row.consequences, inner, SMALL)
            ]
        if not row.available and row.reason:
            lines += [
                (Style("serif", "small", "urgent"), line)
                for line in ink.wrap(row.reason, inner, SMALL)
            ]
        return lines

    def row_height(self, app: App, index: int, width: int) -> int:
        return sum(app.ink.height(style) for style, _ in self.row_lines(app, index, width)) + 12

    def draw_action_row(
        self,
        app: App,
        surface: pygame.Surface,
        rect: pygame.Rect,
        index: int,
        selected: bool,
        focused: bool = True,
    ) -> None:
        ink = app.ink
        theme = app.theme
        kind, row = self.rows()[index]
        box = rect.inflate(-2, -4)
        fill = "select" if selected else ("slip" if kind == "demand" else "paper")
        pygame.draw.rect(surface, theme.c(fill), box)
        pygame.draw.rect(
            surface,
            theme.c("urgent" if kind == "demand" else "border"),
            box,
            2 if kind == "demand" else 1,
        )
        if selected:
            selection_mark(surface, ink, box, focused)
        inner = box.inflate(-12, -4)
        y = inner.y
        if kind == "action":
            ink.line(
                surface,
                f"{row.cost} AP",
                (inner.right, y),
                inner,
                Style("typewriter_bold", "body", "ink" if row.available else "disabled"),
                align="right",
            )
        for style, text in self.row_lines(app, index, rect.width):
            ink.line(surface, text, (inner.x, y), inner, style)
            y += ink.height(style)

    def map_height(self, app: App, height: int, stats_width: int, frame_h: int) -> int:
        """The map's share of the left column's `height`: 60%, less what the situation under it
        needs to show its first three stats and the line saying more are below (play-test: with
        large print it showed one stat of 33), down to 40%. `frame_h`: the situation panel's
        title and padding."""
        share = int(height * 0.60)
        stats = self.view.stats if self.view else []
        if not stats:
            return share
        rows = range(min(3, len(stats)))
        width = stats_width - 10  # as the list gives its rows: room for the scroll marker
        need = frame_h + sum(self.stat_row_height(app, i, width) for i in rows)
        need += app.ink.height(SMALL) + 4  # "↓ N more below"
        return max(int(height * 0.40), min(share, height - need))

    def stat_row_height(self, app: App, index: int, width: int) -> int:
        kind, row = self.stat_rows()[index]
        if kind == "stat":
            lines = 2 if self.stat_columns(app.ink, width - 4).two_lines else 1
            return lines * app.ink.height(SMALL) + 12
        if kind == "fact":  # a fact is a sentence: it wraps rather than being cut
            return len(app.ink.wrap("\u2713 " + row, width - 4, SMALL)) * app.ink.height(SMALL) + 4
        return app.ink.height(SMALL) + 4

    def stat_columns(self, ink: Ink, width: int) -> StatColumns:
        """How the stats' rows are laid out in `width`: each name, its bar, the words saying which
        way is good ("higher is worse") and the value, the same for every row so the bars line up.
        The names take 42% of the row, or what the longest needs if the bars can give it up; the
        words are said shorter ("high: bad") rather than cut a name (large print in a small
        window: "Japanese pre\u2026"), and where even that does not fit, the bar and the words
        go on a line of their own under the name and the value."""
        value_w = ink.width("100", Style("serif_bold", "small")) + 4
        stats = self.view.stats if self.view else []
        longest = max((ink.width(s.label, SMALL) for s in stats), default=0)
        directions = {s.higher_is for s in stats}
        full = {d: higher_is_note(d) for d in directions if higher_is_note(d)}
        short = {d: SHORT_NOTES[note] for d, note in full.items()}
        for notes in (full, short):
            note_w = max((ink.width(n, DIRECTION) + 8 for n in notes.values()), default=0)
            room = width - value_w - 8 - note_w
            if longest + 8 + MIN_BAR <= room:
                label_w = max(min(int(width * 0.42), room - MIN_BAR), longest + 8)
                return StatColumns(label_w, value_w, notes, note_w, False)
        note_w = max((ink.width(n, DIRECTION) + 8 for n in full.values()), default=0)
        return StatColumns(width - value_w, value_w, full, note_w, True)

    def draw_stat_row(
        self, app: App, surface: pygame.Surface, rect: pygame.Rect, index: int, selected: bool
    ) -> None:
        ink = app.ink
        theme = app.theme
        kind, row = self.stat_rows()[index]
        inner = rect.inflate(-4, 0)
        if selected:
            pygame.draw.rect(surface, theme.c("select"), rect)
            selection_mark(surface, ink, rect.inflate(-2, -2), True)
        if kind == "heading":
            ink.line(surface, row.upper(), (inner.x, inner.y + 2), inner, KIND)
            return
        if kind == "fact":
            lines = ink.wrap("\u2713 " + row, inner.width, SMALL)
            ink.block(surface, lines, (inner.x, inner.y), inner, SMALL)
            return
        if kind == "actor":
            value = f"{row.word} ({signed(row.value)})"
            width = ink.width(value, SMALL)
            ink.line(
                surface,
                value,
                (inner.right, inner.y),
                inner,
                Style(
                    "serif",
                    "small",
                    "good" if row.value >= 20 else "bad" if row.value < -20 else "ink",
                ),
                align="right",
            )
            name_area = pygame.Rect(
                inner.x + 15, inner.y, max(0, inner.width - width - 23), inner.height
            )
            # the side by its shape as on the map (a square, a diamond), not by colour alone
            colour = row.side if row.side in SIDE_SHAPES else "third"
            cy = inner.y + ink.height(SMALL) // 2
            draw_side_mark(surface, theme.c(colour), row.side, (inner.x + 5, cy), 5)
            name = row.name
            if ink.width(name, SMALL) > name_area.width:
                # too long: the name in Chinese characters gives way before the name is cut
                # (the codex has both); "Doihara Kenji", not "Doihara Kenji 土肥…"
                name = "".join(c for c in name if not is_cjk(c)).strip()
            ink.line(surface, name, name_area.topleft, name_area, SMALL)
            return
        columns = self.stat_columns(ink, inner.width)
        line = ink.height(SMALL)
        label_area = pygame.Rect(inner.x, inner.y, columns.label_w - 6, line)
        ink.line(surface, row.label, label_area.topleft, label_area, SMALL)
        value_area = pygame.Rect(inner.right - columns.value_w, inner.y, columns.value_w, line)
        ink.line(
            surface,
            row.text,
            (value_area.right, inner.y),
            value_area,
            Style("serif_bold", "small"),
            align="right",
        )
        # on a line of its own (two_lines), the bar starts under the name; else beside it
        top = inner.y + line if columns.two_lines else inner.y
        left = inner.x if columns.two_lines else inner.x + columns.label_w
        right = inner.right if columns.two_lines else value_area.x - 4
        # which way is good, in words: the bar's colour says it too, but not to everyone
        note = columns.notes.get(row.higher_is, "") if row.value is not None else ""
        if note:
            area = pygame.Rect(right - columns.note_w, top, columns.note_w, line)
            ink.line(surface, note, (right, top), area, DIRECTION, align="right")
        bar = pygame.Rect(
            left,
            top + 3,
            max(10, right - columns.note_w - left - 4),
            max(6, line - 8),
        )
        pygame.draw.rect(surface, theme.c("paper_dark"), bar)
        if row.value is None:
            for x in range(bar.x, bar.right, 6):  # hatched: unknown, not zero
                pygame.draw.line(
                    surface,
                    theme.c("disabled"),
                    (x, bar.bottom - 1),
                    (min(bar.right - 1, x + 4), bar.y),
                )
        else:
            colour = {"better": "good", "worse": "bad"}.get(row.higher_is, "neutral")
            pygame.draw.rect(
                surface, theme.c(colour), (bar.x, bar.y, int(bar.width * row.fraction), bar.height)
            )
        pygame.draw.rect(surface, theme.c("border"), bar, 1)
