"""objects.inv: the catalog as a Sphinx inventory (version 2), for intersphinx and mkdocstrings/autorefs.

Every agent, skill, command, plugin, marketplace and troubleshooting row is an object of the `atlas` domain, named by its entry id
(`api-design/agents/02-backend-patterns`, always unique and stable: it comes from the path) and, when no
other object of its role shares it, by `collection/name` too. Each is also a `std:label`, so any Sphinx
project can link with `:external+atlas:ref:` without knowing the `atlas` domain.
"""

from __future__ import annotations

import zlib
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterator

from ..pages import render

DOMAIN = "atlas"
ROLES = {"agent": "agent", "skill": "skill", "command": "command"}
ROW_ROLE = "row"
FILE_NAME = render.INVENTORY_FILE


def objects(
    catalog: dict[str, Any], row_exists: Callable[[str], bool] | None = None
) -> list[tuple[str, str, str, str]]:
    """(name, role, uri, display name) of every object, from a catalog.json document; names unique per role.

    `row_exists(uri)` says whether a row's anchor made it onto its page; rows without one are left out.
    """
    entries = catalog["entries"]
    short_counts = Counter((ROLES[e["kind"]], _short_name(e)) for e in entries)
    found: list[tuple[str, str, str, str]] = []
    for entry in entries:
        role = ROLES[entry["kind"]]
        names = [entry["id"], *entry.get("aliases", [])]
        short = _short_name(entry)
        if short_counts[(role, short)] == 1 and short not in names:
            names.append(short)
        for name in names:
            found.append((name, role, entry["url"], _one_line(entry["title"])))
        for row in entry.get("troubleshooting", []):
            if row_exists is not None and not row_exists(row["url"]):
                continue
            anchor = row["id"].partition("#")[2]
            for name in names:
                found.append((f"{name}#{anchor}", ROW_ROLE, row["url"], _one_line(row["symptom"])))
    # Plugins and marketplaces (the plugins feature): by collection/name and by folder.
    for plugin in catalog.get("plugins", []):
        for name in dict.fromkeys([f"{plugin['collection']}/{plugin['name']}", plugin["url"].rstrip("/")]):
            found.append((name, "plugin", plugin["url"], _one_line(plugin["name"])))
    for market in (m for m in catalog.get("marketplaces", []) if m.get("url")):
        found.append((f"{market['collection']}/{market['name']}", "marketplace", market["url"], _one_line(market["name"])))
    seen: set[tuple[str, str]] = set()
    unique = []
    for item in found:  # an alias may equal another entry's short name: the first object keeps it
        if (item[0], item[1]) not in seen:
            seen.add((item[0], item[1]))
            unique.append(item)
    return unique


def objects_inv(catalog: dict[str, Any], project: str, row_exists: Callable[[str], bool] | None = None) -> bytes:
    """The objects.inv file: four header lines, then zlib-compressed `name domain:role priority uri dispname` lines."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {_one_line(project)}\n"
        f"# Version: {catalog.get('version', '')}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    lines = "".join(f"{line}\n" for line in _lines(objects(catalog, row_exists)))
    return header.encode("utf-8") + zlib.compress(lines.encode("utf-8"), 9)


def anchors_on_pages(site_dir: Path) -> Callable[[str], bool]:
    """Whether the built page of a site-relative `page/#anchor` has that id.

    A row read from a table that the Markdown renderer showed as code (a fence the two read differently)
    has no anchor on its page: an inventory object for it would be a dead link.
    """
    pages: dict[str, str] = {}

    def exists(uri: str) -> bool:
        path, _, anchor = uri.partition("#")
        if path not in pages:
            page = site_dir / path / "index.html"
            pages[path] = page.read_text(encoding="utf-8") if page.is_file() else ""
        return f'id="{anchor}"' in pages[path]

    return exists


def _lines(items: list[tuple[str, str, str, str]]) -> Iterator[str]:
    """Inventory lines: each object in the atlas domain, then as a std:label (lowercase, as Sphinx looks labels up)."""
    for name, role, uri, display in items:
        yield f"{name} {DOMAIN}:{role} 1 {_shorthand(uri, name)} {_display(display, name)}"
    labels: dict[str, tuple[str, str]] = {}
    for name, _, uri, display in items:  # an agent and a skill may share a name: the first keeps the label
        labels.setdefault(name.lower(), (uri, display))
    for name, (uri, display) in sorted(labels.items()):
        yield f"{name} std:label -1 {_shorthand(uri, name)} {_display(display, name)}"


def _short_name(entry: dict[str, Any]) -> str:
    """`collection/name`, the form a wiki author writes; whitespace in either becomes '-'."""
    return "-".join(f"{entry['collection']}/{entry['name']}".split())


def _one_line(text: str) -> str:
    """Inventory fields are one line: collapse whitespace."""
    return " ".join(str(text).split())


def _shorthand(uri: str, name: str) -> str:
    """Sphinx's `$` shorthand: a uri ending with the object's name ends with `$` instead."""
    return uri[: -len(name)] + "$" if name and uri.endswith(name) else uri


def _display(display: str, name: str) -> str:
    """`-` when the display name is the name itself (Sphinx's convention), else the display name."""
    return "-" if not display or display == name else display
