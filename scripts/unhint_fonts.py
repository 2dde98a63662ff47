#!/usr/bin/env python3
"""Write the game's Noto Serif files without their TrueType hinting programs.

Debian's Noto Serif carries hinting bytecode (the `fpgm`, `prep` and `cvt ` tables and a program
in every glyph). FreeType runs that bytecode for every glyph at every size it draws, and at the
window's start this was the largest single cost of drawing the first frame (about 41 M of the
game's 378 M machine instructions, by valgrind's callgrind). A TrueType font without any
instructions is grid-fitted by FreeType's auto-hinter instead, which costs a fraction of that and
looks the same at the sizes the game uses (compared side by side in the screenshots).

Only the hinting goes: outlines, metrics, the character map and the layout tables (kerning,
ligatures, marks) are copied as they are, so every character the game could draw before it can
still draw. The Open Font License allows modified copies, and Noto has no Reserved Font Name.

Usage (from anywhere; paths are resolved relative to the repository)::

    apt-get install -y fonts-noto-core          # once; provides the source fonts
    python scripts/unhint_fonts.py              # rewrites assets/fonts/NotoSerif-{Regular,Bold}.ttf
    python scripts/unhint_fonts.py --source DIR # the two source files are in DIR

The output is the same bytes for the same source (the font's modification time is kept).
"""

from __future__ import annotations

import argparse
import sys
from io import BytesIO
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT_DIR = REPO_ROOT / "assets" / "fonts"
SOURCE_DIR = Path("/usr/share/fonts/truetype/noto")
FILES = ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf")
# Tables that exist only for the hinting programs (the programs themselves, their control values,
# and device metrics precomputed from running them).
HINTING_TABLES = ("fpgm", "prep", "cvt ", "cvar", "hdmx", "LTSH", "VDMX")


def unhinted(source: Path) -> bytes:
    """The font at `source` without TrueType instructions, as the bytes of a .ttf file."""
    from fontTools.ttLib import TTFont  # a tool of this script only, not of the game

    font = TTFont(source, recalcTimestamp=False)
    if "glyf" not in font:
        raise SystemExit(f"{source} has no TrueType outlines ('glyf'): nothing to unhint")
    for tag in HINTING_TABLES:
        if tag in font:
            del font[tag]
    glyphs = font["glyf"]
    for name in font.getGlyphOrder():
        glyphs[name].removeHinting()
    maxp = font["maxp"]  # no programs: nothing to reserve for running them
    maxp.maxZones = 1
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
    ):
        setattr(maxp, field, 0)
    out = BytesIO()
    font.save(out)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=SOURCE_DIR,
        help=f"folder of the sources (default {SOURCE_DIR})",
    )
    parser.add_argument(
        "--output", type=Path, default=OUTPUT_DIR, help="folder to write to (default assets/fonts)"
    )
    args = parser.parse_args(argv)
    missing = [name for name in FILES if not (args.source / name).is_file()]
    if missing:
        print(
            f"{', '.join(missing)} not found in {args.source}; install fonts-noto-core "
            "or give --source",
            file=sys.stderr,
        )
        return 1
    for name in FILES:
        source, target = args.source / name, args.output / name
        data = unhinted(source)
        unchanged = target.is_file() and target.read_bytes() == data
        if not unchanged:
            target.write_bytes(data)
        note = " [unchanged]" if unchanged else ""
        print(f"{target}: {source.stat().st_size:,} -> {len(data):,} bytes{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
