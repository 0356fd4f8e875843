"""Memory for rebuilds in one process (`mkdocs serve`): a result is reused while everything it was computed
from is the same, so an edit re-parses and re-renders only what it touches.

A result's key is computed from its inputs (`fingerprint`), and the computation is called with exactly those
inputs (`Memory.call(slot, compute, *inputs)` runs `compute(*inputs)`): nothing it reads can be left out of
the key. An input is plain data (text, numbers, tuples, mappings, frozen dataclasses) or an object that says
what it holds with a `fingerprint()` method (an Entry: the bytes of its file, its path and id; the catalog's
names; a vocabulary: the data file it was read from). Anything else is refused with a TypeError.

The plugin makes one `Memory` for the process; `check`, tests and a plain `build_atlas` get a fresh one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


def fingerprint(value: Any) -> bytes:
    """A digest of everything `value` holds (16 bytes); equal values give equal digests."""
    hasher = hashlib.blake2b(digest_size=16)
    _feed(hasher, value)
    return hasher.digest()


def _feed(hasher: Any, value: Any) -> None:
    """Add one value to the digest, tagged by its shape so that ("a", "b") and ("ab",) differ."""
    if value is None or isinstance(value, (bool, int, float)):
        hasher.update(b"n" + repr(value).encode() + b";")
    elif isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
        hasher.update(b"s%d:" % len(data) + data)
    elif isinstance(value, bytes):
        hasher.update(b"b%d:" % len(value) + value)
    elif callable(getattr(value, "fingerprint", None)):
        hasher.update(b"f" + value.fingerprint())
    elif isinstance(value, (tuple, list)):
        hasher.update(b"l%d:" % len(value))
        for item in value:
            _feed(hasher, item)
    elif isinstance(value, (set, frozenset)):
        hasher.update(b"e%d:" % len(value) + b"".join(sorted(fingerprint(item) for item in value)))
    elif isinstance(value, dict):
        hasher.update(b"d%d:" % len(value))
        for key, item in value.items():  # in order: the order of a mapping can show on a page
            _feed(hasher, key)
            _feed(hasher, item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        hasher.update(b"c" + type(value).__qualname__.encode() + b":")
        for spec in dataclasses.fields(value):
            _feed(hasher, getattr(value, spec.name))
    elif isinstance(value, re.Pattern):
        _feed(hasher, (value.pattern, value.flags))
    else:
        raise TypeError(f"no fingerprint for a {type(value).__name__}: pass plain data, or give it a fingerprint() "
                        "of everything it holds")


class Memory:
    """Results of one process, one per slot (an entry's id, say), reused while their inputs are the same."""

    def __init__(self, limit: int = 100_000) -> None:
        self._slots: dict[tuple[Callable[..., Any], Hashable], tuple[bytes, Any]] = {}
        self._values: dict[Hashable, Any] = {}
        self._limit = limit
        self.hits = self.misses = 0  # for tests and the serve log

    def call(self, slot: Hashable, compute: Callable[..., T], *inputs: Any) -> T:
        """`compute(*inputs)`, or its last result in this slot when the inputs are the same.

        Callers must not mutate what they get back: the next build may be handed the same value.
        """
        key = fingerprint(inputs)
        hit = self._slots.get((compute, slot))
        if hit is not None and hit[0] == key:
            self.hits += 1
            return hit[1]
        self.misses += 1
        value = compute(*inputs)
        self._slots[(compute, slot)] = (key, value)
        return value

    def recall(self, key: Hashable) -> Any | None:
        """A value stored under a key that is itself everything it depends on (a snippet's language and code)."""
        return self._values.get(key)

    def remember(self, key: Hashable, value: Any) -> None:
        """Store a value that depends on `key` alone."""
        if len(self._values) >= self._limit:
            self._values.clear()  # a crude bound: the next build refills it
        self._values[key] = value
