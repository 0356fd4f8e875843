"""The troubleshooting hub's budget: when its rows stop fitting one page, which page each row goes on.

Pure planning, no rendering: the hub stays one page while its rows fit the budget; past it, each collection
gets its own hub page (`troubleshooting/<collection>/`), and a collection past it is cut into numbered parts
(`troubleshooting/<collection>/page-2/`…) in a stable order (source path, then line).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..catalog import slug_path
from ..limits.table import MAX_BYTES, MAX_ROWS, ROW_OVERHEAD

if TYPE_CHECKING:
    from ..model import Entry
    from .rows import TroubleRow

HUB_FOLDER = "troubleshooting"


@dataclass(frozen=True)
class HubRow:
    """One row as the hub places it: the row, its entry, and what it weighs on a page."""

    row: TroubleRow
    entry: Entry

    @cached_property
    def size(self) -> int:
        """Bytes the row adds to a hub page, estimated from its escaped text."""
        texts = [self.row.symptom, self.row.cause, self.row.solution, self.row.heading, self.entry.title,
                 *(f"{header}: {value}" for header, value in self.row.extra if value)]
        text = sum(len(html.escape(t).encode("utf-8")) for t in texts)
        return text + 2 * (len(self.entry.source) + len(self.entry.id) + len(self.entry.collection)) + ROW_OVERHEAD


@dataclass(frozen=True)
class HubPart:
    """One page of one collection's rows."""

    collection: str
    number: int  # 1-based
    rows: tuple[HubRow, ...]

    @property
    def src_uri(self) -> str:
        """Where the page goes: `troubleshooting/<collection>.md`, then `troubleshooting/<collection>/page-N.md`."""
        return collection_hub_src(self.collection, self.number)


def collection_hub_src(collection: str, number: int = 1) -> str:
    """The page source of part `number` of a collection's hub (its URL drops `.md` and ends in '/')."""
    folder = f"{HUB_FOLDER}/{slug_path(collection).replace('/', '-')}"
    return f"{folder}.md" if number == 1 else f"{folder}/page-{number}.md"


def fits(rows: list[HubRow]) -> bool:
    """Whether the rows fit one hub page."""
    return len(rows) <= MAX_ROWS and sum(row.size for row in rows) <= MAX_BYTES


def split_parts(collection: str, rows: list[HubRow]) -> list[HubPart]:
    """A collection's rows in stable order (source path, then line), cut into parts that each fit one page."""
    ordered = sorted(rows, key=lambda r: (r.entry.source, r.row.line, r.row.anchor))
    parts: list[list[HubRow]] = [[]]
    weight = 0
    for row in ordered:
        if parts[-1] and (len(parts[-1]) >= MAX_ROWS or weight + row.size > MAX_BYTES):
            parts.append([])
            weight = 0
        parts[-1].append(row)
        weight += row.size
    return [HubPart(collection, number, tuple(part)) for number, part in enumerate(parts, 1) if part]


def plan(rows_by_collection: dict[str, list[HubRow]]) -> list[HubPart] | None:
    """None when every row fits the one hub page; else every collection's parts, in collection order."""
    if fits([row for rows in rows_by_collection.values() for row in rows]):
        return None
    return [part for name, rows in rows_by_collection.items() if rows for part in split_parts(name, rows)]
