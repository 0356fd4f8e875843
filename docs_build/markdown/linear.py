"""Text scans in linear time, for shapes a lazy regular expression reads once per position of a long line.

`^#+ (.*?)(?: #+)?[ \t]*$` and `\\(.*?\\)` look harmless, but on a line with a long run of spaces or of
'(' each candidate end rescans the run: 20,000 spaces in a heading took 15 s. These do the same work with
string methods, which scan each character a bounded number of times.
"""

from __future__ import annotations

import re

ATX_OPEN_RE = re.compile(r" {0,3}(#{1,6})[ \t]+")


def atx_heading(line: str) -> tuple[str, str] | None:
    """(marks, text) of an ATX heading line, its closing '#'s and trailing blanks dropped; None otherwise."""
    match = ATX_OPEN_RE.match(line)
    if match is None:
        return None
    text = line[match.end():].rstrip(" \t")
    unclosed = text.rstrip("#")
    if unclosed != text and unclosed[-1:] in (" ", "\t"):
        text = unclosed.rstrip(" \t")
    return match[1], text


def strip_border(line: str, border: str) -> str:
    """The line without leading and trailing whitespace or `border` characters."""
    start, end = 0, len(line)
    while start < end and (line[start].isspace() or line[start] in border):
        start += 1
    while end > start and (line[end - 1].isspace() or line[end - 1] in border):
        end -= 1
    return line[start:end]


def drop_bracketed(text: str, openers: str, closers: str, replacement: str = "", eat_space: bool = False) -> str:
    """Each opener up to the first closer after it replaced, as `re.sub(r"[(].*?[)]", …)` does on one line.

    With `eat_space`, blanks before an opener go too (`\\s*[(].*?[)]`). Once no closer follows, none can
    for a later opener either, so the scan stops: one pass over the text.
    """
    opener_re, closer_re = re.compile(f"[{re.escape(openers)}]"), re.compile(f"[{re.escape(closers)}]")
    pieces, position = [], 0
    while (start := opener_re.search(text, position)) and (end := closer_re.search(text, start.end())):
        kept = text[position:start.start()]
        pieces += [kept.rstrip() if eat_space else kept, replacement]
        position = end.end()
    return "".join(pieces) + text[position:]


ID_COUNT_RE = re.compile(r"^(.*)_([0-9]+)$")


def unique_id(candidate: str, taken: set[str], hints: dict[str, str]) -> str:
    """The id Python-Markdown's toc `unique` gives (`x`, `x_1`, `x_2`…), without retrying every earlier twin.

    `hints` remembers where each candidate's search ended; ids are only ever added, so it resumes there.
    """
    start = candidate
    candidate = hints.get(start, candidate)
    while candidate in taken or not candidate:
        match = ID_COUNT_RE.match(candidate)
        candidate = f"{match.group(1)}_{int(match.group(2)) + 1}" if match else f"{candidate}_1"
    taken.add(candidate)
    hints[start] = candidate
    return candidate
