"""Relative links in entry bodies: point them at the pages the site made, or drop dead ones.

A body's relative links are written against the file's place in its repository
(`../other-skill/SKILL.md`, `references/guide.md`). The site moves every file to its own URL, so each
link is resolved against the content directory: a link to another definition file becomes a link to
its page; a link to anything the site does not have becomes plain text, reported as a note.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Callable, Iterator

from ..catalog import Catalog, entry_src, md_href
from ..markdown.codespans import blank_code_spans
from ..markdown.fences import fenced_lines
from ..model import Analysis, Entry, Location, Problem

# [text](target "title") and ![alt](target); the target may not contain spaces or parentheses.
# Text and target stop at the next bracket or parenthesis, possessively: a line of 40 KB of '[a](' is
# then read once, not once per '[' (it took 15 s).
INLINE_LINK_RE = re.compile(
    r"(?P<image>!?)\[(?P<text>[^\[\]\n]*+)\]\((?P<target><[^<>\n]*+>|[^()<>\s]*+)(?P<title>\s+\"[^\"\n]*+\")?\)"
)
SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass(frozen=True)
class BodyLink:
    """One relative link found in a body, resolved against the content directory."""

    line: int
    text: str
    target: str  # as written
    path: str  # content-relative path it points at (normalised), without anchor
    anchor: str
    is_image: bool


def iter_relative_links(entry: Entry) -> list[BodyLink]:
    """Every relative link of the body outside code, with its file line."""
    return [
        BodyLink(entry.body_line + offset, match["text"], target, path, anchor, bool(match["image"]))
        for offset, _, match, target, path, anchor in _scan(entry)
    ]


def rewrite_links(entry: Entry, targets: dict[str, str], page_href: Callable[[str], str]) -> tuple[str, list[Problem]]:
    """The body with relative links re-pointed; `targets` maps content paths to page sources.

    `page_href(src)` turns a page source (`<id>.md`, maybe with `#anchor`) into a link from this page.
    """
    problems: list[Problem] = []
    lines = entry.body.split("\n")
    rebuilt: dict[int, tuple[list[str], int]] = {}
    for offset, line, match, target, path, anchor in _scan(entry):
        pieces, last = rebuilt.get(offset, ([], 0))
        pieces.append(line[last:match.start()])
        text = line[match.start("text"):match.end("text")]
        if url := targets.get(path):
            pieces.append(f"{match['image']}[{text}]({page_href(url + (f'#{anchor}' if anchor else ''))})")
        else:
            pieces.append(text)
            problems.append(
                Problem(Location(entry.source, entry.body_line + offset), "info", "link-not-in-site",
                        f"link target '{target}' is not a page of this site; shown as plain text",
                        "link to a definition file of the collection, or to a full URL")
            )
        rebuilt[offset] = (pieces, match.end())
    for offset, (pieces, last) in rebuilt.items():
        lines[offset] = "".join(pieces) + lines[offset][last:]
    return "\n".join(lines), problems


def _scan(entry: Entry) -> Iterator[tuple[int, str, re.Match[str], str, str, str]]:
    """(line offset, line, match, target, resolved content path, anchor) for each relative link."""
    code_lines = fenced_lines(entry.body, entry.body_line)  # link syntax in code is just text
    base = posixpath.dirname(entry.source)
    for offset, line in enumerate(entry.body.split("\n")):
        if "](" not in line or entry.body_line + offset in code_lines:
            continue
        visible = blank_code_spans(line)
        for match in INLINE_LINK_RE.finditer(visible):
            target = match["target"].strip("<>")
            if not target or target.startswith(("#", "/")) or SCHEME_RE.match(target):
                continue
            path, _, anchor = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(base, path.split("?")[0])).rstrip("/")
            yield offset, line, match, target, resolved, anchor


def definition_paths(entries: list[Entry]) -> dict[str, Entry]:
    """Content paths a body may link to, and their entries: every definition file, and a skill's folder."""
    paths: dict[str, Entry] = {}
    for entry in entries:
        paths[entry.source] = entry
        if entry.source.lower().endswith("/skill.md"):
            paths[posixpath.dirname(entry.source)] = entry
    return paths


def link_targets(entries: list[Entry]) -> dict[str, str]:
    """Content paths a body may link to, mapped to their pages' sources."""
    return {path: f"{entry.id}.md" for path, entry in definition_paths(entries).items()}


def analyse(catalog: Catalog) -> Analysis:
    """Re-point every entry's relative links; report those the site cannot honour."""
    targets = link_targets(catalog.entries)
    analysis = Analysis("bodylinks")
    for entry in catalog.entries:
        source = entry_src(entry)
        body, problems = rewrite_links(entry, targets, lambda target, s=source: md_href(s, target))
        if body != entry.body:
            analysis.display_body[entry.id] = body
        analysis.problems += problems
    return analysis
