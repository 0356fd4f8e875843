"""Find fenced code blocks in Markdown, keeping the line of each, the way CommonMark pairs them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Location, Problem

FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


@dataclass(frozen=True)
class Fence:
    """One fenced block: where it opens and closes and what its info string says."""

    start_line: int  # line of the opening fence in the file
    end_line: int | None  # line of the closing fence; None when the file ends first
    indent: int
    marker: str  # the opening run of ` or ~
    info: str  # the whole info string, stripped
    code: str  # the block's lines, de-indented by the fence's own indentation
    suspicious_lines: tuple[int, ...] = field(default=())  # fence-with-info lines inside the block

    @property
    def code_line(self) -> int:
        """Line of the first code line in the file."""
        return self.start_line + 1

    @property
    def language(self) -> str:
        """First word of the info string, as written ('' when there is none)."""
        word = self.info.split(maxsplit=1)[0] if self.info else ""
        return word.strip("{}.").lower()

    @property
    def attributes(self) -> str:
        """The info string after the language word (`title="x.py"`, `hl_lines="2"`…)."""
        parts = self.info.split(maxsplit=1)
        return parts[1] if len(parts) > 1 else ""


def iter_fences(text: str, first_line: int = 1) -> list[Fence]:
    """All fenced blocks of `text`, whose first line is line `first_line` of its file."""
    return list(_lex_fences(text, first_line))


# Parsing, links, tables, handoffs, the matrix and snippets all look for code in the same bodies:
# each body is lexed once per build, not once per feature.
@lru_cache(maxsize=4096)
def fenced_lines(text: str, first_line: int = 1) -> frozenset[int]:
    """File lines inside fenced blocks, fences included; an unclosed block runs to the end of `text`."""
    last = first_line + text.count("\n")
    return frozenset(n for f in _lex_fences(text, first_line) for n in range(f.start_line, (f.end_line or last) + 1))


@lru_cache(maxsize=4096)
def _lex_fences(text: str, first_line: int) -> tuple[Fence, ...]:
    """The cached lexing behind `iter_fences`."""
    if first_line:  # bodies are read numbered from their file line and from 0 (bounds, gfm): lexed once
        return tuple(_shifted(fence, first_line) for fence in _lex_fences(text, 0))
    fences: list[Fence] = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        match = FENCE_RE.match(lines[index])
        if not match or (match["fence"][0] == "`" and "`" in match["info"]):
            index += 1
            continue
        opener, indent = match["fence"], len(match["indent"].expandtabs(4))
        body: list[str] = []
        suspicious: list[int] = []
        end = None
        for inner in range(index + 1, len(lines)):
            close = FENCE_RE.match(lines[inner])
            if close and _closes(opener, close):
                end = inner
                break
            # A shorter inner fence is deliberate nesting (```` around ```); an equal one is a slip.
            if close and close["fence"][0] == opener[0] and len(close["fence"]) >= len(opener):
                suspicious.append(first_line + inner)
            body.append(_dedent(lines[inner], indent))
        fences.append(
            Fence(
                start_line=first_line + index,
                end_line=None if end is None else first_line + end,
                indent=indent,
                marker=opener,
                info=match["info"].strip(),
                code="\n".join(body),
                suspicious_lines=tuple(suspicious),
            )
        )
        index = len(lines) if end is None else end + 1
    return tuple(fences)


def _shifted(fence: Fence, lines: int) -> Fence:
    """The same fence, its line numbers `lines` further down."""
    end = None if fence.end_line is None else fence.end_line + lines
    suspicious = tuple(line + lines for line in fence.suspicious_lines)
    return replace(fence, start_line=fence.start_line + lines, end_line=end, suspicious_lines=suspicious)


def fence_problems(path: str, fences: list[Fence]) -> list[Problem]:
    """Unclosed fences and fences opened inside an open block, at their lines."""
    problems = []
    for fence in fences:
        if fence.end_line is None:
            problems.append(
                Problem(
                    Location(path, fence.start_line),
                    "error",
                    "unclosed-fence",
                    f"code fence '{_shown(fence.marker)}' opened here is never closed; it runs to the end of the file",
                    f"add a closing '{_shown(fence.marker)}' line after the block",
                )
            )
        for line in fence.suspicious_lines:
            problems.append(
                Problem(
                    Location(path, line),
                    "warning",
                    "fence-inside-block",
                    f"a fence with a language opens inside the block opened at line {fence.start_line}",
                    f"close that block with '{_shown(fence.marker)}' before opening a new one",
                )
            )
    return problems


def _shown(marker: str) -> str:
    """A fence marker for a message: a run of 50,000 backticks is not worth 50 KB of log."""
    return marker if len(marker) <= 10 else f"{marker[:10]}… ({len(marker)} characters)"


def normalise_fences(text: str, fences: list[Fence], first_line: int = 1) -> str:
    """`text` as the site renders it: each closing fence the same length as its opener, the last one closed.

    CommonMark (GitHub) closes ``` with ````, and so do these fences; pymdownx.superfences, which renders
    the site, wants the same length and would run the block on: the page would differ from the analysis.
    """
    lines = text.split("\n")
    for fence in fences:
        if fence.end_line is not None:
            index = fence.end_line - first_line
            close = lines[index]
            lines[index] = close[: len(close) - len(close.lstrip(" \t"))] + fence.marker
    text = "\n".join(lines)
    if fences and fences[-1].end_line is None:
        return text.rstrip("\n") + "\n" + " " * fences[-1].indent + fences[-1].marker + "\n"
    return text


def _closes(opener: str, close: re.Match[str]) -> bool:
    """A closing fence uses the same character, is at least as long, and has no info string."""
    fence = close["fence"]
    return fence[0] == opener[0] and len(fence) >= len(opener) and not close["info"].strip()


def _dedent(line: str, indent: int) -> str:
    """Remove up to `indent` leading spaces, as CommonMark does for an indented fence's content."""
    stripped = len(line) - len(line.lstrip(" "))
    return line[min(stripped, indent):]
