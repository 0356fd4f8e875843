"""Each page's sidebar: the sections on its own path open, every other section folded to one link.

MkDocs builds one navigation for the whole site and Material renders it into every page; even pruned, it
walked every item of every collection for every page, so pages and build time grew with the corpus. Here
the site nav stays whole (prev/next links, parents), and each page is handed a sidebar where only the
sections above it keep their items: top-level sections, its collection, its plugin or category; inside a
collection, the other collections are one link to the home page's list of them. Sidebars
are shared by the pages of one section. Nav items are duck-typed (`title`, `children`, `is_section`,
`parent`, `url`, `file`); the MkDocs classes to build with are passed in, so nothing here imports MkDocs.
"""

from __future__ import annotations

from typing import Any, Callable

NavObject = Any  # an MkDocs Section, Page or Link
ALL_COLLECTIONS = "All collections"  # the link, inside a collection, to the home page's list of them


class Sidebars:
    """Sidebars cut from the site nav, one per section that holds pages, made when first asked for."""

    def __init__(
        self, items: list[NavObject], collections_title: str,
        make_section: Callable[[str, list[NavObject]], NavObject], make_link: Callable[[str, str], NavObject],
    ) -> None:
        self.items, self.make_section, self.make_link = items, make_section, make_link
        self.made: dict[int, list[NavObject]] = {}
        top = self.collections = next((i for i in items if i.is_section and i.title == collections_title), None)
        self.home_url = next((i.url for i in items if getattr(i, "file", None) is not None), "")
        # Pages outside the nav (folder indexes) belong to the collection their URL starts with.
        self.owners = {page.file.src_uri.split("/", 1)[0]: collection
                       for collection in (top.children if top else []) if collection.is_section
                       for page in _pages(collection)}

    def items_for(self, page: NavObject) -> list[NavObject]:
        """The top-level sidebar items for `page`."""
        anchor = page.parent or self.owners.get(page.file.src_uri.split("/", 1)[0])
        key = id(anchor)
        if key not in self.made:
            path = []
            while anchor is not None:
                path.append(anchor)
                anchor = anchor.parent
            self.made[key] = [self._fold(item, path, top=True) for item in self.items]
        return self.made[key]

    def _fold(self, item: NavObject, path: list[NavObject], top: bool = False) -> NavObject:
        """A section on the path (or at the top) with its items folded in turn; any other section as a link."""
        if not item.is_section:
            return item
        on_path = any(item is section for section in path)
        if not (on_path or top):
            return self.make_link(item.title, _first_url(item))
        children = [self._fold(child, path) for child in item.children]
        if item is self.collections and any(child is section for child in item.children for section in path):
            # Inside a collection, the others are one link: the sidebar does not grow with their number.
            children = [c for c, child in zip(children, item.children) if any(child is section for section in path)]
            children.append(self.make_link(ALL_COLLECTIONS, self.home_url))
        section = self.make_section(item.title, children)
        section.active = on_path  # the page is below it (the site nav's own sections keep their parents)
        return section


def _pages(item: NavObject) -> list[NavObject]:
    """Every page below a nav item."""
    if item.children is None:
        return [item] if getattr(item, "file", None) is not None else []
    return [page for child in item.children for page in _pages(child)]


def _first_url(item: NavObject) -> str:
    """Where a folded section links: its first page (an overview or a folder's index)."""
    pages = _pages(item)
    return pages[0].url if pages else ""
