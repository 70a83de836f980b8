"""The paced breathing reset: in for 4 seconds, hold for 2, out for 6. Slow out-breaths are what
the composure lesson teaches; this is the timing the animation follows."""

from __future__ import annotations

from msgspec import Struct

PHASES = (("Breathe in", 4.0), ("Hold", 2.0), ("Breathe out", 6.0))
CYCLE = sum(seconds for _name, seconds in PHASES)


class Moment(Struct, frozen=True):
    phase: str
    seconds_left_in_phase: float
    size: float  # 0.0 (empty lungs) .. 1.0 (full): drives the circle
    cycle: int  # 1-based
    finished: bool


def moment_at(elapsed: float, cycles: int) -> Moment:
    """Where the exercise is `elapsed` seconds after it started."""
    if elapsed >= cycles * CYCLE:
        return Moment("Done", 0.0, 0.0, cycles, True)
    cycle, into = divmod(max(0.0, elapsed), CYCLE)
    start = 0.0
    for name, seconds in PHASES:
        if into < start + seconds:
            progress = (into - start) / seconds
            size = {"Breathe in": progress, "Hold": 1.0, "Breathe out": 1.0 - progress}[name]
            return Moment(name, start + seconds - into, size, int(cycle) + 1, False)
        start += seconds
    return Moment("Breathe in", PHASES[0][1], 0.0, int(cycle) + 2, False)  # float edge: next cycle
