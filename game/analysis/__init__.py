"""Tools built over the core: policies, replays, the explorer and the scenario graph."""
