"""The scenes other scenes lead to, made on demand.

The scenes' modules lead to one another (the title to the crisis, the crisis back to the title),
so each is imported only when a scene is first asked for; these are the one place that does it.
"""

from __future__ import annotations

from game.ui.scene import Scene


def title() -> Scene:
    from game.ui.scenes.title import TitleScene

    return TitleScene()


def settings() -> Scene:
    from game.ui.scenes.settings import SettingsScene

    return SettingsScene()


def help_screen() -> Scene:
    from game.ui.scenes.help import HelpScene

    return HelpScene()


def codex() -> Scene:
    from game.ui.scenes.codex import CodexScene

    return CodexScene()
