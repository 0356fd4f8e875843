"""The prose lines of an entry, each with what a reader sees around it: headings, label line, table header.

A relation is often stated once for many lines: by a heading ("## Delegation"), a label line above a
list ("Integration with other agents:"), or a table header (`| Agent | When dispatched |`). Each line
carries that context so that relations.py can read it; code fences are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from markdown.extensions.toc import slugify

from ..markdown.fences import fenced_lines
from ..markdown.linear import atx_heading, unique_id
from ..markdown.tables import split_row
from ..model import Entry

HEADING_ID_RE = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
BULLET_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
INLINE_MARKUP_RE = re.compile(r"\[([^\[\]]*+)\]\([^()]*+\)|[*_`]")  # possessive, stopping at brackets: linear
#: Relations are stated in short lines; pasted data (a data: URI, minified text) is not prose.
MAX_LINE_CHARS = 2_000


@dataclass(frozen=True)
class ProseLine:
    """One line outside code, with the context a reader uses to understand it."""

    number: int  # line in the file
    text: str
    headings: tuple[str, ...] = ()  # enclosing headings' plain text, outermost first (the H1 title left out)
    anchor: str = ""  # id of the nearest heading, for links to the place
    label: str = ""  # a label line ("Integration with other agents:") the line's list hangs under
    table_header: tuple[str, ...] = ()  # the header cells, when the line is a table body row
    is_heading: bool = False
    in_description: bool = False
    lead: str = ""  # the line before, when this line continues its sentence (hard-wrapped paragraphs)


def prose_lines(entry: Entry) -> Iterator[ProseLine]:
    """The description, then every body line outside code fences, each with its context."""
    yield from description_lines(entry)
    yield from body_lines(entry.body, entry.body_line)


def description_lines(entry: Entry) -> Iterator[ProseLine]:
    """The frontmatter description, one ProseLine per line (a block scalar starts below its key)."""
    if not entry.description:
        return
    first = entry.line_of("description")
    raw = entry.meta.get("description")
    parts = entry.description.split("\n")
    if len(parts) > 1 and isinstance(raw, str):
        first += 1  # `description: |` puts the text on the lines below the key
    for offset, text in enumerate(parts):
        if text.strip():
            yield ProseLine(first + offset, text, in_description=True)


@lru_cache(maxsize=4096)
def body_lines(body: str, first_line: int) -> tuple[ProseLine, ...]:
    """Body lines outside fences with their headings, label line and table header (read once: bonds and handoffs share them)."""
    return tuple(_body_lines(body, first_line))


def _body_lines(body: str, first_line: int) -> Iterator[ProseLine]:
    """The lines of `body_lines`, one at a time."""
    in_code = fenced_lines(body, first_line)
    ids: set[str] = set()
    hints: dict[str, str] = {}
    headings: list[tuple[int, str]] = []
    anchor, label = "", ""
    header: tuple[str, ...] = ()
    context: tuple[str, ...] = ()  # the enclosing headings' text, H1 left out
    lines = body.split("\n")
    previous = ""  # the last prose line, while its paragraph or list item goes on
    for offset, line in enumerate(lines):
        number = first_line + offset
        if number in in_code or len(line) > MAX_LINE_CHARS:
            previous = ""
            continue
        stripped = line.strip()
        if "#" in line[:4] and (heading := atx_heading(line)):  # an ATX heading's '#' is within its first 4 characters
            level, text = len(heading[0]), plain(heading[1])
            headings = [(lv, t) for lv, t in headings if lv < level]
            above = tuple(t for lv, t in headings if lv > 1)
            headings.append((level, text))
            context = above + ((text,) if level > 1 else ())  # the lines below stand under this heading too
            anchor, label, header, previous = heading_id(heading[1], ids, hints), "", (), ""
            yield ProseLine(number, line, above, anchor, is_heading=True)
            continue
        if stripped.startswith("|") or (header and "|" in stripped):
            previous = ""
            following = lines[offset + 1] if offset + 1 < len(lines) else ""
            if SEPARATOR_RE.match(stripped):
                continue
            if SEPARATOR_RE.match(following.strip()):
                header = tuple(split_row(line))
                yield ProseLine(number, line, context, anchor, label)
                continue
            yield ProseLine(number, line, context, anchor, label, header)
            continue
        header = ()
        if stripped and not BULLET_RE.match(line):
            # A line ending in ':' labels the list below it; any other paragraph line ends the label.
            label = plain(stripped) if stripped.endswith((":", ":**", ":*")) else ""
        if stripped:
            lead = previous if not BULLET_RE.match(line) else ""
            yield ProseLine(number, line, context, anchor, label, lead=lead)
        previous = line if stripped else ""


def heading_id(text: str, ids: set[str], hints: dict[str, str] | None = None) -> str:
    """The id Python-Markdown's toc gives a heading (explicit `{#id}` first), made unique like toc does."""
    if explicit := HEADING_ID_RE.search(text):
        ids.add(explicit["id"])
        return explicit["id"]
    return unique_id(slugify(plain(text), "-"), ids, {} if hints is None else hints)


def plain(text: str) -> str:
    """Heading or label text without Markdown emphasis, code marks, link syntax or a trailing colon."""
    text = HEADING_ID_RE.sub("", text)
    return INLINE_MARKUP_RE.sub(lambda m: m.group(1) or "", text).strip().rstrip(":").strip()
