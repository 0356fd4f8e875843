"""At most a few problems of one code per file: a hostile file must not bury the others' in thousands of lines."""

from __future__ import annotations

from collections import Counter

from ..model import Location, Problem
from .table import MAX_PER_FILE_AND_CODE


def cap_per_file(problems: list[Problem]) -> list[Problem]:
    """The first MAX_PER_FILE_AND_CODE problems of each (file, code), then one problem counting the rest."""
    kept: list[Problem] = []
    seen: Counter[tuple[str, str]] = Counter()
    last: dict[tuple[str, str], Problem] = {}
    for problem in problems:
        key = (problem.location.path, problem.code)
        seen[key] += 1
        if seen[key] <= MAX_PER_FILE_AND_CODE:
            kept.append(problem)
        else:
            last[key] = problem
    for key, problem in last.items():
        hidden = seen[key] - MAX_PER_FILE_AND_CODE
        kept.append(
            Problem(Location(problem.location.path, problem.location.line), problem.severity, problem.code,
                    f"and {hidden} more '{problem.code}' problems in this file, the last at this line",
                    "fix the ones listed first: they are usually one mistake repeated")
        )
    return kept
