"""Index pages for folder URLs that have none (`/graphs/`, `/health/`): no URL of the site is a bare folder."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from ..catalog import href, url_of
from ..model import GeneratedPage
from . import render

INDEX_NAMES = ("index.md", "README.md")


def folder_of(url: str) -> str:
    """The folder URL above a page URL: 'graphs/a/' -> 'graphs/', 'guide/' -> ''."""
    return posixpath.dirname(url.rstrip("/")) + "/" if "/" in url.rstrip("/") else ""


def covered_urls(sources: Iterable[str]) -> set[str]:
    """The URLs that have a page, from the pages' docs-relative sources."""
    return {url_of(src) for src in sources if src.endswith(".md")}


def folder_pages(pages: list[GeneratedPage], other_sources: Iterable[str] = ()) -> list[GeneratedPage]:
    """A listing page for each folder above a page that no page covers (generated or hand-written).

    A folder whose pages all belong to one navigation section lists that whole section and takes its
    name: `/health/` holds one health page, but lists them all as "Health".
    """
    titles = {page.src_uri: page.title for page in pages}
    urls = covered_urls([*titles, *other_sources])
    below: dict[str, list[GeneratedPage]] = {}
    for page in pages:
        folder = folder_of(url_of(page.src_uri))
        while folder and folder not in urls:
            below.setdefault(folder, []).append(page)
            folder = folder_of(folder)
    made = []
    for folder, inside in sorted(below.items()):
        sections = {page.nav_section for page in inside}
        section = sections.pop() if len(sections) == 1 else None
        listed = [page for page in pages if section and page.nav_section == section] or inside
        title = section.rsplit("/", 1)[-1] if section else folder.rstrip("/").rsplit("/", 1)[-1].capitalize()
        src = f"{folder}index.md"
        links = [(page.nav_title or page.title, href(src, url_of(page.src_uri))) for page in listed]
        content = render.render_template("folder_index.html", links=sorted(links, key=lambda link: link[0].lower()))
        made.append(render.page(src, title, f"# {render.md_escape(title)}\n\n{content}", f"The pages under /{folder}"))
    return made
