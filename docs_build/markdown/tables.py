"""Markdown pipe tables and headings of an entry body: cells split as Python-Markdown splits them, plain
text of a cell, heading ids as its toc makes them. Which tables are troubleshooting tables is decided in
docs_build/troubleshooting/columns.py."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from markdown.extensions.toc import slugify

from .codespans import code_spans
from .fences import fenced_lines
from .linear import atx_heading, unique_id

SEPARATOR_CELL_RE = re.compile(r"^\s*:?-+:?\s*$")
CELL_SPLIT_RE = re.compile(r"(`+)|(\\.)|(\|)")
LINK_RE = re.compile(r"!?\[([^\[\]]*+)\]\([^()]*+\)")  # possessive: a cell of '[a](' is read once
BREAK_RE = re.compile(r"<br\s*/?>", re.I)
TAG_RE = re.compile(r"<[^<>]+>")  # not across another '<': a cell of 20,000 '<' is read once
EMPHASIS_RE = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|~~)")
ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
KEY_RE = re.compile(r"\W+")


@dataclass(frozen=True)
class Heading:
    """An ATX heading of the body: its level, plain text, line and the id Python-Markdown gives it."""

    level: int
    text: str
    line: int
    anchor: str


@dataclass(frozen=True)
class MarkdownTable:
    """One pipe table outside fenced blocks, with its cells as written and where it sits."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int  # line of the header row in the file
    row_lines: tuple[int, ...]
    headings: tuple[Heading, ...]  # the open headings above it, outermost first

    @property
    def heading(self) -> str:
        """Text of the nearest heading above the table ('' when there is none)."""
        return self.headings[-1].text if self.headings else ""


def split_row(line: str) -> list[str]:
    """Cells of one table line; pipes inside code spans or escaped with '\\' do not split."""
    text = line.strip()
    cells, current, position, open_ticks = [], [], 0, ""
    for match in CELL_SPLIT_RE.finditer(text):
        current.append(text[position:match.start()])
        ticks, escaped, pipe = match.groups()
        if ticks:
            open_ticks = "" if ticks == open_ticks else (open_ticks or ticks)
            current.append(ticks)
        elif escaped:
            current.append(escaped)
        elif open_ticks:
            current.append(pipe)
        else:
            cells.append("".join(current))
            current = []
        position = match.end()
    current.append(text[position:])
    cells.append("".join(current))
    if text.startswith("|"):
        cells = cells[1:]
    if text.endswith("|") and not text.endswith("\\|") and cells:
        cells = cells[:-1]
    return [cell.strip() for cell in cells]


def plain_text(cell: str) -> str:
    """A cell's Markdown reduced to readable text: no emphasis, code ticks, links or tags.

    Code spans are kept as written (`List<Builder>`, `__init__`), as the rendered page shows them: the
    row anchors are found again by matching this text against the page's.
    """
    text = BREAK_RE.sub("; ", cell)
    parts, last = [], 0
    for start, end in code_spans(text):  # paired in one pass: a backreference regex took 2 s on 4,000 backticks
        ticks = len(text[start:end]) - len(text[start:end].lstrip("`"))
        parts += [_plain_prose(text[last:start]), text[start + ticks:end - ticks]]
        last = end
    parts.append(_plain_prose(text[last:]))
    return " ".join("".join(parts).split())


def _plain_prose(text: str) -> str:
    """Markdown outside code spans as text: no emphasis, links, tags or escapes."""
    text = LINK_RE.sub(r"\1", text)
    text = TAG_RE.sub("", text).replace("`", "")
    text = EMPHASIS_RE.sub("", text)
    text = ESCAPE_RE.sub(r"\1", text)
    return html.unescape(text)


def match_key(text: str) -> str:
    """What two renderings of one cell share: its letters and digits, lowercased."""
    return KEY_RE.sub("", text.lower())


def iter_headings(body: str, first_line: int = 1) -> list[Heading]:
    """ATX headings outside fenced blocks, with the ids Python-Markdown's toc gives them."""
    return list(_headings(body, first_line))


# Tables, troubleshooting and the matrix each ask for the same body's headings: read them once per build
# (the cache holds every body of a large collection, or the second feature would find it evicted).
@lru_cache(maxsize=4096)
def _headings(body: str, first_line: int) -> tuple[Heading, ...]:
    """The cached reading behind `iter_headings`."""
    headings: list[Heading] = []
    seen: set[str] = set()
    hints: dict[str, str] = {}
    fenced = fenced_lines(body, first_line)
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        if number in fenced or not (match := atx_heading(line)):
            continue
        text = plain_text(match[1])
        headings.append(Heading(len(match[0]), text, number, unique_id(slugify(text, "-"), seen, hints)))
    return tuple(headings)


def iter_tables(body: str, first_line: int = 1) -> list[MarkdownTable]:
    """Pipe tables outside fenced blocks: a header line, a separator line, then body lines."""
    return list(_tables(body, first_line))


# Troubleshooting and the matrix both read every body's tables: once per build.
@lru_cache(maxsize=4096)
def _tables(body: str, first_line: int) -> tuple[MarkdownTable, ...]:
    """The cached reading behind `iter_tables`."""
    lines = body.split("\n")
    fenced = fenced_lines(body, first_line)
    headings = {h.line: h for h in iter_headings(body, first_line)}
    tables: list[MarkdownTable] = []
    trail: list[Heading] = []
    index = 0
    while index < len(lines):
        number = first_line + index
        if heading := headings.get(number):
            trail = [h for h in trail if h.level < heading.level] + [heading]
        if number in fenced or not _is_table_start(lines, index):
            index += 1
            continue
        header = tuple(split_row(lines[index]))
        rows, row_lines = [], []
        index += 2
        while index < len(lines) and "|" in lines[index] and lines[index].strip() and first_line + index not in fenced:
            rows.append(tuple(split_row(lines[index])))
            row_lines.append(first_line + index)
            index += 1
        tables.append(MarkdownTable(header, tuple(rows), number, tuple(row_lines), tuple(trail)))
    return tuple(tables)


def _is_table_start(lines: list[str], index: int) -> bool:
    """A line with a pipe followed by a separator line with as many cells."""
    if index + 1 >= len(lines) or "|" not in lines[index] or "-" not in lines[index + 1]:
        return False
    separator = split_row(lines[index + 1])
    if not separator or not all(SEPARATOR_CELL_RE.match(cell) for cell in separator):
        return False
    return len(split_row(lines[index])) == len(separator)
