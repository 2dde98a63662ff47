"""The ending (title, epilogue, scores) and the debrief (decisions beside history, with sources; saveable)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.debrief.model import (
    Debrief,
    DisputeView,
    HiddenValue,
    HistoryEntry,
    SourceRef,
    Vote,
    divergence_kind,
    divergence_when,
    refs,
)
from game.debrief.sections import (
    Banner,
    DayItem,
    DivergenceItem,
    EndingItem,
    Fact,
    Item,
    Line,
    NoteItem,
    Section,
    report_sections,
    vote_summary,
)
from game.engine.dates import long_date
from game.engine.words import ENDING_RATES, HISTORIANS
from game.save_paths import report_folder, report_stem
from game.ui.scene import ENTER_KEYS, Pop, Push, Reset, Scene, SceneResult
from game.ui.scenes import goto
from game.ui.scenes.common import BoxedMenu, PageScene
from game.ui.text import BODY, BOLD, SMALL, Style
from game.ui.view import ending_screen, reflow
from game.ui.widgets import Button, TextPane

if TYPE_CHECKING:
    from game.ui.app import App

HEAD = Style("typewriter_bold", "body")
SOFT = Style("serif", "small", "ink_soft")
WARN = Style("serif_bold", "body", "bad")
HISTORY = Style("serif", "body", "neutral")
PRACTICE = "Practice game: this debrief is from a practice game, not an assessed one."


class EndingScene(Scene, PageScene):
    name = "ending"

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        self.view = ending_screen(app.game.scenario, app.game.state)
        self.pane = TextPane(self.paragraphs)
        self.debrief = Button("Debrief (Enter)", lambda: Push(DebriefScene()))
        self.title_button = Button("Title screen (Esc)", lambda: Push(LeaveReportScene(None)))
        self.widgets = [self.debrief, self.pane, self.title_button]

    def paragraphs(self) -> list[tuple[Style, str]]:
        view = self.view
        out: list[tuple[Style, str]] = []
        if view.historical:
            out.append((Style("serif_bold", "body", "neutral"), "This is how it ended in history."))
            out.append((BODY, ""))
        out += [(BODY, p) for p in reflow(view.epilogue)]
        out += [(BODY, ""), (HEAD, ENDING_RATES.upper())]
        for label, value in view.scores:
            out.append((BODY, f"{label}: {value} / 10"))
        if view.verdicts:
            out += [(BODY, ""), (HEAD, HISTORIANS.upper())]
            out += [(BODY, f"\u2022 {v}") for v in view.verdicts]
        return out

    def scrolled(self) -> TextPane:
        return self.pane  # ↑↓ scroll, as the hint says, also with the focus on a button

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key in ENTER_KEYS and self.focused() is not self.title_button:
            return Push(DebriefScene())
        if event.key == pygame.K_ESCAPE:  # as on the debrief: the hint says so (and it asks)
            return Push(LeaveReportScene(None))
        return None

    def layout(self, app: App, rect: pygame.Rect) -> None:
        self.page_layout(app, rect, self.pane, [self.title_button, self.debrief], 1000)

    def draw(self, app: App, surface: pygame.Surface) -> None:
        self.page_draw(
            app,
            surface,
            f"The end: {self.view.title}",
            f"{app.game.scenario.title} \u00b7 seed {app.game.seed}",
            self.pane,
            "Enter debrief \u00b7 Tab move \u00b7 \u2191\u2193 scroll \u00b7 Esc title screen",
        )
        self.draw_widgets(app, surface)


class DebriefScene(Scene, PageScene):
    """The debrief from game.debrief, laid out as pages of text; S saves the report as Markdown and HTML.

    Its sections are the reports' (`game.debrief.sections`), in their order. Should the debrief
    fail to build, the screen still shows the ending, says that the report could not be made and
    where the details were written (a crash log), instead of leaving for the crash screen."""

    name = "debrief"
    debrief: Debrief | None = None
    failure = ""  # why there is no debrief, when it could not be built
    saved = ""

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        from game.debrief import build_debrief

        session = app.game
        self.ending = ending_screen(session.scenario, session.state)
        try:
            self.debrief = build_debrief(
                session.scenario,
                session.state,
                seed=session.seed,
                player_name=app.player_name,
                played_on=dt.date.today().isoformat(),
                practice=session.practice,
                made_by="playing in the window",
                passed_days=session.lesson.passed,
                timed_out_days=session.lesson.timed_out,
            )
            self.sections()  # laid out now: a fault there is a debrief not built, too
        except Exception as exc:  # noqa: BLE001 - a debrief bug must not cost the player the ending
            from game.crash import describe, strict

            if strict():  # as in the tests: the bug fails them
                raise

            path = app.log_error(exc)
            self.debrief = None
            self.failure = (
                f"The debrief could not be built ({describe(exc)}). Details were written to {path}."
            )
        self.pane = TextPane(self.paragraphs)
        self.save = Button("Save report (S)", lambda: self.save_report(app))
        self.done = Button("Title screen (Esc)", lambda: self.leave(app))
        self.widgets = [self.pane, self.save, self.done] if self.debrief else [self.pane, self.done]
        self.saved = ""
        self.stem = ""  # the report's file name, once saved

    def sections(self) -> list[Section]:
        """The report's sections, made once for the debrief shown (the pane asks every frame)."""
        made = getattr(self, "_sections", None)
        if made is None or made[0] is not self.debrief:
            assert self.debrief is not None
            made = (self.debrief, report_sections(self.debrief))
            self._sections = made
        return made[1]

    def paragraphs(self) -> list[tuple[Style, str]]:
        out: list[tuple[Style, str]] = []
        if self.saved:
            out += [(Style("serif_bold", "body", "good"), self.saved), (BODY, "")]
        if self.debrief is None:
            return out + self.without_debrief()
        for section in self.sections():
            if section.key == "front":
                out += self.front(section)
                continue
            out += [(BODY, ""), (HEAD, section.heading.upper())]
            for number, item in enumerate(section.items, 1):
                out += self.item(section, number, item)
        return out

    def without_debrief(self) -> list[tuple[Style, str]]:
        """The ending, as the ending screen gave it, under the line saying the debrief failed."""
        view = self.ending
        out = [(WARN, self.failure), (BODY, ""), (HEAD, f"ENDING: {view.title.upper()}")]
        out += [(BODY, p) for p in reflow(view.epilogue)]
        out.append((SMALL, ", ".join(f"{label} {value}/10" for label, value in view.scores)))
        if view.verdicts:
            out += [(BODY, ""), (HEAD, HISTORIANS.upper())]
            out += [(BODY, f"\u2022 {v}") for v in view.verdicts]
        return out

    def front(self, section: Section) -> list[tuple[Style, str]]:
        """The facts of the game, small, and a practice game's banner."""
        out: list[tuple[Style, str]] = []
        for item in section.items:
            if isinstance(item, Fact):
                code = f" ({item.code})" if item.code else ""
                # today, as the text version has it: the saved report gives it, and the
                # screen stays the same whenever it is shown
                value = "goes on the saved report (S)" if item.key == "played" else item.value
                stop = "." if item.key == "council" else ""  # a sentence: "day 2 passed ..."
                out.append((SMALL, f"{item.label}: {value}{code}{stop}"))
            elif isinstance(item, Banner) and item.kind == "practice":
                out += [(BODY, ""), (WARN, PRACTICE)]
        return out

    def item(self, section: Section, number: int, item: Item) -> list[tuple[Style, str]]:
        if isinstance(item, Line):
            if section.key == "questions":
                return [(BODY, f"{number}. {item.text}")]
            return [(SOFT if item.remark else BODY, item.text)]
        if isinstance(item, EndingItem):
            e = item.ending
            return [
                (BOLD, f"{e.title}{item.mark}" + refs(e.sources)),
                (SMALL, ", ".join(f"{s.label} {s.value}/{s.out_of}" for s in e.scores)),
            ]
        if isinstance(item, DivergenceItem):
            # as the reports put it: "1 June 1935 · Not done." then the sentences, which
            # already say who did what ("You did not: ...", "History did it that day.")
            div = item.divergence
            when = divergence_when(div)
            out = [
                (BOLD, f"{when + ' · ' if when else ''}{divergence_kind(div)}."),
                (BODY, f"{div.you} {div.history}" + refs(div.sources)),
            ]
            if item.told:
                out.append((SOFT, f"What really happened: {item.told}"))
            return out
        if isinstance(item, NoteItem):  # a gap between notes, as between days
            return [(BODY, "")] * (number > 1) + _note(item.note, dated=True)
        if isinstance(item, DayItem):
            return self.day(item)
        if isinstance(item, HiddenValue):
            description = f" \u2014 {item.description}" if item.description else ""
            return [(BODY, f"{item.label}: {item.shown}{description}")]
        if isinstance(item, DisputeView):
            return [(BOLD, item.question + refs(item.sources))] + [
                (BODY, f"\u2022 {v}") for v in item.versions
            ]
        if isinstance(item, Vote):
            return [(BODY, vote_summary(item))]
        if isinstance(item, SourceRef):
            return [
                (
                    SMALL,
                    f"[{item.number}] {item.title}"
                    + (f" \u2014 {item.url}" if item.url else "")
                    + (f" ({item.kind})" if item.kind else ""),
                )
            ]
        return []

    def day(self, day: DayItem) -> list[tuple[Style, str]]:
        """A day: its decisions ("You: ..."), what happened in the game, history's note."""
        out: list[tuple[Style, str]] = [(BODY, "")] * (day.day > 1)
        out.append((BOLD, f"Day {day.day} \u2014 {long_date(day.date)}"))
        for part in day.parts:
            if part.key == "game":
                out.append((SOFT, f"  {part.label}:"))
            for item in part.items:
                if isinstance(item, NoteItem):
                    out += _note(item.note, dated=False)
                elif part.key == "history":  # no note that day
                    out.append((SOFT, f"  History: {item.text}"))
                elif part.key == "game":
                    aside = f" ({item.aside})" if item.aside else ""
                    out.append((BODY, f"    \u2022 {item.text}{aside}" + refs(item.sources)))
                elif item.remark:
                    out.append((SOFT, f"  {item.text}"))
                else:
                    out.append((BODY, f"  You: {item.text}{_mark(item.historical)}"))
        return out

    names_asked = False  # the players were asked their names for the report (once)

    def needs_names(self) -> bool:
        """A report is handed in: one without the players' names (no --name) asks for them
        before its first save (teacher's report review: '(no name given)', and a file name
        with a number for a name)."""
        d = self.debrief
        return d is not None and not d.player_name.strip() and not self.names_asked

    def named(self, names: str) -> None:
        """The players' names, as typed, on this debrief and its report."""
        self.names_asked = True
        if self.debrief is not None and names:
            self.debrief = self.debrief.model_copy(update={"player_name": names})

    def save_report(self, app: App) -> SceneResult:
        from game.debrief import render_html, render_markdown

        if self.debrief is None:
            app.toast("There is no report to save: the debrief could not be built.")
            return True
        if self.needs_names():
            from game.ui.scenes.report_names import ReportNamesScene

            return Push(ReportNamesScene(self))
        folder = app.report_folder or report_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # saved again from this screen: the same files; otherwise names no report has
            d = self.debrief
            stem = self.stem or report_stem(folder, d.scenario_id, d.seed, d.player_name)
            self.stem = stem
            for suffix, text in (
                (".md", render_markdown(self.debrief)),
                (".html", render_html(self.debrief)),
            ):
                target = folder / (stem + suffix)
                temporary = target.with_name(f".{target.name}.tmp")
                temporary.write_text(text, encoding="utf-8")
                temporary.replace(target)
        except OSError as exc:
            app.toast(f"The report could not be saved: {exc.strerror or exc}")
            return True
        self.saved = f"Report saved as {folder / stem}.md and .html"
        self.pane.offset = 0
        app.toast(self.saved)
        return True

    def scrolled(self) -> TextPane:
        return self.pane  # the keys the hint names scroll, also with the focus on a button

    def leave(self, app: App) -> SceneResult:
        """To the title: at once once the report is saved (or cannot be made), else asking."""
        if self.saved or self.debrief is None:
            return Reset(goto.title())
        return Push(LeaveReportScene(lambda: self.save_and_leave(app)))

    def save_and_leave(self, app: App) -> SceneResult:
        if self.needs_names():
            from game.ui.scenes.report_names import ReportNamesScene

            return [Pop(), Push(ReportNamesScene(self, then_leave=True))]
        self.save_report(app)
        return Reset(goto.title()) if self.saved else Pop()  # a failure stays, and says why

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key == pygame.K_s:
            return self.save_report(app)
        if event.key == pygame.K_ESCAPE:
            return self.leave(app)
        if event.key in (pygame.K_n, pygame.K_p):
            return self.to_section(app, 1 if event.key == pygame.K_n else -1)
        return None

    def to_section(self, app: App, step: int) -> SceneResult:
        """N and P: the next or the previous section's heading at the top of the pane
        (teacher's play-test: 13 Page Downs to the disputes on a projector)."""
        pane = self.pane
        lines = pane.lines(app.ink)
        headings = [i for i, (style, text) in enumerate(lines) if style == HEAD and text]
        if step > 0:
            ahead = [i for i in headings if i > pane.offset]
            if ahead:
                pane.offset = min(ahead[0], pane.max_offset)
        else:
            behind = [i for i in headings if i < pane.offset]
            pane.offset = behind[-1] if behind else 0
        return True

    def layout(self, app: App, rect: pygame.Rect) -> None:
        self.page_layout(app, rect, self.pane, [self.save, self.done], 1100)

    def draw(self, app: App, surface: pygame.Surface) -> None:
        d = self.debrief
        if d is None:
            subtitle = f"{app.game.scenario.title} \u00b7 seed {app.game.seed}"
        else:
            subtitle = f"{d.scenario_title} \u00b7 {long_date(d.start, weekday=False)} \u2013 {long_date(d.ended_on, weekday=False)} \u00b7 seed {d.seed}"
        self.page_draw(
            app,
            surface,
            "Debrief",
            subtitle,
            self.pane,
            "\u2191\u2193 PgUp PgDn Home End scroll \u00b7 N P next, previous section"
            + (" \u00b7 S save report" if d is not None else "")
            + " \u00b7 Esc title screen",
        )
        self.draw_widgets(app, surface)


def _note(note: HistoryEntry, *, dated: bool) -> list[tuple[Style, str]]:
    """A historical note: dated on a line of its own (background, aftermath), or as the
    "History:" of its day."""
    if dated:
        when = long_date(note.date, weekday=False)
        out = [(BODY, f"{when}: {note.title}. {note.text}" + refs(note.sources))]
    else:
        out = [(HISTORY, f"  History: {note.title}. {note.text}" + refs(note.sources))]
    indent = "" if dated else "  "
    if note.popular_account:
        out.append((SOFT, f"{indent}The popular account: {note.popular_account}"))
    if note.disputed:
        out.append((SOFT, f"{indent}Disputed: {note.disputed}"))
    return out


def _mark(historical: bool | None) -> str:
    """After a decision: whether history did the same (nothing in a scenario that does not say)."""
    if historical is None:
        return ""
    return " (\u2713 as in history)" if historical else " (\u2717 not what history did)"


class LeaveReportScene(BoxedMenu):
    """Leaving a finished game whose report is not saved: the report is offered first.

    Teacher's play-test: one Esc on the debrief went to the title with the class's report
    unsaved, and the next New game replaced the finished game's autosave, and with it the
    debrief. `save` saves the report and leaves (from the debrief); without it (from the
    ending, before any debrief is made) the first choice goes to the debrief. Staying is one
    Esc away, and the first choice, the safe one, is Enter's."""

    name = "leave_report"
    opens_over = False  # a yes-or-no question waits for its answer
    heading = "Leave without saving the report?"
    note = (
        "This game's report is not saved. A new game replaces its autosave, and then its "
        "debrief cannot be shown again."
    )

    def __init__(self, save: Callable[[], SceneResult] | None) -> None:
        super().__init__()
        self.save = save
        self.first = first = (
            Button("Save the report, then leave (S)", save)
            if save is not None
            else Button("See the debrief, to save it (D)", lambda: [Pop(), Push(DebriefScene())])
        )
        self.widgets = [
            first,
            Button("Leave without it (Y)", lambda: Reset(goto.title())),
            Button("Stay (N, Esc)", lambda: Pop()),
        ]
        first_key = "S save, then leave" if save is not None else "D debrief"
        self.hint = (
            f"\u2191\u2193 choose \u00b7 Enter select \u00b7 {first_key} \u00b7 Y leave"
            " \u00b7 N or Esc stay"
        )

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key in (pygame.K_ESCAPE, pygame.K_n):
            return Pop()
        if event.key == pygame.K_y:
            return Reset(goto.title())
        if event.key == (pygame.K_s if self.save is not None else pygame.K_d):
            return self.first.command()
        return None
