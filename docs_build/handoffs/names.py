"""What each entry can be called: the gazetteer a collection's lines are searched with.

A reader recognises another agent or skill by its frontmatter `name`, its file stem, the folder of a
`SKILL.md`, or the number of an `NN-*.md` agent ("Agent 3"). Every such name of a collection goes into
one trie-shaped regular expression, so a line is searched once, not once per name.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..cache import fingerprint
from ..model import Entry
from .resolve import closest, number_of

#: Shorter names ("qa", "ui") are ordinary words far more often than they are names.
MIN_NAME_CHARS = 3
#: Between the words of a name: "backend-developer", "backend developer", "Backend_Developer".
WORD_GAP = r"[\s_-]++"  # possessive: a long run of dashes cannot make the match backtrack
KEY_GAP_RE = re.compile(r"[\s_-]+")


def name_key(text: str) -> str:
    """A name as one spelling: lowercase, words joined by '-'."""
    return KEY_GAP_RE.sub("-", text.strip().lower()).strip("-")


def entry_keys(entry: Entry) -> set[str]:
    """The keys an entry is known by: frontmatter name and file stem (a SKILL.md's folder)."""
    return {key for key in (name_key(entry.name), name_key(entry.stem)) if len(key) >= MIN_NAME_CHARS}


@dataclass
class NameIndex:
    """Every name of one collection's entries, and a pattern that finds them in text."""

    entries: list[Entry]
    by_key: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_number: dict[int, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    pattern: re.Pattern[str] | None = None
    #: Each entry with its file and folder path, lowercased and led by '/': what a written path's tail is matched against.
    tails: list[tuple[Entry, str, str]] = field(default_factory=list)
    _fingerprint: bytes | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.tails = [(e, "/" + e.source.lower(), "/" + posixpath.dirname(e.source).lower()) for e in self.entries]
        for entry in self.entries:
            for key in entry_keys(entry):
                self.by_key[key].append(entry)
            if entry.kind == "agent" and (number := number_of(entry)) is not None:
                self.by_number[number].append(entry)
        if self.by_key:
            self.pattern = re.compile(rf"(?<![\w-])(?:{trie_pattern(self.by_key)})(?![\w]|[-.]\w)", re.I)

    def fingerprint(self) -> bytes:
        """A digest of every field the index reads of its entries: ids, names, stems, kinds and places."""
        if self._fingerprint is None:
            self._fingerprint = fingerprint(tuple((e.id, e.kind, e.collection, e.group, e.source, e.stem, e.name)
                                                  for e in self.entries))
        return self._fingerprint

    def named(self, key: str, source: Entry) -> Entry | None:
        """The entry a name means from `source`'s point of view (never `source` itself)."""
        return closest([e for e in self.by_key.get(key, []) if e.id != source.id], source)

    def has_group(self, group: str | None = None) -> bool:
        """Whether some entry of the collection is in the plugin or category `group` (or in any, without one)."""
        return any(e.group and (group is None or name_key(e.group) == name_key(group)) for e in self.entries)

    def in_group(self, key: str, group: str, source: Entry) -> Entry | None:
        """The entry called `key` inside the plugin or category `group` (a `plugin:name` reference), never elsewhere."""
        found = [e for e in self.by_key.get(name_key(key), []) if e.id != source.id and name_key(e.group or "") == name_key(group)]
        return closest(found, source)

    def numbered(self, number: int, source: Entry) -> Entry | None:
        """"Agent N" from `source`: the NN-* agent of its own plugin, its own folder first."""
        folder = posixpath.dirname(source.source)
        found = [e for e in self.by_number.get(number, []) if e.group == source.group and e.id != source.id]
        found.sort(key=lambda e: (posixpath.dirname(e.source) != folder, e.source))
        return found[0] if found else None


def trie_pattern(keys: dict[str, object] | set[str]) -> str:
    """One regex alternation of every key, shaped as a trie so matching costs the same for 10 or 1,000 names.

    A '-' in a key matches any run of spaces, '-' or '_' in the text.
    """
    trie: dict[str, dict] = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, dict]) -> str:
    """The regex for one trie node: its branches as an alternation, optional when a key ends here."""
    branches = [(WORD_GAP if char == "-" else re.escape(char)) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body
