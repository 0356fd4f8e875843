"""Page size: a file too large for one page is shown in part, so that every page loads.

The cut is made before the file is parsed, so its table rows, handoffs and snippets are those of the part
shown. Where to cut comes from an estimate of the HTML each Markdown line becomes: code is the dearest
(a highlighting span per token, an anchor per line), tables next (cells, row anchors), prose the cheapest.
"""

from __future__ import annotations

import codecs
import re

from ..model import Location, Problem
from .table import CODE_COST, CONTENT_BUDGET, PROSE_COST, TABLE_COST

FENCE_RE = re.compile(rb"^[ \t]*(`{3,}|~{3,})")
CODE = "file-too-large"


def shown_part(path: str, data: bytes) -> tuple[bytes, Problem | None]:
    """The leading part of a file whose page fits the budget (all of it when it fits), cut between blocks."""
    lines = data.split(b"\n")
    if len(data) * CODE_COST[0] + len(lines) * CODE_COST[1] <= CONTENT_BUDGET:
        return data, None  # fits even if every line were code: the common case, decided without a walk
    weight, offset, fence, fence_start, table_line = 0, 0, b"", 0, 0
    for number, line in enumerate(lines):
        start, offset = offset, offset + len(line) + 1
        in_table = not fence and line.lstrip().startswith(b"|")
        table_line = (table_line or number + 1) if in_table else 0  # the line the current table starts at
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[:1]):
                fence = b""
            cost = CODE_COST
        elif match := FENCE_RE.match(line):
            fence, fence_start = match.group(1), start
            cost = CODE_COST
        else:
            cost = TABLE_COST if line.lstrip().startswith(b"|") else PROSE_COST
        weight += len(line) * cost[0] + cost[1]
        if weight > CONTENT_BUDGET:
            cut = fence_start if fence else start  # a block is shown whole or not at all
            cut -= cut % _unit(data)  # a UTF-16 or UTF-32 file is cut between whole characters
            shown = data.count(b"\n", 0, cut)
            return data[:cut], _problem(path, data, lines, shown, table_line if in_table and table_line <= shown else 0)
    return data, None


def _unit(data: bytes) -> int:
    """Bytes per code unit, by the byte-order mark (parse.py decodes by it): 4, 2, or 1 for UTF-8."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return 4
    return 2 if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else 1


def _problem(path: str, data: bytes, lines: list[bytes], shown_lines: int, table_line: int = 0) -> Problem:
    """The warning that names the file's size and what the page leaves out (and the table the cut falls in)."""
    inside = f" (the cut falls inside the table that starts at line {table_line}: its later rows are left out)" if table_line else ""
    return Problem(
        Location(path, shown_lines + 1), "warning", CODE,
        f"file is {_size(len(data))} ({len(lines):,} lines), too large for one page: the page shows lines 1-{shown_lines}; "
        f"table rows, handoffs and snippets after line {shown_lines} are left out{inside}",
        "split it into smaller files",
    )


def _size(size: int) -> str:
    """Bytes in KB or MB, as people read them."""
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size / 1024:.0f} KB"
