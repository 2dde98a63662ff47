"""What the inbox calls each kind of item."""

from __future__ import annotations

from game.analysis.describe import KIND_LABELS


def test_a_change_of_stage_is_not_called_an_escalation():
    """Play-test: 'After the answer', 'Withdrawal from Hebei' and 'Settled on paper' all came
    under the label 'Escalation'; a stage may as well calm the crisis as raise it."""
    assert KIND_LABELS["stage"] == "Situation"
