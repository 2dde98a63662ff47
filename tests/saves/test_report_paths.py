"""Where a debrief report goes and what it is called, shared by the window and the text version
(game.save_paths; moved out of the window's ending screen so the text version names reports alike)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from game import save_paths
from game.save_paths import report_folder, report_stem


def test_the_stem_names_scenario_seed_and_student(tmp_path):
    assert report_stem(tmp_path, "he_umezu_1935", 1935, "Ana and Ben") == (
        "hebei1935-debrief-he_umezu_1935-seed1935-Ana-and-Ben"
    )
    assert report_stem(tmp_path, "mini", 3) == "hebei1935-debrief-mini-seed3"
    assert report_stem(tmp_path, "mini", 3, " / ") == "hebei1935-debrief-mini-seed3"


def test_a_name_taken_in_the_folder_gets_a_number(tmp_path):
    (tmp_path / "hebei1935-debrief-mini-seed3-Li.md").write_text("x")
    (tmp_path / "hebei1935-debrief-mini-seed3-Li-2.html").write_text("x")
    assert report_stem(tmp_path, "mini", 3, "Li") == "hebei1935-debrief-mini-seed3-Li-3"


def test_reports_go_to_the_documents_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path))
    assert report_folder() == tmp_path / "Hebei 1935"


def test_without_a_documents_folder_reports_go_to_the_data_folder(monkeypatch, tmp_path):
    def missing() -> str:
        raise RuntimeError("no documents folder")

    monkeypatch.setattr(platformdirs, "user_documents_dir", missing)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path))
    assert report_folder() == Path(tmp_path) / "reports"


def test_the_window_uses_this_code():
    from game.ui.scenes import ending

    assert ending.report_folder is save_paths.report_folder
    assert ending.report_stem is save_paths.report_stem


def test_the_text_version_saves_into_the_same_folder_and_makes_it(monkeypatch, tmp_path):
    from game import cli

    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path))
    folder = cli._report_folder()
    assert folder == tmp_path / "Hebei 1935" and folder.is_dir()
