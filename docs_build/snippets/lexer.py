"""Fenced blocks of an entry's body as snippets: language, attributes, opt-out and Markdown positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..markdown.fences import Fence, iter_fences
from .languages import normalise

#: The per-block opt-out, as an HTML comment on the line before the fence (invisible on the page).
OPT_OUT_COMMENT_RE = re.compile(r"^\s*<!--\s*no-check\s*(?::\s*(?P<reason>.*?))?\s*-->\s*$", re.I)
#: The same opt-out as an info-string attribute: ```{.python no-check="why"}
OPT_OUT_ATTRIBUTE = "no-check"
ATTRIBUTE_RE = re.compile(r"""(?P<key>[\w:.-]+)(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s"'}]+))?""")


@dataclass(frozen=True)
class Snippet:
    """One fenced code block of a content file, with everything needed to map errors back to it."""

    path: str  # content-relative path of the Markdown file
    fence_line: int  # line of the opening fence: the snippet's name in reports and test ids
    language: str  # canonical language ('typescript'), '' when the info string has none
    word: str  # the language word as written ('tsx')
    info: str  # the whole info string
    attributes: dict[str, str]
    code: str
    code_line: int  # line of the first code line in the Markdown file
    offsets: tuple[int, ...] = field(default=())  # per code line: columns the fence's indentation removed
    opt_out: str | None = None  # the reason given for not checking it; '' when none was given
    unclosed: bool = False

    @property
    def id(self) -> str:
        """Test id and report name: `path:fence_line[language]`."""
        return f"{self.path}:{self.fence_line}[{self.language or 'none'}]"

    def position(self, line: int, column: int) -> tuple[int, int]:
        """Markdown file line and column (1-based) of a 1-based position in the snippet's code."""
        line = max(1, min(line, self.code.count("\n") + 1))
        offset = self.offsets[line - 1] if line - 1 < len(self.offsets) else 0
        return self.code_line + line - 1, column + offset

    def source_line(self, line: int) -> str:
        """The snippet's own text of a 1-based snippet line."""
        lines = self.code.split("\n")
        return lines[line - 1] if 0 < line <= len(lines) else ""


def parse_info(info: str) -> tuple[str, dict[str, str]]:
    """Split an info string into its language word and attributes.

    Both `python title="x.py"` and the attribute-list form `{.python no-check="why"}` are read.
    """
    text = info.strip()
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1].strip()
    word, _, rest = text.partition(" ")
    if word.startswith("{"):  # `{.python}` glued to nothing else
        word = word.strip("{}")
    attributes: dict[str, str] = {}
    for match in ATTRIBUTE_RE.finditer(rest):
        value = match["value"] or ""
        if value[:1] in "\"'" and len(value) >= 2:
            value = value[1:-1]
        attributes[match["key"].lstrip(".#")] = value
    return word.lstrip("."), attributes


def iter_snippets(path: str, body: str, body_line: int, unclosed_lines: frozenset[int] = frozenset()) -> list[Snippet]:
    """Every fenced block of a body whose first line is `body_line`; `unclosed_lines` are fences never closed."""
    lines = body.split("\n")
    snippets = []
    for fence in iter_fences(body, body_line):
        word, attributes = parse_info(fence.info)
        snippets.append(
            Snippet(
                path=path,
                fence_line=fence.start_line,
                language=normalise(word) if word else "",
                word=word.lower(),
                info=fence.info,
                attributes=attributes,
                code=fence.code,
                code_line=fence.code_line,
                offsets=_offsets(fence, lines, body_line),
                opt_out=_opt_out(fence, attributes, lines, body_line),
                unclosed=fence.start_line in unclosed_lines,
            )
        )
    return snippets


def _offsets(fence: Fence, lines: list[str], body_line: int) -> tuple[int, ...]:
    """How many columns the fence's indentation took from each code line."""
    if not fence.indent:
        return ()
    first = fence.code_line - body_line
    code = fence.code.split("\n")
    return tuple(len(lines[first + i]) - len(text) for i, text in enumerate(code) if first + i < len(lines))


def _opt_out(fence: Fence, attributes: dict[str, str], lines: list[str], body_line: int) -> str | None:
    """The opt-out reason from the info string or the comment just above the fence, if any."""
    if OPT_OUT_ATTRIBUTE in attributes:
        return attributes[OPT_OUT_ATTRIBUTE].strip()
    index = fence.start_line - body_line - 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    if index >= 0 and (match := OPT_OUT_COMMENT_RE.match(lines[index])):
        return (match["reason"] or "").strip()
    return None
