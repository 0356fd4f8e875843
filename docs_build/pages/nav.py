"""The site navigation: sections per collection and group, so no page carries every entry.

Material renders the navigation into every page; with `navigation.prune` only the open section is
rendered, which keeps pages small on collections of hundreds of entries.
"""

from __future__ import annotations

import html
import posixpath
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from ..catalog import entry_src
from ..model import Entry

if TYPE_CHECKING:
    from ..atlas import Atlas

NavItem = Any  # MkDocs nav items: "page.md", {"Title": "page.md"} or {"Title": [items]}
COLLECTIONS_TITLE = "Collections"
KIND_SECTIONS = {"agent": "Agents", "skill": "Skills", "command": "Commands"}


def build_nav(atlas: Atlas, user_nav: list[NavItem] | None) -> list[NavItem]:
    """Home, one section per collection, the feature and health pages, then the user's own nav."""
    collections = [{_title(atlas.collection_title(name)): _collection_nav(atlas, name)} for name in atlas.catalog.collections]
    sections: dict[str, list[NavItem]] = defaultdict(list)
    for page in atlas.pages:
        if page.nav_section:
            section, _, subsection = page.nav_section.partition("/")
            item = {_title(page.nav_title or page.title): page.src_uri}
            if subsection:
                nested = next((i for i in sections[section] if subsection in i and isinstance(i[subsection], list)), None)
                if nested is None:
                    sections[section].append(nested := {subsection: []})
                nested[subsection].append(item)
            else:
                sections[section].append(item)
    nav: list[NavItem] = [{"Home": "index.md"}, {COLLECTIONS_TITLE: collections}]
    nav += [{name: items} for name, items in sections.items()]
    return nav + list(user_nav or [])


def _collection_nav(atlas: Atlas, collection: str) -> list[NavItem]:
    """Overview page, then entries grouped by plugin/category, or by kind when ungrouped.

    Each group section opens with its folder's index page (navigation.indexes makes the label a link).
    """
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in atlas.catalog.in_collection(collection):
        groups[entry.group or KIND_SECTIONS[entry.kind]].append(entry)
    folders = atlas.catalog.folders()
    items: list[NavItem] = [{"Overview": atlas.catalog.collection_url(collection) + "index.md"}]
    for label in sorted(groups):
        section: list[NavItem] = [{_title(e.title): entry_src(e)} for e in groups[label]]
        homes = {atlas.catalog.home_folder(e) for e in groups[label]}
        home = homes.pop() if len(homes) == 1 else posixpath.commonpath([posixpath.dirname(e.id) for e in groups[label]])
        if home in folders:
            section.insert(0, f"{home}/index.md")
        items.append({_title(label): section})
    return items


def _title(text: str) -> str:
    """Nav titles are printed unescaped by the theme, so escape content values here."""
    return html.escape(text)


def nav_sources(nav: list[NavItem]) -> set[str]:
    """Every page source named anywhere in a nav structure."""
    found: set[str] = set()
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            found |= nav_sources(value) if isinstance(value, list) else {value}
    return found
