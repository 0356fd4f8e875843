"""Per-file memory for rebuilds in one process (`mkdocs serve`): a file whose bytes did not change is
not parsed or analysed again.

Parsing is keyed by the file's content hash and returns the very same `Entry` object, so per-entry
results can be keyed by that object's identity plus whatever else they read (a collection's names, say).
Cross-entry work (resolution, back-links, hub rows, graphs) is recomputed from these results each build.
"""

from __future__ import annotations

import hashlib
from typing import Any, Callable, Hashable, TypeVar

from .model import Entry, Problem, Source

T = TypeVar("T")
Parsed = tuple[Entry | None, list[Problem]]

_PARSED: dict[str, tuple[Hashable, Parsed]] = {}
_PER_ENTRY: dict[tuple[str, str], tuple[Entry, Any, Any]] = {}
_BY_KEY: dict[tuple[str, Hashable], Any] = {}
_PER_LISTING: dict[tuple[str, str], tuple[list[Entry], Any, Any]] = {}


def parse_cached(source: Source, data: bytes, unique_id: str, parse: Callable[[Source, bytes, str], Parsed]) -> Parsed:
    """`parse(source, data, unique_id)`, or the result of the last call for the same path, id and bytes."""
    key = (source, unique_id, hashlib.blake2b(data, digest_size=16).digest())
    hit = _PARSED.get(source.path)
    if hit is not None and hit[0] == key:
        return hit[1]
    result = parse(source, data, unique_id)
    _PARSED[source.path] = (key, result)
    return result


def per_entry(feature: str, entry: Entry, context: Any, compute: Callable[[], T]) -> T:
    """`compute()` for one entry, reused while the entry is the same parsed object and `context` is equal.

    Callers must not mutate what they get back: the next build may be handed the same value.
    """
    slot = (feature, entry.id)
    hit = _PER_ENTRY.get(slot)
    if hit is not None and hit[0] is entry and (hit[1] is context or hit[1] == context):
        return hit[2]
    value = compute()
    _PER_ENTRY[slot] = (entry, context, value)
    return value


def per_listing(feature: str, key: str, entries: list[Entry], context: Any, compute: Callable[[], T]) -> T:
    """`compute()` for a page made of many entries (a folder's listing), reused while each is the same parsed
    object, in the same order, and `context` is equal. The same rule as `per_entry`: do not mutate the value."""
    slot = (feature, key)
    hit = _PER_LISTING.get(slot)
    if (hit is not None and len(hit[0]) == len(entries) and all(a is b for a, b in zip(hit[0], entries))
            and hit[1] == context):
        return hit[2]
    value = compute()
    _PER_LISTING[slot] = (list(entries), context, value)
    return value


def names_signature(entries: list[Entry]) -> int:
    """What pages read of other entries (ids, names, kinds, places): a context for `per_entry`."""
    return hash(tuple((e.id, e.name, e.stem, e.kind, e.collection, e.group, e.source) for e in entries))


def recall(feature: str, key: Hashable) -> Any | None:
    """What `remember` stored for this key (a snippet's language and code, say), or None."""
    return _BY_KEY.get((feature, key))


def remember(feature: str, key: Hashable, value: Any, limit: int = 100_000) -> None:
    """Store a value that depends on `key` alone."""
    if len(_BY_KEY) >= limit:
        _BY_KEY.clear()  # a crude bound: the next build refills it
    _BY_KEY[(feature, key)] = value


def forget() -> None:
    """Drop everything remembered (tests, or a content directory switched under a running process)."""
    _PARSED.clear()
    _PER_ENTRY.clear()
    _BY_KEY.clear()
    _PER_LISTING.clear()
