"""The site navigation: sections per collection and group, so no page carries every entry.

Material renders the navigation into every page; with `navigation.prune` only the open section is
rendered, which keeps pages small on collections of hundreds of entries.
"""

from __future__ import annotations

import html
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from .catalog import collection_url
from .render import entry_src

if TYPE_CHECKING:
    from .atlas import Atlas

NavItem = Any  # MkDocs nav items: "page.md", {"Title": "page.md"} or {"Title": [items]}


def build_nav(atlas: Atlas, user_nav: list[NavItem] | None) -> list[NavItem]:
    """Home, one section per collection, the feature and health pages, then the user's own nav."""
    collections = [{_title(name): _collection_nav(atlas, name)} for name in atlas.catalog.collections]
    sections: dict[str, list[NavItem]] = defaultdict(list)
    for page in atlas.pages:
        if page.nav_section:
            sections[page.nav_section].append({_title(page.title): page.src_uri})
    nav: list[NavItem] = [{"Home": "index.md"}, {"Collections": collections}]
    nav += [{name: items} for name, items in sections.items()]
    return nav + list(user_nav or [])


def _collection_nav(atlas: Atlas, collection: str) -> list[NavItem]:
    """Overview page, then entries grouped by plugin/category, or by kind when ungrouped."""
    groups: dict[str, list[NavItem]] = defaultdict(list)
    for entry in atlas.catalog.in_collection(collection):
        label = entry.group or ("Agents" if entry.kind == "agent" else "Skills")
        groups[label].append({_title(entry.title): entry_src(entry)})
    items: list[NavItem] = [{"Overview": collection_url(collection) + "index.md"}]
    return items + [{_title(label): groups[label]} for label in sorted(groups)]


def _title(text: str) -> str:
    """Nav titles are printed unescaped by the theme, so escape content values here."""
    return html.escape(text)
