"""The fonts the game ships: every face the theme names is there with its licence, and the
TrueType faces carry no hinting programs (scripts/unhint_fonts.py), which FreeType would run for
every glyph it draws; a hinted copy put back from the Debian package would slow every start."""

import struct
from pathlib import Path

from game.ui.theme import FONTS_DIR, theme_data


def tables(path: Path) -> dict[str, bytes]:
    """The sfnt tables of a font file, by tag (the table directory is read directly)."""
    data = path.read_bytes()
    (count,) = struct.unpack_from(">H", data, 4)
    found = {}
    for index in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        found[tag.decode("latin-1")] = data[offset : offset + length]
    return found


def shipped_truetype_faces() -> list[Path]:
    return sorted(FONTS_DIR.glob("*.ttf"))


def test_every_face_the_theme_names_is_shipped_with_a_licence():
    for name in set(theme_data()["fonts"].values()):
        assert (FONTS_DIR / name).is_file(), name
    assert sorted(p.name for p in FONTS_DIR.glob("LICENSE-*.txt"))


def test_the_truetype_faces_carry_no_hinting_programs():
    faces = shipped_truetype_faces()
    assert faces, "the Latin body faces are TrueType files"
    for path in faces:
        found = tables(path)
        assert "glyf" in found, path.name
        for tag in ("fpgm", "prep", "cvt "):
            assert tag not in set(found), f"{path.name} still has its '{tag}' table"
        # maxp 1.0: version, numGlyphs, then 12 fields; maxSizeOfInstructions is the 12th
        (largest_program,) = struct.unpack_from(">H", found["maxp"], 26)
        assert largest_program == 0, (
            f"{path.name} has glyph programs of up to {largest_program} bytes"
        )


def test_the_debriefs_tick_and_cross_are_drawn_with_glyphs_the_fonts_have(make_app):
    """The window's debrief marks each decision ✓ (as in history) or ✗: the tick is in the CJK
    subset (scripts/subset_fonts.py keeps it), the cross, in no Noto CJK face, is drawn as ×.
    Both were once drawn as '+' and 'x'."""
    from game.ui.text import BODY, SUBSTITUTES, _lacks, runs

    app = make_app()
    latin, cjk = app.ink._fonts(BODY)
    assert "\u2713".translate(SUBSTITUTES) == "\u2713"
    assert "\u2717".translate(SUBSTITUTES) == "\u00d7"
    for mark in ("\u2713", "\u2717"):
        for is_cjk, part in runs(mark.translate(SUBSTITUTES), latin):
            font = cjk if is_cjk else latin
            assert not _lacks(font, part), f"{mark!r} drawn as {part!r}, a glyph its face lacks"
