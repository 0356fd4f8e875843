"""Renames keep links alive: `redirects.yml` in the content directory maps old content paths to new ones.

Each old path's URL gets a small page that sends the reader on to the new page, fragment kept, and the
entry lists its old ids as `aliases` in catalog.json and objects.inv.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..catalog import Catalog, entry_id, href
from ..model import Analysis, Location, Problem
from ..pages import render
from ..sources.discover import REDIRECTS_FILE
from ..sources.encoding import decode

EXAMPLE = "e.g. 'api-design/agents/old-name.md: api-design/agents/02-backend-patterns.md'"


@dataclass(frozen=True)
class Redirect:
    """One line of the map: an old content path, the entry it now lives at, and the line it was written on."""

    old_path: str
    old_id: str
    target_id: str
    line: int


def read_map(text: str) -> tuple[list[tuple[str, str, int]], list[Problem]]:
    """(old path, new path, line) of each mapping line; a file that is no mapping of text to text is a problem."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return [], [_problem(line, "error", "redirect-invalid", f"invalid YAML: {getattr(error, 'problem', error)}")]
    if root is None:
        return [], []
    if not isinstance(root, yaml.MappingNode):
        return [], [_problem(root.start_mark.line + 1, "error", "redirect-invalid", "the redirect map is not a mapping")]
    pairs, problems = [], []
    for key, value in root.value:
        line = key.start_mark.line + 1
        if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode) and key.value and value.value):
            problems.append(_problem(line, "error", "redirect-invalid", "each line maps an old path to a new path"))
            continue
        pairs.append((key.value.strip().lstrip("/"), value.value.strip().lstrip("/"), line))
    return pairs, problems


def resolve(pairs: list[tuple[str, str, int]], catalog: Catalog) -> tuple[list[Redirect], list[Problem]]:
    """Redirects whose target is an entry (directly or through later lines); the other lines are problems."""
    by_source = {entry.source: entry for entry in catalog.entries}
    mapping = {old: new for old, new, _ in pairs}
    # Every URL the site already serves: entries, folder indexes, collection overviews, the site's own pages.
    taken = set(catalog.by_id) | set(catalog.folders()) | set(catalog.reserved)
    taken |= {catalog.collection_url(name).rstrip("/") for name in catalog.collections}
    redirects, problems = [], []
    first_line: dict[str, int] = {}  # old URL -> the line that redirects it
    for old, new, line in pairs:
        old_id = entry_id(old)
        if old in by_source or (catalog.content_dir / old).exists() or old_id in taken:
            problems.append(_problem(line, "warning", "redirect-source-exists",
                                     f"old path '{old}' still exists or its URL '{old_id}/' is a page of the site, "
                                     "so it is not redirected", "remove the line, or the file it names"))
            continue
        if old_id in first_line:
            problems.append(_problem(line, "warning", "redirect-source-exists",
                                     f"old path '{old}' has the URL '{old_id}/', already redirected by line "
                                     f"{first_line[old_id]}", "keep one line per old URL"))
            continue
        first_line[old_id] = line
        target, hops = new, 0
        while target not in by_source and target in mapping and hops < len(mapping):
            target, hops = mapping[target], hops + 1  # renamed twice: follow the chain
        if target not in by_source:
            problems.append(_problem(line, "warning", "redirect-target-missing",
                                     f"'{old}' is redirected to '{new}', which is not an agent or skill of the catalog",
                                     f"name the file's current path, {EXAMPLE}"))
            continue
        redirects.append(Redirect(old, old_id, by_source[target].id, line))
    return redirects, problems


def redirect_page(redirect: Redirect, catalog: Catalog) -> str:
    """The HTML served at the old URL: straight on to the new page, keeping the #fragment."""
    entry = catalog.by_id[redirect.target_id]
    target = href(f"{redirect.old_id}.md", entry.url)
    return render.environment().get_template("redirect.html").render(target=target, entry=entry)


def analyse(catalog: Catalog) -> Analysis:
    """The redirects feature: pages at the old URLs, aliases on the entries, problems in the map."""
    path = catalog.content_dir / REDIRECTS_FILE
    text, problems = decode(path.read_bytes(), REDIRECTS_FILE) if path.is_file() else ("", [])
    pairs, map_problems = read_map(text)
    problems += map_problems
    redirects, unresolved = resolve(pairs, catalog)
    aliases: dict[str, list[str]] = {entry.id: [] for entry in catalog.entries}
    for redirect in redirects:
        aliases[redirect.target_id].append(redirect.old_id)
    return Analysis(
        name="redirects",
        problems=problems + unresolved,
        entry_json={entry_id_: {"aliases": old} for entry_id_, old in aliases.items()},
        files={f"{r.old_id}/index.html": redirect_page(r, catalog) for r in redirects},
        summary=f"{len(redirects)} redirects" if redirects else "",
    )


def _problem(line: int, severity: str, code: str, message: str, hint: str = "") -> Problem:
    """A problem of the redirect map, at its line."""
    return Problem(Location(REDIRECTS_FILE, line), severity, code, message, hint or f"map old to new paths, {EXAMPLE}")  # type: ignore[arg-type]
