"""The ending (title, epilogue, scores) and the debrief (decisions beside history, with sources; saveable)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pygame

from game.debrief.model import (
    ENDED_AT_DAWN,
    NOT_COUNTED,
    PASSED_DAY,
    TIMED_OUT,
    council_facts,
    divergence_kind,
    divergence_when,
    ending_mark,
    note_reference,
    refs,
)
from game.engine.dates import long_date
from game.engine.words import ENDING_RATES, FOLLOWED_HISTORY, HISTORIANS, NO_ACTION
from game.save_paths import report_folder, report_stem
from game.ui.scene import ENTER_KEYS, Push, Reset, Scene
from game.ui.scenes.common import PageScene
from game.ui.text import BODY, BOLD, SMALL, Style
from game.ui.view import ending_screen, reflow
from game.ui.widgets import Button, TextPane

if TYPE_CHECKING:
    from game.ui.app import App

HEAD = Style("typewriter_bold", "body")
SOFT = Style("serif", "small", "ink_soft")


def _title() -> Scene:
    from game.ui.scenes.title import TitleScene

    return TitleScene()


class EndingScene(Scene, PageScene):
    name = "ending"

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        self.view = ending_screen(app.session.scenario, app.session.state)
        self.pane = TextPane(self.paragraphs)
        self.debrief = Button("Debrief (Enter)", lambda: Push(DebriefScene()))
        self.title_button = Button("Title screen (Esc)", lambda: Reset(_title()))
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

    def key(self, app: App, event: pygame.event.Event) -> Any:
        if event.key in ENTER_KEYS and self.focused() is not self.title_button:
            return Push(DebriefScene())
        if event.key == pygame.K_ESCAPE:  # as on the debrief: the hint says so
            return Reset(_title())
        return None

    def layout(self, app: App, rect: pygame.Rect) -> None:
        self.page_layout(app, rect, self.pane, [self.title_button, self.debrief], 1000)

    def draw(self, app: App, surface: pygame.Surface) -> None:
        self.page_draw(
            app,
            surface,
            f"The end: {self.view.title}",
            f"{app.session.scenario.title} \u00b7 seed {app.session.seed}",
            self.pane,
            "Enter debrief \u00b7 Tab move \u00b7 \u2191\u2193 scroll \u00b7 Esc title screen",
        )
        self.draw_widgets(app, surface)


class DebriefScene(Scene, PageScene):
    """The debrief from game.debrief, laid out as pages of text; S saves the report as Markdown and HTML."""

    name = "debrief"

    def enter(self, app: App) -> None:
        if self.widgets:
            return
        from game.debrief import build_debrief

        session = app.session
        self.debrief = build_debrief(
            session.scenario,
            session.state,
            seed=session.seed,
            player_name=app.player_name,
            played_on=dt.date.today().isoformat(),
            practice=session.practice,
            passed_days=session.lesson.passed,
            timed_out_days=session.lesson.timed_out,
        )
        self.pane = TextPane(self.paragraphs)
        self.save = Button("Save report (S)", lambda: self.save_report(app))
        self.done = Button("Title screen (Esc)", lambda: Reset(_title()))
        self.widgets = [self.pane, self.save, self.done]
        self.saved = ""
        self.stem = ""  # the report's file name, once saved

    def paragraphs(self) -> list[tuple[Style, str]]:
        d = self.debrief
        out: list[tuple[Style, str]] = []
        if self.saved:
            out += [(Style("serif_bold", "body", "good"), self.saved), (BODY, "")]
        if d.ending is not None:
            out.append(
                (
                    HEAD,
                    f"ENDING: {d.ending.title.upper()}" + ending_mark(d, d.ending.historical),
                )
            )
            out.append(
                (SMALL, ", ".join(f"{s.label} {s.value}/{s.out_of}" for s in d.ending.scores))
            )
        out += [(SMALL, f"{label}: {value}.") for label, value in council_facts(d)]
        if d.historical_endings and (d.ending is None or not d.ending.historical):
            out.append((SMALL, "History ended: " + "; ".join(d.historical_endings)))
        if d.records_decisions:
            out += [(BODY, ""), (HEAD, "WHERE YOU LEFT HISTORY")]
        if d.records_decisions and d.days_passed:
            out.append((SOFT, NOT_COUNTED))
        if d.records_decisions and not d.divergences:
            out.append((BODY, FOLLOWED_HISTORY))
        for div in d.divergences:
            # as the reports put it: "1 June 1935 · Not done." then the sentences, which
            # already say who did what ("You did not: ...", "History did it that day.")
            when = divergence_when(div)
            out.append((BOLD, f"{when + ' · ' if when else ''}{divergence_kind(div)}."))
            out.append((BODY, f"{div.you} {div.history}" + refs(div.sources)))
            if div.note:
                out.append((SOFT, div.note))
            elif div.note_as is not None:
                out.append((SOFT, f"What really happened: {note_reference(d, div)}."))
        beside = " BESIDE HISTORY" if d.records_decisions else ""
        out += [(BODY, ""), (HEAD, f"DAY BY DAY: YOUR DECISIONS{beside}")]
        for day in d.days:
            out.append((BOLD, f"Day {day.day} \u2014 {long_date(day.date)}"))
            for decision in day.decisions:
                mark = (
                    ""
                    if not d.records_decisions
                    else " (\u2713 as in history)"
                    if decision.historical
                    else " (\u2717 not what history did)"
                )
                out.append((BODY, f"  You: {decision.label}{mark}"))
            if day.council == "passed":
                out.append((SOFT, f"  {PASSED_DAY}."))
            elif day.council == "none":
                out.append((SOFT, f"  {ENDED_AT_DAWN}."))
            elif not day.decisions:
                out.append((SOFT, f"  You: {NO_ACTION.lower()}."))
            if day.council == "timed_out":
                out.append((SOFT, f"  {TIMED_OUT}."))
            for note in day.history:
                out.append(
                    (
                        Style("serif", "body", "neutral"),
                        f"  History: {note.title}. {note.text}" + refs(note.sources),
                    )
                )
                if note.disputed:
                    out.append((SOFT, f"  Disputed: {note.disputed}"))
        if d.aftermath:
            out += [(BODY, ""), (HEAD, "AFTERWARDS")]
            out += [
                (
                    BODY,
                    f"{long_date(n.date, weekday=False)}: {n.title}. {n.text}" + refs(n.sources),
                )
                for n in d.aftermath
            ]
        if d.hidden:
            out += [(BODY, ""), (HEAD, "WHAT YOU COULD NOT SEE")]
            out += [(BODY, f"{h.label}: {h.shown}") for h in d.hidden]
        if d.disputes:
            out += [(BODY, ""), (HEAD, "WHERE HISTORIANS DISAGREE")]
            for dispute in d.disputes:
                out.append((BOLD, dispute.question + refs(dispute.sources)))
                out += [(BODY, f"\u2022 {v}") for v in dispute.versions]
        if d.questions:
            out += [(BODY, ""), (HEAD, "QUESTIONS TO THINK ABOUT")]
            out += [(BODY, f"{i}. {q}") for i, q in enumerate(d.questions, 1)]
        if d.sources:
            out += [(BODY, ""), (HEAD, "SOURCES")]
            out += [
                (
                    SMALL,
                    f"[{s.number}] {s.title}"
                    + (f" \u2014 {s.url}" if s.url else "")
                    + (f" ({s.kind})" if s.kind else ""),
                )
                for s in d.sources
            ]
        return out

    def save_report(self, app: App) -> Any:
        from game.debrief import render_html, render_markdown

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

    def key(self, app: App, event: pygame.event.Event) -> Any:
        if event.key == pygame.K_s:
            return self.save_report(app)
        if event.key == pygame.K_ESCAPE:
            return Reset(_title())
        return None

    def layout(self, app: App, rect: pygame.Rect) -> None:
        self.page_layout(app, rect, self.pane, [self.save, self.done], 1100)

    def draw(self, app: App, surface: pygame.Surface) -> None:
        d = self.debrief
        subtitle = f"{d.scenario_title} \u00b7 {long_date(d.start, weekday=False)} \u2013 {long_date(d.ended_on, weekday=False)} \u00b7 seed {d.seed}"
        self.page_draw(
            app,
            surface,
            "Debrief",
            subtitle,
            self.pane,
            "\u2191\u2193 PgUp PgDn Home End scroll \u00b7 S save report \u00b7 Esc title screen",
        )
        self.draw_widgets(app, surface)
