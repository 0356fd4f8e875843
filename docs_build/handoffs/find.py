"""Handoffs and cross-references of every entry: mentions found by name, kept when a relation is stated.

For each line of an entry (context.py) the mentions of its collection's entries are found
(mentions.py, with the gazetteer of names.py), each mention is given the relation its line, table
or section states (relations.py), and resolved to an entry (resolve.py). A mention without a stated
relation is not a handoff; a self-mention never is.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any

from ..cache import fingerprint
from ..catalog import Catalog, EntryName
from ..markdown.codespans import code_spans
from ..markdown.tables import split_row
from ..model import Entry
from ..pages.bodylinks import definition_paths
from .bonds import prose_bonds
from .context import ProseLine, prose_lines
from .mentions import Mention, find_mentions
from .names import NameIndex, entry_keys, name_key
from .relations import Direction, Relation, Vocabulary, relate, vocabulary
from .resolve import number_of

MAX_TOPIC = 80
#: `plugin:name` or `/plugin:command`: Claude Code's names for what a plugin holds.
QUALIFIED_RE = re.compile(r"^/?(?P<plugin>[\w.-]+):(?P<name>[\w.-]+)$")
MARKUP_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`]|<[^>]+>")
TOPIC_TRIM = " \t*_`❌✅⚠️➡️-–—,;:|.>→()[]"
LEADING_JOINER_RE = re.compile(r"^(?:(?:or|and|then|also|for|on|about|regarding|with|to|when|in|via|the)\s+)+", re.I)
#: "Handoff: Database queries", "ESCALATES TO: …": a short label before the topic.
LABEL_RE = re.compile(r"^\s*[\w ]{1,30}:\s+")
SEGMENT_RE = re.compile(r"\s*(?:\||;|,(?![^(]*\)))\s*")
#: Frontmatter keys that list cross-references (Jeffallan's `metadata: related-skills: a, b`).
RELATED_KEYS = ("related-skills", "related_skills", "related-agents", "related_agents", "related")


@dataclass(frozen=True)
class Reference:
    """One statement, on one line of a file, that another entry takes part in this entry's work."""

    line: int
    text: str  # the whole line, stripped
    type: str  # "handoff" or "related"
    label: str  # "delegates to", "receives from", "related"…
    phrase: str  # the relation words as written
    topic: str  # what is handed over, when the line says it
    target: str  # the mention as written: "Agent 03", "planner", "/hub:spawn"
    direction: Direction
    where: str  # where the relation was read: line, table, label, heading, frontmatter
    anchor: str = ""  # id of the heading the line sits under


@dataclass(frozen=True)
class Handoff:
    """A reference from one entry's file to another entry, resolved (target id) or not (None)."""

    source: str  # id of the entry whose file states it
    ref: Reference
    target: str | None

    @property
    def giver(self) -> str | None:
        """Id of the entry that hands work off (the target, for "receives from" statements)."""
        return self.target if self.ref.direction == "from" else self.source

    @property
    def receiver(self) -> str | None:
        """Id of the entry that receives the work."""
        return self.source if self.ref.direction == "from" else self.target

    def to_json(self) -> dict[str, Any]:
        """The shape of a handoff (or cross-reference) in catalog.json."""
        ref = self.ref
        return {
            "target": self.target, "text": ref.text, "topic": ref.topic, "line": ref.line, "kind": ref.where,
            "label": ref.label, "resolved": self.target is not None, "direction": ref.direction,
            "phrase": ref.phrase, "written": ref.target,
        }


def find_handoffs(catalog: Catalog) -> list[Handoff]:
    """Every handoff and cross-reference of every entry, resolved within its collection."""
    vocab = vocabulary()
    names = catalog.names
    # What an entry's handoffs read besides its own file: its collection's names and every file's path.
    paths = Paths({path: names.by_id[entry.id] for path, entry in definition_paths(catalog.entries).items()})
    indexes = {c: NameIndex([n for n in names.all if n.collection == c]) for c in catalog.collections}
    found: list[Handoff] = []
    for entry in catalog.entries:
        found += catalog.memory.call(entry.id, entry_handoffs, entry, indexes[entry.collection], paths, vocab)
    return found


class Paths:
    """Every definition file's content path (and a SKILL.md's folder) with the entry it is: what a written path
    is resolved against. An input of remembered results, so it carries its fingerprint."""

    def __init__(self, by_path: dict[str, EntryName]) -> None:
        self.by_path = by_path
        self._fingerprint = fingerprint(tuple(by_path.items()))

    def fingerprint(self) -> bytes:
        """A digest of every path and the entry it names."""
        return self._fingerprint


def entry_handoffs(entry: Entry, index: NameIndex, paths: Paths, vocab: Vocabulary) -> list[Handoff]:
    """The handoffs and cross-references one entry's file states, one per target and line."""
    own = entry_keys(entry)
    numbered = number_of(entry) is not None
    found: list[Handoff] = []
    for line in prose_lines(entry):
        mentions = find_mentions(line.text, index, vocab.tool_words, vocab.entry_words, numbered)
        if not mentions or prose_bonds(line.text, entry.kind):
            continue  # no mention; or a bond ("`x` (PRIMARY_BOND)"), which bonds.py records
        visible = _without_code(line.text, mentions)
        seen: set[str] = set()
        for mention, relation in zip(mentions, relate(line, mentions, visible, vocab)):
            if relation is None or mention.key in own or mention.number is not None and mention.number == number_of(entry):
                continue
            target = resolve_mention(mention, entry, index, paths)
            if target is None and mention.form not in ("number", "typed", "candidate"):
                continue  # a path to a reference document, a name of another collection
            if target is not None and target.id == entry.id or (key := target.id if target else mention.written) in seen:
                continue
            seen.add(key)
            ref = _reference(line, mention, relation)
            found.append(Handoff(entry.id, ref, target.id if target else None))
    found += frontmatter_related(entry, index)
    return found


def resolve_mention(mention: Mention, source: Entry, index: NameIndex, paths: Paths) -> EntryName | None:
    """The entry a mention names: numbers within the folder, paths by file, names by name or stem, and a plugin's
    `plugin:name` (or `/plugin:command`, Claude Code's namespaced form) within that plugin only."""
    if mention.number is not None:
        return index.numbered(mention.number, source)
    if mention.path:
        return resolve_path(mention.path, source, index, paths)
    qualified = QUALIFIED_RE.match(mention.written)
    if qualified and index.has_group(qualified["plugin"]):  # a plugin of this collection: only its own entry will do
        return index.in_group(qualified["name"], qualified["plugin"], source)
    if qualified and index.has_group() and name_key(qualified["plugin"]) not in name_key(source.collection):
        return None  # another marketplace's plugin, in a collection of plugins
    return index.named(mention.key, source)  # `superpowers:brainstorming` in the superpowers collection itself


def resolve_path(written: str, source: Entry, index: NameIndex, paths: Paths) -> EntryName | None:
    """A path relative to the source file, or else the collection's one file whose path ends with it."""
    path = written.split("#")[0].split("?")[0].rstrip("/")
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source.source), path))
    if joined in paths.by_path:
        return paths.by_path[joined]
    tail = "/" + posixpath.normpath(path).lstrip("./").lower()
    ends = [e for e, file, folder in index.tails if file.endswith(tail) or folder.endswith(tail)]
    return ends[0] if len(ends) == 1 else None


def frontmatter_related(entry: Entry, index: NameIndex) -> list[Handoff]:
    """Cross-references listed in frontmatter (`related-skills: a, b`, also inside `metadata:`)."""
    found = []
    for holder, line_key in ((entry.meta, None), (entry.meta.get("metadata"), "metadata")):
        if not isinstance(holder, dict):
            continue
        for key in RELATED_KEYS:
            value = holder.get(key)
            names = value if isinstance(value, list) else str(value).split(",") if value else []
            line = entry.line_of(line_key or key)
            for name in (str(n).strip() for n in names):
                target = index.named(name_key(name), entry) if name else None
                if target is not None:
                    ref = Reference(line, f"{key}: {name}", "related", "related", key, "", name, "to", "frontmatter")
                    found.append(Handoff(entry.id, ref, target.id))
    return found


def _reference(line: ProseLine, mention: Mention, relation: Relation) -> Reference:
    """The Reference for one related mention, with the topic its line gives."""
    return Reference(
        line.number, line.text.strip(), relation.type, relation.label, relation.phrase, topic_of(line, mention, relation),
        mention.written, relation.direction, relation.where, line.anchor,
    )


def topic_of(line: ProseLine, mention: Mention, relation: Relation) -> str:
    """What the line says is handed over: the rest of the mention's cell, clause or list item."""
    text = line.text
    if line.table_header:
        cells = [cell for cell in split_row(text) if mention.written not in cell]
        return next((t for c in cells if (t := _clean(c, relation))), "")
    pieces = SEGMENT_RE.split(text)
    position = 0
    for piece in pieces:
        found = text.find(piece, position)
        if found <= mention.start < found + len(piece) + 1:
            return _clean(piece.replace(text[mention.start:mention.end], " "), relation)
        position = max(position, found)
    return ""


def _clean(text: str, relation: Relation) -> str:
    """A topic without markup, relation words, list markers or joining words."""
    text = MARKUP_RE.sub(lambda m: m.group(1) or "", text)
    text = re.sub(re.escape(relation.phrase), " ", text, flags=re.I) if relation.phrase else text
    text = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", text)
    text = LABEL_RE.sub("", text)
    text = " ".join(text.split()).strip(TOPIC_TRIM)
    text = LEADING_JOINER_RE.sub("", text).strip(TOPIC_TRIM)
    return text if len(text) <= MAX_TOPIC else text[: MAX_TOPIC - 1].rstrip() + "…"


def _without_code(text: str, mentions: list[Mention]) -> str:
    """The line with code spans that are not mentions blanked out: relation words in code do not count."""
    keep = [(m.start, m.end) for m in mentions]
    pieces, last = [], 0
    for start, end in code_spans(text):
        if any(a <= start and end <= b for a, b in keep):
            continue
        pieces += [text[last:start], " " * (end - start)]
        last = end
    return "".join(pieces) + text[last:]
