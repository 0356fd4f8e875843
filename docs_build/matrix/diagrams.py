"""Box-drawing selection diagrams ('Node.js:' / '├─ Express.js → Lightweight') read as table rows.

Most box drawings are directory trees or flow charts. A diagram is a selection list only when it
is made of 'Label:' groups whose tree items name frameworks of the vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..markdown.fences import Fence, iter_fences
from ..markdown.linear import strip_border
from .frameworks import Vocabulary

BOX_CHARS_RE = re.compile(r"[├└┌│─┐┘┤┬┴┼╭╮╰╯║═]")
GROUP_RE = re.compile(r"^(?P<label>[A-Za-z.#+][\w .#+/()-]{0,40}):$")
ITEM_RE = re.compile(r"^[├└]─*\s*(?P<name>[^→:]+?)\s*(?:(?:→|->|—|–|:)\s*(?P<when>.*))?$")
TITLE_RE = re.compile(r"^[A-Za-z][^├└─→]*$")
#: Share of items that must name a known framework for the drawing to be a selection list.
MIN_KNOWN_SHARE = 0.75
MIN_ITEMS = 2


@dataclass(frozen=True)
class SelectionRow:
    """One item of a selection diagram, as written, and the framework it names."""

    language: str
    framework: str
    when: str
    line: int
    canonical: str  # the vocabulary's name, e.g. 'Express' for 'Express.js'
    ecosystem: str


@dataclass(frozen=True)
class SelectionDiagram:
    """A fenced selection diagram and its rows."""

    fence: Fence
    title: str
    rows: tuple[SelectionRow, ...]


def parse_selection(fence: Fence, vocabulary: Vocabulary) -> SelectionDiagram | None:
    """Rows of a selection diagram, or None when the drawing is a tree, a flow chart or a box."""
    if not BOX_CHARS_RE.search(fence.code):
        return None
    rows: list[SelectionRow] = []
    titles: list[str] = []
    group = None
    items = known = 0
    for offset, raw in enumerate(fence.code.split("\n")):
        line = strip_border(raw, "│║|")
        if not line or set(line) <= set("─═┌┐└┘├┤┬┴┼╭╮╰╯ "):
            continue
        if match := GROUP_RE.match(line):
            group = match["label"].strip()
            continue
        if match := ITEM_RE.match(line):
            if group is None:
                return None  # a tree without labelled groups: a directory or a decision tree
            items += 1
            framework = vocabulary.by_value(match["name"])
            if framework is None:
                continue
            known += 1
            ecosystem = vocabulary.ecosystem_of(group) or framework.ecosystem
            rows.append(SelectionRow(group, match["name"].strip(), (match["when"] or "").strip(),
                                     fence.code_line + offset, framework.name, ecosystem))
            continue
        if group is None and TITLE_RE.match(line):
            titles.append(line.strip())
            continue
        return None  # anything else (arrows, boxes inside, prose) makes it a flow chart
    if items < MIN_ITEMS or known < MIN_ITEMS or known / items < MIN_KNOWN_SHARE:
        return None
    return SelectionDiagram(fence, titles[0] if titles else "", tuple(rows))


def iter_selections(body: str, first_line: int, vocabulary: Vocabulary) -> list[SelectionDiagram]:
    """Every selection diagram in the fenced blocks of a body."""
    found = []
    for fence in iter_fences(body, first_line):
        if diagram := parse_selection(fence, vocabulary):
            found.append(diagram)
    return found
