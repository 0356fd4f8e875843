"""Material's sidebar rendered once per sidebar and folder; each page gets it with its own item put in.

Material renders a page's sidebar with a recursive Jinja macro, item by item: about 5 ms a page on the
corpus, 60 % of putting a page into the theme. The pages of one section share one sidebar (adapter/pagenav.py),
and the pages of one folder see every other page by the same relative link. So the sidebar is rendered once
per (sidebar, folder), as a page of that folder outside the navigation would see it (every item plain), and
a page gets that HTML with its own plain item replaced by its active one (with its table of contents), both
made by Material's own macro. Where the two could differ — the home page, a folder's index page (its
section's link is the active one), a sidebar link below the page's own URL, an item not found exactly
once — the page's sidebar is rendered whole. `ATLAS_NAV_CACHE=0` renders every sidebar whole.

Nav items are duck-typed (`url`, `children`, `active`, `file`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

CACHE_ENV = "ATLAS_NAV_CACHE"
MATERIAL_NAV = "atlas/material-nav.html"  # the name Material's partials/nav.html is served under

#: The last part of the stand-in page's URL: no page of a folder has it, and it has no dot (a dot would make
#: MkDocs read it as a file name when it computes relative links).
STAND_IN = "atlas-sidebar-stand-in/"


class _StandIn:
    """A page outside the navigation in a page's folder: every link as seen from there, no item active."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.toc: list[Any] = []
        self.meta: dict[str, Any] = {}


class SidebarCache:
    """Sidebars by (sidebar, folder). `render_nav(variables)` renders a sidebar whole; `render_item(variables,
    item)` one nav item; `variables` are the template's (`page`, `nav`, …)."""

    def __init__(self, render_nav: Callable[[dict[str, Any]], str],
                 render_item: Callable[[dict[str, Any], Any], str]) -> None:
        self.render_nav, self.render_item = render_nav, render_item
        self.enabled = os.environ.get(CACHE_ENV, "1") != "0"
        self.skeletons: dict[tuple[int, str], tuple[list[Any], str]] = {}
        self.urls: dict[int, tuple[list[Any], list[str]]] = {}

    def html(self, variables: dict[str, Any]) -> str:
        """The sidebar of `variables["page"]`, as Material renders it."""
        page, items = variables.get("page"), variables["nav"].items
        if page is None or not (self.enabled and self._cacheable(page, items)):  # 404.html has no page
            return self.render_nav(variables)
        folder = page.url[: page.url.rstrip("/").rfind("/") + 1]
        was_active = page.active
        page.active = False  # in the skeleton and in its plain item, the page is one item among the others
        try:
            stand_in = {**variables, "page": _StandIn(folder + STAND_IN)}
            key = (id(items), folder)
            if key not in self.skeletons:
                self.skeletons[key] = (items, self.render_nav(stand_in))  # the list is kept: its id stays its own
            skeleton = self.skeletons[key][1]
            plain = self.render_item(stand_in, page)
        finally:
            page.active = was_active
        if skeleton.count(plain) != 1:
            return self.render_nav(variables)
        return skeleton.replace(plain, self.render_item(variables, page))

    def _cacheable(self, page: Any, items: list[Any]) -> bool:
        """Whether the page's sidebar is its folder's skeleton with its one item changed."""
        if not page.url.endswith("/") or page.file.name == "index":
            return False  # the home page, a file URL; a folder's index page (its section's link is marked active)
        return not any(url.startswith(page.url) and url != page.url for url in self._urls(items))

    def _urls(self, items: list[Any]) -> list[str]:
        """Every page and link URL of a sidebar."""
        if id(items) not in self.urls:
            found: list[str] = []
            stack = list(items)
            while stack:
                item = stack.pop()
                if getattr(item, "url", None) is not None:
                    found.append(item.url)
                stack.extend(getattr(item, "children", None) or [])
            self.urls[id(items)] = (items, found)
        return self.urls[id(items)][1]


def install_sidebar_cache(env: jinja2.Environment, theme_dirs: list[str]) -> jinja2.Environment:
    """Give the theme `atlas_sidebar()`, which overrides/partials/nav.html calls: Material's own nav.html (found
    in `theme_dirs`, the theme without the site's overrides) through a SidebarCache of this environment."""
    source = next(path for d in theme_dirs if (path := Path(d, "partials", "nav.html")).is_file()).read_text(encoding="utf-8")
    # compat.JINJA_THEME_ENV, compat.MATERIAL_NAV_MACRO: Material's nav.html under another name, its item macro called
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.FunctionLoader(lambda name: source if name == MATERIAL_NAV else None)])
    cache = SidebarCache(
        lambda variables: env.get_template(MATERIAL_NAV).render(variables),
        lambda variables, item: env.get_template("partials/nav-item.html").make_module(variables).render(item, "", 1),
    )

    @jinja2.pass_context
    def atlas_sidebar(context: jinja2.runtime.Context) -> Markup:
        return Markup(cache.html(context.get_all()))

    env.globals["atlas_sidebar"] = atlas_sidebar
    return env
