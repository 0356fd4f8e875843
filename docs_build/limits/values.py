"""Frontmatter values bounded for the page: long text cut, long lists shortened, deep nesting summarised.

A field may hold a 300 KB string or a mapping nested twenty levels deep; the card renders every field, so
each value is cut to a size and depth a reader can use, and the file gets a note saying which field.
"""

from __future__ import annotations

from typing import Any

from ..model import Location, Problem
from .table import MAX_DEPTH, MAX_ITEMS, MAX_TEXT_CHARS


def bound_value(value: Any, depth: int = 0) -> tuple[Any, list[str]]:
    """A copy of `value` within the limits, and what was cut ('text of 300000 characters', …)."""
    if isinstance(value, str):
        if len(value) <= MAX_TEXT_CHARS:
            return value, []
        return value[:MAX_TEXT_CHARS] + f" … ({len(value) - MAX_TEXT_CHARS} more characters)", [f"text of {len(value)} characters"]
    if not isinstance(value, (dict, list)):
        return value, []
    if depth >= MAX_DEPTH:
        return f"… (nested deeper than {MAX_DEPTH} levels)", [f"nesting deeper than {MAX_DEPTH} levels"]
    cuts: list[str] = [f"{len(value)} items"] if len(value) > MAX_ITEMS else []
    if isinstance(value, dict):
        bounded: dict[str, Any] = {}
        for key, item in list(value.items())[:MAX_ITEMS]:
            bounded[str(key)[:MAX_TEXT_CHARS]], item_cuts = bound_value(item, depth + 1)
            cuts += item_cuts
        return bounded, cuts
    items = []
    for item in value[:MAX_ITEMS]:
        bounded_item, item_cuts = bound_value(item, depth + 1)
        items.append(bounded_item)
        cuts += item_cuts
    return items, cuts


def bound_meta(meta: dict[str, Any], lines: dict[str, int], path: str) -> tuple[dict[str, Any], list[Problem]]:
    """Every field within the limits; a warning at each field that had to be cut."""
    bounded: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in meta.items():
        bounded[key], cuts = bound_value(value)
        if cuts:
            problems.append(
                Problem(Location(path, lines.get(key, 1)), "warning", "frontmatter-value-bounded",
                        f"field '{key}' holds {', '.join(dict.fromkeys(cuts))}; the page shows a shortened copy",
                        f"keep fields short ({MAX_TEXT_CHARS} characters, {MAX_ITEMS} items, {MAX_DEPTH} levels); "
                        "put long text in the body")
            )
    return bounded, problems
