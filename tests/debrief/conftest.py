"""Fixtures for the debrief tests: the mini scenario, enriched with history, disputes and sources."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="session")
def rich():
    """mini.yaml plus background and aftermath notes, a drawn choice, disputes, questions and URLs."""
    from game.scenario.load import load_scenario_bytes

    data = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    data["sources"]["T2"] = {
        "title": "Second source",
        "url": "https://example.org/second",
        "kind": "secondary",
    }
    data["sources"]["T3"] = {
        "title": "Third source",
        "url": "javascript:alert(1)",
        "kind": "weak",
        "note": "see url(x) and src=y",
    }
    data["hidden"]["mood"] = {
        "label": "Mood in Tokyo",
        "choices": [
            {"value": 1, "weight": 1, "label": "restless"},
            {"value": 2, "weight": 0, "label": "calm"},
        ],
    }
    data["history"] = [
        {
            "date": "1935-06-03",
            "title": "Third day",
            "text": "The third day.",
            "sources": ["T2"],
            "disputed": "Who spoke first.",
        },
        {"date": "1935-05-20", "title": "Earlier", "text": "Before it all.", "sources": ["T2"]},
        {
            "date": "1935-06-01",
            "title": "The note",
            "text": "A note was delivered.",
            "sources": ["T1"],
            "popular_account": "It was a letter.",
        },
        {"date": "1935-06-04", "title": "Fourth day", "text": "The last day.", "sources": ["T3"]},
        {"date": "1935-07-06", "title": "The letter", "text": "Much later.", "sources": ["T2"]},
    ]
    data["disputes"] = [
        {
            "question": "Was it an agreement?",
            "versions": ["Yes, say some.", "No, say others."],
            "sources": ["T3"],
        }
    ]
    data["questions"] = ["What would you do differently?", "Who gained time?"]
    return load_scenario_bytes(
        yaml.safe_dump(data, allow_unicode=True).encode(), "rich.yaml"
    ).scenario
