"""The debrief's source numbers: the same source has the same number in every report of a scenario.

A source is numbered by its place in the scenario's own `sources` list (the first source is 1),
not by where a report first cites it, so "source 7" is one document in every student's report
and a class can discuss it by number (teacher's report review). A report lists only the sources
it cites, so its numbers may have gaps.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.debrief.model import SourceRef
from game.scenario.model import Scenario


class Citations:
    """The sources a debrief cites, each numbered by its place in the scenario's list.

    A tag the scenario does not list (the loader rejects them; stay readable all the same) is
    kept as its own title and numbered after the scenario's sources, in the order first cited."""

    def __init__(self, scenario: Scenario):
        self._scenario = scenario
        self._places = {tag: number for number, tag in enumerate(scenario.sources, 1)}
        self._refs: dict[str, SourceRef] = {}

    def all(self, tags: Iterable[str]) -> list[SourceRef]:
        """The sources of one passage, once each, in numeric order (for its footnote marks)."""
        refs = {tag: self._ref(tag) for tag in tags}
        return sorted(refs.values(), key=lambda ref: ref.number)

    def cited(self) -> list[SourceRef]:
        """Every source cited so far, in numeric order (the report's list of sources)."""
        return sorted(self._refs.values(), key=lambda ref: ref.number)

    def _ref(self, tag: str) -> SourceRef:
        ref = self._refs.get(tag)
        if ref is not None:
            return ref
        source = self._scenario.sources.get(tag)
        if source is None:
            unknown = sum(1 for known in self._refs if known not in self._places)
            ref = SourceRef(number=len(self._places) + unknown + 1, tag=tag, title=tag)
        else:
            ref = SourceRef(
                number=self._places[tag],
                tag=tag,
                title=source.title,
                url=source.url,
                kind=source.kind,
                note=source.note,
                lang=source.lang,
            )
        self._refs[tag] = ref
        return ref
