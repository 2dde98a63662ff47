"""The core: every rule of the crisis, as a pure, seeded state machine. No I/O, no clock, no pygame."""
