"""Each page's sidebar: its own collection's tree, every other collection folded to one link.

MkDocs builds one navigation for the whole site and Material renders it into every page, so pages (and
build time) grew with the number of collections. Here the site nav stays whole (prev/next, parents), and
each page is handed a sidebar cut for its collection. Nav items are duck-typed (`title`, `children`,
`is_section`, `url`, `file`); the MkDocs classes to build with are passed in, so nothing here imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

NavObject = Any  # an MkDocs Section, Page or Link


@dataclass
class PageNavs:
    """Top-level nav items per collection (by position), and which collection each URL segment belongs to."""

    by_collection: dict[int | None, list[NavObject]]
    segment_owner: dict[str, int]

    def items_for(self, src_uri: str) -> list[NavObject]:
        """The sidebar items of the page made from `src_uri` (pages outside collections: all folded)."""
        owner = self.segment_owner.get(src_uri.split("/", 1)[0])
        return self.by_collection[owner]


def page_navs(
    items: list[NavObject], section_title: str,
    make_section: Callable[[str, list[NavObject]], NavObject], make_link: Callable[[str, str], NavObject],
) -> PageNavs:
    """Sidebars for every collection under the top-level section `section_title`."""
    top = next((item for item in items if item.is_section and item.title == section_title), None)
    if top is None:
        return PageNavs({None: items}, {})
    folded = [make_link(child.title, _first_url(child)) for child in top.children]
    by_collection: dict[int | None, list[NavObject]] = {None: _replace(items, top, make_section(top.title, folded))}
    owners: dict[str, int] = {}
    for index, child in enumerate(top.children):
        section = make_section(top.title, folded[:index] + [child] + folded[index + 1:])
        section.active = True  # the page is somewhere below; the real parent chain is the site nav's
        by_collection[index] = _replace(items, top, section)
        for page in _pages(child):
            owners.setdefault(page.file.src_uri.split("/", 1)[0], index)
    return PageNavs(by_collection, owners)


def _replace(items: list[NavObject], old: NavObject, new: NavObject) -> list[NavObject]:
    """`items` with one item swapped."""
    return [new if item is old else item for item in items]


def _pages(item: NavObject) -> list[NavObject]:
    """Every page below a nav item."""
    if item.children is None:
        return [item] if getattr(item, "file", None) is not None else []
    return [page for child in item.children for page in _pages(child)]


def _first_url(item: NavObject) -> str:
    """Where a folded section links: its first page (a collection's overview)."""
    pages = _pages(item)
    return pages[0].url if pages else ""
