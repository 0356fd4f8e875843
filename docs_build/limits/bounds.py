"""Bound what Markdown sees: markup that Python-Markdown reads in more than linear time is made plain text.

Python-Markdown scans to the end of a paragraph for every '[' that no ']' closes and every '](' that no
')' closes, to the next '>' for every '<tag' (through the whole file), rebuilds a paragraph's text for each
inline match, renumbers a repeated heading id once per earlier twin, highlights every fenced block, and
recurses once per level of nested lists (300 levels raised RecursionError). A hostile 50 KB paragraph of
'[' took minutes. Past a limit well above what real files use (none of the 1,634 corpus and seed files is
changed), such markup is escaped (it reads the same, as text), long markup-heavy paragraphs are split, and
the file gets a `markup-bounded` warning at the line. The parser reports; render.py shows the bounded text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..markdown.codespans import blank_code_spans
from ..markdown.fences import fenced_lines, iter_fences
from ..model import Location, Problem
from .table import (
    MAX_BLOCK_CHARS,
    MAX_BLOCK_MARKUP,
    MAX_BRACKET_DEPTH,
    MAX_FENCES,
    MAX_HEADING_CHARS,
    MAX_HTML_DEPTH,
    MAX_INDENT,
    MAX_LIST_DEPTH,
    MAX_MARKDOWN_ATTRIBUTES,
    MAX_QUOTE_DEPTH,
    MAX_SAME_HEADING,
    MAX_TIGHT_DEFINITIONS,
    MAX_UNCLOSED,
)

HTML_TAG_RE = re.compile(r"<(/?)([A-Za-z][\w-]*)[^<>]*?(/?)>")
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
DEFINITION_RE = re.compile(r"^ {0,3}:[ \t]")
MARKDOWN_ATTRIBUTE_RE = re.compile(r"<[A-Za-z][^<>]*?\s(markdown)\s*=", re.I)
LIST_MARKER_RE = re.compile(r"(?:([*+-])|\d{1,9}([.)]))[ \t]+")
LIST_MARKERS_RE = re.compile(r"^[ \t]*(?:(?:[*+-]|\d{1,9}[.)])[ \t]+){%d}" % (MAX_LIST_DEPTH + 1))
INLINE_MARK_RE = re.compile(r"[\[\]()*_`\\<&!{~:^=#]")
MARKUP_RE = re.compile(r"[\[\]()]")
TAG_MARK_RE = re.compile(r"<(?=[A-Za-z/!?])|>")
ATX_RE = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)(.*)$")
SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
#: A heading's trailing attribute list (attr_list): `## Task {id}` or `{: .x id}`. A bare `id` there gives the heading
#: an id of None, and Python-Markdown's toc then raises a TypeError that stops the whole build.
HEADING_ATTRIBUTES_RE = re.compile(r"[ \t]\{:?([^}\n]*)\}[ \t]*$")
EMPTY_ID_RE = re.compile(r"(?:^|\s)id=?(?:\s|$)")
QUOTE_RE = re.compile(r"^ {0,3}(?:> ?)+")
BLOCK_START_RE = re.compile(r"^ {0,3}(?:[*+-][ \t]|\d{1,9}[.)][ \t]|\||#)")


@dataclass
class _Edits:
    """Characters to replace, by (line index, column), paragraph breaks to insert, and what was bounded where."""

    at: dict[tuple[int, int], str]
    notes: list[tuple[int, str]]
    breaks: set[tuple[int, int]] = field(default_factory=set)  # a paragraph break goes before this character

    def escape(self, spots: list[tuple[int, int]], text: str) -> None:
        for spot in spots:
            self.at[spot] = text


def bound_markdown(body: str) -> tuple[str, list[tuple[int, str]]]:
    """`body` with quadratic markup escaped and long paragraphs split, and (0-based line, what was done) notes.

    Split paragraphs add lines: use the text for display only, and the notes' lines against `body`.
    """
    text, notes = _bound(body)
    return text, list(notes)


# Parsing reports the notes and render.py shows the text of the same body: it is bounded once per build.
@lru_cache(maxsize=4096)
def _bound(body: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The cached work behind `bound_markdown`."""
    lines = body.split("\n")
    code = fenced_lines(body, 0)
    visible = [None if i in code else _visible(line) for i, line in enumerate(lines)]
    edits = _Edits({}, [])
    _bound_fences(body, lines, visible, edits)
    demoted = _bound_headings(lines, visible, edits)
    for block in _blocks(lines, visible, demoted):
        _bound_brackets(block, visible, edits)
        _split_long(block, lines, edits)
        _loosen_definitions(block, lines, edits)
    _bound_tags(visible, edits)
    _bound_quotes(lines, visible, edits)
    _bound_lists(lines, visible, edits)
    _bound_markdown_attributes(visible, edits)
    _bound_empty_ids(lines, visible, edits)
    if not edits.at and not edits.breaks:
        return body, ()
    by_line: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for (index, column), text in edits.at.items():
        by_line[index].append((column, text))
    for index, column in edits.breaks:
        by_line[index].append((column, "\n\n" + edits.at.get((index, column), lines[index][column: column + 1])))
    for index, changes in by_line.items():
        line, pieces, last = lines[index], [], 0
        for column, text in sorted(changes, key=lambda change: (change[0], "\n\n" not in change[1])):
            if column < last:
                continue  # an escape already placed after its paragraph break
            pieces += [line[last:column], text]
            last = column + 1
        lines[index] = "".join(pieces) + line[last:]
    return "\n".join(lines), tuple(sorted(edits.notes))


def bound_problems(path: str, notes: list[tuple[int, str]], first_line: int) -> list[Problem]:
    """The notes of `bound_markdown` as warnings at their file lines."""
    return [
        Problem(Location(path, first_line + index), "warning", "markup-bounded", note,
                "balance the markup, or put such text in a code block")
        for index, note in notes
    ]


def _visible(line: str) -> str:
    """The line with code spans and backslash-escaped characters blanked, so neither is counted."""
    line = blank_code_spans(line)
    return re.sub(r"\\.", "\0\0", line) if "\\" in line else line


def _blocks(lines: list[str], visible: list[str | None], demoted: set[int]) -> list[list[int]]:
    """Line indexes of each inline block: a paragraph, list item, table row or heading (not a demoted one)."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for index, line in enumerate(lines):
        text = visible[index]
        if text is None or not line.strip() or BLOCK_START_RE.match(line) and index not in demoted:
            if current:
                blocks.append(current)
            current = [] if text is None or not line.strip() else [index]
            continue
        current.append(index)
    if current:
        blocks.append(current)
    return blocks


def _bound_brackets(block: list[int], visible: list[str | None], edits: _Edits) -> None:
    """Escape unclosed '[' and '](' openers when a block has many, and brackets nested too deep."""
    brackets: list[tuple[tuple[int, int], bool]] = []  # open '[': (spot, deeper than allowed)
    parens: list[tuple[tuple[int, int], bool]] = []  # open '(': (spot, opens a link target)
    deep: list[tuple[int, int]] = []
    for index in block:
        text = visible[index] or ""
        if not brackets and not parens and "[" not in text and "(" not in text:
            continue  # nothing open and nothing opening: its closers pop nothing
        for match in MARKUP_RE.finditer(text):
            spot, char = (index, match.start()), match.group()
            if char == "[":
                brackets.append((spot, len(brackets) >= MAX_BRACKET_DEPTH))
            elif char == "]" and brackets:
                opened, too_deep = brackets.pop()
                if too_deep:
                    edits.at[opened], edits.at[spot] = "\\[", "\\]"
                    deep.append(spot)
            elif char == "(":
                parens.append((spot, match.start() > 0 and text[match.start() - 1] == "]"))
            elif char == ")" and parens:
                parens.pop()
    unclosed = [spot for spot, _ in brackets]
    unclosed_links = [spot for spot, is_link in parens if is_link]
    if len(unclosed) > MAX_UNCLOSED:
        edits.escape(unclosed, "\\[")
        edits.notes.append((block[0], f"{len(unclosed)} unclosed '[' in one paragraph are shown as text"))
    if len(unclosed_links) > MAX_UNCLOSED:
        edits.escape(unclosed_links, "\\(")
        edits.notes.append((block[0], f"{len(unclosed_links)} unclosed link targets '](' in one paragraph are shown as text"))
    if deep:
        edits.notes.append((block[0], f"{len(deep)} bracket pairs nested deeper than {MAX_BRACKET_DEPTH} levels are shown as text"))


def _bound_fences(body: str, lines: list[str], visible: list[str | None], edits: _Edits) -> None:
    """Past MAX_FENCES fenced blocks, wrap the rest of the body in one fence longer than any inside it."""
    fences = iter_fences(body, 0)
    if len(fences) <= MAX_FENCES:
        return
    cut = fences[MAX_FENCES].start_line
    longest = max(len(line.lstrip(" ")) - len(line.lstrip(" ").lstrip("`")) for line in lines[cut:])
    marker = "`" * max(3, longest + 1)
    for index in range(cut, len(lines)):
        visible[index] = None
    edits.at[(cut, 0)] = f"{marker}text\n{lines[cut][:1]}"
    edits.at[(len(lines) - 1, len(lines[-1]))] = f"\n{marker}\n"
    edits.notes.append((cut, f"{len(fences)} fenced blocks: past {MAX_FENCES}, the rest of the file is shown as one block"))


def _split_long(block: list[int], lines: list[str], edits: _Edits) -> None:
    """Break a paragraph longer than MAX_BLOCK_CHARS into paragraphs, at a space where there is one."""
    total = sum(len(lines[index]) + 1 for index in block)
    if total <= MAX_BLOCK_CHARS or sum(len(INLINE_MARK_RE.findall(lines[index])) for index in block) <= MAX_BLOCK_MARKUP:
        return
    run = 0
    for index in block:
        line = lines[index]
        if run and run + len(line) > MAX_BLOCK_CHARS:
            edits.breaks.add((index, 0))
            run = 0
        start = 0
        while len(line) - start > MAX_BLOCK_CHARS - run:
            cut = line.rfind(" ", start + 1, start + MAX_BLOCK_CHARS - run)
            cut = cut if cut > start else start + MAX_BLOCK_CHARS - run
            edits.breaks.add((index, cut))
            start, run = cut, 0
        run += len(line) - start + 1
    edits.notes.append((block[0], f"a paragraph of {total} characters is split into paragraphs of at most {MAX_BLOCK_CHARS}"))


def _loosen_definitions(block: list[int], lines: list[str], edits: _Edits) -> None:
    """Past MAX_TIGHT_DEFINITIONS definitions in one block, put a blank line before each term."""
    definitions = [index for index in block if DEFINITION_RE.match(lines[index])]
    if len(definitions) <= MAX_TIGHT_DEFINITIONS:
        return
    for index in definitions:
        if index - 1 > block[0] and not DEFINITION_RE.match(lines[index - 1]):  # a block is consecutive lines
            edits.breaks.add((index - 1, 0))
    edits.notes.append((block[0], f"{len(definitions)} definitions without blank lines are spaced out"))


def _bound_markdown_attributes(visible: list[str | None], edits: _Edits) -> None:
    """Rename `markdown=` attributes past MAX_MARKDOWN_ATTRIBUTES in a file to `data-markdown=`."""
    found = [(index, match.start(1)) for index, text in enumerate(visible) if text and "markdown" in text.lower()
             for match in MARKDOWN_ATTRIBUTE_RE.finditer(text)]
    if not found or len(found) <= MAX_MARKDOWN_ATTRIBUTES and _html_depth(visible) <= MAX_HTML_DEPTH:
        return
    for index, column in found:  # all of them: raw elements nested inside a markdown one are recursed into too
        edits.at[(index, column)] = "data-" + (visible[index] or "")[column]
    edits.notes.append((found[0][0], f"{len(found)} HTML elements with markdown= in HTML nested too deep or too often: "
                                     "their content is shown as written"))


def _bound_empty_ids(lines: list[str], visible: list[str | None], edits: _Edits) -> None:
    """Show a heading's `{… id …}` (an id attribute without a value) as text: Python-Markdown cannot render it."""
    for index, text in enumerate(visible):
        if not text or "{" not in text or not (match := HEADING_ATTRIBUTES_RE.search(text)):
            continue
        underlined = index + 1 < len(lines) and visible[index + 1] is not None and SETEXT_RE.match(lines[index + 1])
        if not (ATX_RE.match(text) or underlined) or not EMPTY_ID_RE.search(match[1]):
            continue
        column = match.start() + 1  # the '{'
        edits.at[(index, column)] = "\\{"
        edits.notes.append((index, f"'{match[0].strip()}' at the end of this heading reads as an attribute list that sets "
                                   "an empty id, which Python-Markdown cannot render: the braces are shown as text"))


def _html_depth(visible: list[str | None]) -> int:
    """How deep HTML elements nest in the file (void and self-closed elements aside)."""
    depth = deepest = 0
    for text in visible:
        for match in HTML_TAG_RE.finditer(text or ""):
            if match[1]:
                depth = max(0, depth - 1)
            elif not match[3] and match[2].lower() not in VOID_TAGS:
                depth += 1
                deepest = max(deepest, depth)
    return deepest


def _bound_tags(visible: list[str | None], edits: _Edits) -> None:
    """Escape '<tag' openers that reach another '<' before any '>', when a file has many."""
    unclosed: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    for index, text in enumerate(visible):
        if text is None or "<" not in text:
            if text and ">" in text:
                pending = None
            continue
        for match in TAG_MARK_RE.finditer(text):
            if match.group() == ">":
                pending = None
                continue
            if pending is not None:
                unclosed.append(pending)
            pending = (index, match.start())
    if pending is not None:
        unclosed.append(pending)
    if len(unclosed) > MAX_UNCLOSED:
        edits.escape(unclosed, "&lt;")
        edits.notes.append((unclosed[0][0], f"{len(unclosed)} unclosed HTML tags '<…' are shown as text"))


def _bound_headings(lines: list[str], visible: list[str | None], edits: _Edits) -> set[int]:
    """Show headings as text past MAX_SAME_HEADING of one text; returns their lines, now paragraph text."""
    seen: Counter[str] = Counter()
    demoted: set[int] = set()
    first_extra = None
    for index, line in enumerate(lines):
        if visible[index] is None:
            continue
        if SETEXT_RE.match(line) and index and visible[index - 1] and lines[index - 1].strip():
            seen[lines[index - 1].strip().lower()] += 1  # 'Title' underlined with === or ---
            if seen[lines[index - 1].strip().lower()] > MAX_SAME_HEADING:
                edits.breaks.add((index, 0))  # the underline on its own: the title stays a paragraph
                first_extra = index - 1 if first_extra is None else first_extra
            continue
        if "#" not in line[:4] or not (match := ATX_RE.match(line)):
            continue
        key = match[3].strip(" #\t").lower()
        seen[key] += 1
        if seen[key] > MAX_SAME_HEADING or len(line) > MAX_HEADING_CHARS:
            edits.at[(index, len(match[1]))] = "\\#"
            demoted.add(index)
            first_extra = index if first_extra is None else first_extra
    if first_extra is not None:
        edits.notes.append((first_extra, f"headings repeated more than {MAX_SAME_HEADING} times or longer than "
                                         f"{MAX_HEADING_CHARS} characters are shown as text"))
    return demoted


def _bound_lists(lines: list[str], visible: list[str | None], edits: _Edits) -> None:
    """Cut indentation past MAX_INDENT columns and list markers past MAX_LIST_DEPTH on one line."""
    first = None
    for index, line in enumerate(lines):
        if visible[index] is None or not line[:1].isspace() and not LIST_MARKERS_RE.match(line):
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        if len(line[:indent].expandtabs(4)) > MAX_INDENT:
            for column in range(indent):
                edits.at[(index, column)] = ""
            edits.at[(index, 0)] = " " * MAX_INDENT
            first = index if first is None else first
        elif match := LIST_MARKERS_RE.match(line):
            marker = list(LIST_MARKER_RE.finditer(match.group()))[MAX_LIST_DEPTH]
            column = marker.start(1) if marker.group(1) else marker.start(2)
            edits.at[(index, column)] = "\\" + line[column]
            first = index if first is None else first
    if first is not None:
        edits.notes.append((first, f"lists nested deeper than {MAX_LIST_DEPTH} levels are flattened"))


def _bound_quotes(lines: list[str], visible: list[str | None], edits: _Edits) -> None:
    """Blockquote markers past MAX_QUOTE_DEPTH on a line are shown as text."""
    first = None
    for index, line in enumerate(lines):
        if visible[index] is None or ">" not in line[:4] or not (match := QUOTE_RE.match(line)):
            continue
        markers = [m.start() for m in re.finditer(">", match.group())]
        if len(markers) > MAX_QUOTE_DEPTH:
            edits.at[(index, markers[MAX_QUOTE_DEPTH])] = "\\>"
            first = index if first is None else first
    if first is not None:
        edits.notes.append((first, f"blockquotes nested deeper than {MAX_QUOTE_DEPTH} levels are shown as text"))
