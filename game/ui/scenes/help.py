"""Help: the keys and the rules of the game, in short."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.scene import Pop, Scene, SceneResult
from game.ui.scenes.common import PageScene
from game.ui.text import BODY, Style
from game.ui.widgets import Button, TextPane

if TYPE_CHECKING:
    from game.ui.app import App

HEAD = Style("typewriter_bold", "body")
GROUP = Style("serif_bold", "body")

# Every key that works, by the screen it works on (each screen's band at the bottom says its own).
KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Everywhere",
        [
            (
                "Tab / Shift+Tab",
                "move the focus (the blue ring) between lists, buttons and texts",
            ),
            ("\u2191 \u2193, Page Up/Down, Home/End", "move within a list, or scroll a text"),
            ("Enter / Space", "choose the focused item: press a button, open a row"),
            ("Esc", "back out of a dialog or screen"),
            (
                "C or F2",
                "the codex, from any screen but a yes-or-no question (and not C while typing a name): people, places, units and terms, with sources (what you have just learned is marked new); C, F2 or Esc closes it",
            ),
            ("F1", "this help; Esc, F1 or Enter closes it"),
            ("F11", "full screen on or off"),
            (
                "F5",
                "for scenario authors: reload the scenario file, once it has changed, and replay your choices on it (errors are listed, the game is kept); if the scenario failed to load, try loading it again",
            ),
        ],
    ),
    (
        "Title screen",
        [
            (
                "\u2191 \u2193 or Tab, Enter",
                "choose New game, Continue, Load, Scenario, Settings, Help or Quit",
            ),
            (
                "\u2190 \u2192",
                "another scenario; with the buttons in two columns (large print), the other column, and another scenario on the Scenario button",
            ),
            ("Esc", "asks whether to quit: Y quits, N or Esc stays"),
        ],
    ),
    (
        "Briefing",
        [
            ("Enter", "begin the crisis (or go back to it, when read again with B)"),
            (
                "Esc",
                "the first time, back to the title screen; when read again, back to the crisis",
            ),
        ],
    ),
    (
        "Crisis screen",
        [
            (
                "1 \u2013 9",
                "choose the action with that number and show it; the same number again (or Enter) takes it. Each keeps its number all day (a used-up one keeps its place; a new one takes the next number); the next dawn numbers them afresh",
            ),
            (
                "E",
                "end the day; on the last day, when a deadline runs out tonight unanswered, or before any of the day's action points is spent, it asks for a second E (the End the day button asks for a second click, not a double click)",
            ),
            ("I / A", "jump to the inbox / to the day's actions"),
            (
                "F",
                "the inbox: the news only, without your own actions, their outcomes and your answers; F again shows everything",
            ),
            (
                "Pointer on the map",
                "a unit's marker shows which unit it is, where, how strong and under whom; a click on it says the same",
            ),
            ("\u2190 \u2192", "move the focus, as Tab and Shift+Tab do"),
            (
                "Enter / Space",
                "open a message or a pending demand, or take the action chosen. At dawn, or when the row it was on is gone, the council's highlight goes back to the top; on an action, the first Enter or arrow only shows it, and an Enter on an action you have not moved to names it and waits for Enter again",
            ),
            ("B", "read the briefing again (Enter or Esc goes back)"),
            ("Esc", "the menu (resume, save, settings, help, codex, quit to the title)"),
            (
                "U / Shift+U",
                "practice games (play --practice): take back one step / go back to the dawn",
            ),
            (
                "F9",
                "for teachers: release one of the scenario's injects (news or rumours that push a class along); 1 \u2013 9, Enter, Space or a click chooses one and shows what it changes, and the same again releases it; the council's clock stops while the list is open; Esc closes",
            ),
        ],
    ),
    (
        "Dialogs",
        [
            (
                "In a demand",
                "1 \u2013 9 choose the Nth answer and open what it leads to, the same number again (or Enter) gives it; or Tab to the answers, \u2191 \u2193 choose (no answer is chosen until then: the first arrow or Enter shows the highlight), Enter gives it; Esc decide later",
            ),
            ("What followed, the day's summary", "Enter, Space or Esc continue"),
            (
                "Save as",
                "type a name (it replaces the name offered; an arrow key or End keeps that one to edit), Enter saves; Tab or \u2191 \u2193 to Save and Cancel, Enter or Space presses them; Esc back to the menu",
            ),
            (
                "Replace it?",
                "asked when the name holds another game: Y replaces it; N or Esc keeps it and goes back to the name",
            ),
        ],
    ),
    (
        "Settings",
        [
            ("\u2191 \u2193", "choose a setting"),
            ("Enter, Space or \u2192", "change it (the text size and the volume: a step up)"),
            (
                "\u2190",
                "the text size or the volume a step down; any other setting switches, as with \u2192",
            ),
            ("Esc", "done"),
        ],
    ),
    (
        "The end and the debrief",
        [
            ("Enter", "from the ending, the debrief"),
            (
                "S",
                "on the debrief: save the report (Markdown and HTML); a game started without --name asks your names first (Enter with none saves without)",
            ),
            ("N  P", "on the debrief: the next, the previous section"),
            ("Esc", "back to the title screen (asks first while the report is not saved)"),
            (
                "Leave without saving the report?",
                "on the debrief, S saves it and leaves (on the ending, D opens the debrief to save it from); Y leaves without it; N or Esc stays",
            ),
        ],
    ),
]

RULES = [
    "Each turn is one day. At dawn, deadlines that ran out take effect, news and demands arrive, and other actors act.",
    "In council you spend the day's action points on actions and answers. Each action shows its cost, its known consequences, and 'outcome uncertain' where chance plays a part. An action can be taken once a day unless its row says more ('up to 2 times a day'); some only a few times in the whole game, as their row says ('up to 3 times a game').",
    "Demands come with deadlines. Stalling may buy time; an ultimatum's deadline cannot be put off, and letting it run out usually makes things worse.",
    "Beside each person under Attitudes, and on the map, a square marks the Japanese side, a diamond the Chinese and a circle anyone else (the colours say the same). A stat's words say whether higher is better or worse; one with no words, such as public anger, is neither.",
    "Some numbers are hidden ('?') until intelligence reveals them. Intelligence comes with a stated reliability: it may be wrong.",
    "In a scenario drawn from history, the reading pane says under each message where it comes from: 'From the record', with its sources; 'Not in the historical record' for what the game invents as something that could have happened (with the sources it is grounded in, if any); or, for an intelligence report, 'Based on the record; the game draws whether this report tells the truth'.",
    "The game ends when one of the scenario's endings is reached, or at the end of the calendar. The debrief then sets your decisions beside what happened in 1935, with sources.",
]


class HelpScene(Scene, PageScene):
    name = "help"

    def __init__(self) -> None:
        super().__init__()
        self.pane = TextPane(self.paragraphs)
        self.back = Button("Back (Esc)", lambda: Pop())
        self.widgets = [self.pane, self.back]

    def paragraphs(self) -> list[tuple[Style, str]]:
        # the rules first, then the keys (student play-test: the rules came after the keys for
        # scenario authors and teachers)
        out: list[tuple[Style, str]] = [(HEAD, "HOW THE GAME WORKS")]
        for rule in RULES:
            out += [(BODY, rule), (BODY, "")]
        out += [(HEAD, "KEYS")]
        out.append(
            (
                BODY,
                "Everything can be done with the keyboard; the mouse works too: click a row to choose it, click it again (or double-click) to act, and use the wheel to scroll.",
            )
        )
        out.append((BODY, ""))
        for group, keys in KEYS:
            out += [(GROUP, group)]
            out += [(BODY, f"{key} \u2014 {what}") for key, what in keys]
            out.append((BODY, ""))
        return out

    def key(self, app: App, event: pygame.event.Event) -> SceneResult:
        if event.key in (pygame.K_ESCAPE, pygame.K_F1, pygame.K_RETURN):
            return Pop()
        return None

    def layout(self, app: App, rect: pygame.Rect) -> None:
        self.page_layout(app, rect, self.pane, [self.back], 1000)

    def draw(self, app: App, surface: pygame.Surface) -> None:
        self.page_draw(
            app,
            surface,
            "Help",
            "How the game works, and its keys",
            self.pane,
            "\u2191\u2193 PgUp PgDn scroll \u00b7 Esc, F1 or Enter back",
        )
        self.draw_widgets(app, surface)
