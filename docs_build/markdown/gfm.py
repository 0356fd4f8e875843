"""Bridge the one GitHub-Markdown habit that Python-Markdown renders badly in definition files.

Collections are written for GitHub, where a list or a table may follow a paragraph line directly
(`**Boundaries:**` then `- item`). Python-Markdown needs a blank line first, or the list melts into
the paragraph. This adds that blank line, outside code blocks only, leaving code untouched.
"""

from __future__ import annotations

import re

from .fences import fenced_lines

LIST_ITEM_RE = re.compile(r"^ {0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+\S")
TABLE_ROW_RE = re.compile(r"^ {0,3}\|")
TABLE_DELIMITER_RE = re.compile(r"^ {0,3}\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-*:?[ \t]*)*\|?[ \t]*$")


def separate_blocks(body: str) -> str:
    """Insert a blank line where a list or table starts right under a paragraph line."""
    lines = body.split("\n")
    in_code = fenced_lines(body, 0)  # numbered from 0, like the list indexes
    out: list[str] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else ""
        if index not in in_code and previous.strip() and index - 1 not in in_code and _starts_block(lines, index):
            if not (LIST_ITEM_RE.match(previous) or TABLE_ROW_RE.match(previous) or previous.startswith((" ", "\t"))):
                out.append("")
        out.append(line)
    return "\n".join(out)


def _starts_block(lines: list[str], index: int) -> bool:
    """A list item, or a table header row followed by its delimiter row."""
    if LIST_ITEM_RE.match(lines[index]):
        return True
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return bool(TABLE_ROW_RE.match(lines[index]) and TABLE_DELIMITER_RE.match(following))
