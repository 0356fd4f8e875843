"""Resolution: what a written target means. Numbers stay in their own folder; names go group first.

"Agent N" resolves only among the numbered agents (`NN-*`) of the source's own folder, plugin or
collection, never another collection's; a name resolves in the source's group, then its collection.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..model import Entry

NUMBER_PREFIX_RE = re.compile(r"^(\d{1,2})[-_]")


def resolve_number(number: int, source: Entry, catalog: Catalog) -> Entry | None:
    """Resolve "Agent N" among the numbered agents (`NN-*`) of the source's own folder, plugin or collection."""
    folder = posixpath.dirname(source.source)
    candidates = [
        e for e in catalog.in_collection(source.collection)
        if e.kind == "agent" and e.group == source.group and e.id != source.id and number_of(e) == number
    ]
    candidates.sort(key=lambda e: posixpath.dirname(e.source) != folder)  # the same agents folder first
    return candidates[0] if candidates else None


def numbered_agents(source: Entry, catalog: Catalog) -> list[str]:
    """The numbers known in the source's folder, for messages ("known: 01, 02")."""
    numbers = {
        n for e in catalog.in_collection(source.collection)
        if e.kind == "agent" and e.group == source.group and (n := number_of(e)) is not None
    }
    return [f"{n:02d}" for n in sorted(numbers)]


def number_of(entry: Entry) -> int | None:
    """The number an agent file carries in its stem or name (`03-database-design`)."""
    for text in (entry.stem, entry.name):
        if match := NUMBER_PREFIX_RE.match(text):
            return int(match[1])
    return None


def resolve_name(name: str, source: Entry, catalog: Catalog, kind: str | None, anywhere: bool = False) -> Entry | None:
    """A name or file stem within the source's collection (its group first), or `anywhere` in the catalog after it.

    Bonds in frontmatter may look further: a tool that reads `skills:` finds a skill wherever it is installed.
    """
    found = [e for e in catalog.find(name, source.collection, kind) if e.id != source.id]
    local = [e for e in found if e.collection == source.collection]
    return closest(local, source) or (closest(found, source) if anywhere else None)


def closest(found: list[Entry], source: Entry) -> Entry | None:
    """Of several entries with one name, the one a reader means: same group, then same folder, then path order."""
    folder = posixpath.dirname(source.source)
    return min(found, key=lambda e: (e.group != source.group, posixpath.dirname(e.source) != folder, e.source), default=None)


def suggest(name: str, source: Entry, catalog: Catalog, kind: str | None) -> str | None:
    """The closest known name in the source's collection, for a "did you mean" hint.

    A name the written one begins ("customer-success" → "customer-success-manager") wins; otherwise
    difflib's closest at a ratio of 0.8, high enough that "02-frontend-x" does not suggest "03-backend-x".
    """
    names = sorted({n for e in catalog.in_collection(source.collection) if kind in (None, e.kind) for n in (e.name, e.stem)})
    lowered = {n.lower(): n for n in names if n.lower() != source.name.lower()}
    written = name.lower().strip()
    longer = sorted((n for n in lowered if n.startswith(written)), key=len)
    if longer:
        return lowered[longer[0]]
    close = difflib.get_close_matches(written, list(lowered), n=1, cutoff=0.8)
    return lowered[close[0]] if close else None
