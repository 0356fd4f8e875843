"""The last line of defence on time: a page that took too long to render is named, with its size."""

from __future__ import annotations

from ..model import Location, Problem
from .table import BASE_SECONDS, SECONDS_PER_100KB


def slow_page_problem(source: str, seconds: float, chars: int) -> Problem | None:
    """A note (info: timings vary with load, so never strict-failing) naming the file when rendering its page took longer than the budget for its size."""
    budget = BASE_SECONDS + SECONDS_PER_100KB * chars / 100_000
    if seconds <= budget:
        return None
    return Problem(Location(source, 1), "info", "slow-page",
                   f"rendering this page took {seconds:.1f} s for {chars // 1000} KB of Markdown (budget {budget:.1f} s)",
                   "report the file: some construct in it is read in more than linear time")
